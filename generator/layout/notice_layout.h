// Notice layout: model + house style + fonts -> laid-out pages, following GB/T 9704-2012 clause by
// clause (head 7.2, body 7.3, 版记 7.4, page numbers 7.5, special formats 10). No libharu, no XML.
#pragma once

#include "fonts/font_set.h"
#include "layout/laid_out.h"
#include "model/notice.h"
#include "model/style.h"

namespace gw::layout {

struct LayoutOptions {
  // 7.2.1: overrides the notice's 份号 (numbered copies, issue 7).
  std::string copy_number;
};

Document layout_notice(const model::Notice& notice, const model::Style& style, const fonts::FontSet& fonts,
                       const LayoutOptions& opts = {});

}  // namespace gw::layout
