// The cover letter of a packet: a 函 in 信函格式 (GB/T 9704 10.1) from the provincial department to
// the ministry, whose wording is a template a clerk may edit (templates/forms/cover-letter.xml): notice
// XML (templates/notice.xsd) with placeholders. The filled text is read by the notice XML reader from
// memory, so the letter is schema-validated and checked like any notice.
//
// Placeholders: {{key}} is replaced by the value, XML-escaped; a line holding {{?key}} is dropped
// when the value is empty (an 附件说明 item for a form the packet does not contain), else the
// placeholder is replaced like {{key}}. An unknown key is an error naming the template's line.
#pragma once

#include <map>
#include <string>

#include "model/notice.h"

namespace gw::batch {

std::string default_letter_template();  // forms_data_dir()/cover-letter.xml

// Fills the template. Throws InputError (file:line) for an unknown or unterminated placeholder.
std::string fill_template(const std::string& text, const std::map<std::string, std::string>& values,
                          const std::string& file);

// The values a packet gives the template (keys in Chinese, as the template author sees them):
// 推荐单位 省份 文号 年度 日期 推荐事项 推荐内容 典型案例数 企业品牌数 区域品牌数 消费名品数
// 汇总表 典型案例申报书 消费名品申报书.
struct LetterCounts {
  int typical_cases = 0, enterprise_brands = 0, regional_brands = 0;
  bool application_forms = false;  // 附件3/4 are in the packet (and so in the 附件说明)
};
std::map<std::string, std::string> letter_values(const std::string& recommender, const std::string& province,
                                                 const std::string& wenhao, const std::string& fill_date,
                                                 const LetterCounts& counts);

// Fills, parses (schema-validated) and returns the letter. The source file named in diagnostics is
// "<template> (<province>)".
model::Notice make_cover_letter(const std::string& template_path, const std::string& template_text,
                                const std::map<std::string, std::string>& values, std::string* filled_xml);

}  // namespace gw::batch
