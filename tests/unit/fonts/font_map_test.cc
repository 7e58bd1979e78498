// Font map reading: the shipped fonts/fonts.xml, path resolution, and the errors a hand-edited map
// gets (with file:line).
#include <catch2/catch.hpp>

#include "fonts/font_set.h"
#include "template/font_map_reader.h"
#include "test_util.h"

using gw::InputError;
using gw::fonts::read_font_map;
using gw::test::TempDir;

namespace {
std::string error_of(const std::string& path) {
  try {
    read_font_map(path);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}
}  // namespace

TEST_CASE("the default font map has the five roles with office faces first") {
  auto map = read_font_map(gw::fonts::default_font_map_path());
  REQUIRE(map.roles.size() == 5);
  for (const char* role : {"title", "body", "heading-1", "heading-2", "page-number"}) REQUIRE(map.roles.count(role));
  CHECK(map.docx_names.at("title") == "方正小标宋简体");
  CHECK(map.docx_names.at("body") == "仿宋_GB2312");
  CHECK(map.docx_names.at("heading-1") == "黑体");
  CHECK(map.docx_names.at("heading-2") == "楷体_GB2312");
  CHECK(map.docx_names.at("page-number") == "宋体");

  // file="simfang.ttf" expands to one candidate per <folder>, before the free fallback.
  const auto& body = map.roles.at("body");
  CHECK(body.front().path == "/usr/share/fonts/truetype/msttcorefonts/simfang.ttf");
  CHECK(body.front().note == "standard face 仿宋_GB2312");
  CHECK(body.front().loc.line > 0);
  size_t gbsn = 0, wenkai = 0;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i].path == gw::test::kGbsn) gbsn = i;
    if (body[i].path == gw::test::kWenkai) wenkai = i;
  }
  CHECK(gbsn > 0);
  CHECK(wenkai > gbsn);  // rare-character fallback comes after the main face
  const auto& h1 = map.roles.at("heading-1");
  bool wqy_face0 = false;
  for (const auto& c : h1) wqy_face0 = wqy_face0 || (c.path == gw::test::kWqy && c.face_index == 0);
  CHECK(wqy_face0);
  // "~/.fonts" became $HOME/.fonts.
  if (const char* home = std::getenv("HOME")) {
    bool found = false;
    for (const auto& c : body) found = found || c.path == std::string(home) + "/.fonts/simfang.ttf";
    CHECK(found);
  }
}

TEST_CASE("with the Debian fonts, every role of the default map finds the rare name characters") {
  using namespace gw::test;
  if (!have_fonts({kGbsn, kGkai, kWqy, kWenkai})) return;
  auto fonts = gw::fonts::FontSet::open(read_font_map(gw::fonts::default_font_map_path()));
  for (const auto& role : fonts.roles()) {
    INFO(role);
    for (char32_t cp : std::u32string(U"镕堃喆婍")) {
      int face = fonts.face_for(role, cp);
      CHECK(face >= 0);
      // Not the role's main face when that is an arphic GB 2312 font: the chain did fall back.
      if (fonts.path(fonts.chain(role)[0]) == kGbsn || fonts.path(fonts.chain(role)[0]) == kGkai)
        CHECK(face != fonts.chain(role)[0]);
    }
    CHECK(fonts.face_for(role, U'中') == fonts.chain(role)[0]);
  }
  CHECK(fonts.docx_name("heading-2") == "楷体_GB2312");
}

TEST_CASE("relative font paths are taken from the map file's folder") {
  TempDir dir;
  std::string map_path = dir.write("map.xml",
                                   "<fonts>\n"
                                   "  <role name=\"body\"><font path=\"sub/a.ttf\" face=\"2\"/></role>\n"
                                   "</fonts>\n");
  auto map = read_font_map(map_path);
  REQUIRE(map.roles.at("body").size() == 1);
  CHECK(map.roles.at("body")[0].path == (dir.path / "sub/a.ttf").string());
  CHECK(map.roles.at("body")[0].face_index == 2);
  CHECK(map.roles.at("body")[0].loc.file == map_path);
  CHECK(map.roles.at("body")[0].loc.line == 2);
}

TEST_CASE("font map errors name file and line") {
  TempDir dir;
  SECTION("malformed XML") {
    std::string p = dir.write("bad.xml", "<fonts>\n<role name=\"body\">\n</fonts>\n");
    std::string err = error_of(p);
    CHECK(err.rfind(p + ":3:", 0) == 0);
    CHECK(err.find("malformed XML") != std::string::npos);
  }
  SECTION("schema violation: misspelt attribute") {
    std::string p = dir.write("bad.xml", "<fonts>\n  <role name=\"body\">\n    <font paht=\"/x.ttf\"/>\n  </role>\n</fonts>\n");
    std::string err = error_of(p);
    CHECK(err.rfind(p + ":3:", 0) == 0);
    CHECK(err.find("paht") != std::string::npos);
  }
  SECTION("duplicate role") {
    std::string p = dir.write("bad.xml",
                              "<fonts>\n<role name=\"body\"><font path=\"/a.ttf\"/></role>\n"
                              "<role name=\"body\"><font path=\"/b.ttf\"/></role>\n</fonts>\n");
    CHECK(error_of(p).rfind(p + ":3:", 0) == 0);
  }
  SECTION("both file and path") {
    std::string p = dir.write("bad.xml",
                              "<fonts>\n<folders><folder path=\"/f\"/></folders>\n"
                              "<role name=\"body\">\n<font file=\"a.ttf\" path=\"/b.ttf\"/>\n</role>\n</fonts>\n");
    CHECK(error_of(p) == p + ":4: error: <font> in role 'body' needs exactly one of file=\"NAME\" or path=\"PATH\"\n"
                             "  hint: file= is a bare file name searched in <folders>; path= is absolute, ~/..., or relative to " +
                             dir.path.string());
  }
  SECTION("a DOCTYPE (entity trick) is refused") {
    std::string p = dir.write("bad.xml",
                              "<!DOCTYPE fonts [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                              "<fonts><role name=\"body\"><font path=\"&x;\"/></role></fonts>\n");
    // Refused either for the DOCTYPE or for the external entity; never expanded.
    std::string err = error_of(p);
    CHECK(err.rfind(p + ":", 0) == 0);
    CHECK((err.find("DOCTYPE") != std::string::npos || err.find("external entity") != std::string::npos));
    CHECK(err.find("root:") == std::string::npos);
  }
  SECTION("missing file") {
    std::string err = error_of((dir.path / "nope.xml").string());
    CHECK(err.find("nope.xml") != std::string::npos);
  }
}
