// styles.xml, settings.xml, fontTable.xml, footers and docProps; see docx_parts.h.
#include "export/docx/docx_parts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <regex>

#include "base/units.h"
#include "export/docx/docx_body.h"
#include "export/docx/xml_writer.h"
#include "layout/page_grid.h"
#include "layout/summary_layout.h"

namespace gw::docx {

namespace {
constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
}  // namespace

std::map<std::string, std::string> default_font_faces() {
  return {{"title", "方正小标宋简体"},
          {"body", "仿宋_GB2312"},
          {"heading-1", "黑体"},
          {"heading-2", "楷体_GB2312"},
          {"page-number", "宋体"}};
}

PageSetup page_setup(const model::Style& s) {
  PageSetup p;
  p.page_w = mm_to_twips(s.page_width_mm);
  p.page_h = mm_to_twips(s.page_height_mm);
  p.top = mm_to_twips(s.top_margin_mm);
  p.left = mm_to_twips(s.left_margin_mm);
  p.block_w = mm_to_twips(s.block_width_mm);
  p.block_h = mm_to_twips(s.block_height_mm);
  // 5.2.1: the margins opposite the binding edge and the top are what the text block leaves.
  p.bottom = mm_to_twips(s.page_height_mm - s.top_margin_mm - s.block_height_mm);
  p.right = mm_to_twips(s.page_width_mm - s.left_margin_mm - s.block_width_mm);
  // 5.2.3: 22 lines. Word fits floor(block / pitch) lines, so round the pitch down: 579, not 580
  // (22 × 580 twips exceeds the 225 mm block by a fraction and Word would show 21 lines).
  p.line_pitch = static_cast<int>(std::floor(s.line_pitch_mm() * 1440.0 / 25.4));
  // 5.2.3: 28 characters of the body size. Word's grid pitch is (default size + charSpace/4096) pt;
  // round down for the same reason as the line pitch.
  const double pitch_pt = mm_to_pt(s.block_width_mm) / s.chars_per_line;
  p.char_space = static_cast<int>(std::floor((pitch_pt - s.element("body").size_pt) * 4096.0));
  p.char_pitch = pitch_pt * 20.0;
  p.indent_char_twips = (pitch_pt - 0.1) * 20.0;
  // LibreOffice computes the pitch in 1/100 mm with truncation, up to ~0.07 pt below Word's: keep
  // a 0.1 pt margin.
  p.grid_hscale = std::min(100, static_cast<int>(std::floor(100.0 * (pitch_pt - 0.1) /
                                                           s.element("body").size_pt)));
  // 7.5: the dashes' top edge lies page_number_gap below the text block; the footer paragraph is
  // one line of exact height = the page-number size, so its bottom is that much lower.
  const double pn_pt = s.element("page-number").size_pt;
  p.footer = mm_to_twips(s.page_height_mm - s.top_margin_mm - s.block_height_mm - s.page_number_gap_mm) -
             pt_to_twips(pn_pt);
  return p;
}

RunProps element_run(const model::Style& style, const DocxOptions& opts, const std::string& role) {
  const model::ElementStyle& e = style.element(role);
  RunProps r;
  auto it = opts.fonts.find(e.font_role);
  if (it == opts.fonts.end()) it = opts.fonts.find("body");
  if (it != opts.fonts.end()) r.font_east_asia = it->second;
  r.font_latin = opts.latin_font.empty() ? r.font_east_asia : opts.latin_font;
  if (e.size_pt > 0) r.size_half_pt = pt_to_half_points(e.size_pt);
  if (!(e.color == model::Color::black())) r.color = e.color.hex_rgb();
  return r;
}

namespace {

struct StyleDef {
  const char* id;
  const char* name;
  const char* role;  // element role for fonts/size/colour
  ParaProps pp;
};

std::vector<StyleDef> style_defs(const model::Style& s, const PageSetup& ps) {
  const int pitch = ps.line_pitch;
  auto base = [&](const char* jc) {
    ParaProps p;
    p.style.clear();
    p.jc = jc;
    p.first_line_chars = 0;
    p.first_line_twips = 0;
    return p;
  };
  std::vector<StyleDef> v;
  {
    ParaProps body;  // 7.3.3: 三号, justified to the grid, each paragraph indented two characters
    body.jc = "both";
    body.line_twips = pitch;
    body.line_rule = "exact";
    body.first_line_chars = 200;
    body.first_line_twips = static_cast<int>(std::floor(2 * ps.indent_char_twips));
    // No extra quarter-em between Chinese and digits (Word's and LibreOffice's default): GB/T 9704
    // sets "2022年6月30日" solid, and the 7.3.5 indents are computed from those widths.
    body.auto_space = false;
    // Layout breaks pages after any line (a paragraph's single first or last line included) and
    // does not keep headings with the text after them: say so, or Word's and LibreOffice's
    // defaults move lines to the next page and the DOCX's pages differ from the PDF's.
    body.widow_control = false;
    // 禁则 (9): layout squeezes or pushes punctuation to keep it inside the line; it never hangs
    // past the text block, as Word's and LibreOffice's default (overflowPunct) lets it.
    body.overflow_punct = false;
    // Named "Normal" with the alias 正文: Chinese Word shows its built-in Normal as 正文, and
    // LibreOffice finds the grid's base character size only on the style it maps to "Standard".
    v.push_back({sid::kBody, "Normal", "body", body});
  }
  v.push_back({sid::kCopyNumber, "份号", "copy-number", base("left")});
  v.push_back({sid::kSecrecy, "密级和保密期限", "secrecy", base("left")});
  v.push_back({sid::kUrgency, "紧急程度", "urgency", base("left")});
  {
    ParaProps p = base("center");
    p.snap_to_grid = false;  // a mark larger than the grid cell must not be spread over several cells
    v.push_back({sid::kMark, "发文机关标志", "issuer-mark", p});
  }
  // Lines that are placed by indents and carry digits stay off the character grid: LibreOffice
  // gives each half-width digit a whole cell there, which would move the 7.3.5 alignments.
  ParaProps off_grid_center = base("center"), off_grid_right = base("right");
  off_grid_center.snap_to_grid = false;
  off_grid_right.snap_to_grid = false;
  v.push_back({sid::kDocNumber, "发文字号", "doc-number", off_grid_center});
  v.push_back({sid::kSigner, "签发人", "signer-label", base("right")});
  {
    ParaProps p = base("center");
    p.snap_to_grid = false;  // 二号 characters keep their own width instead of two grid cells each
    v.push_back({sid::kTitle, "标题", "title", p});
  }
  v.push_back({sid::kRecipients, "主送机关", "recipients", base("left")});
  const char* heading_names[] = {"一级标题", "二级标题", "三级标题", "四级标题"};
  const char* heading_ids[] = {sid::kHeading1, sid::kHeading2, sid::kHeading3, sid::kHeading4};
  for (int i = 0; i < 4; ++i) {
    ParaProps p;  // headings keep the body's two-character indent (7.3.3)
    p.outline_level = i;  // not keepNext: layout does not keep a heading with the next line (see Normal)
    v.push_back({heading_ids[i], heading_names[i], i == 0   ? "heading-1"
                                                   : i == 1 ? "heading-2"
                                                   : i == 2 ? "heading-3"
                                                            : "heading-4",
                 p});
  }
  {
    ParaProps p = base("left");  // 7.3.4: "附件：" two characters in, names aligned after it
    v.push_back({sid::kAttachmentList, "附件说明", "attachment-list", p});
  }
  v.push_back({sid::kSignature, "署名", "signature", off_grid_right});
  v.push_back({sid::kDate, "成文日期", "date", off_grid_right});
  v.push_back({sid::kNote, "附注", "note", ParaProps{}});
  v.push_back({sid::kAttachmentLabel, "附件标签", "attachment-label", base("left")});
  {
    ParaProps p = base("center");
    p.snap_to_grid = false;
    v.push_back({sid::kAttachmentTitle, "附件标题", "attachment-title", p});
  }
  {
    ParaProps p = base("left");  // 7.4.2: 四号, one character in on both sides (table cell margins)
    p.snap_to_grid = false;
    v.push_back({sid::kCc, "抄送", "cc", p});
    v.push_back({sid::kPrinter, "印发机关", "printer", p});
  }
  {
    ParaProps p = base("right");
    p.snap_to_grid = false;
    p.line_twips = pt_to_twips(s.element("page-number").size_pt);
    p.line_rule = "exact";
    v.push_back({sid::kPageNumber, "页码", "page-number", p});
  }
  {
    ParaProps p = base("center");  // table text: single spacing, off the grid so rows stay compact
    p.snap_to_grid = false;
    p.line_twips = 240;
    p.line_rule = "auto";
    v.push_back({sid::kTable, "表格", "table", p});
  }
  return v;
}

}  // namespace

std::string styles_xml(const model::Style& style, const DocxOptions& opts) {
  const PageSetup ps = page_setup(style);
  XmlWriter w;
  w.start("w:styles");
  w.attr("xmlns:w", kW);
  w.start("w:docDefaults");
  w.start("w:rPrDefault");
  RunProps def = element_run(style, opts, "body");
  def.lang_east_asia = "zh-CN";
  write_rpr(w, def);
  w.end();
  w.start("w:pPrDefault");
  w.end();
  w.end();
  for (const auto& d : style_defs(style, ps)) {
    const bool is_default = std::string(d.id) == sid::kBody;
    w.start("w:style");
    w.attr("w:type", "paragraph");
    if (is_default) w.attr("w:default", "1");
    if (!is_default) w.attr("w:customStyle", "1");
    w.attr("w:styleId", d.id);
    w.val("w:name", d.name);  // CT_Style order: name, aliases, basedOn, next, …, qFormat, …, pPr, rPr
    if (is_default) w.val("w:aliases", "正文");
    if (!is_default) w.val("w:basedOn", sid::kBody);
    w.empty("w:qFormat");
    write_ppr(w, d.pp);
    RunProps r = element_run(style, opts, d.role);
    if (is_default) r.hscale_percent = ps.grid_hscale;       // inherited by every gridded style
    if (d.pp.snap_to_grid == false) r.hscale_percent = 100;  // off the grid: natural width
    write_rpr(w, r);
    w.end();
  }
  // The default table style Word expects to exist (tables reference no style, but Word's UI does).
  w.start("w:style");
  w.attr("w:type", "table");
  w.attr("w:default", "1");
  w.attr("w:styleId", "TableNormal");
  w.val("w:name", "Normal Table");
  w.empty("w:semiHidden");
  w.end();
  w.end();
  return w.finish();
}

std::string settings_xml(const model::Style& /*style*/) {
  XmlWriter w;
  w.start("w:settings");
  w.attr("xmlns:w", kW);
  w.val("w:zoom", 100, "w:percent");
  w.val("w:defaultTabStop", 420);
  // 7.5: odd pages number on the right, even pages on the left.
  // (single-sided too: the PDF numbers them so, whatever Style::duplex says).
  w.empty("w:evenAndOddHeaders");
  // 5.2.3: one character per grid cell; compressing punctuation would break the 28-character lines.
  w.val("w:characterSpacingControl", "doNotCompress");
  w.start("w:compat");
  w.start("w:compatSetting");  // Word 2013+ layout, not compatibility mode
  w.attr("w:name", "compatibilityMode");
  w.attr("w:uri", "http://schemas.microsoft.com/office/word");
  w.attr("w:val", "15");
  w.end();
  w.end();
  w.end();
  return w.finish();
}

std::string font_table_xml(const DocxOptions& opts) {
  XmlWriter w;
  w.start("w:fonts");
  w.attr("xmlns:w", kW);
  std::vector<std::string> names;
  for (const auto& [role, face] : opts.fonts)
    if (std::find(names.begin(), names.end(), face) == names.end()) names.push_back(face);
  if (!opts.latin_font.empty() && std::find(names.begin(), names.end(), opts.latin_font) == names.end())
    names.push_back(opts.latin_font);
  // The same faces' English family names: Word on a non-Chinese system finds them by w:altName.
  static const std::map<std::string, std::string> alt = {{"方正小标宋简体", "FZXiaoBiaoSong-B05S"},
                                                         {"仿宋_GB2312", "FangSong_GB2312"},
                                                         {"仿宋", "FangSong"},
                                                         {"黑体", "SimHei"},
                                                         {"楷体_GB2312", "KaiTi_GB2312"},
                                                         {"楷体", "KaiTi"},
                                                         {"宋体", "SimSun"}};
  for (const auto& n : names) {
    w.start("w:font");  // CT_Font order: altName, panose1, charset, family, notTrueType, pitch, …
    w.attr("w:name", n);
    if (auto it = alt.find(n); it != alt.end()) w.val("w:altName", it->second);
    const bool latin = !opts.latin_font.empty() && n == opts.latin_font;
    w.val("w:charset", latin ? "00" : "86");  // 86 = GB2312: lets Word pick a substitute of the same script
    w.val("w:family", latin ? "roman" : "modern");
    w.val("w:pitch", latin ? "variable" : "fixed");
    w.end();
  }
  w.end();
  return w.finish();
}

std::string footer_xml(const model::Style& style, const DocxOptions& opts, FooterKind kind) {
  XmlWriter w;
  w.start("w:ftr");
  w.attr("xmlns:w", kW);
  w.attr("xmlns:r", kR);
  BodyWriter b(w);
  b.set_char_pitch(pt_to_twips(style.element("page-number").size_pt));  // 7.5: 1 char of the 四号 digits
  ParaProps p;
  p.style = sid::kPageNumber;
  if (kind == FooterKind::Empty) {
    b.paragraph(p, "");
  } else if (kind == FooterKind::LetterFirst) {
    Frame f;
    f.width_twips = mm_to_twips(style.letter_line_length_mm);
    f.h_anchor = "page";
    f.x_align = "center";
    f.v_anchor = "page";
    f.y_twips = mm_to_twips(style.page_height_mm - style.letter_bottom_line_from_page_bottom_mm);
    f.wrap = "around";
    ParaProps lp;
    lp.style = sid::kPageNumber;
    lp.frame = f;
    lp.line_twips = 20;
    lp.line_rule = "exact";
    Border dbl;
    dbl.val = "thinThickSmallGap";  // thin over thick
    dbl.size_eighth_pt = 18;
    dbl.color = style.element("issuer-mark").color.hex_rgb();
    lp.border_top = dbl;
    // A frame of an empty paragraph is dropped by LibreOffice: carry one (invisible, 1 pt) space.
    b.paragraph(lp, "\u3000");
    b.paragraph(p, "");  // the footer's own (empty) paragraph, anchor of the frame
  } else {
    RunProps r = element_run(style, opts, "page-number");
    r.hint = "eastAsia";  // the em dashes come from the East Asian face, as in the PDF
    auto number = [&](const ParaProps& pp) {
      const std::string& form = style.page_number_form;
      const size_t at = form.find("{n}");
      b.begin_paragraph(pp);
      b.run(form.substr(0, at), r);
      if (at != std::string::npos) {
        b.page_number(r);
        b.run(form.substr(at + 3), r);
      }
      b.end_paragraph();
    };
    if (kind == FooterKind::Odd || kind == FooterKind::Even) {
      // 7.5: odd pages flush right with a one-character right indent, even pages flush left.
      const int indent = chars_to_hundredths(style.page_number_indent_chars);
      if (kind == FooterKind::Odd) {
        p.jc = "right";
        p.right_chars = indent;
      } else {
        p.jc = "left";
        p.left_chars = indent;
      }
      number(p);
    } else {
      // Clause 8 on a landscape page (layout/summary_layout.cc number_pages, which the PDF follows):
      // the number stays where the portrait page has it, so it sits in the landscape page's left
      // margin, its right end page_number_gap left of the text block; odd pages at the block's lower
      // end (one character up), even pages at its upper end (one character down). A footer lies
      // below the block, so the number is a page-anchored frame of the footer. It is set upright,
      // as the PDF sets it (the PDF cannot turn a line); a turned number would need a DrawingML
      // text box, which LibreOffice and Word place differently.
      const model::Style ls = layout::landscape_style(style);
      const layout::PageGrid grid(ls);
      const double pn_pt = ls.element("page-number").size_pt;
      const double size_mm = pt_to_mm(pn_pt);
      const double indent_mm = grid.char_width(pn_pt) * ls.page_number_indent_chars;
      const double right_end = std::max(size_mm, ls.left_margin_mm - ls.page_number_gap_mm);
      const double top = kind == FooterKind::LandscapeOdd
                             ? ls.top_margin_mm + ls.block_height_mm - indent_mm - size_mm
                             : ls.top_margin_mm + indent_mm;
      Frame f;
      f.width_twips = mm_to_twips(right_end);
      f.h_anchor = "page";
      f.x_twips = 0;
      f.v_anchor = "page";
      f.y_twips = mm_to_twips(top);
      f.wrap = "around";
      ParaProps fp = p;
      fp.frame = f;
      fp.jc = "right";
      number(fp);
      b.paragraph(p, "");  // the footer's own (empty) paragraph, anchor of the frame
    }
  }
  w.end();
  return w.finish();
}

std::string core_xml(const DocProps& p) {
  XmlWriter w;
  w.start("cp:coreProperties");
  w.attr("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  w.attr("xmlns:dc", "http://purl.org/dc/elements/1.1/");
  w.attr("xmlns:dcterms", "http://purl.org/dc/terms/");
  w.attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  auto el = [&](const char* name, const std::string& v) {
    if (v.empty()) return;
    w.start(name);
    w.text(v);
    w.end();
  };
  el("dc:title", p.title);
  el("dc:subject", p.subject);
  el("dc:creator", p.creator);
  el("cp:keywords", p.keywords);
  if (!p.created.empty()) {
    for (const char* name : {"dcterms:created", "dcterms:modified"}) {
      w.start(name);
      w.attr("xsi:type", "dcterms:W3CDTF");
      w.text(p.created);
      w.end();
    }
  }
  w.end();
  return w.finish();
}

std::string app_xml() {
  XmlWriter w;
  w.start("Properties");
  w.attr("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
  w.start("Application");
  w.text("gongwen");
  w.end();
  w.end();
  return w.finish();
}

std::string custom_xml(const DocProps& p) {
  XmlWriter w;
  w.start("Properties");
  w.attr("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties");
  w.attr("xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes");
  int pid = 2;  // 0 and 1 are reserved by the format
  for (const auto& [name, value] : p.custom) {
    w.start("property");
    w.attr("fmtid", "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}");  // FMTID_UserDefinedProperties
    w.attr("pid", pid++);
    w.attr("name", name);
    w.start("vt:lpwstr");
    w.text(value);
    w.end();
    w.end();
  }
  w.end();
  return w.finish();
}

std::string w3cdtf_from_chinese_date(const std::string& date) {
  static const std::regex re(R"(^\s*(\d{4})年(\d{1,2})月(\d{1,2})日\s*$)");
  std::smatch m;
  if (!std::regex_match(date, m, re)) return {};
  const int y = std::stoi(m[1]), mo = std::stoi(m[2]), d = std::stoi(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return {};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT00:00:00Z", y, mo, d);
  return buf;
}

}  // namespace gw::docx
