#include "template/notice_xml_reader.h"

#include <cstdlib>
#include <cstring>

#include "template/xml_document.h"
#include "text/ordinals.h"

namespace gw::tmpl {
namespace {

using model::Block;
using model::BlockKind;
using model::Field;

Field field(const xmlNode* n, const std::string& file) { return Field{xml::text(n), xml::loc(n, file)}; }

// <p> may carry an explicit run-in heading (<lead>); otherwise its level is recognised from the
// ordinal it starts with (GB/T 9704 7.3.3).
Block read_paragraph(const xmlNode* p, const std::string& file) {
  Block b;
  b.loc = xml::loc(p, file);
  std::string lead, rest;
  bool has_lead = false;
  for (const xmlNode* c = p->children; c; c = c->next) {
    if (xml::is_element(c) && xml::name(c) == "lead") {
      lead += xml::text(c);
      has_lead = true;
    }
  }
  if (has_lead) {
    // The text after <lead>: the element's content minus the lead's.
    std::string all = xml::text(p);
    rest = all.substr(std::min(all.size(), lead.size()));
    auto h = text::recognise_heading(lead);
    b.kind = h.level > 0 ? static_cast<BlockKind>(h.level) : BlockKind::Heading3;
    b.lead = lead;
    b.text = rest;
    return b;
  }
  std::string all = xml::text(p);
  auto h = text::recognise_heading(all);
  if (h.level > 0) {
    b.kind = static_cast<BlockKind>(h.level);
    b.lead = h.lead;
    b.text = h.text;
  } else {
    b.kind = BlockKind::Paragraph;
    b.text = all;
  }
  return b;
}

model::Table read_table(const xmlNode* t, const std::string& file) {
  model::Table table;
  table.has_header = xml::attr(t, "header", "true") != "false" && xml::attr(t, "header", "true") != "0";
  for (const xmlNode* tr = t->children; tr; tr = tr->next) {
    if (!xml::is_element(tr)) continue;
    std::vector<Field> row;
    for (const xmlNode* td = tr->children; td; td = td->next)
      if (xml::is_element(td)) row.push_back(field(td, file));
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::vector<Block> read_blocks(const xmlNode* parent, const std::string& file) {
  std::vector<Block> out;
  for (const xmlNode* c = parent->children; c; c = c->next) {
    if (!xml::is_element(c)) continue;
    std::string n = xml::name(c);
    Block b;
    b.loc = xml::loc(c, file);
    if (n == "p") {
      out.push_back(read_paragraph(c, file));
      continue;
    }
    if (n == "table") {
      b.kind = BlockKind::Table;
      b.table = read_table(c, file);
    } else if (n.size() == 2 && n[0] == 'h' && n[1] >= '1' && n[1] <= '4') {
      b.kind = static_cast<BlockKind>(n[1] - '0');
      b.lead = xml::text(c);
    } else {
      continue;  // the schema admits nothing else
    }
    out.push_back(std::move(b));
  }
  return out;
}

model::Notice read_doc(xmlDoc* doc, const std::string& file) {
  xml::validate(doc, notice_schema_path(), file);
  model::Notice n;
  n.source_file = file;
  const xmlNode* root = xmlDocGetRootElement(doc);
  n.format = model::parse_format(xml::attr(root, "format", "file")).value_or(model::Format::File);
  std::string wj = xml::attr(root, "wenjian", "true");
  n.mark_with_wenjian = (wj == "true" || wj == "1") && n.format == model::Format::File;

  for (const xmlNode* c = root->children; c; c = c->next) {
    if (!xml::is_element(c)) continue;
    const std::string e = xml::name(c);
    if (e == "copy-number") n.copy_number = field(c, file);
    else if (e == "secrecy") {
      n.secrecy = field(c, file);
      if (xml::has_attr(c, "period")) n.secrecy_period = Field{xml::attr(c, "period"), xml::loc(c, file)};
    } else if (e == "urgency") n.urgency = field(c, file);
    else if (e == "issuer") n.issuers.push_back(field(c, file));
    else if (e == "mark") n.mark = field(c, file);
    else if (e == "doc-number") n.doc_number = field(c, file);
    else if (e == "signer") n.signers.push_back(field(c, file));
    else if (e == "title") n.title = field(c, file);
    else if (e == "recipients") n.recipients = field(c, file);
    else if (e == "body") n.body = read_blocks(c, file);
    else if (e == "attachment-list") {
      for (const xmlNode* i = c->children; i; i = i->next)
        if (xml::is_element(i)) n.attachment_names.push_back(field(i, file));
    } else if (e == "signature") {
      std::string seal = xml::attr(c, "seal", "none");
      n.seal = seal == "seal" ? model::SealKind::Seal
               : seal == "signature-seal" ? model::SealKind::SignatureSeal
                                          : model::SealKind::None;
      for (const xmlNode* s = c->children; s; s = s->next) {
        if (!xml::is_element(s)) continue;
        std::string sn = xml::name(s);
        if (sn == "name") n.signature_names.push_back(field(s, file));
        else if (sn == "signer-title") n.signer_title = field(s, file);
        else if (sn == "signer-name") n.signer_name = field(s, file);
      }
    } else if (e == "date") n.date = field(c, file);
    else if (e == "note") n.note = field(c, file);
    else if (e == "present") n.present = field(c, file);
    else if (e == "absent") n.absent = field(c, file);
    else if (e == "attending") n.attending = field(c, file);
    else if (e == "attachment") {
      model::Attachment a;
      a.loc = xml::loc(c, file);
      a.title = Field{xml::attr(c, "title"), a.loc};
      a.blocks = read_blocks(c, file);
      n.attachments.push_back(std::move(a));
    } else if (e == "cc") n.cc = field(c, file);
    else if (e == "printer") {
      n.printer = field(c, file);
      n.print_date = Field{xml::attr(c, "date"), xml::loc(c, file)};
    }
  }

  // What the schema cannot express.
  if (n.title.empty() && n.format != model::Format::Order)
    throw InputError(SourceLoc{file, static_cast<int>(xmlGetLineNo(const_cast<xmlNode*>(root))), 0},
                     "the notice has no <title>", "add <title>关于…的通知</title> after the head elements (GB/T 9704 7.3.1)");
  bool any_text = false;
  for (const auto& b : n.body)
    if (!b.text.empty() || !b.lead.empty() || !b.table.rows.empty()) any_text = true;
  if (!any_text)
    throw InputError(SourceLoc{file, 0, 0}, "the notice body is empty", "write at least one paragraph in <body>");
  // 附件说明 defaults to the attachments' titles (7.3.4 / 7.3.7 must match anyway).
  if (n.attachment_names.empty())
    for (const auto& a : n.attachments) n.attachment_names.push_back(a.title);
  return n;
}

}  // namespace

std::string notice_schema_path() {
  if (const char* dir = std::getenv("GONGWEN_TEMPLATES")) return std::string(dir) + "/notice.xsd";
  return std::string(GW_TEMPLATES_DIR) + "/notice.xsd";
}

model::Notice read_notice_xml(const std::string& path) {
  auto doc = xml::parse_file(path);
  return read_doc(doc.get(), path);
}

model::Notice read_notice_xml_string(const std::string& xml_text, const std::string& file_name) {
  auto doc = xml::parse_memory(xml_text, file_name);
  return read_doc(doc.get(), file_name);
}

}  // namespace gw::tmpl
