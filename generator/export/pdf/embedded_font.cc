// See embedded_font.h.
#include "export/pdf/embedded_font.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "base/diagnostic.h"

namespace gw::pdf {
namespace {

// A private file holding the subset while libharu opens it. libharu keeps the file open and reads
// the glyphs again when the document is saved, so the name is unlinked as soon as it is loaded:
// nothing is left behind even if the process dies.
class TempFontFile {
 public:
  explicit TempFontFile(const std::string& bytes) {
    std::string tmpl = (std::filesystem::temp_directory_path() / "gongwen-font-XXXXXX").string();
    int fd = mkstemp(tmpl.data());  // mode 0600: private to this user
    if (fd < 0) throw std::runtime_error("cannot create a temporary file in " + std::filesystem::temp_directory_path().string());
    path_ = tmpl;
    size_t done = 0;
    while (done < bytes.size()) {
      ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
      if (n <= 0) {
        ::close(fd);
        remove();
        throw std::runtime_error("cannot write the temporary font file " + tmpl);
      }
      done += static_cast<size_t>(n);
    }
    ::close(fd);
  }
  ~TempFontFile() { remove(); }
  TempFontFile(const TempFontFile&) = delete;
  TempFontFile& operator=(const TempFontFile&) = delete;
  const std::string& path() const { return path_; }
  void remove() {
    if (!path_.empty()) ::unlink(path_.c_str());
    path_.clear();
  }

 private:
  std::string path_;
};

void hex4(std::string& out, char32_t v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "<%04X>", static_cast<unsigned>(v));
  out += buf;
}

}  // namespace

std::string to_unicode_cmap(const std::u32string& cps_in, char32_t first) {
  std::u32string cps = cps_in;
  std::sort(cps.begin(), cps.end());
  cps.erase(std::unique(cps.begin(), cps.end()), cps.end());
  std::string out =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  // PDF 1.7 §9.10.3: at most 100 entries per bfchar block.
  for (size_t i = 0; i < cps.size(); i += 100) {
    size_t n = std::min<size_t>(100, cps.size() - i);
    out += std::to_string(n) + " beginbfchar\n";
    for (size_t k = i; k < i + n; ++k) {
      hex4(out, first ? first + static_cast<char32_t>(k) : cps[k]);
      out += ' ';
      hex4(out, cps[k]);
      out += '\n';
    }
    out += "endbfchar\n";
  }
  out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return out;
}

HPDF_Font embed_face(HpdfSession& session, const fonts::FontSet& fonts, int face, const std::u32string& cps,
                     char32_t first) {
  HPDF_Doc doc = session.doc();
  const std::string what = "font '" + fonts.path(face) + "'" +
                           (fonts.face_index(face) ? " (face " + std::to_string(fonts.face_index(face)) + ")" : "");
  TempFontFile file(first ? fonts.subset_renumbered(face, cps, first) : fonts.subset(face, cps));

  const char* loaded = HPDF_LoadTTFontFromFile(doc, file.path().c_str(), HPDF_TRUE);
  HPDF_STATUS detail = 0;
  if (HPDF_STATUS e = session.take_error(&detail); e || !loaded) {
    std::string why = HpdfSession::error_name(e);
    if (e == HPDF_FONT_EXISTS)
      why = "another font in this document has the same PostScript name";
    throw InputError(SourceLoc{fonts.path(face), 0, 0}, "cannot embed " + what + " in the PDF: " + why,
                     "choose another file for this role with --font ROLE=PATH");
  }
  std::string name = loaded;
  file.remove();

  HPDF_Font font = HPDF_GetFont(doc, name.c_str(), "UTF-8");
  session.check("creating the UTF-8 font for " + what);

  // Replace the ToUnicode stream's content in place (the object stays where libharu put it).
  auto* to_unicode = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT));
  session.check("reading the ToUnicode map of " + what);
  if (!to_unicode) {
    to_unicode = HPDF_DictStream_New(doc->mmgr, doc->xref);
    session.check("creating a ToUnicode map for " + what);
    HPDF_Dict_Add(font, "ToUnicode", to_unicode);
    to_unicode->filter = font->filter;
  } else {
    HPDF_MemStream_FreeData(to_unicode->stream);
    // These keys describe libharu's encoding CMap, not a ToUnicode map.
    for (const char* key : {"Type", "CMapName", "CIDSystemInfo", "WMode", "UseCMap"})
      HPDF_Dict_RemoveElement(to_unicode, key);
  }
  std::string cmap = to_unicode_cmap(cps, first);
  HPDF_Stream_Write(to_unicode->stream, reinterpret_cast<const HPDF_BYTE*>(cmap.data()), static_cast<HPDF_UINT>(cmap.size()));
  session.check("writing the ToUnicode map of " + what);
  return font;
}

}  // namespace gw::pdf
