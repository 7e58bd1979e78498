// A thin RAII wrapper over libxml2's xmlTextWriter writing to memory: every XML part of the DOCX is
// produced through it, so escaping and well-formedness are libxml2's job, never string concatenation.
// Errors from libxml2 (out of memory, writer misuse) are bugs, so they throw std::runtime_error.
#pragma once

#include <string>
#include <string_view>

namespace gw::docx {

class XmlWriter {
 public:
  XmlWriter();  // starts the document: <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
  ~XmlWriter();
  XmlWriter(const XmlWriter&) = delete;
  XmlWriter& operator=(const XmlWriter&) = delete;

  void start(const char* name);
  void end();
  void attr(const char* name, std::string_view value);
  void attr(const char* name, long long value);
  void attr(const char* name, int value) { attr(name, static_cast<long long>(value)); }
  // Character data. Characters XML 1.0 cannot carry (C0 controls other than tab/CR/LF) and invalid
  // UTF-8 are replaced, so that a stray byte in the model never produces a part Word refuses.
  void text(std::string_view s);

  // <name/> and <name val="v"/> (the w:val pattern is everywhere in WordprocessingML).
  void empty(const char* name);
  void val(const char* name, std::string_view v, const char* attr_name = "w:val");
  void val(const char* name, long long v, const char* attr_name = "w:val");

  // Ends every open element and the document; returns the bytes. The writer is unusable afterwards.
  std::string finish();

 private:
  void check(int rc, const char* what);
  struct Impl;
  Impl* impl_;
};

// Replaces what XML 1.0 cannot carry (see XmlWriter::text).
std::string xml_safe(std::string_view s);

}  // namespace gw::docx
