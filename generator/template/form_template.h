// Form templates (templates/forms/*.xml, schema form.xsd): the fixed words and layout of a 申报书
// with {id} placeholders, and the filling of one with data into a model::FormDocument. The data are
// seen through FormValues, so this stage knows nothing of where they came from (forms/ adapts an
// Application to it).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "model/form_document.h"

namespace gw::tmpl {

// The data that fill a template.
class FormValues {
 public:
  virtual ~FormValues() = default;
  // The value of field `id` ("name", "joint2.credit_code", "section.案例背景") printed through
  // `filter` ("" or e.g. "date"). nullopt when the data have no such field at all — a template
  // error. An entry the data leave empty gives an empty text (printed as a blank to fill by hand).
  // The result's `placeholder` is the field's label, shown in an empty fillable field.
  virtual std::optional<model::FormText> value(const std::string& id, const std::string& filter) const = 0;
  // How many entries a repeated group ("year", "joint", "representative") has; nullopt for an
  // unknown group.
  virtual std::optional<int> group_size(const std::string& group) const = 0;
  // Words for an error message: what the record is, and the field ids a template may use.
  virtual std::string record_name() const = 0;
  virtual std::string known_fields() const = 0;
};

class FormTemplate {
 public:
  // Parses and validates (form.xsd beside the templates) a template file; errors name its line.
  static FormTemplate load(const std::string& path);

  const std::string& name() const { return name_; }
  const std::string& label() const { return label_; }
  const std::string& title() const { return title_; }
  const std::string& file() const { return file_; }

  // Fills the template. Throws InputError at the template line of a placeholder the data do not
  // have, or of a repeat over more entries than its max.
  model::FormDocument fill(const FormValues& values) const;

 private:
  struct Doc;
  std::shared_ptr<const Doc> doc_;  // the parsed template, shared by copies (read-only)
  std::string file_, name_, label_, title_;
};

// templates/forms/form.xsd
std::string form_schema_path();

}  // namespace gw::tmpl
