// XmlWriter: libxml2 xmlTextWriter over an xmlBuffer. See xml_writer.h.
#include "export/docx/xml_writer.h"

#include <libxml/xmlwriter.h>

#include <stdexcept>

#include "base/utf8.h"

namespace gw::docx {

struct XmlWriter::Impl {
  xmlBufferPtr buf = nullptr;
  xmlTextWriterPtr w = nullptr;
};

static const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

XmlWriter::XmlWriter() : impl_(new Impl) {
  impl_->buf = xmlBufferCreate();
  if (!impl_->buf) {
    delete impl_;
    throw std::runtime_error("xmlBufferCreate failed");
  }
  impl_->w = xmlNewTextWriterMemory(impl_->buf, 0);
  if (!impl_->w) {
    xmlBufferFree(impl_->buf);
    delete impl_;
    throw std::runtime_error("xmlNewTextWriterMemory failed");
  }
  check(xmlTextWriterStartDocument(impl_->w, "1.0", "UTF-8", "yes"), "start document");
}

XmlWriter::~XmlWriter() {
  if (impl_->w) xmlFreeTextWriter(impl_->w);
  if (impl_->buf) xmlBufferFree(impl_->buf);
  delete impl_;
}

void XmlWriter::check(int rc, const char* what) {
  if (rc < 0) throw std::runtime_error(std::string("libxml2 xmlTextWriter failed: ") + what);
}

void XmlWriter::start(const char* name) { check(xmlTextWriterStartElement(impl_->w, X(name)), name); }
void XmlWriter::end() { check(xmlTextWriterEndElement(impl_->w), "end element"); }

void XmlWriter::attr(const char* name, std::string_view value) {
  const std::string v = xml_safe(value);
  check(xmlTextWriterWriteAttribute(impl_->w, X(name), X(v.c_str())), name);
}

void XmlWriter::attr(const char* name, long long value) { attr(name, std::to_string(value)); }

void XmlWriter::text(std::string_view s) {
  const std::string v = xml_safe(s);
  check(xmlTextWriterWriteString(impl_->w, X(v.c_str())), "text");
}

void XmlWriter::empty(const char* name) {
  start(name);
  end();
}

void XmlWriter::val(const char* name, std::string_view v, const char* attr_name) {
  start(name);
  attr(attr_name, v);
  end();
}

void XmlWriter::val(const char* name, long long v, const char* attr_name) {
  val(name, std::to_string(v), attr_name);
}

std::string XmlWriter::finish() {
  check(xmlTextWriterEndDocument(impl_->w), "end document");
  check(xmlTextWriterFlush(impl_->w), "flush");
  std::string out(reinterpret_cast<const char*>(xmlBufferContent(impl_->buf)),
                  static_cast<size_t>(xmlBufferLength(impl_->buf)));
  xmlFreeTextWriter(impl_->w);
  impl_->w = nullptr;
  return out;
}

std::string xml_safe(std::string_view s) {
  bool clean = is_valid_utf8(s);
  if (clean) {
    for (unsigned char c : s)
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') clean = false;
  }
  if (clean) return std::string(s);
  std::u32string cps = to_u32(s);  // invalid bytes become U+FFFD
  for (auto& c : cps)
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF ||
        (c >= 0xD800 && c <= 0xDFFF))
      c = 0xFFFD;
  return to_utf8(cps);
}

}  // namespace gw::docx
