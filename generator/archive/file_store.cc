// Content-addressed file storage (see file_store.h).
#include "archive/file_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>

#include "base/diagnostic.h"
#include "base/files.h"

namespace gw::archive {
namespace fs = std::filesystem;

StoredFile stored_file(const std::string& sha256, long long size, const std::string& name, const std::string& role) {
  StoredFile f;
  f.sha256 = sha256;
  f.role = role;
  f.name = fs::path(name).filename().string();
  f.size = size;
  std::string ext = file_extension_lower(name);
  if (ext.size() > 8) ext.clear();  // keep the store's names predictable
  f.path = "files/" + f.sha256.substr(0, 2) + "/" + f.sha256 + ext;
  return f;
}

StoredFile store_bytes(const std::string& archive_dir, std::string_view bytes, const std::string& name,
                       const std::string& role) {
  StoredFile f = stored_file(sha256_hex(bytes), static_cast<long long>(bytes.size()), name, role);
  fs::path full = fs::path(archive_dir) / f.path;
  std::error_code ec;
  if (fs::exists(full, ec) && static_cast<long long>(fs::file_size(full, ec)) == f.size) return f;
  fs::create_directories(full.parent_path(), ec);
  write_file_atomic(full.string(), bytes);
  return f;
}

StoreWriter::StoreWriter(std::string archive_dir) : dir_(std::move(archive_dir)), thread_([this] { run(); }) {}

StoreWriter::~StoreWriter() {
  {
    std::lock_guard<std::mutex> l(mu_);
    stop_ = true;
    jobs_.clear();
  }
  work_.notify_all();
  thread_.join();
}

void StoreWriter::add(std::string_view bytes, const StoredFile& where) {
  {
    std::lock_guard<std::mutex> l(mu_);
    jobs_.push_back({bytes, where.path});
  }
  work_.notify_one();
}

void StoreWriter::flush() {
  std::string error;
  {
    std::unique_lock<std::mutex> l(mu_);
    idle_.wait(l, [&] { return jobs_.empty() && !busy_; });
    error = error_;
  }
  if (!error.empty()) throw InputError(SourceLoc{dir_}, error);
  // One syncfs for the batch's files, far cheaper than one fsync per stored file.
  sync_file_system((fs::path(dir_) / "files").string());
}

void StoreWriter::run() {
  for (;;) {
    Job job;
    {
      std::unique_lock<std::mutex> l(mu_);
      work_.wait(l, [&] { return stop_ || !jobs_.empty(); });
      if (stop_) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
      busy_ = true;
    }
    bool failed;
    {
      std::lock_guard<std::mutex> l(mu_);
      failed = !error_.empty();  // the batch fails anyway: write nothing more
    }
    std::string error;
    if (!failed) {
      try {
        error = write_one(job);
      } catch (const std::exception& e) {  // bad_alloc: reported by flush(), never across the thread
        error = e.what();
      }
    }
    {
      std::lock_guard<std::mutex> l(mu_);
      busy_ = false;
      if (!error.empty() && error_.empty()) error_ = error;
      if (jobs_.empty()) idle_.notify_all();
    }
  }
}

std::string StoreWriter::write_one(const Job& job) {
  // Plain open/write/close/rename: no check for an existing copy, no stdio buffer, and each of the 256
  // folders is made once per import. These syscalls were a third of an import's time.
  std::string full = dir_ + "/" + job.path;
  size_t slash = full.rfind('/');
  size_t d = std::strtoul(job.path.substr(6, 2).c_str(), nullptr, 16) & 0xFF;
  if (!dir_made_[d]) {
    std::error_code ec;
    fs::create_directories(full.substr(0, slash), ec);  // files/ itself may have been removed
    if (ec) return "cannot create " + full.substr(0, slash) + ": " + ec.message();
    dir_made_[d] = true;
  }
  std::string tmp = full + ".tmp-" + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return "cannot write " + tmp + ": " + std::strerror(errno);
  const char* p = job.bytes.data();
  size_t left = job.bytes.size();
  bool ok = true;
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = false;
      break;
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  ok = (::close(fd) == 0) && ok;
  if (!ok || ::rename(tmp.c_str(), full.c_str()) != 0) {
    std::string why = std::strerror(errno);
    ::unlink(tmp.c_str());
    return "cannot write " + full + " into the archive (" + why + "; disk full?)";
  }
  return {};
}

}  // namespace gw::archive
