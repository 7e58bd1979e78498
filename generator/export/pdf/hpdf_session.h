// One libharu document with its errors turned into exceptions, and the bytes its streams refer to. libharu reports errors through a
// callback (the default one longjmps); ours only records the first error, every call site then
// asks check("what we were doing") and gets an exception with the code's name and that context.
// Private to export/pdf.
#pragma once

#include <hpdf.h>

#include <deque>
#include <string>
#include <string_view>

namespace gw::pdf {

class HpdfSession {
 public:
  HpdfSession();
  ~HpdfSession();
  HpdfSession(const HpdfSession&) = delete;
  HpdfSession& operator=(const HpdfSession&) = delete;

  HPDF_Doc doc() const { return doc_; }
  // Throws std::runtime_error("libharu: <name> (0x…, detail …) while <context>") when an error was
  // recorded since the last check.
  void check(const std::string& context);
  // The recorded error, if any (0 = none); clears it.
  HPDF_STATUS take_error(HPDF_STATUS* detail = nullptr);
  std::string save();  // the document's bytes

  // Holds `bytes` as long as the document and returns them, for a stream object's data
  // (stream_data.h: libharu reads them only when the document is saved).
  std::string_view keep(std::string bytes);

  static std::string error_name(HPDF_STATUS code);

 private:
  static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data);
  HPDF_Doc doc_ = nullptr;
  HPDF_STATUS error_ = 0, detail_ = 0;
  std::deque<std::string> kept_;  // a deque: its strings stay where they are as it grows
  size_t kept_size_ = 0;
};

}  // namespace gw::pdf
