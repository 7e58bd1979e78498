// Reading a data set of applications: the one entry point the CLI and the form renderer call.
// Chooses the reader by extension (.json, .csv, .xlsx), maps columns through the deployer's
// templates/forms/columns.json, and replaces a narrative cell that names a .txt file (relative to the
// data file) with the file's text.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "forms/rows.h"

namespace gw::forms {

// The folder holding columns.json and quotas.json: $GONGWEN_FORMS_DATA if set, else the source tree's
// templates/forms (compiled in).
std::string forms_data_dir();
ColumnMap default_columns();  // forms_data_dir()/columns.json

// Throws InputError when the file cannot be read or is malformed as a whole (bad CSV quoting, not a
// zip, invalid JSON, unknown extension); problems confined to one record are in the diagnostics.
ReadResult read_applications(const std::string& path, const ColumnMap& columns);
// The same from bytes already in memory; `path` gives the format and the folder for narrative files.
ReadResult read_applications(std::string_view bytes, const std::string& path, const ColumnMap& columns);
// The same, handing each record to `sink` as soon as it is read (narratives included) rather than
// keeping them: what a batch uses, so that it never holds a data set's worth of Applications. Returns
// the messages ReadResult::diagnostics would hold.
Diagnostics read_applications(const std::string& path, const ColumnMap& columns, const std::function<void(Application&&)>& sink);

// JSON: one application object, an array of them, or {"applications": [...]}. Keys are field ids
// ("name", "credit_code", …) or column headers of the mapping ("单位名称"); groups as arrays:
// "joint": [{"name", "credit_code"}], "representatives": [{"name", "credit_code", "products"}],
// "years": [{"year", "revenue", "profit", "tax"}]; narrative as "sections": {"案例背景": "…"}.
void read_json(std::string_view bytes, const std::string& file, const ColumnMap& columns, ReadResult& out);

// Narrative files are bounded: a 申报书 section is text, not a book.
inline constexpr size_t kMaxNarrativeBytes = 1u << 20;

}  // namespace gw::forms
