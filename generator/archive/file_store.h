// Content-addressed storage under <archive>/files/: a file lives at files/<first two hex digits>/<sha256><ext>,
// so storing the same bytes twice is free and `verify` can recompute every hash.
#pragma once

#include <string>
#include <string_view>

#include "archive/archive.h"
#include "base/sha256.h"

namespace gw::archive {

using gw::sha256_hex;  // base/sha256.h (OpenSSL EVP)

// Writes bytes into files/ (temporary file + rename; skipped when already there). With sync = false the
// caller must call sync_store() before committing the rows that point at the file.
StoredFile store_bytes(const std::string& archive_dir, std::string_view bytes, const std::string& name,
                       const std::string& role, bool sync);
void sync_store(const std::string& archive_dir);

}  // namespace gw::archive
