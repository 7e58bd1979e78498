// Plain text -> Notice. Works in three passes: clean the lines (scraped pages are messy), read the
// header block and title from the top, then find the date line and read the signature, the 附件说明
// and the body backwards from it and the 版记 and attachment pages forwards. Every field keeps the
// line and column it came from, so `gongwen check notice.txt` points at the line to fix.
#include "template/plain_text_reader.h"

#include <set>
#include <string_view>
#include <unordered_map>

#include "base/utf8.h"
#include "text/ordinals.h"
#include "text/wenhao.h"

namespace gw::tmpl {
namespace {

using model::Block;
using model::BlockKind;
using model::Field;
using model::Format;
using model::Notice;

// Lines longer than this are body text, never a title continuation, signature or mark.
constexpr size_t kMaxShortLine = 30;
// Paragraphs shorter than this may legitimately repeat ("特此通知。"); longer repeats are scrape noise.
constexpr size_t kMinDedupLength = 12;
// A paragraph at least this long that ends without punctuation was broken by a PDF page end.
constexpr size_t kMinWrappedLength = 20;

struct Line {
  std::string text;
  int number = 0;  // 1-based line in the input
  int column = 1;  // 1-based code point column where this (possibly split) line starts
};

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\u3000' || c == U'\u00a0' || c == U'\ufeff'; }

bool is_punct(char32_t c) {
  static constexpr std::u32string_view kPunct = U"，。、；：？！“”‘’（）《》〔〕【】,.;:?!()[]\"'";
  return kPunct.find(c) != std::u32string_view::npos;
}

bool has_punct(std::string_view s) {
  for (char32_t c : to_u32(s))
    if (is_punct(c)) return true;
  return false;
}

// Full-width and repeated spaces become one ASCII space (people align "邮　箱" by hand), scraped <BR>
// tags go, and the ends are trimmed.
std::string clean_line(std::string_view raw) {
  std::string s(raw);
  for (std::string_view tag : {"<BR>", "<br>", "<br/>", "<BR/>", "<br />"}) {
    for (size_t p; (p = s.find(tag)) != std::string::npos;) s.erase(p, tag.size());
  }
  std::u32string out;
  bool space = false;
  for (char32_t c : to_u32(s)) {
    if (c == U'\r') continue;
    if (is_space(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += U' ';
    space = false;
    out += c;
  }
  return to_utf8(out);
}

// Scraped pages glue paragraphs together ("通知如下：一、活动主题…"): split after "。", "：" or "；" when a
// level-1 or level-2 ordinal follows. Level 3/4 ordinals ("1.") are too easily part of a sentence.
std::vector<Line> split_glued(const Line& line) {
  std::vector<Line> out;
  std::u32string s = to_u32(line.text);
  size_t start = 0;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] != U'。' && s[i] != U'：' && s[i] != U'；') continue;
    int level = text::recognise_heading(to_utf8(std::u32string_view(s).substr(i + 1, 24))).level;
    if (level != 1 && level != 2) continue;
    out.push_back({to_utf8(std::u32string_view(s).substr(start, i + 1 - start)), line.number,
                   line.column + static_cast<int>(start)});
    start = i + 1;
  }
  out.push_back({to_utf8(std::u32string_view(s).substr(start)), line.number, line.column + static_cast<int>(start)});
  return out;
}

std::vector<Line> clean_lines(const std::string& text) {
  std::vector<Line> out;
  int number = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    ++number;
    std::string raw = text.substr(pos, nl - pos);
    // Column of the first kept character, so split lines still point at the right place.
    int column = 1;
    for (char32_t c : to_u32(raw)) {
      if (!is_space(c)) break;
      ++column;
    }
    std::string cleaned = clean_line(raw);
    if (!cleaned.empty())
      for (auto& l : split_glued({cleaned, number, column})) out.push_back(std::move(l));
    pos = nl + 1;
  }
  return out;
}

Field field(const std::string& file, const Line& l, std::string text) {
  return Field{std::move(text), SourceLoc{file, l.number, l.column}};
}

// "键：值" with a full-width or ASCII colon; returns the value if the line starts with one of keys.
std::optional<std::string> keyed(const std::string& line, std::initializer_list<std::string_view> keys) {
  for (auto k : keys) {
    if (!starts_with(line, k)) continue;
    std::string_view rest = std::string_view(line).substr(k.size());
    if (starts_with(rest, "：")) return trim(rest.substr(std::string_view("：").size()));
    if (starts_with(rest, ":")) return trim(rest.substr(1));
  }
  return std::nullopt;
}

std::vector<std::string> split_names(const std::string& s) {
  std::vector<std::string> out;
  std::u32string cur;
  for (char32_t c : to_u32(s)) {
    if (c == U'、' || c == U'，' || c == U',' || c == U' ') {
      if (!cur.empty()) out.push_back(to_utf8(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(to_utf8(cur));
  return out;
}

bool is_wenhao(const std::string& s) { return text::parse_wenhao(s).has_value(); }

bool is_secrecy_word(std::string_view s) {
  return starts_with(s, "绝密") || starts_with(s, "机密") || starts_with(s, "秘密");
}

// 秘密★1年 -> 秘密 + 1年 (7.2.2).
void set_secrecy(Notice& n, const std::string& file, const Line& l, const std::string& value) {
  auto star = value.find("★");
  if (star == std::string::npos) star = value.find("*");
  if (star == std::string::npos) {
    n.secrecy = field(file, l, value);
    return;
  }
  n.secrecy = field(file, l, trim(value.substr(0, star)));
  size_t skip = value.compare(star, 3, "★") == 0 ? 3 : 1;
  n.secrecy_period = field(file, l, trim(value.substr(star + skip)));
}

// The issuer mark as printed (7.2.4): "XX文件" names the issuer; "XX令" is an order's mark; a 简函 or
// 纪要 mark is kept verbatim; a bare agency name is the issuer printed without "文件" (信函格式).
void set_mark(Notice& n, const std::string& file, const Line& l) {
  const std::string& t = l.text;
  if (ends_with(t, "文件") && t.size() > 6) {
    n.issuers = {field(file, l, t.substr(0, t.size() - 6))};
    n.mark_with_wenjian = true;
    return;
  }
  n.mark_with_wenjian = false;
  for (std::string_view suffix : {"命令", "令"})
    if (ends_with(t, suffix) && t.size() > suffix.size()) {
      n.mark = field(file, l, t);
      n.issuers = {field(file, l, t.substr(0, t.size() - suffix.size()))};
      return;
    }
  if (ends_with(t, "函") || ends_with(t, "纪要")) {
    n.mark = field(file, l, t);
    return;
  }
  n.issuers = {field(file, l, t)};
}

bool is_date_char(char32_t c) {
  static constexpr std::u32string_view kChinese = U"〇零○一二三四五六七八九十";
  return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９') || kChinese.find(c) != std::u32string_view::npos;
}

// A whole line of the form Y年M月D日, also with leading zeros or Chinese numerals so that `check` can
// say what is wrong with it (7.3.5.4) instead of the reader missing the date.
bool looks_like_date(const std::string& s) {
  std::u32string u = to_u32(s);
  size_t i = 0;
  for (char32_t unit : {U'年', U'月', U'日'}) {
    size_t start = i;
    while (i < u.size() && (is_date_char(u[i]) || u[i] == U' ')) ++i;
    if (i == start || i >= u.size() || u[i] != unit) return false;
    ++i;
  }
  return i == u.size();
}

// "工业和信息化部办公厅 2022年6月30日印发" (7.4.3).
bool split_printer(const std::string& s, std::string* printer, std::string* date) {
  if (auto v = keyed(s, {"印发机关"})) {
    *printer = *v;
    return true;
  }
  if (!ends_with(s, "印发")) return false;
  std::string head = s.substr(0, s.size() - 6);
  auto sp = head.rfind(' ');
  if (sp == std::string::npos) return false;
  std::string d = trim(head.substr(sp + 1));
  if (!looks_like_date(d)) return false;
  *printer = trim(head.substr(0, sp));
  *date = d;
  return !printer->empty();
}

// "附件" or "附件2" alone on a line starts an attachment's pages (7.3.7).
bool is_attachment_start(const std::string& s) {
  if (!starts_with(s, "附件")) return false;
  std::u32string rest = to_u32(std::string_view(s).substr(6));
  for (char32_t c : rest)
    if (!((c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'))) return false;
  return true;
}

// "1.名称" / "1．名称" / "1、名称" -> "名称"; other text unchanged.
std::string strip_number(const std::string& s, bool* had = nullptr) {
  auto h = text::recognise_heading(s);
  if (h.level == 3) {
    if (had) *had = true;
    return trim(std::string_view(trim(s)).substr(h.ordinal.size()));
  }
  if (had) *had = false;
  return s;
}

bool is_table_row(const std::string& s) { return starts_with(s, "|") && ends_with(s, "|") && s.size() > 1; }

std::vector<Field> table_cells(const std::string& file, const Line& l) {
  std::vector<Field> cells;
  std::string_view s(l.text);
  s = s.substr(1, s.size() - 2);
  int column = l.column + 1;
  while (true) {
    size_t bar = s.find('|');
    std::string_view cell = s.substr(0, bar);
    cells.push_back(Field{trim(cell), SourceLoc{file, l.number, column}});
    if (bar == std::string_view::npos) break;
    column += static_cast<int>(utf8_length(cell)) + 1;
    s = s.substr(bar + 1);
  }
  return cells;
}

// Turns lines into blocks: paragraphs with their heading level, and runs of "|a|b|" lines as tables
// (the first row is the header unless a "|---|" rule is missing — plain text cannot say more).
class BlockReader {
 public:
  BlockReader(const std::string& file, Diagnostics* notes) : file_(file), notes_(notes) {}

  // Each attachment is its own text: repeats are looked for within it only.
  void new_section() {
    seen_.clear();
    in_table_ = false;
  }

  void add(const Line& l, std::vector<Block>& out) {
    if (is_table_row(l.text)) {
      if (out.empty() || out.back().kind != BlockKind::Table || !in_table_) {
        Block b;
        b.kind = BlockKind::Table;
        b.loc = {file_, l.number, l.column};
        out.push_back(std::move(b));
      }
      in_table_ = true;
      if (l.text.find_first_not_of("|-: ") == std::string::npos) return;  // "|---|---|" separator row
      out.back().table.rows.push_back(table_cells(file_, l));
      return;
    }
    in_table_ = false;
    if (continues(out, l)) {
      out.back().text += l.text;
      return;
    }
    // Scraped pages repeat whole paragraphs; a clerk never means to.
    if (utf8_length(l.text) >= kMinDedupLength) {
      auto [it, fresh] = seen_.emplace(l.text, l.number);
      if (!fresh) {
        if (notes_)
          notes_->warning({file_, l.number, l.column},
                          "paragraph repeats line " + std::to_string(it->second) + " verbatim; dropped", {},
                          "delete the repeated paragraph");
        return;
      }
    }
    Block b;
    b.loc = {file_, l.number, l.column};
    auto h = text::recognise_heading(l.text);
    if (h.level > 0) {
      b.kind = static_cast<BlockKind>(static_cast<int>(BlockKind::Heading1) + h.level - 1);
      b.lead = h.lead;
      b.text = h.text;
    } else {
      b.text = l.text;
    }
    out.push_back(std::move(b));
  }

 private:
  // Text copied from a PDF breaks paragraphs at page ends ("…在保" / "障生活必需品…"): a long paragraph
  // that stops without punctuation continues on the next line unless that line starts a heading.
  static bool continues(const std::vector<Block>& out, const Line& l) {
    if (out.empty() || out.back().kind == BlockKind::Table || out.back().text.empty()) return false;
    std::u32string prev = to_u32(out.back().lead + out.back().text);
    if (prev.size() < kMinWrappedLength || is_punct(prev.back())) return false;
    return text::recognise_heading(l.text).level == 0;
  }

  const std::string& file_;
  Diagnostics* notes_;
  bool in_table_ = false;
  std::unordered_map<std::string, int> seen_;
};

// The header block: returns true when line i was a header line (and consumed).
bool read_header_line(Notice& n, const std::string& file, const std::vector<Line>& lines, size_t i) {
  const Line& l = lines[i];
  const std::string& t = l.text;
  if (auto v = keyed(t, {"份号"})) return n.copy_number = field(file, l, *v), true;
  if (auto v = keyed(t, {"密级"})) return set_secrecy(n, file, l, *v), true;
  if (auto v = keyed(t, {"紧急程度"})) return n.urgency = field(file, l, *v), true;
  if (auto v = keyed(t, {"发文机关标志", "版头", "标志"})) return set_mark(n, file, {*v, l.number, l.column}), true;
  if (auto v = keyed(t, {"发文机关"})) {
    for (auto& name : split_names(*v)) n.issuers.push_back(field(file, l, name));
    return true;
  }
  if (auto v = keyed(t, {"发文字号", "文号", "令号"})) return n.doc_number = field(file, l, *v), true;
  if (auto v = keyed(t, {"签发人"})) {
    for (auto& name : split_names(*v)) n.signers.push_back(field(file, l, name));
    return true;
  }
  if (auto v = keyed(t, {"格式"})) {
    if (auto f = model::parse_format(*v)) {
      n.format = *f;
      return true;
    }
    throw InputError({file, l.number, l.column}, "unknown 格式 “" + *v + "”",
                     "use one of 文件格式, 信函格式, 命令格式, 纪要格式");
  }
  if (auto v = keyed(t, {"印章"})) {
    if (*v == "无") n.seal = model::SealKind::None;
    else if (*v == "签名章") n.seal = model::SealKind::SignatureSeal;
    else n.seal = model::SealKind::Seal;
    return true;
  }
  // Bare forms: "000001", "秘密★1年", "特急", a 文号, and the mark line just above a 文号.
  if (t.size() <= 8 && t.find_first_not_of("0123456789") == std::string::npos) {
    n.copy_number = field(file, l, t);
    return true;
  }
  if (is_secrecy_word(t) && utf8_length(t) <= 10) return set_secrecy(n, file, l, t), true;
  if (t == "特急" || t == "加急") return n.urgency = field(file, l, t), true;
  if (n.doc_number.empty() && is_wenhao(t)) return n.doc_number = field(file, l, t), true;
  if (n.mark.empty() && n.issuers.empty() && i + 1 < lines.size() && is_wenhao(lines[i + 1].text) &&
      utf8_length(t) <= kMaxShortLine && !has_punct(t)) {
    set_mark(n, file, l);
    return true;
  }
  return false;
}

bool is_signature_line(const std::string& s) {
  return utf8_length(s) <= kMaxShortLine && !has_punct(s) && text::recognise_heading(s).level == 0 &&
         !starts_with(s, "附件") && !is_table_row(s);
}

bool is_recipients_line(const std::string& s) {
  return (ends_with(s, "：") || ends_with(s, ":")) && text::recognise_heading(s).level == 0 &&
         !starts_with(s, "附件");
}

// 出席：/请假：/列席： (10.3) anywhere outside the attachments.
bool read_minutes_line(Notice& n, const std::string& file, const Line& l) {
  if (auto v = keyed(l.text, {"出席"})) return n.present = field(file, l, *v), true;
  if (auto v = keyed(l.text, {"请假"})) return n.absent = field(file, l, *v), true;
  if (auto v = keyed(l.text, {"列席"})) return n.attending = field(file, l, *v), true;
  return false;
}

void infer_format(Notice& n, bool format_given) {
  if (format_given) return;
  const std::string& m = n.mark.text;
  if (ends_with(m, "令")) n.format = Format::Order;
  else if (ends_with(m, "纪要")) n.format = Format::Minutes;
  else if (ends_with(m, "函")) n.format = Format::Letter;
  else if (auto w = text::parse_wenhao(n.doc_number.text)) {
    if (w->is_order) n.format = Format::Order;
    else if (ends_with(w->agency, "函")) n.format = Format::Letter;  // a 函 is printed in 信函格式 (10.1)
  }
}

}  // namespace

Notice read_plain_text_notice(const std::string& text, const std::string& file, Diagnostics* notes) {
  if (!is_valid_utf8(text))
    throw InputError({file, 0, 0}, "the file is not UTF-8 text", "save it as UTF-8 (e.g. iconv -f GB18030 -t UTF-8)");
  std::vector<Line> lines = clean_lines(text);
  Notice n;
  n.source_file = file;
  if (lines.empty()) throw InputError({file, 0, 0}, "the file is empty", "type the notice: title, recipients, body, date");

  // Header block and format.
  size_t i = 0;
  bool format_given = false;
  while (i < lines.size()) {
    Format before = n.format;
    bool is_format_line = keyed(lines[i].text, {"格式"}).has_value();
    if (!read_header_line(n, file, lines, i)) break;
    format_given = format_given || is_format_line || before != n.format;
    ++i;
  }
  infer_format(n, format_given);
  const size_t header_end = i;

  // Title (7.3.1; orders have none) — a second line joins it when the recipients follow that line.
  if (n.format != Format::Order && i < lines.size()) {
    n.title = field(file, lines[i], lines[i].text);
    ++i;
    if (i + 1 < lines.size() && !is_recipients_line(lines[i].text) && is_recipients_line(lines[i + 1].text) &&
        utf8_length(lines[i].text) <= kMaxShortLine && !has_punct(lines[i].text) && !has_punct(n.title.text))
      n.title.text += lines[i++].text;
  }
  if (i < lines.size() && is_recipients_line(lines[i].text)) {
    n.recipients = field(file, lines[i], lines[i].text);
    ++i;
  }

  // The date line anchors the rest.
  size_t d = i;
  while (d < lines.size() && !looks_like_date(lines[d].text)) ++d;
  if (d == lines.size())
    throw InputError({file, lines.back().number, 1}, "no 成文日期 line found",
                     "put the date alone on a line after the signature, e.g. 2022年6月30日 (GB/T 9704 7.3.5.4)");
  n.date = field(file, lines[d], lines[d].text);

  // Signature just above the date: a 签名章 "部长 姓名" for orders (7.3.5.3), else agency names (7.3.5).
  size_t end = d;
  if (n.format == Format::Order && end > i) {
    const Line& l = lines[end - 1];
    auto sp = l.text.find(' ');
    if (sp != std::string::npos && utf8_length(l.text) <= kMaxShortLine && !has_punct(l.text)) {
      n.signer_title = field(file, l, l.text.substr(0, sp));
      n.signer_name = Field{trim(l.text.substr(sp + 1)), {file, l.number, l.column + static_cast<int>(utf8_length(l.text.substr(0, sp + 1)))}};
      n.seal = model::SealKind::SignatureSeal;
      --end;
    }
  }
  size_t sig_end = end;
  // At most three agencies sign jointly; a short last line is a signature only if body text remains.
  while (end > i + 1 && sig_end - end < 3 && is_signature_line(lines[end - 1].text)) --end;
  for (size_t k = end; k < sig_end; ++k) n.signature_names.push_back(field(file, lines[k], lines[k].text));
  bool seal_given = false;
  for (size_t k = 0; k < header_end; ++k) seal_given = seal_given || keyed(lines[k].text, {"印章"}).has_value();
  if (!n.signature_names.empty() && n.seal == model::SealKind::None && !seal_given)
    n.seal = model::SealKind::Seal;  // a typed notice is normally sealed; "印章：无" says otherwise

  // 附件说明 (7.3.4): "附件：1.名称" and the numbered lines below it.
  size_t body_end = end;
  for (size_t k = end; k-- > i;) {
    auto v = keyed(lines[k].text, {"附件"});
    if (!v) continue;
    bool all_numbered = true;
    for (size_t m = k + 1; m < end; ++m)
      if (text::recognise_heading(lines[m].text).level != 3) all_numbered = false;
    if (!all_numbered) break;
    if (!v->empty()) n.attachment_names.push_back(field(file, lines[k], strip_number(*v)));
    for (size_t m = k + 1; m < end; ++m) n.attachment_names.push_back(field(file, lines[m], strip_number(lines[m].text)));
    body_end = k;
    break;
  }

  BlockReader blocks(file, notes);
  for (size_t k = i; k < body_end; ++k)
    if (!read_minutes_line(n, file, lines[k])) blocks.add(lines[k], n.body);

  // After the date: 附注, 出席…, 抄送, 印发 and the attachments' pages, in any order a clerk types them.
  model::Attachment* att = nullptr;
  for (size_t k = d + 1; k < lines.size(); ++k) {
    const Line& l = lines[k];
    const std::string& t = l.text;
    std::string printer, pdate;
    if (auto v = keyed(t, {"抄送"})) {
      n.cc = field(file, l, *v);
    } else if (auto v2 = keyed(t, {"主送"}); v2 && n.recipients.empty()) {
      n.recipients = field(file, l, *v2 + "：");
    } else if (split_printer(t, &printer, &pdate)) {
      n.printer = field(file, l, printer);
      if (!pdate.empty()) n.print_date = field(file, l, pdate);
    } else if (auto v3 = keyed(t, {"印发日期"})) {
      n.print_date = field(file, l, *v3);
    } else if (is_attachment_start(t)) {
      n.attachments.emplace_back();
      att = &n.attachments.back();
      blocks.new_section();
      att->loc = {file, l.number, l.column};
      if (k + 1 == lines.size())
        throw InputError({file, l.number, l.column}, "“" + t + "” starts an attachment page but no title follows",
                         "put the attachment's title on the line after “" + t + "” (GB/T 9704 7.3.7)");
      ++k;
      att->title = field(file, lines[k], lines[k].text);
    } else if (att) {
      blocks.add(l, att->blocks);
    } else if (read_minutes_line(n, file, l)) {
    } else if (n.note.empty() && (starts_with(t, "（") || starts_with(t, "(")) &&
               (ends_with(t, "）") || ends_with(t, ")"))) {
      std::string_view inner(t);
      inner.remove_prefix(starts_with(t, "（") ? 3 : 1);
      inner.remove_suffix(ends_with(t, "）") ? 3 : 1);
      n.note = field(file, l, trim(inner));
    } else if (auto v4 = keyed(t, {"附注"}); v4 && n.note.empty()) {
      n.note = field(file, l, *v4);
    } else {
      throw InputError({file, l.number, l.column},
                       "text after the 成文日期 that is not a 附注, 抄送 or attachment: “" + t + "”",
                       "after the date only （附注）, 抄送：…, “机关 2022年6月30日印发” and attachment pages "
                       "(a line “附件1”, then the title) may follow");
    }
  }

  if (!n.printer.empty() && n.print_date.empty())
    throw InputError(n.printer.loc, "印发机关 without 印发日期 (GB/T 9704 7.4.3)",
                     "write both on one line: 工业和信息化部办公厅 2022年6月30日印发");

  // 发文机关 when not given: the signature names the issuers (7.2.4, 7.3.5).
  if (n.issuers.empty())
    for (const auto& s : n.signature_names) n.issuers.push_back(s);
  if (n.issuers.empty())
    throw InputError({file, lines.front().number, 1}, "no 发文机关 found",
                     "add a header line 发文机关：… or sign the notice above the date");
  if (n.body.empty())
    throw InputError({file, lines[std::min(i, d)].number, 1}, "the notice has no body text (GB/T 9704 7.3.3)",
                     "type the body paragraphs between the recipients line and the signature");
  return n;
}

}  // namespace gw::tmpl
