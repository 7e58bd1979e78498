// SHA-256 of bytes as lower-case hex (OpenSSL EVP): what the archive's content-addressed store and the
// batch manifests name files by, so that `archive verify` and `batch --resume` recompute the same value.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gw {

std::string sha256_hex(std::string_view bytes);

// The same over bytes that come in pieces (a file as it is written): update() with each, then hex()
// once.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(const void* data, size_t size);
  std::string hex();  // the digest of everything given; the object is spent

 private:
  void* ctx_;  // OpenSSL's EVP_MD_CTX, kept out of this header
};

// The same over a file's bytes, read in blocks (a large file is never held whole). Throws InputError
// naming the path when it cannot be read.
std::string sha256_file_hex(const std::string& path);

}  // namespace gw
