// 统一社会信用代码 (GB 32100-2015, forms.md rule 1): check characters computed by hand.
#include <catch2/catch.hpp>

#include "forms/credit_code.h"

using namespace gw::forms;

TEST_CASE("commonly cited valid code: 91350100M000100Y43") {
  // By hand: values 9 1 3 5 0 1 0 0 M=21 0 0 0 1 0 0 Y=30 4 times weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
  // = 9+3+27+135+0+26+0+0+420+0+0+0+8+0+0+900+112 = 1640; 1640 mod 31 = 28; 31-28 = 3.
  CHECK(credit_code_check_char("91350100M000100Y4") == '3');
  CHECK(is_valid_credit_code("91350100M000100Y43"));
  CHECK(credit_code_is_enterprise("91350100M000100Y43"));
}

TEST_CASE("check character edge values worked by hand") {
  // Σ = 0 → 31 − 0 = 31 → 0.
  CHECK(credit_code_check_char("00000000000000000") == '0');
  // Σ = 1 → 30 → the 31st character of 0-9 A-H J-N P-R T U W-Y, which is Y.
  CHECK(credit_code_check_char("10000000000000000") == 'Y');
  // Σ = 3 (weight 3 at position 2) → 28 → W.
  CHECK(credit_code_check_char("01000000000000000") == 'W');
  // Σ = 30 (value 10 = 'A' × weight 3) → 1.
  CHECK(credit_code_check_char("0A000000000000000") == '1');
}

TEST_CASE("invalid codes are named precisely") {
  CHECK(*credit_code_problem("91350100M000100Y44") == "第18位校验码应为 3，实为 4");
  CHECK(*credit_code_problem("91350100M000100Y4") == "应为18位，实为17位");
  CHECK(*credit_code_problem("") == "为空");
  CHECK(credit_code_problem("91350100I000100Y43")->find("第9位 'I' 不在代码字符集中") == 0);
  for (char c : {'O', 'S', 'V', 'Z'}) {
    std::string code = "91350100M000100Y43";
    code[8] = c;
    CHECK(credit_code_problem(code).has_value());
  }
  CHECK(credit_code_problem("91350100m000100Y43")->find("小写") != std::string::npos);
  // A full-width digit counts as one character but is not ASCII.
  CHECK(credit_code_problem("９1350100M000100Y43")->find("全角") != std::string::npos);
  CHECK_FALSE(credit_code_check_char("9135010OM000100Y4").has_value());
}

TEST_CASE("registration kinds from the first two characters") {
  CHECK(credit_code_is_government("11350526003591578W"));
  CHECK_FALSE(credit_code_is_enterprise("11350526003591578W"));
  CHECK_FALSE(credit_code_is_enterprise("12350625MB01372546"));
}
