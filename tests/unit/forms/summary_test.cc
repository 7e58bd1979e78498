// 附件5 tables from the sample province, checked against forms.md's columns and orders worked by hand.
#include <catch2/catch.hpp>

#include <set>

#include "forms/read.h"
#include "forms/summary.h"

using namespace gw::forms;

namespace {
std::vector<Application> sample() {
  ColumnMap columns = ColumnMap::load(std::string(GW_SOURCE_DIR) + "/templates/forms/columns.json");
  return read_applications(std::string(GW_SOURCE_DIR) + "/samples/forms/province.xlsx", columns).applications;
}
}  // namespace

TEST_CASE("典型案例 table in input order") {
  auto apps = sample();
  SummaryTable t = typical_case_table(apps, SortOrder::Input);
  CHECK(t.header == std::vector<std::string>{"序号", "申报主体", "联合申报单位", "申报方向", "案例名称", "所属行业", "联系人", "联系电话"});
  REQUIRE(t.rows.size() == 8);
  CHECK(t.rows[0] == std::vector<std::string>{"1", "福州榕鞋智造有限公司", "福州云织数据科技有限公司", "1.消费数据驱动产品设计创新",
                                              "基于消费大数据的运动鞋楦型设计平台", "皮革、毛皮、羽毛及其制品和制鞋业", "陈晓敏",
                                              "13905910001"});
  CHECK(t.rows[1][3] == "2.智能仿真测款驱动新品孵化");  // written as "2" in the sheet
  CHECK(t.rows[2][2] == "厦门湖里云裁科技有限公司、晋江衣链供应链管理有限公司");
  CHECK(t.rows[7][0] == "8");
  CHECK(t.sources[7]->name.text == "宁德闽东数字服务有限公司");
}

TEST_CASE("消费名品 table in pinyin order") {
  auto apps = sample();
  SummaryTable t = brand_table(apps, SortOrder::Pinyin);
  REQUIRE(t.rows.size() == 12);
  CHECK(t.header.size() == 9);
  // By hand: 德(dé) · 福鼎(fú dǐng) · 福州×3 (fú zhōu …) · 建(jiàn) · 莆(pú) · 浦(pǔ) · 泉(quán) · 武/厦 · 漳(zhāng).
  CHECK(t.rows[0] == std::vector<std::string>{"1", "德化白瓷", "区域品牌", "", "德化县人民政府", "非金属矿物制品业",
                                              "德化瓷都陶瓷有限公司、厦门德瓷文化创意有限公司、福州仓山瓷韵电子商务有限公司",
                                              "颜志鹏", "13905950021"});
  CHECK(t.rows[1][4] == "福鼎市人民政府");
  CHECK(std::set<std::string>{t.rows[2][4], t.rows[3][4], t.rows[4][4]} ==
        std::set<std::string>{"福州三坊漆艺有限公司", "福州马尾海韵乐器有限公司", "福州长乐芯动电器有限公司"});
  CHECK(t.rows[5][4] == "建瓯建窑文化发展有限公司");
  CHECK(t.rows[6][4] == "莆田秀屿木兰鞋业有限公司");
  CHECK(t.rows[7][4] == "浦城清源香业有限公司");
  CHECK(t.rows[8][4] == "泉州刺桐酱园有限公司");
  CHECK(t.rows[11][4] == "漳州龙海潮涌服饰有限公司");
  CHECK(t.rows[11][0] == "12");
  CHECK(t.rows[11][3] == "潮流新锐");
}

TEST_CASE("find_field reads without creating") {
  auto apps = sample();
  const Application& a = apps[0];
  REQUIRE(find_field(a, "credit_code"));
  CHECK(find_field(a, "credit_code")->text == "91350102MAMWC1L5R4");
  CHECK(find_field(a, "joint1.name")->text == "福州云织数据科技有限公司");
  CHECK(find_field(a, "joint2.name") == nullptr);
  CHECK(find_field(a, "year3.year")->text == "2023");
  CHECK(find_field(a, "section.案例背景") != nullptr);
  CHECK(find_field(a, "nonsense") == nullptr);
}
