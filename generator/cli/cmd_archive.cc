// `gongwen archive init|next|void|import|search|show|gaps|register|verify`: the 发文登记 register on the
// command line. Each subcommand opens the archive (--archive DIR, else $GONGWEN_ARCHIVE, else ./archive),
// calls gw::archive and prints a table aligned for CJK (two columns per wide character) or --json.
// `archive register -o X.pdf` sets the register with the landscape table layout of 附件5
// (layout/summary_layout.h), so a printed 发文登记簿 follows the same clause 8 rules as the forms.
#include <unicode/uchar.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "archive/archive.h"
#include "base/diagnostic.h"
#include "base/files.h"
#include "base/utf8.h"
#include "cli/command.h"
#include "cli/pipeline.h"
#include "export/pdf/pdf_writer.h"
#include "layout/summary_layout.h"
#include "text/wenhao.h"

namespace gw::cli {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;

// ---- table output -------------------------------------------------------------------------------

int display_width(char32_t c) {
  int ea = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
  return (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
}
int display_width(const std::string& s) {
  int w = 0;
  for (char32_t c : to_u32(s)) w += display_width(c);
  return w;
}
// Cuts to at most max display columns, ending in … when cut; newlines become spaces.
std::string fit(const std::string& s, int max) {
  std::u32string u = to_u32(s);
  int total = 0;
  for (char32_t& c : u) {
    if (c == U'\n' || c == U'\t' || c == U'\r') c = U' ';
    total += display_width(c);
  }
  if (total <= max) return to_utf8(u);
  std::u32string out;
  int w = 0;
  for (char32_t c : u) {
    if (w + display_width(c) > max - 1) break;  // leave one column for …
    out.push_back(c);
    w += display_width(c);
  }
  out.push_back(U'…');
  return to_utf8(out);
}

void print_table(const std::vector<std::string>& head, const std::vector<std::vector<std::string>>& rows,
                 const std::vector<int>& max_width) {
  std::vector<std::vector<std::string>> cells;
  cells.push_back(head);
  for (const auto& r : rows) {
    std::vector<std::string> c;
    for (size_t i = 0; i < r.size(); ++i) c.push_back(fit(r[i], max_width[i]));
    cells.push_back(c);
  }
  std::vector<int> width(head.size(), 0);
  for (const auto& r : cells)
    for (size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], display_width(r[i]));
  for (const auto& r : cells) {
    std::string line;
    for (size_t i = 0; i < r.size(); ++i) {
      line += r[i];
      if (i + 1 < r.size()) line += std::string(static_cast<size_t>(width[i] - display_width(r[i]) + 2), ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    std::cout << line << "\n";
  }
}

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

int current_year() {
  auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  localtime_r(&t, &tm);
  return tm.tm_year + 1900;
}

// ---- subcommands --------------------------------------------------------------------------------

struct Opts {
  std::string dir;
  bool json = false;
  // next / void
  std::string agency;
  int year = 0;
  int count = 1;
  std::string wenhao;
  std::string reason;
  // import
  std::vector<std::string> paths;
  int batch = 500;
  // search
  std::vector<std::string> query;
  archive::SearchFilters filters;
  std::string sort = "relevance";
  int limit = 20;
  // register
  std::string output;
  std::string style;
  FontOptions fonts;
};

std::string dir_of(const Opts& o) { return o.dir.empty() ? archive::Archive::default_dir() : o.dir; }

int cmd_init(const Opts& o) {
  auto a = archive::Archive::init(dir_of(o));
  std::cout << "archive ready in " << a.dir() << "\n";
  return kExitOk;
}

int cmd_next(const Opts& o) {
  auto a = archive::Archive::open(dir_of(o));
  int year = o.year ? o.year : current_year();
  json out = json::array();
  for (int i = 0; i < std::max(1, o.count); ++i) {
    long serial = a.next_number(o.agency, year);
    std::string canon = trim(o.agency) + "〔" + std::to_string(year) + "〕" + std::to_string(serial) + "号";
    if (o.json)
      out.push_back({{"wenhao", canon}, {"agency", trim(o.agency)}, {"year", year}, {"serial", serial}});
    else
      std::cout << canon << std::endl;  // flushed: a script sees each number as soon as it is taken
  }
  if (o.json) std::cout << out.dump(2) << "\n";
  return kExitOk;
}

text::Wenhao parse_arg(const std::string& s) {
  std::string why;
  auto w = text::parse_wenhao(s, &why);
  if (!w) throw InputError(SourceLoc{"<argument>"}, why, "a 文号 looks like 国发〔2022〕12号");
  return *w;
}

int cmd_void(const Opts& o) {
  auto w = parse_arg(o.wenhao);
  if (w.is_order) throw InputError(SourceLoc{"<argument>"}, "order numbers (令号) are not allocated by the archive");
  auto a = archive::Archive::open(dir_of(o));
  a.void_number(w.agency, w.year, w.serial, o.reason);
  std::cout << w.canonical << " 作废: " << o.reason << "\n";
  return kExitOk;
}

std::vector<std::string> expand_paths(const std::vector<std::string>& in) {
  std::vector<std::string> out;
  for (const auto& p : in) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (auto& e : fs::recursive_directory_iterator(p, ec)) {
        std::string ext = file_extension_lower(e.path().string());
        if (e.is_regular_file() && (ext == ".txt" || ext == ".md" || ext == ".pdf" || ext == ".docx"))
          found.push_back(e.path().string());
      }
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(p);
    }
  }
  return out;
}

int cmd_import(const Opts& o) {
  auto a = archive::Archive::open(dir_of(o));
  archive::ImportOptions opt;
  opt.batch = o.batch;
  auto results = a.import_paths(expand_paths(o.paths), opt);
  int errors = 0, imported = 0, dup = 0;
  json out = json::array();
  for (const auto& r : results) {
    if (!r.error.empty()) {
      ++errors;
      std::cerr << r.path << ": error: " << r.error << "\n";
    } else if (r.duplicate) {
      ++dup;
    } else {
      ++imported;
    }
    if (o.json) {
      out.push_back({{"path", r.path}, {"id", r.id}, {"duplicate", r.duplicate}, {"wenhao", r.wenhao},
                     {"title", r.title}, {"missing", r.missing}, {"error", r.error}});
      continue;
    }
    if (!r.error.empty()) continue;
    if (r.duplicate) {
      std::cout << r.path << ": already in the archive (#" << r.id << ")\n";
    } else {
      std::cout << r.path << ": #" << r.id << " " << (r.wenhao.empty() ? "(no 文号)" : r.wenhao) << " " << r.title
                << "\n";
      if (!r.missing.empty()) std::cout << "  not found: " << join(r.missing, "、") << "\n";
    }
  }
  if (o.json)
    std::cout << out.dump(2) << "\n";
  else
    std::cout << imported << " imported, " << dup << " already present, " << errors << " failed\n";
  return errors ? kExitInputError : kExitOk;
}

int cmd_search(const Opts& o) {
  archive::SortBy sort = archive::SortBy::Relevance;
  if (o.sort == "date") sort = archive::SortBy::Date;
  else if (o.sort == "wenhao") sort = archive::SortBy::Wenhao;
  auto a = archive::Archive::open(dir_of(o));
  auto hits = a.search(join(o.query, " "), o.filters, sort, o.limit);
  if (o.json) {
    json out = json::array();
    for (const auto& h : hits)
      out.push_back({{"id", h.id}, {"wenhao", h.wenhao}, {"title", h.title}, {"date", h.date},
                     {"issuers", h.issuers}, {"score", h.score}, {"snippet", h.snippet}});
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  if (hits.empty()) {
    std::cout << "no documents found\n";
    return kExitOk;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& h : hits)
    rows.push_back({"#" + std::to_string(h.id), h.wenhao, h.date, h.title, h.snippet});
  print_table({"#", "文号", "日期", "标题", "摘要"}, rows, {8, 30, 10, 40, 60});
  return kExitOk;
}

int cmd_show(const Opts& o) {
  auto a = archive::Archive::open(dir_of(o));
  auto r = a.show(o.wenhao);
  if (!r)
    throw InputError(SourceLoc{"<argument>"}, "no document " + o.wenhao + " in the archive",
                     "search for it with `gongwen archive search --wenhao …`");
  if (o.json) {
    json files = json::array();
    for (const auto& f : r->files)
      files.push_back({{"sha256", f.sha256}, {"path", f.path}, {"role", f.role}, {"name", f.name}, {"size", f.size}});
    json j = {{"id", r->id},           {"wenhao", r->wenhao},        {"agency", r->agency},     {"year", r->year},
              {"serial", r->serial},   {"title", r->title},          {"issuers", r->issuers},   {"date", r->date},
              {"recipients", r->recipients}, {"cc", r->cc},          {"attachments", r->attachments},
              {"origin", r->origin},   {"created", r->created},      {"files", files},          {"text", r->text}};
    std::cout << j.dump(2) << "\n";
    return kExitOk;
  }
  std::vector<std::vector<std::string>> rows = {
      {"文号", r->wenhao}, {"标题", r->title}, {"发文机关", join(r->issuers, "、")}, {"成文日期", r->date},
      {"主送机关", r->recipients}, {"抄送", r->cc}, {"附件", join(r->attachments, "；")},
      {"来源", r->origin == "issued" ? "已发 (render)" : "已导入 (import)"}, {"登记时间", r->created}};
  for (const auto& f : r->files) rows.push_back({"文件", f.role + "  " + f.path + "  " + f.name});
  print_table({"#" + std::to_string(r->id), ""}, rows, {10, 200});
  std::cout << "\n" << r->text << "\n";
  return kExitOk;
}

int cmd_gaps(const Opts& o) {
  auto a = archive::Archive::open(dir_of(o));
  auto gaps = a.gaps(o.year);
  if (o.json) {
    json out = json::array();
    for (const auto& g : gaps)
      out.push_back({{"agency", g.agency}, {"year", g.year}, {"max_serial", g.max_serial}, {"missing", g.missing},
                     {"duplicates", g.duplicates}});
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  // Runs of consecutive serials as ranges: 4–155, 160.
  auto list = [](const std::vector<long>& v) {
    std::string s;
    for (size_t i = 0; i < v.size();) {
      size_t j = i;
      while (j + 1 < v.size() && v[j + 1] == v[j] + 1) ++j;
      s += (s.empty() ? "" : ", ") + std::to_string(v[i]) + (j > i ? "–" + std::to_string(v[j]) : "");
      i = j + 1;
    }
    return s.empty() ? std::string("—") : s;
  };
  std::vector<std::vector<std::string>> rows;
  for (const auto& g : gaps)
    rows.push_back({g.agency, std::to_string(g.year), std::to_string(g.max_serial), list(g.missing), list(g.duplicates)});
  print_table({"机关代字", "年份", "最大序号", "缺号", "重号"}, rows, {30, 6, 8, 60, 40});
  return kExitOk;
}

std::string csv_field(const std::string& s) {
  // RFC 4180: quote fields holding a comma, quote or line break; double the quotes inside.
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// Cells of a printed register are cut at this many characters: a row is never split across pages
// (layout_summary refuses a row taller than a page), and an imported document whose recognised title
// runs on for a paragraph must not stop the whole register from printing. The CSV keeps every character.
constexpr size_t kMaxPdfCell = 120;

std::string cut_cell(const std::string& s) {
  std::u32string u = to_u32(s);
  if (u.size() <= kMaxPdfCell) return s;
  u.resize(kMaxPdfCell - 1);
  return to_utf8(u) + "…";
}

std::string register_pdf(const Opts& o, const std::vector<archive::RegisterRow>& rows) {
  int issued = 0, imported = 0, reserved = 0, voided = 0;
  // No 主送机关 column (the CSV has it): on a landscape page it would take the room the titles need.
  layout::PlainTable t;
  t.header = {"序号", "文号", "标题", "发文机关", "成文日期", "状态"};
  t.centred = {true, false, false, false, true, false};
  t.unbroken = {true, true, false, false, true, false};
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    if (r.status == "已发") ++issued;
    else if (r.status == "已导入") ++imported;
    else if (r.status == "预留") ++reserved;
    else ++voided;  // 作废：reason
    t.rows.push_back({std::to_string(i + 1), r.wenhao, cut_cell(r.title), cut_cell(r.issuers), r.date,
                      cut_cell(r.status)});
  }
  layout::SummaryForm form;
  form.label.clear();  // the register is a document of its own, not an attachment
  form.title = (o.year ? std::to_string(o.year) + "年" : std::string()) + "发文登记簿";
  form.head_lines.push_back("共" + std::to_string(rows.size()) + "件：已发" + std::to_string(issued) + "件，已导入" +
                            std::to_string(imported) + "件，预留" + std::to_string(reserved) + "件，作废" +
                            std::to_string(voided) + "件。按文号排序（机关代字、年份、序号）" +
                            (rows.empty() || !rows.back().wenhao.empty() ? "。" : "，无文号的按成文日期排在最后。"));
  form.tables.push_back(std::move(t));
  form.loc = SourceLoc{dir_of(o) + "/archive.db"};
  model::Style style = load_style(o.style);
  fonts::FontSet fonts = load_fonts(o.fonts);
  return pdf::write_pdf(layout::layout_summary(form, style, fonts), fonts, {});
}

std::string register_csv(const std::vector<std::string>& head, const std::vector<archive::RegisterRow>& rows) {
  // A UTF-8 byte order mark so that spreadsheet programs read the Chinese correctly.
  std::string csv = "\xEF\xBB\xBF";
  for (size_t i = 0; i < head.size(); ++i) csv += (i ? "," : "") + csv_field(head[i]);
  csv += "\r\n";
  for (const auto& r : rows) {
    std::vector<std::string> f = {r.wenhao, r.title, r.issuers, r.date, r.recipients, r.status};
    for (size_t i = 0; i < f.size(); ++i) csv += (i ? "," : "") + csv_field(f[i]);
    csv += "\r\n";
  }
  return csv;
}

int cmd_register(const Opts& o) {
  std::string ext = file_extension_lower(o.output);
  // Checked before the archive is opened: a wrong name is refused whatever state the archive is in.
  if (!o.output.empty() && ext != ".csv" && ext != ".pdf")
    throw InputError(SourceLoc{o.output}, "the register is written as .pdf or .csv, not '" + (ext.empty() ? o.output : ext) + "'",
                     "use -o 发文登记簿.pdf or -o 发文登记簿.csv; nothing was written");
  auto a = archive::Archive::open(dir_of(o));
  auto rows = a.register_rows(o.year);
  std::vector<std::string> head = {"文号", "标题", "发文机关", "成文日期", "主送机关", "状态"};
  if (o.output.empty()) {
    std::vector<std::vector<std::string>> t;
    for (const auto& r : rows) t.push_back({r.wenhao, r.title, r.issuers, r.date, r.recipients, r.status});
    print_table(head, t, {30, 40, 24, 10, 30, 20});
    return kExitOk;
  }
  write_file_atomic(o.output, ext == ".pdf" ? register_pdf(o, rows) : register_csv(head, rows));
  std::cout << rows.size() << " rows written to " << o.output << "\n";
  return kExitOk;
}

int cmd_verify(const Opts& o) {
  auto a = archive::Archive::open(dir_of(o));
  auto problems = a.verify();
  if (o.json) {
    json out = json::array();
    for (const auto& p : problems) out.push_back({{"path", p.path}, {"problem", p.problem}});
    std::cout << out.dump(2) << "\n";
  } else {
    for (const auto& p : problems) std::cerr << a.dir() << "/" << p.path << ": error: " << p.problem << "\n";
    if (problems.empty()) std::cout << "archive ok: every stored file matches its SHA-256\n";
  }
  return problems.empty() ? kExitOk : kExitInputError;
}

void add(CLI::App& app) {
  auto* cmd = app.add_subcommand("archive", "The register of issued documents: numbers, import, search, checks");
  cmd->require_subcommand(1);
  auto sub = [&](const char* name, const char* help, int (*fn)(const Opts&)) {
    auto opts = std::make_shared<Opts>();
    auto* s = cmd->add_subcommand(name, help);
    s->add_option("--archive", opts->dir, "archive folder (default $GONGWEN_ARCHIVE or ./archive)");
    s->callback([opts, fn] { run_command([&]() -> int { return fn(*opts); }); });
    return std::make_pair(s, opts);
  };
  sub("init", "Create the archive folder and database", cmd_init);
  {
    auto [s, o] = sub("next", "Reserve the next serial number for an agency code and year", cmd_next);
    s->add_option("agency", o->agency, "机关代字, e.g. 工信厅消费函")->required();
    s->add_option("--year", o->year, "year (default: this year)");
    s->add_option("--count", o->count, "reserve this many numbers, one transaction each");
    s->add_flag("--json", o->json, "print JSON");
  }
  {
    auto [s, o] = sub("void", "Mark a reserved number 作废 (it stays in the register)", cmd_void);
    s->add_option("wenhao", o->wenhao, "the 文号, e.g. 国发〔2022〕3号")->required();
    s->add_option("--reason", o->reason, "why it is voided")->required();
  }
  {
    auto [s, o] = sub("import", "Import past notices (.txt .md .pdf .docx, or folders of them)", cmd_import);
    s->add_option("paths", o->paths, "files or folders")->required();
    s->add_option("--batch", o->batch, "documents per transaction (default 500)");
    s->add_flag("--json", o->json, "print JSON");
  }
  {
    auto [s, o] = sub("search", "Full-text search in Chinese, ranked by relevance", cmd_search);
    s->add_option("query", o->query, "words to find (FTS5 syntax: \"phrase\", OR, NOT)");
    s->add_option("--wenhao", o->filters.wenhao, "only this 文号 (any way of writing it)");
    s->add_option("--agency", o->filters.agency, "only this agency code");
    s->add_option("--year", o->filters.year, "only this year of the 文号");
    s->add_option("--from", o->filters.from, "成文日期 on or after (2022-01-01)");
    s->add_option("--to", o->filters.to, "成文日期 on or before");
    s->add_option("--issuer", o->filters.issuer, "issuer name contains");
    s->add_option("--sort", o->sort, "relevance|date|wenhao")->check(CLI::IsMember({"relevance", "date", "wenhao"}));
    s->add_option("--limit", o->limit, "at most this many results (default 20)");
    s->add_flag("--json", o->json, "print JSON");
  }
  {
    auto [s, o] = sub("show", "Show one document by 文号 (any variant) or #id", cmd_show);
    s->add_option("wenhao", o->wenhao, "文号 or #id")->required();
    s->add_flag("--json", o->json, "print JSON");
  }
  {
    auto [s, o] = sub("gaps", "Missing and duplicate serials per agency code and year", cmd_gaps);
    s->add_option("--year", o->year, "only this year");
    s->add_flag("--json", o->json, "print JSON");
  }
  {
    auto [s, o] = sub("register", "The register (发文登记簿) sorted by 文号, documents without one last by date: a table, or -o X.pdf / X.csv", cmd_register);
    s->add_option("--year", o->year, "only this year");
    s->add_option("-o,--output", o->output, "write to this file: .pdf (A4 landscape table) or .csv");
    s->add_option("--style,--template", o->style, "house style for the PDF (default gbt9704-2012)");
    add_font_options(*s, o->fonts);
  }
  {
    auto [s, o] = sub("verify", "Recompute every stored file's SHA-256; non-zero exit on problems", cmd_verify);
    s->add_flag("--json", o->json, "print JSON");
  }
}
const CommandRegistrar reg(60, add);

}  // namespace
}  // namespace gw::cli
