// The one place where the 申报书 renderer (附件3/附件4: forms::fill_application + layout::layout_form,
// docx::write_form_docx) plugs into batch.
#pragma once

#include "fonts/font_set.h"
#include "forms/application.h"
#include "forms/application_form.h"
#include "layout/laid_out.h"
#include "model/style.h"

#include <map>
#include <string>
#include <vector>

namespace gw::batch {

// What the 申报书 bytes depend on besides the record: the text of the form templates in `forms_dir`
// (so that --resume renders again after a deployer edits a template).
std::string application_forms_fingerprint(const std::string& forms_dir);

struct ApplicationDocument {
  layout::Document laid_out;
  std::string docx;  // when asked for
};

// 附件3 or 附件4 of one application, laid out on the portrait page of `style` (and as DOCX when
// `docx`). Thread-safe: the templates are only read.
ApplicationDocument render_application(const forms::Application& app, const forms::FormTemplates& templates,
                                       const model::Style& style, const fonts::FontSet& fonts, bool docx);

// The kind's form filled with nothing and laid out: its fixed words in the faces that set them, for
// pdf::SharedFonts.
layout::Document application_skeleton(forms::Kind kind, const forms::FormTemplates& templates, const model::Style& style,
                                      const fonts::FontSet& fonts);

// The characters of the data that at least half of the `kind` applications among `apps` print,
// sorted: what pdf::SharedFonts shares besides the form's fixed words (in a packet of 100 申报书 most
// print 有限公司, 品牌, 消费 …). Empty for fewer than kMinSharing applications of the kind. Depends
// only on `apps`: every worker shares the same characters, whatever the number of jobs.
constexpr int kMinSharing = 4;
std::u32string common_characters(const std::vector<forms::Application>& apps, forms::Kind kind);

// `cps` by the face that sets each in a 申报书's values (layout::layout_form sets them in the
// elements "table" and "body"; the style names their font roles).
std::map<int, std::u32string> value_faces(const std::u32string& cps, const model::Style& style, const fonts::FontSet& fonts);

}  // namespace gw::batch
