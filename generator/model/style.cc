#include "model/style.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "base/units.h"

namespace gw::model {

std::string Color::hex_rgb() const {
  auto ch = [&](double v) { return static_cast<int>(std::lround(255.0 * (1.0 - std::min(1.0, v + k)))); };
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02X%02X%02X", ch(c), ch(m), ch(y));
  return buf;
}

double Style::line_pitch_mm() const {
  if (line_pitch_pt > 0) return pt_to_mm(line_pitch_pt);
  return block_height_mm / lines_per_page;
}

std::string Style::page_number_text(int n) const {
  std::string text = page_number_form;
  auto at = text.find("{n}");
  if (at != std::string::npos) text = text.substr(0, at) + std::to_string(n) + text.substr(at + 3);
  return text;
}

const ElementStyle& Style::element(const std::string& role) const {
  auto it = elements.find(role);
  if (it != elements.end()) return it->second;
  static const ElementStyle body{};
  auto b = elements.find("body");
  return b != elements.end() ? b->second : body;
}

Style Style::gbt9704() {
  Style s;
  auto set = [&](const char* role, const char* font, double size, Color color = Color::black()) {
    s.elements[role] = ElementStyle{font, size, color};
  };
  set("issuer-mark", "title", 0, Color::red());  // size 0 = as large as fits (7.2.4 leaves it to the office)
  set("copy-number", "body", kSizeSanhao);
  set("secrecy", "heading-1", kSizeSanhao);    // 7.2.2 三号黑体
  set("urgency", "heading-1", kSizeSanhao);    // 7.2.3 三号黑体
  set("doc-number", "body", kSizeSanhao);
  set("signer-label", "body", kSizeSanhao);    // 7.2.6
  set("signer-name", "heading-2", kSizeSanhao);  // 7.2.6 楷体
  set("title", "title", kSizeErhao);           // 7.3.1 二号小标宋
  set("recipients", "body", kSizeSanhao);
  set("body", "body", kSizeSanhao);
  set("heading-1", "heading-1", kSizeSanhao);  // 7.3.3 黑体
  set("heading-2", "heading-2", kSizeSanhao);  // 7.3.3 楷体
  set("heading-3", "body", kSizeSanhao);
  set("heading-4", "body", kSizeSanhao);
  set("attachment-list", "body", kSizeSanhao);
  set("attachment-label", "heading-1", kSizeSanhao);  // 7.3.7 三号黑体
  set("attachment-title", "title", kSizeErhao);
  set("signature", "body", kSizeSanhao);
  set("date", "body", kSizeSanhao);
  set("note", "body", kSizeSanhao);
  set("minutes-label", "heading-1", kSizeSanhao);  // 10.3 出席： 黑体
  set("cc", "body", kSizeSihao);        // 7.4.2 四号
  set("printer", "body", kSizeSihao);   // 7.4.3 四号
  set("page-number", "page-number", kSizeSihao);  // 7.5 四号
  set("table", "body", kSizeXiaosi);
  set("table-header", "heading-1", kSizeXiaosi);  // forms.md: table labels and header cells in 黑体
  set("cover-label", "heading-1", kSizeSanhao);   // forms.md: the cover's field labels
  return s;
}

}  // namespace gw::model
