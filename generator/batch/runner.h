// Rendering planned packets in parallel. Each document is one job (layout + PDF, and the letter's
// DOCX with --docx). A packet's print file is built while its documents are rendered (each is added
// by the worker that finished it, in print order) and written by one more job, queued as soon as its
// documents are done, so that finished packets appear early and memory stays flat in the number of
// packets. Written files are flushed to disk in the background as the run goes. Workers are
// threads, each with its own FontSet (HarfBuzz fonts, libharu documents and ICU break iterators are
// never shared between threads: FontSet caches faces, libharu has per-document state, and the line
// breaker clones its ICU prototype per call under a mutex). Every job's bytes depend only on its
// inputs, so the output is byte-identical whatever the number of workers.
//
// Every file is written atomically (base/files.h): a run interrupted by SIGINT finishes the files in
// progress and stops; a run killed outright leaves complete files and no file under a final name
// that is partial. The journal (manifest.h) records each finished file; --resume skips a file whose
// entry names the same inputs and whose bytes on disk still have the recorded SHA-256.
#pragma once

#include <atomic>
#include <functional>
#include <future>
#include <mutex>
#include <string>
#include <vector>

#include "batch/manifest.h"
#include "batch/packet.h"
#include "fonts/font_set.h"
#include "forms/application_form.h"
#include "model/style.h"

namespace gw::batch {

struct Progress {
  size_t done = 0, total = 0;  // files (documents and print files)
  size_t skipped = 0;          // of done: unchanged since the earlier run (--resume)
  double elapsed_s = 0;
};

struct PacketReport {
  const Packet* packet = nullptr;
  bool ok = false;
  int pages = 0, blank_pages = 0;
  std::string print_file;  // relative to the output folder
  std::string error;       // first failure, when !ok
};

struct RunOptions {
  std::string out_dir;
  int jobs = 1;
  bool docx = false;
  bool timestamp = false;   // PDFs with dates and non-derived IDs
  bool resume = false;
  bool strict = false;      // stop scheduling at the first failure
  std::string environment;  // PlanOptions::environment: also in the print files' fingerprints
  model::Style style;
  const forms::FormTemplates* templates = nullptr;  // 附件3/附件4 (required)
  std::function<fonts::FontSet()> open_fonts;  // called once in each worker
  std::function<void(const Progress&)> on_progress;      // after each file; serialised
  std::function<void(const PacketReport&)> on_packet;    // when a packet is finished or given up
  const std::atomic<bool>* stop = nullptr;               // set by a signal handler: finish and stop
  Journal* journal = nullptr;          // each finished file is appended here
  const Earlier* earlier = nullptr;    // --resume: what the earlier run finished
};

// The workers' FontSets, opened on threads of their own while the caller reads and plans the data
// (which leaves the other cores idle), for RunOptions::open_fonts to hand out ready: a worker's first
// document no longer waits for its fonts. take() gives the early ones first, then opens more; an
// error opening one is thrown by the take() that gets it.
class EarlyFonts {
 public:
  EarlyFonts(std::function<fonts::FontSet()> open, int count);
  // Destroyed, it waits for the openings still running (std::async's futures do); an error nobody
  // took goes with it.
  EarlyFonts(const EarlyFonts&) = delete;
  EarlyFonts& operator=(const EarlyFonts&) = delete;
  fonts::FontSet take();  // thread-safe

 private:
  std::function<fonts::FontSet()> open_;
  std::mutex mu_;
  std::vector<std::future<fonts::FontSet>> early_;
  size_t next_ = 0;
};

struct Failure {
  std::string province, file, message;
};

struct RunResult {
  std::vector<FileEntry> files;      // what exists now, in plan order (including resumed ones)
  std::vector<PacketEntry> packets;  // in plan order
  std::vector<Failure> failures;
  size_t rendered = 0, resumed = 0;
  int pages = 0;                     // pages rendered in this run (documents, not print files)
  bool interrupted = false;
};

// Creates the packets' folders, removes temporaries a killed run left, renders and merges.
RunResult run_batch(const std::vector<Packet>& packets, const RunOptions& options);

}  // namespace gw::batch
