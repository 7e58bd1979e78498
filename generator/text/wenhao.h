// 发文字号 (文号) parsing: `机关代字〔年份〕序号号`, e.g. 工信厅消费函〔2022〕156号, and order numbers (令号,
// 第58号). Accepts what people really type ([] 【】 () （） ［］, full-width digits, spaces and line breaks, 第,
// leading zeros, a missing 号, traditional characters) and says what was non-canonical, so that
// `gongwen check` (GB/T 9704 7.2.5) and the archive share one parser.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gw::text {

struct Wenhao {
  std::string agency;      // 机关代字, e.g. 工信厅消费函 (empty for a bare order number)
  int year = 0;            // 0 for order numbers
  long serial = 0;
  bool is_order = false;   // 令号: 第58号
  std::string canonical;   // 工信厅消费函〔2022〕156号 / 第58号
  // What was not canonical, one short sentence each, e.g. "uses [] instead of 〔〕 around the year".
  std::vector<std::string> problems;
};

// Parses a whole string as one 文号 (or 令号). White space is ignored anywhere; a year and serial run
// together (国发202212号) split after the fourth digit, since 7.2.5 requires the year in full; the agency
// code must be Chinese characters; traditional characters are simplified (ICU Traditional-Simplified). On failure returns nullopt and, if why is given, a
// sentence saying why it is not a 文号 (e.g. "索引号 is not a 文号").
std::optional<Wenhao> parse_wenhao(std::string_view text, std::string* why = nullptr);

// Every 文号 found inside running text (a sentence, a scraped page), in order.
std::vector<Wenhao> find_wenhao(std::string_view text);

// A 文号 found in running text with its byte range [begin, end) in that text (agency code included).
struct WenhaoMatch {
  Wenhao wenhao;
  size_t begin = 0;
  size_t end = 0;
};
std::vector<WenhaoMatch> find_wenhao_matches(std::string_view text);

// Orders by agency code (ICU collation, zh), then year, then serial as a number. <0, 0, >0.
int compare_wenhao(const Wenhao& a, const Wenhao& b);

}  // namespace gw::text
