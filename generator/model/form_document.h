// A filled-in form — a 申报书 of forms.md (附件3, 附件4) — as plain data: what a form template
// (template/form_template.h) produces once its placeholders are replaced by one applicant's data.
// Layout (layout/form_layout.h) sets it on GB/T 9704 pages; the DOCX writer turns the fields that
// came from data into content controls. No I/O, no fonts, no XML here.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"

namespace gw::model {

enum class Align { Left, Centre, Right };

// A run of text in a form. `field` names the data field it was filled from ("name",
// "year2.revenue", "section.案例背景"), empty for the template's own words; `placeholder` is what a
// clerk sees in an empty fillable field ("单位名称"). `loc` is the data cell when the text came from
// data, else the template line.
struct FormText {
  std::string text;
  std::string field;
  std::string placeholder;
  SourceLoc loc;
  bool fillable() const { return !field.empty(); }
};

// A paragraph inside a table cell or a box.
struct FormPara {
  FormText text;
  Align align = Align::Left;
};

struct FormCell {
  std::vector<FormPara> paras;  // empty = a blank cell
  bool label = false;           // a label cell: heading face, centred
  int col_span = 1;
  int row_span = 1;             // the cell covers this many rows (a label such as 联系人 over two)
  std::vector<FormPara> foot;   // paragraphs set at the bottom of the cell (推荐意见's seal and date)
  SourceLoc loc;
};

struct FormRow {
  std::vector<FormCell> cells;  // cells covered by a row_span from above are not listed
  bool header = false;          // repeated when the table continues on a new page
  int min_lines = 1;            // height in table text lines (a box to write in)
};

struct FormTable {
  std::vector<double> widths;  // column widths as proportions of the text block
  std::vector<FormRow> rows;
  SourceLoc loc;
};

enum class FormPartKind {
  Title,       // the form's or a page's title, centred, 小标宋
  CoverField,  // a labelled underlined field of the cover: `label` then `value` on a line
  Heading,     // "一、基本信息", 黑体
  Paragraph,   // body text, first line indented two characters; an empty fillable one prints
               // `blank_lines` ruled lines to write on
  Table,
  Signature,   // lines set flush right, kept together with the text above (承诺书's 签字/盖章/日期)
  Blank,       // an empty line
  PageBreak,
};

struct FormPart {
  FormPartKind kind = FormPartKind::Paragraph;
  FormText label;   // CoverField: the label ("申报主体（盖章）")
  FormText value;   // the text (Label, Title, Heading, Paragraph, CoverField's value)
  std::vector<FormText> lines;  // Signature
  FormTable table;
  int blank_lines = 0;  // Paragraph: ruled lines printed when the value is empty
  SourceLoc loc;        // the template element
};

struct FormDocument {
  std::string name;    // the template's name, e.g. "attachment4-enterprise"
  std::string label;   // "附件4"
  std::string title;   // "中国消费名品申报书"
  std::string subject; // the applicant, for document properties and messages
  std::vector<FormPart> parts;
  SourceLoc template_loc;
  SourceLoc data_loc;  // the record in the data set
};

}  // namespace gw::model
