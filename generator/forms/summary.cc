// The 附件5 tables; see summary.h. Lists inside a cell (joint applicants, representative enterprises)
// are joined with 、 as Chinese lists are.
#include "forms/summary.h"

namespace gw::forms {
namespace {

template <class Pick>
SummaryTable build(const std::vector<Application>& apps, SortOrder order, Pick pick) {
  std::vector<const Application*> selected;
  for (const auto& a : apps)
    if (pick(a)) selected.push_back(&a);
  std::vector<std::string> names;
  for (const auto* a : selected) names.push_back(a->name.text);
  SummaryTable t;
  for (size_t i : sorted_indices(names, order)) t.sources.push_back(selected[i]);
  return t;
}

std::string joined(const std::vector<Party>& parties) {
  std::string out;
  for (const auto& p : parties) {
    if (p.name.empty()) continue;
    if (!out.empty()) out += "、";
    out += p.name.text;
  }
  return out;
}

}  // namespace

std::string direction_label(const Application& app) {
  auto n = app.direction_number();
  if (!n) return app.direction.text;
  return std::to_string(*n) + "." + direction_names()[static_cast<size_t>(*n - 1)];
}

SummaryTable typical_case_table(const std::vector<Application>& apps, SortOrder order) {
  SummaryTable t = build(apps, order, [](const Application& a) { return a.kind == Kind::TypicalCase; });
  t.title = "一、“数字三品”应用场景典型案例";
  t.header = {"序号", "申报主体", "联合申报单位", "申报方向", "案例名称", "所属行业", "联系人", "联系电话"};
  for (size_t i = 0; i < t.sources.size(); ++i) {
    const Application& a = *t.sources[i];
    t.rows.push_back({std::to_string(i + 1), a.name.text, joined(a.joint), direction_label(a), a.case_name.text, a.industry.text,
                      a.contact.text, a.mobile.text});
  }
  return t;
}

SummaryTable brand_table(const std::vector<Application>& apps, SortOrder order) {
  SummaryTable t = build(apps, order, [](const Application& a) { return a.kind != Kind::TypicalCase; });
  t.title = "二、中国消费名品";
  t.header = {"序号", "品牌名称", "品牌类型", "推荐维度", "申报主体", "所属行业", "代表性企业", "联系人", "联系电话"};
  for (size_t i = 0; i < t.sources.size(); ++i) {
    const Application& a = *t.sources[i];
    t.rows.push_back({std::to_string(i + 1), a.brand_name.text, kind_name(a.kind),
                      a.kind == Kind::EnterpriseBrand ? a.dimension.text : std::string(), a.name.text, a.industry.text,
                      joined(a.representatives), a.contact.text, a.mobile.text});
  }
  return t;
}

}  // namespace gw::forms
