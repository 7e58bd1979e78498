// Fonts by role. A font map (read by template/font_map_reader from fonts/fonts.xml) names, for each
// role, a chain of candidate files: the office's standard face first, free fallbacks after. FontSet
// opens every candidate that exists once per process (HarfBuzz), answers metrics per code point,
// picks per character the first face of the chain that has it (issue 7), and subsets a face to the
// code points a document uses before the PDF writer embeds it.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostic.h"

namespace gw::fonts {

// Role names used by styles: "title", "body", "heading-1", "heading-2", "page-number".
struct FontCandidate {
  std::string path;     // absolute, or relative to the font map file's folder
  int face_index = 0;   // for .ttc collections
  std::string note;     // why it is here, e.g. "standard face 仿宋_GB2312"
  SourceLoc loc;        // where the font map names it
};

struct FontMap {
  std::string source_file;
  std::map<std::string, std::vector<FontCandidate>> roles;  // role -> chain, in order of preference
  // The face name a DOCX should ask for per role (an office's installed font), e.g. 仿宋_GB2312.
  std::map<std::string, std::string> docx_names;
};

// One opened face. Opaque outside fonts/.
struct Face;

// A subset made for embedding, with the numbers a PDF font dictionary states about it. Metrics are
// in PDF glyph space (1/1000 of the em), as /W, /FontBBox and the FontDescriptor take them.
struct EmbeddingSubset {
  std::string sfnt;              // a TrueType file: the characters' glyphs plus .notdef
  std::vector<unsigned> glyphs;  // glyphs[i]: the glyph id of cps[i] in `sfnt`
  std::vector<int> widths;       // widths[i]: the advance of cps[i]
  std::string postscript_name;   // ASCII, no delimiters; for /BaseFont and /FontName
  int bbox[4] = {0, 0, 1000, 1000};  // xMin yMin xMax yMax (head table)
  int ascent = 880, descent = -120, cap_height = 700;
  double italic_angle = 0;
};

// "~/x" -> "$HOME/x"; other paths unchanged. Used for font map entries and --font overrides.
std::string expand_home(const std::string& path);

class FontSet {
 public:
  // Opens each candidate that exists (missing files are skipped and remembered for `gongwen fonts`).
  // overrides (from --font ROLE=PATH) put a file at the head of a role's chain.
  // Throws InputError when a role has no usable file or a file is not TrueType/OpenType.
  static FontSet open(const FontMap& map, const std::map<std::string, std::string>& overrides = {});

  FontSet(FontSet&&) noexcept;
  FontSet& operator=(FontSet&&) noexcept;
  ~FontSet();

  std::vector<std::string> roles() const;
  // Face ids of a role's chain, in order. Throws InputError for an unknown role.
  const std::vector<int>& chain(const std::string& role) const;
  // First face in the role's chain that has cp; -1 when none has it.
  int face_for(const std::string& role, char32_t cp) const;
  bool has_glyph(int face, char32_t cp) const;
  // Horizontal advance as a fraction of the font size (1.0 = one em).
  double advance_em(int face, char32_t cp) const;
  double ascender_em(int face) const;
  double descender_em(int face) const;  // negative

  const std::string& path(int face) const;
  int face_index(int face) const;
  std::string family_name(int face) const;
  // Lines for `gongwen fonts`: per role, each candidate, whether it was found, and why it is there.
  std::string describe() const;

  // A TrueType font holding just the glyphs of `cps` (plus .notdef), cmap kept, plus what a PDF writer needs to embed it as a CIDFontType2 font whose character
  // codes it chooses itself (export/pdf numbers cps[i] as CID i + 1). Throws InputError when the
  // face lacks one of the characters or its licence (OS/2 fsType) forbids embedding.
  EmbeddingSubset subset_for_embedding(int face, const std::u32string& cps) const;
  // For a set that will subset its faces many times (a batch): a face is prepared for subsetting
  // once many characters have been subset from it (hb_subset_preprocess: ~50 ms for a GB 2312
  // face, once), after which a subset takes a third of the time. The subsets are the same bytes
  // either way. Not for a single document, where preparing costs more than it saves. Thread-safe.
  void expect_many_subsets() { many_subsets_ = true; }

  // Additions (fonts/ owner):
  // The face name a DOCX should ask for (font map's docx-name); empty when the map gives none.
  std::string docx_name(const std::string& role) const;
  int face_count() const;
  // Candidate files that were not found, as "role: path" (for warnings and `gongwen fonts`).
  std::vector<std::string> missing_files() const;

 private:
  FontSet();
  struct Impl;
  std::unique_ptr<Impl> impl_;
  bool many_subsets_ = false;
};

}  // namespace gw::fonts
