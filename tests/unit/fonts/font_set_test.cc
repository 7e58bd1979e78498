// FontSet: opening the Debian CJK fonts, metrics, per-character fallback along a role's chain,
// the errors for missing and non-TrueType files, and subsetting (checked by reopening the subset
// with HarfBuzz, independently of FontSet).
#include <hb.h>

#include <algorithm>
#include <cmath>

#include <catch2/catch.hpp>

#include "fonts/font_set.h"
#include "test_util.h"

using gw::InputError;
using gw::fonts::FontCandidate;
using gw::fonts::FontMap;
using gw::fonts::FontSet;
using namespace gw::test;

namespace {

FontMap map_of(std::vector<std::pair<std::string, std::vector<std::pair<std::string, int>>>> roles) {
  FontMap m;
  m.source_file = "test-map.xml";
  for (auto& [role, files] : roles)
    for (auto& [path, idx] : files) {
      FontCandidate c;
      c.path = path;
      c.face_index = idx;
      c.loc = gw::SourceLoc{"test-map.xml", 7, 0};
      m.roles[role].push_back(c);
    }
  return m;
}

std::string open_error(const FontMap& m, const std::map<std::string, std::string>& overrides = {}) {
  try {
    FontSet::open(m, overrides);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("FontSet opens the Debian fonts and reports metrics") {
  if (!have_fonts({kGbsn, kWqy})) return;
  auto fs = FontSet::open(map_of({{"body", {{"/nonexistent/simfang.ttf", 0}, {kGbsn, 0}, {kWqy, 0}}},
                                  {"heading-1", {{kWqy, 0}}}}));
  const auto& chain = fs.chain("body");
  REQUIRE(chain.size() == 2);  // the missing office font is skipped
  int gbsn = chain[0];
  CHECK(fs.path(gbsn) == kGbsn);
  CHECK(fs.advance_em(gbsn, U'中') == Approx(1.0));
  CHECK(fs.advance_em(gbsn, U'1') == Approx(0.5));
  CHECK(fs.advance_em(gbsn, U'1') < fs.advance_em(gbsn, U'中'));
  CHECK(fs.advance_em(gbsn, U'“') == Approx(1.0));  // full-width in a GB 2312 font
  CHECK(fs.ascender_em(gbsn) > 0.7);
  CHECK(fs.ascender_em(gbsn) < 1.2);
  CHECK(fs.descender_em(gbsn) < 0);
  CHECK_FALSE(fs.family_name(gbsn).empty());
  // Two roles naming the same file share one face.
  CHECK(fs.chain("heading-1")[0] == chain[1]);
  CHECK(fs.face_count() == 2);
  CHECK(fs.missing_files() == std::vector<std::string>{"body: /nonexistent/simfang.ttf"});
  std::string d = fs.describe();
  CHECK(d.find("  missing  simfang.ttf in /nonexistent\n") != std::string::npos);
  CHECK(d.find("found    " + kGbsn) != std::string::npos);
}

TEST_CASE("face_for falls back along the chain for a rare character") {
  if (!have_fonts({kGbsn, kWqy})) return;
  auto fs = FontSet::open(map_of({{"body", {{kGbsn, 0}, {kWqy, 0}}}}));
  int gbsn = fs.chain("body")[0], wqy = fs.chain("body")[1];
  CHECK(fs.face_for("body", U'中') == gbsn);
  // 镕 (朱镕基) is outside GB 2312: AR PL SungtiL GB lacks it, WenQuanYi Micro Hei has it.
  CHECK_FALSE(fs.has_glyph(gbsn, U'镕'));
  CHECK(fs.face_for("body", U'镕') == wqy);
  CHECK(fs.face_for("body", U'堃') == wqy);
  CHECK(fs.face_for("body", U'\U0001F600') == -1);  // nobody has an emoji
  CHECK_THROWS_AS(fs.chain("footnote"), InputError);
}

TEST_CASE("--font overrides go first in the chain") {
  if (!have_fonts({kGbsn, kWqy})) return;
  auto fs = FontSet::open(map_of({{"body", {{kGbsn, 0}}}}), {{"body", kWqy}});
  REQUIRE(fs.chain("body").size() == 2);
  CHECK(fs.path(fs.chain("body")[0]) == kWqy);
  CHECK(open_error(map_of({{"body", {{kGbsn, 0}}}}), {{"bdy", kWqy}}) ==
        "--font: error: unknown font role 'bdy' in --font bdy=" + kWqy + "\n  hint: roles in test-map.xml: body");
  CHECK(open_error(map_of({{"body", {{kGbsn, 0}}}}), {{"body", "/nonexistent/simfang.ttf"}}) ==
        "--font: error: font file '/nonexistent/simfang.ttf' given for role 'body' does not exist\n"
        "  hint: check the path in --font body=PATH");
}

TEST_CASE("a role without any usable file is an error naming every path tried") {
  std::string err = open_error(map_of({{"title", {{"/nonexistent/FZXBSJW.TTF", 0}, {"/nonexistent/gbsn00lp.ttf", 0}}}}));
  CHECK(err ==
        "test-map.xml:7: error: no font file found for role 'title'; tried:\n"
        "    /nonexistent/FZXBSJW.TTF\n"
        "    /nonexistent/gbsn00lp.ttf\n"
        "  hint: install one of these files, pass --font title=PATH, or edit fonts/fonts.xml");
}

TEST_CASE("files that are not TrueType are refused by name") {
  TempDir dir;
  std::string text = dir.write("notes.ttf", "this is not a font\n");
  CHECK(open_error(map_of({{"body", {{text, 0}}}})) ==
        "test-map.xml:7: error: font file '" + text + "' is not a TrueType/OpenType font\n"
        "  hint: pass --font ROLE=PATH with a TrueType (.ttf/.ttc) file, or edit fonts/fonts.xml");
  std::string type1 = dir.write("a.pfb", std::string("\x80\x01\x10\x00\x00\x00%!PS-AdobeFont-1.0", 25));
  CHECK(open_error(map_of({{"body", {{type1, 0}}}})).find("'" + type1 + "' is not a TrueType/OpenType font") != std::string::npos);
  std::string cff = dir.write("a.otf", std::string("OTTO\0\x0a\0\x80", 8) + std::string(200, '\0'));
  CHECK(open_error(map_of({{"body", {{cff, 0}}}})).find("CFF outlines") != std::string::npos);
  if (have_fonts({kWqy})) CHECK(open_error(map_of({{"body", {{kWqy, 5}}}})).find("has 2 face(s); face index 5 does not exist") != std::string::npos);
}

namespace {
struct Reopened {
  hb_blob_t* blob;
  hb_face_t* face;
  hb_font_t* font;
  explicit Reopened(const std::string& bytes)
      : blob(hb_blob_create(bytes.data(), static_cast<unsigned>(bytes.size()), HB_MEMORY_MODE_DUPLICATE, nullptr, nullptr)),
        face(hb_face_create(blob, 0)),
        font(hb_font_create(face)) {}
  ~Reopened() {
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
  }
  bool has(char32_t cp) const {
    hb_codepoint_t g = 0;
    return hb_font_get_nominal_glyph(font, cp, &g) && g != 0;
  }
  bool table(const char* tag) const {
    hb_blob_t* b = hb_face_reference_table(face, hb_tag_from_string(tag, 4));
    bool ok = hb_blob_get_length(b) > 0;
    hb_blob_destroy(b);
    return ok;
  }
};
}  // namespace

TEST_CASE("subset keeps the requested glyphs and is much smaller") {
  if (!have_fonts({kGbsn, kWenkai})) return;
  auto fs = FontSet::open(map_of({{"body", {{kGbsn, 0}}}, {"heading-2", {{kWenkai, 0}}}}));
  const std::u32string cps = U"关于印发〔2024〕“通知”——……12号";
  for (int face : {fs.chain("body")[0], fs.chain("heading-2")[0]}) {
    INFO(fs.path(face));
    std::string sub = fs.subset_for_embedding(face, cps).sfnt;
    auto full = std::filesystem::file_size(fs.path(face));
    CHECK(sub.size() * 100 < full);  // < 1 % of the source
    Reopened r(sub);
    for (char32_t cp : cps) CHECK(r.has(cp));
    CHECK_FALSE(r.has(U'国'));
    CHECK(hb_face_get_glyph_count(r.face) < 40);
    // The tables a TrueType rasteriser reads from the embedded font file (and name/OS/2/post).
    for (const char* t : {"cmap", "head", "hhea", "hmtx", "loca", "glyf", "maxp", "name", "OS/2", "post"}) CHECK(r.table(t));
    CHECK_FALSE(r.table("GSUB"));  // dropped: the PDF does no shaping
    // Metrics survive: the embedded font must advance exactly as layout measured.
    hb_codepoint_t g = 0;
    REQUIRE(hb_font_get_nominal_glyph(r.font, U'1', &g));
    CHECK(hb_font_get_glyph_h_advance(r.font, g) / double(hb_face_get_upem(r.face)) == Approx(fs.advance_em(face, U'1')));
  }
}

TEST_CASE("a subset for embedding names each character's glyph and advance in the subset file") {
  if (!have_fonts({kGbsn})) return;
  auto fs = FontSet::open(map_of({{"body", {{kGbsn, 0}}}}));
  const int face = fs.chain("body")[0];
  std::u32string cps = U"〔〕12号关于印发通知";
  std::sort(cps.begin(), cps.end());
  const gw::fonts::EmbeddingSubset e = fs.subset_for_embedding(face, cps);
  Reopened sub(e.sfnt);
  REQUIRE(e.glyphs.size() == cps.size());
  REQUIRE(e.widths.size() == cps.size());
  for (size_t i = 0; i < cps.size(); ++i) {
    INFO("character " << i);
    hb_codepoint_t g = 0;
    REQUIRE(hb_font_get_nominal_glyph(sub.font, cps[i], &g));
    CHECK(e.glyphs[i] == g);  // the glyph the PDF's CIDToGIDMap will point at
    CHECK(e.widths[i] == static_cast<int>(std::lround(fs.advance_em(face, cps[i]) * 1000)));  // as layout measured
  }
  CHECK(e.widths[0] != e.widths.back());  // '1' is narrower than '通': real per-glyph widths
  CHECK(hb_face_get_glyph_count(sub.face) == cps.size() + 1);  // plus .notdef, nothing else
  CHECK(e.postscript_name.find_first_of(" ()<>[]{}/%") == std::string::npos);
  CHECK_FALSE(e.postscript_name.empty());
  CHECK(e.bbox[2] > e.bbox[0]);
  CHECK(e.ascent > 0);
  CHECK(e.descent < 0);
  // A character the face lacks is an error naming it, not a .notdef box.
  CHECK_THROWS_WITH(fs.subset_for_embedding(face, U"中\U00020000"), Catch::Contains("U+20000") && Catch::Contains("no glyph"));
}
