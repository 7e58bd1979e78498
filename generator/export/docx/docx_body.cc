// BodyWriter: paragraphs, runs, content controls and PAGE fields; see docx_body.h.
#include "export/docx/docx_body.h"

namespace gw::docx {

void BodyWriter::begin_paragraph(const ParaProps& p) {
  ++paragraphs_;
  w_.start("w:p");
  if (char_pitch_ > 0) {
    ParaProps q = p;
    fill_twips_from_chars(q, char_pitch_);
    write_ppr(w_, q);
  } else {
    write_ppr(w_, p);
  }
}

void BodyWriter::end_paragraph() { w_.end(); }

static void text_element(XmlWriter& w, std::string_view s) {
  w.start("w:t");
  w.attr("xml:space", "preserve");  // keep leading/trailing spaces (e.g. around the page number)
  w.text(s);
  w.end();
}

void BodyWriter::run(std::string_view text, const RunProps& r) {
  w_.start("w:r");
  write_rpr(w_, r);
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n' || text[i] == '\t') {
      if (i > start) text_element(w_, text.substr(start, i - start));
      if (i < text.size()) w_.empty(text[i] == '\n' ? "w:br" : "w:tab");
      start = i + 1;
    }
  }
  w_.end();
}

void BodyWriter::tab(const RunProps& r) {
  w_.start("w:r");
  write_rpr(w_, r);
  w_.empty("w:tab");
  w_.end();
}

void BodyWriter::field(const FillableField& f) {
  const bool filled = !f.value.empty();
  w_.start("w:sdt");
  w_.start("w:sdtPr");  // CT_SdtPr order: rPr, alias, tag, id, lock, placeholder, temporary, showingPlcHdr, …, text
  write_rpr(w_, f.props);
  if (!f.title.empty()) w_.val("w:alias", f.title);
  if (!f.tag.empty()) w_.val("w:tag", f.tag);
  w_.val("w:id", next_sdt_id_++);
  if (!filled) w_.empty("w:showingPlcHdr");
  w_.start("w:text");
  if (f.multiline) w_.attr("w:multiLine", "1");
  w_.end();
  w_.end();
  w_.start("w:sdtContent");
  if (filled) {
    run(f.value, f.props);
  } else {
    // Placeholder text is greyed like Word's own placeholder style, so a reader sees it is not content.
    RunProps ph = f.props;
    ph.color = "808080";
    run(f.placeholder.empty() ? f.title : f.placeholder, ph);
  }
  w_.end();
  w_.end();
}

void BodyWriter::page_number(const RunProps& r) {
  auto fld = [&](const char* type) {
    w_.start("w:r");
    write_rpr(w_, r);
    w_.start("w:fldChar");
    w_.attr("w:fldCharType", type);
    w_.end();
    w_.end();
  };
  fld("begin");
  w_.start("w:r");
  write_rpr(w_, r);
  w_.start("w:instrText");
  w_.attr("xml:space", "preserve");
  w_.text(" PAGE ");
  w_.end();
  w_.end();
  fld("separate");
  run("1", r);  // cached result, replaced by every client when it lays out the page
  fld("end");
}

void BodyWriter::paragraph(const ParaProps& p, std::string_view text, const RunProps& r) {
  begin_paragraph(p);
  if (!text.empty()) run(text, r);
  end_paragraph();
}

}  // namespace gw::docx
