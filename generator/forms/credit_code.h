// 统一社会信用代码 (GB 32100-2015), forms.md rule 1: 18 characters from an alphabet of 31 (the digits and
// the capital letters without I O S V Z), the 18th a check character over the first 17. Also the two
// leading codes that say what kind of body registered the code, which rule 2 uses to tell an
// enterprise from a government.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gw::forms {

// Why a code is not valid; nullopt when it is. The text is meant for a diagnostic, e.g.
// "第18位校验码应为 4，实为 3".
std::optional<std::string> credit_code_problem(std::string_view code);

inline bool is_valid_credit_code(std::string_view code) { return !credit_code_problem(code).has_value(); }

// The check character for 17 characters of the alphabet; nullopt if `stem` is not 17 such characters.
std::optional<char> credit_code_check_char(std::string_view stem);

// GB 32100-2015 第1位 登记管理部门码 '9' (工商) and 第2位 机构类别码 '1' (企业): a company registered in China.
bool credit_code_is_enterprise(std::string_view code);

// 第1位 '1' (机构编制) and 第2位 '1' (机关): a government body such as a 人民政府.
bool credit_code_is_government(std::string_view code);

}  // namespace gw::forms
