// Loading the quota table; see quotas.h.
#include "forms/quotas.h"

#include <nlohmann/json.hpp>

#include "base/diagnostic.h"
#include "base/files.h"

namespace gw::forms {

Quotas Quotas::parse(const std::string& text, const std::string& file) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw InputError(SourceLoc{file, 0, 0}, std::string("quota table is not valid JSON: ") + e.what());
  }
  if (!j.is_object()) throw InputError(SourceLoc{file, 0, 0}, "quota table must be an object {\"2024\": {…}}");
  Quotas q;
  q.file_ = file;
  for (const auto& [year_key, provinces] : j.items()) {
    if (year_key.empty() || year_key[0] == '_') continue;  // "_note": comments
    int year = 0;
    try {
      year = std::stoi(year_key);
    } catch (const std::exception&) {
      throw InputError(SourceLoc{file, 0, 0}, "quota table key \"" + year_key + "\" is not a campaign year");
    }
    if (!provinces.is_object()) throw InputError(SourceLoc{file, 0, 0}, "quotas of " + year_key + " must be an object of provinces");
    auto& by_province = q.years_[year];
    for (const auto& [province, lists] : provinces.items()) {
      if (!lists.is_object()) throw InputError(SourceLoc{file, 0, 0}, "quotas of " + year_key + " " + province + " must be an object");
      for (const auto& [list, n] : lists.items()) {
        if (list != "典型案例" && list != "消费名品")
          throw InputError(SourceLoc{file, 0, 0}, year_key + " " + province + ": unknown list \"" + list + "\" (典型案例 or 消费名品)");
        if (!n.is_number_integer() || n.get<long long>() < 0 || n.get<long long>() > 100000)
          throw InputError(SourceLoc{file, 0, 0}, year_key + " " + province + " " + list + ": quota must be a non-negative integer");
        by_province[province][list] = n.get<int>();
      }
    }
  }
  return q;
}

Quotas Quotas::load(const std::string& path) { return parse(read_file(path), path); }

std::optional<int> Quotas::limit(int year, const std::string& province, const std::string& list) const {
  auto y = years_.find(year);
  if (y == years_.end()) return std::nullopt;
  for (const std::string& key : {province, std::string("*")}) {
    auto p = y->second.find(key);
    if (p == y->second.end()) continue;
    auto l = p->second.find(list);
    if (l != p->second.end()) return l->second;
  }
  return std::nullopt;
}

}  // namespace gw::forms
