// See pdf_writer.h. The writer makes three passes: collect the characters each face sets (so each
// face is subset once, to exactly what is used), embed the faces in face-id order (so font names
// and object numbers do not depend on hash order), then draw pages: text lines as runs of glyphs
// (text_runs.h) and rules as stroked lines. Layout's coordinates are mm from the top-left; PDF's
// are points from the bottom-left.
#include "export/pdf/pdf_writer.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <map>
#include <stdexcept>

#include "base/units.h"
#include "base/utf8.h"
#include "export/pdf/embedded_font.h"
#include "export/pdf/hpdf_session.h"
#include "export/pdf/text_runs.h"

namespace gw::pdf {
namespace {

std::string where(const layout::Page& page, size_t page_index, const layout::TextLine& line) {
  return "page " + std::to_string(page_index + 1) + (page.number ? " (printed " + std::to_string(page.number) + ")" : "") +
         ", " + line.role + " line \"" + line.text + "\"";
}

// Info strings as UTF-16BE with a byte-order mark, written as a hex string: PDF's text-string
// encoding for anything outside PDFDocEncoding. (libharu's own HPDF_SetInfoAttr would write the
// UTF-8 bytes as if they were PDFDocEncoding, giving mojibake in document properties.)
std::string utf16be_with_bom(const std::string& utf8) {
  std::string out = "\xFE\xFF";
  for (char32_t cp : to_u32(utf8)) {
    auto put = [&out](unsigned v) {
      out += static_cast<char>((v >> 8) & 0xFF);
      out += static_cast<char>(v & 0xFF);
    };
    if (cp >= 0x10000) {
      cp -= 0x10000;
      put(0xD800 + (cp >> 10));
      put(0xDC00 + (cp & 0x3FF));
    } else {
      put(cp);
    }
  }
  return out;
}

void set_info(HpdfSession& s, const char* key, const std::string& value) {
  if (value.empty()) return;
  HPDF_Doc doc = s.doc();
  std::string bytes = utf16be_with_bom(value);
  HPDF_Binary bin = HPDF_Binary_New(doc->mmgr, reinterpret_cast<HPDF_BYTE*>(bytes.data()), static_cast<HPDF_UINT>(bytes.size()));
  HPDF_Dict_Add(doc->info, key, bin);
  s.check(std::string("setting the document's ") + key);
}

// The private use area U+E000–U+F8FF: where a face's characters are renumbered (embedded_font.h).
constexpr char32_t kFirstPrivate = 0xE000;
constexpr size_t kPrivateCount = 0x1900;

struct Collected {
  std::map<int, std::u32string> cps_by_face;  // face -> distinct code points, sorted
  std::map<int, char32_t> first_by_face;      // face -> first private code, 0 = the characters' own

  // The code the PDF text uses for `cp` in `face`.
  char32_t code(int face, char32_t cp) const {
    const char32_t first = first_by_face.at(face);
    if (!first) return cp;
    const std::u32string& cps = cps_by_face.at(face);
    return first + static_cast<char32_t>(std::lower_bound(cps.begin(), cps.end(), cp) - cps.begin());
  }
};

Collected collect(const layout::Document& doc, const fonts::FontSet& fonts) {
  Collected c;
  for (size_t p = 0; p < doc.pages.size(); ++p)
    for (const auto& line : doc.pages[p].lines)
      for (const auto& g : line.glyphs) {
        if (g.face < 0 || g.face >= fonts.face_count())
          throw InputError(SourceLoc{}, "no font has character " + code_point_name(g.cp) + " '" + to_utf8(g.cp) + "' (" +
                                            where(doc.pages[p], p, line) + ")",
                           "install a font that has it and add it to the role's chain in fonts/fonts.xml, or pass --font " +
                               line.font_role + "=PATH");
        // libharu 2.3.0's UTF-8 encoder uses the code point as a 16-bit CID.
        if (g.cp > 0xFFFF)
          throw InputError(SourceLoc{}, "character " + code_point_name(g.cp) + " '" + to_utf8(g.cp) + "' is outside the Basic Multilingual Plane, which the PDF writer cannot set yet (" +
                                            where(doc.pages[p], p, line) + ")",
                           "replace it with a BMP character, or produce DOCX for this document");
        c.cps_by_face[g.face].push_back(g.cp);
      }
  for (auto& [face, cps] : c.cps_by_face) {
    std::sort(cps.begin(), cps.end());
    cps.erase(std::unique(cps.begin(), cps.end()), cps.end());
    // More characters than the private use area holds (a dictionary, not a 公文): own code points.
    c.first_by_face[face] = cps.size() <= kPrivateCount ? kFirstPrivate : 0;
  }
  return c;
}

class PageWriter {
 public:
  PageWriter(HpdfSession& s, HPDF_Page page, const std::map<int, HPDF_Font>& fonts, const Collected& used, double height_mm)
      : s_(s), page_(page), fonts_(fonts), used_(used), height_mm_(height_mm) {}

  void rule(const layout::Rule& r) {
    HPDF_Page_SetLineWidth(page_, static_cast<HPDF_REAL>(mm_to_pt(r.thickness_mm)));
    HPDF_Page_SetCMYKStroke(page_, c(r.color.c), c(r.color.m), c(r.color.y), c(r.color.k));
    HPDF_Page_MoveTo(page_, pt(mm_to_pt(r.x1_mm)), pt(mm_to_pt(height_mm_ - r.y1_mm)));
    HPDF_Page_LineTo(page_, pt(mm_to_pt(r.x2_mm)), pt(mm_to_pt(height_mm_ - r.y2_mm)));
    HPDF_Page_Stroke(page_);
    s_.check("drawing rule '" + r.role + "'");
  }

  void line(const layout::TextLine& line, const std::string& context) {
    if (line.glyphs.empty()) return;
    const size_t n = line.glyphs.size();
    std::vector<int> faces(n);
    std::vector<double> x(n), natural(n);
    for (size_t i = 0; i < n; ++i) {
      const auto& g = line.glyphs[i];
      faces[i] = g.face;
      x[i] = mm_to_pt(g.x_mm);
      // The advance the viewer will use: libharu's W array entry for this character.
      natural[i] = HPDF_Font_GetUnicodeWidth(fonts_.at(g.face), static_cast<HPDF_UNICODE>(used_.code(g.face, g.cp))) / 1000.0 * line.size_pt;
    }
    const double hscale = line.hscale > 0 ? line.hscale : 1.0;
    const double y = mm_to_pt(height_mm_ - line.baseline_mm);

    HPDF_Page_SetCMYKFill(page_, c(line.color.c), c(line.color.m), c(line.color.y), c(line.color.k));
    HPDF_Page_BeginText(page_);
    if (std::fabs(hscale - 1.0) > 1e-6) HPDF_Page_SetHorizontalScalling(page_, static_cast<HPDF_REAL>(pdf_real(hscale * 100)));
    double char_space = 0;
    int face = -1;
    for (const GlyphRun& run : plan_runs(faces, x, natural, hscale)) {
      if (run.face != face) {
        HPDF_Page_SetFontAndSize(page_, fonts_.at(run.face), static_cast<HPDF_REAL>(line.size_pt));
        face = run.face;
      }
      if (run.char_space_pt != char_space) {
        HPDF_Page_SetCharSpace(page_, static_cast<HPDF_REAL>(run.char_space_pt));
        char_space = run.char_space_pt;
      }
      HPDF_Page_SetTextMatrix(page_, 1, 0, 0, 1, static_cast<HPDF_REAL>(pdf_real(run.x_pt)), static_cast<HPDF_REAL>(pdf_real(y)));
      std::u32string cps;
      for (size_t i = run.begin; i < run.end; ++i) cps += used_.code(run.face, line.glyphs[i].cp);
      HPDF_Page_ShowText(page_, to_utf8(cps).c_str());
      s_.check("setting text (" + context + ")");
    }
    if (char_space != 0) HPDF_Page_SetCharSpace(page_, 0);
    if (std::fabs(hscale - 1.0) > 1e-6) HPDF_Page_SetHorizontalScalling(page_, 100);
    HPDF_Page_EndText(page_);
    s_.check("setting text (" + context + ")");
  }

 private:
  static HPDF_REAL pt(double v) { return static_cast<HPDF_REAL>(pdf_real(v)); }
  static HPDF_REAL c(double v) { return static_cast<HPDF_REAL>(std::clamp(v, 0.0, 1.0)); }
  HpdfSession& s_;
  HPDF_Page page_;
  const std::map<int, HPDF_Font>& fonts_;
  const Collected& used_;
  double height_mm_;
};

}  // namespace

std::string write_pdf(const layout::Document& doc, const fonts::FontSet& fonts, const PdfOptions& opts) {
  // A PDF needs at least one page (viewers reject /Count 0); layout never produces none.
  if (doc.pages.empty()) throw std::logic_error("write_pdf: the laid-out document has no pages");
  const Collected used = collect(doc, fonts);

  HpdfSession s;
  HPDF_Doc pdf = s.doc();
  if (opts.compress) HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(pdf);
  s.check("setting up the document");

  // Creator/Producer also create the Info dictionary that set_info writes into.
  HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "gongwen");
  HPDF_SetInfoAttr(pdf, HPDF_INFO_PRODUCER, "gongwen (libharu 2.3.0)");
  if (!opts.deterministic) {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    HPDF_Date d{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, 'Z', 0, 0};
    HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, d);
  }
  s.check("setting document properties");
  set_info(s, "Title", doc.title);
  set_info(s, "Author", doc.author);
  set_info(s, "Subject", doc.subject);
  set_info(s, "Keywords", doc.keywords);

  std::map<int, HPDF_Font> hfonts;
  for (const auto& [face, cps] : used.cps_by_face) hfonts[face] = embed_face(s, fonts, face, cps, used.first_by_face.at(face));

  for (size_t p = 0; p < doc.pages.size(); ++p) {
    const layout::Page& page = doc.pages[p];
    HPDF_Page hp = HPDF_AddPage(pdf);
    HPDF_Page_SetWidth(hp, static_cast<HPDF_REAL>(mm_to_pt(page.width_mm)));
    HPDF_Page_SetHeight(hp, static_cast<HPDF_REAL>(mm_to_pt(page.height_mm)));
    s.check("adding page " + std::to_string(p + 1) + " (" + std::to_string(page.width_mm) + " × " +
            std::to_string(page.height_mm) + " mm)");
    PageWriter w(s, hp, hfonts, used, page.height_mm);
    for (const auto& r : page.rules) w.rule(r);
    for (const auto& l : page.lines) w.line(l, where(page, p, l));
  }
  return s.save();
}

}  // namespace gw::pdf
