// 附件5 推荐汇总表 as data: the two tables of forms.md (典型案例, 消费名品) with their header rows and
// one row per application in the order the clerk asked for, 序号 numbered from 1. The layout engine
// sets these cells; nothing here knows about pages.
#pragma once

#include <string>
#include <vector>

#include "forms/application.h"
#include "forms/collation.h"

namespace gw::forms {

struct SummaryTable {
  std::string title;                            // "一、“数字三品”应用场景典型案例" / "二、中国消费名品"
  std::vector<std::string> header;              // forms.md 附件5 column names
  std::vector<std::vector<std::string>> rows;   // cell texts, same width as header
  std::vector<const Application*> sources;      // rows[i] came from sources[i] (for locations)
};

// 序号 | 申报主体 | 联合申报单位 | 申报方向 | 案例名称 | 所属行业 | 联系人 | 联系电话
SummaryTable typical_case_table(const std::vector<Application>& apps, SortOrder order);
// 序号 | 品牌名称 | 品牌类型 | 推荐维度 | 申报主体 | 所属行业 | 代表性企业 | 联系人 | 联系电话
SummaryTable brand_table(const std::vector<Application>& apps, SortOrder order);

// The 申报方向 as printed: "3.个性化定制驱动消费模式重塑" (or the text as written if it names none).
std::string direction_label(const Application& app);

}  // namespace gw::forms
