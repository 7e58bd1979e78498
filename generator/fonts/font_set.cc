// FontSet: opens the font map's candidate files with HarfBuzz, once per file, and answers the
// questions layout asks (which face has this character, how wide is it) and the PDF writer asks
// (give me a subset to embed). Missing candidates are normal — an office machine has 仿宋_GB2312,
// a CI box has only the Debian fallbacks — so they are skipped and remembered; a role left with
// nothing, or a file that is not a TrueType font the PDF writer can embed, is an input error.
#include "fonts/font_set.h"

#include <hb-ot.h>
#include <hb-subset.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "fonts/face.h"

namespace gw::fonts {

std::string expand_home(const std::string& path) {
  if (path == "~" || path.rfind("~/", 0) == 0) {
    const char* home = std::getenv("HOME");
    if (home && *home) return std::string(home) + path.substr(1);
  }
  return path;
}

namespace {

bool is_regular_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string tag_of(const char* data, unsigned len) {
  if (len < 4) return {};
  return std::string(data, 4);
}

bool has_table(hb_face_t* face, hb_tag_t tag) {
  hb_blob_t* b = hb_face_reference_table(face, tag);
  bool ok = hb_blob_get_length(b) > 0;
  hb_blob_destroy(b);
  return ok;
}

const char* kFontHint = "pass --font ROLE=PATH with a TrueType (.ttf/.ttc) file, or edit fonts/fonts.xml";

// Checks the file's signature before HarfBuzz sees it: hb_face_create accepts anything and just
// reports zero glyphs, which would surface much later as "no font has 中".
void check_signature(const std::string& path, hb_blob_t* blob, const SourceLoc& loc) {
  unsigned len = 0;
  const char* data = hb_blob_get_data(blob, &len);
  std::string sig = tag_of(data, len);
  if (sig == std::string("\0\1\0\0", 4) || sig == "true" || sig == "ttcf") return;
  if (sig == "OTTO")
    throw InputError(loc, "font file '" + path + "' is an OpenType font with CFF outlines; the PDF writer can only embed TrueType (glyf) outlines",
                     "use a TrueType version of the face, or " + std::string(kFontHint));
  throw InputError(loc, "font file '" + path + "' is not a TrueType/OpenType font", kFontHint);
}

}  // namespace

struct FontSet::Impl {
  struct Tried {
    std::string role;
    std::string path;
    int face_index = 0;
    std::string note;
    int face = -1;  // -1 = file missing
  };
  std::map<std::string, BlobPtr> blobs;  // one per file, shared by every role and .ttc index
  std::vector<std::unique_ptr<Face>> faces;
  std::map<std::string, std::vector<int>> chains;
  std::map<std::string, std::string> docx_names;
  std::vector<Tried> tried;

  const Face& at(int id) const {
    if (id < 0 || id >= static_cast<int>(faces.size()))
      throw std::out_of_range("gw::fonts: face id " + std::to_string(id) + " out of range");
    return *faces[static_cast<size_t>(id)];
  }

  int open_face(const std::string& path, int face_index, const SourceLoc& loc);
};

int FontSet::Impl::open_face(const std::string& path, int face_index, const SourceLoc& loc) {
  for (size_t i = 0; i < faces.size(); ++i)
    if (faces[i]->path == path && faces[i]->face_index == face_index) return static_cast<int>(i);

  auto it = blobs.find(path);
  if (it == blobs.end()) {
    BlobPtr blob(hb_blob_create_from_file_or_fail(path.c_str()));
    if (!blob) throw InputError(loc, "cannot read font file '" + path + "'", kFontHint);
    check_signature(path, blob.get(), loc);
    it = blobs.emplace(path, std::move(blob)).first;
  }
  hb_blob_t* blob = it->second.get();
  unsigned count = hb_face_count(blob);
  if (face_index < 0 || static_cast<unsigned>(face_index) >= count)
    throw InputError(loc, "font file '" + path + "' has " + std::to_string(count) + " face(s); face index " +
                              std::to_string(face_index) + " does not exist",
                     "face indexes start at 0");

  auto f = std::make_unique<Face>();
  f->path = path;
  f->face_index = face_index;
  f->face.reset(hb_face_create(blob, static_cast<unsigned>(face_index)));
  hb_face_t* face = f->face.get();
  if (hb_face_get_glyph_count(face) == 0 || !has_table(face, HB_TAG('c', 'm', 'a', 'p')))
    throw InputError(loc, "font file '" + path + "' (face " + std::to_string(face_index) + ") has no glyphs or no character map", kFontHint);
  // A .ttc can mix outline formats, so the signature check above is not enough.
  if (!has_table(face, HB_TAG('g', 'l', 'y', 'f')) || has_table(face, HB_TAG('C', 'F', 'F', ' ')))
    throw InputError(loc, "font file '" + path + "' (face " + std::to_string(face_index) + ") has CFF outlines; the PDF writer can only embed TrueType (glyf) outlines",
                     "use a TrueType version of the face, or " + std::string(kFontHint));

  f->upem = hb_face_get_upem(face);
  f->font.reset(hb_font_create(face));
  hb_font_set_scale(f->font.get(), static_cast<int>(f->upem), static_cast<int>(f->upem));
  hb_font_extents_t ext{};
  // OS/2 typo metrics when present, hhea otherwise (HarfBuzz picks).
  if (hb_font_get_h_extents(f->font.get(), &ext) && ext.ascender > 0) {
    f->ascender_em = ext.ascender / static_cast<double>(f->upem);
    f->descender_em = ext.descender / static_cast<double>(f->upem);
  }
  char name[256];
  unsigned len = sizeof name;
  // HB_LANGUAGE_INVALID = the English name, falling back to any.
  if (hb_ot_name_get_utf8(face, HB_OT_NAME_ID_FONT_FAMILY, HB_LANGUAGE_INVALID, &len, name) > 0) f->family.assign(name, len);
  faces.push_back(std::move(f));
  return static_cast<int>(faces.size() - 1);
}

FontSet::FontSet() : impl_(std::make_unique<Impl>()) {}
FontSet::FontSet(FontSet&&) noexcept = default;
FontSet& FontSet::operator=(FontSet&&) noexcept = default;
FontSet::~FontSet() = default;

FontSet FontSet::open(const FontMap& map, const std::map<std::string, std::string>& overrides) {
  FontSet set;
  Impl& im = *set.impl_;
  im.docx_names = map.docx_names;
  for (const auto& [role, path] : overrides)
    if (!map.roles.count(role)) {
      std::string known;
      for (const auto& r : map.roles) known += (known.empty() ? "" : ", ") + r.first;
      throw InputError(SourceLoc{"--font", 0, 0}, "unknown font role '" + role + "' in --font " + role + "=" + path,
                       "roles in " + map.source_file + ": " + known);
    }

  for (const auto& [role, candidates] : map.roles) {
    std::vector<FontCandidate> chain;
    if (auto o = overrides.find(role); o != overrides.end()) {
      FontCandidate c;
      c.path = expand_home(o->second);
      // An explicit file that is not there is a typo, not a reason to fall back silently.
      if (!is_regular_file(c.path))
        throw InputError(SourceLoc{"--font", 0, 0}, "font file '" + c.path + "' given for role '" + role + "' does not exist",
                         "check the path in --font " + role + "=PATH");
      c.note = "--font " + role;
      c.loc = SourceLoc{"--font", 0, 0};
      chain.push_back(c);
    }
    chain.insert(chain.end(), candidates.begin(), candidates.end());

    std::vector<int>& ids = im.chains[role];
    std::string tried;
    for (const FontCandidate& c : chain) {
      std::string path = expand_home(c.path);
      Impl::Tried t{role, path, c.face_index, c.note, -1};
      if (is_regular_file(path)) {
        t.face = im.open_face(path, c.face_index, c.loc);
        bool dup = false;
        for (int id : ids) dup = dup || id == t.face;
        if (!dup) ids.push_back(t.face);
      } else {
        tried += "\n    " + path;
      }
      im.tried.push_back(std::move(t));
    }
    if (ids.empty()) {
      SourceLoc loc = candidates.empty() ? SourceLoc{map.source_file, 0, 0} : candidates.front().loc;
      throw InputError(loc, "no font file found for role '" + role + "'; tried:" + (tried.empty() ? " (none listed)" : tried),
                       "install one of these files, pass --font " + role + "=PATH, or edit fonts/fonts.xml");
    }
  }
  return set;
}

std::vector<std::string> FontSet::roles() const {
  std::vector<std::string> out;
  for (const auto& c : impl_->chains) out.push_back(c.first);
  return out;
}

const std::vector<int>& FontSet::chain(const std::string& role) const {
  auto it = impl_->chains.find(role);
  if (it == impl_->chains.end()) {
    std::string known;
    for (const auto& c : impl_->chains) known += (known.empty() ? "" : ", ") + c.first;
    throw InputError(SourceLoc{}, "unknown font role '" + role + "'", "the font map defines: " + known);
  }
  return it->second;
}

int FontSet::face_for(const std::string& role, char32_t cp) const {
  for (int id : chain(role))
    if (has_glyph(id, cp)) return id;
  return -1;
}

bool FontSet::has_glyph(int face, char32_t cp) const {
  hb_codepoint_t g = 0;
  return hb_font_get_nominal_glyph(impl_->at(face).font.get(), cp, &g) && g != 0;
}

double FontSet::advance_em(int face, char32_t cp) const {
  const Face& f = impl_->at(face);
  hb_codepoint_t g = 0;
  hb_font_get_nominal_glyph(f.font.get(), cp, &g);  // .notdef (0) when missing: its width is what prints
  return hb_font_get_glyph_h_advance(f.font.get(), g) / static_cast<double>(f.upem);
}

double FontSet::ascender_em(int face) const { return impl_->at(face).ascender_em; }
double FontSet::descender_em(int face) const { return impl_->at(face).descender_em; }
const std::string& FontSet::path(int face) const { return impl_->at(face).path; }
int FontSet::face_index(int face) const { return impl_->at(face).face_index; }
std::string FontSet::family_name(int face) const { return impl_->at(face).family; }
int FontSet::face_count() const { return static_cast<int>(impl_->faces.size()); }

std::string FontSet::docx_name(const std::string& role) const {
  auto it = impl_->docx_names.find(role);
  return it == impl_->docx_names.end() ? std::string() : it->second;
}

std::vector<std::string> FontSet::missing_files() const {
  std::vector<std::string> out;
  for (const auto& t : impl_->tried)
    if (t.face < 0) out.push_back(t.role + ": " + t.path);
  return out;
}

std::string FontSet::describe() const {
  std::string out;
  const auto& tried = impl_->tried;
  for (size_t i = 0; i < tried.size();) {
    const auto& t = tried[i];
    if (i == 0 || tried[i - 1].role != t.role) {
      out += t.role;
      if (auto d = docx_name(t.role); !d.empty()) out += "  (DOCX: " + d + ")";
      out += "\n";
    }
    if (t.face >= 0) {
      out += "  found    " + t.path;
      if (t.face_index != 0) out += " #" + std::to_string(t.face_index);
      if (!impl_->at(t.face).family.empty()) out += "  [" + impl_->at(t.face).family + "]";
      if (!t.note.empty()) out += "  — " + t.note;
      out += "\n";
      ++i;
      continue;
    }
    // One line for a run of misses with the same note (one file name searched in every folder).
    std::vector<std::string> names, folders;
    size_t j = i;
    for (; j < tried.size() && tried[j].face < 0 && tried[j].role == t.role && tried[j].note == t.note; ++j) {
      size_t slash = tried[j].path.rfind('/');
      std::string name = tried[j].path.substr(slash + 1), folder = tried[j].path.substr(0, slash);
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
      if (std::find(folders.begin(), folders.end(), folder) == folders.end()) folders.push_back(folder);
    }
    out += "  missing  ";
    for (size_t k = 0; k < names.size(); ++k) out += (k ? " | " : "") + names[k];
    out += " in ";
    for (size_t k = 0; k < folders.size(); ++k) out += (k ? ", " : "") + folders[k];
    if (!t.note.empty()) out += "  — " + t.note;
    out += "\n";
    i = j;
  }
  return out;
}

EmbeddingSubset FontSet::subset_for_embedding(int face, const std::u32string& cps) const {
  const Face& f = impl_->at(face);
  if (!many_subsets_) return subset_face_for_embedding(f, f.face.get(), cps);
  // Preparing pays off once the characters subset from a face reach about four times its glyph
  // count: both costs grow with those numbers (measured: 45 ms to prepare gbsn00lp's 7,700 glyphs,
  // ~1 µs saved per character subset). A fallback face that sets a few rare characters per document
  // (WenQuanYi: 140 ms to prepare) is prepared only after thousands of documents, if ever.
  const long long before = f.chars_subset.fetch_add(static_cast<long long>(cps.size()));
  if (before + static_cast<long long>(cps.size()) >= 4LL * hb_face_get_glyph_count(f.face.get()))
    std::call_once(f.prepare_once, [&f] {
      f.prepared.reset(hb_subset_preprocess(f.face.get()));
      // It returns an empty face when it fails; subsetting the original still works.
      if (f.prepared && hb_face_get_glyph_count(f.prepared.get()) > 0) f.prepared_ready.store(f.prepared.get());
    });
  hb_face_t* prepared = f.prepared_ready.load();
  return subset_face_for_embedding(f, prepared ? prepared : f.face.get(), cps);
}

}  // namespace gw::fonts
