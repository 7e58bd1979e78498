// The date rule of GB/T 9704 7.3.5.4 and 7.4.3: Arabic numerals, the year in full, no leading zeros,
// e.g. 2022年6月30日 — and, because a wrong date prints a wrong document, a date that exists.
#pragma once

#include <string>

#include "base/diagnostic.h"
#include "model/notice.h"

namespace gw::check {

// Adds to `out` what is wrong with the date in `f` (nothing when it is right). `what` names the
// element in messages ("成文日期", "印发日期"); `clause` is e.g. "GB/T 9704 7.3.5.4".
void check_date(const model::Field& f, const std::string& what, const std::string& clause, Diagnostics& out);

}  // namespace gw::check
