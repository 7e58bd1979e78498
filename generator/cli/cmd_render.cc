// gongwen render NOTICE -o OUT.pdf|.docx: read (XML or plain text), check, lay out, write.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "archive/archive.h"
#include "base/files.h"
#include "check/check_notice.h"
#include "cli/command.h"
#include "cli/pipeline.h"
#include "export/docx/docx_limits.h"
#include "export/docx/docx_writer.h"
#include "export/docx/layout_decisions.h"
#include "export/pdf/pdf_writer.h"
#include "layout/notice_layout.h"

namespace gw::cli {
namespace {

struct Opts {
  std::string input, output, formats, dump;
  FontOptions fonts;
  std::string style;
  int copies = 0;
  std::string first_copy = "000001";
  bool split = false;
  bool archive = false;
  std::string archive_dir;
  bool replace = false;
};

std::string with_extension(const std::string& path, const std::string& ext) {
  return std::filesystem::path(path).replace_extension(ext).string();
}

// 7.2.1 numbered copies (issue 7): one print file, each copy starting on an odd page.
layout::Document copies_of(const model::Notice& n, const model::Style& style, const fonts::FontSet& fonts,
                           int count, const std::string& first, std::vector<layout::Document>* each) {
  if (first.size() != 6 || first.find_first_not_of("0123456789") != std::string::npos)
    throw InputError(SourceLoc{}, "--first-copy must be six digits, e.g. 000101 (GB/T 9704 7.2.1)");
  long start = std::stol(first);
  if (start + count - 1 > 999999) throw InputError(SourceLoc{}, "the copy numbers would exceed 999999");
  layout::Document all;
  for (int i = 0; i < count; ++i) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%06ld", start + i);
    layout::LayoutOptions lo;
    lo.copy_number = buf;
    layout::Document d = layout::layout_notice(n, style, fonts, lo);
    if (all.pages.size() % 2 == 1) {
      layout::Page blank;
      blank.width_mm = d.pages.front().width_mm;
      blank.height_mm = d.pages.front().height_mm;
      blank.blank = true;
      all.pages.push_back(blank);
    }
    for (auto& p : d.pages) all.pages.push_back(p);
    all.title = d.title;
    all.author = d.author;
    all.subject = d.subject;
    if (each) each->push_back(std::move(d));
  }
  return all;
}

int run(const Opts& o) {
  model::Notice notice = load_and_check(o.input, std::cerr);
  model::Style style = load_style(o.style);
  fonts::FontSet fonts = load_fonts(o.fonts);

  std::string out = o.output.empty() ? with_extension(o.input, ".pdf") : o.output;
  std::vector<std::string> formats;
  if (o.formats.empty()) {
    std::string ext = file_extension_lower(out);
    formats.push_back(ext == ".docx" ? "docx" : "pdf");
  } else {
    size_t a = 0;
    while (a <= o.formats.size()) {
      size_t b = o.formats.find(',', a);
      if (b == std::string::npos) b = o.formats.size();
      std::string f = o.formats.substr(a, b - a);
      if (f != "pdf" && f != "docx")
        throw InputError(SourceLoc{}, "unknown output format '" + f + "'", "use --format pdf, docx or pdf,docx");
      formats.push_back(f);
      a = b + 1;
    }
  }

  // What the DOCX cannot say is refused before any file is written (issue 3), not written differently.
  const bool want_docx = std::find(formats.begin(), formats.end(), "docx") != formats.end();
  if (want_docx && o.copies > 0)
    throw InputError(SourceLoc{}, "--copies numbers each copy's 份号 in one print file, each copy starting on an odd page; "
                                  "the DOCX would hold one copy without a 份号",
                     "write the numbered copies as PDF (--format pdf), and the DOCX in a run without --copies "
                     "(its 份号 is printed as given in the notice)");
  if (o.split && o.copies == 0)
    throw InputError(SourceLoc{}, "--split splits the numbered copies of --copies into one PDF each; there are none",
                     "add --copies N, or leave out --split");
  std::optional<docx::DocxOptions> docx_opts;
  if (want_docx) {
    docx_opts = docx_options(fonts);
    docx::check_expressible(style, *docx_opts);
  }

  // Issue 5: registering needs an archive; open it before writing anything so a missing archive fails
  // early, and register only after every output exists.
  std::optional<archive::Archive> store;
  if (o.archive || !o.archive_dir.empty())
    store.emplace(archive::Archive::open(o.archive_dir.empty() ? archive::Archive::default_dir() : o.archive_dir));
  if (store && !o.replace && !notice.doc_number.empty() && store->show(notice.doc_number.text))
    throw InputError(notice.doc_number.loc, "文号 " + notice.doc_number.text + " is already registered in the archive; nothing was written",
                     "use --replace to register the document again under the same number, or take a new number with `gongwen archive next`");
  std::vector<std::string> written;

  std::vector<layout::Document> each;
  layout::Document doc = o.copies > 0 ? copies_of(notice, style, fonts, o.copies, o.first_copy, o.split ? &each : nullptr)
                                      : layout::layout_notice(notice, style, fonts);
  if (!o.dump.empty()) write_file_atomic(o.dump, layout::dump_json(doc));

  for (const auto& f : formats) {
    std::string path = formats.size() > 1 || file_extension_lower(out) != "." + f ? with_extension(out, "." + f) : out;
    if (f == "pdf") {
      if (o.split) {
        for (size_t i = 0; i < each.size(); ++i) {
          char suffix[32];
          std::snprintf(suffix, sizeof suffix, "-%06ld", std::stol(o.first_copy) + static_cast<long>(i));
          std::filesystem::path p(path);
          std::string one = (p.parent_path() / (p.stem().string() + suffix + ".pdf")).string();
          write_file_atomic(one, pdf::write_pdf(each[i], fonts, {}));
          std::cout << "wrote " << one << " (" << each[i].pages.size() << " pages)\n";
        }
        continue;
      }
      write_file_atomic(path, pdf::write_pdf(doc, fonts, {}));
      written.push_back(path);
      std::cout << "wrote " << path << " (" << doc.pages.size() << " pages)\n";
    } else {
      docx::DocxOptions dopts = *docx_opts;
      docx::take_layout_decisions(dopts, doc);
      write_file_atomic(path, docx::write_docx(notice, style, dopts));
      written.push_back(path);
      std::cout << "wrote " << path << "\n";
    }
  }
  if (store) {
    std::string ext = file_extension_lower(o.input);
    archive::register_notice(*store, notice, read_file(o.input), ext == ".xml" ? "xml" : "txt", written, o.replace);
    std::cout << "registered " << (notice.doc_number.empty() ? notice.title.text : notice.doc_number.text) << " in the archive\n";
  }
  return kExitOk;
}

void add(CLI::App& app) {
  auto opts = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("render", "Render a notice (.xml or plain .txt) to PDF and/or DOCX per GB/T 9704-2012");
  cmd->add_option("notice", opts->input, "the notice: .xml (templates/notice.xsd) or plain text")->required()->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", opts->output, "output file (.pdf or .docx); default: the input's name with .pdf");
  cmd->add_option("--format", opts->formats, "pdf, docx or pdf,docx (default: from the output's extension)");
  cmd->add_option("--style,--template", opts->style, "house style: a name in templates/styles/ or a path (default gbt9704-2012)");
  add_font_options(*cmd, opts->fonts);
  cmd->add_option("--dump-layout", opts->dump, "write every line box and rule (page, role, mm) as JSON");
  cmd->add_option("--copies", opts->copies, "numbered copies (份号), each starting on an odd page")->check(CLI::Range(1, 10000));
  cmd->add_option("--first-copy", opts->first_copy, "the first copy's six-digit 份号 (default 000001)");
  cmd->add_flag("--split", opts->split, "with --copies: one PDF file per copy");
  cmd->add_flag("--archive", opts->archive, "register the issued document in the archive (GONGWEN_ARCHIVE or ./archive)");
  cmd->add_option("--archive-dir", opts->archive_dir, "the archive folder for --archive");
  cmd->add_flag("--replace", opts->replace, "with --archive: replace a document registered under the same 文号");
  cmd->callback([opts] { run_command([&] { return run(*opts); }); });
}

const CommandRegistrar reg(10, add);

}  // namespace
}  // namespace gw::cli
