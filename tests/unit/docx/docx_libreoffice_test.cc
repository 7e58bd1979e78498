// The DOCX as a real client sees it: LibreOffice converts the sample notice to PDF, and the PDF must
// carry the text (pdftotext), a plausible page count, and the red mark and red line where GB/T 9704
// puts them (pixels of the page rendered with pdftoppm). Without soffice the test warns and skips.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "base/files.h"
#include "base/units.h"
#include "docx_test_support.h"
#include "export/docx/docx_writer.h"
#include "model/style.h"

using namespace gw;
using namespace gw::docx;
using namespace gw::docx::test;

namespace {

std::string strip_space(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') continue;
    if (s.compare(i, 3, "\xE3\x80\x80") == 0) {  // U+3000 ideographic space
      i += 2;
      continue;
    }
    out += s[i];
  }
  return out;
}

struct Ppm {
  int w = 0, h = 0;
  std::string px;  // RGB
  bool red(int x, int y) const {
    const auto* p = reinterpret_cast<const unsigned char*>(px.data()) + 3 * (static_cast<size_t>(y) * w + x);
    return p[0] > 180 && p[1] < 120 && p[2] < 120;
  }
};

Ppm read_ppm(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  Ppm img;
  std::string magic;
  int maxval = 0;
  in >> magic >> img.w >> img.h >> maxval;
  in.get();
  REQUIRE(magic == "P6");
  REQUIRE(maxval == 255);
  img.px.resize(static_cast<size_t>(img.w) * img.h * 3);
  in.read(img.px.data(), static_cast<std::streamsize>(img.px.size()));
  REQUIRE(in.good());
  return img;
}

// Converts a docx with LibreOffice in a private profile; returns the PDF path ("" = skipped).
std::string convert(const std::string& dir, const std::string& docx_bytes, const std::string& stem) {
  const std::string docx = dir + "/" + stem + ".docx";
  write_file_atomic(docx, docx_bytes);
  std::string out;
  // A private HOME and user installation: parallel runs must not share LibreOffice's profile lock.
  const std::string cmd = "cd " + dir + " && HOME=" + dir + "/home timeout 240 soffice -env:UserInstallation=file://" +
                          dir + "/lo-profile --headless --norestore --convert-to pdf --outdir " + dir + " " + docx;
  const int rc = run(cmd, &out);
  INFO(cmd << "\n" << out);
  REQUIRE(rc == 0);
  const std::string pdf = dir + "/" + stem + ".pdf";
  REQUIRE(access(pdf.c_str(), R_OK) == 0);
  return pdf;
}

bool have(const char* tool) { return run(std::string("command -v ") + tool + " >/dev/null") == 0; }

// Rows (top to bottom) where a horizontal run of `pred` pixels is longer than `min_mm`.
template <class Pred>
std::vector<int> rule_rows(const Ppm& img, double px_per_mm, double min_mm, Pred pred) {
  std::vector<int> rows;
  for (int y = 0; y < img.h; ++y) {
    int run_len = 0, best = 0;
    for (int x = 0; x < img.w; ++x) {
      run_len = pred(img, x, y) ? run_len + 1 : 0;
      best = std::max(best, run_len);
    }
    if (best > min_mm * px_per_mm) rows.push_back(y);
  }
  return rows;
}

// Renders one page to PPM at `dpi` and reads it back.
Ppm render(const std::string& pdf, const std::string& dir, int page, int dpi) {
  const std::string stem = dir + "/r" + std::to_string(page) + "-" + std::to_string(dpi);
  REQUIRE(run("pdftoppm -r " + std::to_string(dpi) + " -f " + std::to_string(page) + " -l " + std::to_string(page) +
              " -singlefile " + pdf + " " + stem) == 0);
  return read_ppm(stem + ".ppm");
}

std::string make_temp_dir() {
  std::string tmpl = "/tmp/gw-docx-lo-XXXXXX";
  REQUIRE(mkdtemp(tmpl.data()) != nullptr);
  return tmpl;
}

}  // namespace

TEST_CASE("LibreOffice opens the notice with its text, pages and red head", "[docx][libreoffice]") {
  if (!have("soffice")) {
    WARN("SKIPPED: soffice not found; the DOCX was not checked with LibreOffice");
    return;
  }
  REQUIRE(have("pdftotext"));
  REQUIRE(have("pdftoppm"));
  const std::string dir = make_temp_dir();
  const auto notice = sample_notice();
  const std::string pdf = convert(dir, write_docx(notice, model::Style::gbt9704(), {}), "notice");

  std::string text;
  REQUIRE(run("pdftotext -enc UTF-8 " + pdf + " -", &text) == 0);
  const std::string flat = strip_space(text);
  INFO(text);
  CHECK(flat.find("工业和信息化部文件") != std::string::npos);
  CHECK(flat.find("工信部消费〔2022〕156号") != std::string::npos);
  CHECK(flat.find(strip_space(notice.title.text)) != std::string::npos);
  CHECK(flat.find("聚焦消费升级需求，发挥企业主体作用。") != std::string::npos);
  CHECK(flat.find("（一）前期筹备。2022年7月底前") != std::string::npos);
  CHECK(flat.find("附件：2022年“三品”全国行活动安排表") != std::string::npos);
  CHECK(flat.find("消费品工业“三品”成果展") != std::string::npos);
  CHECK(flat.find("抄送：国家发展改革委、商务部。") != std::string::npos);
  CHECK(flat.find("2022年7月1日印发") != std::string::npos);
  CHECK(flat.find("—1—") != std::string::npos);  // page number "— 1 —"

  std::string info;
  REQUIRE(run("pdfinfo " + pdf, &info) == 0);
  const size_t at = info.find("Pages:");
  REQUIRE(at != std::string::npos);
  const int pages = std::atoi(info.c_str() + at + 6);
  // Body + signature fit page 1-2, the attachment starts on a new page: 2 or 3 pages, never more.
  CHECK(pages >= 2);
  CHECK(pages <= 3);

  // Page 1 at 50 dpi: 1 mm = 50 / 25.4 px.
  REQUIRE(run("pdftoppm -r 50 -f 1 -l 1 " + pdf + " " + dir + "/page") == 0);
  std::string ppm = dir + "/page-1.ppm";
  if (access(ppm.c_str(), R_OK) != 0) ppm = dir + "/page-01.ppm";
  const Ppm img = read_ppm(ppm);
  const double px_per_mm = 50.0 / 25.4;
  int first_red_row = -1, line_row = -1, red_pixels = 0;
  for (int y = 0; y < img.h; ++y) {
    int run_len = 0, best = 0;
    for (int x = 0; x < img.w; ++x) {
      if (img.red(x, y)) {
        ++red_pixels;
        if (first_red_row < 0) first_red_row = y;
        best = std::max(best, ++run_len);
      } else {
        run_len = 0;
      }
    }
    // The red line: one red run across most of the 156 mm block.
    if (line_row < 0 && best > 140 * px_per_mm) line_row = y;
  }
  INFO("first red row " << first_red_row / px_per_mm << " mm, red line " << line_row / px_per_mm << " mm");
  CHECK(red_pixels > 500);
  // 7.2.4: the mark's top edge 37 + 35 = 72 mm from the top of the page (glyph tops sit a little
  // below the em box, hence the tolerance on one side).
  CHECK(first_red_row / px_per_mm > 70);
  CHECK(first_red_row / px_per_mm < 78);
  // 7.2.7: the red line lies below the mark and the 文号, within the upper half of the page.
  REQUIRE(line_row > 0);
  CHECK(line_row / px_per_mm > 110);
  CHECK(line_row / px_per_mm < 135);
  if (std::getenv("GW_KEEP_TMP")) {
    WARN("kept " << dir);
  } else {
    run("rm -rf " + dir);
  }
}

TEST_CASE("LibreOffice: the 版记 rules sit at the bottom of the last page", "[docx][libreoffice]") {
  if (!have("soffice")) {
    WARN("SKIPPED: soffice not found; the DOCX was not checked with LibreOffice");
    return;
  }
  const std::string dir = make_temp_dir();
  const std::string pdf = convert(dir, write_docx(sample_notice(), model::Style::gbt9704(), {}), "colophon");
  std::string info;
  REQUIRE(run("pdfinfo " + pdf, &info) == 0);
  const int pages = std::atoi(info.c_str() + info.find("Pages:") + 6);
  const double px_per_mm = 200 / 25.4;
  const Ppm img = render(pdf, dir, pages, 200);
  auto dark = [](const Ppm& im, int x, int y) {
    const auto* p = reinterpret_cast<const unsigned char*>(im.px.data()) + 3 * (static_cast<size_t>(y) * im.w + x);
    return p[0] < 128 && p[1] < 128 && p[2] < 128;
  };
  // Group the rows of each rule: (top row, thickness in rows).
  std::vector<std::pair<int, int>> rules;
  for (int y : rule_rows(img, px_per_mm, 140, dark)) {
    if (!rules.empty() && y - (rules.back().first + rules.back().second) <= 1) {
      ++rules.back().second;
    } else {
      rules.push_back({y, 1});
    }
  }
  // The attachment table's rules come first; the 版记's three are the last three.
  REQUIRE(rules.size() >= 3);
  const auto* c = &rules[rules.size() - 3];
  for (int i = 0; i < 3; ++i) UNSCOPED_INFO("rule at " << c[i].first / px_per_mm << " mm, " << c[i].second / px_per_mm << " mm thick");
  // 7.4.1: the last rule on the bottom edge of the text block, 297 - 35 = 262 mm.
  CHECK(std::abs(c[2].first / px_per_mm - 262) < 1.5);
  // One line (10.2 mm) between the rules; the middle one thinner than the outer ones.
  CHECK(std::abs((c[2].first - c[1].first) / px_per_mm - 10.2) < 1.5);
  CHECK(std::abs((c[1].first - c[0].first) / px_per_mm - 10.2) < 1.5);
  CHECK(c[1].second < c[0].second);
  CHECK(c[1].second < c[2].second);
  if (!std::getenv("GW_KEEP_TMP")) run("rm -rf " + dir);
}

TEST_CASE("LibreOffice: letter format head and unnumbered first page", "[docx][libreoffice]") {
  if (!have("soffice")) {
    WARN("SKIPPED: soffice not found; the DOCX was not checked with LibreOffice");
    return;
  }
  auto n = sample_notice();
  n.format = model::Format::Letter;
  n.doc_number.text = "工信厅消费函〔2022〕156号";
  n.printer = {};
  n.print_date = {};
  const std::string dir = make_temp_dir();
  const std::string pdf = convert(dir, write_docx(n, model::Style::gbt9704(), {}), "letter");
  std::string p1, p2;
  REQUIRE(run("pdftotext -enc UTF-8 -f 1 -l 1 " + pdf + " -", &p1) == 0);
  REQUIRE(run("pdftotext -enc UTF-8 -f 2 -l 2 " + pdf + " -", &p2) == 0);
  INFO(p1);
  CHECK(strip_space(p1).find("工业和信息化部") != std::string::npos);
  CHECK(strip_space(p1).find("工信厅消费函〔2022〕156号") != std::string::npos);
  CHECK(strip_space(p1).find("—1—") == std::string::npos);  // 10.1: no number on page 1
  CHECK(strip_space(p2).find("—2—") != std::string::npos);
  // 7.3.5.2 with 工业和信息化部 (7 chars) over 2022年6月30日 (6.5 chars when digits are half width):
  // right indents 3.5 and 2 grid characters (15.79 pt) from the block's right edge (28 + 156 mm).
  // (Where the date's first character lands depends on the client's digit widths: LibreOffice sets
  // digits next to Chinese in the East Asian substitute face, wider than half an em.)
  std::string bbox;
  REQUIRE(run("pdftotext -bbox -enc UTF-8 -f 2 -l 2 " + pdf + " -", &bbox) == 0);
  auto x_max = [&](const std::string& word) {
    const size_t at = bbox.find(">" + word + "<");
    REQUIRE(at != std::string::npos);
    const size_t x = bbox.rfind("xMax=\"", at);
    return std::atof(bbox.c_str() + x + 6);
  };
  const double right_pt = mm_to_pt(28 + 156);
  CHECK(std::abs(right_pt - x_max("工业和信息化部") - 3.5 * 15.79) < 2);
  CHECK(std::abs(right_pt - x_max("日") - 2 * 15.79) < 2);
  const double px_per_mm = 100 / 25.4;
  const Ppm img = render(pdf, dir, 1, 100);
  int first_red = -1;
  for (int y = 0; y < img.h && first_red < 0; ++y)
    for (int x = 0; x < img.w; ++x)
      if (img.red(x, y)) {
        first_red = y;
        break;
      }
  INFO("mark top " << first_red / px_per_mm << " mm");
  // 10.1: the mark's top edge 30 mm from the top of the page (above the 37 mm margin).
  CHECK(first_red / px_per_mm > 29);
  CHECK(first_red / px_per_mm < 35);
  // The red double line, 170 mm long (wider than the 156 mm block).
  const auto rows = rule_rows(img, px_per_mm, 160, [](const Ppm& im, int x, int y) {
    return y < im.h / 2 && im.red(x, y);
  });
  REQUIRE(!rows.empty());
  INFO("double line at " << rows.front() / px_per_mm << " mm");
  CHECK(rows.front() / px_per_mm > first_red / px_per_mm + 10);
  CHECK(rows.back() - rows.front() < 3 * px_per_mm);  // both strokes within 3 mm
  CHECK(rows.back() != rows.front());                 // and there are two of them
  // The lower double line 20 mm above the bottom edge: 277 mm from the top.
  const auto low = rule_rows(img, px_per_mm, 160, [](const Ppm& im, int x, int y) {
    return y > im.h / 2 && im.red(x, y);
  });
  REQUIRE(!low.empty());
  INFO("lower double line at " << low.front() / px_per_mm << " mm");
  CHECK(std::abs(low.front() / px_per_mm - 277) < 3);
  if (!std::getenv("GW_KEEP_TMP")) run("rm -rf " + dir);
}
