#include "batch/summary_form.h"

#include "forms/dates.h"

namespace gw::batch {
namespace {

layout::PlainTable plain(const forms::SummaryTable& t) {
  layout::PlainTable p;
  p.caption = t.title;
  p.header = t.header;
  p.rows = t.rows;
  p.centred = {true};  // 序号
  return p;
}

}  // namespace

std::string first_of(const std::vector<forms::Application>& apps, forms::Field forms::Application::*field) {
  for (const auto& a : apps)
    if (!(a.*field).empty()) return (a.*field).text;
  return {};
}

layout::SummaryForm summary_form(const std::vector<forms::Application>& apps, const forms::SummaryTable& cases,
                                 const forms::SummaryTable& brands) {
  layout::SummaryForm form;
  form.label = "附件5";
  form.title = "中国消费名品方阵推荐汇总表";
  if (!apps.empty()) form.loc = apps.front().loc;
  std::string date = first_of(apps, &forms::Application::fill_date);
  if (auto d = forms::parse_date(date)) date = forms::chinese(*d);
  form.head_lines.push_back("推荐单位（盖章）：" + first_of(apps, &forms::Application::recommender) + "　　　　　　填报日期：" + date);
  form.tables.push_back(plain(cases));
  form.tables.push_back(plain(brands));
  return form;
}

}  // namespace gw::batch
