// UTF-8 <-> code points. Text is stored as UTF-8 everywhere; layout works on code points.
#pragma once

#include <string>
#include <string_view>

namespace gw {

std::u32string to_u32(std::string_view utf8);  // invalid bytes become U+FFFD
std::string to_utf8(std::u32string_view cps);
std::string to_utf8(char32_t cp);
// "U+4E00": how messages name a character (with the character itself beside it).
std::string code_point_name(char32_t cp);
size_t utf8_length(std::string_view utf8);     // number of code points
bool is_valid_utf8(std::string_view utf8);

// Trim ASCII and ideographic (U+3000) white space at both ends.
std::string trim(std::string_view s);
std::string_view trim_view(std::string_view s);  // the same, as a view into s

}  // namespace gw
