#include "template/style_reader.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "template/xml_document.h"

namespace gw::tmpl {
namespace {

std::string styles_dir() {
  if (const char* dir = std::getenv("GONGWEN_TEMPLATES")) return std::string(dir) + "/styles";
  return std::string(GW_TEMPLATES_DIR) + "/styles";
}

double num(const xmlNode* n, const char* a, double fallback) {
  if (!xml::has_attr(n, a)) return fallback;
  return std::strtod(xml::attr(n, a).c_str(), nullptr);  // the schema has checked the form
}

model::Color color(const std::string& s) {
  if (s == "red") return model::Color::red();
  if (s == "black") return model::Color::black();
  int c = 0, m = 0, y = 0, k = 100;
  std::sscanf(s.c_str(), "cmyk(%d,%d,%d,%d)", &c, &m, &y, &k);
  return {c / 100.0, m / 100.0, y / 100.0, k / 100.0};
}

}  // namespace

std::string resolve_style_path(const std::string& s) {
  if (s.find('/') != std::string::npos || (s.size() > 4 && s.substr(s.size() - 4) == ".xml")) return s;
  return styles_dir() + "/" + s + ".xml";
}

model::Style read_style(const std::string& name_or_path) {
  const std::string path = resolve_style_path(name_or_path);
  if (!std::filesystem::exists(path))
    throw InputError(SourceLoc{path}, "no such style", "styles shipped: see " + styles_dir() + "/ (e.g. gbt9704-2012)");
  auto doc = xml::parse_file(path);
  xml::validate(doc.get(), styles_dir() + "/style.xsd", path);
  model::Style s = model::Style::gbt9704();
  s.source_file = path;
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  s.name = xml::attr(root, "name", s.name);
  for (const xmlNode* c = root->children; c; c = c->next) {
    if (!xml::is_element(c)) continue;
    const std::string e = xml::name(c);
    if (e == "page") {
      s.page_width_mm = num(c, "width", s.page_width_mm);
      s.page_height_mm = num(c, "height", s.page_height_mm);
    } else if (e == "margins") {
      s.top_margin_mm = num(c, "top", s.top_margin_mm);
      s.left_margin_mm = num(c, "left", s.left_margin_mm);
    } else if (e == "text-block") {
      s.block_width_mm = num(c, "width", s.block_width_mm);
      s.block_height_mm = num(c, "height", s.block_height_mm);
    } else if (e == "grid") {
      s.lines_per_page = static_cast<int>(num(c, "lines", s.lines_per_page));
      s.chars_per_line = static_cast<int>(num(c, "chars", s.chars_per_line));
      s.line_pitch_pt = num(c, "line-pitch-pt", s.line_pitch_pt);
    } else if (e == "issuer-mark") {
      s.mark_top_from_block_mm = num(c, "top-from-block", s.mark_top_from_block_mm);
      s.letter_mark_top_from_page_mm = num(c, "letter-top-from-page", s.letter_mark_top_from_page_mm);
      s.order_mark_top_from_block_mm = num(c, "order-top-from-block", s.order_mark_top_from_block_mm);
      s.mark_min_hscale = num(c, "min-hscale", s.mark_min_hscale);
    } else if (e == "red-line") {
      s.red_line_gap_mm = num(c, "gap", s.red_line_gap_mm);
      s.red_line_width_mm = num(c, "width", s.red_line_width_mm);
    } else if (e == "letter") {
      s.letter_line_length_mm = num(c, "line-length", s.letter_line_length_mm);
      s.letter_bottom_line_from_page_bottom_mm = num(c, "bottom-line-from-page-bottom", s.letter_bottom_line_from_page_bottom_mm);
    } else if (e == "colophon") {
      s.colophon_thick_mm = num(c, "thick", s.colophon_thick_mm);
      s.colophon_thin_mm = num(c, "thin", s.colophon_thin_mm);
    } else if (e == "page-number") {
      s.page_number_gap_mm = num(c, "gap", s.page_number_gap_mm);
      s.page_number_indent_chars = static_cast<int>(num(c, "indent-chars", s.page_number_indent_chars));
      s.page_number_form = xml::attr(c, "form", s.page_number_form);
    } else if (e == "printing") {
      std::string d = xml::attr(c, "duplex", "true");
      s.duplex = d == "true" || d == "1";
    } else if (e == "element") {
      auto& es = s.elements[xml::attr(c, "role")];
      es.font_role = xml::attr(c, "font", es.font_role);
      es.size_pt = num(c, "size", es.size_pt);
      if (xml::has_attr(c, "color")) es.color = color(xml::attr(c, "color"));
    }
  }
  // What the schema cannot see: the geometry as a whole.
  SourceLoc at = xml::loc(root, path);
  if (s.left_margin_mm + s.block_width_mm > s.page_width_mm + 1e-9)
    throw InputError(at, "the text block is wider than the page: left margin " + std::to_string(s.left_margin_mm) +
                             " mm + block " + std::to_string(s.block_width_mm) + " mm > page " + std::to_string(s.page_width_mm) + " mm",
                     "reduce <margins left> or <text-block width>");
  if (s.top_margin_mm + s.block_height_mm > s.page_height_mm + 1e-9)
    throw InputError(at, "the text block is taller than the page", "reduce <margins top> or <text-block height>");
  if (s.line_pitch_mm() * s.lines_per_page > s.block_height_mm + 0.5)
    throw InputError(at, "lines per page × line pitch (" + std::to_string(s.line_pitch_mm() * s.lines_per_page) +
                             " mm) exceeds the text block height (" + std::to_string(s.block_height_mm) + " mm)",
                     "reduce <grid lines> or line-pitch-pt");
  return s;
}

std::vector<Diagnostic> style_departures(const model::Style& s) {
  std::vector<Diagnostic> out;
  const model::Style ref = model::Style::gbt9704();
  SourceLoc at{s.source_file};
  auto cmp = [&](const char* what, double v, double r, const char* clause) {
    if (std::fabs(v - r) > 1e-6)
      out.push_back({Severity::Info, at, std::string("style '") + s.name + "' sets " + what + " to " + std::to_string(v).substr(0, std::to_string(v).find('.') + 3) +
                                          " (GB/T 9704: " + std::to_string(r).substr(0, std::to_string(r).find('.') + 3) + ")", {}, clause});
  };
  cmp("the top margin (mm)", s.top_margin_mm, ref.top_margin_mm, "GB/T 9704 5.2.1");
  cmp("the left margin (mm)", s.left_margin_mm, ref.left_margin_mm, "GB/T 9704 5.2.1");
  cmp("the text block width (mm)", s.block_width_mm, ref.block_width_mm, "GB/T 9704 5.2.1");
  cmp("the text block height (mm)", s.block_height_mm, ref.block_height_mm, "GB/T 9704 5.2.1");
  cmp("lines per page", s.lines_per_page, ref.lines_per_page, "GB/T 9704 5.2.3");
  cmp("characters per line", s.chars_per_line, ref.chars_per_line, "GB/T 9704 5.2.3");
  cmp("the line pitch (mm)", s.line_pitch_mm(), ref.line_pitch_mm(), "GB/T 9704 5.2.3");
  cmp("the page number gap (mm)", s.page_number_gap_mm, ref.page_number_gap_mm, "GB/T 9704 7.5");
  cmp("the page number indent (characters)", s.page_number_indent_chars, ref.page_number_indent_chars, "GB/T 9704 7.5");
  if (s.page_number_form != ref.page_number_form)
    out.push_back({Severity::Info, at, "style '" + s.name + "' prints page numbers as \"" + s.page_number_form + "\" (GB/T 9704: \"— N —\")", {}, "GB/T 9704 7.5"});
  return out;
}

}  // namespace gw::tmpl
