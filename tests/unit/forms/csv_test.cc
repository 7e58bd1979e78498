// RFC 4180 reading: quoting, embedded line breaks and quotes, BOM, line numbers, and clear errors.
#include <catch2/catch.hpp>

#include "forms/csv.h"

using namespace gw::forms;

namespace {
std::string error_of(std::string_view text) {
  try {
    parse_csv(text, "t.csv");
  } catch (const gw::InputError& e) {
    return gw::format(e.diagnostic());
  }
  return "no error";
}
}  // namespace

TEST_CASE("quoted fields hold commas, quotes and line breaks") {
  Sheet s = parse_csv("\xEF\xBB\xBF名称,说明,数\r\n\"甲,乙\",\"他说\"\"好\"\"\r\n第二行\",3\r\n丙,,\n", "t.csv");
  REQUIRE(s.rows.size() == 3);
  CHECK(s.rows[0].cells[0].text == "名称");  // the BOM is not part of the header
  REQUIRE(s.rows[1].cells.size() == 3);
  CHECK(s.rows[1].cells[0].text == "甲,乙");
  CHECK(s.rows[1].cells[1].text == "他说\"好\"\n第二行");  // CRLF inside a field reads as LF
  CHECK(s.rows[1].cells[2].text == "3");
  CHECK(s.rows[1].number == 2);
  CHECK(s.rows[1].cells[2].line == 3);  // the field after the embedded line break starts on line 3
  CHECK(s.rows[2].number == 4);
  REQUIRE(s.rows[2].cells.size() == 3);
  CHECK(s.rows[2].cells[1].text.empty());
  CHECK(s.rows[2].cells[2].text.empty());
  // Columns count characters, not bytes: "丙," puts the second field at column 3.
  CHECK(s.rows[2].cells[1].column == 3);
}

TEST_CASE("no trailing line break, empty quoted field, lone LF") {
  Sheet s = parse_csv("a,\"\"\nb,c", "t.csv");
  REQUIRE(s.rows.size() == 2);
  CHECK(s.rows[0].cells[1].text.empty());
  CHECK(s.rows[1].cells[1].text == "c");
}

TEST_CASE("malformed CSV names line and column") {
  CHECK(error_of("a,b\n\"never closed,x\n") == "t.csv:2:1: error: quoted field opened here is never closed [RFC 4180]\n"
                                               "  hint: a field that starts with \" must end with \"; write a quote inside a field as \"\"");
  CHECK(error_of("a,b\nx,y\"z\n").rfind("t.csv:2:4: error: quote inside an unquoted field", 0) == 0);
  CHECK(error_of("a,\"b\"c\n").rfind("t.csv:1:6: error: text after the closing quote", 0) == 0);
  CHECK(error_of("a,b\n\xB9\xAB\xCB\xBE\n").rfind("t.csv:2: error: file is not UTF-8", 0) == 0);  // 公司 in GBK
}

TEST_CASE("rows are handed over one at a time, as they are read") {
  // The rows before a malformed one arrive before the error: a batch makes a record of each row
  // while the rest of the file is still unread.
  std::vector<int> numbers;
  std::vector<std::string> firsts;
  CHECK_THROWS_WITH(parse_csv_rows("a,b\n1,2\n\"3\n4\",5\n6,\"never closed\n", "f.csv",
                                   [&](Row&& r) {
                                     numbers.push_back(r.number);
                                     firsts.push_back(r.cells.at(0).text);
                                   }),
                    Catch::Contains("never closed"));
  CHECK(numbers == std::vector<int>{1, 2, 3});
  CHECK(firsts == std::vector<std::string>{"a", "1", "3\n4"});
}
