#include "layout/flow.h"

#include <map>

namespace gw::layout {

void place_row(const FlowRow& row, double top, Page& page) {
  for (TextLine l : row.lines) {
    l.top_mm += top;
    l.baseline_mm += top;
    page.lines.push_back(std::move(l));
  }
  for (Rule r : row.rules) {
    r.y1_mm += top;
    r.y2_mm += top;
    page.rules.push_back(std::move(r));
  }
}

Paginated paginate(const std::vector<FlowRow>& rows, const PageGrid& grid, Page first_page, int first_row) {
  Paginated out;
  const int lines = grid.lines();
  Page page = std::move(first_page);
  int r = first_row;
  int page_first_row = first_row;  // rows before this on the page belong to the head
  std::map<int, const FlowRow*> headers;
  auto new_page = [&] {
    out.pages.push_back(std::move(page));
    page = Page{};
    page.width_mm = grid.page_width();
    page.height_mm = grid.page_height();
    r = 0;
    page_first_row = 0;
  };
  for (size_t i = 0; i < rows.size(); ++i) {
    const FlowRow& row = rows[i];
    if (row.table >= 0 && row.table_header) headers[row.table] = &row;
    if (row.break_before && r > page_first_row) new_page();
    if (row.blank && r == page_first_row && !row.break_before && !(i > 0 && rows[i - 1].break_before)) {
      // A blank line never opens a page (unless it is part of a fixed attachment head).
      if (!out.pages.empty() || r > 0) continue;
    }
    // The chain that must stay together starting here.
    int chain = row.span;
    for (size_t j = i; j + 1 < rows.size() && rows[j].keep_with_next; ++j) chain += rows[j + 1].span;
    if (r + chain > lines && chain <= lines - 0 && r > page_first_row) new_page();
    if (r + row.span > lines && r > page_first_row) new_page();
    // A table continuing on a new page repeats its header row (clause 8 / forms).
    if (r == 0 && row.table >= 0 && !row.table_header) {
      auto h = headers.find(row.table);
      if (h != headers.end() && h->second->span + row.span <= lines) {
        place_row(*h->second, grid.row_top(r), page);
        r += h->second->span;
      }
    }
    place_row(row, grid.row_top(r), page);
    r += row.span;
  }
  out.pages.push_back(std::move(page));
  out.last_row = r;
  return out;
}

}  // namespace gw::layout
