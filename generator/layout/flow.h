// The flow: everything below the head is a sequence of rows on the line grid (a paragraph line,
// a blank line, a table row spanning several grid lines). Pagination places rows page by page,
// keeping chains together (the signature with the text above it, GB/T 9704 7.3.5.5), starting
// attachments on new pages (7.3.7) and repeating table header rows on continuation pages (8).
#pragma once

#include <vector>

#include "layout/laid_out.h"
#include "layout/page_grid.h"

namespace gw::layout {

struct FlowRow {
  // Coordinates of lines and rules are relative to the row's top edge (y) and absolute in x.
  std::vector<TextLine> lines;
  std::vector<Rule> rules;
  int span = 1;                 // grid lines occupied
  bool blank = false;           // an empty line: dropped at the top of a page
  bool break_before = false;    // start a new page (attachments)
  bool keep_with_next = false;  // never a page break between this row and the next
  int table = -1;               // table id, for header repetition
  bool table_header = false;
};

struct Paginated {
  std::vector<Page> pages;
  int last_row = 0;  // first free grid row on the last page
};

// Places rows on pages. first_row is the first free grid row of page 1 (below the head);
// `first_page` already holds the head.
Paginated paginate(const std::vector<FlowRow>& rows, const PageGrid& grid, Page first_page, int first_row);

// Moves a row's relative coordinates to an absolute row top.
void place_row(const FlowRow& row, double top, Page& page);

}  // namespace gw::layout
