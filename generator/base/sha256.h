// SHA-256 of bytes as lower-case hex (OpenSSL EVP): what the archive's content-addressed store and the
// batch manifests name files by, so that `archive verify` and `batch --resume` recompute the same value.
#pragma once

#include <string>
#include <string_view>

namespace gw {

std::string sha256_hex(std::string_view bytes);
// The same over a file's bytes, read in blocks (a large file is never held whole). Throws InputError
// naming the path when it cannot be read.
std::string sha256_file_hex(const std::string& path);

}  // namespace gw
