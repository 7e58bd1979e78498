// 申报书 benchmark (issue 4): the sample province's applications (20 of the three kinds) repeated up
// to N applicants, each filled from its template, laid out and written to PDF and DOCX on one core,
// with fonts, style and templates loaded once. Prints pages per second and where the time goes.
// usage: gw_form_bench [APPLICANTS=100] DATA_FILE
#include <chrono>
#include <cstdio>
#include <string>

#include "export/docx/form_docx.h"
#include "export/pdf/pdf_writer.h"
#include "forms/application_form.h"
#include "forms/read.h"
#include "layout/form_layout.h"
#include "template/font_map_reader.h"
#include "template/style_reader.h"

using Clock = std::chrono::steady_clock;

static double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: gw_form_bench [APPLICANTS=100] DATA_FILE\n");
    return 2;
  }
  const int n = argc > 2 ? std::stoi(argv[1]) : 100;
  const std::string data = argv[argc - 1];
  auto t0 = Clock::now();
  auto fonts = gw::fonts::FontSet::open(gw::fonts::read_font_map(gw::fonts::default_font_map_path()));
  auto style = gw::tmpl::read_style("gbt9704-2012");
  auto templates = gw::forms::FormTemplates::load_default();
  auto apps = gw::forms::read_applications(data, gw::forms::default_columns()).applications;
  std::printf("fonts, style, templates and %zu records loaded once: %.1f ms\n", apps.size(), ms_since(t0));
  if (apps.empty()) return 1;

  size_t pages = 0, pdf_bytes = 0, docx_bytes = 0;
  double fill_ms = 0, layout_ms = 0, pdf_ms = 0, docx_ms = 0;
  for (int i = 0; i < n; ++i) {
    auto app = apps[static_cast<size_t>(i) % apps.size()];
    app.name.text += std::to_string(i);  // different text each time: nothing cached by accident
    auto t = Clock::now();
    auto form = gw::forms::fill_application(app, templates);
    fill_ms += ms_since(t);
    t = Clock::now();
    auto doc = gw::layout::layout_form(form, style, fonts);
    layout_ms += ms_since(t);
    t = Clock::now();
    pdf_bytes += gw::pdf::write_pdf(doc, fonts, {}).size();
    pdf_ms += ms_since(t);
    t = Clock::now();
    docx_bytes += gw::docx::write_form_docx(form, style).size();
    docx_ms += ms_since(t);
    pages += doc.pages.size();
  }
  const double pdf_total = fill_ms + layout_ms + pdf_ms;
  std::printf("%d applicants, %zu pages (%.1f per 申报书)\n", n, pages, static_cast<double>(pages) / n);
  std::printf("PDF : %.1f ms per 申报书 (fill %.2f, layout %.2f, PDF %.2f), %.0f pages/s, %.0f KB each\n", pdf_total / n,
              fill_ms / n, layout_ms / n, pdf_ms / n, static_cast<double>(pages) / (pdf_total / 1000), pdf_bytes / 1024.0 / n);
  std::printf("DOCX: %.1f ms per 申报书 (fill and DOCX), %.0f documents/s, %.0f KB each\n", (fill_ms + docx_ms) / n,
              n / ((fill_ms + docx_ms) / 1000), docx_bytes / 1024.0 / n);
  return 0;
}
