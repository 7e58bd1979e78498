#include "layout/text_setter.h"

#include <cstdio>

#include "base/units.h"
#include "base/utf8.h"
#include "text/line_breaker.h"

namespace gw::layout {
std::vector<SetGlyph> TextSetter::shape(const std::vector<Run>& runs, double size_pt) const {
  std::vector<SetGlyph> out;
  const double size_mm = pt_to_mm(size_pt);
  for (const auto& run : runs) {
    const std::string& font_role = style_.element(run.role).font_role;
    std::u32string cps = to_u32(run.text);
    for (size_t i = 0; i < cps.size(); ++i) {
      char32_t cp = cps[i];
      if (cp == U'\t' || cp == U'\n' || cp == U'\r') cp = U' ';
      int face = fonts_.face_for(font_role, cp);
      if (face < 0) {
        std::string tried;
        for (int f : fonts_.chain(font_role)) tried += (tried.empty() ? "" : ", ") + fonts_.path(f);
        Diagnostic d;
        d.loc = run.loc;
        d.message = "character '" + to_utf8(cp) + "' (" + code_point_name(cp) + "), character " + std::to_string(i + 1) +
                    " of \"" + (run.text.size() > 60 ? run.text.substr(0, 57) + "…" : run.text) +
                    "\", is in no font of role '" + font_role + "' (tried: " + tried + ")";
        d.hint = "add a font that has it to the '" + font_role + "' chain in the font map (--fonts) or pass --font " +
                 font_role + "=FILE";
        throw InputError(d);
      }
      // 5.2.3: the character grid (28 characters of 三号 in 156 mm, so a cell is a little narrower
      // than the em). It scales every character, not only ideographs: a half-width digit or Latin
      // letter takes half a cell, as on the DOCX's w:docGrid, where Word and LibreOffice add the
      // grid's (negative) extra pitch to every character and half of it to a half-width one.
      // At its natural width "（2022－2035年）" would not fit where their lines fit it.
      double adv;
      if (text::is_cjk(cp))
        adv = size_mm * grid_.grid_ratio();
      else
        adv = fonts_.advance_em(face, cp) * size_mm * grid_.grid_ratio();
      out.push_back({cp, face, adv});
    }
  }
  return out;
}

std::vector<SetGlyph> TextSetter::shape(const std::string& text, const std::string& role, const SourceLoc& loc) const {
  return shape(std::vector<Run>{{text, role, loc}}, size_of(role));
}

double TextSetter::width(const std::vector<SetGlyph>& g, size_t begin, size_t end) {
  double w = 0;
  for (size_t i = begin; i < g.size() && i < end; ++i) w += g[i].advance;
  return w;
}

TextLine TextSetter::line(const std::vector<SetGlyph>& g, size_t begin, size_t end, const std::string& role, double x,
                          double baseline, double justify_to, double squeeze_mm, double hscale) const {
  const auto& es = style_.element(role);
  TextLine tl;
  tl.role = role;
  tl.font_role = es.font_role;
  tl.size_pt = es.size_pt;
  tl.color = es.color;
  tl.x_mm = x;
  tl.baseline_mm = baseline;
  tl.top_mm = baseline - kEmBaseline * pt_to_mm(es.size_pt);
  tl.hscale = hscale;
  std::vector<double> adv;
  double capacity = 0;
  for (size_t i = begin; i < end; ++i) {
    adv.push_back(g[i].advance * hscale);
    if (text::is_squeezable(g[i].cp)) capacity += g[i].advance * hscale / 2;
  }
  if (squeeze_mm > 0 && capacity > 0) {
    for (size_t i = begin; i < end; ++i)
      if (text::is_squeezable(g[i].cp)) adv[i - begin] -= squeeze_mm * (g[i].advance * hscale / 2) / capacity;
  }
  double natural = 0;
  for (double a : adv) natural += a;
  double gap = 0;
  if (justify_to > 0 && end - begin > 1) gap = (justify_to - natural) / static_cast<double>(end - begin - 1);
  double cx = x;
  std::u32string cps;
  for (size_t i = begin; i < end; ++i) {
    Glyph gl;
    gl.cp = g[i].cp;
    gl.face = g[i].face;
    gl.x_mm = cx;
    gl.advance_mm = adv[i - begin];
    tl.glyphs.push_back(gl);
    cps.push_back(g[i].cp);
    cx += adv[i - begin] + (i + 1 < end ? gap : 0);
  }
  tl.width_mm = cx - x;
  tl.text = to_utf8(cps);
  return tl;
}

namespace {

void split(const std::vector<SetGlyph>& g, std::u32string& cps, std::vector<double>& adv) {
  cps.reserve(g.size());
  adv.reserve(g.size());
  for (const auto& x : g) {
    cps.push_back(x.cp);
    adv.push_back(x.advance);
  }
}

}  // namespace

std::vector<text::BrokenLine> TextSetter::break_glyphs(const std::vector<SetGlyph>& g, double first_mm, double rest_mm) {
  std::u32string cps;
  std::vector<double> adv;
  split(g, cps, adv);
  return text::break_lines(cps, adv, first_mm, rest_mm);
}

std::vector<size_t> TextSetter::balance_title(const std::vector<SetGlyph>& g, double width_mm) {
  std::u32string cps;
  std::vector<double> adv;
  split(g, cps, adv);
  return text::balance_title(cps, adv, width_mm);
}

}  // namespace gw::layout
