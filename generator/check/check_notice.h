// The data checks of GB/T 9704 on a notice: what is wrong in the clerk's data itself, before any
// layout — a 文号 with [] instead of 〔〕, a date with leading zeros, recipients without "：", 附件说明
// names that do not match the attachments' titles, and so on. Each finding names its clause and points
// at the field's source location. Errors would print a wrong document (`gongwen render` stops on them);
// warnings are punctuation the layout prints as given.
#pragma once

#include "base/diagnostic.h"
#include "model/notice.h"

namespace gw::check {

Diagnostics check_notice(const model::Notice& notice);

}  // namespace gw::check

namespace gw {
using check::check_notice;
}  // namespace gw
