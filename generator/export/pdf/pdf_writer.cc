// See pdf_writer.h. The writer makes three passes: collect the characters each face sets (so each
// face is subset once, to exactly what is used — or, with SharedFonts, split into the shared
// characters and the document's own), embed the fonts in face-id order (so font names and object
// numbers do not depend on hash order), then draw pages: text lines as runs of glyphs (text_runs.h;
// a run's "face" is a font of the document here) and rules as stroked lines. Layout's coordinates are mm from the top-left; PDF's
// are points from the bottom-left.
#include "export/pdf/pdf_writer.h"

#include <hpdf_pages.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <ctime>
#include <deque>
#include <functional>
#include <iterator>
#include <map>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "base/code_point_set.h"
#include "base/sha256.h"
#include "base/units.h"
#include "base/utf8.h"
#include "export/pdf/embedded_font.h"
#include "export/pdf/flate.h"
#include "export/pdf/hpdf_session.h"
#include "export/pdf/stream_data.h"
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

// A face's distinct characters, sorted.
using CharsByFace = std::map<int, std::u32string>;

CharsByFace collect(const layout::Document& doc, const fonts::FontSet& fonts) {
  // Sets, read out sorted: sorting every glyph of a document was a hundredth of a batch.
  std::map<int, CodePointSet> seen;
  int last_face = -1;
  CodePointSet* last = nullptr;
  for (size_t p = 0; p < doc.pages.size(); ++p)
    for (const auto& line : doc.pages[p].lines)
      for (const auto& g : line.glyphs) {
        if (g.face < 0 || g.face >= fonts.face_count())
          throw InputError(SourceLoc{}, "no font has character " + code_point_name(g.cp) + " '" + to_utf8(g.cp) + "' (" +
                                            where(doc.pages[p], p, line) + ")",
                           "install a font that has it and add it to the role's chain in fonts/fonts.xml, or pass --font " +
                               line.font_role + "=PATH");
        if (g.face != last_face) last_face = g.face, last = &seen[g.face];
        last->insert(g.cp);
      }
  CharsByFace c;
  for (const auto& [face, set] : seen) c[face] = set.sorted();
  return c;
}

}  // namespace

struct SharedFonts::Impl {
  const fonts::FontSet* fonts = nullptr;
  CharsByFace skeleton;  // per face: the characters every document of the kind sets in it

  // A face's shared font, made once, and its resource name (kSharedFontPrefix and the digest).
  struct Font {
    FontParts parts;
    std::string resource;
  };
  std::map<std::pair<int, Deflate>, Font> made;

  const std::u32string* common(const fonts::FontSet& set, int face) const {
    if (&set != fonts) throw std::logic_error("SharedFonts used with another FontSet than it was made with");
    auto it = skeleton.find(face);
    return it == skeleton.end() ? nullptr : &it->second;
  }

  const Font& font_for(int face, Deflate how) {
    auto it = made.find({face, how});
    if (it == made.end()) {
      FontParts parts = make_font_parts(*fonts, face, skeleton.at(face), how);
      std::string resource = kSharedFontPrefix + digest(parts);
      it = made.emplace(std::make_pair(face, how), Font{std::move(parts), std::move(resource)}).first;
    }
    return it->second;
  }

 private:
  // A digest of everything embed_font_parts writes: fonts of the same digest are the same objects.
  static std::string digest(const FontParts& p) {
    Sha256 h;
    auto put = [&h](const std::string& bytes) {
      const std::string size = std::to_string(bytes.size()) + ":";
      h.update(size.data(), size.size());
      h.update(bytes.data(), bytes.size());
    };
    put(p.base_font);
    put(p.font_file);
    put(p.gid_map);
    put(p.to_unicode);
    std::string metrics;
    auto num = [&metrics](double v) {
      metrics += std::to_string(v);
      metrics += ' ';
    };
    num(static_cast<double>(p.sfnt_size));
    num(static_cast<int>(p.how));
    for (int v : p.sub.bbox) num(v);
    for (double v : {static_cast<double>(p.sub.ascent), static_cast<double>(p.sub.descent),
                     static_cast<double>(p.sub.cap_height), p.sub.italic_angle})
      num(v);
    for (int w : p.sub.widths) num(w);
    put(metrics);
    return h.hex().substr(0, kSharedFontDigits);
  }
};

SharedFonts::SharedFonts(const layout::Document& skeleton, const fonts::FontSet& fonts,
                         const std::map<int, std::u32string>& more)
    : impl_(std::make_unique<Impl>()) {
  impl_->fonts = &fonts;
  impl_->skeleton = collect(skeleton, fonts);
  for (const auto& [face, cps] : more) {
    if (face < 0 || face >= fonts.face_count()) continue;
    std::u32string& all = impl_->skeleton[face];
    all += cps;
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
  }
}
SharedFonts::~SharedFonts() = default;

namespace {

// The fonts of a document: per face used, its own characters and, with SharedFonts, the shared
// ones. A font's i-th character (sorted) is written as CID i + 1 (embedded_font.h).
struct DocFont {
  int face = -1;
  bool shared = false;
  std::u32string cps;
  EmbeddedFont embedded;
  std::string resource;  // its name in the pages' /Font resources
};

class DocFonts {
 public:
  DocFonts(const CharsByFace& used, const fonts::FontSet& fonts, SharedFonts* shared) {
    for (const auto& [face, cps] : used) {
      const std::u32string* common = shared ? shared->impl().common(fonts, face) : nullptr;
      std::u32string own;
      size_t in_common = 0;
      if (common)
        for (char32_t cp : cps)
          if (std::binary_search(common->begin(), common->end(), cp)) ++in_common;
      // The shared font pays when the document sets at least half of it (a 申报书 sets all of its
      // form's fixed words, unless a deployer's template hides some behind data, and most of its
      // packet's common characters); otherwise one font of its own.
      const bool use_common = common && !common->empty() && 2 * in_common >= common->size();
      if (use_common)
        std::set_difference(cps.begin(), cps.end(), common->begin(), common->end(), std::back_inserter(own));
      else
        own = cps;
      if (!own.empty()) fonts_.push_back(DocFont{face, false, std::move(own), {}});
      if (use_common) fonts_.push_back(DocFont{face, true, *common, {}});
    }
    index();
  }

  std::vector<DocFont>& all() { return fonts_; }
  const DocFont& at(int id) const { return fonts_[static_cast<size_t>(id)]; }

  // The font that sets `cp` of `face`, and its CID there (a font's i-th character is CID i + 1).
  struct Code {
    int font = -1;
    unsigned cid = 0;
  };
  Code code(int face, char32_t cp) const {
    auto it = codes_.find(key(face, cp));
    if (it == codes_.end()) throw std::logic_error("write_pdf: a character is in none of the document's fonts");
    return it->second;
  }

 private:
  static uint64_t key(int face, char32_t cp) { return (static_cast<uint64_t>(static_cast<uint32_t>(face)) << 32) | cp; }
  // Every glyph of every line looks its code up here (binary searches per glyph were a twentieth of
  // writing a PDF). The shared font comes second: it wins, as it holds what it holds for all.
  void index() {
    size_t n = 0;
    for (const auto& f : fonts_) n += f.cps.size();
    codes_.reserve(n);
    for (size_t id = 0; id < fonts_.size(); ++id)
      for (size_t i = 0; i < fonts_[id].cps.size(); ++i)
        codes_[key(fonts_[id].face, fonts_[id].cps[i])] = Code{static_cast<int>(id), static_cast<unsigned>(i + 1)};
  }

  std::vector<DocFont> fonts_;  // by face, own before shared: the order they are embedded in
  std::unordered_map<uint64_t, Code> codes_;
};

// Numbers in content streams: at most four decimals, no trailing zeros ("80", "0.8", "-1.25").
void put_number(std::string& out, double v) {
  // Written from the whole number of ten-thousandths (pdf_real's rounding): the digits to_chars gives
  // pdf_real(v) with four decimals, at a fraction of the cost — numbers are most of a page's
  // operators.
  if (!std::isfinite(v) || std::fabs(v) > 1e12) throw std::logic_error("write_pdf: a number out of range for a PDF");
  long long n = std::llround(v * 10000.0);
  if (n < 0) {
    out += '-';
    n = -n;
  }
  char buf[32];
  char* end = std::to_chars(buf, buf + sizeof buf, n / 10000).ptr;
  if (long long frac = n % 10000) {
    char digits[4] = {static_cast<char>('0' + frac / 1000), static_cast<char>('0' + frac / 100 % 10),
                      static_cast<char>('0' + frac / 10 % 10), static_cast<char>('0' + frac % 10)};
    int len = 4;
    while (digits[len - 1] == '0') --len;
    *end++ = '.';
    for (int i = 0; i < len; ++i) *end++ = digits[i];
  }
  out.append(buf, end);
  out += ' ';
}

// Draws one page into its content stream `out`: text lines as runs of glyphs in our own fonts (which
// libharu's text API cannot use), rules as stroked lines. The operators are written here rather than
// through libharu's page functions, each of which cleared a buffer byte by byte to format its
// numbers (callgrind: 4 % of a batch, for the tables' rules).
class PageWriter {
 public:
  PageWriter(HpdfSession& s, HPDF_Page page, const DocFonts& fonts, double height_mm, std::string& out)
      : s_(s), page_(page), fonts_(fonts), height_mm_(height_mm), o_(out) {}

  void rule(const layout::Rule& r) {
    const double v[] = {r.thickness_mm, r.x1_mm, r.y1_mm, r.x2_mm, r.y2_mm};
    for (double d : v)
      if (!std::isfinite(d)) throw std::logic_error("write_pdf: rule '" + r.role + "' has a coordinate that is not a number");
    if (r.thickness_mm < 0) throw std::logic_error("write_pdf: rule '" + r.role + "' has a negative thickness");
    // Line width and stroke colour stay in the graphics state (text sets only the fill colour):
    // stated when they change.
    const double width = pdf_real(mm_to_pt(r.thickness_mm));
    const std::array<double, 4> color = {c(r.color.c), c(r.color.m), c(r.color.y), c(r.color.k)};
    if (width != line_width_) {
      line_width_ = width;
      put_number(o_, width);
      o_ += "w\n";
    }
    if (color != stroke_color_) {
      stroke_color_ = color;
      for (double k : color) put_number(o_, k);
      o_ += "K\n";
    }
    put_number(o_, mm_to_pt(r.x1_mm));
    put_number(o_, mm_to_pt(height_mm_ - r.y1_mm));
    o_ += "m\n";
    put_number(o_, mm_to_pt(r.x2_mm));
    put_number(o_, mm_to_pt(height_mm_ - r.y2_mm));
    o_ += "l\nS\n";
  }

  // `context` names the line in messages (made only when one is needed).
  void line(const layout::TextLine& line, const std::function<std::string()>& context) {
    if (line.glyphs.empty()) return;
    const size_t n = line.glyphs.size();
    std::vector<int> ids(n);  // DocFonts ids; runs break where the font changes
    std::vector<unsigned> cids(n);
    std::vector<double> x(n), natural(n);
    for (size_t i = 0; i < n; ++i) {
      const auto& g = line.glyphs[i];
      const DocFonts::Code code = fonts_.code(g.face, g.cp);
      ids[i] = code.font;
      cids[i] = code.cid;
      const DocFont& f = fonts_.at(ids[i]);
      x[i] = mm_to_pt(g.x_mm);
      // The advance the viewer will use: the /W entry of this CID.
      natural[i] = f.embedded.widths[cids[i] - 1] / 1000.0 * line.size_pt;
    }
    const double hscale = line.hscale > 0 ? line.hscale : 1.0;
    const bool scaled = std::fabs(hscale - 1.0) > 1e-6;
    const double y = mm_to_pt(height_mm_ - line.baseline_mm);

    std::string& o = o_;
    put_number(o, c(line.color.c));
    put_number(o, c(line.color.m));
    put_number(o, c(line.color.y));
    put_number(o, c(line.color.k));
    o += "k\nBT\n";
    if (scaled) {
      put_number(o, hscale * 100);
      o += "Tz\n";
    }
    double char_space = 0;
    int font = -1;
    for (const GlyphRun& run : plan_runs(ids, x, natural, hscale)) {
      if (run.face != font) {
        font = run.face;
        o += '/';
        o += resource_name(font, context);
        o += ' ';
        put_number(o, line.size_pt);
        o += "Tf\n";
      }
      if (run.char_space_pt != char_space) {
        char_space = run.char_space_pt;
        put_number(o, char_space);
        o += "Tc\n";
      }
      o += "1 0 0 1 ";
      put_number(o, run.x_pt);
      put_number(o, y);
      o += "Tm\n<";
      for (size_t i = run.begin; i < run.end; ++i) append_hex4(o, cids[i]);
      o += "> Tj\n";
    }
    // Tc and Tz outlive ET (text state is part of the graphics state): put them back.
    if (char_space != 0) o += "0 Tc\n";
    if (scaled) o += "100 Tz\n";
    o += "ET\n";
  }

 private:
  static double c(double v) { return std::clamp(v, 0.0, 1.0); }
  // The page's resource name of a font ("F1" …), registered on first use.
  const std::string& resource_name(int font, const std::function<std::string()>& context) {
    const DocFont& f = fonts_.at(font);
    if (registered_.insert(font).second) {
      // By the name DocFont gives it (HPDF_Page_GetLocalFontName would number the fonts itself).
      auto* attr = static_cast<HPDF_PageAttr>(page_->attr);
      if (!attr->fonts) {
        auto resources = static_cast<HPDF_Dict>(HPDF_Page_GetInheritableItem(page_, "Resources", HPDF_OCLASS_DICT));
        HPDF_Dict dict = resources ? HPDF_Dict_New(page_->mmgr) : nullptr;
        if (dict && HPDF_Dict_Add(resources, "Font", dict) == HPDF_OK) attr->fonts = dict;
      }
      if (attr->fonts) HPDF_Dict_Add(attr->fonts, f.resource.c_str(), f.embedded.dict);
      if (const HPDF_STATUS e = s_.take_error())
        throw std::runtime_error("libharu: " + HpdfSession::error_name(e) + " while adding a font to the page (" + context() + ")");
      if (!attr->fonts) throw std::runtime_error("libharu: the page has no font resources (" + context() + ")");
    }
    return f.resource;
  }

  HpdfSession& s_;
  HPDF_Page page_;
  const DocFonts& fonts_;
  double height_mm_;
  std::set<int> registered_;  // fonts in the page's resources
  std::string& o_;
  double line_width_ = 1;  // PDF 32000-1 8.4.1: the initial graphics state
  std::array<double, 4> stroke_color_ = {-1, -1, -1, -1};  // the initial one is DeviceGray: always stated
};

}  // namespace

bool is_shared_font_resource(std::string_view name) {
  const std::string_view prefix = kSharedFontPrefix;
  if (name.size() != prefix.size() + kSharedFontDigits || name.substr(0, prefix.size()) != prefix) return false;
  return std::all_of(name.begin() + static_cast<long>(prefix.size()), name.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::string write_pdf(const layout::Document& doc, const fonts::FontSet& fonts, const PdfOptions& opts) {
  // A PDF needs at least one page (viewers reject /Count 0); layout never produces none.
  if (doc.pages.empty()) throw std::logic_error("write_pdf: the laid-out document has no pages");
  const CharsByFace chars = collect(doc, fonts);

  HpdfSession s;
  HPDF_Doc pdf = s.doc();
  // Streams are compressed here (flate.h), not by libharu: no HPDF_SetCompressionMode.
  const Deflate how = !opts.compress ? Deflate::kNone
                      : opts.compression == PdfOptions::Compression::kFast ? Deflate::kFast
                                                                                     : Deflate::kBalanced;
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

  DocFonts doc_fonts(chars, fonts, opts.shared);
  std::deque<FontParts> own_parts;  // read when the document is saved
  int own_count = 0;
  for (DocFont& f : doc_fonts.all()) {
    if (f.shared) {
      const SharedFonts::Impl::Font& shared = opts.shared->impl().font_for(f.face, how);
      f.embedded = embed_font_parts(s, shared.parts);
      f.resource = shared.resource;
    } else {
      f.embedded = embed_font_parts(s, own_parts.emplace_back(make_font_parts(fonts, f.face, f.cps, how)));
      f.resource = 'F';
      f.resource += std::to_string(++own_count);
    }
  }

  for (size_t p = 0; p < doc.pages.size(); ++p) {
    const layout::Page& page = doc.pages[p];
    HPDF_Page hp = HPDF_AddPage(pdf);
    HPDF_Page_SetWidth(hp, static_cast<HPDF_REAL>(mm_to_pt(page.width_mm)));
    HPDF_Page_SetHeight(hp, static_cast<HPDF_REAL>(mm_to_pt(page.height_mm)));
    s.check("adding page " + std::to_string(p + 1) + " (" + std::to_string(page.width_mm) + " × " +
            std::to_string(page.height_mm) + " mm)");
    std::string ops;
    PageWriter w(s, hp, doc_fonts, page.height_mm, ops);
    for (const auto& r : page.rules) w.rule(r);
    for (const auto& l : page.lines) w.line(l, [&] { return where(page, p, l); });
    set_page_contents(hp, s.keep(compressed(std::move(ops), how)), how != Deflate::kNone);
    s.check("writing page " + std::to_string(p + 1));
  }
  return s.save();
}

}  // namespace gw::pdf
