// gw_credit_code STEM...: prints each 17-character stem with its GB 32100-2015 check character
// appended. The sample data in samples/forms/ was given codes this way (never guessed by hand).
#include <iostream>

#include "forms/credit_code.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: gw_credit_code STEM17...  (prints the complete 18-character codes)\n";
    return 2;
  }
  int rc = 0;
  for (int i = 1; i < argc; ++i) {
    auto check = gw::forms::credit_code_check_char(argv[i]);
    if (!check) {
      std::cerr << argv[i] << ": not 17 characters of 0-9 A-H J-N P-R T U W-Y\n";
      rc = 1;
      continue;
    }
    std::cout << argv[i] << *check << "\n";
  }
  return rc;
}
