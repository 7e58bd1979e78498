// Text extraction and notice recognition for import (see recognise.h).
#include "archive/recognise.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <unicode/regex.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <zip.h>

#include <memory>
#include <poppler-document.h>
#include <poppler-page.h>
#include <unordered_set>

#include "archive/archive.h"
#include "base/diagnostic.h"
#include "base/files.h"
#include "base/utf8.h"
#include "text/wenhao.h"

namespace gw::archive {
namespace {

constexpr size_t kMaxDocxXml = 64u << 20;  // word/document.xml larger than this is refused
constexpr size_t kDedupeMinChars = 8;      // shorter lines (附件, 一、…) may legitimately repeat
constexpr size_t kLongLine = 200;          // scraped lines longer than this are de-duplicated by sentence

std::string u8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

std::unique_ptr<icu::RegexPattern> compile(const char* pattern) {
  UErrorCode st = U_ZERO_ERROR;
  UParseError pe;
  std::unique_ptr<icu::RegexPattern> p(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), pe, st));
  if (U_FAILURE(st)) throw std::runtime_error(std::string("bad built-in regex: ") + pattern);
  return p;
}

bool matches(const icu::RegexPattern& p, const std::string& s, bool whole) {
  UErrorCode st = U_ZERO_ERROR;
  icu::UnicodeString us = icu::UnicodeString::fromUTF8(s);
  std::unique_ptr<icu::RegexMatcher> m(p.matcher(us, st));
  if (U_FAILURE(st)) return false;
  bool r = whole ? m->matches(st) : m->lookingAt(st);
  return U_SUCCESS(st) && r;
}

// Replaces every match of pattern with replacement.
std::string regex_replace(const std::string& s, const icu::RegexPattern& p, const char* replacement) {
  UErrorCode st = U_ZERO_ERROR;
  icu::UnicodeString us = icu::UnicodeString::fromUTF8(s);
  std::unique_ptr<icu::RegexMatcher> m(p.matcher(us, st));
  icu::UnicodeString out = m->replaceAll(icu::UnicodeString::fromUTF8(replacement), st);
  return U_SUCCESS(st) ? u8(out) : s;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> out;
  size_t b = 0;
  while (b <= text.size()) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    out.emplace_back(text.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

std::string from_legacy(std::string_view bytes) {
  // Chinese text files that are not UTF-8 are almost always GB18030 (a superset of GBK/GB2312).
  UErrorCode st = U_ZERO_ERROR;
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), "GB18030");
  (void)st;
  return u8(u);
}

std::string clean_plain(std::string s, bool markdown) {
  if (s.rfind("\xEF\xBB\xBF", 0) == 0) s.erase(0, 3);
  static const auto tags = compile("</?[A-Za-z][^<>\\n]{0,200}>");
  static const auto md_link = compile("\\[([^\\]\\n]*)\\]\\([^)\\n]*\\)");
  static const auto md_marks = compile("(?m)^[ \\t]*(?:#{1,6}|>|[-*+](?=\\s))[ \\t]*|\\*\\*|__");
  // The patterns need a '<' (or '[', '#', '*', …): most text has no tag and skips the UTF-16 round trip.
  if (s.find('<') != std::string::npos) s = regex_replace(s, *tags, "");
  if (markdown) {
    s = regex_replace(s, *md_link, "$1");
    s = regex_replace(s, *md_marks, "");
  }
  std::string out;
  for (auto& line : split_lines(s)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out += trim(line);
    out += '\n';
  }
  return out;
}

std::string pdf_text(const std::string& name, std::string_view bytes) {
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) throw InputError(SourceLoc{name}, "cannot read this PDF (damaged or not a PDF)");
  if (doc->is_locked()) throw InputError(SourceLoc{name}, "the PDF is password-protected", "import an unlocked copy");
  std::string out;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    auto bytes8 = page->text().to_utf8();
    out.append(bytes8.data(), bytes8.size());
    out += '\n';
  }
  return out;
}

void docx_walk(xmlNode* n, std::string& out) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    std::string_view local = reinterpret_cast<const char*>(n->name);
    if (local == "t") {
      if (xmlChar* c = xmlNodeGetContent(n)) {
        out += reinterpret_cast<const char*>(c);
        xmlFree(c);
      }
      continue;
    }
    if (local == "tab") out += '\t';
    if (local == "br" || local == "cr") out += '\n';
    docx_walk(n->children, out);
    if (local == "p") out += '\n';
  }
}

std::string docx_text(const std::string& name, std::string_view bytes) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  zip_t* za = src ? zip_open_from_source(src, ZIP_RDONLY, &err) : nullptr;
  if (!za) {
    if (src) zip_source_free(src);
    zip_error_fini(&err);
    throw InputError(SourceLoc{name}, "cannot read this DOCX (not a zip archive)");
  }
  zip_error_fini(&err);
  std::unique_ptr<zip_t, decltype(&zip_discard)> guard(za, zip_discard);
  // Only this fixed member is read, so no path from the archive is ever used on disk.
  zip_stat_t st;
  if (zip_stat(za, "word/document.xml", 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
    throw InputError(SourceLoc{name}, "not a DOCX: word/document.xml is missing");
  if (st.size > kMaxDocxXml) throw InputError(SourceLoc{name}, "word/document.xml is larger than 64 MiB");
  zip_file_t* zf = zip_fopen(za, "word/document.xml", 0);
  if (!zf) throw InputError(SourceLoc{name}, "cannot open word/document.xml");
  std::string xml(static_cast<size_t>(st.size), '\0');
  zip_int64_t got = zip_fread(zf, xml.data(), st.size);
  zip_fclose(zf);
  if (got < 0 || static_cast<zip_uint64_t>(got) != st.size) throw InputError(SourceLoc{name}, "cannot read word/document.xml");
  // No network, no entity expansion, no DTD loading.
  xmlDoc* doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "document.xml", nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc) throw InputError(SourceLoc{name}, "word/document.xml is not well-formed XML");
  std::string out;
  docx_walk(xmlDocGetRootElement(doc), out);
  xmlFreeDoc(doc);
  return out;
}

// Splits a long line after 。！？； (keeping the mark) so repeated sentences can be found.
std::vector<std::string> sentences(const std::string& line) {
  std::vector<std::string> out;
  std::u32string u = to_u32(line), cur;
  for (char32_t c : u) {
    cur.push_back(c);
    if (c == U'。' || c == U'！' || c == U'？' || c == U'；') {
      out.push_back(to_utf8(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(to_utf8(cur));
  return out;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string after_colon(const std::string& line, std::string_view key) {
  for (const char* colon : {"：", ":"}) {
    std::string k = std::string(key) + colon;
    if (starts_with(line, k)) return trim(line.substr(k.size()));
  }
  return {};
}

}  // namespace

std::string extract_text(const std::string& name, std::string_view bytes) {
  std::string ext = file_extension_lower(name);
  if (ext == ".pdf") return clean_plain(pdf_text(name, bytes), false);
  if (ext == ".docx") return clean_plain(docx_text(name, bytes), false);
  if (ext == ".txt" || ext == ".text" || ext == ".md" || ext == ".markdown" || ext.empty()) {
    std::string s = is_valid_utf8(bytes) ? std::string(bytes) : from_legacy(bytes);
    // Scraped pages are often Markdown saved as .txt: a "# " or "## " heading line gives it away.
    static const auto md_heading = compile("(?m)^#{1,6} ");
    bool markdown = ext == ".md" || ext == ".markdown";
    if (!markdown && s.find('#') != std::string::npos) {
      UErrorCode st = U_ZERO_ERROR;
      icu::UnicodeString us = icu::UnicodeString::fromUTF8(s);
      std::unique_ptr<icu::RegexMatcher> m(md_heading->matcher(us, st));
      markdown = U_SUCCESS(st) && m->find(st);
    }
    return clean_plain(std::move(s), markdown);
  }
  throw InputError(SourceLoc{name}, "cannot import " + ext + " files", "import .txt, .md, .pdf or .docx");
}

std::string dedupe_paragraphs(std::string_view text) {
  std::unordered_set<std::string> seen;
  std::string out;
  auto keep = [&](const std::string& unit) {
    std::string key = trim(unit);
    if (utf8_length(key) < kDedupeMinChars) return true;
    return seen.insert(key).second;
  };
  for (const auto& line : split_lines(text)) {
    if (utf8_length(line) > kLongLine) {
      std::string kept;
      for (const auto& s : sentences(line))
        if (keep(s)) kept += s;
      if (!kept.empty()) out += kept + "\n";
    } else if (keep(line)) {
      out += line + "\n";
    }
  }
  // Collapse the blank lines left behind.
  std::string collapsed;
  for (const auto& line : split_lines(out))
    if (!line.empty()) collapsed += line + "\n";
  return collapsed;
}

RecognisedNotice recognise_notice(std::string_view text_in) {
  RecognisedNotice r;
  r.text = dedupe_paragraphs(text_in);
  const std::string& text = r.text;
  std::vector<std::string> lines;
  for (auto& l : split_lines(text))
    if (!l.empty()) lines.push_back(l);

  // 文号: the first one not cited in brackets (（国发〔2022〕12号）) — the document's own comes first.
  size_t wenhao_end = std::string::npos;
  for (const auto& m : text::find_wenhao_matches(text)) {
    std::u32string before = to_u32(text.substr(m.begin >= 6 ? m.begin - 6 : 0, m.begin >= 6 ? 6 : m.begin));
    char32_t prev = before.empty() ? 0 : before.back();
    if (prev == U'（' || prev == U'(' || prev == U'《' || prev == U'〈') continue;
    r.wenhao = m.wenhao.canonical;
    wenhao_end = m.end;
    break;
  }

  // Title: "…关于…的通知" at the start of a line (a prefix such as the issuer is allowed).
  static const auto title_re = compile(
      "^[^《》：。\\n]{0,40}?关于[^《》。\\n]{1,120}?的(?:通知|通报|复函|函|意见|决定|批复|报告|请示|公告|通告|实施方案|工作方案|方案|办法|规定|纪要|指引)");
  for (const auto& l : lines) {
    UErrorCode st = U_ZERO_ERROR;
    icu::UnicodeString ul = icu::UnicodeString::fromUTF8(l);
    std::unique_ptr<icu::RegexMatcher> m(title_re->matcher(ul, st));
    if (m->find(st) && U_SUCCESS(st)) {
      r.title = u8(m->group(st));
      break;
    }
  }
  if (r.title.empty()) {
    static const auto attach_label = compile("^附件\\s*\\d*$");
    for (const auto& l : lines) {
      size_t n = utf8_length(l);
      if (n < 4 || n > 60) continue;
      if (matches(*attach_label, l, true)) continue;
      if (text::parse_wenhao(l)) continue;
      std::string t = trim(l);
      if (t.size() >= 3 && (t.substr(t.size() - 3) == "：" || t.back() == ':')) continue;
      r.title = t;
      break;
    }
  }

  // 成文日期: the last line that is only a date (the signature block); in scraped text run together,
  // a date at the very end with the issuer right before it.
  static const auto date_re = compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
  static const auto han_tail = compile("[\\p{Han}（）()]{2,30}$");
  int date_line = -1;
  for (int i = static_cast<int>(lines.size()) - 1; i >= 0; --i) {
    if (matches(*date_re, lines[static_cast<size_t>(i)], true)) {
      date_line = i;
      break;
    }
  }
  if (date_line >= 0) {
    r.date = iso_date(lines[static_cast<size_t>(date_line)]);
    for (int i = date_line - 1; i >= 0 && r.issuer.empty(); --i) {
      const std::string& l = lines[static_cast<size_t>(i)];
      if (utf8_length(l) <= 40 && l.find("。") == std::string::npos && l.find("，") == std::string::npos &&
          l.find("：") == std::string::npos)
        r.issuer = l;
      break;
    }
  } else if (!lines.empty()) {
    UErrorCode st = U_ZERO_ERROR;
    icu::UnicodeString last = icu::UnicodeString::fromUTF8(lines.back());
    std::unique_ptr<icu::RegexMatcher> m(date_re->matcher(last, st));
    int32_t start = -1, end = -1;
    while (m->find(st)) start = m->start(st), end = m->end(st);
    if (start >= 0) {
      r.date = iso_date(u8(icu::UnicodeString(last, start, end - start)));
      if (end == last.length()) {
        icu::UnicodeString before(last, 0, start);
        std::unique_ptr<icu::RegexMatcher> h(han_tail->matcher(before, st));
        if (h->find(st)) r.issuer = u8(h->group(st));
      }
    }
  }

  // 主送机关: the first line ending with ：; else, in run-together text, what follows the 文号 up to ：.
  for (int i = 0; i < static_cast<int>(lines.size()) && (date_line < 0 || i < date_line); ++i) {
    const std::string& l = lines[static_cast<size_t>(i)];
    bool ends = l.size() >= 3 && l.compare(l.size() - 3, 3, "：") == 0;
    if (!ends || utf8_length(l) > 200) continue;
    bool label = false;
    for (const char* k : {"联系", "附件", "抄送", "邮箱", "邮 箱", "电话", "传真", "地址", "注"}) label |= starts_with(l, k);
    if (label || l.find("。") != std::string::npos) continue;
    r.recipients = l;
    break;
  }
  if (r.recipients.empty() && wenhao_end != std::string::npos) {
    size_t colon = text.find("：", wenhao_end);
    if (colon != std::string::npos && colon - wenhao_end <= 300) {
      std::string cand = text.substr(wenhao_end, colon + 3 - wenhao_end);
      if (cand.find("。") == std::string::npos && cand.find('\n') == std::string::npos) r.recipients = trim(cand);
    }
  }

  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    if (r.cc.empty()) r.cc = after_colon(l, "抄送");
    std::string a = after_colon(l, "附件");
    if (a.empty()) {
      // Scraped text: "…安全管理。附件：名称" inside one long line.
      size_t at = l.find("。附件：");
      if (at != std::string::npos) a = trim(l.substr(at + std::string("。附件：").size()));
    }
    if (!a.empty() && r.attachments.empty()) {
      static const auto number = compile("^\\d+\\s*[.．、]\\s*");
      auto strip = [&](const std::string& s) { return trim(regex_replace(s, *number, "")); };
      // Run-together text: the attachment name is followed by the signature on the same line.
      if (!r.issuer.empty()) {
        size_t cut = a.find(r.issuer);
        if (cut != std::string::npos && cut > 0) a = a.substr(0, cut);
      }
      r.attachments.push_back(strip(a));
      for (size_t k = i + 1; k < lines.size(); ++k) {
        if (!matches(*number, lines[k], false)) break;
        r.attachments.push_back(strip(lines[k]));
      }
    }
  }

  if (r.wenhao.empty()) r.missing.push_back("文号");
  if (r.title.empty()) r.missing.push_back("标题");
  if (r.issuer.empty()) r.missing.push_back("发文机关");
  if (r.date.empty()) r.missing.push_back("成文日期");
  if (r.recipients.empty()) r.missing.push_back("主送机关");
  return r;
}

}  // namespace gw::archive
