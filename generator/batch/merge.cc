// Merging with qpdf; see merge.h. qpdf 11 has no high-level way to create outlines or page labels,
// so both are built as plain objects (PDF 32000-1:2008 12.3.3 document outline, 12.4.2 page labels).
#include "batch/merge.h"

#include <fcntl.h>
#include <qpdf/Buffer.hh>
#include <qpdf/InputSource.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <qpdf/Pipeline.hh>
#include <qpdf/QUtil.hh>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <memory>
#include <stdexcept>
#include <tuple>
#include <vector>

#include "base/files.h"
#include "base/sha256.h"
#include "export/pdf/pdf_writer.h"

namespace gw::batch {
namespace {

using QOH = QPDFObjectHandle;

class BlockInput;

// The open files of one merge. qpdf reads a document's page contents and fonts only when it writes
// the print file, so every document stays an input until then; a packet of more documents than the
// process may open files (often 1,024) would fail. At most kOpen files are open at once per merge
// (a merge per job may run at once); a document whose file was closed opens it again when qpdf next
// reads from it — about one open more per document, when the print file is written. Shared by the
// inputs: qpdf keeps an input alive as long as a stream copied from it may be read (the output's
// copies too), so the inputs, not the merge, decide when this goes.
class OpenFiles {
 public:
  static constexpr size_t kOpen = 16;
  ~OpenFiles() {
    for (auto& [input, fd] : open_) ::close(fd);
  }
  int fd_for(const BlockInput* input, const std::string& path);
  void forget(const BlockInput* input) {
    for (size_t i = 0; i < open_.size(); ++i)
      if (open_[i].first == input) {
        ::close(open_[i].second);
        open_.erase(open_.begin() + static_cast<long>(i));
        return;
      }
  }

 private:
  std::vector<std::pair<const BlockInput*, int>> open_;  // least recently used first
};

// qpdf's input for a document being merged: reads through one block buffer with pread. qpdf's own
// file input seeks and reads in small pieces, two system calls each (perf: a tenth of a batch), and
// reading the files whole would hold the packet's every document in memory until it is written.
class BlockInput : public InputSource {
 public:
  BlockInput(const std::string& path, std::shared_ptr<OpenFiles> files) : name_(path), files_(std::move(files)) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) throw std::runtime_error(std::strerror(errno));
    size_ = st.st_size;
  }
  ~BlockInput() override { files_->forget(this); }
  BlockInput(const BlockInput&) = delete;
  BlockInput& operator=(const BlockInput&) = delete;
  std::string const& getName() const override { return name_; }
  qpdf_offset_t tell() override { return pos_; }
  void rewind() override { pos_ = 0; }
  void unreadCh(char) override {
    if (pos_ > 0) --pos_;
  }
  void seek(qpdf_offset_t offset, int whence) override {
    const qpdf_offset_t to = whence == SEEK_SET ? offset : whence == SEEK_CUR ? pos_ + offset : size_ + offset;
    if (to < 0) throw std::runtime_error(name_ + ": seek before the start of the file");
    pos_ = to;
  }
  size_t read(char* out, size_t length) override {
    last_offset = pos_;
    size_t done = 0;
    while (done < length && pos_ < size_) {
      if (pos_ < block_start_ || pos_ >= block_start_ + static_cast<qpdf_offset_t>(block_len_)) fill();
      const size_t at = static_cast<size_t>(pos_ - block_start_);
      const size_t n = std::min(length - done, block_len_ - at);
      std::memcpy(out + done, block_.data() + at, n);
      done += n;
      pos_ += static_cast<qpdf_offset_t>(n);
    }
    return done;
  }
  // As qpdf's FileInputSource: the offset of the next \r or \n, positioned after the run of them.
  qpdf_offset_t findAndSkipNextEOL() override {
    char ch;
    while (read(&ch, 1) == 1) {
      if (ch != '\r' && ch != '\n') continue;
      const qpdf_offset_t eol = pos_ - 1;
      while (read(&ch, 1) == 1)
        if (ch != '\r' && ch != '\n') {
          unreadCh(ch);
          break;
        }
      return eol;
    }
    return pos_;
  }

 private:
  void fill() {
    block_start_ = pos_ - pos_ % static_cast<qpdf_offset_t>(kBlock);
    block_.resize(kBlock);
    ssize_t n;
    const int fd = files_->fd_for(this, name_);
    do n = ::pread(fd, block_.data(), kBlock, block_start_);
    while (n < 0 && errno == EINTR);
    if (n <= 0) throw std::runtime_error(name_ + ": " + (n < 0 ? std::strerror(errno) : "unexpected end of file"));
    block_len_ = static_cast<size_t>(n);
  }
  static constexpr size_t kBlock = 32 * 1024;
  std::string name_;
  std::shared_ptr<OpenFiles> files_;
  qpdf_offset_t size_ = 0, pos_ = 0, block_start_ = 0;
  size_t block_len_ = 0;
  std::vector<char> block_;
};

int OpenFiles::fd_for(const BlockInput* input, const std::string& path) {
  for (size_t i = 0; i < open_.size(); ++i)
    if (open_[i].first == input) {
      std::rotate(open_.begin() + static_cast<long>(i), open_.begin() + static_cast<long>(i) + 1, open_.end());
      return open_.back().second;
    }
  if (open_.size() >= kOpen) {
    ::close(open_.front().second);
    open_.erase(open_.begin());
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error(path + ": " + std::strerror(errno));
  open_.emplace_back(input, fd);
  return fd;
}

std::unique_ptr<QPDF> open_pdf(const std::string& path, const std::shared_ptr<OpenFiles>& files) {
  auto q = std::make_unique<QPDF>();
  q->setSuppressWarnings(true);
  try {
    q->processInputSource(std::make_shared<BlockInput>(path, files));
  } catch (const std::exception& e) {
    throw std::runtime_error("cannot read " + path + " for the print file: " + e.what());
  }
  return q;
}

// A page with nothing on it, the size of `like` (the last page of the document before it, so that a
// blank after the landscape 附件5 is landscape too).
QOH blank_page(QPDF& out, QPDFPageObjectHelper like) {
  QOH page = QOH::newDictionary();
  page.replaceKey("/Type", QOH::newName("/Page"));
  page.replaceKey("/MediaBox", like.getMediaBox(true).shallowCopy());
  page.replaceKey("/Resources", QOH::newDictionary());
  page.replaceKey("/Contents", QOH::newStream(&out, std::string()));
  return out.makeIndirectObject(page);
}

// Fonts that many documents embed alike (pdf::SharedFonts: a 申报书's fixed words and its packet's
// common characters, the same bytes in every one) are kept once in the print file. Such a font's
// resource name is pdf::kSharedFontPrefix and a digest of its objects, so fonts of the same name are
// the same: before a document's pages are copied, each font whose name the print file holds already
// is taken out of the source page's resources (in memory only), and after the copy the copied page
// refers to the print file's font under that name. qpdf neither copies nor even reads it (comparing
// the fonts object by object made qpdf parse them: a twentieth of a batch). Fonts of other names are
// copied as they are.
class SharedFontKeeper {
 public:
  // Per source page, the resource names of fonts the print file holds already.
  using Taken = std::vector<std::vector<std::string>>;

  // Takes out of the source pages' font resources those the print file holds; call before copying.
  Taken take_known(const std::vector<QOH>& pages) {
    Taken taken(pages.size());
    for (size_t i = 0; i < pages.size(); ++i) {
      QOH fonts = font_resources(pages[i]);
      if (!fonts.isDictionary()) continue;
      for (const std::string& key : fonts.getKeys())
        if (kept_.count(key)) taken[i].push_back(key);
    }
    // Removed only now: pages may share one font dictionary.
    for (size_t i = 0; i < pages.size(); ++i)
      for (const auto& key : taken[i]) font_resources(pages[i]).removeKey(key);
    return taken;
  }

  // After the copy: the copied pages refer to the kept fonts again, and their shared fonts not kept
  // yet are kept for the documents to come.
  void put_back(const std::vector<QOH>& copied, const Taken& taken) {
    for (size_t i = 0; i < copied.size(); ++i) {
      QOH fonts = font_resources(copied[i]);
      if (!fonts.isDictionary()) {
        if (taken[i].empty()) continue;
        throw std::runtime_error("a copied page lost its font resources");
      }
      for (const std::string& key : fonts.getKeys())
        if (is_shared_name(key)) kept_.try_emplace(key, fonts.getKey(key));
      for (const auto& key : taken[i]) fonts.replaceKey(key, kept_.at(key));
    }
  }

 private:
  static QOH font_resources(QOH page) {
    QOH resources = page.getKey("/Resources");
    return resources.isDictionary() ? resources.getKey("/Font") : QOH::newNull();
  }

  // qpdf's key keeps the name's "/".
  static bool is_shared_name(const std::string& key) {
    return !key.empty() && pdf::is_shared_font_resource(std::string_view(key).substr(1));
  }

  std::map<std::string, QOH> kept_;  // by resource name: the print file's font
};

QOH page_label(const std::string& prefix, bool numbered) {
  QOH d = QOH::newDictionary();
  if (numbered) {
    d.replaceKey("/S", QOH::newName("/D"));
    d.replaceKey("/St", QOH::newInteger(1));
  }
  if (!prefix.empty()) d.replaceKey("/P", QOH::newUnicodeString(prefix));
  return d;
}


// The print file's bytes as QPDFWriter makes them: written to a file through one buffer and hashed
// on the way (the batch's manifest lists every file's SHA-256; reading a packet of 7 MB back only to
// hash it cost a merge a few per cent).
class HashingFile : public Pipeline {
 public:
  explicit HashingFile(const std::string& path) : Pipeline("print file", nullptr), path_(path) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd_ < 0) throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
    buffer_.reserve(kBuffer);
  }
  ~HashingFile() override {
    if (fd_ >= 0) ::close(fd_);
  }
  HashingFile(const HashingFile&) = delete;
  HashingFile& operator=(const HashingFile&) = delete;
  void write(unsigned char const* data, size_t len) override {
    if (buffer_.size() + len > kBuffer) flush();
    if (len >= kBuffer) {
      put(reinterpret_cast<const char*>(data), len);
      return;
    }
    buffer_.append(reinterpret_cast<const char*>(data), len);
  }
  void finish() override { flush(); }
  // Closes the file; its SHA-256 and size.
  std::pair<std::string, long long> close() {
    flush();
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) throw std::runtime_error("cannot write " + path_ + ": " + std::strerror(errno));
    return {hash_.hex(), size_};
  }

 private:
  static constexpr size_t kBuffer = 256 * 1024;
  void flush() {
    put(buffer_.data(), buffer_.size());
    buffer_.clear();
  }
  void put(const char* p, size_t n) {
    hash_.update(p, n);
    size_ += static_cast<long long>(n);
    if (const int err = write_all(fd_, std::string_view(p, n))) throw std::runtime_error("cannot write " + path_ + ": " + std::strerror(err));
  }
  std::string path_;
  int fd_ = -1;
  std::string buffer_;
  Sha256 hash_;
  long long size_ = 0;
};

}  // namespace

struct PrintFile::State {
  MergeInfo info;
  QPDF out;
  std::shared_ptr<OpenFiles> files = std::make_shared<OpenFiles>();
  std::vector<std::unique_ptr<QPDF>> sources;  // must outlive the write: pages are copied lazily
  QOH nums = QOH::newArray();
  std::vector<QOH> first_pages;
  std::vector<std::string> titles;
  std::string version = "1.3";
  std::string last_label;  // the label of the document added last
  SharedFontKeeper shared_fonts;
  MergeResult result;
  bool written = false;

  MergeResult write(Pipeline* to, bool memory);
};

PrintFile::PrintFile(MergeInfo info) : s_(std::make_unique<State>()) {
  s_->info = std::move(info);
  s_->out.emptyPDF();
}
PrintFile::~PrintFile() = default;

size_t PrintFile::documents() const { return s_->sources.size(); }

void PrintFile::add(const MergeInput& input) {
  State& s = *s_;
  if (s.written) throw std::logic_error("PrintFile::add after write");
  QPDFPageDocumentHelper pages(s.out);
  int& count = s.result.pages;
  // Double-sided printing: a document starts on a new sheet. After a document with an odd page count
  // comes a blank page, which carries no page number (GB/T 9704 7.5 treats inserted blank pages as
  // unnumbered) and whose label says what it is. Added when the next document comes, so that none
  // follows the last.
  if (count % 2 == 1) {
    pages.addPage(QPDFPageObjectHelper(blank_page(s.out, QPDFPageObjectHelper(s.out.getAllPages().back()))), false);
    s.nums.appendItem(QOH::newInteger(count));
    s.nums.appendItem(page_label(s.last_label + "空白页", false));
    ++count;
    ++s.result.blank_pages;
  }
  s.sources.push_back(open_pdf(input.path, s.files));
  QPDF& src = *s.sources.back();
  if (src.getPDFVersion() > s.version) s.version = src.getPDFVersion();
  // QPDF::getAllPages is a cached list; the helper's getAllPages would build one per call.
  const std::vector<QOH> src_pages = src.getAllPages();
  if (src_pages.empty()) throw std::runtime_error(input.path + " has no pages");
  s.result.start_pages.push_back(count + 1);
  s.nums.appendItem(QOH::newInteger(count));
  s.nums.appendItem(page_label(input.label, true));
  const SharedFontKeeper::Taken taken = s.shared_fonts.take_known(src_pages);
  for (const auto& p : src_pages) pages.addPage(QPDFPageObjectHelper(p), false);
  const std::vector<QOH>& all_pages = s.out.getAllPages();
  s.shared_fonts.put_back(std::vector<QOH>(all_pages.begin() + count, all_pages.end()), taken);
  s.first_pages.push_back(all_pages[static_cast<size_t>(count)]);
  count += static_cast<int>(src_pages.size());
  s.titles.push_back(input.title);
  s.last_label = input.label;
}

MergeResult PrintFile::State::write(Pipeline* to, bool memory) {
  if (written) throw std::logic_error("PrintFile written twice");
  if (sources.empty()) throw std::runtime_error("a print file needs at least one document");
  written = true;
  QOH root = out.getRoot();
  QOH labels = QOH::newDictionary();
  labels.replaceKey("/Nums", nums);
  root.replaceKey("/PageLabels", labels);

  // One outline item per document, in print order, each opening its first page.
  QOH outlines = out.makeIndirectObject(QOH::newDictionary());
  outlines.replaceKey("/Type", QOH::newName("/Outlines"));
  std::vector<QOH> items;
  for (size_t i = 0; i < titles.size(); ++i) {
    QOH item = out.makeIndirectObject(QOH::newDictionary());
    item.replaceKey("/Title", QOH::newUnicodeString(titles[i]));
    item.replaceKey("/Parent", outlines);
    QOH dest = QOH::newArray();
    dest.appendItem(first_pages[i]);
    dest.appendItem(QOH::newName("/Fit"));
    item.replaceKey("/Dest", dest);
    if (!items.empty()) {
      item.replaceKey("/Prev", items.back());
      items.back().replaceKey("/Next", item);
    }
    items.push_back(item);
  }
  outlines.replaceKey("/First", items.front());
  outlines.replaceKey("/Last", items.back());
  outlines.replaceKey("/Count", QOH::newInteger(static_cast<long long>(items.size())));
  root.replaceKey("/Outlines", outlines);
  root.replaceKey("/PageMode", QOH::newName("/UseOutlines"));

  QOH doc_info = out.makeIndirectObject(QOH::newDictionary());
  auto set = [&](const char* key, const std::string& v) {
    if (!v.empty()) doc_info.replaceKey(key, QOH::newUnicodeString(v));
  };
  set("/Title", info.title);
  set("/Author", info.author);
  set("/Subject", info.subject);
  set("/Keywords", info.keywords);
  set("/Creator", "gongwen batch");
  set("/Producer", std::string("gongwen (qpdf ") + QPDF::QPDFVersion() + ")");
  if (info.timestamp) {
    std::string now = QUtil::qpdf_time_to_pdf_time(QUtil::get_current_qpdf_time());
    doc_info.replaceKey("/CreationDate", QOH::newString(now));
    doc_info.replaceKey("/ModDate", QOH::newString(now));
  }
  out.getTrailer().replaceKey("/Info", doc_info);

  QPDFWriter w(out);
  if (memory)
    w.setOutputMemory();
  else
    w.setOutputPipeline(to);
  w.setMinimumPDFVersion(version);
  // Copy the documents' streams as libharu compressed them: qpdf's default decodes every Flate
  // stream and deflates it again, which was half of a batch's time (perf: zlib 51 %).
  w.setStreamDataMode(qpdf_s_preserve);
  // Without --timestamp the /ID is a hash of the content: the same packet gives the same bytes.
  if (!info.timestamp) w.setDeterministicID(true);
  w.write();
  if (memory) {
    auto buf = w.getBufferSharedPointer();
    result.bytes.assign(reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize());
    result.size = static_cast<long long>(result.bytes.size());
  }
  return result;
}

MergeResult PrintFile::write_to_memory() { return s_->write(nullptr, true); }

MergeResult PrintFile::write_to_file(const std::string& path) {
  HashingFile file(path);
  MergeResult r = s_->write(&file, false);
  std::tie(r.sha256, r.size) = file.close();
  return r;
}

MergeResult merge_pdfs(const std::vector<MergeInput>& inputs, const MergeInfo& info) {
  PrintFile f(info);
  for (const auto& in : inputs) f.add(in);
  return f.write_to_memory();
}

MergeResult merge_pdfs_to_file(const std::vector<MergeInput>& inputs, const MergeInfo& info, const std::string& path) {
  PrintFile f(info);
  for (const auto& in : inputs) f.add(in);
  return f.write_to_file(path);
}

int pdf_page_count(const std::string& path) {
  auto q = open_pdf(path, std::make_shared<OpenFiles>());
  return static_cast<int>(q->getAllPages().size());
}

}  // namespace gw::batch
