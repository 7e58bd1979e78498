// One function per element, in the order the elements are printed (版头, 主体, 版记), so that the
// findings come out in reading order.
#include "check/check_notice.h"

#include <string_view>

#include "base/utf8.h"
#include "check/date_rules.h"
#include "text/wenhao.h"

namespace gw::check {
namespace {

using model::Field;
using model::Notice;

constexpr const char* kCopyNumber = "GB/T 9704 7.2.1";
constexpr const char* kSecrecy = "GB/T 9704 7.2.2";
constexpr const char* kUrgency = "GB/T 9704 7.2.3";
constexpr const char* kDocNumber = "GB/T 9704 7.2.5";
constexpr const char* kOrderNumber = "GB/T 9704 10.2";
constexpr const char* kTitle = "GB/T 9704 7.3.1";
constexpr const char* kRecipients = "GB/T 9704 7.3.2";
constexpr const char* kBody = "GB/T 9704 7.3.3";
constexpr const char* kAttachmentList = "GB/T 9704 7.3.4";
constexpr const char* kDate = "GB/T 9704 7.3.5.4";
constexpr const char* kAttachments = "GB/T 9704 7.3.7";
constexpr const char* kCc = "GB/T 9704 7.4.2";
constexpr const char* kPrintDate = "GB/T 9704 7.4.3";

bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

std::string quote(const std::string& s) { return "“" + s + "”"; }

// Where a missing element would have been: the file, no line.
SourceLoc file_loc(const Notice& n) { return SourceLoc{n.source_file, 0, 0}; }

// 7.2.1: 份号 is six Arabic digits (000001).
void check_copy_number(const Notice& n, Diagnostics& out) {
  const Field& f = n.copy_number;
  if (f.empty()) return;
  bool digits = f.text.find_first_not_of("0123456789") == std::string::npos;
  if (digits && f.text.size() == 6) return;
  std::string hint = "write six Arabic digits, e.g. 000001";
  if (digits && f.text.size() < 6) hint = "pad it with zeros: " + std::string(6 - f.text.size(), '0') + f.text;
  out.error(f.loc, "份号 " + quote(f.text) + " is not 6 Arabic digits", kCopyNumber, hint);
}

// 7.2.2: 密级 is one of 绝密, 机密, 秘密; the period in Arabic numerals (秘密★1年).
void check_secrecy(const Notice& n, Diagnostics& out) {
  const Field& f = n.secrecy;
  if (!f.empty() && f.text != "绝密" && f.text != "机密" && f.text != "秘密")
    out.error(f.loc, "密级 " + quote(f.text) + " is not one of 绝密, 机密, 秘密", kSecrecy);
  const Field& p = n.secrecy_period;
  if (p.empty()) return;
  static constexpr std::u32string_view kChinese = U"〇零一二三四五六七八九十";
  for (char32_t c : to_u32(p.text))
    if (kChinese.find(c) != std::u32string_view::npos) {
      out.error(p.loc, "保密期限 " + quote(p.text) + " uses Chinese numerals", kSecrecy,
                "write the period in Arabic numerals, e.g. 1年");
      return;
    }
}

// 7.2.3: 紧急程度 is 特急 or 加急.
void check_urgency(const Notice& n, Diagnostics& out) {
  const Field& f = n.urgency;
  if (!f.empty() && f.text != "特急" && f.text != "加急")
    out.error(f.loc, "紧急程度 " + quote(f.text) + " is not 特急 or 加急", kUrgency);
}

// 7.2.5 / 10.2: 机关代字〔2022〕156号, or 第58号 for an order; parse_wenhao says what is not canonical.
void check_doc_number(const Notice& n, Diagnostics& out) {
  const Field& f = n.doc_number;
  if (f.empty()) return;
  const bool order = n.format == model::Format::Order;
  const char* clause = order ? kOrderNumber : kDocNumber;
  const char* name = order ? "令号 " : "文号 ";
  std::string why;
  auto w = text::parse_wenhao(f.text, &why);
  if (!w) {
    out.error(f.loc, name + quote(f.text) + " is not a 文号", clause,
              why.empty() ? "write it as 机关代字〔2022〕156号" : why);
    return;
  }
  for (const auto& problem : w->problems)
    out.error(f.loc, name + quote(f.text) + ": " + problem, clause, "write " + w->canonical);
}

void check_title(const Notice& n, Diagnostics& out) {
  if (n.title.empty() && n.format != model::Format::Order)
    out.error(file_loc(n), "the notice has no 标题", kTitle, "add a title, e.g. 关于开展……的通知");
}

// 7.3.2: the recipients end with a full-width colon.
void check_recipients(const Notice& n, Diagnostics& out) {
  const Field& f = n.recipients;
  if (f.empty() || ends_with(f.text, "：")) return;
  if (ends_with(f.text, ":"))
    out.warning(f.loc, "主送机关 ends with a half-width colon “:”", kRecipients, "end it with the full-width colon “：”");
  else
    out.warning(f.loc, "主送机关 does not end with “：”", kRecipients, "end the recipients with the full-width colon “：”");
}

void check_body(const Notice& n, Diagnostics& out) {
  for (const auto& b : n.body)
    if (!trim(b.text).empty() || !trim(b.lead).empty() || !b.table.rows.empty()) return;
  SourceLoc loc = n.body.empty() ? file_loc(n) : n.body.front().loc;
  out.error(loc, "the notice has an empty body", kBody, "write the body text (正文)");
}

bool ends_with_punctuation(const std::string& s) {
  std::u32string u = to_u32(trim(s));
  if (u.empty()) return false;
  static constexpr std::u32string_view kPunct = U"。，、；：？！.,;:?!";
  return kPunct.find(u.back()) != std::u32string_view::npos;
}

// Titles compared without white space: scraped or typed titles differ in spaces around Latin text and
// digits ("2022 全国网上年货节"), which is not a different title.
std::string without_spaces(const std::string& s) {
  std::u32string out;
  for (char32_t c : to_u32(s))
    if (c != U' ' && c != U'\u3000' && c != U'\t' && c != U'\n') out += c;
  return to_utf8(out);
}

// 7.3.4: no punctuation after an attachment's name; 7.3.7: the names match the attachments' titles.
void check_attachments(const Notice& n, Diagnostics& out) {
  for (const auto& a : n.attachment_names)
    if (ends_with_punctuation(a.text))
      out.warning(a.loc, "附件说明 name " + quote(a.text) + " ends with punctuation", kAttachmentList,
                  "remove the punctuation after the name");
  if (n.attachments.empty()) return;  // attachments bound separately: nothing to compare
  if (n.attachment_names.size() != n.attachments.size()) {
    SourceLoc loc = n.attachment_names.empty() ? n.attachments.front().loc : n.attachment_names.front().loc;
    out.error(loc,
              "附件说明 lists " + std::to_string(n.attachment_names.size()) + " attachment(s) but " +
                  std::to_string(n.attachments.size()) + " attachment(s) follow",
              kAttachments, "list every attached document in the 附件说明, in order");
    return;
  }
  for (size_t i = 0; i < n.attachments.size(); ++i) {
    const Field& name = n.attachment_names[i];
    const Field& title = n.attachments[i].title;
    std::string a = without_spaces(name.text), b = without_spaces(title.text);
    if (ends_with_punctuation(a) && !ends_with_punctuation(b)) a = to_utf8(to_u32(a).substr(0, utf8_length(a) - 1));
    if (a == b) continue;
    out.error(title.loc.line > 0 ? title.loc : n.attachments[i].loc,
              "title of attachment " + std::to_string(i + 1) + " " + quote(title.text) + " differs from its 附件说明 name " +
                  quote(name.text),
              kAttachments, "use the same words in the 附件说明 and on the attachment's page");
  }
}

void check_dates(const Notice& n, Diagnostics& out) {
  if (n.date.empty())
    out.error(file_loc(n), "the notice has no 成文日期", kDate, "add the date, e.g. 2022年6月30日");
  else
    check_date(n.date, "成文日期", kDate, out);
  if (!n.print_date.empty()) check_date(n.print_date, "印发日期", kPrintDate, out);
}

// 7.4.2: the last name in 抄送 is followed by "。".
void check_cc(const Notice& n, Diagnostics& out) {
  const Field& f = n.cc;
  if (!f.empty() && !ends_with(trim(f.text), "。"))
    out.warning(f.loc, "抄送 does not end with “。”", kCc, "put “。” after the last name");
}

}  // namespace

Diagnostics check_notice(const model::Notice& n) {
  Diagnostics out;
  check_copy_number(n, out);
  check_secrecy(n, out);
  check_urgency(n, out);
  check_doc_number(n, out);
  check_title(n, out);
  check_recipients(n, out);
  check_body(n, out);
  check_attachments(n, out);
  check_dates(n, out);
  check_cc(n, out);
  return out;
}

}  // namespace gw::check
