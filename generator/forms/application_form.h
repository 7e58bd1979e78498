// The 申报书 of one application (附件3 or 附件4, forms.md): the form templates in templates/forms/
// filled with the application's data. The template for each kind is data a deployer may change;
// the field ids the templates use are those of field_by_id() (application.h) plus a few derived
// ones: direction_name (the 申报方向 without its number), kind_name (典型案例/企业品牌/区域品牌).
#pragma once

#include <map>
#include <string>

#include "forms/application.h"
#include "model/form_document.h"
#include "template/form_template.h"

namespace gw::forms {

class FormTemplates {
 public:
  // attachment3.xml, attachment4-enterprise.xml and attachment4-regional.xml from `dir`.
  static FormTemplates load(const std::string& dir);
  static FormTemplates load_default();  // forms_data_dir()

  const tmpl::FormTemplate& for_kind(Kind k) const;

 private:
  std::map<Kind, tmpl::FormTemplate> by_kind_;
};

// The template file name (without .xml) of a kind: "attachment3", "attachment4-enterprise", …
const char* template_name(Kind k);

// Fills the kind's template with `app`. Throws InputError at the template line of a placeholder
// that is not a field, or when the data have more entries than the form has room for.
model::FormDocument fill_application(const Application& app, const FormTemplates& templates);

}  // namespace gw::forms
