// generator/batch: the print file (merge.cc) read back with qpdf's own document helpers — page count,
// the blank pages that put every document on an odd page, one outline item per document pointing at
// its first page, page labels restarting per document, deterministic bytes — the cover-letter
// template (placeholders, escaping, dropped lines, errors with their line) and planning over the
// sample data (records set aside with row and rule, packets per province).
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFOutlineDocumentHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageLabelDocumentHelper.hh>
#include <sys/resource.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <filesystem>
#include <atomic>
#include <cctype>
#include <map>
#include <set>
#include <string>

#include "base/diagnostic.h"
#include "base/files.h"
#include "base/sha256.h"
#include "base/utf8.h"
#include "batch/application_forms.h"
#include "batch/cover_letter.h"
#include "batch/manifest.h"
#include "batch/merge.h"
#include "batch/packet.h"
#include "batch/runner.h"
#include "export/pdf/pdf_writer.h"
#include "forms/read.h"
#include "template/font_map_reader.h"

using namespace gw;
namespace fs = std::filesystem;

namespace {

const fonts::FontSet& font_set() {
  static fonts::FontSet fs = fonts::FontSet::open(fonts::read_font_map(fonts::default_font_map_path()));
  return fs;
}

struct TempDir {
  fs::path path;
  TempDir() {
    std::string t = (fs::temp_directory_path() / "gw-batch-XXXXXX").string();
    if (!mkdtemp(t.data())) throw std::runtime_error("mkdtemp failed");
    path = t;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

// A PDF of `pages` pages, each with one rule (no text, so no fonts are embedded).
std::string pdf_with_pages(const fs::path& dir, const std::string& name, int pages, bool landscape = false) {
  layout::Document doc;
  for (int i = 0; i < pages; ++i) {
    layout::Page p;
    if (landscape) std::swap(p.width_mm, p.height_mm);
    p.rules.push_back(layout::Rule{"table", 20, 20, 100, 20, 0.35});
    doc.pages.push_back(p);
  }
  std::string path = (dir / name).string();
  write_file_atomic(path, pdf::write_pdf(doc, font_set()));
  return path;
}

std::string label_prefix(QPDFObjectHandle label) {
  return label.isDictionary() && label.hasKey("/P") ? label.getKey("/P").getUTF8Value() : "";
}

}  // namespace

TEST_CASE("the print file puts every document on an odd page, with a bookmark and page labels each") {
  TempDir tmp;
  // 1, 2, 3 (landscape) and 1 pages: blanks after the 1st and the 3rd, none after the last.
  std::vector<batch::MergeInput> in = {
      {pdf_with_pages(tmp.path, "a.pdf", 1), "推荐函（闽工信消费函〔2024〕215号）", "推荐函-"},
      {pdf_with_pages(tmp.path, "b.pdf", 2), "附件5 中国消费名品方阵推荐汇总表", "附件5-"},
      {pdf_with_pages(tmp.path, "c.pdf", 3, true), "附件3-1 福州榕鞋智造有限公司：基于消费大数据的运动鞋楦型设计平台", "附件3-1-"},
      {pdf_with_pages(tmp.path, "d.pdf", 1), "附件4-1 闽跑（厦门翔安闽跑体育用品有限公司）", "附件4-1-"},
  };
  batch::MergeInfo info{"福建省工业和信息化厅推荐材料", "福建省工业和信息化厅", "中国消费名品方阵推荐材料", "福建省"};
  batch::MergeResult m = batch::merge_pdfs(in, info);
  CHECK(m.pages == 9);
  CHECK(m.blank_pages == 2);
  CHECK(m.start_pages == std::vector<int>{1, 3, 5, 9});

  QPDF q;
  q.processMemoryFile("merged.pdf", m.bytes.data(), m.bytes.size());
  auto pages = QPDFPageDocumentHelper(q).getAllPages();
  REQUIRE(pages.size() == 9);
  auto index_of = [&](QPDFObjectHandle page) {
    for (size_t i = 0; i < pages.size(); ++i)
      if (pages[i].getObjectHandle().getObjGen() == page.getObjGen()) return static_cast<int>(i) + 1;
    return 0;
  };

  SECTION("one top-level bookmark per document, in order, each at the document's first page") {
    auto outlines = QPDFOutlineDocumentHelper(q).getTopLevelOutlines();
    REQUIRE(outlines.size() == in.size());
    for (size_t i = 0; i < in.size(); ++i) {
      CHECK(outlines[i].getTitle() == in[i].title);
      CHECK(index_of(outlines[i].getDestPage()) == m.start_pages[i]);
      CHECK(m.start_pages[i] % 2 == 1);
    }
  }

  SECTION("page labels restart per document; blank pages are labelled as blank, unnumbered") {
    QPDFPageLabelDocumentHelper labels(q);
    REQUIRE(labels.hasPageLabels());
    for (size_t i = 0; i < in.size(); ++i) {
      auto l = labels.getLabelForPage(m.start_pages[i] - 1);
      CHECK(label_prefix(l) == in[i].label);
      CHECK(l.getKey("/S").getName() == "/D");
      CHECK(l.getKey("/St").getIntValue() == 1);
    }
    for (int blank : {2, 8}) {
      auto l = labels.getLabelForPage(blank - 1);
      CHECK_FALSE(l.hasKey("/S"));
      CHECK(label_prefix(l).find("空白页") != std::string::npos);
    }
  }

  SECTION("blank pages are empty and take the size of the page before them") {
    for (int blank : {2, 8}) {
      auto page = pages[static_cast<size_t>(blank - 1)];
      CHECK(page.getObjectHandle().getKey("/Contents").getStreamData()->getSize() == 0);
      auto box = page.getMediaBox().getArrayAsRectangle();
      auto before = pages[static_cast<size_t>(blank - 2)].getMediaBox().getArrayAsRectangle();
      CHECK(box.urx == before.urx);
      CHECK(box.ury == before.ury);
    }
    // The landscape document keeps its orientation in the print file.
    auto c = pages[4].getMediaBox().getArrayAsRectangle();
    CHECK(c.urx > c.ury);
  }

  SECTION("document information is set; no dates unless asked") {
    auto doc_info = q.getTrailer().getKey("/Info");
    CHECK(doc_info.getKey("/Title").getUTF8Value() == info.title);
    CHECK(doc_info.getKey("/Author").getUTF8Value() == info.author);
    CHECK_FALSE(doc_info.hasKey("/CreationDate"));
    CHECK(q.getRoot().getKey("/PageMode").getName() == "/UseOutlines");
  }

  SECTION("the same inputs give the same bytes; --timestamp dates the file") {
    CHECK(batch::merge_pdfs(in, info).bytes == m.bytes);
    std::string path = (tmp.path / "merged.pdf").string();
    auto f = batch::merge_pdfs_to_file(in, info, path);
    CHECK(f.bytes.empty());
    CHECK(f.pages == m.pages);
    CHECK(read_file(path) == m.bytes);
    // Hashed as written, for the manifest: the file's own SHA-256 and size.
    CHECK(f.sha256 == sha256_hex(m.bytes));
    CHECK(f.size == static_cast<long long>(m.bytes.size()));
    batch::MergeInfo dated = info;
    dated.timestamp = true;
    batch::MergeResult t = batch::merge_pdfs(in, dated);
    QPDF qt;
    qt.processMemoryFile("dated.pdf", t.bytes.data(), t.bytes.size());
    CHECK(qt.getTrailer().getKey("/Info").getKey("/CreationDate").getUTF8Value().rfind("D:", 0) == 0);
  }
}

namespace {

// A one-page form: fixed words in two roles, then `data` (none for the skeleton).
layout::Document form_doc(const std::string& data) {
  const fonts::FontSet& fonts = font_set();
  layout::Document d;
  layout::Page p;
  auto line = [&](const std::string& role, const std::string& text, double baseline_mm) {
    layout::TextLine l;
    l.role = l.font_role = role;
    l.size_pt = 16;
    l.x_mm = 28;
    l.baseline_mm = baseline_mm;
    l.text = text;
    double x = 28;
    for (char32_t cp : to_u32(text)) {
      layout::Glyph g;
      g.cp = cp;
      g.face = fonts.face_for(role, cp);
      g.x_mm = x;
      g.advance_mm = fonts.advance_em(g.face, cp) * 16 * 25.4 / 72;
      x += g.advance_mm;
      l.glyphs.push_back(g);
    }
    p.lines.push_back(l);
  };
  line("heading-1", "一、基本信息", 40);
  line("body", "本单位郑重承诺：申报材料真实、准确、完整。", 60);
  if (!data.empty()) line("body", data, 80);
  d.pages.push_back(p);
  return d;
}

// Font objects referenced by the pages of a PDF, by /BaseFont, and the number of references.
std::map<std::string, std::set<QPDFObjGen>> fonts_by_name(QPDF& q, int* references) {
  std::map<std::string, std::set<QPDFObjGen>> out;
  *references = 0;
  for (auto& page : QPDFPageDocumentHelper(q).getAllPages()) {
    QPDFObjectHandle fonts = page.getObjectHandle().getKey("/Resources").getKey("/Font");
    for (const auto& key : fonts.getKeys()) {
      QPDFObjectHandle f = fonts.getKey(key);
      out[f.getKey("/BaseFont").getName()].insert(f.getObjGen());
      ++*references;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("a font several documents embed alike is kept once in the print file, a different one is not") {
  TempDir tmp;
  const fonts::FontSet& fonts = font_set();
  pdf::SharedFonts shared(form_doc(""), fonts);
  pdf::PdfOptions opts;
  opts.shared = &shared;
  std::vector<batch::MergeInput> in;
  long long input_bytes = 0;
  for (const std::string data : {"福州榕鞋智造有限公司", "厦门鹭岛饮品科技有限公司", "德化县人民政府"}) {
    std::string path = (tmp.path / (std::to_string(in.size()) + ".pdf")).string();
    std::string bytes = pdf::write_pdf(form_doc(data), fonts, opts);
    input_bytes += static_cast<long long>(bytes.size());
    write_file_atomic(path, bytes);
    in.push_back({path, data, data + "-"});
  }
  // The same fonts by name, compressed at the other level: other bytes, so not the same fonts.
  opts.compression = pdf::PdfOptions::Compression::kFast;
  std::string other = (tmp.path / "other.pdf").string();
  write_file_atomic(other, pdf::write_pdf(form_doc("福州榕鞋智造有限公司"), fonts, opts));

  batch::MergeResult m = batch::merge_pdfs(in, {});
  QPDF q;
  q.processMemoryFile("merged.pdf", m.bytes.data(), m.bytes.size());
  int refs = 0;
  auto by_name = fonts_by_name(q, &refs);
  CHECK(refs == 9);             // three fonts on each document's page
  CHECK(by_name.size() == 5);   // the two shared fonts and each document's own body font
  for (const auto& [name, objects] : by_name) CHECK(objects.size() == 1);
  CHECK(static_cast<long long>(m.bytes.size()) < input_bytes);

  in.push_back({other, "other", "other-"});
  batch::MergeResult m2 = batch::merge_pdfs(in, {});
  QPDF q2;
  q2.processMemoryFile("merged2.pdf", m2.bytes.data(), m2.bytes.size());
  auto by_name2 = fonts_by_name(q2, &refs);
  CHECK(refs == 12);
  CHECK(by_name2.size() == 5);  // the same names…
  size_t objects = 0;
  for (const auto& entry : by_name2) objects += entry.second.size();
  CHECK(objects == 5 + 3);      // …but the fourth document's three fonts are its own
}

TEST_CASE("the characters most of a packet's 申报书 print are found, and shared like the fixed words") {
  auto app = [](forms::Kind kind, const std::string& name, const std::string& story) {
    forms::Application a;
    a.kind = kind;
    a.name.text = name;
    a.sections.push_back({"案例背景", forms::Field{story}});
    return a;
  };
  std::vector<forms::Application> apps = {
      app(forms::Kind::TypicalCase, "甲有限公司", "消费"), app(forms::Kind::TypicalCase, "乙有限公司", "消费"),
      app(forms::Kind::TypicalCase, "丙有限公司", "品牌"), app(forms::Kind::TypicalCase, "丁科技", "品牌 升级"),
      app(forms::Kind::TypicalCase, "戊科技", "品牌"),
      // Another kind does not count towards 附件3's characters.
      app(forms::Kind::EnterpriseBrand, "甲科技", "消费"), app(forms::Kind::EnterpriseBrand, "乙科技", "消费")};
  // In at least half of the five 附件3 (3 of 5): 有限公司 and 品牌; 科技 and 消费 are in two only.
  CHECK(batch::common_characters(apps, forms::Kind::TypicalCase) == U"公司品有牌限");
  // Two 附件4 are fewer than sharing needs (kMinSharing).
  CHECK(batch::common_characters(apps, forms::Kind::EnterpriseBrand).empty());
  apps.resize(3);
  CHECK(batch::common_characters(apps, forms::Kind::TypicalCase).empty());

  // Shared, the common characters leave each document's own font and reach the print file once.
  TempDir tmp;
  const fonts::FontSet& fonts = font_set();
  const model::Style style = model::Style::gbt9704();
  auto common = batch::value_faces(U"有限公司", style, fonts);
  REQUIRE(common.size() == 1);
  CHECK(common.begin()->first == fonts.face_for(style.element("body").font_role, U'有'));
  pdf::SharedFonts skeleton_only(form_doc(""), fonts), with_common(form_doc(""), fonts, common);
  // The print file of two documents; how many of its fonts map a glyph to 有 (U+6709).
  auto fonts_with_you = [&](pdf::SharedFonts& shared, const std::string& name) {
    pdf::PdfOptions opts;
    opts.shared = &shared;
    std::vector<batch::MergeInput> in;
    for (const std::string data : {"福州榕鞋智造有限公司", "厦门鹭岛饮品科技有限公司"}) {
      std::string path = (tmp.path / (name + std::to_string(in.size()) + ".pdf")).string();
      write_file_atomic(path, pdf::write_pdf(form_doc(data), fonts, opts));
      in.push_back({path, data, data + "-"});
    }
    batch::MergeResult m = batch::merge_pdfs(in, {});
    QPDF q;
    q.processMemoryFile("merged.pdf", m.bytes.data(), m.bytes.size());
    int refs = 0, with = 0;
    for (const auto& [base_font, objects] : fonts_by_name(q, &refs))
      for (const auto& og : objects) {
        auto data = q.getObjectByObjGen(og).getKey("/ToUnicode").getStreamData();
        std::string cmap(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
        for (auto& c : cmap) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        with += cmap.find("<6709>") != std::string::npos;
      }
    CHECK(refs == 6);  // three fonts on each document's page
    return with;
  };
  CHECK(fonts_with_you(skeleton_only, "a") == 2);  // each document's own body font
  CHECK(fonts_with_you(with_common, "b") == 1);    // the shared one, kept once
}

TEST_CASE("a packet of more documents than the process may open files is merged") {
  TempDir tmp;
  std::vector<batch::MergeInput> in;
  for (int i = 0; i < 300; ++i)
    in.push_back({pdf_with_pages(tmp.path, std::to_string(i) + ".pdf", 1), "D" + std::to_string(i), ""});
  struct rlimit old {};
  REQUIRE(getrlimit(RLIMIT_NOFILE, &old) == 0);
  struct rlimit low = old;
  low.rlim_cur = 100;  // fewer than the documents; qpdf reads their pages only when writing
  REQUIRE(setrlimit(RLIMIT_NOFILE, &low) == 0);
  batch::MergeResult m;
  std::string error;
  try {
    m = batch::merge_pdfs(in, {});
  } catch (const std::exception& e) {
    error = e.what();
  }
  setrlimit(RLIMIT_NOFILE, &old);
  INFO(error);
  CHECK(error.empty());
  CHECK(m.pages == 300 + 299);  // each one-page document followed by a blank page, but the last
  QPDF q;
  q.processMemoryFile("merged.pdf", m.bytes.data(), m.bytes.size());
  auto pages = QPDFPageDocumentHelper(q).getAllPages();
  REQUIRE(pages.size() == 599);
  // The first document's file was closed long before the write and opened again: its page is whole.
  QPDF first;
  first.processFile(in.front().path.c_str());
  auto contents = [](QPDFPageObjectHelper p) { return p.getObjectHandle().getKey("/Contents").getStreamData()->getSize(); };
  CHECK(contents(pages.front()) > 0);
  CHECK(contents(pages.front()) == contents(QPDFPageDocumentHelper(first).getAllPages().front()));
}

TEST_CASE("a single document gets no blank page; an unreadable input names the file") {
  TempDir tmp;
  auto m = batch::merge_pdfs({{pdf_with_pages(tmp.path, "a.pdf", 3), "A", "A-"}}, {});
  CHECK(m.pages == 3);
  CHECK(m.blank_pages == 0);
  write_file_atomic((tmp.path / "broken.pdf").string(), "%PDF-1.4\nnot a pdf");
  try {
    batch::merge_pdfs({{(tmp.path / "broken.pdf").string(), "B", "B-"}}, {});
    FAIL("no exception");
  } catch (const std::runtime_error& e) {
    CHECK(std::string(e.what()).find("broken.pdf") != std::string::npos);
  }
  CHECK(batch::pdf_page_count((tmp.path / "a.pdf").string()) == 3);
}

TEST_CASE("cover-letter template: escaped values, optional lines, comments, errors with the line") {
  std::map<std::string, std::string> v = {{"推荐单位", "A&B<厅>"}, {"空", ""}, {"有", "x"}};
  CHECK(batch::fill_template("<issuer>{{推荐单位}}</issuer>", v, "t.xml") == "<issuer>A&amp;B&lt;厅&gt;</issuer>");
  // A dropped line keeps its newline, so the reader's line numbers still match the template.
  CHECK(batch::fill_template("a\n<item>{{?空}}</item>\n<item>{{?有}}</item>\nb", v, "t.xml") == "a\n\n<item>x</item>\nb");
  CHECK(batch::fill_template("<!-- {{key}} is\n documented {{here}} -->{{有}}", v, "t.xml") ==
        "<!-- {{key}} is\n documented {{here}} -->x");
  try {
    batch::fill_template("line one\n  <title>{{标题}}</title>", v, "t.xml");
    FAIL("no exception");
  } catch (const InputError& e) {
    CHECK(format(e.diagnostic()).rfind("t.xml:2:10: error: unknown placeholder {{标题}}", 0) == 0);
  }
  CHECK_THROWS_AS(batch::fill_template("{{推荐单位", v, "t.xml"), InputError);
}

TEST_CASE("letter values count the lists and leave out forms the packet does not hold") {
  batch::LetterCounts c{8, 10, 2, false};
  auto v = batch::letter_values("福建省工业和信息化厅", "福建省", "闽工信消费函〔2024〕215号", "2024-11-05", c);
  CHECK(v["日期"] == "2024年11月5日");
  CHECK(v["年度"] == "2024");
  CHECK(v["推荐事项"] == "“数字三品”应用场景典型案例和中国消费名品");
  CHECK(v["推荐内容"] == "“数字三品”应用场景典型案例8个、中国消费名品12个（企业品牌10个、区域品牌2个）");
  CHECK(v["典型案例申报书"].empty());
  c.application_forms = true;
  c.typical_cases = 0;
  v = batch::letter_values("x", "y", "z", "2024-11-05", c);
  CHECK(v["推荐事项"] == "中国消费名品");
  CHECK(v["典型案例申报书"].empty());
  CHECK(v["消费名品申报书"] == "中国消费名品申报书（12份）");
}

TEST_CASE("the default template makes a 信函格式 letter that reads back") {
  auto v = batch::letter_values("福建省工业和信息化厅", "福建省", "闽工信消费函〔2024〕215号", "2024-11-05",
                                batch::LetterCounts{8, 10, 2, true});
  std::string path = batch::default_letter_template();
  model::Notice n = batch::make_cover_letter(path, read_file(path), v, nullptr);
  CHECK(n.format == model::Format::Letter);
  CHECK(n.doc_number.text == "闽工信消费函〔2024〕215号");
  CHECK(n.recipients.text == "工业和信息化部消费品工业司：");
  REQUIRE(n.attachment_names.size() == 3);
  CHECK(n.attachment_names[1].text == "“数字三品”应用场景典型案例申报书（8份）");
  CHECK(n.date.text == "2024年11月5日");
}

TEST_CASE("file names keep Chinese names and lose what file systems refuse") {
  CHECK(batch::safe_file_part("福州榕鞋智造有限公司") == "福州榕鞋智造有限公司");
  CHECK(batch::safe_file_part("A/B\\C:D*?\"<>|") == "A_B_C_D______");
  CHECK(batch::safe_file_part("..") == "_");
}

TEST_CASE("planning the broken sample: records set aside with row and rule, the rest grouped by province") {
  batch::PlanOptions o;
  auto quotas = forms::Quotas::load(forms::forms_data_dir() + "/quotas.json");
  o.quotas = &quotas;
  o.letter_template = batch::default_letter_template();
  batch::Plan plan = batch::plan_batch({std::string(GW_SOURCE_DIR) + "/samples/forms/broken.csv"}, forms::default_columns(), o);
  CHECK(plan.records == 21);
  CHECK(plan.skipped_records == 16);  // samples/forms/README.md: lines 2–7 and 9–17 and 21
  auto has = [&](int line, const std::string& clause) {
    for (const auto& p : plan.problems)
      if (p.diagnostic.loc.line == line && p.diagnostic.clause == clause) return true;
    return false;
  };
  CHECK(has(9, "forms.md rule 3"));
  CHECK(has(21, "forms.md rule 8"));
  CHECK(has(10, "forms.md rule 4"));
  REQUIRE(plan.packets.size() == 2);
  CHECK(plan.packets[0].province == "福建省");
  CHECK(plan.packets[0].apps.size() == 2);  // lines 8 and 22
  CHECK(plan.packets[1].province == "西藏自治区");
  CHECK(plan.packets[1].apps.size() == 3);  // lines 18–20: the fourth is over the quota
  CHECK(plan.packets[1].wenhao == "藏经信函〔2024〕36号");
  CHECK(plan.packets[1].documents.front().kind == batch::DocKind::Letter);
  CHECK(plan.packets[1].documents[1].kind == batch::DocKind::Summary);
}

TEST_CASE("a province without 推荐函文号 is reported, or takes a reserved number") {
  TempDir tmp;
  std::string csv = read_file(std::string(GW_SOURCE_DIR) + "/samples/forms/province.csv");
  // Blank the 推荐函文号 column (the last one) on every row.
  std::string out;
  size_t start = 0;
  bool header = true;
  while (start < csv.size()) {
    size_t end = csv.find("\r\n", start);
    std::string line = csv.substr(start, end - start);
    if (!header && line.size() > 20 && line.find("闽工信消费函〔2024〕215号") == line.size() - std::string("闽工信消费函〔2024〕215号").size())
      line.erase(line.size() - std::string("闽工信消费函〔2024〕215号").size());
    header = false;
    out += line + "\r\n";
    if (end == std::string::npos) break;
    start = end + 2;
  }
  fs::copy(std::string(GW_SOURCE_DIR) + "/samples/forms/narratives", tmp.path / "narratives");
  std::string path = (tmp.path / "p.csv").string();
  write_file_atomic(path, out);

  batch::PlanOptions o;
  o.letter_template = batch::default_letter_template();
  batch::Plan plan = batch::plan_batch({path}, forms::default_columns(), o);
  CHECK(plan.packets.empty());
  REQUIRE(plan.problems.size() == 1);
  CHECK(plan.problems[0].diagnostic.message.find("没有推荐函文号") != std::string::npos);

  int calls = 0;
  o.reserve_wenhao = [&](const batch::Packet&, const std::string& agency, int year) -> std::optional<std::string> {
    ++calls;
    CHECK(agency.empty());
    CHECK(year == 2024);
    return "闽工信消费函〔2024〕7号";
  };
  plan = batch::plan_batch({path}, forms::default_columns(), o);
  CHECK(calls == 1);
  REQUIRE(plan.packets.size() == 1);
  CHECK(plan.packets[0].wenhao == "闽工信消费函〔2024〕7号");
  CHECK(plan.packets[0].wenhao_source == "archive");
}

TEST_CASE("EarlyFonts: the sets opened early are handed out first, then more are opened; an error reaches the taker") {
  std::atomic<int> opened{0};
  {
    batch::EarlyFonts early(
        [&] {
          ++opened;
          return fonts::FontSet::open(fonts::FontMap{});
        },
        2);
    CHECK(early.take().face_count() == 0);
    CHECK(early.take().face_count() == 0);
    CHECK(opened == 2);  // both were the early ones
    CHECK(early.take().face_count() == 0);
    CHECK(opened == 3);  // the third was opened when asked
  }
  {
    // Destroyed with early sets nobody took: it waits for them, nothing leaks or hangs.
    batch::EarlyFonts unused([&] { return ++opened, fonts::FontSet::open(fonts::FontMap{}); }, 2);
  }
  CHECK(opened == 5);
  batch::EarlyFonts failing([]() -> fonts::FontSet { throw std::runtime_error("no font file"); }, 1);
  CHECK_THROWS_WITH(failing.take(), "no font file");
  CHECK_THROWS_WITH(failing.take(), "no font file");  // and so does one opened later
}

TEST_CASE("the manifest is written element by element as the JSON tree would print it") {
  using nlohmann::ordered_json;
  gw::batch::Manifest m;
  // What the tree gives for the same content, built as manifest.cc built it before it streamed.
  auto tree = [](const gw::batch::Manifest& m) {
    ordered_json j;
    j["generator"] = "gongwen batch";
    if (!m.generated.empty()) j["generated"] = m.generated;
    j["packets"] = ordered_json::array();
    for (const auto& p : m.packets)
      j["packets"].push_back(ordered_json{{"province", p.province}, {"recommender", p.recommender}, {"wenhao", p.wenhao},
                                          {"wenhao_source", p.wenhao_source}, {"print_file", p.merged_file},
                                          {"documents", p.documents}, {"pages", p.pages}, {"blank_pages", p.blank_pages},
                                          {"complete", p.complete}});
    j["files"] = ordered_json::array();
    for (const auto& f : m.files)
      j["files"].push_back(ordered_json{{"file", f.file}, {"kind", f.kind}, {"province", f.province}, {"title", f.title},
                                        {"pages", f.pages}, {"sha256", f.sha256}, {"bytes", f.bytes}, {"inputs", f.fingerprint}});
    j["problems"] = ordered_json::array();
    for (const auto& p : m.problems)
      j["problems"].push_back(ordered_json{{"file", p.file}, {"line", p.line}, {"province", p.province},
                                           {"severity", p.severity}, {"message", p.message}, {"clause", p.clause}});
    return j.dump(2) + "\n";
  };
  CHECK(gw::batch::manifest_json(m) == tree(m));  // empty arrays
  m.generated = "2026-12-06T05:00:00Z";
  m.packets.push_back({"福建省", "福建省工业和信息化厅", "闽工信消费函〔2024〕215号", "data", "福建省-合订本.pdf", 3, 12, 1, true});
  m.packets.push_back({"西藏自治区", "西藏自治区经济和信息化厅", "", "archive", "西藏自治区-合订本.pdf", 2, 4, 0, false});
  m.files.push_back({"福建省/1-推荐函.pdf", "letter", "福建省", "推荐函（闽工信消费函〔2024〕215号）", 2, std::string(64, 'a'), 12345, "f1"});
  m.files.push_back({"福建省/2-附件3-1-\"引号\"\n换行.pdf", "application", "福建省", "标题\t制表", 5, std::string(64, 'b'), 678, "f2"});
  m.problems.push_back({"broken.csv", 3, "福建省", "error", "第3行「某公司」：…", "forms.md rule 1"});
  const std::string text = gw::batch::manifest_json(m);
  CHECK(text == tree(m));
  CHECK(nlohmann::json::parse(text)["files"][1]["file"] == "福建省/2-附件3-1-\"引号\"\n换行.pdf");
}
