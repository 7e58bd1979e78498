// See hpdf_session.h.
#include "export/pdf/hpdf_session.h"

#include <hpdf_doc.h>

#include <cstdio>
#include <new>
#include <stdexcept>

#include "export/pdf/stream_data.h"

namespace gw::pdf {

HpdfSession::HpdfSession() {
  doc_ = HPDF_New(&HpdfSession::on_error, this);
  if (!doc_) throw std::bad_alloc();
}

HpdfSession::~HpdfSession() {
  if (doc_) HPDF_Free(doc_);
}

void HpdfSession::on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data) {
  auto* self = static_cast<HpdfSession*>(user_data);
  // Keep the first error: later ones are usually consequences of it.
  if (self->error_ == 0) {
    self->error_ = error_no;
    self->detail_ = detail_no;
  }
}

HPDF_STATUS HpdfSession::take_error(HPDF_STATUS* detail) {
  HPDF_STATUS e = error_;
  if (detail) *detail = detail_;
  error_ = detail_ = 0;
  if (e) HPDF_ResetError(doc_);
  return e;
}

void HpdfSession::check(const std::string& context) {
  HPDF_STATUS detail = 0;
  HPDF_STATUS e = take_error(&detail);
  if (!e) return;
  char code[32];
  std::snprintf(code, sizeof code, "0x%04X", static_cast<unsigned>(e));
  throw std::runtime_error("libharu: " + error_name(e) + " (" + code + ", detail " + std::to_string(detail) +
                           ") while " + context);
}

std::string HpdfSession::save() {
  // Written straight into `out` (HPDF_SaveToStream writes to the document's stream when it has one;
  // offsets in the xref are what the stream has counted).
  std::string out;
  out.reserve(kept_size_ + 64 * 1024);
  if (doc_->stream) HPDF_Stream_Free(doc_->stream);
  doc_->stream = string_writer(doc_->mmgr, &out);
  HPDF_SaveToStream(doc_);
  const HPDF_UINT32 size = doc_->stream->size;
  HPDF_Stream_Free(doc_->stream);
  doc_->stream = nullptr;
  check("writing the PDF");
  if (out.size() != size) throw std::runtime_error("libharu: the PDF stream counted " + std::to_string(size) + " bytes, " + std::to_string(out.size()) + " were written");
  return out;
}

std::string_view HpdfSession::keep(std::string bytes) {
  kept_size_ += bytes.size();
  return kept_.emplace_back(std::move(bytes));
}

std::string HpdfSession::error_name(HPDF_STATUS code) {
  // The codes bad parameters or a failing system produce; the rest are printed by number. (Fonts
  // are built by embedded_font.cc, not loaded by libharu, so its font codes cannot occur.)
  switch (code) {
    case HPDF_FAILD_TO_ALLOC_MEM: return "out of memory";
    case HPDF_FILE_IO_ERROR: return "file I/O error";
    case HPDF_FILE_OPEN_ERROR: return "cannot open file";
    case HPDF_INVALID_PARAMETER: return "invalid parameter";
    case HPDF_PAGE_INVALID_SIZE: return "invalid page size";
    case HPDF_PAGE_INVALID_FONT_SIZE: return "invalid font size";
    case HPDF_PAGE_OUT_OF_RANGE: return "value out of range";
    case HPDF_REAL_OUT_OF_RANGE: return "number out of range";
    case HPDF_STRING_OUT_OF_RANGE: return "string too long";
    case HPDF_ZLIB_ERROR: return "zlib error";
    case HPDF_INVALID_DOCUMENT_STATE: return "invalid document state";
    default: return "error";
  }
}

}  // namespace gw::pdf
