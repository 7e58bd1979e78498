// The PDF exporter: a laid-out document (pages of positioned glyphs and rules, in mm from the
// top-left) and the fonts it was laid out with -> the bytes of a PDF. Each face that is used is
// subset and embedded (CIDFontType2, Identity-H) with a ToUnicode map, so text can be searched and
// copied exactly as written. Deterministic by default: the same input gives the same bytes.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "fonts/font_set.h"
#include "layout/laid_out.h"

namespace gw::pdf {

// Fonts shared by many documents of one kind (a batch's 申报书, whose fixed words are the same in
// every one). A skeleton of the kind — a form filled with nothing — gives, per face, the characters
// every such document sets, and a caller may add characters most of them set. A document written
// with SharedFonts embeds, for each face that sets at least half of these shared characters, two
// fonts: the shared characters — the same bytes in every document, so subset and compressed once and
// then kept here — and its other characters.
// The document reads and prints the same. Without SharedFonts, each face is one font of exactly the
// characters used. One per worker thread (not thread-safe), used with the FontSet it was made with.
class SharedFonts {
 public:
  // `more`: per face, characters beyond the skeleton's that most of the documents set (a batch's
  // characters common to most of a packet's 申报书, batch::common_characters), shared the same way.
  SharedFonts(const layout::Document& skeleton, const fonts::FontSet& fonts,
              const std::map<int, std::u32string>& more = {});
  ~SharedFonts();
  SharedFonts(const SharedFonts&) = delete;
  SharedFonts& operator=(const SharedFonts&) = delete;

  struct Impl;
  Impl& impl() { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

// The name a SharedFonts font has in the pages' /Font resources: this prefix and 24 hex digits of a
// SHA-256 over everything its objects hold (the font data, its maps, widths and metrics). Two fonts
// of the same such name are the same objects, so a print file keeps one without reading either
// (batch/merge.cc). A document's own fonts are F1, F2, ….
inline constexpr char kSharedFontPrefix[] = "Gw";
inline constexpr size_t kSharedFontDigits = 24;  // 96 bits: no two fonts of a run collide
// Whether a resource name (without its "/") is a SharedFonts font's.
bool is_shared_font_resource(std::string_view name);

struct PdfOptions {
  bool deterministic = true;  // no creation date, no random /ID: byte-identical output run to run
  bool compress = true;       // Flate-compress page contents and the font streams
  // How hard streams are compressed; the embedded font files are most of a PDF's bytes and of its
  // writing time. Measured (libdeflate, a 600-glyph arphic subset of 224 KB, one core): kBalanced
  // (level 6) 101.6 KB in ~3 ms, kFast (level 1) 107.4 KB in ~1.5 ms.
  enum class Compression { kBalanced, kFast };
  Compression compression = Compression::kBalanced;
  SharedFonts* shared = nullptr;  // see SharedFonts; null: every font is the document's own
};

// Throws InputError for problems with the input (a character no face has, a font whose licence
// forbids embedding), std::runtime_error for internal
// failures (libharu errors with their code and what was being done) and std::logic_error for a
// document without pages.
std::string write_pdf(const layout::Document& doc, const fonts::FontSet& fonts, const PdfOptions& opts = {});

}  // namespace gw::pdf
