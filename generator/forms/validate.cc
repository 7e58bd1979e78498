// forms.md rules 1–9; see validate.h. Messages are Chinese, like the forms the clerk fills in, and
// start with the record ("工作表“消费名品”第5行「某某公司」") so that a list of problems reads well.
#include "forms/validate.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <tuple>

#include "base/utf8.h"
#include "forms/credit_code.h"
#include "forms/dates.h"

namespace gw::forms {
namespace {

std::string rule(int n) { return "forms.md rule " + std::to_string(n); }
const char* const kBasic = "forms.md 一、基本信息";

std::string who(const Application& app) {
  return app.where + "「" + (app.name.empty() ? std::string("（未填单位名称）") : app.name.text) + "」";
}

// The field as the user knows it: the column header it came from, else the form's label.
std::string label(const Field& f, const std::string& id) { return f.column().empty() ? label_of(id) : f.column(); }

// The cell when the reader knew it, else the record.
SourceLoc where_of(const Field& f, const Application& app) {
  bool known = !f.file().empty() && (f.line > 0 || app.loc.line == 0);
  return known ? f.loc() : app.loc;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_number(std::string_view s) {
  if (s.empty()) return false;
  double v = 0;
  // Thousands separators are common in 万元 figures typed by hand: "12,345.6".
  std::string clean;
  for (char c : s)
    if (c != ',') clean += c;
  auto [p, ec] = std::from_chars(clean.data(), clean.data() + clean.size(), v);
  return ec == std::errc() && p == clean.data() + clean.size();
}

class Checker {
 public:
  Checker(const Application& app, Diagnostics& out) : app_(app), out_(out) {}

  void error(const Field& f, const std::string& id, const std::string& what, const std::string& clause, const std::string& hint = {}) {
    out_.error(where_of(f, app_), who(app_) + label(f, id) + what, clause, hint);
  }

  // A message about the record rather than one field's value; located at `f`.
  void plain(const Field& f, const std::string& what, const std::string& clause) {
    out_.error(where_of(f, app_), who(app_) + what, clause);
  }

  void require(const Field& f, const std::string& id, const std::string& clause = kBasic) {
    if (f.empty()) error(f, id, "未填写", clause);
  }

  // forms.md rule 1.
  void credit_code(const Field& f, const std::string& id) {
    if (f.empty()) {
      error(f, id, "未填写", rule(1));
      return;
    }
    if (auto problem = credit_code_problem(f.text))
      error(f, id, "“" + f.text + "”" + *problem, rule(1), "统一社会信用代码见营业执照或登记证书（GB 32100-2015）");
  }

  std::optional<Date> date(const Field& f, const std::string& id, const std::string& clause) {
    if (f.empty()) return std::nullopt;
    auto d = parse_date(f.text);
    if (!d) error(f, id, "“" + f.text + "”不是有效日期", clause, "写作 2024-11-05 或 2024年11月5日");
    return d;
  }

  void run() {
    const Application& a = app_;
    require(a.name, "name");
    require(a.province, "province", "forms.md 附件5");
    require(a.recommender, "recommender", "forms.md 附件5");
    require(a.contact, "contact", "forms.md 附件5");
    require(a.mobile, "mobile", "forms.md 附件5");
    if (a.fill_date.empty()) require(a.fill_date, "fill_date", "forms.md 附件5");
    fill_ = date(a.fill_date, "fill_date", "forms.md 附件5");
    date(a.founded, "founded", kBasic);

    // Rule 1: every 统一社会信用代码 the record gives.
    credit_code(a.credit_code, "credit_code");
    for (size_t i = 0; i < a.joint.size(); ++i) {
      std::string n = std::to_string(i + 1);
      require(a.joint[i].name, "joint" + n + ".name", rule(4));
      credit_code(a.joint[i].credit_code, "joint" + n + ".credit_code");
    }
    for (size_t i = 0; i < a.representatives.size(); ++i) {
      std::string n = std::to_string(i + 1);
      require(a.representatives[i].name, "representative" + n + ".name", rule(4));
      credit_code(a.representatives[i].credit_code, "representative" + n + ".credit_code");
    }

    // Rule 2: who may apply.
    if (a.kind == Kind::RegionalBrand) {
      if (!a.name.empty() && !ends_with(a.name.text, "人民政府"))
        error(a.name, "name", "“" + a.name.text + "”不是人民政府：区域品牌应由城市或主产区所在地人民政府申报", rule(2));
    } else {
      const char* form = a.kind == Kind::TypicalCase ? "典型案例" : "企业品牌";
      if (ends_with(a.name.text, "人民政府"))
        error(a.name, "name", "“" + a.name.text + "”是政府机关：" + form + "应由在中国境内注册、具有独立法人资格的企业申报", rule(2));
      else if (is_valid_credit_code(a.credit_code.text) && !credit_code_is_enterprise(a.credit_code.text))
        error(a.credit_code, "credit_code",
              "“" + a.credit_code.text + "”以“" + a.credit_code.text.substr(0, 2) + "”开头，不是企业（企业法人代码以“91”开头）：" + form +
                  "应由企业申报",
              rule(2), "GB 32100-2015：第1位9为市场监管部门登记，第2位1为企业");
    }

    // Rule 4: group sizes.
    if (a.joint.size() > 3)
      plain(a.joint[3].name, "联合申报单位有" + std::to_string(a.joint.size()) + "家，不得超过3家", rule(4));
    if (a.representatives.size() > 3)
      plain(a.representatives[3].name, "代表性企业有" + std::to_string(a.representatives.size()) + "家，不得超过3家", rule(4));

    // Rule 5 and the form's own fields.
    if (a.kind == Kind::TypicalCase) {
      require(a.case_name, "case_name", "forms.md 附件3");
      // forms.md 附件3: the applicant is a 消费品企业 or an 互联网平台企业 (rule 2: an enterprise either way).
      if (a.applicant_type.empty())
        error(a.applicant_type, "applicant_type", "未填写", "forms.md 附件3", "填 消费品企业 或 互联网平台企业");
      else if (a.applicant_type.text != "消费品企业" && a.applicant_type.text != "互联网平台企业")
        error(a.applicant_type, "applicant_type", "“" + a.applicant_type.text + "”应为 消费品企业 或 互联网平台企业", rule(2));
      if (a.direction.empty())
        error(a.direction, "direction", "未填写", rule(5));
      else if (!a.direction_number())
        error(a.direction, "direction", "“" + a.direction.text + "”不是十个应用场景方向之一", rule(5),
              "填 1–10 或方向全称，如“3”或“个性化定制驱动消费模式重塑”");
    }
    if (a.kind == Kind::EnterpriseBrand) {
      require(a.brand_name, "brand_name", "forms.md 附件4");
      require(a.trademark_no, "trademark_no", "forms.md 附件4");
      const auto& dims = dimension_names();
      if (a.dimension.empty())
        error(a.dimension, "dimension", "未填写", rule(5));
      else if (std::find(dims.begin(), dims.end(), a.dimension.text) == dims.end())
        error(a.dimension, "dimension", "“" + a.dimension.text + "”应为 历史经典、时代优品 或 潮流新锐", rule(5));
    }
    if (a.kind == Kind::RegionalBrand) require(a.brand_name, "brand_name", "forms.md 附件4");

    years();

    // Rule 7: the trademark is still valid on the 填报日期.
    if (a.kind == Kind::EnterpriseBrand && a.trademark_valid_until.empty())
      error(a.trademark_valid_until, "trademark_valid_until", "未填写", rule(7));
    if (auto until = date(a.trademark_valid_until, "trademark_valid_until", rule(7)); until && fill_ && *until < *fill_)
      error(a.trademark_valid_until, "trademark_valid_until",
            "“" + a.trademark_valid_until.text + "”早于填报日期" + chinese(*fill_) + "：商标已过有效期", rule(7),
            "续展商标后填写新的有效期");
  }

  // Rule 6: three years of figures, the latest the year before the 填报日期.
  void years() {
    const Application& a = app_;
    if (a.years.size() != 3) {
      Field anchor = a.years.empty() ? Field{} : a.years.back().year;
      plain(anchor, "近三年经营情况填了" + std::to_string(a.years.size()) + "年，应填3年", rule(6));
    }
    std::set<int> seen;
    int latest = 0;
    for (size_t i = 0; i < a.years.size(); ++i) {
      const YearFigures& y = a.years[i];
      std::string n = std::to_string(i + 1);
      int year = 0;
      auto [p, ec] = std::from_chars(y.year.text.data(), y.year.text.data() + y.year.text.size(), year);
      bool ok = ec == std::errc() && p == y.year.text.data() + y.year.text.size() && year >= 1900 && year <= 9999;
      if (!ok) {
        error(y.year, "year" + n + ".year", y.year.empty() ? "未填写" : "“" + y.year.text + "”不是年份", rule(6));
      } else if (!seen.insert(year).second) {
        error(y.year, "year" + n + ".year", "“" + y.year.text + "”重复", rule(6));
      } else {
        latest = std::max(latest, year);
      }
      for (auto [m, id] : {std::pair{&YearFigures::revenue, ".revenue"}, {&YearFigures::profit, ".profit"}, {&YearFigures::tax, ".tax"}}) {
        const Field& f = y.*m;
        if (!is_number(f.text)) error(f, "year" + n + id, f.empty() ? "未填写" : "“" + f.text + "”不是数字（万元）", rule(6));
      }
    }
    if (fill_ && a.years.size() == 3 && seen.size() == 3) {
      int want = fill_->year - 1;
      if (latest != want || *seen.begin() != want - 2) {
        const Field* anchor = &a.years.front().year;
        for (const auto& y : a.years)
          if (y.year.text == std::to_string(latest)) anchor = &y.year;
        plain(*anchor,
              "近三年经营情况应为" + std::to_string(want - 2) + "—" + std::to_string(want) + "年（填报日期前一年为最近一年），实为" +
                  std::to_string(*seen.begin()) + "、" + std::to_string(*std::next(seen.begin())) + "、" + std::to_string(latest) + "年",
              rule(6));
      }
    }
  }

 private:
  const Application& app_;
  Diagnostics& out_;
  std::optional<Date> fill_;
};

// The key an applicant is known by across records: its credit code when it has one, else its name.
std::string applicant_key(const Field& name, const Field& code) { return code.empty() ? "name:" + name.text : "code:" + code.text; }

}  // namespace

Date deadline(Kind kind, int campaign_year) {
  return kind == Kind::TypicalCase ? Date{campaign_year, 11, 10} : Date{campaign_year, 12, 10};
}

void validate_application(const Application& app, Diagnostics& out) { Checker(app, out).run(); }

DataSetRules::DataSetRules(const ValidateOptions& options) : options_(options) {}

void DataSetRules::add(const Application& a, Diagnostics& out) {
  // Rule 3: each 申报主体 (as applicant or joint applicant) in one 典型案例 direction only.
  if (a.kind == Kind::TypicalCase) {
    if (auto dir = a.direction_number()) {  // else rule 5 already reported it
      std::vector<std::pair<const Field*, const Field*>> parties = {{&a.name, &a.credit_code}};
      for (const auto& j : a.joint) parties.push_back({&j.name, &j.credit_code});
      for (size_t i = 0; i < parties.size(); ++i) {
        auto [name, code] = parties[i];
        if (name->empty() && code->empty()) continue;
        auto [it, fresh] = first_direction_.try_emplace(applicant_key(*name, *code), First{a.where, *dir});
        if (fresh || it->second.direction == *dir) continue;
        std::string role = i == 0 ? "" : "（联合申报单位" + std::to_string(i) + "）";
        out.error(where_of(a.direction, a), who(a) + role + "“" + name->text + "”申报方向" + std::to_string(*dir) + "，但已在" +
                                                it->second.where + "申报方向" + std::to_string(it->second.direction) +
                                                "：每个申报主体只能申报1个方向",
                  rule(3), "保留一个方向，或把另一案例改由其他单位牵头申报");
      }
    }
  }
  // Rules 8 and 9 count per campaign year (the 填报日期's year), province and list.
  auto fill = parse_date(a.fill_date.text);
  if (!fill || a.province.empty()) return;  // reported as a missing field
  Group& g = groups_[{fill->year, a.province.text, list_name(a.kind)}];
  g.records.push_back(Record{a.loc, who(a)});
  if (*fill > deadline(a.kind, fill->year)) {
    if (g.late == 0) {
      g.first_late = Record{where_of(a.fill_date, a), who(a)};
      g.kind = a.kind;
    }
    ++g.late;
    g.latest = std::max(g.latest, *fill);
  }
}

void DataSetRules::finish(Diagnostics& out) {
  std::set<int> years_without_quota;
  for (const auto& [key, g] : groups_) {
    const auto& [year, province, list] = key;
    if (options_.quotas) {
      auto limit = options_.quotas->limit(year, province, list);
      if (!limit) {
        if (years_without_quota.insert(year).second)
          out.warning(SourceLoc{options_.quotas->file(), 0, 0},
                      "名额表没有" + std::to_string(year) + "年" + province + list + "的名额，未检查推荐数量", rule(8),
                      "add the campaign year's 附件2 numbers to quotas.json");
      } else if (static_cast<int>(g.records.size()) > *limit) {
        const Record& over = g.records[static_cast<size_t>(*limit)];
        out.error(over.loc, over.who + "：" + province + std::to_string(year) + "年" + list + "推荐" + std::to_string(g.records.size()) +
                                "项，超过附件2名额" + std::to_string(*limit) + "项（自本条起超出）",
                  rule(8), "按推荐顺序删减到名额以内");
      }
    }
    if (g.late > 0) {
      Date due = deadline(g.kind, year);
      out.warning(g.first_late.loc,
                  g.first_late.who + "填报日期" + chinese(g.latest) + "晚于" + list + "推荐名单报送期限" + std::to_string(due.month) + "月" +
                      std::to_string(due.day) + "日（" + province + "共" + std::to_string(g.late) + "项）",
                  rule(9), "报送逾期需另行说明");
    }
  }
  groups_.clear();
}

void validate_data_set(const std::vector<Application>& apps, const ValidateOptions& options, Diagnostics& out) {
  DataSetRules rules(options);
  for (const auto& a : apps) rules.add(a, out);
  rules.finish(out);
}

Diagnostics validate(const std::vector<Application>& apps, const ValidateOptions& options) {
  Diagnostics out;
  for (const auto& a : apps) validate_application(a, out);
  validate_data_set(apps, options, out);
  return out;
}

}  // namespace gw::forms
