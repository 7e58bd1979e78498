// See application_forms.h. The 申报书 renderer is detected by its headers so that batch builds both
// before and after it lands; nothing else in batch knows whether it exists.
#include "batch/application_forms.h"

#include <stdexcept>

#if __has_include("layout/form_layout.h") && __has_include("forms/application_form.h")
#define GW_HAVE_APPLICATION_FORMS 1
#include <mutex>

#include "base/files.h"
#include "base/sha256.h"
#include "export/docx/form_docx.h"
#include "forms/read.h"
#include "forms/application_form.h"
#include "layout/form_layout.h"
#else
#define GW_HAVE_APPLICATION_FORMS 0
#endif

namespace gw::batch {

#if GW_HAVE_APPLICATION_FORMS

bool application_forms_available() { return true; }

std::string application_forms_fingerprint() {
  std::string all;
  for (auto k : {forms::Kind::TypicalCase, forms::Kind::EnterpriseBrand, forms::Kind::RegionalBrand})
    all += read_file(forms::forms_data_dir() + "/" + forms::template_name(k) + ".xml");
  return sha256_hex(all);
}

namespace {
const forms::FormTemplates& templates() {
  static std::once_flag once;
  static const forms::FormTemplates* t = nullptr;
  std::call_once(once, [] { t = new forms::FormTemplates(forms::FormTemplates::load_default()); });
  return *t;
}
}  // namespace

ApplicationDocument render_application(const forms::Application& app, const model::Style& style, const fonts::FontSet& fonts,
                                       bool docx) {
  model::FormDocument form = forms::fill_application(app, templates());
  ApplicationDocument out;
  out.laid_out = layout::layout_form(form, style, fonts);
  if (docx) out.docx = docx::write_form_docx(form, style, docx::options_for_fonts(fonts));
  return out;
}

#else

bool application_forms_available() { return false; }

std::string application_forms_fingerprint() { return {}; }

ApplicationDocument render_application(const forms::Application&, const model::Style&, const fonts::FontSet&, bool) {
  throw std::logic_error("the 附件3/附件4 renderer is not built in (generator/layout/form_layout.h is missing)");
}

#endif

}  // namespace gw::batch
