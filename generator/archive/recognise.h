// Past notices arrive as text (.txt, .md), PDF or DOCX, often scraped from web pages: runs of text
// with repeated paragraphs, HTML tags, no line breaks. This file turns such input into plain text and
// recognises the parts of a notice in it (文号, title, issuer, date, recipients, 抄送, attachments), the
// same structure as the plain-text notice input. Pure functions, no database.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gw::archive {

struct RecognisedNotice {
  std::string wenhao;  // canonical
  std::string title, issuer;
  std::string date;  // ISO
  std::string recipients, cc;
  std::vector<std::string> attachments;
  std::string text;                  // cleaned, de-duplicated full text
  std::vector<std::string> missing;  // 文号, 标题, 发文机关, 成文日期, 主送机关 not found
};

// Text of a file by its extension (.txt .md .text .pdf .docx). InputError naming the file when the
// content cannot be read (a broken PDF, a DOCX without word/document.xml, an unsupported extension).
std::string extract_text(const std::string& name, std::string_view bytes);

// Drops repeated paragraphs (and, inside very long scraped lines, repeated sentences) of 8 or more
// characters, keeping the first occurrence.
std::string dedupe_paragraphs(std::string_view text);

RecognisedNotice recognise_notice(std::string_view text);

}  // namespace gw::archive
