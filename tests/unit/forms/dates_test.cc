// Dates as clerks type them and as spreadsheets store them.
#include <catch2/catch.hpp>

#include "forms/dates.h"

using namespace gw::forms;

TEST_CASE("date spellings") {
  for (const char* s : {"2024-11-05", "2024/11/5", "2024.11.05", "2024年11月5日", " 2024-11-05 ", "2024-11-05 00:00:00"})
    CHECK(parse_date(s) == Date{2024, 11, 5});
  CHECK_FALSE(parse_date("2024-02-30"));
  CHECK(parse_date("2024-02-29") == Date{2024, 2, 29});
  CHECK_FALSE(parse_date("2023-02-29"));
  CHECK_FALSE(parse_date("2024-13-01"));
  CHECK_FALSE(parse_date("24-11-05"));
  CHECK_FALSE(parse_date("2024年11月"));
  CHECK(parse_date("2024年11月", true) == Date{2024, 11, 1});
  CHECK_FALSE(parse_date("明年"));
  CHECK(iso(Date{2024, 1, 9}) == "2024-01-09");
  CHECK(chinese(Date{2024, 1, 9}) == "2024年1月9日");
}

TEST_CASE("spreadsheet serial numbers") {
  CHECK(from_serial(1, false) == Date{1900, 1, 1});
  CHECK_FALSE(from_serial(60, false));  // Lotus' 1900-02-29 does not exist
  CHECK(from_serial(61, false) == Date{1900, 3, 1});
  CHECK(from_serial(45292, false) == Date{2024, 1, 1});
  CHECK(from_serial(45601.75, false) == Date{2024, 11, 5});  // a time of day is dropped
  CHECK(from_serial(1, true) == Date{1904, 1, 2});
  CHECK_FALSE(from_serial(-3, false));
}
