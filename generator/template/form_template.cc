#include "template/form_template.h"

#include <libxml/tree.h>

#include <sstream>

#include "base/diagnostic.h"
#include "template/xml_document.h"

namespace gw::tmpl {

struct FormTemplate::Doc {
  xml::DocPtr doc;
};

std::string form_schema_path() { return std::string(GW_TEMPLATES_DIR) + "/forms/form.xsd"; }

namespace {

using model::Align;
using model::FormText;

std::vector<const xmlNode*> children(const xmlNode* n) {
  std::vector<const xmlNode*> out;
  for (const xmlNode* c = n->children; c; c = c->next)
    if (xml::is_element(c)) out.push_back(c);
  return out;
}

Align parse_align(const std::string& s, Align fallback) {
  if (s == "left") return Align::Left;
  if (s == "center") return Align::Centre;
  if (s == "right") return Align::Right;
  return fallback;
}

// Filling one template for one record: the current repeat entry, if any, and where errors point.
class Filler {
 public:
  Filler(const FormValues& v, const std::string& file) : values_(v), file_(file) {}

  model::FormDocument run(const xmlNode* root, const FormTemplate& t);

 private:
  // Replaces every {id} / {id|filter} / {#} in `s`. A text that is exactly one placeholder becomes
  // that field (fillable, with its placeholder); anything else is fixed text.
  FormText expand(const std::string& s, const xmlNode* at, const std::string& placeholder) const;
  std::string resolve(const std::string& id) const;
  model::FormCell cell(const xmlNode* n) const;
  model::FormRow row(const xmlNode* n) const;
  void table(const xmlNode* n, model::FormTable& t);

  [[noreturn]] void fail(const xmlNode* at, const std::string& what, const std::string& hint) const {
    throw InputError(xml::loc(at, file_), what, hint);
  }

  const FormValues& values_;
  const std::string& file_;
  std::string group_;  // inside <repeat group="…">
  int index_ = 0;      // its current entry, from 1
};

std::string Filler::resolve(const std::string& id) const {
  // Inside a repeat, {year.revenue} is the current entry's: year2.revenue.
  if (!group_.empty() && id.size() > group_.size() && id.compare(0, group_.size(), group_) == 0 &&
      id[group_.size()] == '.')
    return group_ + std::to_string(index_) + id.substr(group_.size());
  return id;
}

FormText Filler::expand(const std::string& s, const xmlNode* at, const std::string& placeholder) const {
  FormText out;
  out.loc = xml::loc(at, file_);
  size_t fields = 0;
  bool only_placeholder = false;
  std::string text;
  size_t i = 0;
  while (i < s.size()) {
    size_t open = s.find('{', i);
    if (open == std::string::npos) {
      text += s.substr(i);
      break;
    }
    size_t close = s.find('}', open);
    if (close == std::string::npos)
      fail(at, "unclosed placeholder “" + s.substr(open) + "”", "write placeholders as {field} or {field|date}");
    text += s.substr(i, open - i);
    std::string inner = s.substr(open + 1, close - open - 1);
    i = close + 1;
    if (inner == "#") {
      if (group_.empty()) fail(at, "{#} outside a <repeat>", "{#} numbers the entries of a <repeat group=…>");
      text += std::to_string(index_);
      continue;
    }
    std::string id = inner, filter;
    if (auto bar = inner.find('|'); bar != std::string::npos) {
      id = inner.substr(0, bar);
      filter = inner.substr(bar + 1);
    }
    std::string full = resolve(id);
    auto v = values_.value(full, filter);
    if (!v) {
      if (!filter.empty() && values_.value(full, ""))
        fail(at, "unknown filter “|" + filter + "” in {" + inner + "}", "the filters are: |date");
      fail(at, "the template asks for {" + inner + "}, which is not a field of " + values_.record_name(),
           "use one of: " + values_.known_fields());
    }
    ++fields;
    only_placeholder = open == s.find_first_not_of(' ') && i == s.size();
    text += v->text;
    if (fields == 1) {
      out.field = full;
      out.placeholder = placeholder.empty() ? v->placeholder : placeholder;
      if (!v->text.empty()) out.loc = v->loc;
    }
  }
  out.text = std::move(text);
  if (fields != 1 || !only_placeholder) {  // fixed words around data: not a field a clerk fills
    out.field.clear();
    out.placeholder.clear();
    out.loc = xml::loc(at, file_);
  }
  return out;
}

model::FormCell Filler::cell(const xmlNode* n) const {
  model::FormCell c;
  c.label = xml::name(n) == "label";
  c.loc = xml::loc(n, file_);
  c.col_span = std::stoi(xml::attr(n, "span", "1"));
  c.row_span = std::stoi(xml::attr(n, "rows", "1"));
  const Align align = parse_align(xml::attr(n, "align"), c.label ? Align::Centre : Align::Left);
  auto kids = children(n);
  if (kids.empty()) {
    FormText t = expand(xml::text(n), n, xml::attr(n, "placeholder"));
    if (!t.text.empty() || t.fillable()) c.paras.push_back({std::move(t), align});
    return c;
  }
  for (const xmlNode* k : kids) {
    model::FormPara p{expand(xml::text(k), k, xml::attr(k, "placeholder")), parse_align(xml::attr(k, "align"), align)};
    (xml::name(k) == "foot" ? c.foot : c.paras).push_back(std::move(p));
  }
  return c;
}

model::FormRow Filler::row(const xmlNode* n) const {
  model::FormRow r;
  r.header = xml::attr(n, "header") == "true" || xml::attr(n, "header") == "1";
  r.min_lines = std::stoi(xml::attr(n, "min-lines", "1"));
  for (const xmlNode* c : children(n)) r.cells.push_back(cell(c));
  return r;
}

void Filler::table(const xmlNode* n, model::FormTable& t) {
  t.loc = xml::loc(n, file_);
  std::istringstream widths(xml::attr(n, "widths"));
  for (double w; widths >> w;) t.widths.push_back(w);
  for (const xmlNode* k : children(n)) {
    if (xml::name(k) == "row") {
      t.rows.push_back(row(k));
      continue;
    }
    // <repeat group="year" min="3" max="3">
    const std::string group = xml::attr(k, "group");
    auto size = values_.group_size(group);
    if (!size) fail(k, "unknown repeated group “" + group + "”", "the groups are: year, joint, representative");
    const int min = std::stoi(xml::attr(k, "min", "0"));
    const int max = std::stoi(xml::attr(k, "max", "40"));
    if (*size > max)
      fail(k, values_.record_name() + " has " + std::to_string(*size) + " entries of “" + group +
                  "”, the form has room for " + std::to_string(max),
           "drop the extra entries from the data (forms.md limits them), or raise max in the template");
    group_ = group;
    for (index_ = 1; index_ <= std::max(min, *size); ++index_)
      for (const xmlNode* r : children(k)) t.rows.push_back(row(r));
    group_.clear();
    index_ = 0;
  }
  // Every row must cover the table's columns (a row spanning too few or too many is a template
  // slip that would draw a ragged table). Row spans from rows above count.
  const int cols = static_cast<int>(t.widths.size());
  std::vector<int> covered(t.rows.size() + 40, 0);
  for (size_t r = 0; r < t.rows.size(); ++r) {
    int used = covered[r];
    for (const auto& c : t.rows[r].cells) {
      used += c.col_span;
      for (int k = 1; k < c.row_span && r + static_cast<size_t>(k) < covered.size(); ++k)
        covered[r + static_cast<size_t>(k)] += c.col_span;
    }
    if (used != cols)
      throw InputError(t.rows[r].cells.empty() ? t.loc : t.rows[r].cells.front().loc,
                       "this table row covers " + std::to_string(used) + " columns, the table has " +
                           std::to_string(cols) + " (widths=\"" + xml::attr(n, "widths") + "\")",
                       "make the cells' span (and the rows spans from above) add up to the number of widths");
  }
}

model::FormDocument Filler::run(const xmlNode* root, const FormTemplate& t) {
  model::FormDocument doc;
  doc.name = t.name();
  doc.label = t.label();
  doc.title = t.title();
  doc.template_loc = xml::loc(root, file_);
  for (const xmlNode* n : children(root)) {
    const std::string what = xml::name(n);
    auto part = [&](model::FormPartKind k) {
      model::FormPart p;
      p.kind = k;
      p.loc = xml::loc(n, file_);
      return p;
    };
    if (what == "cover") {
      for (const xmlNode* f : children(n)) {
        model::FormPart p = part(model::FormPartKind::CoverField);
        p.loc = xml::loc(f, file_);
        p.label = expand(xml::attr(f, "label"), f, "");
        p.value = expand(xml::attr(f, "value"), f, xml::attr(f, "placeholder"));
        doc.parts.push_back(std::move(p));
      }
    } else if (what == "title" || what == "heading" || what == "paragraph") {
      model::FormPart p = part(what == "title"     ? model::FormPartKind::Title
                               : what == "heading" ? model::FormPartKind::Heading
                                                   : model::FormPartKind::Paragraph);
      p.value = expand(xml::text(n), n, xml::attr(n, "placeholder"));
      p.blank_lines = std::stoi(xml::attr(n, "blank-lines", "0"));
      doc.parts.push_back(std::move(p));
    } else if (what == "table") {
      model::FormPart p = part(model::FormPartKind::Table);
      table(n, p.table);
      doc.parts.push_back(std::move(p));
    } else if (what == "signature") {
      model::FormPart p = part(model::FormPartKind::Signature);
      for (const xmlNode* l : children(n)) p.lines.push_back(expand(xml::text(l), l, ""));
      doc.parts.push_back(std::move(p));
    } else if (what == "blank") {
      doc.parts.push_back(part(model::FormPartKind::Blank));
    } else if (what == "page-break") {
      doc.parts.push_back(part(model::FormPartKind::PageBreak));
    }
  }
  doc.subject = values_.record_name();
  return doc;
}

}  // namespace

FormTemplate FormTemplate::load(const std::string& path) {
  auto d = std::make_shared<Doc>();
  d->doc = xml::parse_file(path);
  xml::validate(d->doc.get(), form_schema_path(), path);
  FormTemplate t;
  const xmlNode* root = xmlDocGetRootElement(d->doc.get());
  t.file_ = path;
  t.name_ = xml::attr(root, "name");
  t.label_ = xml::attr(root, "label");
  t.title_ = xml::attr(root, "title");
  t.doc_ = std::move(d);
  // Placeholders are checked when the template is filled: the field ids belong to the data (forms/).
  return t;
}

model::FormDocument FormTemplate::fill(const FormValues& values) const {
  return Filler(values, file_).run(xmlDocGetRootElement(doc_->doc.get()), *this);
}

}  // namespace gw::tmpl
