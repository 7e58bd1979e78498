// The notice as the clerk described it: every element of GB/T 9704 as plain data (UTF-8 strings),
// with the source location of each so that checks can point at the line to fix. No I/O, no fonts,
// no layout: readers (template/) fill it, checks read it, layout and the DOCX writer consume it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"

namespace gw::model {

// GB/T 9704 clause 10: the four formats.
enum class Format {
  File,     // 文件格式 (the default, clause 7)
  Letter,   // 信函格式 (10.1)
  Order,    // 命令（令）格式 (10.2)
  Minutes,  // 纪要格式 (10.3)
};
const char* format_name(Format f);                 // "文件格式", …
std::optional<Format> parse_format(std::string_view s);  // accepts "file|letter|order|minutes" and the Chinese names

// A string with where it came from.
struct Field {
  std::string text;
  SourceLoc loc;
  bool empty() const { return text.empty(); }
};

// GB/T 9704 7.3.3: heading levels by ordinal: 一、 （一） 1. （1）
enum class BlockKind {
  Paragraph,
  Heading1,  // 一、  黑体
  Heading2,  // （一） 楷体
  Heading3,  // 1.    仿宋
  Heading4,  // （1）  仿宋
  Table,
};

struct Table {
  // rows[r][c]; the first row is the header row when has_header is set.
  std::vector<std::vector<Field>> rows;
  bool has_header = true;
};

// A paragraph of body text. A heading that stands alone has `lead` = the whole heading and empty
// `text`; a heading followed by text in the same paragraph (e.g. "（一）前期筹备。2021年…") has the
// heading in `lead` (set in the heading's font) and the rest in `text` (body font). A plain
// paragraph has empty `lead`.
struct Block {
  BlockKind kind = BlockKind::Paragraph;
  std::string lead;
  std::string text;
  Table table;  // when kind == Table
  SourceLoc loc;
};

// GB/T 9704 7.3.7: an attachment bound with the notice, starting on a new page.
struct Attachment {
  Field title;                // must equal the matching 附件说明 name
  std::vector<Block> blocks;  // its own pages
  SourceLoc loc;
};

// GB/T 9704 7.3.5: how the signature is made.
enum class SealKind {
  None,            // 7.3.5.2 不加盖印章
  Seal,            // 7.3.5.1 加盖印章
  SignatureSeal,   // 7.3.5.3 加盖签发人签名章 (orders)
};

struct Notice {
  std::string source_file;
  Format format = Format::File;

  // 版头 (7.2)
  Field copy_number;       // 份号, 6 digits (7.2.1)
  Field secrecy;           // 密级, e.g. 秘密 (7.2.2)
  Field secrecy_period;    // 保密期限, e.g. 1年 -> printed 秘密★1年
  Field urgency;           // 紧急程度, e.g. 特急 (7.2.3)
  std::vector<Field> issuers;  // 发文机关 names; several = 联合行文 (7.2.4)
  bool mark_with_wenjian = true;  // append "文件" to the mark (File format only)
  Field mark;              // explicit mark text overriding issuers(+文件), e.g. "工业和信息化部司局简函"
  Field doc_number;        // 发文字号 / 令号 (7.2.5, 10.2)
  std::vector<Field> signers;  // 签发人 (7.2.6), only for 上行文

  // 主体 (7.3)
  Field title;                  // 7.3.1
  Field recipients;             // 主送机关, ends with "：" (7.3.2)
  std::vector<Block> body;      // 7.3.3
  std::vector<Field> attachment_names;  // 附件说明 (7.3.4), without "附件：" and without numbers
  std::vector<Field> signature_names;   // 署名 (7.3.5); several = joint issue
  SealKind seal = SealKind::None;
  Field signer_title;           // 7.3.5.3: e.g. "部长" (orders)
  Field signer_name;            // 7.3.5.3: the name on the signature seal
  Field date;                   // 成文日期 as written, e.g. 2022年6月30日 (7.3.5.4)
  Field note;                   // 附注, without the parentheses (7.3.6)
  std::vector<Attachment> attachments;  // 7.3.7

  // 纪要 (10.3)
  Field present;   // 出席
  Field absent;    // 请假
  Field attending; // 列席

  // 版记 (7.4)
  Field cc;            // 抄送, names ending with "。" (7.4.2)
  Field printer;       // 印发机关 (7.4.3)
  Field print_date;    // 印发日期, e.g. 2022年6月30日 (without 印发)

  // The issuer mark as printed: `mark` if given, else the issuers (+ "文件" / "命令" per format).
  std::vector<std::string> mark_lines() const;
  // Text of the whole notice in reading order (for search and for round-trip tests).
  std::string plain_text() const;
};

}  // namespace gw::model
