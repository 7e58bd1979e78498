#include <catch2/catch.hpp>

#include <filesystem>

#include "base/diagnostic.h"
#include "base/files.h"
#include "base/utf8.h"

using namespace gw;
namespace fs = std::filesystem;

TEST_CASE("write_file_atomic writes the whole content and leaves no temporary file") {
  fs::path dir = fs::temp_directory_path() / "gw_files_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string path = (dir / "out.pdf").string();
  write_file_atomic(path, "hello");
  CHECK(read_file(path) == "hello");
  int entries = 0;
  for (auto& e : fs::directory_iterator(dir)) { (void)e; ++entries; }
  CHECK(entries == 1);
  fs::remove_all(dir);
}

TEST_CASE("an AtomicOutput that is not committed leaves nothing behind") {
  fs::path dir = fs::temp_directory_path() / "gw_files_test2";
  fs::remove_all(dir);
  fs::create_directories(dir);
  {
    AtomicOutput out((dir / "x.pdf").string());
    write_file_atomic(out.temp_path() + ".unused", "");  // something else in the folder
    fs::remove(out.temp_path() + ".unused");
  }
  CHECK(fs::is_empty(dir));
  fs::remove_all(dir);
}

TEST_CASE("writing into a missing folder is an input error naming the path") {
  CHECK_THROWS_AS(write_file_atomic("/nonexistent-dir/x.pdf", "x"), InputError);
}

TEST_CASE("utf8 round trip and trimming of ideographic spaces") {
  CHECK(to_utf8(to_u32("工信厅消费函〔2022〕156号")) == "工信厅消费函〔2022〕156号");
  CHECK(utf8_length("〔2022〕") == 6);
  CHECK(trim("\u3000 通知\u3000\n") == "通知");
}
