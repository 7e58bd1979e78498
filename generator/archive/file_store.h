// Content-addressed storage under <archive>/files/: a file lives at files/<first two hex digits>/<sha256><ext>,
// so storing the same bytes twice is free and `verify` can recompute every hash.
#pragma once

#include <array>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "archive/archive.h"
#include "base/sha256.h"

namespace gw::archive {

using gw::sha256_hex;  // base/sha256.h (OpenSSL EVP)

// Where bytes with this SHA-256 are kept (nothing is written).
StoredFile stored_file(const std::string& sha256, long long size, const std::string& name, const std::string& role);

// Writes bytes into files/ (temporary file, fsync, rename; skipped when already there).
StoredFile store_bytes(const std::string& archive_dir, std::string_view bytes, const std::string& name,
                       const std::string& role);

// Bulk import: stores files on a second thread while the caller inserts their rows. flush() returns
// once every file queued so far is written and synced, and throws the first write error: call it
// before the COMMIT of the rows that point at them, so that a row never outlives a missing file.
// Files are written without looking for an existing copy (the caller has checked that the content is
// new; a leftover from a killed import is replaced by the same bytes).
class StoreWriter {
 public:
  explicit StoreWriter(std::string archive_dir);
  ~StoreWriter();  // abandons what is still queued (its rows were not committed) and joins
  StoreWriter(const StoreWriter&) = delete;
  StoreWriter& operator=(const StoreWriter&) = delete;

  // bytes must stay valid until flush() or the destructor has returned.
  void add(std::string_view bytes, const StoredFile& where);
  void flush();

 private:
  struct Job {
    std::string_view bytes;
    std::string path;  // relative to the archive folder
  };
  void run();
  std::string write_one(const Job& job);  // an error message, or empty

  std::string dir_;
  std::mutex mu_;
  std::condition_variable work_, idle_;
  std::deque<Job> jobs_;
  bool busy_ = false, stop_ = false;
  std::string error_;                    // the first failure, reported by flush()
  std::array<bool, 256> dir_made_{};     // files/00 … files/ff known to exist (writer thread only)
  std::thread thread_;                   // last: started once the members above exist
};

}  // namespace gw::archive
