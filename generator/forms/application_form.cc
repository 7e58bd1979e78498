#include "forms/application_form.h"

#include "forms/dates.h"
#include "forms/read.h"

namespace gw::forms {
namespace {

// An Application seen through the template's eyes.
class ApplicationValues : public tmpl::FormValues {
 public:
  explicit ApplicationValues(const Application& a) : app_(a) {}

  std::optional<model::FormText> value(const std::string& id, const std::string& filter) const override {
    model::FormText t;
    t.placeholder = label_of(id);
    if (id == "direction_name") {
      auto n = app_.direction_number();
      t.text = n ? direction_names()[static_cast<size_t>(*n - 1)] : app_.direction.text;
      t.loc = app_.direction.loc();
      t.placeholder = "申报方向";
    } else if (id == "kind_name") {
      t.text = kind_name(app_.kind);
      t.loc = app_.kind_text.loc();
      t.placeholder = "申报类型";
    } else {
      if (!known(id)) return std::nullopt;
      if (const Field* f = find_field(app_, id)) {
        t.text = f->text;
        t.loc = f->loc();
      }
    }
    if (filter == "date") {
      // 2024-11-05 → 2024年11月5日; a value that is not a date is printed as written (validation
      // has already said so where the date matters).
      if (auto d = parse_date(t.text)) t.text = chinese(*d);
    } else if (!filter.empty()) {
      return std::nullopt;
    }
    return t;
  }

  std::optional<int> group_size(const std::string& group) const override {
    if (group == "year") return static_cast<int>(app_.years.size());
    if (group == "joint") return static_cast<int>(app_.joint.size());
    if (group == "representative") return static_cast<int>(app_.representatives.size());
    return std::nullopt;
  }

  std::string record_name() const override {
    std::string who = !app_.name.empty() ? app_.name.text : std::string("(未填单位名称)");
    return who + "（" + app_.where + "）";
  }

  std::string known_fields() const override {
    std::string s;
    for (const auto& id : fixed_field_ids()) s += id + " ";
    return s + "direction_name kind_name, year.* joint.* representative.* inside <repeat>, section.<标题>";
  }

 private:
  // Whether `id` names a field of the form at all (an absent group entry or section is still a field).
  static bool known(const std::string& id) {
    if (id.rfind("section.", 0) == 0) {  // a narrative section of one of the forms
      const std::string title = id.substr(8);
      for (Kind k : {Kind::TypicalCase, Kind::EnterpriseBrand, Kind::RegionalBrand})
        for (const auto& t : section_titles(k))
          if (t == title) return true;
      return false;
    }
    Application scratch;
    return field_by_id(scratch, id) != nullptr;
  }
  const Application& app_;
};

}  // namespace

const char* template_name(Kind k) {
  switch (k) {
    case Kind::TypicalCase: return "attachment3";
    case Kind::EnterpriseBrand: return "attachment4-enterprise";
    case Kind::RegionalBrand: return "attachment4-regional";
  }
  return "attachment3";
}

FormTemplates FormTemplates::load(const std::string& dir) {
  FormTemplates t;
  for (Kind k : {Kind::TypicalCase, Kind::EnterpriseBrand, Kind::RegionalBrand})
    t.by_kind_.emplace(k, tmpl::FormTemplate::load(dir + "/" + template_name(k) + ".xml"));
  return t;
}

FormTemplates FormTemplates::load_default() { return load(forms_data_dir()); }

const tmpl::FormTemplate& FormTemplates::for_kind(Kind k) const { return by_kind_.at(k); }

model::FormDocument fill_application(const Application& app, const FormTemplates& templates) {
  model::FormDocument doc = templates.for_kind(app.kind).fill(ApplicationValues(app));
  doc.data_loc = app.loc;
  doc.subject = app.name.text;
  return doc;
}

}  // namespace gw::forms
