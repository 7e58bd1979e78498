// DocxBuilder: sections and packaging; see docx_builder.h.
#include "export/docx/docx_builder.h"

#include <stdexcept>

#include "export/docx/docx_package.h"
#include "layout/summary_layout.h"

namespace gw::docx {

namespace {
constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kRelOfficeDoc =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
constexpr const char* kRelBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
constexpr const char* kRelCore = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
constexpr const char* kCtWml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
// Relationship ids of word/_rels/document.xml.rels.
constexpr const char* kFooterOdd = "rId1";
constexpr const char* kFooterEven = "rId2";
constexpr const char* kFooterFirst = "rId3";
constexpr const char* kFooterNone = "rId4";
constexpr const char* kFooterLandscapeOdd = "rId5";
constexpr const char* kFooterLandscapeEven = "rId6";
}  // namespace

DocxBuilder::DocxBuilder(const model::Style& style, const DocxOptions& opts)
    : style_(style),
      opts_(opts),
      page_(page_setup(style)),
      landscape_(page_setup(layout::landscape_style(style))),
      xml_(std::make_unique<XmlWriter>()) {
  xml_->start("w:document");
  xml_->attr("xmlns:w", kW);
  xml_->attr("xmlns:r", kR);
  xml_->start("w:body");
  body_ = std::make_unique<BodyWriter>(*xml_);
  body_->set_char_pitch(page_.indent_char_twips);
}

void DocxBuilder::write_sect_pr(bool landscape, bool next_page) {
  XmlWriter& w = *xml_;
  const PageSetup& ps = landscape ? landscape_ : page_;
  w.start("w:sectPr");
  // EG_HdrFtrReferences, then EG_SectPrContents: type, pgSz, pgMar, …, titlePg, …, docGrid.
  auto ref = [&](const char* type, const char* id) {
    w.start("w:footerReference");
    w.attr("w:type", type);
    w.attr("r:id", id);
    w.end();
  };
  // A section without a reference inherits the previous section's footer: every section names the
  // footers of its own kind (an unnumbered one the empty footer). 7.5 puts odd numbers right and
  // even numbers left whether or not the style prints both sides (the PDF does the same), so there
  // is always an even footer.
  if (landscape) any_landscape_ = true;
  ref("default", unnumbered_ ? kFooterNone : landscape ? kFooterLandscapeOdd : kFooterOdd);
  ref("even", unnumbered_ ? kFooterNone : landscape ? kFooterLandscapeEven : kFooterEven);
  if (first_page_unnumbered_ && first_section_) ref("first", kFooterFirst);
  if (next_page) w.val("w:type", "nextPage");
  w.start("w:pgSz");
  w.attr("w:w", ps.page_w);
  w.attr("w:h", ps.page_h);
  if (landscape) w.attr("w:orient", "landscape");
  w.end();
  w.start("w:pgMar");
  w.attr("w:top", ps.top);
  w.attr("w:right", ps.right);
  w.attr("w:bottom", ps.bottom);
  w.attr("w:left", ps.left);
  w.attr("w:header", mm_to_twips(15));
  w.attr("w:footer", ps.footer);
  w.attr("w:gutter", 0);
  w.end();
  if (first_page_unnumbered_ && first_section_) w.empty("w:titlePg");
  w.start("w:docGrid");
  // Landscape pages hold tables in 小四 off the character grid: their grid is lines only, at the
  // landscape pitch (1.5 × the table size, layout::landscape_style).
  w.attr("w:type", landscape ? "lines" : "linesAndChars");
  w.attr("w:linePitch", ps.line_pitch);
  if (!landscape) w.attr("w:charSpace", ps.char_space);
  w.end();
  w.end();
  first_section_ = false;
}

void DocxBuilder::begin_landscape() {
  if (in_landscape_) throw std::logic_error("begin_landscape twice");
  if (!body_->started()) {  // nothing before it: the first section is landscape
    in_landscape_ = true;
    return;
  }
  body_->begin_paragraph({});
  xml_->start("w:pPr");
  write_sect_pr(false, true);
  xml_->end();
  body_->end_paragraph();
  in_landscape_ = true;
}

void DocxBuilder::end_landscape() {
  if (!in_landscape_) throw std::logic_error("end_landscape without begin_landscape");
  body_->begin_paragraph({});
  xml_->start("w:pPr");
  write_sect_pr(true, true);
  xml_->end();
  body_->end_paragraph();
  in_landscape_ = false;
}

void DocxBuilder::begin_unnumbered_section() {
  body_->begin_paragraph({});
  xml_->start("w:pPr");
  write_sect_pr(in_landscape_, !first_section_);
  xml_->end();
  body_->end_paragraph();
  unnumbered_ = true;
  any_unnumbered_ = true;
}

std::string DocxBuilder::finish() {
  write_sect_pr(in_landscape_, !first_section_);  // a document ending landscape gets no portrait page
  xml_->end();  // body
  xml_->end();  // document
  std::string document = xml_->finish();

  std::vector<Part> parts;
  parts.push_back({"[Content_Types].xml", "", ""});  // filled below, once every part is known
  parts.push_back({"_rels/.rels", "", ""});
  parts.push_back({"docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml",
                   core_xml(props_)});
  parts.push_back({"docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml",
                   app_xml()});
  const bool custom = !props_.custom.empty();
  if (custom)
    parts.push_back({"docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml",
                     custom_xml(props_)});
  parts.push_back({"word/document.xml", std::string(kCtWml) + "document.main+xml", std::move(document)});
  parts.push_back({"word/_rels/document.xml.rels", "", ""});
  parts.push_back({"word/styles.xml", std::string(kCtWml) + "styles+xml", styles_xml(style_, opts_)});
  parts.push_back({"word/settings.xml", std::string(kCtWml) + "settings+xml", settings_xml(style_)});
  parts.push_back({"word/fontTable.xml", std::string(kCtWml) + "fontTable+xml", font_table_xml(opts_)});
  parts.push_back({"word/footer1.xml", std::string(kCtWml) + "footer+xml",
                   footer_xml(style_, opts_, FooterKind::Odd)});
  parts.push_back({"word/footer2.xml", std::string(kCtWml) + "footer+xml", footer_xml(style_, opts_, FooterKind::Even)});
  if (first_page_unnumbered_)
    parts.push_back({"word/footer3.xml", std::string(kCtWml) + "footer+xml",
                     footer_xml(style_, opts_, letter_lines_ ? FooterKind::LetterFirst : FooterKind::Empty)});
  if (any_unnumbered_)
    parts.push_back({"word/footer4.xml", std::string(kCtWml) + "footer+xml", footer_xml(style_, opts_, FooterKind::Empty)});
  if (any_landscape_) {
    parts.push_back({"word/footer5.xml", std::string(kCtWml) + "footer+xml",
                     footer_xml(style_, opts_, FooterKind::LandscapeOdd)});
    parts.push_back({"word/footer6.xml", std::string(kCtWml) + "footer+xml",
                     footer_xml(style_, opts_, FooterKind::LandscapeEven)});
  }

  std::vector<Relationship> pkg_rels = {
      {"rId1", kRelOfficeDoc, "word/document.xml"},
      {"rId2", kRelCore, "docProps/core.xml"},
      {"rId3", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
       "docProps/app.xml"}};
  if (custom)
    pkg_rels.push_back({"rId4", std::string(kRelBase) + "custom-properties", "docProps/custom.xml"});
  std::vector<Relationship> doc_rels = {{kFooterOdd, std::string(kRelBase) + "footer", "footer1.xml"}};
  doc_rels.push_back({kFooterEven, std::string(kRelBase) + "footer", "footer2.xml"});
  if (first_page_unnumbered_) doc_rels.push_back({kFooterFirst, std::string(kRelBase) + "footer", "footer3.xml"});
  if (any_unnumbered_) doc_rels.push_back({kFooterNone, std::string(kRelBase) + "footer", "footer4.xml"});
  if (any_landscape_) {
    doc_rels.push_back({kFooterLandscapeOdd, std::string(kRelBase) + "footer", "footer5.xml"});
    doc_rels.push_back({kFooterLandscapeEven, std::string(kRelBase) + "footer", "footer6.xml"});
  }
  doc_rels.push_back({"rId10", std::string(kRelBase) + "styles", "styles.xml"});
  doc_rels.push_back({"rId11", std::string(kRelBase) + "settings", "settings.xml"});
  doc_rels.push_back({"rId12", std::string(kRelBase) + "fontTable", "fontTable.xml"});

  parts[0].bytes = content_types_xml(parts);
  parts[1].bytes = relationships_xml(pkg_rels);
  for (auto& p : parts)
    if (p.name == "word/_rels/document.xml.rels") p.bytes = relationships_xml(doc_rels);
  return zip_package(parts);
}

}  // namespace gw::docx
