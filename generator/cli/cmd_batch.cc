// gongwen batch DATA… --out DIR: a province's (or several provinces') recommendation packets
// (forms.md "A recommendation packet"): per province the cover letter, 附件5 and every 附件3/附件4 as
// separate PDFs plus one print file, and manifest.json/.csv. The work is in generator/batch/; this
// file parses arguments, prints progress and problems, and takes 文号 from the archive with --archive.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <memory>
#include <thread>

#include "archive/archive.h"
#include "base/diagnostic.h"
#include "base/files.h"
#include "base/sha256.h"
#include "base/utf8.h"
#include "batch/cover_letter.h"
#include "batch/manifest.h"
#include "batch/packet.h"
#include "batch/runner.h"
#include "cli/command.h"
#include "cli/pipeline.h"
#include "forms/application_form.h"
#include "forms/read.h"
#include "template/notice_xml_writer.h"

namespace gw::cli {
namespace {

// SHA-256 of the running executable; "unknown" where /proc is not mounted (then an upgrade is not
// noticed, as before).
std::string program_fingerprint() {
  try {
    return sha256_file_hex("/proc/self/exe");
  } catch (const std::exception&) {
    return "unknown";
  }
}

namespace fs = std::filesystem;

struct Opts {
  std::vector<std::string> files;
  std::string out, sort = "input", columns, quotas, style, letter_template, archive_dir, agency, forms;
  int jobs = 0;
  bool docx = false, resume = false, strict = false, timestamp = false, archive = false, no_quotas = false;
  FontOptions fonts;
};

std::atomic<bool> g_stop{false};

extern "C" void on_signal(int sig) {
  g_stop.store(true);
  // A second Ctrl-C ends the process at once; the atomic writes still leave no partial file.
  std::signal(sig, SIG_DFL);
}

std::string duration(double s) {
  int t = static_cast<int>(s + 0.5);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%d:%02d", t / 60, t % 60);
  return buf;
}

// Progress on a terminal: one line redrawn in place (files done, rate, time left); packet lines are
// printed above it. Without a terminal only the packet lines are printed.
class Display {
 public:
  explicit Display(bool tty) : tty_(tty) {}

  void progress(const batch::Progress& p) {
    if (!tty_) return;
    last_ = p;
    if (p.done != p.total && p.elapsed_s - drawn_at_ < 0.1) return;
    drawn_at_ = p.elapsed_s;
    draw();
  }

  void packet(const batch::PacketReport& r) {
    std::string line = r.packet->province + "：";
    if (r.ok)
      line += std::to_string(r.packet->documents.size()) + " 份文件，合订本 " + std::to_string(r.pages) + " 页（空白页 " +
              std::to_string(r.blank_pages) + "）→ " + r.print_file;
    else
      line += "未生成合订本：" + r.error;
    if (tty_) std::cerr << "\r\033[K";
    (r.ok ? std::cout : std::cerr) << line << std::endl;
    if (tty_) draw();
  }

  void end() {
    if (tty_ && last_.total) std::cerr << "\n";
  }

 private:
  void draw() {
    const int width = 30;
    size_t filled = last_.total ? last_.done * width / last_.total : 0;
    double rate = last_.elapsed_s > 0 ? (last_.done - last_.skipped) / last_.elapsed_s : 0;
    std::string eta = rate > 0 ? duration((last_.total - last_.done) / rate) : "--:--";
    std::cerr << "\r\033[K[" << std::string(filled, '#') << std::string(width - filled, '.') << "] " << last_.done << "/"
              << last_.total << " files  " << static_cast<int>(rate * 10) / 10.0 << "/s  ETA " << eta << std::flush;
  }

  bool tty_;
  batch::Progress last_;
  double drawn_at_ = -1;
};

batch::ProblemEntry entry(const batch::Problem& p) {
  const Diagnostic& d = p.diagnostic;
  return {d.loc.file, d.loc.line, p.province, severity_name(d.severity), d.message, d.clause};
}

std::string iso_now() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

// --archive: each letter that was written is registered as an issued document (发文登记), with its
// PDF (and DOCX) stored in the archive. A 文号 the archive reserved for this batch belongs to the
// letter, so registering again (a rerun, --resume) replaces the record; a 文号 from the data that
// is already registered is left alone with a warning — it may be another document's.
// Returns the number of letters that could not be registered.
int register_letters(archive::Archive& store, const std::vector<batch::Packet>& packets, const std::vector<batch::FileEntry>& files,
                     const std::string& out_dir) {
  std::map<std::string, std::vector<std::string>> written;  // letter PDF -> files (PDF, DOCX)
  for (const auto& f : files)
    if (f.kind == "letter" || f.kind == "letter-docx") {
      std::string pdf = f.kind == "letter" ? f.file : fs::path(f.file).replace_extension(".pdf").string();
      written[pdf].push_back((fs::path(out_dir) / f.file).string());
    }
  int failed = 0;
  for (const auto& p : packets) {
    if (p.documents.empty() || p.documents.front().kind != batch::DocKind::Letter) continue;
    const batch::DocumentPlan& letter = p.documents.front();
    auto it = written.find(letter.file);
    if (it == written.end()) continue;  // not written: already reported as a failure
    const bool ours = p.wenhao_source == "archive";
    try {
      if (!ours && store.show(p.wenhao)) {
        std::cerr << "warning: " << p.province << ": 文号 " << p.wenhao
                  << " (from the data) is already registered in the archive; the letter was not registered again\n";
        continue;
      }
      archive::register_notice(store, *letter.letter, tmpl::write_notice_xml(*letter.letter), "xml", it->second, ours);
    } catch (const std::exception& e) {
      std::cerr << "error: " << p.province << ": the letter " << p.wenhao << " could not be registered in the archive: " << e.what() << "\n";
      ++failed;
    }
  }
  return failed;
}

// Files an earlier run into this folder made (listed in its manifest or journal) that this run's plan
// no longer has — another --sort renumbers every 申报书, a corrected name renames one, a record now
// skipped drops one — are removed once the run is complete, so the folder holds this packet only.
// Only names inside the folder with an extension batch writes are touched.
int remove_stale(const std::string& out, const batch::Earlier& before, const std::vector<batch::Packet>& packets) {
  std::set<std::string> planned;
  for (const auto& p : packets) {
    planned.insert(p.merged_file);
    for (const auto& d : p.documents) {
      planned.insert(d.file);
      planned.insert(fs::path(d.file).replace_extension(".docx").string());
    }
  }
  int removed = 0;
  for (const auto& [file, entry] : before.files) {
    const fs::path rel(file);
    const std::string ext = rel.extension().string();
    bool inside = !rel.empty() && rel.is_relative();
    for (const auto& part : rel) inside = inside && part != "..";
    if (!inside || (ext != ".pdf" && ext != ".docx") || planned.count(file)) continue;
    std::error_code ec;
    if (fs::is_regular_file(fs::path(out) / rel, ec) && fs::remove(fs::path(out) / rel, ec)) ++removed;
  }
  return removed;
}

int run(const Opts& o) {
  auto order = forms::parse_sort_order(o.sort);
  if (!order) throw InputError(SourceLoc{}, "unknown sort order '" + o.sort + "'", "use --sort input, pinyin or stroke");
  if (o.jobs < 0) throw InputError(SourceLoc{}, "--jobs must be 1 or more");
  int jobs = o.jobs > 0 ? o.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  forms::ColumnMap columns = o.columns.empty() ? forms::default_columns() : forms::ColumnMap::load(o.columns);
  std::unique_ptr<forms::Quotas> quotas;
  if (!o.no_quotas)
    quotas = std::make_unique<forms::Quotas>(
        forms::Quotas::load(o.quotas.empty() ? forms::forms_data_dir() + "/quotas.json" : o.quotas));

  std::error_code ec;
  fs::create_directories(o.out, ec);
  if (ec) throw InputError(SourceLoc{o.out}, "cannot create the output folder: " + ec.message());
  batch::Earlier earlier;
  if (o.resume) earlier = batch::read_earlier(o.out);
  // What an earlier run left, for remove_stale (a broken manifest only means nothing is removed).
  batch::Earlier before;
  try {
    before = o.resume ? earlier : batch::read_earlier(o.out);
  } catch (const InputError&) {
  }

  std::optional<archive::Archive> store;
  if (o.archive || !o.archive_dir.empty())
    store.emplace(archive::Archive::open(o.archive_dir.empty() ? archive::Archive::default_dir() : o.archive_dir));

  batch::PlanOptions po;
  po.sort = *order;
  po.quotas = quotas.get();
  po.letter_template = o.letter_template.empty() ? batch::default_letter_template() : o.letter_template;
  // Templates, style and font map are read before anything is planned: a broken one stops the run
  // with nothing written. Their contents go into the fingerprints, so --resume renders again after a
  // deployer edits one.
  const forms::FormTemplates templates =
      o.forms.empty() ? forms::FormTemplates::load_default() : forms::FormTemplates::load(o.forms);
  po.forms_dir = o.forms;
  const model::Style style = load_style(o.style);
  std::map<std::string, std::string> font_overrides;
  const fonts::FontMap font_map = load_font_map(o.fonts, &font_overrides);
  po.environment = "style=" + o.style + "\nstyle-file=" + sha256_file_hex(style.source_file) + "\nfonts=" + o.fonts.map +
                   "\nfont-map=" + (font_map.source_file.empty() ? "" : sha256_file_hex(font_map.source_file)) + "\n";
  for (const auto& r : o.fonts.roles) po.environment += "font=" + r + "\n";
  po.environment += std::string("timestamp=") + (o.timestamp ? "1" : "0") + "\n";
  // The program itself: gongwen has no version number that every change bumps, so its own bytes stand
  // for it, hashed once per run (about 7 ms for the 3.7 MB release build, 0.17 s for a 90 MB debug one).
  // After an upgrade, --resume renders again rather than mixing files of two versions in one packet.
  po.environment += "program=" + program_fingerprint() + "\n";
  if (store)
    po.reserve_wenhao = [&](const batch::Packet&, const std::string& data_agency, int year) -> std::optional<std::string> {
      std::string agency = trim(data_agency.empty() ? o.agency : data_agency);
      if (agency.empty() || year == 0) return std::nullopt;
      long serial = store->next_number(agency, year);
      return agency + "〔" + std::to_string(year) + "〕" + std::to_string(serial) + "号";
    };
  if (o.resume)
    po.earlier_wenhao = [&](const std::string& province) -> std::optional<std::string> {
      auto it = earlier.wenhao.find(province);
      if (it == earlier.wenhao.end()) return std::nullopt;
      return it->second;
    };

  // Each worker opens its own FontSet from the map read above (not from the file again), early: on
  // other threads while the data are planned here.
  batch::EarlyFonts early_fonts(
      [&font_map, &font_overrides] {
        fonts::FontSet set = fonts::FontSet::open(font_map, font_overrides);
        set.expect_many_subsets();  // every worker subsets the same faces for hundreds of documents
        return set;
      },
      jobs);
  batch::Plan plan = batch::plan_batch(o.files, columns, po);
  for (const auto& w : plan.warnings) std::cerr << format(w.diagnostic) << "\n";
  if (o.strict && !plan.problems.empty()) {
    std::cerr << format(plan.problems.front().diagnostic) << "\n";
    throw InputError(SourceLoc{o.files.front()}, "--strict: stopped at the first problem; nothing was written",
                     "fix it and run again, or run without --strict to skip the records that fail");
  }
  for (const auto& p : plan.problems) std::cerr << format(p.diagnostic) << "\n";

  // The journal records 文号 taken from the archive before anything is rendered: a rerun after a kill
  // must reuse them, not take new ones.
  batch::Journal journal(o.out, !o.resume);
  for (const auto& p : plan.packets)
    if (p.wenhao_source == "archive") journal.add_wenhao(p.province, p.wenhao);

  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  Display display(::isatty(STDERR_FILENO) == 1);
  batch::RunOptions ro;
  ro.out_dir = o.out;
  ro.jobs = jobs;
  ro.docx = o.docx;
  ro.timestamp = o.timestamp;
  ro.resume = o.resume;
  ro.strict = o.strict;
  ro.environment = po.environment;
  ro.style = style;
  ro.templates = &templates;
  ro.open_fonts = [&early_fonts] { return early_fonts.take(); };
  ro.on_progress = [&](const batch::Progress& p) { display.progress(p); };
  ro.on_packet = [&](const batch::PacketReport& r) { display.packet(r); };
  ro.stop = &g_stop;
  ro.journal = &journal;
  ro.earlier = &earlier;
  auto started = std::chrono::steady_clock::now();
  batch::RunResult result = batch::run_batch(plan.packets, ro);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  display.end();
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);

  batch::Manifest m;
  m.packets = result.packets;
  m.files = std::move(result.files);
  for (const auto& p : plan.problems) m.problems.push_back(entry(p));
  for (const auto& w : plan.warnings) m.problems.push_back(entry(w));
  for (const auto& f : result.failures) m.problems.push_back({f.file, 0, f.province, "error", f.message, ""});
  if (o.timestamp) m.generated = iso_now();
  // The documents were written without an fsync each (batch/runner.cc): one sync of the file system
  // before the manifest that lists them.
  sync_file_system(o.out);
  write_file_atomic((fs::path(o.out) / batch::kManifestJson).string(), batch::manifest_json(m));
  write_file_atomic((fs::path(o.out) / batch::kManifestCsv).string(), batch::manifest_csv(m));
  journal.remove();
  if (!result.interrupted)
    if (int n = remove_stale(o.out, before, plan.packets))
      std::cerr << "batch: removed " << n << " file(s) of an earlier run that this one no longer makes\n";
  const int unregistered = store ? register_letters(*store, plan.packets, m.files, o.out) : 0;

  size_t complete = std::count_if(result.packets.begin(), result.packets.end(), [](const auto& p) { return p.complete; });
  int merged_pages = 0;
  for (const auto& p : result.packets) merged_pages += p.pages;
  std::cout << "batch: " << complete << " of " << result.packets.size() << " packet(s) complete, " << merged_pages
            << " print pages; " << result.rendered << " file(s) rendered (" << result.pages << " pages), " << result.resumed
            << " unchanged; " << plan.skipped_records << " of " << plan.records << " record(s) skipped; "
            << result.failures.size() << " failure(s); " << static_cast<int>(seconds * 100) / 100.0 << " s, " << jobs
            << " job(s) → " << (fs::path(o.out) / batch::kManifestJson).string() << std::endl;
  if (result.interrupted) {
    std::cerr << "batch: interrupted; finished files are complete and listed in the manifest; run again with --resume\n";
    return 130;
  }
  bool failed = !plan.problems.empty() || !result.failures.empty() || complete != result.packets.size() || unregistered > 0;
  return failed ? kExitInputError : kExitOk;
}

void add(CLI::App& app) {
  auto opts = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("batch", "Recommendation packets per province: cover letter, 附件5, 附件3/4, one print file");
  cmd->add_option("files", opts->files, "data files (JSON, CSV, XLSX); together one data set, any number of provinces")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--out", opts->out, "output folder")->required();
  cmd->add_flag("--docx", opts->docx, "also write the DOCX of the cover letter, 附件5 and every 申报书");
  cmd->add_option("--jobs,-j", opts->jobs, "parallel workers (default: all cores)");
  cmd->add_flag("--resume", opts->resume, "skip files the manifest lists as made from the same inputs and unchanged");
  cmd->add_flag("--strict", opts->strict, "stop at the first problem instead of skipping the record");
  cmd->add_flag("--timestamp", opts->timestamp, "put the creation time in the PDFs and manifest (output then differs per run)");
  cmd->add_option("--sort", opts->sort, "order of the 汇总表 and the 申报书: input (default), pinyin or stroke (笔画)");
  cmd->add_flag("--archive", opts->archive, "take the letters' 文号 from the archive (`archive next`) when the data give none, and register every letter written");
  cmd->add_option("--archive-dir", opts->archive_dir, "the archive folder for --archive (default GONGWEN_ARCHIVE or ./archive)");
  cmd->add_option("--agency", opts->agency, "with --archive: the 机关代字 when the data's 推荐函文号 column is empty");
  cmd->add_option("--letter-template", opts->letter_template, "cover-letter template (default templates/forms/cover-letter.xml)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--forms", opts->forms, "folder of the 申报书 templates (default: templates/forms)")->check(CLI::ExistingDirectory);
  cmd->add_option("--columns", opts->columns, "column header mapping (default: templates/forms/columns.json)")->check(CLI::ExistingFile);
  cmd->add_option("--quotas", opts->quotas, "附件2 quota table (default: templates/forms/quotas.json)")->check(CLI::ExistingFile);
  cmd->add_flag("--no-quotas", opts->no_quotas, "skip rule 8 (the province quota)");
  cmd->add_option("--style,--template", opts->style, "house style: a name in templates/styles/ or a path (default gbt9704-2012)");
  add_font_options(*cmd, opts->fonts);
  cmd->callback([opts] { run_command([&] { return run(*opts); }); });
}

const CommandRegistrar reg(66, add);

}  // namespace
}  // namespace gw::cli
