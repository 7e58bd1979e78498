// Assembles a whole .docx: the caller streams the body through body(), then finish() closes the
// final section (page size, margins, grid, footers) and packages every part. write_docx uses it for
// notices; the forms build their own bodies with it.
#pragma once

#include <memory>
#include <string>

#include "export/docx/docx_body.h"
#include "export/docx/docx_parts.h"
#include "export/docx/xml_writer.h"

namespace gw::docx {

class DocxBuilder {
 public:
  DocxBuilder(const model::Style& style, const DocxOptions& opts);
  BodyWriter& body() { return *body_; }
  const PageSetup& page() const { return page_; }
  const model::Style& style() const { return style_; }
  const DocxOptions& options() const { return opts_; }

  void set_properties(DocProps p) { props_ = std::move(p); }
  // 10.1: no page number on page 1 (w:titlePg with an empty first-page footer).
  void set_first_page_unnumbered(bool v) { first_page_unnumbered_ = v; }
  // 10.1: the letter's lower red double line on page 1 (implies an unnumbered first page).
  void set_letter_first_page(bool v) {
    letter_lines_ = v;
    if (v) first_page_unnumbered_ = true;
  }

  // Landscape pages for wide tables (8): ends the current portrait section and starts a landscape
  // one; end_landscape() goes back to portrait. Both start a new page. Called before anything is
  // written, the document starts landscape (附件5) with no portrait page before it. The landscape
  // page is layout::landscape_style()'s: the portrait block turned so that the table head faces
  // the binding edge, with the clause 8 page numbers (footer_xml, FooterKind::LandscapeOdd/Even).
  void begin_landscape();
  void end_landscape();

  // 7.5: ends the current section; the pages from here to the end carry no page number (the blank
  // page before the 版记 and the 版记 page). The new section starts on a new page.
  void begin_unnumbered_section();

  std::string finish();  // the .docx bytes; the builder is unusable afterwards

 private:
  void write_sect_pr(bool landscape, bool next_page);
  model::Style style_;
  DocxOptions opts_;
  PageSetup page_;
  PageSetup landscape_;  // page_setup(layout::landscape_style(style_))
  DocProps props_;
  bool first_page_unnumbered_ = false;
  bool letter_lines_ = false;
  bool in_landscape_ = false;
  bool first_section_ = true;
  bool unnumbered_ = false;      // the current section shows no page numbers
  bool any_unnumbered_ = false;  // footer4.xml (empty) is referenced
  bool any_landscape_ = false;   // footer5.xml and footer6.xml (clause 8 numbers) are referenced
  std::unique_ptr<XmlWriter> xml_;
  std::unique_ptr<BodyWriter> body_;
};

}  // namespace gw::docx
