// Packed records (forms/packed_applications.h) come back as they went in: the sample province's
// records from CSV, XLSX and JSON, with every value's text and location, and the records' own.
#include <catch2/catch.hpp>

#include <map>

#include "forms/packed_applications.h"
#include "forms/read.h"

using namespace gw::forms;

namespace {
const std::string kSamples = std::string(GW_SOURCE_DIR) + "/samples/forms/";
ColumnMap columns() { return ColumnMap::load(std::string(GW_SOURCE_DIR) + "/templates/forms/columns.json"); }

struct Where {
  std::string text, file, column;
  int line, col;
  bool operator==(const Where&) const = default;
};

// Every non-empty value by id, with where it came from.
std::map<std::string, Where> values(const Application& a) {
  std::map<std::string, Where> out;
  for_each_field(a, [&](const std::string& id, const Field& f) {
    if (!f.text.empty()) out[id] = Where{f.text, f.file(), f.column(), f.line, f.col};
  });
  return out;
}
}  // namespace

TEST_CASE("packed records unpack to the same values, locations and order") {
  for (const char* file : {"province.csv", "province.xlsx"}) {
    INFO(file);
    ReadResult r = read_applications(kSamples + file, columns());
    REQUIRE(r.applications.size() == 20);
    // In memory; in a temporary file record by record; and split between the two.
    for (size_t chunk : {size_t{0}, size_t{1}, size_t{20000}}) {
      INFO("chunk " << chunk);
      PackedApplications packed = chunk == 0 ? PackedApplications() : PackedApplications::spilling(chunk);
      for (const auto& a : r.applications) packed.add(a);
      REQUIRE(packed.size() == r.applications.size());
      if (chunk == 1) CHECK(packed.bytes_in_memory() == 0);
      if (chunk == 20000) CHECK((packed.bytes_in_memory() > 0 && packed.bytes_in_memory() < packed.bytes()));
      // Backwards, so that a record found by its neighbour's offset would show.
      for (size_t i = packed.size(); i-- > 0;) {
        const Application& a = r.applications[i];
        const Application b = packed.get(i);
        INFO(a.where);
        std::string diff;
        CHECK(same_data(a, b, &diff));
        INFO(diff);
        CHECK(b.kind == a.kind);
        CHECK(packed.kind(i) == a.kind);
        CHECK(b.where == a.where);
        CHECK(b.loc.file == a.loc.file);
        CHECK(b.loc.line == a.loc.line);
        CHECK(values(b) == values(a));
        CHECK(values(a).size() > 20);  // the comparison saw the record's values
      }
    }
  }
}

TEST_CASE("packing keeps a record's texts and little else") {
  ReadResult r = read_applications(kSamples + "province.csv", columns());
  PackedApplications packed;
  size_t texts = 0, count = 0;
  for (const auto& a : r.applications) {
    packed.add(a);
    for (const auto& [id, v] : values(a)) {
      texts += v.text.size();
      ++count;
    }
  }
  CHECK(packed.bytes() > texts);
  // Per value its id, lengths and position: some 16 bytes (the data file's path alone is longer),
  // against 56 bytes of Field for every value of an Application, empty or not, and a vector per group.
  CHECK(packed.bytes() < texts + 32 * count + 64 * r.applications.size());
}

TEST_CASE("a JSON record without sources packs and unpacks") {
  Application a;
  a.kind = Kind::EnterpriseBrand;
  a.where = "第1条";
  a.name.text = "甲公司";
  a.brand_name.text = "甲";
  *field_by_id(a, "section.品牌建设") = Field{"正文\n第二段"};
  PackedApplications packed;
  packed.add(a);
  Application b = packed.get(0);
  CHECK(same_data(a, b));
  CHECK(b.name.source == nullptr);
  CHECK(b.section("品牌建设")->text.text == "正文\n第二段");
}
