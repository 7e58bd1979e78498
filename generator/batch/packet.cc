// Planning packets; see packet.h.
#include "batch/packet.h"

#include "batch/summary_form.h"

#include <algorithm>
#include <map>
#include <set>

#include "base/files.h"
#include "base/sha256.h"
#include "base/utf8.h"
#include "batch/application_forms.h"
#include "batch/cover_letter.h"
#include "check/check_notice.h"
#include "forms/dates.h"
#include "forms/read.h"
#include "forms/summary.h"
#include "forms/validate.h"
#include "text/wenhao.h"

namespace gw::batch {
namespace {

bool starts_with(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }

// Everything a 申报书 prints, in a fixed order, for its fingerprint: every value of the record, each
// as "id=<length>:<text>" (a text may hold newlines).
std::string serialize(const forms::Application& a) {
  std::string s = std::string("kind=") + forms::kind_name(a.kind) + "\n";
  forms::for_each_field(a, [&s](const std::string& id, const forms::Field& f) {
    s += id;
    s += '=';
    s += std::to_string(f.text.size());
    s += ':';
    s += f.text;
    s += '\n';
  });
  return s;
}

std::string serialize(const layout::SummaryForm& f) {
  std::string s = f.label + "\n" + f.title + "\n";
  for (const auto& h : f.head_lines) s += h + "\n";
  for (const auto& t : f.tables) {
    s += "table=" + t.caption + "\n";
    for (const auto& h : t.header) s += h + "\t";
    s += "\n";
    for (const auto& r : t.rows) {
      for (const auto& c : r) s += c + "\t";
      s += "\n";
    }
  }
  return s;
}

std::string fingerprint(const std::string& kind, const std::string& content, const std::string& environment) {
  return sha256_hex(kind + "\n" + environment + "\n" + content);
}

std::string province_of(const forms::Application& a) {
  return a.province.empty() ? a.recommender.text : a.province.text;
}

// Zero-padded to the width of `total` so that the files of a packet list in print order.
std::string numbered(size_t n, size_t total) {
  std::string s = std::to_string(n), t = std::to_string(total);
  return std::string(t.size() > s.size() ? t.size() - s.size() : 0, '0') + s;
}

struct Resolved {
  std::string wenhao, source;
};

// The letter's 文号: given in the data (the same on every row of the province), else reserved.
std::optional<Resolved> resolve_wenhao(const Packet& p, const std::vector<forms::Application>& apps, const std::string& year_text,
                                       const PlanOptions& options, std::vector<Problem>& problems) {
  const forms::Field* given = nullptr;
  for (const auto& a : apps) {
    if (a.letter_number.empty()) continue;
    if (!given) {
      given = &a.letter_number;
    } else if (a.letter_number.text != given->text) {
      problems.push_back({Diagnostic{Severity::Error, a.letter_number.loc(),
                                     a.where + "推荐函文号“" + a.letter_number.text + "”与" + apps.front().where + "等行的“" +
                                         given->text + "”不同；" + p.province + "的推荐材料未生成",
                                     "同一推荐单位的各行写同一个推荐函文号", "forms.md A recommendation packet"},
                          p.province});
      return std::nullopt;
    }
  }
  std::string agency;
  if (given) {
    std::string why;
    if (auto w = text::parse_wenhao(given->text, &why)) return Resolved{w->canonical, "data"};
    agency = trim(given->text);  // an agency code alone: take the next number from the archive
  }
  // A number an earlier run of this batch took from the archive is kept, never taken again.
  if (options.earlier_wenhao)
    if (auto earlier = options.earlier_wenhao(p.province)) return Resolved{*earlier, "archive"};
  int year = 0;
  if (auto d = forms::parse_date(year_text)) year = d->year;
  if (options.reserve_wenhao) {
    if (auto w = options.reserve_wenhao(p, agency, year)) return Resolved{*w, "archive"};
  }
  SourceLoc loc = given ? given->loc() : apps.front().loc;
  problems.push_back({Diagnostic{Severity::Error, loc,
                                 given ? "推荐函文号“" + given->text + "”不是完整的文号；" + p.province + "的推荐材料未生成"
                                       : p.province + "的数据没有推荐函文号；推荐材料未生成",
                                 given ? "写完整的文号（如 闽工信消费函〔2024〕215号），或用 --archive 从文号登记簿取号"
                                       : "加一列“推荐函文号”，或用 --archive [--agency 机关代字] 从文号登记簿取号",
                                 "GB/T 9704 7.2.5"},
                      p.province});
  return std::nullopt;
}

}  // namespace

const char* kind_name(DocKind k) {
  switch (k) {
    case DocKind::Letter: return "letter";
    case DocKind::Summary: return "attachment5";
    case DocKind::Application: return "application";
    case DocKind::Merged: return "merged";
  }
  return "?";
}

std::string safe_file_part(const std::string& name) {
  std::u32string out;
  for (char32_t c : to_u32(trim(name))) {
    bool bad = c < 0x20 || c == 0x7f || std::u32string_view(U"/\\:*?\"<>|").find(c) != std::u32string_view::npos;
    out += bad ? U'_' : c;
  }
  if (out.empty() || out == U"." || out == U"..") return "_";
  // Names stay well under the 255-byte limit of common file systems (a CJK character is 3 bytes).
  if (out.size() > 60) out.resize(60);
  return to_utf8(out);
}

Plan plan_batch(const std::vector<std::string>& files, const forms::ColumnMap& columns, const PlanOptions& options) {
  Plan plan;
  // Each record is checked as it is read and, when no rule of its own fails, packed into a temporary
  // file: a batch never holds its data set, neither as Applications nor packed (bench/batch_bench.sh,
  // memory against applicants). Of a kept record, planning needs until the packets are made only
  // what `Kept` holds.
  struct Kept {
    std::string where, province, year;  // year: the first four characters of 填报日期 (rule 8's year)
    forms::Kind kind;
    size_t file;  // index into `files`
  };
  auto records = std::make_shared<forms::PackedApplications>(forms::PackedApplications::spilling());
  std::vector<Kept> kept;
  std::vector<Problem> record_problems, record_warnings;  // after the readers' messages, as they always were
  forms::DataSetRules rules(forms::ValidateOptions{options.quotas});
  Diagnostics data_set;
  size_t bad_records = 0;
  for (size_t fi = 0; fi < files.size(); ++fi) {
    Diagnostics read = forms::read_applications(files[fi], columns, [&](forms::Application&& a) {
      ++plan.records;
      Diagnostics ds;
      forms::validate_application(a, ds);
      bool bad = false;
      for (const auto& d : ds.items()) {
        bad |= d.severity == Severity::Error;
        (d.severity == Severity::Error ? record_problems : record_warnings).push_back({d, province_of(a)});
      }
      if (bad) {
        ++bad_records;
        return;
      }
      rules.add(a, data_set);
      kept.push_back(Kept{a.where, province_of(a), a.fill_date.text.substr(0, 4), a.kind, fi});
      records->add(a);
    });
    for (const auto& d : read.items()) (d.severity == Severity::Error ? plan.problems : plan.warnings).push_back({d, {}});
  }
  for (auto& p : record_problems) plan.problems.push_back(std::move(p));
  for (auto& w : record_warnings) plan.warnings.push_back(std::move(w));
  records->shrink_to_fit();
  rules.finish(data_set);

  // Rules over the data set (3, 8, 9) set aside the records they name.
  std::vector<bool> set_aside(kept.size());
  auto record_of = [&](const Diagnostic& d) -> std::optional<size_t> {  // messages name a record by its `where`
    for (size_t i = 0; i < kept.size(); ++i)
      if (files[kept[i].file] == d.loc.file && !kept[i].where.empty() && starts_with(d.message, kept[i].where + "「")) return i;
    return std::nullopt;
  };
  for (const auto& d : data_set.items()) {
    const auto at = record_of(d);
    if (d.severity != Severity::Error || !at) {
      (d.severity == Severity::Error ? plan.problems : plan.warnings).push_back({d, at ? kept[*at].province : ""});
      continue;
    }
    const Kept& a = kept[*at];
    plan.problems.push_back({d, a.province});
    set_aside[*at] = true;
    // Rule 8 names the first record over the quota ("自本条起超出"): the ones after it in the same
    // list are over it too and are set aside with it.
    if (d.clause == "forms.md rule 8") {
      for (size_t i = *at + 1; i < kept.size(); ++i) {
        const Kept& b = kept[i];
        if (b.province == a.province && forms::list_name(b.kind) == std::string(forms::list_name(a.kind)) && b.year == a.year) {
          const forms::Application over = records->get(i);
          plan.problems.push_back({Diagnostic{Severity::Error, over.loc, b.where + "「" + over.name.text + "」超出附件2名额（见" + a.where + "）",
                                              "按推荐顺序删减到名额以内", "forms.md rule 8"},
                                   b.province});
          set_aside[i] = true;
        }
      }
    }
  }
  plan.skipped_records = bad_records + static_cast<size_t>(std::count(set_aside.begin(), set_aside.end(), true));

  // Group the valid records by province, in order of first appearance.
  std::vector<std::string> order;
  std::map<std::string, std::vector<size_t>> groups;
  for (size_t i = 0; i < kept.size(); ++i) {
    if (set_aside[i]) continue;
    auto [group, fresh] = groups.try_emplace(kept[i].province);
    if (fresh) order.push_back(kept[i].province);
    group->second.push_back(i);
  }
  std::vector<Kept>().swap(kept);
  const std::shared_ptr<const forms::PackedApplications> shared_records = std::move(records);

  std::string template_text = read_file(options.letter_template);
  const std::string forms_fingerprint = "templates=" + application_forms_fingerprint(options.forms_dir.empty() ? forms::forms_data_dir() : options.forms_dir) + "\n";
  for (const auto& key : order) {
    Packet p;
    p.province = key;
    // The packet's records as Applications while it is planned.
    p.records = shared_records;
    p.apps = std::move(groups[key]);
    std::vector<forms::Application> apps;
    apps.reserve(p.apps.size());
    for (size_t i : p.apps) apps.push_back(shared_records->get(i));
    p.recommender = first_of(apps, &forms::Application::recommender);
    std::string fill_date = first_of(apps, &forms::Application::fill_date);
    std::string folder = safe_file_part(key);
    p.merged_file = folder + "-合订本.pdf";
    p.merged_title = p.recommender + "推荐材料";

    auto wenhao = resolve_wenhao(p, apps, fill_date, options, plan.problems);
    if (!wenhao) continue;
    p.wenhao = wenhao->wenhao;
    p.wenhao_source = wenhao->source;

    forms::SummaryTable cases = forms::typical_case_table(apps, options.sort);
    forms::SummaryTable brands = forms::brand_table(apps, options.sort);
    LetterCounts counts;
    counts.typical_cases = static_cast<int>(cases.rows.size());
    for (const auto* a : brands.sources)
      (a->kind == forms::Kind::RegionalBrand ? counts.regional_brands : counts.enterprise_brands)++;
    counts.application_forms = true;

    size_t total = 2 + apps.size();
    size_t n = 0;

    DocumentPlan letter;
    letter.kind = DocKind::Letter;
    std::string filled;
    try {
      letter.letter = std::make_unique<model::Notice>(make_cover_letter(
          options.letter_template, template_text, letter_values(p.recommender, p.province, p.wenhao, fill_date, counts), &filled));
    } catch (const InputError& e) {
      plan.problems.push_back({e.diagnostic(), p.province});
      continue;
    }
    Diagnostics checked = check::check_notice(*letter.letter);
    bool letter_ok = true;
    for (const auto& d : checked.items()) {
      if (d.severity == Severity::Error) letter_ok = false;
      (d.severity == Severity::Error ? plan.problems : plan.warnings).push_back({d, p.province});
    }
    if (!letter_ok) continue;
    letter.file = folder + "/" + numbered(++n, total) + "-推荐函.pdf";
    letter.title = "推荐函（" + p.wenhao + "）";
    letter.label = "推荐函-";
    letter.docx = true;
    letter.fingerprint = fingerprint("letter", filled, options.environment);
    p.documents.push_back(std::move(letter));

    DocumentPlan summary;
    summary.kind = DocKind::Summary;
    summary.summary = std::make_unique<layout::SummaryForm>(summary_form(apps, cases, brands));
    summary.file = folder + "/" + numbered(++n, total) + "-附件5-推荐汇总表.pdf";
    summary.title = "附件5 中国消费名品方阵推荐汇总表";
    summary.label = "附件5-";
    summary.docx = true;
    summary.fingerprint = fingerprint("attachment5", serialize(*summary.summary), options.environment);
    p.documents.push_back(std::move(summary));

    for (auto kind : {forms::Kind::TypicalCase, forms::Kind::EnterpriseBrand, forms::Kind::RegionalBrand})
      if (auto common = common_characters(apps, kind); !common.empty()) p.common_characters[kind] = std::move(common);

    // 附件3 then 附件4, each in the order (and with the 序号) of its 汇总表 table.
    {
      for (const forms::SummaryTable* table : {&cases, &brands}) {
        for (size_t i = 0; i < table->sources.size(); ++i) {
          const forms::Application& a = *table->sources[i];
          DocumentPlan d;
          d.kind = DocKind::Application;
          d.app = static_cast<size_t>(&a - apps.data());
          int att = forms::attachment_number(a.kind);
          std::string tag = "附件" + std::to_string(att) + "-" + std::to_string(i + 1);
          std::string shown = a.kind == forms::Kind::TypicalCase ? a.name.text : a.brand_name.text;
          d.file = folder + "/" + numbered(++n, total) + "-" + tag + "-" + safe_file_part(shown) + ".pdf";
          d.title = a.kind == forms::Kind::TypicalCase ? tag + " " + a.name.text + "：" + a.case_name.text
                                                       : tag + " " + a.brand_name.text + "（" + a.name.text + "）";
          d.label = tag + "-";
          auto common = p.common_characters.find(a.kind);
          d.fingerprint = fingerprint("application",
                                      serialize(a) + forms_fingerprint + "common=" +
                                          (common == p.common_characters.end() ? "" : to_utf8(common->second)) + "\n",
                                      options.environment);
          d.docx = true;  // the form DOCX writer (content controls for the fields left blank)
          p.documents.push_back(std::move(d));
        }
      }
    }
    plan.packets.push_back(std::move(p));
  }
  return plan;
}

}  // namespace gw::batch
