// Heading ordinals of GB/T 9704 7.3.3: the four levels, run-in headings and numbers past ten.
#include <catch2/catch.hpp>

#include "text/ordinals.h"

using gw::text::chinese_ordinal;
using gw::text::recognise_heading;

TEST_CASE("level 1: 一、 standalone heading is all lead", "[ordinals]") {
  auto h = recognise_heading("一、活动主题");
  CHECK(h.level == 1);
  CHECK(h.number == 1);
  CHECK(h.ordinal == "一、");
  CHECK(h.lead == "一、活动主题");
  CHECK(h.text.empty());
}

TEST_CASE("level 1 past ten: 十一、 and 二十三、", "[ordinals]") {
  auto h = recognise_heading("十一、其他事项");
  CHECK(h.level == 1);
  CHECK(h.number == 11);
  h = recognise_heading("二十三、附则");
  CHECK(h.level == 1);
  CHECK(h.number == 23);
  h = recognise_heading("十、工作要求");
  CHECK(h.number == 10);
  CHECK(recognise_heading("一十、不规范").level == 0);
}

TEST_CASE("level 2: （一） and (一) with run-in text", "[ordinals]") {
  auto h = recognise_heading("（一）前期筹备。2021年12月7日-31日，印发工作通知。");
  CHECK(h.level == 2);
  CHECK(h.number == 1);
  CHECK(h.lead == "（一）前期筹备。");
  CHECK(h.text == "2021年12月7日-31日，印发工作通知。");
  h = recognise_heading("(三)总结成效");
  CHECK(h.level == 2);
  CHECK(h.number == 3);
  CHECK(h.lead == "(三)总结成效");
}

TEST_CASE("level 3: 1. 1． 1、", "[ordinals]") {
  for (const char* s : {"1.加强组织领导", "1．加强组织领导", "1、加强组织领导"}) {
    auto h = recognise_heading(s);
    CHECK(h.level == 3);
    CHECK(h.number == 1);
    CHECK(h.lead == s);
  }
  CHECK(recognise_heading("12. 完善标准体系。各地要加快制定标准。").number == 12);
  CHECK(recognise_heading("12. 完善标准体系。各地要加快制定标准。").lead == "12. 完善标准体系。");
}

TEST_CASE("level 4: （1） and (1)", "[ordinals]") {
  auto h = recognise_heading("（2）线上活动。依托电商平台开展。");
  CHECK(h.level == 4);
  CHECK(h.number == 2);
  CHECK(h.lead == "（2）线上活动。");
  CHECK(h.text == "依托电商平台开展。");
  CHECK(recognise_heading("(10)其他").level == 4);
}

TEST_CASE("a long numbered sentence keeps only the ordinal as lead", "[ordinals]") {
  auto h = recognise_heading("（三）鼓励行业协会等有关方面推荐优质消费品，支持电商平台开设精品专区。");
  CHECK(h.level == 2);
  CHECK(h.lead == "（三）");
  CHECK(h.text == "鼓励行业协会等有关方面推荐优质消费品，支持电商平台开设精品专区。");
}

TEST_CASE("not headings", "[ordinals]") {
  CHECK(recognise_heading("1.5亿元用于支持").level == 0);
  CHECK(recognise_heading("2022年7月－9月。").level == 0);
  CHECK(recognise_heading("一是增加绿色商品供给。").level == 0);
  CHECK(recognise_heading("（国发〔2022〕12号）要求").level == 0);
  CHECK(recognise_heading("").level == 0);
  CHECK(recognise_heading("（0）").level == 0);
}

TEST_CASE("a bare ordinal keeps its level (the <lead> of a numbered sentence)", "[ordinals]") {
  auto h = recognise_heading("（三）");
  CHECK(h.level == 2);
  CHECK(h.lead == "（三）");
  CHECK(h.text.empty());
  CHECK(recognise_heading("一、").level == 1);
}

TEST_CASE("chinese_ordinal via ICU spellout", "[ordinals]") {
  CHECK(chinese_ordinal(1) == "一");
  CHECK(chinese_ordinal(10) == "十");
  CHECK(chinese_ordinal(11) == "十一");
  CHECK(chinese_ordinal(20) == "二十");
  CHECK(chinese_ordinal(23) == "二十三");
  CHECK_THROWS(chinese_ordinal(0));
  // What we generate we recognise again.
  for (int n = 1; n < 100; ++n) {
    auto h = recognise_heading(chinese_ordinal(n) + "、标题");
    CHECK(h.number == n);
  }
}
