#include "base/diagnostic.h"

namespace gw {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "info";
  }
  return "error";
}

std::string format(const Diagnostic& d) {
  std::string out;
  if (!d.loc.file.empty()) {
    out += d.loc.file;
    if (d.loc.line > 0) {
      out += ":" + std::to_string(d.loc.line);
      if (d.loc.column > 0) out += ":" + std::to_string(d.loc.column);
    }
    out += ": ";
  }
  out += severity_name(d.severity);
  out += ": ";
  out += d.message;
  if (!d.clause.empty()) out += " [" + d.clause + "]";
  if (!d.hint.empty()) out += "\n  hint: " + d.hint;
  return out;
}

InputError::InputError(Diagnostic d) : std::runtime_error(format(d)), diag_(std::move(d)) {}

InputError::InputError(SourceLoc loc, std::string message, std::string hint)
    : InputError(Diagnostic{Severity::Error, std::move(loc), std::move(message), std::move(hint), {}}) {}

void Diagnostics::error(SourceLoc loc, std::string message, std::string clause, std::string hint) {
  add({Severity::Error, std::move(loc), std::move(message), std::move(hint), std::move(clause)});
}
void Diagnostics::warning(SourceLoc loc, std::string message, std::string clause, std::string hint) {
  add({Severity::Warning, std::move(loc), std::move(message), std::move(hint), std::move(clause)});
}
void Diagnostics::info(SourceLoc loc, std::string message, std::string clause, std::string hint) {
  add({Severity::Info, std::move(loc), std::move(message), std::move(hint), std::move(clause)});
}
bool Diagnostics::has_errors() const {
  for (const auto& d : items_)
    if (d.severity == Severity::Error) return true;
  return false;
}

}  // namespace gw
