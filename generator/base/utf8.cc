#include "base/utf8.h"

#include <cstdio>

#include <unicode/utf8.h>

namespace gw {

std::u32string to_u32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  int32_t i = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
  }
  return out;
}

std::string to_utf8(char32_t cp) {
  char buf[4];
  int32_t i = 0;
  UBool err = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), i, 4, static_cast<UChar32>(cp), err);
  if (err) return "\xEF\xBF\xBD";
  return std::string(buf, static_cast<size_t>(i));
}

std::string to_utf8(std::u32string_view cps) {
  // Encoded in place: a temporary string per code point was most of the cost for long texts (import).
  std::string out(cps.size() * 4, '\0');
  auto* p = reinterpret_cast<uint8_t*>(out.data());
  int32_t i = 0, cap = static_cast<int32_t>(out.size());
  for (char32_t c : cps) {
    UBool err = false;
    U8_APPEND(p, i, cap, static_cast<UChar32>(c), err);
    if (err) {  // not a scalar value (a surrogate, or past U+10FFFF): U+FFFD, as to_utf8(char32_t)
      U8_APPEND_UNSAFE(p, i, 0xFFFD);
    }
  }
  out.resize(static_cast<size_t>(i));
  return out;
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

bool is_valid_utf8(std::string_view s) {
  int32_t i = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

std::string trim(std::string_view s) { return std::string(trim_view(s)); }

std::string_view trim_view(std::string_view s) {
  auto is_space_at_front = [&](std::string_view v) -> size_t {
    if (v.empty()) return 0;
    unsigned char c = static_cast<unsigned char>(v[0]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
    if (v.size() >= 3 && v.substr(0, 3) == "\xE3\x80\x80") return 3;  // U+3000
    return 0;
  };
  auto is_space_at_back = [&](std::string_view v) -> size_t {
    if (v.empty()) return 0;
    unsigned char c = static_cast<unsigned char>(v.back());
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
    if (v.size() >= 3 && v.substr(v.size() - 3) == "\xE3\x80\x80") return 3;
    return 0;
  };
  while (size_t k = is_space_at_front(s)) s.remove_prefix(k);
  while (size_t k = is_space_at_back(s)) s.remove_suffix(k);
  return s;
}

std::string code_point_name(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

}  // namespace gw
