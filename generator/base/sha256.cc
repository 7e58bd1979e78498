#include "base/sha256.h"

#include <openssl/evp.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <stdexcept>

#include "base/diagnostic.h"

namespace gw {
namespace {

// Runs `feed` with an update function, then returns the digest in hex.
std::string digest(const std::function<void(const std::function<void(const char*, size_t)>&)>& feed) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) throw std::runtime_error("OpenSSL SHA-256 failed");
  bool ok = true;
  feed([&](const char* p, size_t n) { ok = ok && EVP_DigestUpdate(ctx.get(), p, n) == 1; });
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (!ok || EVP_DigestFinal_ex(ctx.get(), md, &len) != 1) throw std::runtime_error("OpenSSL SHA-256 failed");
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < len; ++i) {
    out.push_back(hex[md[i] >> 4]);
    out.push_back(hex[md[i] & 15]);
  }
  return out;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  return digest([&](const auto& update) { update(bytes.data(), bytes.size()); });
}

std::string sha256_file_hex(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(SourceLoc{path}, std::string("cannot read file: ") + std::strerror(errno));
  return digest([&](const auto& update) {
    char buf[1 << 16];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) update(buf, static_cast<size_t>(in.gcount()));
    if (in.bad()) throw InputError(SourceLoc{path}, "cannot read file");
  });
}

}  // namespace gw
