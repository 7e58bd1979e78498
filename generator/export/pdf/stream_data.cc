// See stream_data.h.
#include "export/pdf/stream_data.h"

#include <hpdf_list.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cstring>
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

// The reader's state, allocated from the document's memory manager and freed with the stream.
struct View {
  const char* data;
  HPDF_UINT size;
  HPDF_UINT pos;
};

View& view(HPDF_Stream s) { return *static_cast<View*>(s->attr); }

// HPDF_Stream_WriteToStream reads 4 KB at a time until a read returns HPDF_STREAM_EOF with nothing.
HPDF_STATUS view_read(HPDF_Stream s, HPDF_BYTE* out, HPDF_UINT* size) {
  View& v = view(s);
  const HPDF_UINT n = std::min(*size, v.size - v.pos);
  std::memcpy(out, v.data + v.pos, n);
  v.pos += n;
  *size = n;
  return n == 0 ? HPDF_STREAM_EOF : HPDF_OK;
}

HPDF_STATUS view_seek(HPDF_Stream s, HPDF_INT pos, HPDF_WhenceMode mode) {
  View& v = view(s);
  const long long to = mode == HPDF_SEEK_SET ? pos : mode == HPDF_SEEK_CUR ? static_cast<long long>(v.pos) + pos
                                                                           : static_cast<long long>(v.size) - pos;
  if (to < 0 || to > static_cast<long long>(v.size)) return HPDF_SetError(s->error, HPDF_STREAM_EOF, 0);
  v.pos = static_cast<HPDF_UINT>(to);
  return HPDF_OK;
}

HPDF_INT32 view_tell(HPDF_Stream s) { return static_cast<HPDF_INT32>(view(s).pos); }
HPDF_UINT32 view_size(HPDF_Stream s) { return view(s).size; }

void view_free(HPDF_Stream s) {
  HPDF_FreeMem(s->mmgr, s->attr);
  s->attr = nullptr;
}

HPDF_STATUS append_to_string(HPDF_Stream s, const HPDF_BYTE* p, HPDF_UINT n) {
  static_cast<std::string*>(s->attr)->append(reinterpret_cast<const char*>(p), n);
  return HPDF_OK;
}

}  // namespace

void use_stream_data(HPDF_Dict dict, std::string_view bytes, bool deflated) {
  if (bytes.size() > 0x7FFFFFFF) throw std::length_error("a PDF stream of more than 2 GB");
  auto* v = static_cast<View*>(HPDF_GetMem(dict->mmgr, sizeof(View)));
  if (!v) throw std::bad_alloc();
  *v = View{bytes.data(), static_cast<HPDF_UINT>(bytes.size()), 0};
  HPDF_Stream reader = HPDF_CallbackReader_New(dict->mmgr, view_read, view_seek, view_tell, view_size, v);
  if (!reader) {
    HPDF_FreeMem(dict->mmgr, v);
    throw std::bad_alloc();
  }
  reader->free_fn = view_free;
  HPDF_Stream_Free(dict->stream);
  dict->stream = reader;
  dict->filter = HPDF_STREAM_FILTER_NONE;
  if (deflated) dict->write_fn = write_flate_filter;
  inline_length(dict, bytes.size());
}

HPDF_Stream string_writer(HPDF_MMgr mmgr, std::string* out) {
  HPDF_Stream s = HPDF_CallbackWriter_New(mmgr, append_to_string, out);
  if (!s) throw std::bad_alloc();
  return s;
}

void set_page_contents(HPDF_Page page, std::string_view bytes, bool deflated) {
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  use_stream_data(attr->contents, bytes, deflated);  // frees the stream attr->stream points to
  attr->stream = attr->contents->stream;
}

}  // namespace gw::pdf
