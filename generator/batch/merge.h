// The print file of a packet, made from the documents' own PDFs with qpdf's library (no re-rendering):
// pages concatenated, an unnumbered blank page inserted after a document with an odd page count so
// that every document starts on an odd page (printed double-sided, each on a new sheet), one bookmark
// per document, page labels restarting per document, document information set; a font that several
// documents embed alike (their form's fixed words) is kept once. Deterministic unless
// asked for a timestamp: the /ID is computed from the content (QPDFWriter::setDeterministicID).
// qpdf stays in this file; nothing else in gongwen includes its headers.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace gw::batch {

struct MergeInput {
  std::string path;   // a PDF written by gongwen
  std::string title;  // its bookmark
  std::string label;  // page-label prefix: "附件5-" labels its pages 附件5-1, 附件5-2, …
};

struct MergeInfo {
  std::string title, author, subject, keywords;
  bool timestamp = false;  // /CreationDate and /ModDate now, and a /ID that is not content-derived
};

struct MergeResult {
  std::string bytes;             // when written to memory
  std::string sha256;            // when written to a file: the SHA-256 of its bytes, hashed as written
  long long size = 0;            // the bytes written
  int pages = 0;                 // including blank pages
  int blank_pages = 0;
  std::vector<int> start_pages;  // 1-based page of each input's first page
};

// A print file made document by document: add() each document in print order — as soon as its PDF
// is written, so that a batch merges a packet while its later documents are still being rendered and
// only the write waits for the last one — then write it once. Not thread-safe: one thread at a time
// (a batch hands a packet's print file from worker to worker under its lock).
class PrintFile {
 public:
  explicit PrintFile(MergeInfo info);
  ~PrintFile();
  PrintFile(const PrintFile&) = delete;
  PrintFile& operator=(const PrintFile&) = delete;
  // Throws std::runtime_error (with the file and qpdf's message) when the PDF cannot be read.
  void add(const MergeInput& input);
  size_t documents() const;
  // Throw std::runtime_error when nothing was added or the file cannot be written. Once only.
  MergeResult write_to_file(const std::string& path);
  MergeResult write_to_memory();

 private:
  struct State;
  std::unique_ptr<State> s_;
};

// The same in one call. Throws std::runtime_error (with the file and qpdf's message) when an input
// cannot be read.
MergeResult merge_pdfs(const std::vector<MergeInput>& inputs, const MergeInfo& info);
// The same written straight to `path` (MergeResult::bytes stays empty): a packet of a hundred 申报书
// is never held in memory whole.
MergeResult merge_pdfs_to_file(const std::vector<MergeInput>& inputs, const MergeInfo& info, const std::string& path);

// The number of pages of a PDF file (for --resume and for checks).
int pdf_page_count(const std::string& path);

}  // namespace gw::batch
