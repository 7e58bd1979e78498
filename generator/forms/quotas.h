// 附件2 推荐名额: how many 典型案例 and 消费名品 each province may recommend in a campaign year
// (forms.md rule 8). The numbers are data, supplied per campaign year in templates/forms/quotas.json:
//   {"2024": {"*": {"典型案例": 8, "消费名品": 12}, "浙江省": {"典型案例": 10, "消费名品": 15}}}
// where "*" is the quota of every province not named.
#pragma once

#include <map>
#include <optional>
#include <string>

namespace gw::forms {

class Quotas {
 public:
  // Throws InputError naming `file` for malformed JSON or a quota that is not a non-negative integer.
  static Quotas parse(const std::string& json_text, const std::string& file);
  static Quotas load(const std::string& path);

  bool has_year(int year) const { return years_.count(year) != 0; }
  // The quota of `list` ("典型案例" or "消费名品") for a province, or nullopt when the file has none.
  std::optional<int> limit(int year, const std::string& province, const std::string& list) const;
  const std::string& file() const { return file_; }

 private:
  std::string file_;
  // year → province ("*" = default) → list → quota
  std::map<int, std::map<std::string, std::map<std::string, int>>> years_;
};

}  // namespace gw::forms
