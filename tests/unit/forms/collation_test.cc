// 推荐汇总表 orders against hand-made expectations: strokes 丁(2) < 王(4) < 张(7); pinyin ān < běi < chéng.
#include <catch2/catch.hpp>

#include "forms/collation.h"

using namespace gw::forms;

namespace {
std::vector<std::string> order(const std::vector<std::string>& names, SortOrder o) {
  std::vector<std::string> out;
  for (size_t i : sorted_indices(names, o)) out.push_back(names[i]);
  return out;
}
}  // namespace

TEST_CASE("stroke order") {
  CHECK(order({"张", "王", "丁"}, SortOrder::Stroke) == std::vector<std::string>{"丁", "王", "张"});
  // 丁(2) 王(4) 北(5) 张(7) 福(13)
  CHECK(order({"福州公司", "张家界公司", "北京公司", "丁氏公司", "王氏公司"}, SortOrder::Stroke) ==
        std::vector<std::string>{"丁氏公司", "王氏公司", "北京公司", "张家界公司", "福州公司"});
}

TEST_CASE("pinyin order") {
  CHECK(order({"成", "北", "安"}, SortOrder::Pinyin) == std::vector<std::string>{"安", "北", "成"});
  // dīng < wáng < zhāng, and 厦(xià) 门 < 漳(zhāng) 州
  CHECK(order({"张", "丁", "王"}, SortOrder::Pinyin) == std::vector<std::string>{"丁", "王", "张"});
  CHECK(order({"漳州公司", "厦门公司", "福州公司"}, SortOrder::Pinyin) ==
        std::vector<std::string>{"福州公司", "厦门公司", "漳州公司"});
}

TEST_CASE("input order and ties keep the order given") {
  CHECK(order({"张", "丁", "王"}, SortOrder::Input) == std::vector<std::string>{"张", "丁", "王"});
  std::vector<std::string> same = {"王", "王", "丁"};
  CHECK(sorted_indices(same, SortOrder::Stroke) == std::vector<size_t>{2, 0, 1});
  CHECK(parse_sort_order("笔画") == SortOrder::Stroke);
  CHECK(parse_sort_order("pinyin") == SortOrder::Pinyin);
  CHECK_FALSE(parse_sort_order("alpha"));
}
