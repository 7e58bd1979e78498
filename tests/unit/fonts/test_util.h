// Helpers shared by the font tests: a scratch folder per test and the Debian font paths.
#pragma once

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace gw::test {

inline const std::string kGbsn = "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf";
inline const std::string kGkai = "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf";
inline const std::string kWqy = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
inline const std::string kWenkai = "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf";

// True when every file exists; otherwise WARNs naming the missing one so a skipped test is visible.
inline bool have_fonts(std::initializer_list<std::string> paths) {
  for (const auto& p : paths)
    if (!std::filesystem::exists(p)) {
      WARN("skipped: font file " << p << " is not installed (apt-get install the fonts-* package)");
      return false;
    }
  return true;
}

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "gw-fonts-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::string write(const std::string& name, const std::string& text) const {
    auto p = path / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
};

}  // namespace gw::test
