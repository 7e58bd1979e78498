// The PDF writer end to end: a small hand-built layout (CJK lines, full-width punctuation, digits,
// a rare character from a fallback face, a red rule, horizontal scaling) is written and read back
// with poppler-utils — pdftotext must return the text exactly, pdffonts must show every font
// embedded and subset — plus size, determinism and the input errors.
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "base/units.h"
#include "base/utf8.h"
#include "export/pdf/pdf_writer.h"

using gw::InputError;
using gw::fonts::FontCandidate;
using gw::fonts::FontMap;
using gw::fonts::FontSet;
namespace layout = gw::layout;

namespace {

const std::string kGbsn = "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf";
const std::string kWqy = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

bool have_fonts() {
  for (const auto& p : {kGbsn, kWqy})
    if (!std::filesystem::exists(p)) {
      WARN("skipped: font file " << p << " is not installed (apt-get install fonts-arphic-gbsn00lp fonts-wqy-microhei)");
      return false;
    }
  return true;
}

FontSet debian_fonts() {
  FontMap m;
  m.source_file = "test";
  for (const auto& [role, chain] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"body", {kGbsn, kWqy}}, {"heading-1", {kWqy}}})
    for (const auto& p : chain) {
      FontCandidate c;
      c.path = p;
      m.roles[role].push_back(c);
    }
  return FontSet::open(m);
}

// A font set whose one role has one file.
FontSet one_file_fonts(const std::string& role, const std::string& path) {
  FontMap m;
  m.source_file = "test";
  FontCandidate c;
  c.path = path;
  m.roles[role].push_back(c);
  return FontSet::open(m);
}

// A miniature of layout: glyphs from the role's chain at their advances, `extra_mm` added after
// each glyph (justification).
layout::TextLine make_line(const FontSet& fonts, const std::string& role, const std::string& text, double size_pt,
                           double x_mm, double baseline_mm, double extra_mm = 0, double hscale = 1) {
  layout::TextLine l;
  l.role = l.font_role = role;
  l.size_pt = size_pt;
  l.x_mm = x_mm;
  l.baseline_mm = baseline_mm;
  l.hscale = hscale;
  l.text = text;
  double x = x_mm;
  for (char32_t cp : gw::to_u32(text)) {
    layout::Glyph g;
    g.cp = cp;
    g.face = fonts.face_for(role, cp);
    g.x_mm = x;
    g.advance_mm = (gw::pt_to_mm(fonts.advance_em(g.face, cp) * size_pt) + extra_mm) * hscale;
    x += g.advance_mm;
    l.glyphs.push_back(g);
  }
  l.width_mm = x - x_mm;
  return l;
}

const std::vector<std::string> kLines = {
    "关于印发〔2024〕12号文件的通知",
    "“公文格式”——按照GB/T 9704—2012执行……",
    "联系人：朱镕基，电话：010-12345678。",
    "（此页无正文）",
};

layout::Document sample(const FontSet& fonts) {
  layout::Document d;
  d.title = "关于印发通知的通知";
  d.author = "某某办公室";
  d.subject = "测试";
  d.keywords = "公文, PDF";
  layout::Page p1;
  p1.number = 1;
  p1.lines.push_back(make_line(fonts, "heading-1", kLines[0], 22, 28, 60));
  layout::Rule red;
  red.role = "red-line";
  red.x1_mm = 28, red.x2_mm = 184, red.y1_mm = red.y2_mm = 70;
  red.thickness_mm = 0.35;
  red.color = gw::model::Color::red();
  p1.rules.push_back(red);
  p1.lines.push_back(make_line(fonts, "body", kLines[1], 16, 28, 90, 0.3));
  p1.lines.push_back(make_line(fonts, "body", kLines[2], 16, 28, 100));
  layout::Page p2;
  p2.number = 2;
  p2.lines.push_back(make_line(fonts, "body", kLines[3], 16, 28, 60, 0, 0.8));
  d.pages = {p1, p2};
  return d;
}

struct TempPdf {
  std::string path;
  explicit TempPdf(const std::string& bytes) {
    std::string tmpl = (std::filesystem::temp_directory_path() / "gw-pdf-test-XXXXXX").string();
    int fd = mkstemp(tmpl.data());
    REQUIRE(fd >= 0);
    ::close(fd);
    path = tmpl;
    std::ofstream(path, std::ios::binary) << bytes;
  }
  ~TempPdf() { std::filesystem::remove(path); }
};

std::string run(const std::string& cmd) {
  std::string out;
  FILE* p = popen((cmd + " 2>&1").c_str(), "r");
  REQUIRE(p);
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int rc = pclose(p);
  INFO(cmd << "\n" << out);
  REQUIRE(rc == 0);
  return out;
}

bool has_tool(const char* name) {
  if (std::system((std::string("command -v ") + name + " >/dev/null 2>&1").c_str()) == 0) return true;
  WARN("skipped: " << name << " is not installed (poppler-utils)");
  return false;
}

}  // namespace

TEST_CASE("pdftotext gives back the text exactly and every font is embedded") {
  if (!have_fonts() || !has_tool("pdftotext") || !has_tool("pdffonts")) return;
  FontSet fonts = debian_fonts();
  layout::Document doc = sample(fonts);
  // 镕 is not in AR PL SungtiL GB: the body line uses two faces.
  REQUIRE(doc.pages[0].lines[2].glyphs[5].cp == U'镕');
  REQUIRE(doc.pages[0].lines[2].glyphs[5].face != doc.pages[0].lines[2].glyphs[4].face);

  std::string bytes = gw::pdf::write_pdf(doc, fonts);
  REQUIRE(bytes.rfind("%PDF-", 0) == 0);
  TempPdf pdf(bytes);

  std::string text = run("pdftotext -enc UTF-8 " + pdf.path + " -");
  INFO(text);
  CHECK(text.find("Syntax Warning") == std::string::npos);  // libharu's own ToUnicode would trigger one
  std::istringstream in(text);
  std::vector<std::string> got;
  for (std::string l; std::getline(in, l);)
    if (!l.empty() && l != "\f") got.push_back(l[0] == '\f' ? l.substr(1) : l);
  CHECK(got == kLines);

  std::string fonts_out = run("pdffonts " + pdf.path);
  INFO(fonts_out);
  CHECK(fonts_out.find("Syntax") == std::string::npos);
  int rows = 0;
  std::istringstream fin(fonts_out);
  for (std::string l; std::getline(fin, l);) {
    if (l.find("CID TrueType") == std::string::npos) continue;
    ++rows;
    std::istringstream cols(l.substr(l.find("Identity-H") + 10));
    std::string emb, sub, uni;
    cols >> emb >> sub >> uni;
    CHECK(emb == "yes");
    CHECK(sub == "yes");
    CHECK(uni == "yes");
  }
  CHECK(rows == 2);  // AR PL SungtiL GB and WenQuanYi Micro Hei, each once

  CHECK(bytes.size() < 60 * 1024);
  // Document properties in UTF-16 (checked through pdfinfo when present).
  if (has_tool("pdfinfo")) {
    std::string info = run("pdfinfo " + pdf.path);
    CHECK(info.find("关于印发通知的通知") != std::string::npos);
    CHECK(info.find("某某办公室") != std::string::npos);
    size_t pages = info.find("Pages:");
    REQUIRE(pages != std::string::npos);
    CHECK(std::stoi(info.substr(pages + 6)) == 2);
    CHECK(info.find("595.276 x 841.89 pts (A4)") != std::string::npos);
  }
}

TEST_CASE("the same input gives the same bytes") {
  if (!have_fonts()) return;
  FontSet fonts = debian_fonts();
  layout::Document doc = sample(fonts);
  CHECK(gw::pdf::write_pdf(doc, fonts) == gw::pdf::write_pdf(doc, fonts));
  gw::pdf::PdfOptions opts;
  opts.compress = false;
  std::string plain = gw::pdf::write_pdf(doc, fonts, opts);
  // Uncompressed, the content stream can be read: the red rule is CMYK, justified text uses Tc,
  // the 0.8 scaling is Tz 80.
  CHECK(plain.find("0 0.8 0.8 0 K") != std::string::npos);
  CHECK(plain.find(" l\nS\n") != std::string::npos);  // the rule is stroked
  CHECK(plain.find(" Tc") != std::string::npos);
  CHECK(plain.find("80 Tz") != std::string::npos);
  CHECK(plain.find("beginbfchar") != std::string::npos);
  CHECK(plain.find("begincidrange") == std::string::npos);
  CHECK(plain.find("/CreationDate") == std::string::npos);
  CHECK(plain.find("/ID") == std::string::npos);
  opts.deterministic = false;
  CHECK(gw::pdf::write_pdf(doc, fonts, opts).find("/CreationDate (D:") != std::string::npos);
}

TEST_CASE("characters without a face or without a glyph are input errors") {
  if (!have_fonts()) return;
  FontSet fonts = debian_fonts();
  layout::Document doc;
  layout::Page p;
  p.lines.push_back(make_line(fonts, "body", "中文", 16, 28, 60));
  p.lines[0].glyphs[1].face = -1;
  doc.pages.push_back(p);
  try {
    gw::pdf::write_pdf(doc, fonts);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()) ==
          "error: no font has character U+6587 '文' (page 1, body line \"中文\")\n"
          "  hint: install a font that has it and add it to the role's chain in fonts/fonts.xml, or pass --font body=PATH");
  }
  // A face that lacks the character (layout would not have chosen it): never a .notdef box.
  doc.pages[0].lines[0].glyphs[1].face = doc.pages[0].lines[0].glyphs[0].face;
  doc.pages[0].lines[0].glyphs[1].cp = U'\U00020000';
  CHECK_THROWS_WITH(gw::pdf::write_pdf(doc, fonts), Catch::Contains("U+20000") && Catch::Contains("no glyph"));
}

TEST_CASE("a character outside the BMP is set and read back") {
  // DejaVu Sans has U+1F600; the CIDs are ours, so the plane does not matter, only the ToUnicode
  // map's surrogate pair.
  const std::string dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  if (!std::filesystem::exists(dejavu) || !has_tool("pdftotext")) {
    WARN("skipped: " << dejavu << " or pdftotext missing");
    return;
  }
  FontSet fonts = one_file_fonts("body", dejavu);
  layout::Document doc;
  layout::Page p;
  p.lines.push_back(make_line(fonts, "body", "A\U0001F600B", 16, 28, 60));
  REQUIRE(p.lines[0].glyphs[1].face >= 0);
  doc.pages.push_back(p);
  TempPdf pdf(gw::pdf::write_pdf(doc, fonts));
  CHECK(run("pdftotext -enc UTF-8 " + pdf.path + " -").find("A\U0001F600B") != std::string::npos);
}

TEST_CASE("a font without hinting tables (LXGW WenKai) embeds and round-trips") {
  const std::string wenkai = "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf";
  if (!std::filesystem::exists(wenkai)) {
    WARN("skipped: " << wenkai << " is not installed (fonts-lxgw-wenkai)");
    return;
  }
  if (!has_tool("pdftotext") || !has_tool("pdffonts")) return;
  FontSet fonts = one_file_fonts("heading-2", wenkai);
  layout::Document doc;
  layout::Page p;
  p.lines.push_back(make_line(fonts, "heading-2", "（一）关于喆婍堃镕的说明", 16, 28, 60));
  doc.pages.push_back(p);
  TempPdf pdf(gw::pdf::write_pdf(doc, fonts));
  std::string text = run("pdftotext -enc UTF-8 " + pdf.path + " -");
  CHECK(text.find("（一）关于喆婍堃镕的说明\n") == 0);
  std::string f = run("pdffonts " + pdf.path);
  INFO(f);
  CHECK(f.find("LXGWWenKai-Regular") != std::string::npos);
  CHECK(f.find("Identity-H       yes yes yes") != std::string::npos);
}

TEST_CASE("a 5-page, 2000-character document: size and time") {
  if (!have_fonts()) return;
  FontSet fonts = debian_fonts();
  // 2000 distinct-ish characters from GB 2312 level 1 (U+4E00.. filtered to what the font has).
  std::u32string pool;
  for (char32_t cp = 0x4E00; pool.size() < 800 && cp < 0x9FA5; ++cp)
    if (fonts.has_glyph(fonts.chain("body")[0], cp)) pool += cp;
  layout::Document doc;
  size_t k = 0;
  for (int p = 0; p < 5; ++p) {
    layout::Page page;
    page.number = p + 1;
    for (int line = 0; line < 14; ++line) {
      std::u32string s;
      for (int i = 0; i < 28 && k < 2000; ++i) s += pool[(k++ * 7) % pool.size()];
      if (s.empty()) break;
      page.lines.push_back(make_line(fonts, "body", gw::to_utf8(s), 16, 28, 40 + line * 15.6, 0.02));
    }
    doc.pages.push_back(page);
  }
  auto t0 = std::chrono::steady_clock::now();
  std::string bytes = gw::pdf::write_pdf(doc, fonts);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  WARN("5 pages, 2000 characters (" << pool.size() << " distinct): " << bytes.size() << " bytes in " << ms << " ms");
  CHECK(bytes.size() < 400 * 1024);
}

namespace {

// The data of every embedded font file (streams whose dictionary has /Length1), as written.
std::vector<std::string> font_files(const std::string& pdf) {
  std::vector<std::string> out;
  for (size_t at = pdf.find("/Length1"); at != std::string::npos; at = pdf.find("/Length1", at + 1)) {
    size_t begin = pdf.find("stream\n", at);
    size_t end = pdf.find("endstream", begin);
    REQUIRE(begin != std::string::npos);
    REQUIRE(end != std::string::npos);
    out.push_back(pdf.substr(begin + 7, end - begin - 7));
  }
  return out;
}

// The names of the document's fonts, from pdffonts.
std::vector<std::string> font_names(const std::string& bytes) {
  TempPdf pdf(bytes);
  std::istringstream in(run("pdffonts " + pdf.path));
  std::vector<std::string> names;
  for (std::string l; std::getline(in, l);)
    if (l.find("CID TrueType") != std::string::npos) names.push_back(l.substr(0, l.find(' ')));
  std::sort(names.begin(), names.end());
  return names;
}

// A form page: its fixed words (a label in 黑体, a paragraph of the form's text) and the data
// written after them.
layout::Document form_page(const FontSet& fonts, const std::string& data) {
  layout::Document d;
  layout::Page p;
  p.lines.push_back(make_line(fonts, "heading-1", "一、基本信息", 16, 28, 40));
  p.lines.push_back(make_line(fonts, "body", "本单位郑重承诺：申报材料真实、准确、完整。", 16, 28, 60));
  if (!data.empty()) p.lines.push_back(make_line(fonts, "body", data, 16, 28, 80));
  d.pages.push_back(p);
  return d;
}

}  // namespace

TEST_CASE("SharedFonts: the fixed words are one font per face, the same bytes in every document") {
  if (!have_fonts() || !has_tool("pdftotext") || !has_tool("pdffonts")) return;
  FontSet fonts = debian_fonts();
  gw::pdf::SharedFonts shared(form_page(fonts, ""), fonts);
  gw::pdf::PdfOptions opts;
  opts.shared = &shared;
  const std::string a_data = "福州榕鞋智造有限公司", b_data = "厦门鹭岛饮品科技有限公司";
  const std::string a = gw::pdf::write_pdf(form_page(fonts, a_data), fonts, opts);
  const std::string b = gw::pdf::write_pdf(form_page(fonts, b_data), fonts, opts);

  // Each reads back exactly, the fixed words and the data alike.
  for (const auto& [bytes, data] : {std::pair{a, a_data}, std::pair{b, b_data}}) {
    TempPdf pdf(bytes);
    std::istringstream in(run("pdftotext -enc UTF-8 " + pdf.path + " -"));
    std::vector<std::string> got;
    for (std::string l; std::getline(in, l);)
      if (!l.empty() && l != "\f") got.push_back(l);
    CHECK(got == std::vector<std::string>{"一、基本信息", "本单位郑重承诺：申报材料真实、准确、完整。", data});
  }
  // The 黑体 face sets only fixed words: one font, the shared one. The body face: the shared
  // font and the document's own; the shared ones have the same names and bytes in both.
  std::vector<std::string> in_a = font_names(a), in_b = font_names(b);
  CHECK(in_a.size() == 3);
  CHECK(in_b.size() == 3);
  std::vector<std::string> common;
  std::set_intersection(in_a.begin(), in_a.end(), in_b.begin(), in_b.end(), std::back_inserter(common));
  CHECK(common.size() == 2);
  std::vector<std::string> files_a = font_files(a), files_b = font_files(b);
  std::sort(files_a.begin(), files_a.end());
  std::sort(files_b.begin(), files_b.end());
  std::vector<std::string> same_files;
  std::set_intersection(files_a.begin(), files_a.end(), files_b.begin(), files_b.end(), std::back_inserter(same_files));
  CHECK(same_files.size() == 2);
  // Their resource names are the prefix and a digest of their objects: the same in both documents
  // (what a print file keeps one font by).
  auto shared_names = [](const std::string& bytes) {
    const std::string prefix = std::string("/") + gw::pdf::kSharedFontPrefix;
    std::set<std::string> names;
    for (size_t at = bytes.find(prefix); at != std::string::npos; at = bytes.find(prefix, at + 1)) {
      std::string name = bytes.substr(at, prefix.size() + 24);
      if (std::all_of(name.begin() + static_cast<long>(prefix.size()), name.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }))
        names.insert(name);
    }
    return names;
  };
  CHECK(shared_names(a).size() == 2);
  CHECK(shared_names(a) == shared_names(b));

  // A document that sets less than half of a face's fixed words keeps one font of its own for it:
  // here byte for byte what it is without SharedFonts.
  layout::Document few;
  layout::Page p;
  p.lines.push_back(make_line(fonts, "body", "本单位", 16, 28, 60));
  few.pages.push_back(p);
  CHECK(gw::pdf::write_pdf(few, fonts, opts) == gw::pdf::write_pdf(few, fonts));
  // Without SharedFonts, one font per face.
  CHECK(font_names(gw::pdf::write_pdf(form_page(fonts, a_data), fonts)).size() == 2);
}
