// Names, labels and field ids of the Application model; see application.h.
#include "forms/application.h"

#include <algorithm>
#include <charconv>

#include "base/utf8.h"

namespace gw::forms {
namespace {

struct FixedField {
  const char* id;
  const char* label;
  Field Application::*member;
};

// Form order (附件3/4 cover and 一、基本信息, then the form-specific fields, then the province's).
const FixedField kFixed[] = {
    {"kind", "申报类型", &Application::kind_text},
    {"applicant_type", "申报主体类型", &Application::applicant_type},
    {"name", "单位名称", &Application::name},
    {"credit_code", "统一社会信用代码", &Application::credit_code},
    {"address", "注册地址", &Application::address},
    {"founded", "成立时间", &Application::founded},
    {"legal_rep", "法定代表人", &Application::legal_rep},
    {"nature", "企业性质", &Application::nature},
    {"industry", "所属行业", &Application::industry},
    {"contact", "联系人", &Application::contact},
    {"position", "职务", &Application::position},
    {"mobile", "手机", &Application::mobile},
    {"email", "邮箱", &Application::email},
    {"direction", "申报方向", &Application::direction},
    {"case_name", "案例名称", &Application::case_name},
    {"brand_name", "品牌名称", &Application::brand_name},
    {"dimension", "推荐维度", &Application::dimension},
    {"trademark_no", "商标注册号", &Application::trademark_no},
    {"trademark_valid_until", "商标有效期至", &Application::trademark_valid_until},
    {"products", "主要产品", &Application::products},
    {"recommender", "推荐单位", &Application::recommender},
    {"fill_date", "填报日期", &Application::fill_date},
    {"province", "省份", &Application::province},
    {"letter_number", "推荐函文号", &Application::letter_number},
};

struct GroupField {
  const char* group;  // id prefix before the number
  const char* group_label;
  const char* member_id;
  const char* member_label;
};

const GroupField kGroups[] = {
    {"joint", "联合申报单位", "name", "名称"},
    {"joint", "联合申报单位", "credit_code", "统一社会信用代码"},
    {"representative", "代表性企业", "name", "名称"},
    {"representative", "代表性企业", "credit_code", "统一社会信用代码"},
    {"representative", "代表性企业", "products", "主要产品"},
    {"year", "年度", "year", "年度"},
    {"year", "年度", "revenue", "营业收入（万元）"},
    {"year", "年度", "profit", "利润总额（万元）"},
    {"year", "年度", "tax", "纳税额（万元）"},
};

// Splits "joint2.name" into ("joint", 2, "name"); false when the id has no group number.
bool split_group(std::string_view id, std::string_view& group, int& n, std::string_view& member) {
  auto dot = id.find('.');
  if (dot == std::string_view::npos) return false;
  size_t digits = dot;
  while (digits > 0 && id[digits - 1] >= '0' && id[digits - 1] <= '9') --digits;
  if (digits == dot || digits == 0) return false;
  auto [p, ec] = std::from_chars(id.data() + digits, id.data() + dot, n);
  if (ec != std::errc() || p != id.data() + dot) return false;
  group = id.substr(0, digits);
  member = id.substr(dot + 1);
  return true;
}

bool all_empty(std::initializer_list<const Field*> fs) {
  return std::all_of(fs.begin(), fs.end(), [](const Field* f) { return f->empty(); });
}

}  // namespace

const char* kind_name(Kind k) {
  switch (k) {
    case Kind::TypicalCase: return "典型案例";
    case Kind::EnterpriseBrand: return "企业品牌";
    case Kind::RegionalBrand: return "区域品牌";
  }
  return "典型案例";
}

std::optional<Kind> parse_kind(std::string_view s) {
  std::string t = trim(s);
  std::string_view v = t;
  auto ends = [&](std::string_view suffix) { return v.size() >= suffix.size() && v.substr(v.size() - suffix.size()) == suffix; };
  if (ends("典型案例") || v == "附件3") return Kind::TypicalCase;
  if (ends("企业品牌")) return Kind::EnterpriseBrand;
  if (ends("区域品牌")) return Kind::RegionalBrand;
  return std::nullopt;
}

int attachment_number(Kind k) { return k == Kind::TypicalCase ? 3 : 4; }

const char* list_name(Kind k) { return k == Kind::TypicalCase ? "典型案例" : "消费名品"; }

std::shared_ptr<const FieldSource> make_field_source(std::string file, std::string column) {
  return std::make_shared<const FieldSource>(FieldSource{std::move(file), std::move(column)});
}

namespace {
const std::string kNoText;
}

const std::string& Field::file() const { return source ? source->file : kNoText; }
const std::string& Field::column() const { return source ? source->column : kNoText; }

const std::vector<std::string>& direction_names() {
  static const std::vector<std::string> names = {
      "消费数据驱动产品设计创新",   "智能仿真测款驱动新品孵化",     "个性化定制驱动消费模式重塑",
      "面向精益管理的智能调度排产", "面向透明消费的质量追溯管理",   "面向市场需求的敏捷供应链",
      "面向柔性化需求的智能产线",   "数字全域营销助力优质品牌推广", "国潮新品助力品牌价值提升",
      "数字服务供给助力区域名品打造"};
  return names;
}

std::optional<int> parse_direction(std::string_view s) {
  std::string t = trim(s);
  std::string_view v = t;
  const auto& names = direction_names();
  // A leading number, optionally followed by a separator and the name (which must then match).
  int n = 0;
  size_t i = 0;
  while (i < v.size() && i < 2 && v[i] >= '0' && v[i] <= '9') n = n * 10 + (v[i++] - '0');
  if (i > 0) {
    if (n < 1 || n > 10) return std::nullopt;
    std::string_view rest = v.substr(i);
    for (std::string_view sep : {".", "、", "．", " ", "　"})
      if (rest.substr(0, sep.size()) == sep) {
        rest.remove_prefix(sep.size());
        break;
      }
    if (rest.empty() || rest == names[static_cast<size_t>(n - 1)]) return n;
    return std::nullopt;
  }
  for (size_t k = 0; k < names.size(); ++k)
    if (v == names[k]) return static_cast<int>(k + 1);
  return std::nullopt;
}

const std::vector<std::string>& dimension_names() {
  static const std::vector<std::string> names = {"历史经典", "时代优品", "潮流新锐"};
  return names;
}

const std::vector<std::string>& section_titles(Kind k) {
  static const std::vector<std::string> typical = {"案例背景", "解决方案", "应用成效", "推广价值", "知识产权情况"};
  static const std::vector<std::string> enterprise = {"产品创新力", "市场竞争力", "品牌影响力", "文化赋能能力"};
  static const std::vector<std::string> regional = {"产业基础", "品牌建设", "代表性企业情况"};
  switch (k) {
    case Kind::TypicalCase: return typical;
    case Kind::EnterpriseBrand: return enterprise;
    case Kind::RegionalBrand: return regional;
  }
  return typical;
}

std::string section_ordinal(size_t n) {
  static const char* const kNumerals[] = {"二", "三", "四", "五", "六", "七", "八", "九", "十"};
  return n < std::size(kNumerals) ? kNumerals[n] : std::to_string(n + 2);
}

const Section* Application::section(std::string_view title) const {
  for (const auto& s : sections)
    if (s.title == title) return &s;
  return nullptr;
}

Field* field_by_id(Application& app, std::string_view id) {
  for (const auto& f : kFixed)
    if (id == f.id) return &(app.*f.member);
  if (id.substr(0, 8) == "section.") {
    std::string title(id.substr(8));
    if (title.empty()) return nullptr;
    for (auto& s : app.sections)
      if (s.title == title) return &s.text;
    app.sections.push_back(Section{title, {}});
    return &app.sections.back().text;
  }
  std::string_view group, member;
  int n = 0;
  if (!split_group(id, group, n, member) || n < 1 || n > kMaxGroup) return nullptr;
  auto index = static_cast<size_t>(n - 1);
  if (group == "joint" || group == "representative") {
    auto& v = group == "joint" ? app.joint : app.representatives;
    if (member != "name" && member != "credit_code" && !(group == "representative" && member == "products")) return nullptr;
    if (v.size() <= index) v.resize(index + 1);
    Party& p = v[index];
    return member == "name" ? &p.name : member == "credit_code" ? &p.credit_code : &p.products;
  }
  if (group == "year") {
    Field YearFigures::*m = member == "year"      ? &YearFigures::year
                            : member == "revenue" ? &YearFigures::revenue
                            : member == "profit"  ? &YearFigures::profit
                            : member == "tax"     ? &YearFigures::tax
                                                  : nullptr;
    if (!m) return nullptr;
    if (app.years.size() <= index) app.years.resize(index + 1);
    return &(app.years[index].*m);
  }
  return nullptr;
}

const Field* find_field(const Application& app, std::string_view id) {
  for (const auto& f : kFixed)
    if (id == f.id) return &(app.*f.member);
  if (id.substr(0, 8) == "section.") {
    const Section* s = app.section(id.substr(8));
    return s ? &s->text : nullptr;
  }
  std::string_view group, member;
  int n = 0;
  if (!split_group(id, group, n, member) || n < 1) return nullptr;
  auto index = static_cast<size_t>(n - 1);
  if (group == "joint" || group == "representative") {
    const auto& v = group == "joint" ? app.joint : app.representatives;
    if (index >= v.size()) return nullptr;
    const Party& p = v[index];
    if (member == "name") return &p.name;
    if (member == "credit_code") return &p.credit_code;
    if (member == "products" && group == "representative") return &p.products;
    return nullptr;
  }
  if (group == "year" && index < app.years.size()) {
    const YearFigures& y = app.years[index];
    if (member == "year") return &y.year;
    if (member == "revenue") return &y.revenue;
    if (member == "profit") return &y.profit;
    if (member == "tax") return &y.tax;
  }
  return nullptr;
}

const std::vector<FieldMember>& fixed_field_members() {
  static const std::vector<FieldMember> members = [] {
    std::vector<FieldMember> v;
    for (const auto& f : kFixed) v.push_back(f.member);
    return v;
  }();
  return members;
}

FieldMember fixed_field_member(std::string_view id) {
  for (const auto& f : kFixed)
    if (id == f.id) return f.member;
  return nullptr;
}

const std::vector<std::string>& fixed_field_ids() {
  static const std::vector<std::string> ids = [] {
    std::vector<std::string> v;
    for (const auto& f : kFixed) v.emplace_back(f.id);
    return v;
  }();
  return ids;
}

std::string label_of(std::string_view id) {
  for (const auto& f : kFixed)
    if (id == f.id) return f.label;
  if (id.substr(0, 8) == "section.") return std::string(id.substr(8));
  std::string_view group, member;
  int n = 0;
  if (split_group(id, group, n, member))
    for (const auto& g : kGroups)
      if (group == g.group && member == g.member_id)
        return std::string(g.group_label) + std::to_string(n) + (member == "year" ? "" : g.member_label);
  return std::string(id);
}

void tidy(Application& app) {
  std::erase_if(app.joint, [](const Party& p) { return all_empty({&p.name, &p.credit_code, &p.products}); });
  std::erase_if(app.representatives, [](const Party& p) { return all_empty({&p.name, &p.credit_code, &p.products}); });
  std::erase_if(app.years, [](const YearFigures& y) { return all_empty({&y.year, &y.revenue, &y.profit, &y.tax}); });
  std::erase_if(app.sections, [](const Section& s) { return s.text.empty(); });
  // A reader makes every group its columns name (three 联合申报单位, most of them empty) and sections one
  // by one: what is kept is held for the whole batch, so the spare room is given back.
  app.joint.shrink_to_fit();
  app.representatives.shrink_to_fit();
  app.years.shrink_to_fit();
  app.sections.shrink_to_fit();
  // Known sections in the form's order; unknown titles (a deployer's extra column) keep their place after.
  const auto& order = section_titles(app.kind);
  auto rank = [&](const Section& s) {
    auto it = std::find(order.begin(), order.end(), s.title);
    return static_cast<size_t>(it - order.begin());
  };
  std::stable_sort(app.sections.begin(), app.sections.end(), [&](const Section& a, const Section& b) { return rank(a) < rank(b); });
}

void for_each_field(const Application& a, const std::function<void(const std::string&, const Field&)>& fn) {
  const auto& ids = fixed_field_ids();  // kFixed's, as strings
  for (size_t i = 0; i < ids.size(); ++i) fn(ids[i], a.*kFixed[i].member);
  auto group = [&fn](const char* name, size_t i, const char* member, const Field& field) {
    fn(std::string(name) + std::to_string(i + 1) + "." + member, field);
  };
  for (size_t i = 0; i < a.years.size(); ++i) {
    const YearFigures& y = a.years[i];
    group("year", i, "year", y.year);
    group("year", i, "revenue", y.revenue);
    group("year", i, "profit", y.profit);
    group("year", i, "tax", y.tax);
  }
  for (size_t i = 0; i < a.joint.size(); ++i) {
    group("joint", i, "name", a.joint[i].name);
    group("joint", i, "credit_code", a.joint[i].credit_code);
  }
  for (size_t i = 0; i < a.representatives.size(); ++i) {
    const Party& r = a.representatives[i];
    group("representative", i, "name", r.name);
    group("representative", i, "credit_code", r.credit_code);
    group("representative", i, "products", r.products);
  }
  for (const auto& sec : a.sections) fn("section." + sec.title, sec.text);
}

bool same_data(const Application& a, const Application& b, std::string* diff) {
  auto fail = [&](std::string what, const std::string& x, const std::string& y) {
    if (diff) *diff = what + ": \"" + x + "\" vs \"" + y + "\"";
    return false;
  };
  if (a.kind != b.kind) return fail("kind", kind_name(a.kind), kind_name(b.kind));
  for (const auto& f : kFixed)
    if ((a.*f.member).text != (b.*f.member).text) return fail(f.id, (a.*f.member).text, (b.*f.member).text);
  if (a.joint.size() != b.joint.size()) return fail("joint count", std::to_string(a.joint.size()), std::to_string(b.joint.size()));
  if (a.representatives.size() != b.representatives.size())
    return fail("representative count", std::to_string(a.representatives.size()), std::to_string(b.representatives.size()));
  if (a.years.size() != b.years.size()) return fail("year count", std::to_string(a.years.size()), std::to_string(b.years.size()));
  if (a.sections.size() != b.sections.size())
    return fail("section count", std::to_string(a.sections.size()), std::to_string(b.sections.size()));
  auto parties = [&](const std::vector<Party>& x, const std::vector<Party>& y, const char* what) {
    for (size_t i = 0; i < x.size(); ++i)
      if (x[i].name.text != y[i].name.text || x[i].credit_code.text != y[i].credit_code.text ||
          x[i].products.text != y[i].products.text)
        return fail(std::string(what) + std::to_string(i + 1), x[i].name.text + "/" + x[i].credit_code.text,
                    y[i].name.text + "/" + y[i].credit_code.text);
    return true;
  };
  if (!parties(a.joint, b.joint, "joint") || !parties(a.representatives, b.representatives, "representative")) return false;
  for (size_t i = 0; i < a.years.size(); ++i) {
    const auto &x = a.years[i], &y = b.years[i];
    for (auto m : {&YearFigures::year, &YearFigures::revenue, &YearFigures::profit, &YearFigures::tax})
      if ((x.*m).text != (y.*m).text) return fail("year" + std::to_string(i + 1), (x.*m).text, (y.*m).text);
  }
  for (size_t i = 0; i < a.sections.size(); ++i)
    if (a.sections[i].title != b.sections[i].title || a.sections[i].text.text != b.sections[i].text.text)
      return fail("section " + a.sections[i].title, a.sections[i].text.text.substr(0, 60), b.sections[i].text.text.substr(0, 60));
  return true;
}

}  // namespace gw::forms
