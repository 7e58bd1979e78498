// One diagnostic type for the whole toolchain: every input problem, from a malformed XML file to a
// glyph no font has, is reported as `file:line:col: severity: message` with an optional hint and the
// GB/T 9704 (or forms.md) clause it breaks. Fatal input problems are thrown as InputError; internal
// bugs are ordinary exceptions, so the CLI can give them a different exit code.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace gw {

enum class Severity { Error, Warning, Info };

struct SourceLoc {
  std::string file;
  int line = 0;    // 1-based; 0 = unknown
  int column = 0;  // 1-based; 0 = unknown
};

struct Diagnostic {
  Severity severity = Severity::Error;
  SourceLoc loc;
  std::string message;
  std::string hint;    // how to fix it; may be empty
  std::string clause;  // e.g. "GB/T 9704 7.2.5"; may be empty
};

// "notice.xml:12:5: error: 文号 uses [] instead of 〔〕 [GB/T 9704 7.2.5]" plus "  hint: ..." lines.
std::string format(const Diagnostic& d);
const char* severity_name(Severity s);

// A fatal problem with the user's input (as opposed to a bug): the CLI prints it and exits 1.
class InputError : public std::runtime_error {
 public:
  explicit InputError(Diagnostic d);
  InputError(SourceLoc loc, std::string message, std::string hint = {});
  const Diagnostic& diagnostic() const { return diag_; }

 private:
  Diagnostic diag_;
};

// Collects non-fatal findings (data checks) in order.
class Diagnostics {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void error(SourceLoc loc, std::string message, std::string clause = {}, std::string hint = {});
  void warning(SourceLoc loc, std::string message, std::string clause = {}, std::string hint = {});
  void info(SourceLoc loc, std::string message, std::string clause = {}, std::string hint = {});
  bool has_errors() const;
  const std::vector<Diagnostic>& items() const { return items_; }
  bool empty() const { return items_.empty(); }

 private:
  std::vector<Diagnostic> items_;
};

// Exit codes shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInputError = 1;   // the user's input is wrong: fix it and run again
inline constexpr int kExitUsage = 2;        // wrong command-line arguments
inline constexpr int kExitInternal = 70;    // a bug in gongwen (EX_SOFTWARE)

}  // namespace gw
