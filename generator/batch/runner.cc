// The parallel renderer; see runner.h.
#include "batch/runner.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "base/diagnostic.h"
#include "base/files.h"
#include "base/sha256.h"
#include "batch/application_forms.h"
#include "batch/merge.h"
#include "export/docx/docx_writer.h"
#include "export/docx/layout_decisions.h"
#include "export/docx/summary_docx.h"
#include "export/pdf/pdf_writer.h"
#include "layout/notice_layout.h"
#include "layout/summary_layout.h"

namespace gw::batch {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kMergeTask = -1;

struct Task {
  size_t packet = 0;
  int doc = 0;  // index into Packet::documents, or kMergeTask
};

struct Outcome {
  std::vector<FileEntry> files;  // the PDF (and DOCX) of a document, or the print file
  bool resumed = false;
  int pages = 0;                 // pages rendered (0 when resumed)
  int blank_pages = 0;           // print file only
  std::string error;
};

std::string docx_name(const std::string& pdf) { return pdf.substr(0, pdf.size() - 4) + ".docx"; }

// Removes temporary files a killed run left beside the outputs (base/files.h names them
// "<final>.tmp-<pid>-<n>"); only names that start with a planned output's name are touched.
void remove_stale_temporaries(const std::vector<Packet>& packets, const std::string& out_dir) {
  std::vector<std::string> prefixes;
  for (const auto& p : packets) {
    prefixes.push_back(p.merged_file + ".tmp-");
    for (const auto& d : p.documents) {
      prefixes.push_back(d.file + ".tmp-");
      prefixes.push_back(docx_name(d.file) + ".tmp-");
    }
  }
  std::vector<fs::path> folders = {fs::path(out_dir)};
  for (const auto& p : packets)
    if (!p.documents.empty()) folders.push_back(fs::path(out_dir) / fs::path(p.documents.front().file).parent_path());
  for (const auto& folder : folders) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
      std::string rel = fs::relative(entry.path(), out_dir, ec).string();
      for (const auto& prefix : prefixes)
        if (rel.compare(0, prefix.size(), prefix) == 0) {
          fs::remove(entry.path(), ec);
          break;
        }
    }
  }
}

class Runner {
 public:
  Runner(const std::vector<Packet>& packets, const RunOptions& o) : packets_(packets), o_(o) {
    outcomes_.resize(packets.size());
    remaining_.resize(packets.size());
    failed_.resize(packets.size());
    prints_.resize(packets.size());
    size_t after = 0;  // documents queued after the packet's
    for (size_t p = packets.size(); p-- > 0;) {
      prints_[p].rendered.resize(packets[p].documents.size());
      prints_[p].as_rendered = o.jobs > 1 && !o.resume && after < packets[p].documents.size();
      after += packets[p].documents.size();
    }
    for (size_t p = 0; p < packets.size(); ++p) {
      outcomes_[p].resize(packets[p].documents.size() + 1);
      remaining_[p] = packets[p].documents.size();
      for (size_t d = 0; d < packets[p].documents.size(); ++d) ready_.push_back({p, static_cast<int>(d)});
      total_ += packets[p].documents.size() + 1;
    }
  }

  RunResult run() {
    start_ = Clock::now();
    int n = std::max(1, o_.jobs);
    std::vector<std::thread> workers;
    std::exception_ptr crash;
    std::mutex crash_mu;
    std::thread flusher([this] { flush_while_running(); });
    for (int i = 0; i < n; ++i)
      workers.emplace_back([&] {
        try {
          work();
        } catch (...) {
          // A failure outside any one job (fonts cannot be opened): stop everyone, rethrow below.
          std::lock_guard<std::mutex> lock(crash_mu);
          if (!crash) crash = std::current_exception();
          std::lock_guard<std::mutex> l2(mu_);
          stopping_ = true;
          cv_.notify_all();
        }
      });
    for (auto& w : workers) w.join();
    {
      std::lock_guard<std::mutex> lock(mu_);
      workers_done_ = true;
    }
    flush_cv_.notify_all();
    flusher.join();
    if (crash) std::rethrow_exception(crash);
    return result();
  }

 private:
  bool stop_requested() const { return stopping_ || (o_.stop && o_.stop->load()); }

  // Per worker: the fonts and, per kind of 申报书, the fonts of its fixed words and of its packet's
  // common characters (pdf::SharedFonts), subset and compressed once by each worker and packet
  // instead of once per document. (Workers take documents in plan order, so a packet once left is
  // not come back to.)
  struct WorkerFonts {
    std::optional<fonts::FontSet> set;
    std::map<forms::Kind, layout::Document> skeletons;  // the forms filled with nothing
    size_t packet = SIZE_MAX;                           // whose SharedFonts `forms` holds
    std::map<forms::Kind, std::unique_ptr<pdf::SharedFonts>> forms;
  };

  void work() {
    WorkerFonts fonts;
    while (true) {
      Task t;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [&] { return stop_requested() || !ready_.empty() || in_flight_ == 0; });
        if (stop_requested() || ready_.empty()) {
          cv_.notify_all();
          return;
        }
        t = ready_.front();
        ready_.pop_front();
        ++in_flight_;
      }
      Outcome out = t.doc == kMergeTask ? merge(t.packet) : render(t.packet, static_cast<size_t>(t.doc), fonts);
      finish(t, std::move(out));
      if (t.doc != kMergeTask) add_to_print_file(t.packet);
      // Counted in flight until here: adding to a print file can queue its write, and an idle worker
      // must not take an empty queue for the end of the run meanwhile.
      std::lock_guard<std::mutex> lock(mu_);
      --in_flight_;
      cv_.notify_all();
    }
  }

  // The documents written since the last sync are flushed to disk in the background, while the
  // workers go on (the run's one sync_file_system before its manifest then has little left: it took
  // 0.2 s of a 2.7 s batch when all of it waited for the end). Durability is unchanged: the manifest
  // is still written after that final sync.
  void flush_while_running() {
    std::unique_lock<std::mutex> lock(mu_);
    while (true) {
      flush_cv_.wait(lock, [&] { return workers_done_ || unflushed_bytes_ >= kFlushEveryBytes; });
      if (workers_done_) return;
      unflushed_bytes_ = 0;
      lock.unlock();
      sync_file_system(o_.out_dir);
      lock.lock();
    }
  }

  // The last packets' print files are made as their documents come (batch::PrintFile): the worker
  // that finished a document adds every document not yet added whose predecessors are all added —
  // one worker at a time per packet, the others go on rendering — and what is left when the last
  // document is done is the write. A print file's merging is a third of a packet's work: merged at
  // the end, the last packet's ran alone on one core while the others had nothing left to do (a
  // province's run, one packet, waited for all of it). Only for a packet with fewer documents after
  // it than its own (PrintState::as_rendered): merging alongside rendering costs 7–14 % more CPU
  // (measured with 2 jobs; the print file's objects interleave with the rendering's in the heap), so
  // a packet whose merge has later documents to overlap with is merged whole when they are done.
  // With --resume the print file may be kept as it is, known only when every document is.
  void add_to_print_file(size_t pi) {
    if (!prints_[pi].as_rendered) return;
    const Packet& p = packets_[pi];
    PrintState& ps = prints_[pi];
    std::unique_ptr<PrintFile> dropped;  // destroyed after the lock is released: it may hold a packet
    std::unique_lock<std::mutex> lock(mu_);
    while (!ps.adding && !failed_[pi] && ps.error.empty() && !stop_requested() && ps.added < p.documents.size() &&
           ps.rendered[ps.added]) {
      ps.adding = true;
      size_t from = ps.added, to = from;
      while (to < p.documents.size() && ps.rendered[to]) ++to;
      if (!ps.file) ps.file = std::make_unique<PrintFile>(merge_info(p));
      lock.unlock();
      std::string error;
      try {
        for (size_t di = from; di < to; ++di)
          ps.file->add({(fs::path(o_.out_dir) / p.documents[di].file).string(), p.documents[di].title, p.documents[di].label});
      } catch (const std::exception& e) {
        error = p.merged_file + ": " + e.what();
      }
      lock.lock();
      ps.adding = false;
      ps.added = to;
      ps.error = error;
      if (failed_[pi] || !ps.error.empty()) dropped = std::move(ps.file);  // not needed any more
      queue_write_when_ready(pi);
    }
  }

  // Under mu_: a packet whose documents are all done and all added (or that cannot be) gets its
  // print-file job, at the front of the queue.
  void queue_write_when_ready(size_t pi) {
    PrintState& ps = prints_[pi];
    if (remaining_[pi] != 0 || ps.queued || ps.adding || failed_[pi]) return;
    if (ps.as_rendered && ps.error.empty() && ps.added < packets_[pi].documents.size()) return;
    ps.queued = true;
    ready_.push_front({pi, kMergeTask});
    cv_.notify_all();
  }

  // A file can be kept when the earlier run wrote it from the same inputs and it is unchanged on disk.
  std::optional<FileEntry> unchanged(const std::string& file, const std::string& fingerprint) {
    if (!o_.resume || !o_.earlier) return std::nullopt;
    auto it = o_.earlier->files.find(file);
    if (it == o_.earlier->files.end() || it->second.fingerprint != fingerprint) return std::nullopt;
    fs::path path = fs::path(o_.out_dir) / file;
    std::error_code ec;
    if (!fs::exists(path, ec)) return std::nullopt;
    if (sha256_file_hex(path.string()) != it->second.sha256) return std::nullopt;
    return it->second;
  }

  FileEntry commit(const std::string& file, const std::string& kind, const Packet& p, const std::string& title,
                   const std::string& bytes, int pages, const std::string& fingerprint) {
    // No fsync per file: the manifest is written after one sync of the whole folder (cmd_batch.cc), and
    // --resume hashes every file it keeps, so a file a power cut damaged is made again.
    write_file_atomic((fs::path(o_.out_dir) / file).string(), bytes, Durability::kDeferred);
    written(bytes.size());
    FileEntry e{file, kind, p.province, title, pages, sha256_hex(bytes), static_cast<long long>(bytes.size()), fingerprint};
    journal(e);
    return e;
  }

  void journal(const FileEntry& e) {
    if (o_.journal) {
      std::lock_guard<std::mutex> lock(journal_mu_);
      o_.journal->add(e);
    }
  }

  Outcome render(size_t pi, size_t di, WorkerFonts& wf) {
    const Packet& p = packets_[pi];
    const DocumentPlan& d = p.documents[di];
    Outcome out;
    bool want_docx = o_.docx && d.docx;
    auto pdf_kept = unchanged(d.file, d.fingerprint);
    auto docx_kept = want_docx ? unchanged(docx_name(d.file), d.fingerprint) : std::nullopt;
    if (pdf_kept && (!want_docx || docx_kept)) {
      out.files.push_back(*pdf_kept);
      if (docx_kept) out.files.push_back(*docx_kept);
      out.resumed = true;
      return out;
    }
    try {
      if (!wf.set) wf.set.emplace(o_.open_fonts());
      const fonts::FontSet& fonts = *wf.set;
      pdf::SharedFonts* shared = nullptr;
      layout::Document doc;
      std::string docx_bytes;
      switch (d.kind) {
        case DocKind::Letter:
          doc = layout::layout_notice(*d.letter, o_.style, fonts);
          if (want_docx) {
            docx::DocxOptions xo = docx::options_for_fonts(fonts);
            docx::take_layout_decisions(xo, doc);
            docx_bytes = docx::write_docx(*d.letter, o_.style, xo);
          }
          break;
        case DocKind::Summary: {
          layout::SummaryDecisions decisions;
          doc = layout::layout_summary(*d.summary, o_.style, fonts, &decisions);
          if (want_docx) docx_bytes = docx::write_summary_docx(*d.summary, o_.style, docx::options_for_fonts(fonts), &decisions);
          break;
        }
        case DocKind::Application: {
          const forms::Kind kind = p.records->kind(p.apps[d.app]);
          if (wf.packet != pi) {
            wf.forms.clear();
            wf.packet = pi;
          }
          auto& sf = wf.forms[kind];
          if (!sf) {
            auto sk = wf.skeletons.find(kind);
            if (sk == wf.skeletons.end())
              sk = wf.skeletons.emplace(kind, application_skeleton(kind, *o_.templates, o_.style, fonts)).first;
            auto common = p.common_characters.find(kind);
            sf = std::make_unique<pdf::SharedFonts>(
                sk->second, fonts, common == p.common_characters.end() ? std::map<int, std::u32string>{} : value_faces(common->second, o_.style, fonts));
          }
          shared = sf.get();
          ApplicationDocument a = render_application(p.records->get(p.apps[d.app]), *o_.templates, o_.style, fonts, want_docx);
          doc = std::move(a.laid_out);
          docx_bytes = std::move(a.docx);
          break;
        }
        case DocKind::Merged: throw std::logic_error("a print file is not a document");
      }
      doc.title = d.title;
      doc.author = p.recommender;
      doc.subject = "中国消费名品方阵推荐材料";
      doc.keywords = p.province;
      pdf::PdfOptions po;
      po.deterministic = !o_.timestamp;
      // Print files: the faster compression (about 6 % more bytes, half the deflate time —
      // deflate was the largest part of a batch, measured with callgrind).
      po.compression = pdf::PdfOptions::Compression::kFast;
      po.shared = shared;
      std::string bytes = pdf::write_pdf(doc, fonts, po);
      out.pages = static_cast<int>(doc.pages.size());
      out.files.push_back(commit(d.file, kind_name(d.kind), p, d.title, bytes, out.pages, d.fingerprint));
      if (want_docx)
        out.files.push_back(
            commit(docx_name(d.file), std::string(kind_name(d.kind)) + "-docx", p, d.title, docx_bytes, 0, d.fingerprint));
    } catch (const InputError& e) {
      out.error = format(e.diagnostic());
    } catch (const std::exception& e) {
      out.error = d.file + ": " + e.what();
    }
    return out;
  }

  MergeInfo merge_info(const Packet& p) const {
    MergeInfo info;
    info.title = p.merged_title;
    info.author = p.recommender;
    info.subject = "中国消费名品方阵推荐材料（" + p.wenhao + "）";
    info.keywords = p.province;
    info.timestamp = o_.timestamp;
    return info;
  }

  void written(size_t bytes) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      unflushed_bytes_ += bytes;
      if (unflushed_bytes_ < kFlushEveryBytes) return;
    }
    flush_cv_.notify_one();
  }

  Outcome merge(size_t pi) {
    const Packet& p = packets_[pi];
    Outcome out;
    std::vector<MergeInput> inputs;
    std::string fp = "merged\n";
    for (size_t di = 0; di < p.documents.size(); ++di) {
      const auto& d = p.documents[di];
      inputs.push_back({(fs::path(o_.out_dir) / d.file).string(), d.title, d.label});
      fp += d.title + "\t" + d.label + "\t" + outcomes_[pi][di].files.front().sha256 + "\n";
    }
    fp = sha256_hex(fp + p.merged_title + "\t" + p.recommender + "\t" + (o_.timestamp ? "timestamp" : "") + "\n" +
                    o_.environment);
    if (auto kept = unchanged(p.merged_file, fp)) {
      out.files.push_back(*kept);
      out.resumed = true;
      // The blank pages are not in the manifest; count them again from the documents' page counts.
      for (size_t di = 0; di + 1 < p.documents.size(); ++di)
        out.blank_pages += outcomes_[pi][di].files.front().pages % 2;
      return out;
    }
    std::unique_ptr<PrintFile> print;
    {
      std::lock_guard<std::mutex> lock(mu_);
      print = std::move(prints_[pi].file);
      if (!prints_[pi].error.empty()) out.error = prints_[pi].error;
    }
    if (!out.error.empty()) return out;
    try {
      if (!print) {
        print = std::make_unique<PrintFile>(merge_info(p));
        for (const auto& in : inputs) print->add(in);
      }
      std::string path = (fs::path(o_.out_dir) / p.merged_file).string();
      AtomicOutput file(path);
      MergeResult m = print->write_to_file(file.temp_path());
      print.reset();  // closes the documents' files before the rename
      FileEntry e{p.merged_file, kind_name(DocKind::Merged), p.province, p.merged_title, m.pages, m.sha256, m.size, fp};
      file.commit(Durability::kDeferred);
      written(static_cast<size_t>(m.size));
      journal(e);
      out.blank_pages = m.blank_pages;
      out.files.push_back(e);
    } catch (const InputError& e) {
      out.error = format(e.diagnostic());
    } catch (const std::exception& e) {
      out.error = p.merged_file + ": " + e.what();
    }
    return out;
  }

  void finish(const Task& t, Outcome out) {
    std::unique_ptr<PrintFile> dropped;  // destroyed after the lock is released
    std::lock_guard<std::mutex> lock(mu_);
    ++done_;
    size_t slot = t.doc == kMergeTask ? packets_[t.packet].documents.size() : static_cast<size_t>(t.doc);
    const Packet& p = packets_[t.packet];
    bool ok = out.error.empty();
    if (out.resumed) ++resumed_;
    else if (ok) ++rendered_;
    pages_ += out.pages;
    if (!ok) {
      failures_.push_back({p.province, t.doc == kMergeTask ? p.merged_file : p.documents[slot].file, out.error});
      if (o_.strict) stopping_ = true;
    }
    outcomes_[t.packet][slot] = std::move(out);
    if (t.doc != kMergeTask) {
      failed_[t.packet] = failed_[t.packet] || !ok;
      prints_[t.packet].rendered[slot] = ok;
      if (--remaining_[t.packet] == 0) {
        if (failed_[t.packet]) {
          // The print file would lack a document: it is not made, and the packet is reported.
          if (!prints_[t.packet].adding) dropped = std::move(prints_[t.packet].file);
          ++done_;
          report(t.packet, false);
        } else {
          queue_write_when_ready(t.packet);
        }
      }
    } else {
      report(t.packet, ok);
    }
    if (o_.on_progress) o_.on_progress(Progress{done_, total_, resumed_, seconds()});
    cv_.notify_all();
  }

  void report(size_t pi, bool ok) {
    const Packet& p = packets_[pi];
    PacketReport r;
    r.packet = &p;
    r.ok = ok;
    r.print_file = p.merged_file;
    const Outcome& m = outcomes_[pi].back();
    if (ok && !m.files.empty()) {
      r.pages = m.files.front().pages;
      r.blank_pages = m.blank_pages;
    }
    for (const auto& f : failures_)
      if (f.province == p.province) {
        r.error = f.message;
        break;
      }
    if (o_.on_packet) o_.on_packet(r);
  }

  double seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

  RunResult result() {
    RunResult r;
    r.failures = failures_;
    r.rendered = rendered_;
    r.resumed = resumed_;
    r.pages = pages_;
    r.interrupted = o_.stop && o_.stop->load();
    size_t files = 0;
    for (const auto& outcomes : outcomes_)
      for (const auto& o : outcomes) files += o.files.size();
    r.files.reserve(files);  // a batch's worth of entries: not grown by doubling, and moved, not copied
    for (size_t pi = 0; pi < packets_.size(); ++pi) {
      const Packet& p = packets_[pi];
      PacketEntry pe;
      pe.province = p.province;
      pe.recommender = p.recommender;
      pe.wenhao = p.wenhao;
      pe.wenhao_source = p.wenhao_source;
      pe.merged_file = p.merged_file;
      pe.documents = static_cast<int>(p.documents.size());
      const Outcome& m = outcomes_[pi].back();
      pe.complete = !m.files.empty();
      if (pe.complete) {
        pe.pages = m.files.front().pages;
        pe.blank_pages = m.blank_pages;
      }
      for (auto& o : outcomes_[pi])
        for (auto& f : o.files) r.files.push_back(std::move(f));
      r.packets.push_back(pe);
    }
    return r;
  }

  const std::vector<Packet>& packets_;
  const RunOptions& o_;
  std::mutex journal_mu_;

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Task> ready_;
  std::vector<std::vector<Outcome>> outcomes_;  // [packet][document…, print file]
  std::vector<size_t> remaining_;
  std::vector<bool> failed_;
  std::vector<Failure> failures_;
  size_t in_flight_ = 0, done_ = 0, total_ = 0, rendered_ = 0, resumed_ = 0;
  int pages_ = 0;
  bool stopping_ = false;
  Clock::time_point start_;

  // A packet's print file while its documents are added (add_to_print_file).
  struct PrintState {
    std::unique_ptr<PrintFile> file;
    std::vector<bool> rendered;  // per document: done and written
    size_t added = 0;            // documents added, in order
    bool adding = false;         // a worker is adding (outside mu_)
    bool queued = false;         // the write job is queued
    bool as_rendered = false;    // added to as documents are done (add_to_print_file)
    std::string error;           // a document could not be added
  };
  std::vector<PrintState> prints_;

  static constexpr size_t kFlushEveryBytes = 16u << 20;
  std::condition_variable flush_cv_;
  size_t unflushed_bytes_ = 0;
  bool workers_done_ = false;
};

}  // namespace

EarlyFonts::EarlyFonts(std::function<fonts::FontSet()> open, int count) : open_(std::move(open)) {
  for (int i = 0; i < count; ++i) early_.push_back(std::async(std::launch::async, open_));
}

fonts::FontSet EarlyFonts::take() {
  std::future<fonts::FontSet> ready;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (next_ < early_.size()) ready = std::move(early_[next_++]);
  }
  return ready.valid() ? ready.get() : open_();
}

RunResult run_batch(const std::vector<Packet>& packets, const RunOptions& options) {
  for (const auto& p : packets)
    for (const auto& d : p.documents) fs::create_directories(fs::path(options.out_dir) / fs::path(d.file).parent_path());
  remove_stale_temporaries(packets, options.out_dir);
  Runner runner(packets, options);
  return runner.run();
}

}  // namespace gw::batch
