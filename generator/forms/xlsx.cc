// XLSX reader; see xlsx.h. The zip layer checks entry names and sizes before anything is parsed; the
// XML layer walks small DOM trees (one part at a time) by element local name, so a workbook written
// with or without namespace prefixes reads the same.
#include "forms/xlsx.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>

#include "base/utf8.h"
#include "forms/dates.h"

namespace gw::forms {
namespace {

[[noreturn]] void fail(const std::string& file, const std::string& msg, const std::string& hint = {}) {
  throw InputError(Diagnostic{Severity::Error, SourceLoc{file, 0, 0}, msg, hint, "ECMA-376"});
}

// Rejects what would escape a folder if the archive were unpacked, and names we would never read.
bool entry_name_ok(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.front() == '\\') return false;
  if (name.size() >= 2 && name[1] == ':') return false;  // C:\…
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find_first_of("/\\", start);
    if (end == std::string_view::npos) end = name.size();
    if (name.substr(start, end - start) == "..") return false;
    start = end + 1;
  }
  return true;
}

// The zip archive, opened from memory, with its entry names checked once.
class Archive {
 public:
  Archive(std::string_view bytes, const std::string& file) : file_(file) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    if (!src) fail(file, "cannot read the workbook: " + std::string(zip_error_strerror(&err)));
    zip_.reset(zip_open_from_source(src, ZIP_RDONLY, &err));
    if (!zip_) {
      zip_source_free(src);
      std::string why = zip_error_strerror(&err);
      zip_error_fini(&err);
      fail(file, "not an XLSX workbook (not a zip archive: " + why + ")",
           "save the spreadsheet as Excel Workbook (.xlsx); .xls and .et files are not read");
    }
    zip_error_fini(&err);
    zip_int64_t n = zip_get_num_entries(zip_.get(), 0);
    if (n > kMaxXlsxEntries) fail(file, "workbook has more than " + std::to_string(kMaxXlsxEntries) + " parts (limit)");
    for (zip_int64_t i = 0; i < n; ++i) {
      const char* name = zip_get_name(zip_.get(), static_cast<zip_uint64_t>(i), 0);
      if (!name || !entry_name_ok(name))
        fail(file, "workbook contains an unsafe part name \"" + std::string(name ? name : "") + "\"",
             "part names must be relative paths without \"..\"");
    }
  }
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  bool has(const std::string& name) const { return zip_name_locate(zip_.get(), name.c_str(), 0) >= 0; }

  std::string read(const std::string& name) {
    zip_int64_t index = zip_name_locate(zip_.get(), name.c_str(), 0);
    if (index < 0) fail(file_, "workbook has no part \"" + name + "\"", "the file may be damaged; open and save it again in Excel or WPS");
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(index), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
      fail(file_, "cannot read part \"" + name + "\"");
    if (st.size > kMaxXlsxPartBytes)
      fail(file_, "part \"" + name + "\" unpacks to more than " + std::to_string(kMaxXlsxPartBytes >> 20) + " MiB (limit)");
    total_ += st.size;
    if (total_ > kMaxXlsxTotalBytes)
      fail(file_, "workbook unpacks to more than " + std::to_string(kMaxXlsxTotalBytes >> 20) + " MiB (limit)");
    zip_file_t* zf = zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(index), 0);
    if (!zf) fail(file_, "cannot open part \"" + name + "\": " + zip_strerror(zip_.get()));
    std::string out(static_cast<size_t>(st.size), '\0');
    zip_int64_t got = out.empty() ? 0 : zip_fread(zf, out.data(), st.size);
    zip_fclose(zf);
    // libzip checks the CRC when the whole entry is read; a short read means a damaged archive.
    if (got < 0 || static_cast<zip_uint64_t>(got) != st.size) fail(file_, "part \"" + name + "\" is damaged (short read)");
    return out;
  }

 private:
  struct Discard {
    void operator()(zip_t* z) const { zip_discard(z); }
  };
  std::string file_;
  // Owned from the moment it opens, so that a refusal thrown by the constructor still closes it.
  std::unique_ptr<zip_t, Discard> zip_;
  zip_uint64_t total_ = 0;
};

struct DocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using XmlDoc = std::unique_ptr<xmlDoc, DocDeleter>;

// No network, no entity substitution, no DTD loading: an XLSX part is data, never a fetch.
XmlDoc parse_xml(const std::string& bytes, const std::string& part, const std::string& file) {
  xmlResetLastError();
  xmlDoc* doc = xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), part.c_str(), nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc) {
    const xmlError* e = xmlGetLastError();
    std::string why = e && e->message ? trim(e->message) : "unknown error";
    int line = e ? e->line : 0;
    throw InputError(Diagnostic{Severity::Error, SourceLoc{file, 0, 0},
                                "part \"" + part + "\" is not well-formed XML (line " + std::to_string(line) + "): " + why,
                                "the file may be damaged; open and save it again in Excel or WPS", "ECMA-376"});
  }
  return XmlDoc(doc);
}

bool is(const xmlNode* n, const char* local) {
  return n && n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, reinterpret_cast<const xmlChar*>(local));
}

const xmlNode* child(const xmlNode* n, const char* local) {
  for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next)
    if (is(c, local)) return c;
  return nullptr;
}

std::string attr(const xmlNode* n, const char* local) {
  for (const xmlAttr* a = n->properties; a; a = a->next)
    if (xmlStrEqual(a->name, reinterpret_cast<const xmlChar*>(local)) && a->children && a->children->content)
      return reinterpret_cast<const char*>(a->children->content);
  return {};
}

// r:id lives in the relationships namespace; match by local name "id" with a namespace.
std::string rel_id(const xmlNode* n) {
  for (const xmlAttr* a = n->properties; a; a = a->next)
    if (xmlStrEqual(a->name, reinterpret_cast<const xmlChar*>("id")) && a->ns && a->children && a->children->content)
      return reinterpret_cast<const char*>(a->children->content);
  return {};
}

std::string content(const xmlNode* n) {
  std::string out;
  for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next)
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
      out += reinterpret_cast<const char*>(c->content);
  return out;
}

// ECMA-376 ST_Xstring escapes characters XML cannot hold as _xHHHH_ (Excel writes CR as _x000D_);
// line ends become LF as in the CSV reader.
std::string unescape_xstring(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
      char* end = nullptr;
      std::string hex = s.substr(i + 2, 4);
      unsigned long cp = std::strtoul(hex.c_str(), &end, 16);
      if (end == hex.c_str() + 4) {
        if (cp != 0x0D) out += to_utf8(static_cast<char32_t>(cp));
        i += 6;
        continue;
      }
    }
    if (s[i] == '\r') {
      if (i + 1 < s.size() && s[i + 1] == '\n') continue;
      out += '\n';
      continue;
    }
    out += s[i];
  }
  return out;
}

// Text of an <si> or <is>: a plain <t>, or rich-text runs <r><t>; <rPh> (phonetic guide) is not text.
std::string string_item(const xmlNode* si) {
  std::string out;
  for (const xmlNode* c = si->children; c; c = c->next) {
    if (is(c, "t")) out += content(c);
    if (is(c, "r")) out += content(child(c, "t"));
  }
  return unescape_xstring(out);
}

// "worksheets/sheet1.xml" relative to xl/, or "/xl/worksheets/sheet1.xml" from the package root.
std::string resolve_target(const std::string& target, const std::string& file) {
  std::string path = !target.empty() && target.front() == '/' ? target.substr(1) : "xl/" + target;
  while (path.find("/./") != std::string::npos) path.erase(path.find("/./"), 2);
  if (!entry_name_ok(path)) fail(file, "workbook relationship points outside the package: \"" + target + "\"");
  return path;
}

std::string format_number(const std::string& raw) {
  // Integers as written (a 商标注册号 typed as a number keeps every digit); others through double,
  // so that binary noise like 0.30000000000000004 reads as 0.3.
  std::string_view v = raw;
  if (!v.empty() && v.front() == '-') v.remove_prefix(1);
  if (!v.empty() && v.find_first_not_of("0123456789") == std::string_view::npos) return raw;
  char* end = nullptr;
  double d = std::strtod(raw.c_str(), &end);
  if (end == raw.c_str() || *end != '\0' || !std::isfinite(d)) return raw;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", d);
  return buf;
}

struct Styles {
  std::vector<bool> xf_is_date;  // by cellXfs index (the cell's s attribute)
};

Styles read_styles(Archive& zip, const std::string& file) {
  Styles styles;
  if (!zip.has("xl/styles.xml")) return styles;
  XmlDoc doc = parse_xml(zip.read("xl/styles.xml"), "xl/styles.xml", file);
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  std::map<int, std::string> custom;
  for (const xmlNode* f = child(child(root, "numFmts"), "numFmt"); f; f = f->next)
    if (is(f, "numFmt")) custom[std::atoi(attr(f, "numFmtId").c_str())] = attr(f, "formatCode");
  for (const xmlNode* x = child(child(root, "cellXfs"), "xf"); x; x = x->next) {
    if (!is(x, "xf")) continue;
    int id = std::atoi(attr(x, "numFmtId").c_str());
    auto it = custom.find(id);
    styles.xf_is_date.push_back(is_date_format(id, it == custom.end() ? std::string_view{} : std::string_view(it->second)));
  }
  return styles;
}

std::vector<std::string> read_shared_strings(Archive& zip, const std::string& part, const std::string& file) {
  std::vector<std::string> out;
  if (part.empty() || !zip.has(part)) return out;
  XmlDoc doc = parse_xml(zip.read(part), part, file);
  for (const xmlNode* si = xmlDocGetRootElement(doc.get())->children; si; si = si->next)
    if (is(si, "si")) out.push_back(string_item(si));
  return out;
}

struct SheetRef {
  std::string name, part;
};

Sheet read_sheet(Archive& zip, const SheetRef& ref, const std::vector<std::string>& shared, const Styles& styles,
                 bool date1904, const std::string& file) {
  Sheet sheet;
  sheet.file = file;
  sheet.name = ref.name;
  XmlDoc doc = parse_xml(zip.read(ref.part), ref.part, file);
  const xmlNode* data = child(xmlDocGetRootElement(doc.get()), "sheetData");
  int next_row = 1;
  for (const xmlNode* r = data ? data->children : nullptr; r; r = r->next) {
    if (!is(r, "row")) continue;
    Row row;
    std::string rattr = attr(r, "r");
    row.number = rattr.empty() ? next_row : std::atoi(rattr.c_str());
    if (row.number < 1 || row.number > 1048576) fail(file, "sheet \"" + ref.name + "\": bad row number \"" + rattr + "\"");
    next_row = row.number + 1;
    int next_col = 1;
    for (const xmlNode* c = r->children; c; c = c->next) {
      if (!is(c, "c")) continue;
      int col = next_col, crow = row.number;
      std::string cref = attr(c, "r");
      if (!cref.empty() && !parse_cell_ref(cref, col, crow))
        fail(file, "sheet \"" + ref.name + "\" row " + std::to_string(row.number) + ": bad cell reference \"" + cref + "\"");
      if (col > kMaxXlsxColumns)
        fail(file, "sheet \"" + ref.name + "\" cell " + cref + ": more than " + std::to_string(kMaxXlsxColumns) + " columns (limit)",
             "delete stray cells far to the right of the table");
      next_col = col + 1;
      std::string type = attr(c, "t");
      std::string value = content(child(c, "v"));
      std::string text;
      if (type == "s") {
        char* end = nullptr;
        unsigned long index = std::strtoul(value.c_str(), &end, 10);
        if (value.empty() || *end != '\0' || index >= shared.size())
          fail(file, "sheet \"" + ref.name + "\" cell " + cref + ": shared string index \"" + value + "\" out of range");
        text = shared[index];
      } else if (type == "inlineStr") {
        const xmlNode* is_node = child(c, "is");
        text = is_node ? string_item(is_node) : std::string();
      } else if (type == "str" || type == "e") {
        text = unescape_xstring(value);
      } else if (type == "b") {
        text = value == "1" ? "TRUE" : "FALSE";
      } else if (type == "d") {
        text = value.substr(0, value.find('T'));  // ISO 8601; the form wants the day
      } else if (!value.empty()) {
        size_t s = static_cast<size_t>(std::atoi(attr(c, "s").c_str()));
        if (s < styles.xf_is_date.size() && styles.xf_is_date[s]) {
          auto date = from_serial(std::strtod(value.c_str(), nullptr), date1904);
          text = date ? iso(*date) : value;
        } else {
          text = format_number(value);
        }
      }
      // Cells a row skips (empty in Excel) still get a location, for messages about them.
      for (size_t k = row.cells.size(); k < static_cast<size_t>(col); ++k)
        row.cells.push_back(Cell{{}, row.number, static_cast<int>(k + 1)});
      row.cells[static_cast<size_t>(col - 1)] = Cell{std::move(text), row.number, col};
    }
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

}  // namespace

bool parse_cell_ref(std::string_view ref, int& column, int& row) {
  size_t i = 0;
  long col = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3) col = col * 26 + (ref[i++] - 'A' + 1);
  if (i == 0 || i == ref.size()) return false;
  long r = 0;
  for (size_t j = i; j < ref.size(); ++j) {
    if (ref[j] < '0' || ref[j] > '9' || j - i >= 7) return false;
    r = r * 10 + (ref[j] - '0');
  }
  if (col > 16384 || r < 1 || r > 1048576) return false;
  column = static_cast<int>(col);
  row = static_cast<int>(r);
  return true;
}

bool is_date_format(int id, std::string_view code) {
  // ECMA-376 Part 1 18.8.30: built-in date/time formats, plus the CJK ones Excel uses in zh-CN.
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58)) return true;
  if (id < 164 || code.empty()) return false;
  // A custom code is a date when y, m, d (or h, s) appear outside quoted text, escapes and [..].
  bool date = false;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '"') {
      auto close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is literal (or padding)
    } else if (c == '[') {
      auto close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == ';') {
      break;  // only the first section decides
    } else {
      char l = static_cast<char>(c | 0x20);
      if (l == 'y' || l == 'm' || l == 'd' || l == 'h' || l == 's') date = true;
      if (l == '0' || l == '#') return false;  // a number format
    }
  }
  return date;
}

std::vector<Sheet> read_xlsx(std::string_view bytes, const std::string& file) {
  if (bytes.size() > kMaxXlsxBytes)
    fail(file, "workbook larger than " + std::to_string(kMaxXlsxBytes >> 20) + " MiB (limit)");
  Archive zip(bytes, file);
  XmlDoc wb = parse_xml(zip.read("xl/workbook.xml"), "xl/workbook.xml", file);
  const xmlNode* root = xmlDocGetRootElement(wb.get());
  const xmlNode* pr = child(root, "workbookPr");
  std::string d1904 = pr ? attr(pr, "date1904") : std::string();
  bool date1904 = d1904 == "1" || d1904 == "true";

  // Relationship id → part, and which part holds the shared strings.
  std::map<std::string, std::string> targets;
  std::string shared_part;
  {
    XmlDoc rels = parse_xml(zip.read("xl/_rels/workbook.xml.rels"), "xl/_rels/workbook.xml.rels", file);
    for (const xmlNode* r = xmlDocGetRootElement(rels.get())->children; r; r = r->next) {
      if (!is(r, "Relationship")) continue;
      std::string type = attr(r, "Type");
      if (attr(r, "TargetMode") == "External") continue;
      std::string part = resolve_target(attr(r, "Target"), file);
      auto ends = [&](std::string_view s) { return type.size() >= s.size() && type.compare(type.size() - s.size(), s.size(), s) == 0; };
      if (ends("/worksheet")) targets[attr(r, "Id")] = part;
      if (ends("/sharedStrings")) shared_part = part;
    }
  }
  std::vector<SheetRef> refs;
  for (const xmlNode* s = child(child(root, "sheets"), "sheet"); s; s = s->next) {
    if (!is(s, "sheet")) continue;
    std::string state = attr(s, "state");
    if (state == "hidden" || state == "veryHidden") continue;
    auto it = targets.find(rel_id(s));
    if (it == targets.end()) continue;  // a chart sheet or dialog sheet: no cells
    refs.push_back({attr(s, "name"), it->second});
  }
  if (refs.empty()) fail(file, "workbook has no visible worksheet");

  std::vector<std::string> shared = read_shared_strings(zip, shared_part, file);
  Styles styles = read_styles(zip, file);
  std::vector<Sheet> sheets;
  for (const auto& ref : refs) sheets.push_back(read_sheet(zip, ref, shared, styles, date1904, file));
  return sheets;
}

}  // namespace gw::forms
