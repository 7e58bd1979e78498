// Run planning: which glyphs one Tj can set, and with what character spacing.
#include <catch2/catch.hpp>

#include "export/pdf/text_runs.h"

using gw::pdf::plan_runs;

TEST_CASE("glyphs at their natural advances form one run") {
  // 16 pt CJK, each 16 pt wide, set solid.
  auto runs = plan_runs({0, 0, 0, 0}, {100, 116, 132, 148}, {16, 16, 16, 16}, 1.0);
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].begin == 0);
  CHECK(runs[0].end == 4);
  CHECK(runs[0].x_pt == 100);
  CHECK(runs[0].char_space_pt == 0);
}

TEST_CASE("justified glyphs form one run with character spacing") {
  // 0.25 pt added after each glyph; a half-width digit in the middle.
  auto runs = plan_runs({0, 0, 0, 0}, {100, 116.25, 124.5, 140.75}, {16, 8, 16, 16}, 1.0);
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].char_space_pt == Approx(0.25));
}

TEST_CASE("horizontal scaling scales advance and spacing") {
  // Th = 0.8: advance (16 + 1) × 0.8 = 13.6.
  auto runs = plan_runs({0, 0, 0}, {50, 63.6, 77.2}, {16, 16, 16}, 0.8);
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].char_space_pt == Approx(1.0));
}

TEST_CASE("a face change or an irregular gap starts a new run") {
  auto runs = plan_runs({0, 0, 1, 1, 1, 1}, {0, 16, 32, 48, 70, 86}, {16, 16, 16, 16, 16, 16}, 1.0);
  REQUIRE(runs.size() == 3);
  CHECK(runs[0].begin == 0);
  CHECK(runs[0].end == 2);
  CHECK(runs[1].begin == 2);
  CHECK(runs[1].end == 4);  // the 6 pt jump before glyph 4 does not fit spacing 0
  CHECK(runs[1].face == 1);
  CHECK(runs[2].begin == 4);
  CHECK(runs[2].x_pt == 70);
}

TEST_CASE("rounding does not accumulate along a long line") {
  // Spacing 1/3 pt cannot be written exactly; 40 glyphs later the prediction must still hold,
  // or the run must be cut — either way no glyph lands more than the tolerance off.
  std::vector<int> faces(40, 0);
  std::vector<double> x(40), nat(40, 16);
  for (int i = 0; i < 40; ++i) x[i] = i * (16 + 1.0 / 3);
  auto runs = plan_runs(faces, x, nat, 1.0);
  for (const auto& r : runs) {
    double pos = r.x_pt;
    for (size_t i = r.begin; i < r.end; ++i) {
      CHECK(std::fabs(pos - x[i]) <= 0.02);
      pos += (nat[i] + r.char_space_pt);
    }
  }
  CHECK(runs.size() <= 2);
}

TEST_CASE("spacing outside libharu's limits falls back to single glyphs") {
  auto runs = plan_runs({0, 0}, {0, 400}, {16, 16}, 1.0);
  REQUIRE(runs.size() == 2);
}
