#include <catch2/catch.hpp>

#include "base/code_point_set.h"

using namespace gw;

TEST_CASE("CodePointSet: members in and out of the BMP, read out sorted and once") {
  CodePointSet s(U"中文，𠀀中");
  s.insert(U'a');
  s.insert(U'\U00020001');
  s.insert(U'\U00020000');  // again
  CHECK(s.contains(U'中'));
  CHECK(s.contains(U'，'));
  CHECK(s.contains(U'\U00020000'));
  CHECK(s.contains(U'\U00020001'));
  CHECK_FALSE(s.contains(U'国'));
  CHECK_FALSE(s.contains(U'\U00020002'));
  CHECK_FALSE(s.contains(U'\0'));
  CHECK(s.sorted() == std::u32string(U"a中文，\U00020000\U00020001"));
  CHECK(CodePointSet().sorted().empty());
}
