#include "base/files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "base/diagnostic.h"

namespace gw {
namespace {

std::string temp_name_for(const std::string& path) {
  static std::atomic<unsigned> counter{0};
  return path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
}

void fsync_path(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

}  // namespace

std::string read_file(const std::string& path) {
  // One read into a string of the file's size (an ifstream through an ostringstream took 28 ms for
  // a 2 MB CSV, most of a batch's start).
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw InputError(SourceLoc{path}, std::string("cannot read file: ") + std::strerror(errno));
  std::string out;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) out.reserve(static_cast<size_t>(st.st_size));
  char buf[65536];
  while (true) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      throw InputError(SourceLoc{path}, std::string("cannot read file: ") + std::strerror(err));
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return out;
}

AtomicOutput::AtomicOutput(std::string final_path) : final_(std::move(final_path)), temp_(temp_name_for(final_)) {}

AtomicOutput::~AtomicOutput() {
  if (!committed_) std::remove(temp_.c_str());
}

void AtomicOutput::commit(Durability durability) {
  if (durability == Durability::kSync) fsync_path(temp_);
  if (std::rename(temp_.c_str(), final_.c_str()) != 0) {
    int err = errno;
    std::remove(temp_.c_str());
    throw InputError(SourceLoc{final_}, std::string("cannot write output: ") + std::strerror(err),
                     "check that the folder exists and is writable");
  }
  committed_ = true;
}

int write_all(int fd, std::string_view bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return n < 0 ? errno : ENOSPC;
    done += static_cast<size_t>(n);
  }
  return 0;
}

int read_all_at(int fd, uint64_t offset, char* out, size_t size) {
  size_t done = 0;
  while (done < size) {
    const ssize_t n = ::pread(fd, out + done, size - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return n < 0 ? errno : EIO;
    done += static_cast<size_t>(n);
  }
  return 0;
}

void sync_file_system(const std::string& folder) {
  int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::syncfs(fd);
    ::close(fd);
  }
}

void write_file_atomic(const std::string& path, std::string_view bytes, Durability durability) {
  AtomicOutput out(path);
  const int fd = ::open(out.temp_path().c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0)
    throw InputError(SourceLoc{path}, std::string("cannot write output: ") + std::strerror(errno),
                     "check that the folder exists and is writable");
  if (const int err = write_all(fd, bytes)) {
    ::close(fd);
    throw InputError(SourceLoc{path}, std::string("cannot write output: ") + std::strerror(err), "check the free space on the disk");
  }
  if (::close(fd) != 0)
    throw InputError(SourceLoc{path}, std::string("cannot write output: ") + std::strerror(errno), "check the free space on the disk");
  out.commit(durability);
}

std::string file_extension_lower(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

}  // namespace gw
