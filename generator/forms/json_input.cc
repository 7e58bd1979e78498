// JSON input of applications (nlohmann::json); see read.h for the accepted shapes.
#include <nlohmann/json.hpp>

#include <algorithm>

#include "base/utf8.h"
#include "forms/read.h"

namespace gw::forms {
namespace {

using nlohmann::json;

std::string scalar_text(const json& v) {
  if (v.is_string()) return trim(v.get<std::string>());
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_number()) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.15g", v.get<double>());
    return buf;
  }
  if (v.is_null()) return {};
  return v.dump();
}

void read_object(const json& obj, size_t index, const std::string& file, const ColumnMap& columns, ReadResult& out) {
  Application app;
  app.loc = SourceLoc{file, 0, 0};
  app.where = "第" + std::to_string(index + 1) + "条";
  // `column` names the field in messages: the key when it is a Chinese column header, else the
  // form's label ("credit_code" → 统一社会信用代码), which is what a clerk reading the message knows.
  auto set = [&](const std::string& id, const std::string& key, const json& v) {
    Field* f = field_by_id(app, id);
    if (!f) return false;
    bool ascii_key = std::all_of(key.begin(), key.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    *f = Field{scalar_text(v), make_field_source(file, ascii_key ? label_of(id) : key)};
    return true;
  };
  auto group = [&](const json& arr, const std::string& key, const char* prefix, std::initializer_list<const char*> members) {
    if (!arr.is_array()) {
      out.diagnostics.error(app.loc, app.where + "：“" + key + "”应为数组", "forms.md 附件3—5");
      return;
    }
    for (size_t i = 0; i < arr.size() && i < static_cast<size_t>(kMaxGroup); ++i)
      for (const char* m : members)
        if (arr[i].is_object() && arr[i].contains(m))
          set(std::string(prefix) + std::to_string(i + 1) + "." + m, key + "[" + std::to_string(i) + "]." + m, arr[i][m]);
    if (arr.size() > static_cast<size_t>(kMaxGroup))
      out.diagnostics.error(app.loc, app.where + "：“" + key + "”多于" + std::to_string(kMaxGroup) + "项（上限）", "forms.md rule 4");
  };
  for (const auto& [key, v] : obj.items()) {
    if (key == "joint") {
      group(v, key, "joint", {"name", "credit_code"});
    } else if (key == "representatives") {
      group(v, key, "representative", {"name", "credit_code", "products"});
    } else if (key == "years") {
      group(v, key, "year", {"year", "revenue", "profit", "tax"});
    } else if (key == "sections" && v.is_object()) {
      for (const auto& [title, text] : v.items()) set("section." + title, "sections." + title, text);
    } else if (!set(key, key, v)) {
      std::string id = columns.field_for(key);
      if (id.empty() || !set(id, key, v))
        out.diagnostics.warning(app.loc, app.where + "：键“" + key + "”不是已知字段，已忽略", "forms.md 附件3—5",
                                "use a field id such as \"name\" or a column header from columns.json");
    }
  }
  const SourceLoc loc = app.loc;
  add_record(std::move(app), loc, "该条", out);
}

}  // namespace

void read_json(std::string_view bytes, const std::string& file, const ColumnMap& columns, ReadResult& out) {
  json j;
  try {
    j = json::parse(bytes);
  } catch (const json::parse_error& e) {
    throw InputError(SourceLoc{file, 0, 0}, std::string("not valid JSON: ") + e.what());
  }
  if (j.is_object() && j.contains("applications")) j = j["applications"];
  if (j.is_object()) j = json::array({j});
  if (!j.is_array())
    throw InputError(Diagnostic{Severity::Error, SourceLoc{file, 0, 0}, "JSON must be an application object or an array of them",
                                "see generator/forms/read.h for the shape", {}});
  for (size_t i = 0; i < j.size(); ++i) {
    if (!j[i].is_object()) {
      out.diagnostics.error(SourceLoc{file, 0, 0}, "第" + std::to_string(i + 1) + "条不是对象，已跳过", "forms.md 附件3—5");
      continue;
    }
    read_object(j[i], i, file, columns, out);
  }
}

}  // namespace gw::forms
