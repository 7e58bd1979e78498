// gongwen form attachment5 DATA -o OUT.pdf [--sort input|pinyin|stroke]: the province's 推荐汇总表
// (附件5, forms.md) as an A4 landscape PDF. The data are read and checked exactly as `gongwen
// validate` does; any error stops the command before anything is written (a summary that lists a
// broken record would be sent to the ministry). PDF only: the DOCX writer takes a notice model, not
// a laid-out table.
#include <filesystem>
#include <iostream>
#include <memory>

#include "base/diagnostic.h"
#include "base/files.h"
#include "cli/command.h"
#include "cli/pipeline.h"
#include "export/pdf/pdf_writer.h"
#include "forms/collation.h"
#include "forms/dates.h"
#include "forms/read.h"
#include "forms/summary.h"
#include "forms/validate.h"
#include "layout/summary_layout.h"

namespace gw::cli {
namespace {

struct Opts {
  std::vector<std::string> files;
  std::string output, sort = "input", columns, quotas, style, dump;
  bool no_quotas = false;
  FontOptions fonts;
};

layout::PlainTable plain(const forms::SummaryTable& t) {
  layout::PlainTable p;
  p.caption = t.title;
  p.header = t.header;
  p.rows = t.rows;
  p.centred = {true};  // 序号
  return p;
}

// The first non-empty value of a province-side field: every record of one province carries the same
// 推荐单位 and 填报日期 (a spreadsheet repeats them on each row).
std::string first_of(const std::vector<forms::Application>& apps, forms::Field forms::Application::*f) {
  for (const auto& a : apps)
    if (!(a.*f).empty()) return (a.*f).text;
  return {};
}

int run(const Opts& o) {
  auto order = forms::parse_sort_order(o.sort);
  if (!order) throw InputError(SourceLoc{}, "unknown sort order '" + o.sort + "'", "use --sort input, pinyin or stroke");
  forms::ColumnMap columns = o.columns.empty() ? forms::default_columns() : forms::ColumnMap::load(o.columns);
  std::unique_ptr<forms::Quotas> quotas;
  if (!o.no_quotas)
    quotas = std::make_unique<forms::Quotas>(
        forms::Quotas::load(o.quotas.empty() ? forms::forms_data_dir() + "/quotas.json" : o.quotas));

  std::vector<forms::Application> apps;
  Diagnostics all;
  for (const auto& file : o.files) {
    forms::ReadResult r = forms::read_applications(file, columns);
    for (auto& d : r.diagnostics.items()) all.add(d);
    for (auto& a : r.applications) apps.push_back(std::move(a));
  }
  Diagnostics checked = forms::validate(apps, forms::ValidateOptions{quotas.get()});
  for (auto& d : checked.items()) all.add(d);
  int errors = 0;
  for (const auto& d : all.items()) {
    std::cerr << format(d) << "\n";
    errors += d.severity == Severity::Error;
  }
  if (errors > 0)
    throw InputError(SourceLoc{o.files.front()}, std::to_string(errors) + " problem(s) above in the data; nothing was written",
                     "fix them and run again (`gongwen validate` lists them)");
  if (apps.empty()) throw InputError(SourceLoc{o.files.front()}, "the data hold no applications; nothing was written");

  layout::SummaryForm form;
  form.label = "附件5";
  form.title = "中国消费名品方阵推荐汇总表";
  form.loc = SourceLoc{o.files.front()};
  std::string date = first_of(apps, &forms::Application::fill_date);
  if (auto d = forms::parse_date(date)) date = forms::chinese(*d);
  form.head_lines.push_back("推荐单位（盖章）：" + first_of(apps, &forms::Application::recommender) + "　　　　　　填报日期：" + date);
  form.tables.push_back(plain(forms::typical_case_table(apps, *order)));
  form.tables.push_back(plain(forms::brand_table(apps, *order)));

  model::Style style = load_style(o.style);
  fonts::FontSet fonts = load_fonts(o.fonts);
  layout::Document doc = layout::layout_summary(form, style, fonts);
  if (!o.dump.empty()) write_file_atomic(o.dump, layout::dump_json(doc));
  std::string out = o.output;
  if (out.empty()) {
    std::filesystem::path p(o.files.front());
    out = (p.parent_path() / (p.stem().string() + "-attachment5.pdf")).string();
  }
  write_file_atomic(out, pdf::write_pdf(doc, fonts, {}));
  std::cout << "wrote " << out << " (" << doc.pages.size() << " pages, " << apps.size() << " applications, sorted by "
            << forms::sort_order_name(*order) << ")\n";
  return kExitOk;
}

void add(CLI::App& app) {
  auto* form = app.add_subcommand("form", "Render the recommendation forms of forms.md (附件5 推荐汇总表)");
  form->require_subcommand(1);
  auto opts = std::make_shared<Opts>();
  auto* cmd = form->add_subcommand("attachment5", "附件5 推荐汇总表: a province's data set as an A4 landscape PDF");
  cmd->add_option("files", opts->files, "data files (JSON, CSV, XLSX); together one province's data set")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", opts->output, "output PDF (default: DATA-attachment5.pdf beside the data)");
  cmd->add_option("--sort", opts->sort, "row order: input (default), pinyin or stroke (笔画), by 申报主体");
  cmd->add_option("--columns", opts->columns, "column header mapping (default: templates/forms/columns.json)")->check(CLI::ExistingFile);
  cmd->add_option("--quotas", opts->quotas, "附件2 quota table (default: templates/forms/quotas.json)")->check(CLI::ExistingFile);
  cmd->add_flag("--no-quotas", opts->no_quotas, "skip rule 8 (the province quota)");
  cmd->add_option("--style,--template", opts->style, "house style: a name in templates/styles/ or a path (default gbt9704-2012)");
  add_font_options(*cmd, opts->fonts);
  cmd->add_option("--dump-layout", opts->dump, "write every line box and rule (page, role, mm) as JSON");
  cmd->callback([opts] { run_command([&] { return run(*opts); }); });
}

const CommandRegistrar reg(65, add);

}  // namespace
}  // namespace gw::cli
