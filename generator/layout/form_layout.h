// Layout of a filled-in form (附件3/附件4 申报书, forms.md) on the GB/T 9704 portrait page: the cover
// (label, title, labelled underlined fields), ruled tables whose cells wrap with the line breaker
// and 禁则, merged cells, rows that grow to fit, tables broken between rows with their header row
// repeated and a row taller than a page split between its lines; narrative paragraphs; the
// 承诺书's signature lines; page numbers per GB/T 9704 7.5 (none on the cover).
//
// The page keeps GB/T 9704's margins and text block; the line grid is halved (44 rows of 5.11 mm),
// so that body text takes two rows — the 22-line pitch of 5.2.3 — while table rows, set in 小四 at
// 1.5 × its size, take as many half rows as their lines need instead of a full body line each.
#pragma once

#include "fonts/font_set.h"
#include "layout/laid_out.h"
#include "model/form_document.h"
#include "model/style.h"

namespace gw::layout {

Document layout_form(const model::FormDocument& form, const model::Style& portrait, const fonts::FontSet& fonts);

}  // namespace gw::layout
