// Notice rendering benchmark (issues 2 and 3): fonts opened once, then every sample read, checked,
// laid out and written to PDF and DOCX many times. Prints milliseconds per document and bytes.
// usage: gw_notice_bench [ITERATIONS=20] SAMPLE.xml...
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "check/check_notice.h"
#include "export/docx/docx_writer.h"
#include "export/docx/layout_decisions.h"
#include "export/pdf/pdf_writer.h"
#include "layout/notice_layout.h"
#include "template/font_map_reader.h"
#include "template/notice_reader.h"
#include "template/style_reader.h"

using Clock = std::chrono::steady_clock;

static double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

int main(int argc, char** argv) {
  int iterations = 20;
  int first = 1;
  if (argc > 1 && std::string(argv[1]).find('.') == std::string::npos) {
    iterations = std::stoi(argv[1]);
    first = 2;
  }
  auto t0 = Clock::now();
  auto fonts = gw::fonts::FontSet::open(gw::fonts::read_font_map(gw::fonts::default_font_map_path()));
  auto style = gw::tmpl::read_style("gbt9704-2012");
  std::printf("fonts and style loaded once: %.1f ms\n", ms_since(t0));
  std::printf("%-28s %6s %10s %8s %10s %10s %8s %10s\n", "sample", "pages", "pdf ms", "pdf/s", "pdf bytes", "docx ms",
              "docx/s", "docx bytes");
  for (int a = first; a < argc; ++a) {
    std::string path = argv[a];
    size_t pages = 0, pdf_bytes = 0, docx_bytes = 0;
    double pdf_ms = 0, docx_ms = 0, read_ms = 0, layout_ms = 0;
    for (int i = 0; i < iterations; ++i) {
      auto t = Clock::now();
      auto n = gw::tmpl::read_notice(path);
      auto diags = gw::check::check_notice(n);
      read_ms += ms_since(t);
      auto tl = Clock::now();
      auto doc = gw::layout::layout_notice(n, style, fonts);
      layout_ms += ms_since(tl);
      auto pdf = gw::pdf::write_pdf(doc, fonts, {});
      pdf_ms += ms_since(t);
      // A DOCX as `render --format docx` makes it: read, check, lay out (for layout's decisions:
      // title lines, mark size, 版记 placement), write.
      t = Clock::now();
      auto n2 = gw::tmpl::read_notice(path);
      auto diags2 = gw::check::check_notice(n2);
      gw::docx::DocxOptions dopts;
      gw::docx::take_layout_decisions(dopts, gw::layout::layout_notice(n2, style, fonts));
      auto docx = gw::docx::write_docx(n2, style, dopts);
      docx_ms += ms_since(t);
      pages = doc.pages.size();
      pdf_bytes = pdf.size();
      docx_bytes = docx.size();
    }
    std::string name = path.substr(path.rfind('/') + 1);
    std::printf("%-28s %6zu %10.1f %8.0f %10zu %10.1f %8.0f %10zu   (read+check %.1f, layout %.1f, pdf %.1f)\n",
                name.c_str(), pages, pdf_ms / iterations, 1000.0 * iterations / pdf_ms, pdf_bytes, docx_ms / iterations,
                1000.0 * iterations / docx_ms, docx_bytes, read_ms / iterations,
                layout_ms / iterations, (pdf_ms - read_ms - layout_ms) / iterations);
  }
  return 0;
}
