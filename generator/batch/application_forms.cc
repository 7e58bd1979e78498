// See application_forms.h.
#include "batch/application_forms.h"

#include "base/files.h"
#include "base/sha256.h"
#include "export/docx/form_docx.h"
#include "forms/application_form.h"
#include "forms/read.h"
#include "layout/form_layout.h"

namespace gw::batch {

std::string application_forms_fingerprint(const std::string& forms_dir) {
  std::string all;
  for (auto k : {forms::Kind::TypicalCase, forms::Kind::EnterpriseBrand, forms::Kind::RegionalBrand})
    all += read_file(forms_dir + "/" + forms::template_name(k) + ".xml");
  return sha256_hex(all);
}

ApplicationDocument render_application(const forms::Application& app, const forms::FormTemplates& templates,
                                       const model::Style& style, const fonts::FontSet& fonts, bool docx) {
  model::FormDocument form = forms::fill_application(app, templates);
  ApplicationDocument out;
  out.laid_out = layout::layout_form(form, style, fonts);
  if (docx) out.docx = docx::write_form_docx(form, style, docx::options_for_fonts(fonts));
  return out;
}

namespace {

// Data with every field empty and every repeated group at its minimum.
class NoValues : public tmpl::FormValues {
 public:
  std::optional<model::FormText> value(const std::string&, const std::string&) const override { return model::FormText{}; }
  std::optional<int> group_size(const std::string&) const override { return 0; }
  std::string record_name() const override { return "the form's fixed words"; }
  std::string known_fields() const override { return {}; }
};

}  // namespace

layout::Document application_skeleton(forms::Kind kind, const forms::FormTemplates& templates, const model::Style& style,
                                      const fonts::FontSet& fonts) {
  return layout::layout_form(templates.for_kind(kind).fill(NoValues()), style, fonts);
}

}  // namespace gw::batch
