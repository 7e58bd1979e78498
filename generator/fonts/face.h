// The inside of fonts/: one opened HarfBuzz face and the owning handles, shared by font_set.cc
// (metrics, fallback) and subset.cc (embedding). Nothing outside fonts/ includes this header, so
// HarfBuzz types never leak into layout or the exporters.
#pragma once

#include <hb.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>

#include "fonts/font_set.h"

namespace gw::fonts {

struct HbBlobDeleter {
  void operator()(hb_blob_t* b) const { hb_blob_destroy(b); }
};
struct HbFaceDeleter {
  void operator()(hb_face_t* f) const { hb_face_destroy(f); }
};
struct HbFontDeleter {
  void operator()(hb_font_t* f) const { hb_font_destroy(f); }
};
using BlobPtr = std::unique_ptr<hb_blob_t, HbBlobDeleter>;
using HbFacePtr = std::unique_ptr<hb_face_t, HbFaceDeleter>;
using HbFontPtr = std::unique_ptr<hb_font_t, HbFontDeleter>;

struct Face {
  std::string path;
  int face_index = 0;
  HbFacePtr face;   // references the file's blob, which FontSet opened once
  HbFontPtr font;   // scale = upem, so advances come back in font units
  unsigned upem = 1000;
  double ascender_em = 0.88;
  double descender_em = -0.12;
  std::string family;
  // The face prepared for many subsets (hb_subset_preprocess) once enough characters were subset
  // from it, when the set was told to expect many (FontSet::expect_many_subsets); null otherwise.
  mutable std::atomic<long long> chars_subset{0};
  mutable std::once_flag prepare_once;
  mutable HbFacePtr prepared;                        // owns it
  mutable std::atomic<hb_face_t*> prepared_ready{nullptr};  // set once it is usable
};

// Throws InputError when the subset cannot be made (HarfBuzz refused the face). `source` is the
// face to cut from: face.face, or its prepared copy (the same glyphs, subset faster).
EmbeddingSubset subset_face_for_embedding(const Face& face, hb_face_t* source, const std::u32string& cps);

}  // namespace gw::fonts
