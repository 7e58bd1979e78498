// The body of word/document.xml as a stream of paragraphs, runs, fillable fields and page-number
// fields. The notice writer and the forms (issue 4+) both build documents through this API, so the
// schema details (w:t with xml:space, complex PAGE fields, w:sdt content controls) live in one place.
#pragma once

#include <string>
#include <vector>

#include "export/docx/ooxml_props.h"
#include "export/docx/xml_writer.h"

namespace gw::docx {

// A field a clerk fills in Word: a content control (w:sdt) with a title (w:alias, shown on the
// control's tab), a tag (for software that reads the document back) and, while empty, placeholder
// text shown greyed with w:showingPlcHdr so a half-filled form can be finished by hand.
struct FillableField {
  std::string tag;          // machine name, e.g. "copy-number"
  std::string title;        // what Word shows on the control, e.g. "份号"
  std::string placeholder;  // shown while empty, e.g. "（份号）"
  std::string value;        // empty = not filled yet
  RunProps props;
  bool multiline = false;
};

class BodyWriter {
 public:
  explicit BodyWriter(XmlWriter& w) : w_(w) {}
  XmlWriter& xml() { return w_; }
  // The grid's character pitch, for the twips twins of character indents (fill_twips_from_chars).
  void set_char_pitch(double twips) { char_pitch_ = twips; }

  void begin_paragraph(const ParaProps& p);
  // Whether any paragraph (a table cell's included) has been written.
  bool started() const { return paragraphs_ > 0; }
  void end_paragraph();
  // Text run. '\n' becomes w:br and '\t' w:tab, so callers never write those elements themselves.
  void run(std::string_view text, const RunProps& r = {});
  void tab(const RunProps& r = {});
  void field(const FillableField& f);
  // "<prefix>PAGE<suffix>" as a complex field, so Word and LibreOffice number every page.
  void page_number(const RunProps& r);
  // A whole paragraph of one run (or an empty paragraph when text is empty).
  void paragraph(const ParaProps& p, std::string_view text, const RunProps& r = {});

 private:
  XmlWriter& w_;
  int next_sdt_id_ = 1;
  int paragraphs_ = 0;
  double char_pitch_ = 0;
};

}  // namespace gw::docx
