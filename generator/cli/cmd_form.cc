// gongwen form attachment3|attachment4|attachment5 DATA… -o OUT: the forms of forms.md filled from a
// province's data. attachment3/4 write one 申报书 per application of that kind (one file, or a
// folder of files when the data hold several); attachment5 the 推荐汇总表 on A4 landscape pages
// [--sort input|pinyin|stroke]. Each writes PDF, DOCX or both (--format, else the -o extension). The data are read and checked exactly as `gongwen validate` does; any
// error stops the command before anything is written (a form with a broken record would be sent to
// the ministry).
#include <filesystem>
#include <iostream>
#include <memory>

#include "base/diagnostic.h"
#include "base/files.h"
#include "cli/command.h"
#include "cli/pipeline.h"
#include "export/docx/form_docx.h"
#include "export/docx/summary_docx.h"
#include "export/pdf/pdf_writer.h"
#include "forms/collation.h"
#include "batch/summary_form.h"
#include "forms/application_form.h"
#include "forms/data_set.h"
#include "forms/summary.h"
#include "layout/form_layout.h"
#include "layout/summary_layout.h"

namespace gw::cli {
namespace {

struct Opts {
  std::vector<std::string> files;
  std::string output, sort = "input", columns, quotas, style, dump, templates, formats;
  bool no_quotas = false;
  FontOptions fonts;
};

// Reads and checks the data set; prints every finding; throws when any is an error.
std::vector<forms::Application> load_checked(const Opts& o) {
  forms::DataSet set = forms::read_data_set(o.files, {o.columns, o.quotas, o.no_quotas});
  for (const auto& d : set.diagnostics.items()) std::cerr << format(d) << "\n";
  if (int errors = set.errors(); errors > 0)
    throw InputError(SourceLoc{o.files.front()}, std::to_string(errors) + " problem(s) above in the data; nothing was written",
                     "fix them and run again (`gongwen validate` lists them)");
  if (set.applications.empty()) throw InputError(SourceLoc{o.files.front()}, "the data hold no applications; nothing was written");
  return std::move(set.applications);
}

// Output formats: --format pdf,docx, else the extension of -o, else PDF.
std::vector<std::string> output_formats(const Opts& o) {
  std::vector<std::string> out;
  if (o.formats.empty()) {
    out.push_back(std::filesystem::path(o.output).extension() == ".docx" ? "docx" : "pdf");
    return out;
  }
  std::string f;
  for (size_t a = 0; a <= o.formats.size();) {
    size_t b = std::min(o.formats.find(',', a), o.formats.size());
    f = o.formats.substr(a, b - a);
    if (f != "pdf" && f != "docx") throw InputError(SourceLoc{}, "unknown output format '" + f + "'", "use --format pdf, docx or pdf,docx");
    out.push_back(f);
    a = b + 1;
  }
  return out;
}

int run_summary(const Opts& o) {
  auto order = forms::parse_sort_order(o.sort);
  if (!order) throw InputError(SourceLoc{}, "unknown sort order '" + o.sort + "'", "use --sort input, pinyin or stroke");
  std::vector<forms::Application> apps = load_checked(o);

  layout::SummaryForm form = batch::summary_form(apps, forms::typical_case_table(apps, *order), forms::brand_table(apps, *order));
  form.loc = SourceLoc{o.files.front()};

  const std::vector<std::string> formats = output_formats(o);
  model::Style style = load_style(o.style);
  fonts::FontSet fonts = load_fonts(o.fonts);
  layout::SummaryDecisions decisions;
  layout::Document doc = layout::layout_summary(form, style, fonts, &decisions);
  if (!o.dump.empty()) write_file_atomic(o.dump, layout::dump_json(doc));
  std::filesystem::path base(o.output);
  if (o.output.empty()) {
    std::filesystem::path p(o.files.front());
    base = p.parent_path() / (p.stem().string() + "-attachment5.pdf");
  }
  // Both files are made before either is written: nothing is left half done.
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& f : formats) {
    std::string path = formats.size() == 1 && base.extension() == "." + f ? base.string() : (base.parent_path() / base.stem()).string() + "." + f;
    files.emplace_back(path, f == "pdf" ? pdf::write_pdf(doc, fonts, {}) : docx::write_summary_docx(form, style, docx_options(fonts), &decisions));
  }
  for (size_t i = 0; i < files.size(); ++i) {
    write_file_atomic(files[i].first, files[i].second);
    std::cout << "wrote " << files[i].first;
    if (formats[i] == "pdf") std::cout << " (" << doc.pages.size() << " pages)";
    std::cout << "\n";
  }
  std::cout << apps.size() << " applications, sorted by " << forms::sort_order_name(*order) << "\n";
  return kExitOk;
}

// A file name from an applicant's name: path separators and control characters replaced.
std::string file_name_of(const std::string& name) {
  std::string s;
  for (unsigned char c : name) s += (c < 0x20 || c == '/' || c == '\\' || c == ':') ? '_' : static_cast<char>(c);
  return s.empty() ? "unnamed" : s;
}

// 附件3 or 附件4: one 申报书 per application of that kind.
int run_application(const Opts& o, int attachment) {
  std::vector<forms::Application> all = load_checked(o);
  std::vector<const forms::Application*> apps;
  for (const auto& a : all)
    if (forms::attachment_number(a.kind) == attachment) apps.push_back(&a);
  const std::string name = "attachment" + std::to_string(attachment);
  if (apps.empty())
    throw InputError(SourceLoc{o.files.front()}, "the data hold no application for 附件" + std::to_string(attachment) + "; nothing was written",
                     attachment == 3 ? "附件3 is for 典型案例 records" : "附件4 is for 企业品牌 and 区域品牌 records");
  const std::vector<std::string> formats = output_formats(o);
  forms::FormTemplates templates = o.templates.empty() ? forms::FormTemplates::load_default() : forms::FormTemplates::load(o.templates);
  model::Style style = load_style(o.style);
  fonts::FontSet fonts = load_fonts(o.fonts);

  // One application: OUT is the file. Several: OUT is a folder of NN-单位名称.pdf in data order.
  std::filesystem::path data(o.files.front());
  std::filesystem::path base = o.output.empty() ? data.parent_path() / (data.stem().string() + "-" + name) : std::filesystem::path(o.output);
  if (apps.size() > 1 && base.has_extension())
    throw InputError(SourceLoc{o.files.front()}, "the data hold " + std::to_string(apps.size()) + " applications for 附件" + std::to_string(attachment) +
                         ", so -o must name a folder, not the file " + base.string(),
                     "give -o a folder (it is created), e.g. -o out/" + name);
  if (apps.size() > 1) std::filesystem::create_directories(base);

  // Everything is laid out before anything is written: a character no font has in the tenth
  // application must not leave nine files behind.
  struct Job {
    std::filesystem::path stem;
    model::FormDocument form;
    layout::Document doc;
  };
  std::vector<Job> jobs;
  for (size_t i = 0; i < apps.size(); ++i) {
    Job j;
    j.form = forms::fill_application(*apps[i], templates);
    j.doc = layout::layout_form(j.form, style, fonts);
    std::string num = std::to_string(i + 1);
    if (num.size() < 2) num.insert(0, "0");
    j.stem = apps.size() == 1 ? base.parent_path() / base.stem() : base / (num + "-" + file_name_of(apps[i]->name.text));
    jobs.push_back(std::move(j));
  }
  if (!o.dump.empty() && jobs.size() == 1) write_file_atomic(o.dump, layout::dump_json(jobs.front().doc));
  std::vector<std::pair<std::string, std::string>> files;  // path, bytes: all made before any is written
  for (const auto& j : jobs)
    for (const auto& f : formats)
      files.emplace_back(j.stem.string() + "." + f, f == "pdf" ? pdf::write_pdf(j.doc, fonts, {}) : docx::write_form_docx(j.form, style, docx_options(fonts)));
  for (size_t i = 0; i < files.size(); ++i) {
    write_file_atomic(files[i].first, files[i].second);
    std::cout << "wrote " << files[i].first;
    if (formats[i % formats.size()] == "pdf") std::cout << " (" << jobs[i / formats.size()].doc.pages.size() << " pages)";
    std::cout << "\n";
  }
  return kExitOk;
}

void add_data_options(CLI::App& cmd, Opts& o) {
  cmd.add_option("files", o.files, "data files (JSON, CSV, XLSX); together one province's data set")->required()->check(CLI::ExistingFile);
  cmd.add_option("--columns", o.columns, "column header mapping (default: templates/forms/columns.json)")->check(CLI::ExistingFile);
  cmd.add_option("--quotas", o.quotas, "附件2 quota table (default: templates/forms/quotas.json)")->check(CLI::ExistingFile);
  cmd.add_flag("--no-quotas", o.no_quotas, "skip rule 8 (the province quota)");
  cmd.add_option("--style,--template", o.style, "house style: a name in templates/styles/ or a path (default gbt9704-2012)");
  add_font_options(cmd, o.fonts);
  cmd.add_option("--dump-layout", o.dump, "write every line box and rule (page, role, mm) as JSON");
}

void add(CLI::App& app) {
  auto* form = app.add_subcommand("form", "Fill the recommendation forms of forms.md (附件3, 附件4 申报书; 附件5 推荐汇总表)");
  form->require_subcommand(1);
  for (int n : {3, 4}) {
    auto opts = std::make_shared<Opts>();
    auto* cmd = form->add_subcommand("attachment" + std::to_string(n),
                                     n == 3 ? "附件3 “数字三品”应用场景典型案例申报书, one per 典型案例 record"
                                            : "附件4 中国消费名品申报书, one per 企业品牌 or 区域品牌 record");
    add_data_options(*cmd, *opts);
    cmd->add_option("-o,--output", opts->output,
                    "output file (one application) or folder (several); default beside the data");
    cmd->add_option("--format", opts->formats, "pdf, docx or pdf,docx (default: from the -o extension, else pdf)");
    cmd->add_option("--forms", opts->templates, "folder of form templates (default: templates/forms)")->check(CLI::ExistingDirectory);
    cmd->callback([opts, n] { run_command([&] { return run_application(*opts, n); }); });
  }
  auto opts = std::make_shared<Opts>();
  auto* cmd = form->add_subcommand("attachment5", "附件5 推荐汇总表: a province's data set as an A4 landscape table (PDF, DOCX)");
  add_data_options(*cmd, *opts);
  cmd->add_option("-o,--output", opts->output, "output file (default: DATA-attachment5.pdf beside the data)");
  cmd->add_option("--format", opts->formats, "pdf, docx or pdf,docx (default: from the -o extension, else pdf)");
  cmd->add_option("--sort", opts->sort, "row order: input (default), pinyin or stroke (笔画), by 申报主体");
  cmd->callback([opts] { run_command([&] { return run_summary(*opts); }); });
}

const CommandRegistrar reg(65, add);

}  // namespace
}  // namespace gw::cli
