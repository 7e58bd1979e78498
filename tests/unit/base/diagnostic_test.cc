#include <catch2/catch.hpp>

#include "base/diagnostic.h"

using namespace gw;

TEST_CASE("a diagnostic prints file:line:col, severity, message, clause and hint") {
  Diagnostic d{Severity::Error, {"notice.xml", 12, 5}, "文号 uses [] instead of 〔〕", "write 〔2022〕", "GB/T 9704 7.2.5"};
  CHECK(format(d) == "notice.xml:12:5: error: 文号 uses [] instead of 〔〕 [GB/T 9704 7.2.5]\n  hint: write 〔2022〕");
}

TEST_CASE("a diagnostic without a position prints only what it knows") {
  Diagnostic d{Severity::Warning, {"a.txt", 0, 0}, "late", "", ""};
  CHECK(format(d) == "a.txt: warning: late");
}

TEST_CASE("Diagnostics counts errors but not warnings") {
  Diagnostics ds;
  ds.warning({}, "w");
  CHECK_FALSE(ds.has_errors());
  ds.error({}, "e");
  CHECK(ds.has_errors());
}
