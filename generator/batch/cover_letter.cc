#include "batch/cover_letter.h"

#include "base/diagnostic.h"
#include "forms/dates.h"
#include "forms/read.h"
#include "template/notice_xml_reader.h"

namespace gw::batch {
namespace {

std::string xml_escape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

// Substitutes the placeholders of one line; sets `drop` when a {{?key}} is empty.
// Text inside XML comments is copied as it is (the template's own documentation names placeholders).
std::string fill_line(const std::string& line, const std::map<std::string, std::string>& values,
                      const std::string& file, int line_no, bool& drop, bool& in_comment) {
  std::string out;
  size_t pos = 0;
  while (true) {
    if (in_comment) {
      size_t end = line.find("-->", pos);
      if (end == std::string::npos) break;
      out += line.substr(pos, end + 3 - pos);
      pos = end + 3;
      in_comment = false;
    }
    size_t open = line.find("{{", pos);
    size_t comment = line.find("<!--", pos);
    if (comment != std::string::npos && (open == std::string::npos || comment < open)) {
      out += line.substr(pos, comment + 4 - pos);
      pos = comment + 4;
      in_comment = true;
      continue;
    }
    if (open == std::string::npos) break;
    size_t close = line.find("}}", open + 2);
    if (close == std::string::npos)
      throw InputError(SourceLoc{file, line_no, static_cast<int>(open) + 1}, "placeholder opened with {{ is not closed with }}");
    out += line.substr(pos, open - pos);
    std::string key = line.substr(open + 2, close - open - 2);
    bool optional = !key.empty() && key[0] == '?';
    if (optional) key.erase(0, 1);
    auto it = values.find(key);
    if (it == values.end()) {
      std::string known;
      for (const auto& [k, v] : values) known += (known.empty() ? "" : " ") + k;
      throw InputError(SourceLoc{file, line_no, static_cast<int>(open) + 1}, "unknown placeholder {{" + key + "}}",
                       "the cover-letter template knows: " + known);
    }
    if (optional && it->second.empty()) drop = true;
    out += xml_escape(it->second);
    pos = close + 2;
  }
  out += line.substr(pos);
  return out;
}

}  // namespace

std::string default_letter_template() { return forms::forms_data_dir() + "/cover-letter.xml"; }

std::string fill_template(const std::string& text, const std::map<std::string, std::string>& values,
                          const std::string& file) {
  std::string out;
  size_t start = 0;
  int line_no = 0;
  bool in_comment = false;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    ++line_no;
    bool drop = false;
    std::string filled = fill_line(line, values, file, line_no, drop, in_comment);
    // A dropped line keeps its newline so that the XML reader's line numbers still match the template.
    if (!drop) out += filled;
    if (end == std::string::npos) break;
    out += '\n';
    start = end + 1;
  }
  return out;
}

std::map<std::string, std::string> letter_values(const std::string& recommender, const std::string& province,
                                                 const std::string& wenhao, const std::string& fill_date,
                                                 const LetterCounts& c) {
  std::map<std::string, std::string> v;
  v["推荐单位"] = recommender;
  v["省份"] = province;
  v["文号"] = wenhao;
  auto d = forms::parse_date(fill_date);
  v["年度"] = d ? std::to_string(d->year) : "";
  v["日期"] = d ? forms::chinese(*d) : fill_date;
  int brands = c.enterprise_brands + c.regional_brands;
  v["典型案例数"] = std::to_string(c.typical_cases);
  v["企业品牌数"] = std::to_string(c.enterprise_brands);
  v["区域品牌数"] = std::to_string(c.regional_brands);
  v["消费名品数"] = std::to_string(brands);
  // 推荐事项 names the lists in the title; 推荐内容 counts them in the body.
  std::string cases = "“数字三品”应用场景典型案例", names = "中国消费名品";
  v["推荐事项"] = c.typical_cases && brands ? cases + "和" + names : c.typical_cases ? cases : names;
  std::string content;
  if (c.typical_cases) content = cases + std::to_string(c.typical_cases) + "个";
  if (brands) {
    if (!content.empty()) content += "、";
    content += names + std::to_string(brands) + "个";
    if (c.enterprise_brands && c.regional_brands)
      content += "（企业品牌" + std::to_string(c.enterprise_brands) + "个、区域品牌" + std::to_string(c.regional_brands) + "个）";
  }
  v["推荐内容"] = content;
  v["汇总表"] = "中国消费名品方阵推荐汇总表";
  v["典型案例申报书"] = c.application_forms && c.typical_cases
                            ? "“数字三品”应用场景典型案例申报书（" + std::to_string(c.typical_cases) + "份）"
                            : "";
  v["消费名品申报书"] = c.application_forms && brands ? "中国消费名品申报书（" + std::to_string(brands) + "份）" : "";
  return v;
}

model::Notice make_cover_letter(const std::string& template_path, const std::string& template_text,
                                const std::map<std::string, std::string>& values, std::string* filled_xml) {
  std::string xml = fill_template(template_text, values, template_path);
  auto province = values.find("省份");
  std::string name = template_path + (province != values.end() ? " (" + province->second + ")" : "");
  model::Notice n = tmpl::read_notice_xml_string(xml, name);
  if (filled_xml) *filled_xml = std::move(xml);
  return n;
}

}  // namespace gw::batch
