// See flate.h.
#include "export/pdf/flate.h"

#include <hpdf_list.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <libdeflate.h>

#include <cstring>
#include <memory>
#include <new>
#include <stdexcept>

namespace gw::pdf {
namespace {

// libharu drops the /Filter entry of any stream it does not compress itself (HPDF_Dict_Write), so a
// stream we deflated states its filter here: write_fn runs after the entries, before ">>".
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream out) { return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012"); }

// libharu writes every stream's /Length as an object of its own ("/Length 12 0 R", the number after
// the stream): a third of a document's objects, each one more for a reader to find and parse — a
// batch's merge (qpdf) resolves every one of them. Here the length is known before writing, so the
// dictionary holds the number itself: the entry's proxy gives way to libharu's Length object.
// HPDF_Dict_Write only checks that the Length it finds is an indirect object (it is: it stays in the
// xref, written once more on its own but referenced by nothing) and, after the data, sets it to the
// bytes written — the value it already has. The dictionary does not free an indirect object, the
// xref does, as before.
void inline_length(HPDF_Dict dict, size_t size) {
  for (HPDF_UINT i = 0; i < dict->list->count; ++i) {
    auto element = static_cast<HPDF_DictElement>(HPDF_List_ItemAt(dict->list, i));
    if (std::strcmp(element->key, "Length") != 0) continue;
    auto header = static_cast<HPDF_Obj_Header*>(element->value);
    if (header->obj_class != HPDF_OCLASS_PROXY) return;
    auto length = static_cast<HPDF_Number>(static_cast<HPDF_Proxy>(element->value)->obj);
    if ((length->header.obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_NUMBER) return;
    HPDF_Number_SetValue(length, static_cast<HPDF_INT32>(size));
    HPDF_Obj_Free(dict->mmgr, element->value);  // the proxy, a direct object
    element->value = length;
    return;
  }
}

std::string deflate_bytes(std::string_view raw, Deflate how) {
  // One compressor per thread and level: allocating one costs more than compressing a small stream.
  struct Free {
    void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
  };
  thread_local std::unique_ptr<libdeflate_compressor, Free> fast, balanced;
  auto& slot = how == Deflate::kFast ? fast : balanced;
  if (!slot) slot.reset(libdeflate_alloc_compressor(how == Deflate::kFast ? 1 : 6));
  if (!slot) throw std::bad_alloc();
  std::string out(libdeflate_zlib_compress_bound(slot.get(), raw.size()), '\0');
  const size_t n = libdeflate_zlib_compress(slot.get(), raw.data(), raw.size(), out.data(), out.size());
  if (n == 0) throw std::runtime_error("libdeflate could not compress a stream of " + std::to_string(raw.size()) + " bytes");
  out.resize(n);
  return out;
}

}  // namespace

std::string compressed(std::string raw, Deflate how) {
  if (how == Deflate::kNone) return raw;
  return deflate_bytes(raw, how);
}

void set_stream_data(HPDF_Dict dict, std::string_view bytes, bool deflated) {
  dict->filter = HPDF_STREAM_FILTER_NONE;
  HPDF_MemStream_FreeData(dict->stream);
  HPDF_Stream_Write(dict->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()), static_cast<HPDF_UINT>(bytes.size()));
  if (deflated) dict->write_fn = write_flate_filter;
  inline_length(dict, bytes.size());
}

void deflate_stream_in_place(HPDF_Dict dict, Deflate how) {
  if (how == Deflate::kNone) return;
  set_stream_data(dict, deflate_bytes(memstream_bytes(dict->stream), how), true);
}

std::string memstream_bytes(HPDF_Stream stream) {
  std::string out;
  out.reserve(stream->size);
  const HPDF_UINT count = HPDF_MemStream_GetBufCount(stream);
  for (HPDF_UINT i = 0; i < count; ++i) {
    HPDF_UINT len = 0;
    const HPDF_BYTE* p = HPDF_MemStream_GetBufPtr(stream, i, &len);
    if (p) out.append(reinterpret_cast<const char*>(p), len);
  }
  return out;
}

}  // namespace gw::pdf
