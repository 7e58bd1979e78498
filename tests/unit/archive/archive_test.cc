// The archive API: registration and its uniqueness rule, number allocation, voiding, gaps, search with
// the CJK tokenizer (答案已知的查询), 文号 variants, syntax errors, import de-duplication and verify.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "archive/archive.h"
#include "archive/schema.h"
#include "archive/sqlite_db.h"
#include "base/diagnostic.h"
#include "base/files.h"
#include "base/sha256.h"

using namespace gw::archive;
namespace fs = std::filesystem;

namespace {
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("gw-archive-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    fs::remove_all(path);
  }
  ~TempDir() { fs::remove_all(path); }
  static int& counter() {
    static int c = 0;
    return c;
  }
};
std::string seed_path(const std::string& name) { return std::string(GW_TEST_DATA) + "/seeds/" + name; }
std::vector<std::string> seeds() {
  return {seed_path("notice-2022-sanpin-quanguoxing.txt"), seed_path("letter-2022-wangshang-nianhuojie.txt"),
          seed_path("attachment1-consumer-brand-guideline.txt"), seed_path("article-2024-supply-demand-adaptation.txt"),
          seed_path("article-2022-sanpin-launch-provinces.txt")};
}
}  // namespace

TEST_CASE("next_number counts from reservations and registered documents") {
  TempDir t;
  auto a = Archive::init(t.path.string());
  CHECK(a.next_number("工信厅消费函", 2022) == 1);
  CHECK(a.next_number("工信厅消费函", 2022) == 2);
  CHECK(a.next_number("工信厅消费函", 2021) == 1);
  NewDocument d;
  d.wenhao = "工信厅消费函[2022]第010号";
  d.title = "关于测试的通知";
  d.date = "2022年6月30日";
  a.register_document(d);
  CHECK(a.next_number("工信厅消费函", 2022) == 11);
  CHECK_THROWS_AS(a.next_number("(2022)京01", 2022), gw::InputError);
}

TEST_CASE("registering a 文号 twice is an error unless replace") {
  TempDir t;
  auto a = Archive::init(t.path.string());
  NewDocument d;
  d.wenhao = "国发〔2022〕12号";
  d.title = "第一版";
  a.register_document(d);
  d.title = "第二版";
  CHECK_THROWS_AS(a.register_document(d), gw::InputError);
  a.register_document(d, true);
  auto r = a.show("国发[2022]12号");
  REQUIRE(r);
  CHECK(r->title == "第二版");
  CHECK(a.search("第二版", {}, SortBy::Relevance).size() == 1);
  CHECK(a.search("第一版", {}, SortBy::Relevance).empty());  // the FTS row went with the old record
}

TEST_CASE("void keeps the number in the register; gaps lists missing serials") {
  TempDir t;
  auto a = Archive::init(t.path.string());
  for (int i = 0; i < 3; ++i) a.next_number("国发", 2022);
  a.void_number("国发", 2022, 2, "起草有误");
  NewDocument d;
  d.wenhao = "国发〔2022〕6号";
  a.register_document(d);
  auto g = a.gaps();
  REQUIRE(g.size() == 1);
  CHECK(g[0].missing == std::vector<long>{4, 5});
  CHECK(g[0].duplicates.empty());
  auto rows = a.register_rows(2022);
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].wenhao == "国发〔2022〕1号");
  CHECK(rows[1].status == "作废：起草有误");
  CHECK(rows[3].wenhao == "国发〔2022〕6号");
  CHECK(rows[3].status == "已发");
  d.wenhao = "国发〔2022〕2号";
  CHECK_THROWS_AS(a.register_document(d), gw::InputError);  // voided
  CHECK_THROWS_AS(a.void_number("国发", 2022, 6, "x"), gw::InputError);  // issued
  CHECK_THROWS_AS(a.void_number("国发", 2022, 3, " "), gw::InputError);  // no reason
}

TEST_CASE("import the seeds, search in Chinese, look up by any 文号 variant") {
  TempDir t;
  auto a = Archive::init(t.path.string());
  auto res = a.import_paths(seeds());
  REQUIRE(res.size() == 5);
  for (auto& r : res) {
    INFO(r.path << " " << r.error);
    CHECK(r.error.empty());
    CHECK_FALSE(r.duplicate);
  }
  // Importing again keeps one record per file.
  auto again = a.import_paths(seeds());
  for (auto& r : again) CHECK(r.duplicate);

  auto hits = a.search("名品", {}, SortBy::Relevance);
  REQUIRE_FALSE(hits.empty());
  // The brand guideline is about 中国消费名品 throughout; the notice mentions 国潮名品 once.
  CHECK(hits[0].title == "中国消费名品方阵推荐工作指引");
  CHECK(hits[0].snippet.find("«名品»") != std::string::npos);

  auto nian = a.search("年货节", {}, SortBy::Relevance);
  REQUIRE(nian.size() == 1);
  CHECK(nian[0].wenhao == "工消费函〔2021〕885号");

  CHECK(a.search("名品 方阵", {}, SortBy::Relevance).size() == 1);
  // One character: 货 is in three seeds (grep): inside runs (年货节, 出货量) and ending one (国货“潮品”).
  auto huo = a.search("货", {}, SortBy::Relevance);
  REQUIRE(huo.size() == 3);
  CHECK(huo[0].wenhao == "工消费函〔2021〕885号");  // ten times, and in the title
  CHECK(a.search("三品 全国行", {}, SortBy::Relevance).size() >= 2);
  CHECK(a.search("不存在的词语组合", {}, SortBy::Relevance).empty());

  SearchFilters f;
  f.wenhao = "工信厅消费函[2022]第0156号";
  auto byno = a.search("", f, SortBy::Relevance);
  REQUIRE(byno.size() == 1);
  CHECK(byno[0].title == "工业和信息化部办公厅关于开展2022“三品”全国行活动的通知");

  SearchFilters dates;
  dates.from = "2022-01-01";
  dates.to = "2022年12月31日";
  auto in2022 = a.search("", dates, SortBy::Date);
  REQUIRE(in2022.size() == 1);
  CHECK(in2022[0].date == "2022-06-30");

  SearchFilters issuer;
  issuer.issuer = "消费品工业司";
  CHECK(a.search("", issuer, SortBy::Wenhao).size() == 1);

  // Syntax errors in the user's query are input errors.
  CHECK_THROWS_AS(a.search("名品 AND", {}, SortBy::Relevance), gw::InputError);
  CHECK_THROWS_AS(a.search("\"名品", {}, SortBy::Relevance), gw::InputError);
  dates.from = "昨天";
  CHECK_THROWS_AS(a.search("", dates, SortBy::Relevance), gw::InputError);
}

TEST_CASE("verify finds missing and altered files") {
  TempDir t;
  auto a = Archive::init(t.path.string());
  fs::create_directories(t.path / "out");
  std::string pdf = (t.path / "out" / "a.pdf").string();
  gw::write_file_atomic(pdf, "%PDF-1.4 fake");
  NewDocument d;
  d.wenhao = "国发〔2022〕1号";
  d.files.emplace_back(pdf, "pdf");
  a.register_document(d);
  CHECK(a.verify().empty());
  auto r = a.show("国发〔2022〕1号");
  REQUIRE(r->files.size() == 1);
  fs::path stored = t.path / r->files[0].path;
  fs::permissions(stored, fs::perms::owner_write, fs::perm_options::add);
  { std::ofstream(stored, std::ios::app) << "x"; }
  auto problems = a.verify();
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].problem.find("altered") == 0);
  fs::remove(stored);
  problems = a.verify();
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].problem == "missing");
}

TEST_CASE("opening a folder without an archive, or a damaged one, is an input error") {
  TempDir t;
  CHECK_THROWS_AS(Archive::open(t.path.string()), gw::InputError);
  fs::create_directories(t.path);
  gw::write_file_atomic((t.path / "archive.db").string(), std::string(4096, 'x'));
  CHECK_THROWS_AS(Archive::open(t.path.string()), gw::InputError);
}

namespace {
// 48 imported notices over three agencies, four years and two issuers each; 名品 occurs 0–4 times and
// 方阵 in every third one, so that ranking, date and 文号 order all have something to sort.
std::vector<std::pair<std::string, std::string>> varied_notices() {
  const char* agencies[] = {"国发", "商消费函", "京政发"};
  const char* issuers[] = {"国务院", "商务部", "北京市人民政府", "国务院办公厅", "商务部办公厅", "北京市发展改革委"};
  std::vector<std::pair<std::string, std::string>> out;
  for (int i = 0; i < 48; ++i) {
    int year = 2019 + i % 4;
    std::string body = "现将第" + std::to_string(i) + "批有关事项通知如下。";
    for (int k = 0; k < i % 5; ++k) body += "推荐消费名品。";
    if (i % 3 == 0) body += "建设名品方阵。";
    body += std::string(static_cast<size_t>(i % 7) * 3, '\n') + "请认真贯彻执行。";
    std::string text = std::string(agencies[i % 3]) + "〔" + std::to_string(year) + "〕" + std::to_string(i + 1) +
                       "号\n\n关于第" + std::to_string(i) + "批事项的通知\n\n各省、自治区、直辖市人民政府：\n\n" + body +
                       "\n\n" + issuers[i % 6] + "\n\n" + std::to_string(year) + "年" + std::to_string(i % 12 + 1) + "月" +
                       std::to_string(i % 28 + 1) + "日\n";
    out.emplace_back("v" + std::to_string(i) + ".txt", text);
  }
  return out;
}
}  // namespace

TEST_CASE("a text query with filters finds what the unfiltered query finds and the filters keep, by either plan") {
  TempDir t;
  auto a = Archive::init(t.path.string());
  for (auto& r : a.import_buffers(varied_notices())) REQUIRE(r.error.empty());
  struct Case {
    const char* name;
    SearchFilters f;
  };
  std::vector<Case> cases(7);
  cases[0] = {"year", {}};
  cases[0].f.year = 2021;
  cases[1] = {"agency+year", {}};
  cases[1].f.agency = "商消费函";
  cases[1].f.year = 2020;
  cases[2] = {"dates", {}};
  cases[2].f.from = "2020-03-01";
  cases[2].f.to = "2021年9月30日";
  cases[3] = {"issuer", {}};
  cases[3].f.issuer = "商务部";
  cases[4] = {"agency+issuer", {}};
  cases[4].f.agency = "国发";
  cases[4].f.issuer = "办公厅";
  cases[5] = {"wenhao", {}};
  cases[5].f.wenhao = "国发[2021]第31号";
  cases[6] = {"agency", {}};
  cases[6].f.agency = "京政发";
  int nonempty = 0, combinations = 0;
  for (const char* query : {"名品", "名品 方阵", "通知"}) {
    for (SortBy sort : {SortBy::Relevance, SortBy::Date, SortBy::Wenhao}) {
      auto everything = a.search(query, {}, sort, 1000);
      for (const auto& c : cases) {
        // What the filter keeps of the unfiltered result, in the same order.
        std::vector<long long> want;
        for (const auto& h : everything) {
          auto r = a.show("#" + std::to_string(h.id));
          REQUIRE(r);
          const auto& f = c.f;
          bool keep = (f.year == 0 || r->year == f.year) && (f.agency.empty() || r->agency == f.agency) &&
                      (f.from.empty() || r->date >= iso_date(f.from)) && (f.to.empty() || r->date <= iso_date(f.to)) &&
                      (f.wenhao.empty() || r->wenhao == "国发〔2021〕31号");
          if (!f.issuer.empty()) {
            bool any = false;
            for (auto& s : r->issuers) any = any || s.find(f.issuer) != std::string::npos;
            keep = keep && any;
          }
          if (keep) want.push_back(h.id);
        }
        if (want.size() > 5) want.resize(5);
        nonempty += !want.empty();
        ++combinations;
        // selective_candidates 1000: the filters' documents first; 0: the matches first.
        for (int threshold : {1000, 0}) {
          a.set_selective_candidates(threshold);
          std::vector<long long> got;
          for (const auto& h : a.search(query, c.f, sort, 5)) got.push_back(h.id);
          INFO(query << " " << c.name << " sort " << static_cast<int>(sort) << " threshold " << threshold);
          CHECK(got == want);
        }
      }
    }
  }
  // The cases are not vacuous: all keep something except 名品 方阵 (only in 国发 documents) with the
  // filters 商消费函 / 京政发 and 商务部, in each of the three orders,
  CHECK(combinations == 63);
  CHECK(nonempty == 54);
  // and 名品 with a year filter finds documents, but fewer than without.
  a.set_selective_candidates(1000);
  SearchFilters y;
  y.year = 2021;
  auto in2021 = a.search("名品", y, SortBy::Relevance, 1000);
  CHECK_FALSE(in2021.empty());
  CHECK(in2021.size() < a.search("名品", {}, SortBy::Relevance, 1000).size());
  REQUIRE(a.search("通知", cases[5].f, SortBy::Relevance).size() == 1);
}

TEST_CASE("an archive of schema 2 opens and gains the year index and the merge settings") {
  TempDir t;
  {
    auto a = Archive::init(t.path.string());
    a.import_paths(seeds());
    // What schema 2 looked like: no index on documents(year).
    a.db().exec("DROP INDEX documents_year");
    a.db().exec("DELETE FROM doc_fts_config WHERE k IN ('automerge', 'crisismerge')");  // schema 4
    a.db().exec("PRAGMA user_version = 2");
  }
  auto a = Archive::open(t.path.string());
  Stmt v(a.db(), "SELECT (SELECT user_version FROM pragma_user_version), "
                 "(SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'documents_year')");
  REQUIRE(v.step());
  CHECK(v.integer(0) == gw::archive::kSchemaVersion);
  CHECK(v.integer(1) == 1);
  Stmt merge(a.db(), "SELECT group_concat(k || '=' || v, ' ') FROM "
                     "(SELECT k, v FROM doc_fts_config WHERE k IN ('automerge', 'crisismerge') ORDER BY k)");
  REQUIRE(merge.step());
  CHECK(merge.text(0) == "automerge=16 crisismerge=64");
  SearchFilters y;
  y.year = 2021;
  auto hits = a.search("年货节", y, SortBy::Relevance);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].wenhao == "工消费函〔2021〕885号");
  CHECK(a.verify().empty());
}

TEST_CASE("the register lists documents without a 文号 after the numbered ones, by date") {
  TempDir t;
  auto a = Archive::init(t.path.string());
  auto doc = [&](const std::string& wenhao, const std::string& title, const std::string& date) {
    NewDocument d;
    d.wenhao = wenhao;
    d.title = title;
    d.date = date;
    a.register_document(d);
  };
  doc("", "无号二", "2022年9月1日");
  doc("国发〔2022〕2号", "国发二", "2022年1月5日");
  doc("", "无号无日期", "");
  doc("", "无号一", "2022年3月1日");
  doc("", "无号上年", "2021年12月31日");
  doc("国发〔2022〕1号", "国发一", "2022年12月1日");
  a.next_number("国发", 2022);  // 3号, reserved
  std::vector<std::string> titles, numbers;
  for (const auto& r : a.register_rows(2022)) {
    titles.push_back(r.title);
    numbers.push_back(r.wenhao);
  }
  CHECK(titles == std::vector<std::string>{"国发一", "国发二", "", "无号一", "无号二"});
  CHECK(numbers == std::vector<std::string>{"国发〔2022〕1号", "国发〔2022〕2号", "国发〔2022〕3号", "", ""});
  titles.clear();
  for (const auto& r : a.register_rows()) titles.push_back(r.title);
  CHECK(titles == std::vector<std::string>{"国发一", "国发二", "", "无号上年", "无号一", "无号二", "无号无日期"});
  CHECK(a.register_rows(2022)[3].status == "已发");
}

TEST_CASE("an import whose file cannot be stored commits none of its batch; the rerun completes") {
  TempDir t;
  auto a = Archive::init(t.path.string());
  auto docs = varied_notices();
  docs.resize(10);
  // A plain file where the store's folder for the 7th document must go: writing it fails.
  std::string blocked = gw::sha256_hex(docs[6].second).substr(0, 2);
  gw::write_file_atomic((t.path / "files" / blocked).string(), "not a folder");
  ImportOptions batch4;
  batch4.batch = 4;
  CHECK_THROWS_AS(a.import_buffers(docs, batch4), gw::InputError);
  // The first batch (documents 0–3) was committed with its files; the failing batch left no row.
  auto first = a.search("通知", {}, SortBy::Relevance, 100);
  CHECK(first.size() == 4);
  CHECK(a.verify().empty());
  fs::remove(t.path / "files" / blocked);
  auto again = a.import_buffers(docs, batch4);
  int added = 0;
  for (auto& r : again) added += r.duplicate ? 0 : 1;
  CHECK(added == 6);
  CHECK(a.search("通知", {}, SortBy::Relevance, 100).size() == 10);
  CHECK(a.verify().empty());
}

TEST_CASE("an import reports every file in the order given, whatever the preparing thread ran into") {
  // Files are read and recognised on a second thread ahead of the inserts (import.cc); more files than
  // it may hold at once, with an unreadable path, a broken .docx and a copy of an earlier file among them.
  TempDir t;
  auto a = Archive::init(t.path.string());
  fs::path src = t.path.parent_path() / (t.path.filename().string() + "-src");
  fs::create_directories(src);
  std::vector<std::string> paths;
  std::vector<std::string> wenhao;  // expected per path; "" where an error or a duplicate is expected
  auto notices = varied_notices();
  for (int round = 0; round < 3; ++round)
    for (size_t i = 0; i < notices.size(); ++i) {
      // Rounds differ by a line, so that all 144 files are new content.
      fs::path p = src / (std::to_string(round) + "-" + notices[i].first);
      gw::write_file_atomic(p.string(), notices[i].second + std::string(static_cast<size_t>(round), '\n'));
      paths.push_back(p.string());
    }
  paths.insert(paths.begin() + 10, (src / "missing.txt").string());
  gw::write_file_atomic((src / "broken.docx").string(), "PK not a zip");
  paths.insert(paths.begin() + 70, (src / "broken.docx").string());
  paths.push_back(paths[3]);  // the same file again in the same import
  ImportOptions small;
  small.batch = 16;
  auto res = a.import_paths(paths, small);
  REQUIRE(res.size() == paths.size());
  long long last_id = 0;
  for (size_t i = 0; i < res.size(); ++i) {
    INFO(i << " " << res[i].path << " " << res[i].error);
    CHECK(res[i].path == paths[i]);
    if (i == 10 || i == 70) {
      CHECK_FALSE(res[i].error.empty());
      CHECK(res[i].id == 0);
    } else if (i + 1 == res.size()) {
      CHECK(res[i].duplicate);
      CHECK(res[i].id == res[3].id);
    } else {
      CHECK(res[i].error.empty());
      CHECK(res[i].id > last_id);  // inserted in the order given
      last_id = res[i].id;
      CHECK_FALSE(res[i].wenhao.empty());
    }
  }
  CHECK(a.search("通知", {}, SortBy::Relevance, 1000).size() == 144);
  CHECK(a.verify().empty());
  fs::remove_all(src);
}
