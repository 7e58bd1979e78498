// The one place where the 申报书 renderer (附件3/附件4: forms::fill_application + layout::layout_form)
// plugs into batch. Until generator/layout/form_layout.h and generator/forms/application_form.h exist
// in the tree, application_forms_available() is false: packets hold the cover letter and 附件5 only,
// and the letter's 附件说明 does not list the 申报书.
#pragma once

#include "fonts/font_set.h"
#include "forms/application.h"
#include "layout/laid_out.h"
#include "model/style.h"

namespace gw::batch {

bool application_forms_available();

// 附件3 or 附件4 of one application, laid out on the portrait page of `style`. Thread-safe: the form
// templates are loaded once per process and only read.
layout::Document layout_application(const forms::Application& app, const model::Style& style, const fonts::FontSet& fonts);

}  // namespace gw::batch
