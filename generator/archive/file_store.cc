// Content-addressed file storage (see file_store.h).
#include "archive/file_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "base/diagnostic.h"
#include "base/files.h"

namespace gw::archive {
namespace fs = std::filesystem;

StoredFile store_bytes(const std::string& archive_dir, std::string_view bytes, const std::string& name,
                       const std::string& role, bool sync) {
  StoredFile f;
  f.sha256 = sha256_hex(bytes);
  f.role = role;
  f.name = fs::path(name).filename().string();
  f.size = static_cast<long long>(bytes.size());
  std::string ext = file_extension_lower(name);
  if (ext.size() > 8) ext.clear();  // keep the store's names predictable
  f.path = "files/" + f.sha256.substr(0, 2) + "/" + f.sha256 + ext;
  fs::path full = fs::path(archive_dir) / f.path;
  std::error_code ec;
  if (fs::exists(full, ec) && static_cast<long long>(fs::file_size(full, ec)) == f.size) return f;
  fs::create_directories(full.parent_path(), ec);
  if (sync) {
    write_file_atomic(full.string(), bytes);
    return f;
  }
  // Unsynced variant for bulk import: same temp+rename, fsync deferred to sync_store().
  std::string tmp = full.string() + ".tmp-" + std::to_string(::getpid());
  FILE* out = std::fopen(tmp.c_str(), "wb");
  if (!out) throw InputError(SourceLoc{full.string()}, std::string("cannot write: ") + std::strerror(errno));
  bool ok = std::fwrite(bytes.data(), 1, bytes.size(), out) == bytes.size();
  ok = (std::fclose(out) == 0) && ok;
  if (!ok || std::rename(tmp.c_str(), full.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw InputError(SourceLoc{full.string()}, "cannot write into the archive (disk full?)");
  }
  return f;
}

void sync_store(const std::string& archive_dir) {
  // syncfs flushes the whole file system once, far cheaper than one fsync per stored file.
  int fd = ::open((fs::path(archive_dir) / "files").c_str(), O_RDONLY | O_DIRECTORY);
  if (fd >= 0) {
    ::syncfs(fd);
    ::close(fd);
  }
}

}  // namespace gw::archive
