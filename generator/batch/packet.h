// A recommendation packet (forms.md, "A recommendation packet") planned from a data set: for each
// province, the cover letter, 附件5 and every 附件3/附件4 in the order of the 汇总表, each a document
// with its output file name, bookmark title and a fingerprint of its inputs. Planning reads and
// validates the data, sets records that fail aside with their row and reason, and builds the models;
// it renders nothing (runner.h does, in parallel).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "forms/application.h"
#include "forms/collation.h"
#include "forms/packed_applications.h"
#include "forms/quotas.h"
#include "forms/rows.h"
#include "layout/summary_layout.h"
#include "model/notice.h"

namespace gw::batch {

enum class DocKind { Letter, Summary, Application, Merged };
const char* kind_name(DocKind k);  // "letter", "attachment5", "application", "merged"

// One document of a packet.
struct DocumentPlan {
  DocKind kind = DocKind::Letter;
  std::string file;         // relative to the output folder, e.g. "福建省/03-附件3-1-福州榕鞋智造有限公司.pdf"
  std::string title;        // the bookmark and the PDF /Title
  std::string label;        // page-label prefix in the merged file, e.g. "附件3-1"
  std::string fingerprint;  // SHA-256 of everything the bytes depend on (--resume compares it)
  bool docx = false;        // a DOCX twin is written with --docx (every kind but the print file)

  // Held apart: a packet has one letter and one 汇总表 but a 申报书 per applicant, and a Notice inline
  // made every plan 1.8 KB.
  std::unique_ptr<model::Notice> letter;         // kind Letter
  std::unique_ptr<layout::SummaryForm> summary;  // kind Summary
  size_t app = 0;                                // kind Application: index into Packet::apps
};

struct Packet {
  std::string province;     // the group key (省份, else 推荐单位)
  std::string recommender;  // 推荐单位
  std::string wenhao;       // the cover letter's 文号
  std::string wenhao_source;  // "data" or "archive"
  std::string merged_file;  // the print file, e.g. "福建省-合订本.pdf"
  std::string merged_title;
  // The valid records of this province, in input order: indexes into `records`, the batch's records
  // (shared by its packets, packed as they were read).
  std::vector<size_t> apps;
  std::shared_ptr<const forms::PackedApplications> records;
  std::vector<DocumentPlan> documents;   // in print order: letter, 附件5, 附件3…, 附件4…
  // Per kind of 申报书: the characters of the data most of them print (batch::common_characters),
  // embedded once for all of them like the form's fixed words. In their fingerprints: a 申报书's
  // bytes depend on the other records of its packet through these.
  std::map<forms::Kind, std::u32string> common_characters;
};

// A record set aside, or a packet that could not be planned.
struct Problem {
  Diagnostic diagnostic;
  std::string province;  // empty when the record names none
};

struct PlanOptions {
  forms::SortOrder sort = forms::SortOrder::Input;
  const forms::Quotas* quotas = nullptr;  // rule 8 skipped when null
  std::string letter_template;             // path of the cover-letter template
  std::string forms_dir;                   // the 申报书 templates' folder (fingerprints); empty = default
  // Hashed into every fingerprint: the style, the font map and anything else the bytes depend on.
  std::string environment;
  // The 文号 of a province's letter when its data give none: `archive next` (cmd_batch). Called in
  // plan order, once per packet; nullopt leaves the packet without a letter (reported as a problem).
  std::function<std::optional<std::string>(const Packet&, const std::string& agency, int year)> reserve_wenhao;
  // --resume: 文号 already reserved for a province by an earlier run (from its manifest), so that a
  // rerun never takes a second number.
  std::function<std::optional<std::string>(const std::string& province)> earlier_wenhao;
};

struct Plan {
  std::vector<Packet> packets;
  std::vector<Problem> problems;  // errors: records skipped, packets not planned
  std::vector<Problem> warnings;  // forms.md rule 9 and reader notes; nothing skipped
  size_t records = 0;             // records read
  size_t skipped_records = 0;     // records set aside by errors
};

// Reads every file (JSON, CSV, XLSX; together one data set), validates, groups by province and
// plans the documents. Throws InputError only for problems with the whole input (unreadable file,
// broken letter template); problems of one record or one province are in Plan::problems.
Plan plan_batch(const std::vector<std::string>& files, const forms::ColumnMap& columns, const PlanOptions& options);

// A file-name part from a name: path separators, control characters and characters Windows refuses
// replaced by "_", so that every applicant's name makes a portable file name.
std::string safe_file_part(const std::string& name);

}  // namespace gw::batch
