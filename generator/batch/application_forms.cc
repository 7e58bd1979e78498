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

}  // namespace gw::batch
