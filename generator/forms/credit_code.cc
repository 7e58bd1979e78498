// GB 32100-2015 check character: Σ(value × weight) over positions 1–17, check = 31 − (Σ mod 31),
// where 31 becomes 0, mapped back through the same 31-character alphabet (forms.md rule 1).
#include "forms/credit_code.h"

#include <array>

namespace gw::forms {
namespace {

// The standard's alphabet: no I, O, S, V, Z (they look like 1, 0, 5, U, 2).
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> kWeights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

int value_of(char c) {
  auto pos = kAlphabet.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

}  // namespace

std::optional<char> credit_code_check_char(std::string_view stem) {
  if (stem.size() != 17) return std::nullopt;
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) {
    int v = value_of(stem[i]);
    if (v < 0) return std::nullopt;
    sum += v * kWeights[i];
  }
  int check = 31 - sum % 31;
  if (check == 31) check = 0;
  return kAlphabet[static_cast<size_t>(check)];
}

std::optional<std::string> credit_code_problem(std::string_view code) {
  if (code.empty()) return std::string("为空");
  // Count code points, not bytes, so that a full-width character reads as one wrong character.
  size_t chars = 0;
  for (unsigned char c : code)
    if ((c & 0xC0) != 0x80) ++chars;
  if (chars != 18) return "应为18位，实为" + std::to_string(chars) + "位";
  if (code.size() != 18) return "含全角或其他非ASCII字符，应全部为半角数字和大写字母";
  for (size_t i = 0; i < 18; ++i) {
    char c = code[i];
    if (c >= 'a' && c <= 'z') return "第" + std::to_string(i + 1) + "位是小写字母 '" + std::string(1, c) + "'，应大写";
    if (value_of(c) < 0)
      return "第" + std::to_string(i + 1) + "位 '" + std::string(1, c) +
             "' 不在代码字符集中（0-9 及 A-H J-N P-R T U W-Y，不用 I O S V Z）";
  }
  char expected = *credit_code_check_char(code.substr(0, 17));
  if (expected != code[17])
    return "第18位校验码应为 " + std::string(1, expected) + "，实为 " + std::string(1, code[17]);
  return std::nullopt;
}

bool credit_code_is_enterprise(std::string_view code) { return code.size() == 18 && code[0] == '9' && code[1] == '1'; }

bool credit_code_is_government(std::string_view code) { return code.size() == 18 && code[0] == '1' && code[1] == '1'; }

}  // namespace gw::forms
