// Notice -> document.xml body; see notice_body.h. Vertical positions of the 版头 are paragraph
// spacing measured from the top of the text block (Word has no absolute position for a paragraph
// in the flow), horizontal ones are indents in hundredths of a grid character (w:*Chars), which Word
// and WPS keep when a clerk edits the text.
#include "export/docx/notice_body.h"

#include <algorithm>
#include <cmath>

#include "base/units.h"
#include "export/docx/docx_table.h"

namespace gw::docx {

using model::BlockKind;
using model::Format;

SignaturePlacement place_signature_7352(double sig, double date) {
  // 7.3.5.2: signature right-indented 2 characters; the date's first character 2 characters right
  // of the signature's first character. Both are right-aligned, so with R = right indent and W = width:
  // block - Rd - Wd = block - Rs - Ws + 2  =>  Rd = Rs + Ws - Wd - 2.
  SignaturePlacement p;
  p.signature_right_chars = 2;
  p.date_right_chars = 2 + sig - date - 2;
  if (p.date_right_chars < 2) {
    // The date is longer: it gets the 2-character indent and the signature moves left.
    p.date_right_chars = 2;
    p.signature_right_chars = 2 + date + 2 - sig;
  }
  return p;
}

namespace {

// Lines decided by layout, joined with '\n' (the body writer makes it a w:br).
std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}


struct Ctx {
  DocxBuilder& b;
  BodyWriter& w;
  const model::Style& s;
  const DocxOptions& o;
  const PageSetup& ps;
  RunProps run(const char* role) const { return element_run(s, o, role); }
};

ParaProps styled(const char* id) {
  ParaProps p;
  p.style = id;
  return p;
}

// An empty paragraph exactly `twips` high that indents nothing and ignores the grid: a spacer, or
// the paragraph LibreOffice needs after a frame to anchor it.
ParaProps spacer(int twips) {
  ParaProps p;
  p.line_twips = twips;
  p.line_rule = "exact";
  p.first_line_chars = 0;
  p.first_line_twips = 0;
  p.snap_to_grid = false;
  return p;
}

std::string join(const std::vector<model::Field>& v, const char* sep) {
  std::string out;
  for (const auto& f : v) {
    if (f.empty()) continue;
    if (!out.empty()) out += sep;
    out += f.text;
  }
  return out;
}

// 7.2.1–7.2.3: 份号, 密级★期限, 紧急程度, one per line from line 1. Returns the lines used.
int write_head_lines(Ctx& c, const model::Notice& n, bool letter, const std::string& right_text,
                     int first_space_before = 0) {
  struct Line {
    const char* style;
    const char* role;
    std::string text;
    bool fillable;
  };
  std::vector<Line> lines;
  if (!n.copy_number.empty() || c.o.fillable_head_fields)
    lines.push_back({sid::kCopyNumber, "copy-number", n.copy_number.text, n.copy_number.empty()});
  if (!n.secrecy.empty()) {
    std::string t = n.secrecy.text;
    if (!n.secrecy_period.empty()) t += "★" + n.secrecy_period.text;
    lines.push_back({sid::kSecrecy, "secrecy", t, false});
  }
  if (!n.urgency.empty()) lines.push_back({sid::kUrgency, "urgency", n.urgency.text, false});
  for (size_t i = 0; i < lines.size(); ++i) {
    ParaProps p = styled(lines[i].style);
    if (i == 0 && first_space_before > 0) p.space_before_twips = first_space_before;
    // 10.1: in a letter the 文号 shares the first line, flush right.
    const bool with_right = letter && i == 0 && !right_text.empty();
    if (with_right) p.tabs.push_back({"right", c.ps.block_w});
    c.w.begin_paragraph(p);
    if (lines[i].fillable) {
      FillableField f;
      f.tag = "copy-number";
      f.title = "份号";
      f.placeholder = "（份号）";
      c.w.field(f);
    } else {
      c.w.run(lines[i].text);
    }
    if (with_right) {
      c.w.tab();
      c.w.run(right_text, c.run("doc-number"));
    }
    c.w.end_paragraph();
  }
  return static_cast<int>(lines.size());
}

struct MarkFit {
  double size_pt = 0;
  int hscale = 100;
};

// 7.2.4: the mark as large as fits the text block (issue 7: compress horizontally before shrinking).
MarkFit fit_mark(const Ctx& c, const std::vector<std::string>& lines) {
  if (c.o.mark_size_pt > 0) {
    // Layout fitted the mark for the PDF (初号 compressed to fit): the DOCX says the same.
    MarkFit f;
    f.size_pt = c.o.mark_size_pt;
    f.hscale = c.o.mark_hscale_percent > 0 ? c.o.mark_hscale_percent : 100;
    return f;
  }
  double chars = 1;
  for (const auto& l : lines) chars = std::max(chars, text_width_chars(l));
  // 3% short of the block: a line filled to the last point wraps its last character in clients
  // whose substitute face rounds advances up.
  const double width_pt = mm_to_pt(c.s.block_width_mm) * 0.97;
  const double styled_size = c.s.element("issuer-mark").size_pt;
  MarkFit f;
  f.size_pt = styled_size > 0 ? styled_size : c.o.mark_max_size_pt;
  if (chars * f.size_pt > width_pt) {
    double scale = width_pt / (chars * f.size_pt);
    if (scale < c.s.mark_min_hscale) {
      scale = c.s.mark_min_hscale;
      f.size_pt = width_pt / (chars * scale);
    }
    f.hscale = static_cast<int>(std::floor(scale * 100));
  }
  return f;
}

std::vector<std::string> mark_lines(const model::Notice& n) {
  std::vector<std::string> lines = n.mark_lines();
  if (!n.mark.empty() || lines.empty()) return lines;
  auto ends_with = [](const std::string& s, const std::string& suf) {
    return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
  };
  std::string& last = lines.back();
  if (n.format == Format::File && n.mark_with_wenjian && !ends_with(last, "文件")) last += "文件";
  if (n.format == Format::Order && !ends_with(last, "令")) last += "令";
  if (n.format == Format::Minutes && !ends_with(last, "纪要")) last += "纪要";
  return lines;
}

// Exact line height of a mark line: the em box sits in the middle of it, so a line (L − size) / 2
// taller than the characters starts that much above their top edge. 7.2.4: stacked names of a joint
// mark step by 1.15 of the size, as layout sets them.
constexpr double kMarkLineFactor = 1.15;
int mark_line_twips(const MarkFit& fit) { return pt_to_twips(fit.size_pt * kMarkLineFactor); }
int mark_half_leading_twips(const MarkFit& fit) { return (mark_line_twips(fit) - pt_to_twips(fit.size_pt)) / 2; }

RunProps mark_run(const MarkFit& fit) {
  RunProps r;
  r.size_half_pt = pt_to_half_points(fit.size_pt);
  if (fit.hscale != 100) r.hscale_percent = fit.hscale;
  return r;
}

// A mark line filled to the block (compressed to fit, as layout did) must not wrap in a client that
// measures it a little wider: centred lines get a character of the margins on each side to spare.
void spare_margins(const Ctx& c, ParaProps& p) {
  p.left_twips = -static_cast<int>(std::lround(c.ps.char_pitch));
  p.right_twips = p.left_twips;
}

void write_mark_paragraphs(Ctx& c, const std::vector<std::string>& lines, const MarkFit& fit, ParaProps first,
                           const std::optional<Border>& bottom) {
  const RunProps r = mark_run(fit);
  for (size_t i = 0; i < lines.size(); ++i) {
    ParaProps p = i == 0 ? first : styled(sid::kMark);
    p.frame = first.frame;
    p.line_twips = mark_line_twips(fit);
    p.line_rule = "exact";
    if (!p.frame) spare_margins(c, p);
    if (i + 1 == lines.size() && bottom) p.border_bottom = bottom;
    c.w.paragraph(p, lines[i], r);
  }
}

// 7.2.4 joint issue: the names stacked and spread to one width (distributed), "文件" one character
// to their right, vertically centred on the stack — a borderless two-column table, centred, as the
// PDF sets it. Preceded by a spacer paragraph of `space_before` twips (a table has no spacing).
void write_joint_mark(Ctx& c, const std::vector<std::string>& names, const std::string& suffix, const MarkFit& fit,
                      int space_before) {
  if (space_before > 0) {
    ParaProps sp;
    sp.line_twips = space_before;
    sp.line_rule = "exact";
    sp.snap_to_grid = false;
    sp.first_line_chars = 0;
    sp.first_line_twips = 0;
    c.w.paragraph(sp, "");
  }
  double chars = 1;
  for (const auto& l : names) chars = std::max(chars, text_width_chars(l));
  const double em_twips = fit.size_pt * 20.0 * fit.hscale / 100.0;
  // 2 % to spare, so that no client wraps the longest name.
  const int names_w = static_cast<int>(std::lround(chars * em_twips * 1.02));
  const int suffix_w = static_cast<int>(std::lround((text_width_chars(suffix) + 1) * em_twips * 1.02));
  XmlWriter& w = c.w.xml();
  w.start("w:tbl");
  w.start("w:tblPr");  // CT_TblPrBase order: …, tblW, jc, …, tblBorders, shd, tblLayout, tblCellMar, tblLook
  w.start("w:tblW");
  w.attr("w:w", names_w + suffix_w);
  w.attr("w:type", "dxa");
  w.end();
  w.val("w:jc", "center");
  w.val("w:tblLayout", "fixed", "w:type");
  w.start("w:tblCellMar");  // CT_TblCellMar: top, left, bottom, right
  for (const char* side : {"w:top", "w:left", "w:bottom", "w:right"}) {
    w.start(side);
    w.attr("w:w", 0);
    w.attr("w:type", "dxa");
    w.end();
  }
  w.end();
  w.end();  // tblPr
  w.start("w:tblGrid");
  w.val("w:gridCol", names_w, "w:w");
  w.val("w:gridCol", suffix_w, "w:w");
  w.end();
  w.start("w:tr");
  auto cell = [&](int width, const char* v_align) {
    w.start("w:tc");
    w.start("w:tcPr");  // CT_TcPrBase order: tcW, …, vAlign
    w.start("w:tcW");
    w.attr("w:w", width);
    w.attr("w:type", "dxa");
    w.end();
    w.val("w:vAlign", v_align);
    w.end();
  };
  const RunProps r = mark_run(fit);
  ParaProps p = styled(sid::kMark);
  p.line_twips = mark_line_twips(fit);
  p.line_rule = "exact";
  cell(names_w, "top");
  for (const auto& name : names) {
    ParaProps np = p;
    np.jc = "distribute";  // spread to the longest name's width
    c.w.paragraph(np, name, r);
  }
  w.end();  // tc
  cell(suffix_w, "center");
  ParaProps sp = p;
  sp.jc = "right";
  c.w.paragraph(sp, suffix, r);
  w.end();  // tc
  w.end();  // tr
  w.end();  // tbl
}

// 7.2.4–7.2.7 (文件格式, 命令格式, 纪要格式): mark, 文号 (with 签发人), red line.
void write_file_head(Ctx& c, const model::Notice& n) {
  const int head_lines = write_head_lines(c, n, false, {});
  const auto lines = mark_lines(n);
  const MarkFit fit = fit_mark(c, lines);
  const double top_mm = n.format == Format::Order ? c.s.order_mark_top_from_block_mm : c.s.mark_top_from_block_mm;
  // The mark's top edge `top_mm` below the top of the text block, under the head lines already set.
  const int space_before =
      std::max(0, mm_to_twips(top_mm) - head_lines * c.ps.line_pitch - mark_half_leading_twips(fit));
  const auto names = n.mark_lines();
  const bool joint = n.mark.empty() && names.size() > 1 && n.format == Format::File && n.mark_with_wenjian;
  if (joint) {
    write_joint_mark(c, names, "文件", fit, space_before);
  } else {
    ParaProps mp = styled(sid::kMark);
    mp.space_before_twips = space_before;
    write_mark_paragraphs(c, lines, fit, mp, std::nullopt);
  }

  // 7.2.5: two blank lines below the mark; the 文号 line is one em high so that the red line's
  // distance (w:space) is measured from the bottom of the characters (7.2.7: 4 mm).
  const double dn_pt = c.s.element("doc-number").size_pt;
  ParaProps dp = styled(sid::kDocNumber);
  dp.space_before_twips =
      2 * c.ps.line_pitch + (c.ps.line_pitch - pt_to_twips(dn_pt)) / 2 - mark_half_leading_twips(fit);
  dp.line_twips = pt_to_twips(dn_pt);
  dp.line_rule = "exact";
  Border red;
  red.color = c.s.element("issuer-mark").color.hex_rgb();
  red.size_eighth_pt = mm_to_eighth_points(c.s.red_line_width_mm);
  red.space_pt = static_cast<int>(std::lround(mm_to_pt(c.s.red_line_gap_mm)));
  if (n.format == Format::Order) {
    // 10.2: no red separator under the 令号; the body two blank lines below it (the 令号 line's
    // lower half first: its paragraph is only one em high).
    dp.space_after_twips = (c.ps.line_pitch - pt_to_twips(dn_pt)) / 2;
  } else {
    dp.border_bottom = red;
  }
  const bool no_number = n.doc_number.empty() && n.signers.empty();
  if (no_number && n.format != Format::Order) {
    // 7.2.7 with no 文号 (纪要): the red line 4 mm below the mark itself. A paragraph of almost no
    // height carries it; its distance counts from the bottom of the mark's line, which lies half
    // the leading (and this paragraph's point) below the characters.
    dp.space_before_twips = 0;
    dp.line_twips = 20;
    dp.border_bottom->space_pt = std::max(
        0, static_cast<int>(std::lround(mm_to_pt(c.s.red_line_gap_mm) - mark_half_leading_twips(fit) / 20.0 - 1)));
    c.w.paragraph(dp, "");
    return;
  }
  if (n.format == Format::Order && no_number) return;
  std::string signers = join(n.signers, "　");
  if (!signers.empty()) {
    // 7.2.5/7.2.6 上行文: 文号 one character in from the left, 签发人 one in from the right, same line.
    // Tabs, not indents: the red line below spans the paragraph's indents and must stay full width.
    dp.jc = "left";
    const int one = static_cast<int>(std::lround(c.ps.char_pitch));
    dp.tabs.push_back({"left", one});
    dp.tabs.push_back({"right", c.ps.block_w - one});
    c.w.begin_paragraph(dp);
    c.w.tab();
    c.w.run(n.doc_number.text);
    c.w.tab();
    c.w.run("签发人：", c.run("signer-label"));
    c.w.run(signers, c.run("signer-name"));
    c.w.end_paragraph();
  } else {
    c.w.paragraph(dp, n.doc_number.text);
  }
}

// 10.1 信函格式: the mark 30 mm from the top of the page — above the 37 mm top margin, so it cannot be
// reached with (non-negative) paragraph spacing. It goes in a frame positioned on the page. The red
// double line is a frame of its own: an (invisible) one-point paragraph whose top border is the
// line, its frame's top edge where the line's top edge belongs. Not the mark paragraph's bottom
// border at a distance (w:space) below the characters: LibreOffice moves a framed paragraph's
// borders onto the frame and applies that distance twice (the line 4 mm too low), and w:space is
// whole points while the standard's 4 mm is not. A border with no distance lies where the frame
// is in both (ECMA-376 17.3.1.11 places the frame, 17.3.1.24 puts a top border w:space above the
// text: with 0, at the paragraph's top edge, within the border's own width), like the lower double
// line in the first page's footer.
void write_letter_head(Ctx& c, const model::Notice& n) {
  const auto lines = mark_lines(n);
  MarkFit fit = fit_mark(c, lines);
  const int mark_top = mm_to_twips(c.s.letter_mark_top_from_page_mm);
  Frame f;
  f.width_twips = mm_to_twips(c.s.letter_line_length_mm);
  f.h_anchor = "page";
  f.x_align = "center";
  f.v_anchor = "page";
  f.y_twips = mark_top - mark_half_leading_twips(fit);
  f.wrap = "notBeside";
  ParaProps mp = styled(sid::kMark);
  mp.frame = f;
  write_mark_paragraphs(c, lines, fit, mp, std::nullopt);

  // 10.1: the double line (thick over thin) 4 mm below the mark's characters, 170 mm long, centred.
  // The mark's lines step by mark_line_twips, the last one ends `size` below its top.
  const int stacked = static_cast<int>(std::max<size_t>(lines.size(), 1) - 1);
  const int mark_bottom = mark_top + stacked * mark_line_twips(fit) + pt_to_twips(fit.size_pt);
  Frame lf = f;
  lf.y_twips = mark_bottom + mm_to_twips(c.s.red_line_gap_mm);
  constexpr int kRuleLine = 20;  // the rule paragraph: one point high
  ParaProps lp;
  lp.frame = lf;
  lp.line_twips = kRuleLine;
  lp.line_rule = "exact";
  lp.snap_to_grid = false;
  lp.first_line_chars = 0;
  lp.first_line_twips = 0;
  Border dbl;
  dbl.val = "thickThinSmallGap";  // thick over thin
  dbl.color = c.s.element("issuer-mark").color.hex_rgb();
  dbl.size_eighth_pt = 18;
  lp.border_top = dbl;
  // A frame of an empty paragraph is dropped by LibreOffice: carry one ideographic space.
  c.w.paragraph(lp, "\u3000");

  // Neither frame lets text beside it (notBeside), so the flow starts below the rule paragraph in
  // Word and LibreOffice alike. 10.1: the first line's characters 7/8 of a 三号 character below the
  // double line; the exact line is taller than the characters, which sit in its middle.
  const double dn_pt = c.s.element("doc-number").size_pt;
  const int before = std::max(0, pt_to_twips(dn_pt * 7.0 / 8.0) - (c.ps.line_pitch - pt_to_twips(dn_pt)) / 2 - kRuleLine);
  const int used = write_head_lines(c, n, true, n.doc_number.text, before);
  if (used == 0 && !n.doc_number.empty()) {
    ParaProps dp = styled(sid::kDocNumber);
    dp.jc = "right";
    dp.space_before_twips = before;
    c.w.paragraph(dp, n.doc_number.text);
  }
}

void write_blocks(Ctx& c, const std::vector<model::Block>& blocks) {
  for (const auto& b : blocks) {
    switch (b.kind) {
      case BlockKind::Paragraph:
        c.w.paragraph(styled(sid::kBody), b.lead + b.text);
        break;
      case BlockKind::Heading1:
      case BlockKind::Heading2:
      case BlockKind::Heading3:
      case BlockKind::Heading4: {
        static const char* ids[] = {sid::kHeading1, sid::kHeading2, sid::kHeading3, sid::kHeading4};
        const int level = static_cast<int>(b.kind) - static_cast<int>(BlockKind::Heading1);
        ParaProps p = styled(ids[level]);
        if (!b.text.empty()) p.keep_next = false;  // a run-in heading is a paragraph of its own
        c.w.begin_paragraph(p);
        c.w.run(b.lead);
        // 7.3.3: text following a heading in the same paragraph is set in the body font.
        if (!b.text.empty()) c.w.run(b.text, c.run("body"));
        c.w.end_paragraph();
        break;
      }
      case BlockKind::Table: {
        DocxTable t = from_model(b.table, b.loc);
        t.cell_style = sid::kTable;
        write_table(c.w, t, c.s.block_width_mm, {});
        break;
      }
    }
  }
}

// 7.3.4: "附件：" two characters in; several: "附件：1.××" with later names aligned under "1.".
void write_attachment_list(Ctx& c, const model::Notice& n) {
  const auto& names = n.attachment_names;
  for (size_t i = 0; i < names.size(); ++i) {
    ParaProps p = styled(sid::kAttachmentList);
    if (i == 0) p.space_before_twips = c.ps.line_pitch;  // one blank line below the body
    p.left_chars = 500;
    if (i == 0) p.hanging_chars = 300;
    std::string t = i == 0 ? "附件：" : "";
    if (names.size() > 1) t += std::to_string(i + 1) + ".";
    c.w.paragraph(p, t + names[i].text);
  }
}

// 7.3.5: signature and date.
void write_signature(Ctx& c, const model::Notice& n) {
  std::vector<std::string> sigs;
  for (const auto& f : n.signature_names)
    if (!f.empty()) sigs.push_back(f.text);
  const double date_w = text_width_chars(n.date.text);
  double sig_w = 0;
  for (const auto& s : sigs) sig_w = std::max(sig_w, text_width_chars(s));
  double rs = 2, rd = 2;
  int lines_before = 1;  // 7.3.5.2: one blank line below the body or the 附件说明
  if (n.seal == model::SealKind::SignatureSeal) {
    // 7.3.5.3: 签发人职务 + 签名章 right-indented 4 characters, two blank lines below; date one below that.
    ParaProps p = styled(sid::kSignature);
    p.space_before_twips = 2 * c.ps.line_pitch;
    p.right_chars = 400;
    c.w.paragraph(p, n.signer_title.text + (n.signer_name.empty() ? "" : "　　" + n.signer_name.text));
    ParaProps d = styled(sid::kDate);
    d.space_before_twips = c.ps.line_pitch;
    d.right_chars = 400;
    c.w.paragraph(d, n.date.text);
    return;
  }
  if (n.seal == model::SealKind::Seal) {
    // 7.3.5.1: date right-indented 4 characters, signature centred over it.
    rd = 4;
    rs = 4 + (date_w - sig_w) / 2;
    if (rs < 0) rs = 0;
    lines_before = 2;  // room for the top of the seal (within one line of the text above)
  } else {
    const SignaturePlacement sp = place_signature_7352(sig_w, date_w);
    rs = sp.signature_right_chars;
    rd = sp.date_right_chars;
  }
  for (size_t i = 0; i < sigs.size(); ++i) {
    ParaProps p = styled(sid::kSignature);
    if (i == 0) p.space_before_twips = lines_before * c.ps.line_pitch;
    // Right-aligned names of different lengths: pad so all start where the longest starts.
    p.right_chars = chars_to_hundredths(rs + (sig_w - text_width_chars(sigs[i])));
    p.jc = "right";
    c.w.paragraph(p, sigs[i]);
  }
  if (!n.date.empty()) {
    ParaProps d = styled(sid::kDate);
    if (sigs.empty()) d.space_before_twips = c.ps.line_pitch;
    d.right_chars = chars_to_hundredths(rd);
    c.w.paragraph(d, n.date.text);
  }
}

// 7.3.7: each attachment on a new page: "附件N" on line 1, its title centred on line 3.
void write_attachments(Ctx& c, const model::Notice& n) {
  const bool numbered = n.attachments.size() > 1;
  for (size_t i = 0; i < n.attachments.size(); ++i) {
    const auto& a = n.attachments[i];
    ParaProps lp = styled(sid::kAttachmentLabel);
    lp.page_break_before = true;
    c.w.paragraph(lp, numbered ? "附件" + std::to_string(i + 1) : std::string("附件"));
    ParaProps tp = styled(sid::kAttachmentTitle);
    tp.space_before_twips = c.ps.line_pitch;
    tp.space_after_twips = c.ps.line_pitch;
    const auto& decided = c.o.attachment_title_lines;
    if (i < decided.size() && !decided[i].empty()) {
      spare_margins(c, tp);  // the lines are decided (w:br); a client measuring wider must not rewrap
      c.w.paragraph(tp, join_lines(decided[i]));
    } else {
      c.w.paragraph(tp, a.title.text);
    }
    write_blocks(c, a.blocks);
  }
}

// 7.4: the 版记 at the bottom of the text block on the last page, as frames (w:framePr) anchored to
// the margin box: the printer line's frame at the bottom (yAlign=bottom), the 抄送 frame right above
// it. Tried and refused: a floating table with tblpYSpec="bottom" (LibreOffice 7.4 leaves it in the
// flow), one frame with w:between or differing borders per paragraph, or empty rule paragraphs
// (LibreOffice then drops the frame). One paragraph per frame with its own borders works in both.
// Borders stop at a paragraph's indents, so the one-character indents are a leading ideographic
// space and a tab stop instead.
void write_colophon(Ctx& c, const model::Notice& n) {
  const bool letter = n.format == Format::Letter;
  const bool has_printer = !letter && (!n.printer.empty() || !n.print_date.empty());
  const bool has_main = c.o.recipients_in_colophon && !n.recipients.empty();
  if (n.cc.empty() && !has_printer && !has_main) return;
  const double size_pt = c.s.element("cc").size_pt;
  const int one_char = pt_to_twips(size_pt);  // 7.4.2: one character of the 四号 text
  Frame f;
  f.width_twips = c.ps.block_w;
  f.h_anchor = "margin";
  f.x_align = "center";
  f.v_anchor = "margin";
  f.wrap = "notBeside";
  auto rule = [&](double mm) {
    Border b;
    b.size_eighth_pt = mm_to_eighth_points(mm);
    return b;
  };
  auto para = [&](const char* style, const Frame& fr) {
    ParaProps p = styled(style);
    p.frame = fr;
    p.line_twips = c.ps.line_pitch;
    p.line_rule = "exact";
    return p;
  };
  Frame bottom = f;
  bottom.y_align = "bottom";
  // 7.4.2: "主送：" / "抄送：" one character in, wrapped lines aligned after the colon. The lines are
  // layout's when it decided them (a w:br, then a tab to the stop after the label); otherwise the
  // client wraps and a wrapped line starts at the frame's left edge.
  const int after_label = one_char + 3 * one_char;  // "　抄送：": one character, then three
  auto group_text = [&](const char* label, const std::string& names) {
    for (const auto& g : c.o.colophon_lines) {
      if (g.empty() || g.front().rfind(label, 0) != 0) continue;
      std::string t = "\u3000" + g.front();
      for (size_t i = 1; i < g.size(); ++i) t += "\n\t" + g[i];
      return std::pair{t, static_cast<int>(g.size())};
    }
    const std::string t = "\u3000" + std::string(label) + names;
    const double per_line = (mm_to_pt(c.s.block_width_mm) - size_pt) / size_pt;
    return std::pair{t, std::max(1, static_cast<int>(std::ceil(text_width_chars(t) / per_line)))};
  };
  auto main_text = [&] {
    std::string r = n.recipients.text;
    if (r.size() >= 3 && r.compare(r.size() - 3, 3, "：") == 0) r = r.substr(0, r.size() - 3) + "。";
    return r;
  };
  const auto [cc_text, cc_lines] = n.cc.empty() ? std::pair{std::string(), 0} : group_text("抄送：", n.cc.text);

  // 7.5 / 6.2: the 版记 on a page of its own, after an unnumbered blank page, as layout placed it.
  if (c.o.colophon_page == DocxOptions::ColophonPage::AfterBlankPage) {
    c.b.begin_unnumbered_section();  // the blank page starts the section
    c.w.paragraph(spacer(20), "");
  }
  if (c.o.colophon_page != DocxOptions::ColophonPage::Last) {
    ParaProps t = spacer(20);
    t.page_break_before = true;
    c.w.paragraph(t, "");
  }
  if (has_main) {
    // 7.3.2 / 7.4.2: recipients moved here read "主送：", one line above 抄送, no separator between.
    const auto [text, lines] = group_text("主送：", main_text());
    Frame above = f;
    above.y_twips = c.ps.block_h - (lines + cc_lines + (has_printer ? 1 : 0)) * c.ps.line_pitch;
    ParaProps p = para(sid::kCc, above);
    p.tabs.push_back({"left", after_label});
    if (!letter) p.border_top = rule(c.s.colophon_thick_mm);
    c.w.paragraph(p, text);
  }
  if (!n.cc.empty()) {
    Frame above = f;
    above.y_twips = c.ps.block_h - (cc_lines + (has_printer ? 1 : 0)) * c.ps.line_pitch;
    ParaProps p = para(sid::kCc, has_printer ? above : bottom);
    p.tabs.push_back({"left", after_label});
    if (!letter) {  // 10.1: the letter's 版记 has no separator lines
      if (!has_main) p.border_top = rule(c.s.colophon_thick_mm);
      p.border_bottom = rule(has_printer ? c.s.colophon_thin_mm : c.s.colophon_thick_mm);
    }
    c.w.paragraph(p, cc_text);
  }
  if (has_printer) {
    // 7.4.3: printer one character in on the left, date one character in on the right.
    ParaProps p = para(sid::kPrinter, bottom);
    if (n.cc.empty() && !has_main) p.border_top = rule(c.s.colophon_thick_mm);
    p.border_bottom = rule(c.s.colophon_thick_mm);
    p.tabs.push_back({"right", c.ps.block_w - one_char});
    c.w.begin_paragraph(p);
    c.w.run("\u3000" + n.printer.text);
    if (!n.print_date.empty()) {
      c.w.tab();
      c.w.run(n.print_date.text + "印发");
    }
    c.w.end_paragraph();
  }
  // LibreOffice anchors a frame at the paragraph after it and drops a frame that ends the body.
  c.w.paragraph(spacer(20), "");
}

}  // namespace

void write_notice_body(DocxBuilder& b, const model::Notice& n) {
  Ctx c{b, b.body(), b.style(), b.options(), b.page()};
  if (n.format == Format::Letter) {
    write_letter_head(c, n);
  } else {
    write_file_head(c, n);
  }
  if (!n.title.empty()) {
    ParaProps tp = styled(sid::kTitle);
    tp.space_before_twips = 2 * c.ps.line_pitch;  // 7.3.1: two blank lines below the red line
    if (n.format == Format::Letter) tp.space_before_twips = c.ps.line_pitch;
    // 7.3.2 / 7.3.3: one blank line below the title, before the recipients or, when there are none
    // in the body (moved to the 版记), before the body.
    if (c.o.recipients_in_colophon || n.recipients.empty()) tp.space_after_twips = c.ps.line_pitch;
    if (c.o.title_lines.empty()) {
      c.w.paragraph(tp, n.title.text);
    } else {
      // The lines are layout's (7.3.1, balanced, w:br between them). LibreOffice adds space between
      // Chinese and digits even where w:autoSpaceDE/DN say not to (its DOCX import ignores them),
      // so a decided line may measure wider there: it may use a character of the margins rather
      // than wrap again.
      spare_margins(c, tp);
      c.w.paragraph(tp, join_lines(c.o.title_lines));
    }
  }
  if (!n.recipients.empty() && !c.o.recipients_in_colophon) {
    ParaProps rp = styled(sid::kRecipients);
    rp.space_before_twips = c.ps.line_pitch;  // 7.3.2: one blank line below the title
    c.w.paragraph(rp, n.recipients.text);
  }
  if (n.format == Format::Order && n.title.empty()) {
    // 10.2: the body two blank lines below the 令号.
    c.w.paragraph(spacer(2 * c.ps.line_pitch), "");
  }
  write_blocks(c, n.body);
  write_attachment_list(c, n);
  if (n.format == Format::Minutes) {
    // 10.3: 出席/请假/列席 lines after the body, before the signature (as layout sets them), label in 黑体.
    bool first = true;
    for (auto [label, f] : {std::pair{"出席：", &n.present}, {"请假：", &n.absent}, {"列席：", &n.attending}}) {
      if (f->empty()) continue;
      ParaProps p = styled(sid::kBody);
      if (first) p.space_before_twips = c.ps.line_pitch;
      p.left_chars = 500;  // two characters in, wrapped lines aligned after the three-character label
      p.hanging_chars = 300;
      first = false;
      c.w.begin_paragraph(p);
      c.w.run(label, c.run("minutes-label"));
      c.w.run(f->text);
      c.w.end_paragraph();
    }
  }
  write_signature(c, n);
  if (!n.note.empty()) c.w.paragraph(styled(sid::kBody), "（" + n.note.text + "）");  // 7.3.6
  write_attachments(c, n);
  write_colophon(c, n);
}

}  // namespace gw::docx
