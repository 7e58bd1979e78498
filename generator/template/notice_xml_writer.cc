// Notice -> XML with xmlTextWriter. The only subtlety is mixed content: <p><lead>…</lead>text</p> must
// not get indentation whitespace inside it (it would become part of the paragraph), so the writer
// indents container elements itself and writes paragraphs, table rows and leaves on one line each.
#include "template/notice_xml_writer.h"

#include <libxml/xmlwriter.h>

#include <memory>
#include <stdexcept>

namespace gw::tmpl {
namespace {

using model::Block;
using model::BlockKind;
using model::Field;

const char* format_value(model::Format f) {
  switch (f) {
    case model::Format::File: return "file";
    case model::Format::Letter: return "letter";
    case model::Format::Order: return "order";
    case model::Format::Minutes: return "minutes";
  }
  return "file";
}

const char* seal_value(model::SealKind s) {
  switch (s) {
    case model::SealKind::None: return "none";
    case model::SealKind::Seal: return "seal";
    case model::SealKind::SignatureSeal: return "signature-seal";
  }
  return "none";
}

const xmlChar* x(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
const xmlChar* x(const std::string& s) { return reinterpret_cast<const xmlChar*>(s.c_str()); }

struct BufferDeleter {
  void operator()(xmlBuffer* b) const { xmlBufferFree(b); }
};
struct WriterDeleter {
  void operator()(xmlTextWriter* w) const { xmlFreeTextWriter(w); }
};

// Thin wrapper turning libxml2's negative return codes into exceptions (they mean out of memory or a
// bug here, never bad user input).
class Writer {
 public:
  Writer() : buf_(xmlBufferCreate()) {
    if (!buf_) throw std::runtime_error("xmlBufferCreate failed");
    w_.reset(xmlNewTextWriterMemory(buf_.get(), 0));
    if (!w_) throw std::runtime_error("xmlNewTextWriterMemory failed");
  }
  void start_document() { ok(xmlTextWriterStartDocument(w_.get(), nullptr, "UTF-8", nullptr)); }
  // A container element on its own line; its children are indented.
  void start(const char* name) {
    newline();
    ok(xmlTextWriterStartElement(w_.get(), x(name)));
    ++depth_;
  }
  void end() {
    --depth_;
    newline();
    ok(xmlTextWriterEndElement(w_.get()));
  }
  // An element holding text (or mixed content) on its own line.
  void start_inline(const char* name) {
    newline();
    ok(xmlTextWriterStartElement(w_.get(), x(name)));
  }
  void end_inline() { ok(xmlTextWriterEndElement(w_.get())); }
  void attr(const char* name, const std::string& v) { ok(xmlTextWriterWriteAttribute(w_.get(), x(name), x(v))); }
  void text(const std::string& s) { ok(xmlTextWriterWriteString(w_.get(), x(s))); }
  void inline_element(const char* name, const std::string& s) {
    ok(xmlTextWriterWriteElement(w_.get(), x(name), x(s)));
  }
  void element(const char* name, const std::string& s) {
    newline();
    inline_element(name, s);
  }
  void optional(const char* name, const Field& f) {
    if (!f.empty()) element(name, f.text);
  }
  std::string finish() {
    ok(xmlTextWriterEndDocument(w_.get()));
    w_.reset();  // flushes into the buffer
    return std::string(reinterpret_cast<const char*>(xmlBufferContent(buf_.get())),
                       static_cast<size_t>(xmlBufferLength(buf_.get())));
  }

 private:
  // Indentation is written by hand rather than with xmlTextWriterSetIndent, which would also indent
  // <lead> inside <p> and so add white space to the paragraph's text.
  void newline() {
    if (depth_ == 0) return;
    ok(xmlTextWriterWriteRaw(w_.get(), x("\n" + std::string(2 * static_cast<size_t>(depth_), ' '))));
  }
  static void ok(int rc) {
    if (rc < 0) throw std::runtime_error("libxml2 xmlTextWriter failed while writing notice XML");
  }
  std::unique_ptr<xmlBuffer, BufferDeleter> buf_;
  std::unique_ptr<xmlTextWriter, WriterDeleter> w_;
  int depth_ = 0;
};

const char* heading_element(BlockKind k) {
  switch (k) {
    case BlockKind::Heading1: return "h1";
    case BlockKind::Heading2: return "h2";
    case BlockKind::Heading3: return "h3";
    case BlockKind::Heading4: return "h4";
    default: return nullptr;
  }
}

void write_block(Writer& w, const Block& b) {
  if (b.kind == BlockKind::Table) {
    w.start("table");
    if (!b.table.has_header) w.attr("header", "false");
    for (const auto& row : b.table.rows) {
      w.start_inline("tr");
      for (const auto& cell : row) w.inline_element("td", cell.text);
      w.end_inline();
    }
    w.end();
    return;
  }
  const char* h = heading_element(b.kind);
  if (h && b.text.empty() && !b.lead.empty()) {
    w.element(h, b.lead);  // a heading standing alone (7.3.3)
    return;
  }
  w.start_inline("p");
  if (!b.lead.empty()) w.inline_element("lead", b.lead);
  w.text(b.text);
  w.end_inline();
}

}  // namespace

std::string write_notice_xml(const model::Notice& n) {
  Writer w;
  w.start_document();
  w.start("notice");
  w.attr("format", format_value(n.format));
  if (!n.mark_with_wenjian) w.attr("wenjian", "false");

  w.optional("copy-number", n.copy_number);
  if (!n.secrecy.empty()) {
    w.start_inline("secrecy");
    if (!n.secrecy_period.empty()) w.attr("period", n.secrecy_period.text);
    w.text(n.secrecy.text);
    w.end_inline();
  }
  w.optional("urgency", n.urgency);
  for (const auto& i : n.issuers) w.element("issuer", i.text);
  w.optional("mark", n.mark);
  w.optional("doc-number", n.doc_number);
  for (const auto& s : n.signers) w.element("signer", s.text);
  w.optional("title", n.title);
  w.optional("recipients", n.recipients);

  w.start("body");
  for (const auto& b : n.body) write_block(w, b);
  w.end();

  if (!n.attachment_names.empty()) {
    w.start("attachment-list");
    for (const auto& a : n.attachment_names) w.element("item", a.text);
    w.end();
  }
  if (!n.signature_names.empty() || !n.signer_title.empty() || !n.signer_name.empty() ||
      n.seal != model::SealKind::None) {
    w.start("signature");
    if (n.seal != model::SealKind::None) w.attr("seal", seal_value(n.seal));
    for (const auto& s : n.signature_names) w.element("name", s.text);
    w.optional("signer-title", n.signer_title);
    w.optional("signer-name", n.signer_name);
    w.end();
  }
  w.optional("date", n.date);
  w.optional("note", n.note);
  w.optional("present", n.present);
  w.optional("absent", n.absent);
  w.optional("attending", n.attending);
  for (const auto& a : n.attachments) {
    if (a.blocks.empty()) {
      w.start_inline("attachment");
      w.attr("title", a.title.text);
      w.end_inline();
      continue;
    }
    w.start("attachment");
    w.attr("title", a.title.text);
    for (const auto& b : a.blocks) write_block(w, b);
    w.end();
  }
  w.optional("cc", n.cc);
  if (!n.printer.empty()) {
    w.start_inline("printer");
    w.attr("date", n.print_date.text);
    w.text(n.printer.text);
    w.end_inline();
  }
  w.end();
  return w.finish();
}

}  // namespace gw::tmpl
