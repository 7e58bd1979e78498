// One application of the 中国消费名品方阵 campaign as the province's data set gives it: the fields of
// 附件3 ("数字三品"应用场景典型案例申报书) and 附件4 (中国消费名品申报书, 企业品牌 or 区域品牌), each
// with where it came from, so that a validation message or a template error can point at the
// spreadsheet cell to fix. Plain data: readers (csv, xlsx, json_input) fill it, validate.h checks it,
// the form templates render it. Field names follow forms.md; the Chinese labels are in label_of().
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

namespace gw::forms {

// Which form an application fills in.
enum class Kind {
  TypicalCase,      // 附件3 "数字三品"应用场景典型案例
  EnterpriseBrand,  // 附件4 中国消费名品 · 企业品牌
  RegionalBrand,    // 附件4 中国消费名品 · 区域品牌
};
const char* kind_name(Kind k);                        // "典型案例", "企业品牌", "区域品牌"
std::optional<Kind> parse_kind(std::string_view s);   // also "数字三品应用场景典型案例", "消费名品-企业品牌"…
int attachment_number(Kind k);                        // 3 or 4
// forms.md rule 8 counts two lists: "典型案例" (附件5 table 1) and "消费名品" (table 2).
const char* list_name(Kind k);

// Where the values of one column of one data file were read: the file and the column header (or JSON
// key). Shared by all of them: a record has some 70 values, and a copy of both strings in each was
// two thirds of the memory a data set took (bench/batch_bench.sh, memory against applicants).
struct FieldSource {
  std::string file;
  std::string column;
};
std::shared_ptr<const FieldSource> make_field_source(std::string file, std::string column);

// A value with its origin: `source` names the data file and the column (or JSON key), `line` the row
// (XLSX: the sheet row; CSV: the line the field starts on), `col` the character column if known.
struct Field {
  std::string text;
  std::shared_ptr<const FieldSource> source;  // null: not read from a file (made in code, or absent)
  int line = 0;
  int col = 0;

  bool empty() const { return text.empty(); }
  SourceLoc loc() const { return SourceLoc{file(), line, col}; }
  const std::string& file() const;    // empty when unknown
  const std::string& column() const;  // empty when unknown
};

// 近三年经营情况: one year of the 3-year table. Amounts in 万元 as written (validated as numbers).
struct YearFigures {
  Field year, revenue, profit, tax;
};

// A 联合申报单位 (name + code) or a 区域品牌's 代表性企业 (name + code + 主要产品).
struct Party {
  Field name, credit_code, products;
};

// A narrative section: the title without its ordinal ("案例背景"); the form numbers it 二、三、….
// `text` is the section's text (read from a .txt file when the cell named one; loc then names it).
struct Section {
  std::string title;
  Field text;
};

// The ten 应用场景 directions of 附件1 一（二）, numbered 1–10 (forms.md 附件3).
const std::vector<std::string>& direction_names();
// "3", "3.个性化定制…", "个性化定制驱动消费模式重塑" → 3; nullopt if none matches.
std::optional<int> parse_direction(std::string_view s);
// The three dimensions of a 企业品牌: 历史经典, 时代优品, 潮流新锐.
const std::vector<std::string>& dimension_names();
// The narrative sections of each form in their printed order (titles without ordinals).
const std::vector<std::string>& section_titles(Kind k);
// "二", "三", … for the n-th narrative section (n from 0): the first section is 二、 (一、 is 基本信息).
std::string section_ordinal(size_t n);

struct Application {
  Kind kind = Kind::TypicalCase;
  Field kind_text;  // the cell that gave the kind
  SourceLoc loc;    // the record: file and row
  std::string where;  // how messages name the record: "第5行" (CSV), "工作表“Sheet1”第5行" (XLSX), "第2条" (JSON)

  // 申报主体 and 一、基本信息 (common to 附件3 and 附件4).
  Field applicant_type;  // 附件3: 消费品企业 / 互联网平台企业
  Field name, credit_code, address, founded, legal_rep, nature, industry;
  Field contact, position, mobile, email;
  std::vector<YearFigures> years;  // 近三年经营情况, in the order given

  // 附件3.
  Field direction;  // as written; parse_direction() gives 1–10
  Field case_name;
  std::vector<Party> joint;  // 联合申报单位 (name, credit_code)

  // 附件4.
  Field brand_name;
  Field dimension;  // 企业品牌: 历史经典 / 时代优品 / 潮流新锐
  Field trademark_no, trademark_valid_until, products;
  std::vector<Party> representatives;  // 区域品牌: 代表性企业

  // Narrative, in section_titles(kind) order; sections the data left out are absent.
  std::vector<Section> sections;

  // The province's side (附件5 head and the 推荐意见 box).
  Field recommender;  // 推荐单位, e.g. 某某省工业和信息化厅
  Field fill_date;    // 填报日期
  Field province;
  Field letter_number;  // 推荐函文号: the 文号 of the province's cover letter (batch packets)

  const Section* section(std::string_view title) const;
  // The direction number, when `direction` names one of the ten.
  std::optional<int> direction_number() const { return parse_direction(direction.text); }
};

// Field ids: the names a column mapping (templates/forms/columns.json) and JSON input use.
// "name", "credit_code", …, "joint2.name", "representative1.products", "year3.revenue",
// "section.案例背景". Returns the field to fill, creating repeated-group entries as needed, or nullptr
// for an unknown id. Group numbers run from 1 to kMaxGroup.
inline constexpr int kMaxGroup = 20;
Field* field_by_id(Application& app, std::string_view id);
// The same for reading (a template's placeholder): nullptr for an unknown id or a group entry the
// record does not have, never creating one.
const Field* find_field(const Application& app, std::string_view id);
// Every fixed (non-repeated) field id, in form order, for documentation and error hints.
const std::vector<std::string>& fixed_field_ids();
// The members of those fields, in the same order; and one id's member, or null for the ids of
// repeated groups and sections (which field_by_id resolves). A reader resolves a column's id once
// rather than searching the ids for every cell.
using FieldMember = Field Application::*;
const std::vector<FieldMember>& fixed_field_members();
FieldMember fixed_field_member(std::string_view id);
// Calls fn(id, field) for every value of the record, in form order: the fixed fields, then each
// year's, 联合申报单位's and 代表性企业's fields ("year1.revenue", "joint2.name"), then the sections
// ("section.案例背景") — the ids field_by_id takes. What fingerprints a record and what counts its
// characters both walk it here, so a field added to the record is in both.
void for_each_field(const Application& app, const std::function<void(const std::string& id, const Field& field)>& fn);

// The Chinese label of a field id, for messages: "credit_code" → "统一社会信用代码",
// "joint2.credit_code" → "联合申报单位2统一社会信用代码".
std::string label_of(std::string_view id);

// Drops repeated-group entries that are entirely empty (a spreadsheet has columns for three joint
// applicants; most rows fill fewer) and orders sections as the form prints them.
void tidy(Application& app);

// Compares the data (texts only, not locations): what a CSV and its XLSX twin must agree on.
bool same_data(const Application& a, const Application& b, std::string* first_difference = nullptr);

}  // namespace gw::forms
