// The layout dump (`gongwen render --dump-layout`): every line box and rule with page, role and mm
// coordinates, rounded to 0.01 mm so golden files diff cleanly.
#include <nlohmann/json.hpp>

#include <cmath>

#include "layout/laid_out.h"

namespace gw::layout {
namespace {

double r2(double v) { return std::round(v * 100.0) / 100.0; }

}  // namespace

std::string dump_json(const Document& doc) {
  nlohmann::ordered_json pages = nlohmann::ordered_json::array();
  for (size_t i = 0; i < doc.pages.size(); ++i) {
    const Page& p = doc.pages[i];
    nlohmann::ordered_json jp;
    jp["page"] = i + 1;
    jp["number"] = p.number;
    jp["blank"] = p.blank;
    jp["width"] = r2(p.width_mm);
    jp["height"] = r2(p.height_mm);
    nlohmann::ordered_json lines = nlohmann::ordered_json::array();
    for (const auto& l : p.lines) {
      nlohmann::ordered_json jl;
      jl["role"] = l.role;
      jl["font_role"] = l.font_role;
      jl["size_pt"] = l.size_pt;
      jl["x"] = r2(l.x_mm);
      jl["top"] = r2(l.top_mm);
      jl["baseline"] = r2(l.baseline_mm);
      jl["width"] = r2(l.width_mm);
      if (l.hscale != 1.0) jl["hscale"] = r2(l.hscale);
      jl["color"] = l.color.hex_rgb();
      jl["text"] = l.text;
      lines.push_back(std::move(jl));
    }
    jp["lines"] = std::move(lines);
    nlohmann::ordered_json rules = nlohmann::ordered_json::array();
    for (const auto& r : p.rules) {
      rules.push_back({{"role", r.role}, {"x1", r2(r.x1_mm)}, {"y1", r2(r.y1_mm)}, {"x2", r2(r.x2_mm)},
                       {"y2", r2(r.y2_mm)}, {"thickness", r2(r.thickness_mm)}, {"color", r.color.hex_rgb()}});
    }
    jp["rules"] = std::move(rules);
    pages.push_back(std::move(jp));
  }
  nlohmann::ordered_json out;
  out["title"] = doc.title;
  out["pages"] = std::move(pages);
  return out.dump(1) + "\n";
}

}  // namespace gw::layout
