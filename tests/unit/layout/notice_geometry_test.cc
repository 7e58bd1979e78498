// Geometry of every element, read from the laid-out pages and asserted against the clause values of
// GB/T 9704-2012 within 0.5 mm. Uses the default font map (Debian's free fonts, installed by .ci).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "base/units.h"
#include "layout/notice_layout.h"
#include "template/font_map_reader.h"
#include "template/notice_xml_reader.h"
#include "template/style_reader.h"

using namespace gw;
using layout::Document;
using layout::TextLine;

namespace {

constexpr double kTol = 0.5;  // mm
const double kPitch = 225.0 / 22;   // 5.2.3
const double kChar = 156.0 / 28;    // 5.2.3

const fonts::FontSet& font_set() {
  static fonts::FontSet fs = fonts::FontSet::open(fonts::read_font_map(fonts::default_font_map_path()));
  return fs;
}

Document lay(const std::string& xml, const std::string& style = "gbt9704-2012") {
  auto n = tmpl::read_notice_xml_string(xml, "test.xml");
  static std::map<std::string, model::Style> styles;
  if (!styles.count(style)) styles[style] = tmpl::read_style(style);
  return layout::layout_notice(n, styles[style], font_set());
}

std::vector<const TextLine*> lines(const Document& d, const std::string& role, int page = -1) {
  std::vector<const TextLine*> out;
  for (size_t p = 0; p < d.pages.size(); ++p)
    if (page < 0 || static_cast<int>(p) == page)
      for (const auto& l : d.pages[p].lines)
        if (l.role == role) out.push_back(&l);
  return out;
}

const layout::Rule* rule(const Document& d, const std::string& role, int page = 0) {
  for (const auto& r : d.pages[static_cast<size_t>(page)].rules)
    if (r.role == role) return &r;
  return nullptr;
}

std::string paragraphs(int n, int chars) {
  std::string body;
  for (int i = 0; i < n; ++i) {
    body += "<p>";
    for (int k = 0; k < chars; ++k) body += "推进消费品工业数字化转型。";
    body += "</p>";
  }
  return body;
}

std::string notice(const std::string& head, const std::string& body, const std::string& tail = "",
                   const std::string& attrs = "") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><notice" + attrs + ">" + head +
         "<title>关于开展测试工作的通知</title><recipients>各有关单位：</recipients><body>" + body + "</body>" + tail + "</notice>";
}

const std::string kHead = "<issuer>工业和信息化部</issuer><doc-number>工信部消费〔2022〕8号</doc-number>";
const std::string kTail = "<signature><name>工业和信息化部</name></signature><date>2022年6月30日</date>";

}  // namespace

TEST_CASE("7.2.4 / 7.2.5 / 7.2.7: mark 35 mm below the block, 文号 two lines below, red line 4 mm below it") {
  auto d = lay(notice(kHead, "<p>正文。</p>", kTail));
  auto mark = lines(d, "issuer-mark", 0);
  REQUIRE(mark.size() == 1);
  CHECK(mark[0]->text == "工业和信息化部文件");
  CHECK(mark[0]->top_mm == Approx(37 + 35).margin(kTol));
  CHECK(mark[0]->color == model::Color::red());
  double mark_bottom = mark[0]->top_mm + pt_to_mm(mark[0]->size_pt);
  // Centred in the text block.
  CHECK(mark[0]->x_mm + mark[0]->width_mm / 2 == Approx(28 + 78).margin(kTol));
  auto num = lines(d, "doc-number", 0);
  REQUIRE(num.size() == 1);
  double num_em_top = num[0]->top_mm;
  double num_row_top = num_em_top - (kPitch - pt_to_mm(16)) / 2;
  CHECK(num_row_top - mark_bottom == Approx(2 * kPitch).margin(kTol));
  CHECK(num[0]->x_mm + num[0]->width_mm / 2 == Approx(106).margin(kTol));
  auto red = rule(d, "red-line");
  REQUIRE(red);
  CHECK(red->x1_mm == Approx(28).margin(kTol));
  CHECK(red->x2_mm == Approx(184).margin(kTol));  // the width of the text block
  double num_bottom = num_em_top + pt_to_mm(16);
  CHECK(red->y1_mm - red->thickness_mm / 2 - num_bottom == Approx(4).margin(kTol));
  CHECK(red->color == model::Color::red());
}

TEST_CASE("7.3.1 / 7.3.2 / 7.3.3: title 二号 centred, recipients flush left, body on the 22-line grid") {
  auto d = lay(notice(kHead, paragraphs(3, 8), kTail));
  auto title = lines(d, "title", 0);
  REQUIRE(!title.empty());
  CHECK(title[0]->size_pt == 22);
  CHECK(title[0]->x_mm + title[0]->width_mm / 2 == Approx(106).margin(kTol));
  auto red = rule(d, "red-line");
  // two blank lines between the red line and the title
  CHECK(title[0]->top_mm - red->y1_mm >= 2 * kPitch - kTol);
  auto rec = lines(d, "recipients", 0);
  REQUIRE(rec.size() == 1);
  CHECK(rec[0]->x_mm == Approx(28).margin(kTol));
  auto row_top = [](const TextLine* l) { return l->top_mm - (kPitch - pt_to_mm(l->size_pt)) / 2; };
  CHECK(row_top(rec[0]) - row_top(title.back()) == Approx(2 * kPitch).margin(kTol));  // one blank line
  auto body = lines(d, "body");
  REQUIRE(body.size() >= 4);
  CHECK(body[0]->x_mm == Approx(28 + 2 * kChar).margin(kTol));  // indented 2 characters
  CHECK(body[1]->x_mm == Approx(28).margin(kTol));                // continuation flush left
  CHECK(body[0]->x_mm + body[0]->width_mm == Approx(184).margin(kTol));  // justified to the block
  CHECK(body[1]->baseline_mm - body[0]->baseline_mm == Approx(kPitch).margin(0.01));
  // 28 characters on a full continuation line of ideographs
  CHECK(body[1]->glyphs.size() == 28);
}

TEST_CASE("5.2.3: every page holds 22 body lines and every line sits on the grid") {
  auto d = lay(notice(kHead, paragraphs(30, 10), kTail));
  REQUIRE(d.pages.size() >= 3);
  auto p2 = lines(d, "body", 1);
  CHECK(p2.size() == 22);
  for (size_t i = 0; i < p2.size(); ++i) {
    double row_top = 37 + kPitch * static_cast<double>(i);
    CHECK(p2[i]->top_mm == Approx(row_top + (kPitch - pt_to_mm(16)) / 2).margin(0.01));
  }
  CHECK(p2.back()->top_mm + pt_to_mm(16) <= 37 + 225 + 1e-6);
}

TEST_CASE("7.5: page numbers 7 mm below the block, odd right and even left, one character in") {
  auto d = lay(notice(kHead, paragraphs(30, 10), kTail));
  auto odd = lines(d, "page-number", 0);
  auto even = lines(d, "page-number", 1);
  REQUIRE(odd.size() == 1);
  REQUIRE(even.size() == 1);
  CHECK(odd[0]->text == "— 1 —");
  CHECK(even[0]->text == "— 2 —");
  CHECK(odd[0]->size_pt == 14);
  CHECK(odd[0]->top_mm == Approx(262 + 7).margin(kTol));
  double ch14 = pt_to_mm(14) * kChar / pt_to_mm(16);
  CHECK(odd[0]->x_mm + odd[0]->width_mm == Approx(184 - ch14).margin(kTol));
  CHECK(even[0]->x_mm == Approx(28 + ch14).margin(kTol));
}

TEST_CASE("7.3.5.2: unsealed signature right-indented 2 characters, date 2 characters right of it") {
  auto d = lay(notice(kHead, "<p>正文。</p>",
                      "<signature><name>工业和信息化部消费品工业司</name></signature><date>2022年6月30日</date>"));
  auto sig = lines(d, "signature");
  auto date = lines(d, "date");
  REQUIRE(sig.size() == 1);
  REQUIRE(date.size() == 1);
  CHECK(sig[0]->x_mm + sig[0]->width_mm == Approx(184 - 2 * kChar).margin(kTol));
  CHECK(date[0]->x_mm - sig[0]->x_mm == Approx(2 * kChar).margin(kTol));
  CHECK(date[0]->baseline_mm - sig[0]->baseline_mm == Approx(kPitch).margin(0.01));
  // one blank line below the body
  auto body = lines(d, "body");
  CHECK(sig[0]->baseline_mm - body.back()->baseline_mm == Approx(2 * kPitch).margin(0.01));
}

TEST_CASE("7.3.5.2: a date longer than the signature is right-indented 2 characters") {
  auto d = lay(notice(kHead, "<p>正文。</p>", "<signature><name>某部</name></signature><date>2022年12月30日</date>"));
  auto sig = lines(d, "signature");
  auto date = lines(d, "date");
  CHECK(date[0]->x_mm + date[0]->width_mm == Approx(184 - 2 * kChar).margin(kTol));
  CHECK(date[0]->x_mm - sig[0]->x_mm == Approx(2 * kChar).margin(kTol));
}

TEST_CASE("7.3.5.1: sealed — date right-indented 4 characters, signature centred over it") {
  auto d = lay(notice(kHead, "<p>正文。</p>",
                      "<signature seal=\"seal\"><name>工业和信息化部办公厅</name></signature><date>2022年6月30日</date>"));
  auto sig = lines(d, "signature");
  auto date = lines(d, "date");
  CHECK(date[0]->x_mm + date[0]->width_mm == Approx(184 - 4 * kChar).margin(kTol));
  CHECK(sig[0]->x_mm + sig[0]->width_mm / 2 == Approx(date[0]->x_mm + date[0]->width_mm / 2).margin(kTol));
}

TEST_CASE("7.3.5.5: the signature and date never stand alone on a page") {
  // Fill page 1 and then exactly to the bottom of page 2, so the signature block would start page 3.
  for (int paras = 20; paras < 30; ++paras) {
    auto d = lay(notice(kHead, paragraphs(paras, 4), kTail));
    for (size_t p = 0; p < d.pages.size(); ++p) {
      bool has_sig = !lines(d, "signature", static_cast<int>(p)).empty();
      bool has_body = !lines(d, "body", static_cast<int>(p)).empty();
      if (has_sig) CHECK(has_body);
    }
  }
}

TEST_CASE("7.4: 版记 on the last page, an even one, its last line on the block's bottom edge") {
  auto d = lay(notice(kHead, "<p>正文。</p>", kTail + "<cc>国家发展改革委。</cc><printer date=\"2022年6月30日\">工业和信息化部办公厅</printer>"));
  REQUIRE(d.pages.size() % 2 == 0);  // duplex: the back of the last sheet
  int last = static_cast<int>(d.pages.size()) - 1;
  auto cc = lines(d, "cc", last);
  auto pr = lines(d, "printer", last);
  REQUIRE(cc.size() == 1);
  REQUIRE(pr.size() == 2);
  CHECK(cc[0]->text == "抄送：国家发展改革委。");
  CHECK(cc[0]->size_pt == 14);
  double ch14 = pt_to_mm(14) * kChar / pt_to_mm(16);
  CHECK(cc[0]->x_mm == Approx(28 + ch14).margin(kTol));
  CHECK(pr[1]->text == "2022年6月30日印发");
  CHECK(pr[1]->x_mm + pr[1]->width_mm == Approx(184 - ch14).margin(kTol));
  std::vector<const layout::Rule*> rs;
  for (const auto& r : d.pages[static_cast<size_t>(last)].rules) rs.push_back(&r);
  REQUIRE(rs.size() == 3);
  auto bottom = std::max_element(rs.begin(), rs.end(), [](auto a, auto b) { return a->y1_mm < b->y1_mm; });
  CHECK((*bottom)->y1_mm == Approx(262).margin(kTol));
  CHECK((*bottom)->thickness_mm == Approx(0.35));
  int thin = 0;
  for (auto* r : rs) thin += r->thickness_mm == Approx(0.25) ? 1 : 0;
  CHECK(thin == 1);
}

TEST_CASE("7.3.2: recipients that would leave page 1 without body text move to the 版记 as 主送") {
  std::string many;
  for (int i = 0; i < 40; ++i) many += "某某省工业和信息化厅、";
  many += "各有关单位：";
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><notice>" + kHead +
                    "<title>关于开展测试工作的通知</title><recipients>" + many + "</recipients><body><p>正文第一段。</p></body>" +
                    kTail + "<cc>国家发展改革委。</cc><printer date=\"2022年6月30日\">工业和信息化部办公厅</printer></notice>";
  auto d = lay(xml);
  CHECK(lines(d, "recipients").empty());
  CHECK(!lines(d, "body", 0).empty());  // page 1 shows body text
  auto cc = lines(d, "cc");
  REQUIRE(!cc.empty());
  CHECK(cc[0]->text.rfind("主送：", 0) == 0);
}

TEST_CASE("7.3.7: attachments start a new page, 附件N on line 1, title centred on line 3") {
  std::string tail = kTail + "<attachment title=\"工作方案\"><p>方案正文。</p></attachment><attachment title=\"名单\"><p>名单正文。</p></attachment>";
  auto d = lay(notice(kHead, "<p>正文。</p>", tail));
  auto labels = lines(d, "attachment-label");
  REQUIRE(labels.size() == 2);
  CHECK(labels[0]->text == "附件1");
  CHECK(labels[1]->text == "附件2");
  CHECK(labels[0]->x_mm == Approx(28).margin(kTol));
  CHECK(labels[0]->top_mm == Approx(37 + (kPitch - pt_to_mm(16)) / 2).margin(kTol));  // line 1
  auto titles = lines(d, "attachment-title");
  CHECK(titles[0]->top_mm == Approx(37 + 2 * kPitch + (kPitch - pt_to_mm(22)) / 2).margin(kTol));  // line 3
  CHECK(titles[0]->x_mm + titles[0]->width_mm / 2 == Approx(106).margin(kTol));
  auto list = lines(d, "attachment-list");
  REQUIRE(list.size() == 2);
  CHECK(list[0]->text == "附件：1.工作方案");
  CHECK(list[1]->text == "2.名单");
  // 7.3.4: "2." aligned under "1."
  CHECK(list[1]->x_mm == Approx(list[0]->glyphs[3].x_mm).margin(kTol));
}

TEST_CASE("10.1: letter format — mark 30 mm from the page top, 170 mm red double lines, no number on page 1") {
  auto d = lay(notice("<issuer>工业和信息化部办公厅</issuer><doc-number>工信厅消费函〔2022〕156号</doc-number>", paragraphs(30, 6),
                      kTail, " format=\"letter\""));
  auto mark = lines(d, "issuer-mark", 0);
  CHECK(mark[0]->text == "工业和信息化部办公厅");  // no 文件
  CHECK(mark[0]->top_mm == Approx(30).margin(kTol));
  auto thick = rule(d, "letter-top-thick");
  auto thin = rule(d, "letter-top-thin");
  REQUIRE(thick);
  REQUIRE(thin);
  CHECK(thick->y1_mm < thin->y1_mm);  // thick over thin
  CHECK(thick->x2_mm - thick->x1_mm == Approx(170).margin(kTol));
  CHECK(thick->x1_mm == Approx(20).margin(kTol));
  CHECK(thick->y1_mm - thick->thickness_mm / 2 - (mark[0]->top_mm + pt_to_mm(mark[0]->size_pt)) == Approx(4).margin(kTol));
  auto bthick = rule(d, "letter-bottom-thick");
  auto bthin = rule(d, "letter-bottom-thin");
  REQUIRE(bthick);
  CHECK(bthin->y1_mm < bthick->y1_mm);  // thin over thick
  CHECK(bthick->y1_mm + bthick->thickness_mm / 2 == Approx(297 - 20).margin(kTol));
  auto num = lines(d, "doc-number", 0);
  CHECK(num[0]->x_mm + num[0]->width_mm == Approx(184).margin(kTol));  // flush right
  CHECK(num[0]->top_mm - (thin->y1_mm + thin->thickness_mm / 2) == Approx(pt_to_mm(16) * 7 / 8).margin(kTol));
  CHECK(lines(d, "page-number", 0).empty());
  CHECK(lines(d, "page-number", 1).size() == 1);
}

TEST_CASE("10.2: order — mark 20 mm below the block top, 令号 centred two lines below") {
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><notice format=\"order\"><issuer>中华人民共和国工业和信息化部令</issuer>"
                    "<doc-number>第58号</doc-number><body><p>《办法》已经部务会议审议通过，现予公布。</p></body>"
                    "<signature seal=\"signature-seal\"><signer-title>部长</signer-title><signer-name>王建国</signer-name></signature>"
                    "<date>2022年6月30日</date></notice>";
  auto d = lay(xml);
  auto mark = lines(d, "issuer-mark", 0);
  CHECK(mark[0]->top_mm == Approx(37 + 20).margin(kTol));
  auto num = lines(d, "doc-number", 0);
  CHECK(num[0]->x_mm + num[0]->width_mm / 2 == Approx(106).margin(kTol));
  // 7.3.5.3: signature seal right-indented 4 characters, the title 2 characters to its left
  auto sig = lines(d, "signature");
  REQUIRE(sig.size() == 2);
  CHECK(sig[0]->x_mm + sig[0]->width_mm == Approx(184 - 4 * kChar).margin(kTol));
  CHECK(sig[0]->x_mm - (sig[1]->x_mm + sig[1]->width_mm) == Approx(2 * kChar).margin(kTol));
  auto date = lines(d, "date");
  CHECK(date[0]->x_mm + date[0]->width_mm == Approx(184 - 4 * kChar).margin(kTol));
  CHECK(date[0]->baseline_mm - sig[0]->baseline_mm == Approx(2 * kPitch).margin(0.01));
}

TEST_CASE("issue 7: a 16-character issuer mark is compressed to fit the text block") {
  auto d = lay(notice("<issuer>中华人民共和国工业和信息化部消费品工业司</issuer>", "<p>正文。</p>", kTail));
  auto mark = lines(d, "issuer-mark", 0);
  REQUIRE(mark.size() == 1);
  CHECK(mark[0]->hscale < 1.0);
  CHECK(mark[0]->x_mm >= 28 - 0.01);
  CHECK(mark[0]->x_mm + mark[0]->width_mm <= 184 + 0.01);
}

TEST_CASE("7.2.4: a joint mark stacks the agencies with 文件 to their right, vertically centred") {
  auto d = lay(notice("<issuer>工业和信息化部</issuer><issuer>商务部</issuer><issuer>市场监管总局</issuer>", "<p>正文。</p>", kTail));
  auto mark = lines(d, "issuer-mark", 0);
  REQUIRE(mark.size() == 4);
  CHECK(mark[0]->text == "工业和信息化部");
  CHECK(mark[3]->text == "文件");
  double stack_mid = (mark[0]->top_mm + mark[2]->top_mm + pt_to_mm(mark[2]->size_pt)) / 2;
  CHECK(mark[3]->top_mm + pt_to_mm(mark[3]->size_pt) / 2 == Approx(stack_mid).margin(kTol));
  CHECK(mark[3]->x_mm > mark[0]->x_mm + mark[0]->width_mm);
  CHECK(mark[0]->width_mm == Approx(mark[1]->width_mm).margin(kTol));  // justified to one width
}

TEST_CASE("issue 7: a local style changes the measured margins and line pitch") {
  auto d = lay(notice(kHead, paragraphs(30, 10), kTail), "local-30-29");
  auto p2 = lines(d, "body", 1);
  REQUIRE(p2.size() == 23);
  double min_x = 1e9;
  for (auto* l : p2) min_x = std::min(min_x, l->x_mm);
  CHECK(min_x == Approx(29).margin(0.01));
  CHECK(p2[1]->baseline_mm - p2[0]->baseline_mm == Approx(pt_to_mm(29)).margin(0.01));
  CHECK(p2[0]->top_mm == Approx(30 + (pt_to_mm(29) - pt_to_mm(16)) / 2).margin(0.01));
}

TEST_CASE("issue 7: a rare name character falls back along the chain; one no font has is an error naming it") {
  auto d = lay(notice(kHead, "<p>联系人：朱镕基、王堃、张喆、李婍。</p>", kTail));
  auto body = lines(d, "body");
  REQUIRE(!body.empty());
  CHECK(body[0]->text.find("镕") != std::string::npos);
  const auto& chain = font_set().chain("body");
  bool fell_back = false;
  for (const auto& g : body[0]->glyphs)
    if (g.face != chain.front()) fell_back = true;
  CHECK(fell_back == (font_set().face_for("body", U'镕') != chain.front()));
  try {
    lay(notice(kHead, "<p>私用区字符\xEE\x80\x80在此。</p>", kTail));
    FAIL("expected an error");
  } catch (const InputError& e) {
    std::string m = e.diagnostic().message;
    CHECK(m.find("U+E000") != std::string::npos);
    CHECK(m.find("role 'body'") != std::string::npos);
    CHECK(m.find("tried:") != std::string::npos);
    CHECK(e.diagnostic().loc.file == "test.xml");
    CHECK(e.diagnostic().loc.line == 1);
  }
}
