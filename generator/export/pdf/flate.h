// FlateDecode streams compressed by libdeflate rather than by libharu. libharu 2.3.0 deflates every
// stream with zlib at its fixed level 6 while writing; libdeflate is about twice as fast at the
// same level and a few per cent smaller (measured on a 224 KB arphic font subset: level 6 101.6 KB,
// level 1 107.4 KB; zlib's 101.9 KB and 112.8 KB), and the level becomes ours to choose. Private to
// export/pdf.
#pragma once

#include <string>
#include <string_view>

namespace gw::pdf {

enum class Deflate { kNone, kBalanced, kFast };  // kBalanced = level 6, kFast = level 1

// `raw` as a stream holds it: zlib-format (RFC 1950) bytes, as FlateDecode wants them, or `raw`
// unchanged for kNone.
std::string compressed(std::string raw, Deflate how);

}  // namespace gw::pdf
