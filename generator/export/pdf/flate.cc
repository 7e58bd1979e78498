// See flate.h.
#include "export/pdf/flate.h"

#include <libdeflate.h>

#include <memory>
#include <new>
#include <stdexcept>

namespace gw::pdf {
namespace {

std::string deflate_bytes(std::string_view raw, Deflate how) {
  // One compressor per thread and level: allocating one costs more than compressing a small stream.
  struct Free {
    void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
  };
  thread_local std::unique_ptr<libdeflate_compressor, Free> fast, balanced;
  auto& slot = how == Deflate::kFast ? fast : balanced;
  if (!slot) slot.reset(libdeflate_alloc_compressor(how == Deflate::kFast ? 1 : 6));
  if (!slot) throw std::bad_alloc();
  std::string out(libdeflate_zlib_compress_bound(slot.get(), raw.size()), '\0');
  const size_t n = libdeflate_zlib_compress(slot.get(), raw.data(), raw.size(), out.data(), out.size());
  if (n == 0) throw std::runtime_error("libdeflate could not compress a stream of " + std::to_string(raw.size()) + " bytes");
  out.resize(n);
  return out;
}

}  // namespace

std::string compressed(std::string raw, Deflate how) {
  if (how == Deflate::kNone) return raw;
  return deflate_bytes(raw, how);
}

}  // namespace gw::pdf
