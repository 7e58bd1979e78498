// The gw_cjk tokenizer: CJK runs become bigrams (with ICU dictionary words colocated when asked for);
// queries become the bigrams of each run; Latin words are folded to lower case.
#include <catch2/catch.hpp>

#include "archive/cjk_tokenizer.h"

using gw::archive::tokenize_for_test;

namespace {
std::vector<std::string> tokens(const std::string& s, bool query, bool with_colocated, bool dictionary = false) {
  std::vector<std::string> out;
  tokenize_for_test(
      s, query,
      [&](const std::string& t, bool colocated, int, int) {
        if (with_colocated || !colocated) out.push_back(t);
      },
      dictionary);
  return out;
}
}  // namespace

TEST_CASE("document side: bigrams, one position per character") {
  CHECK(tokens("消费名品", false, true) == std::vector<std::string>{"消费", "费名", "名品", "品"});
}

TEST_CASE("query side: only the bigrams of a run") {
  CHECK(tokens("名品", true, true) == std::vector<std::string>{"名品"});
  CHECK(tokens("品", true, true) == std::vector<std::string>{"品"});
  CHECK(tokens("网上年货节", true, true) == std::vector<std::string>{"网上", "上年", "年货", "货节"});
}

TEST_CASE("punctuation splits runs; latin and numbers are words") {
  CHECK(tokens("AR/VR技术，2022年", false, false) ==
        std::vector<std::string>{"ar", "vr", "技术", "术", "2022", "年"});
  // The query side lines up with the document side across runs inside one phrase.
  CHECK(tokens("三品”全国行", true, false) == std::vector<std::string>{"三品", "品", "全国", "国行"});
  CHECK(tokens("ＡＢＣ", true, true) == std::vector<std::string>{"abc"});
}

TEST_CASE("the archive's index holds bigrams only") {
  CHECK(tokens("国务院办公厅", false, true) == std::vector<std::string>{"国务", "务院", "院办", "办公", "公厅", "厅"});
}

TEST_CASE("with `dictionary`, ICU words of three or more characters are colocated") {
  // ICU's dictionary segments 国务院办公厅 as 国务院 / 办公 / 厅.
  auto all = tokens("国务院办公厅", false, true, true);
  CHECK(std::count(all.begin(), all.end(), "国务院") == 1);
  CHECK(std::count(all.begin(), all.end(), "办公厅") == 0);  // not a word for ICU, only bigrams
}
