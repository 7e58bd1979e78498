// File access shared by every stage: whole-file reads with a clear error, and atomic writes
// (temporary file in the same folder + rename) so a failed run never leaves a half-written output.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gw {

// Throws InputError naming the path when the file cannot be read.
std::string read_file(const std::string& path);

// Whether an atomic write waits for the disk (fsync) before its rename. The rename alone already
// guarantees that a killed process leaves the old file or the whole new one; the fsync adds the same
// after a power cut. A caller writing many files can skip it per file and call sync_file_system once.
enum class Durability { kSync, kDeferred };

// Writes to "<path>.tmp-<pid>-<n>", flushes, fsyncs (kSync), renames over path. Throws InputError on
// failure and removes the temporary file.
void write_file_atomic(const std::string& path, std::string_view bytes, Durability durability = Durability::kSync);

// Writes all of `bytes` to the open file `fd` (::write may write less than asked, or be interrupted).
// Returns 0, or the errno of the failure (ENOSPC when the disk took nothing).
int write_all(int fd, std::string_view bytes);
// Reads exactly `size` bytes at `offset` of `fd` (pread: safe from several threads at once). Returns
// 0, or the errno of the failure (EIO when the file ends first).
int read_all_at(int fd, uint64_t offset, char* out, size_t size);

// Flushes every file written so far on the file system holding `folder` (syncfs): what kDeferred
// writes left to do, in one call.
void sync_file_system(const std::string& folder);

// A temporary file that is removed when this object dies unless commit() renamed it into place.
class AtomicOutput {
 public:
  explicit AtomicOutput(std::string final_path);
  ~AtomicOutput();
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;
  const std::string& temp_path() const { return temp_; }
  void commit(Durability durability = Durability::kSync);  // fsync + rename; throws InputError on failure

 private:
  std::string final_;
  std::string temp_;
  bool committed_ = false;
};

std::string file_extension_lower(const std::string& path);  // ".pdf"

}  // namespace gw
