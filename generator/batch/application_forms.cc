// See application_forms.h.
#include "batch/application_forms.h"

#include "base/files.h"
#include "base/sha256.h"
#include "export/docx/form_docx.h"
#include "forms/application_form.h"
#include "forms/read.h"
#include "layout/form_layout.h"

#include <algorithm>

#include "base/utf8.h"

namespace gw::batch {

std::string application_forms_fingerprint(const std::string& forms_dir) {
  std::string all;
  for (auto k : {forms::Kind::TypicalCase, forms::Kind::EnterpriseBrand, forms::Kind::RegionalBrand})
    all += read_file(forms_dir + "/" + forms::template_name(k) + ".xml");
  return sha256_hex(all);
}

ApplicationDocument render_application(const forms::Application& app, const forms::FormTemplates& templates,
                                       const model::Style& style, const fonts::FontSet& fonts, bool docx) {
  model::FormDocument form = forms::fill_application(app, templates);
  ApplicationDocument out;
  out.laid_out = layout::layout_form(form, style, fonts);
  if (docx) out.docx = docx::write_form_docx(form, style, docx::options_for_fonts(fonts));
  return out;
}

namespace {

// Data with every field empty and every repeated group at its minimum.
class NoValues : public tmpl::FormValues {
 public:
  std::optional<model::FormText> value(const std::string&, const std::string&) const override { return model::FormText{}; }
  std::optional<int> group_size(const std::string&) const override { return 0; }
  std::string record_name() const override { return "the form's fixed words"; }
  std::string known_fields() const override { return {}; }
};

}  // namespace

std::u32string common_characters(const std::vector<forms::Application>& apps, forms::Kind kind) {
  // Per character, how many applications print it: counted once per application through the
  // number of the last application that was seen with it (sorting each application's characters,
  // or a map, took a quarter of a batch's planning).
  struct Seen {
    int last = -1, count = 0;
  };
  std::vector<Seen> bmp(0x10000);
  std::map<char32_t, Seen> beyond;  // outside the BMP: rare
  int n = 0;
  for (const auto& a : apps) {
    if (a.kind != kind) continue;
    const int id = n++;
    auto add = [&](const forms::Field& f) {
      for (char32_t c : to_u32(f.text)) {
        Seen& s = c < 0x10000 ? bmp[c] : beyond[c];
        if (s.last != id) s.last = id, ++s.count;
      }
    };
    forms::for_each_field(a, [&add](const std::string&, const forms::Field& f) { add(f); });
  }
  std::u32string common;
  if (n < kMinSharing) return common;
  auto keep = [&](char32_t c, const Seen& s) {
    if (2 * s.count >= n && c > U' ') common.push_back(c);
  };
  for (char32_t c = 0; c < 0x10000; ++c) keep(c, bmp[c]);
  for (const auto& [c, s] : beyond) keep(c, s);
  return common;
}

std::map<int, std::u32string> value_faces(const std::u32string& cps, const model::Style& style, const fonts::FontSet& fonts) {
  std::map<int, std::u32string> by_face;
  for (const char* element : {"table", "body"}) {
    const std::string& role = style.element(element).font_role;
    for (char32_t c : cps)
      if (int face = fonts.face_for(role, c); face >= 0) by_face[face].push_back(c);
  }
  for (auto& [face, v] : by_face) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  }
  return by_face;
}

layout::Document application_skeleton(forms::Kind kind, const forms::FormTemplates& templates, const model::Style& style,
                                      const fonts::FontSet& fonts) {
  return layout::layout_form(templates.for_kind(kind).fill(NoValues()), style, fonts);
}

}  // namespace gw::batch
