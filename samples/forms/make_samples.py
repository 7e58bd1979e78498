#!/usr/bin/env python3
"""Writes samples/forms/province.csv and province.xlsx: one fictional province data set (福建省, campaign
2024) for the forms 附件3–5, the same records in both files. Run it from anywhere; it writes beside itself.

Every enterprise, person, phone number and figure here is invented. The 统一社会信用代码 were not typed
by hand: their 17-character stems were completed by gongwen's own checksum code
(build/generator/forms/gw_credit_code STEM...), and `gongwen validate province.csv` checks them again.

The XLSX is written with the standard library only (zipfile): two visible sheets 典型案例 and 消费名品
(shared strings, some as rich-text runs; inline strings for addresses; numbers; dates as serial
numbers under a custom yyyy-mm-dd format and built-in format 14) and a hidden 选项 sheet.
"""
import csv
import datetime
import io
import os
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
FILL = "2024-11-05"
# 推荐函文号: the 文号 of the province's cover letter in a batch packet (gongwen batch).
COMMON = {"推荐单位": "福建省工业和信息化厅", "填报日期": FILL, "省份": "福建省", "推荐函文号": "闽工信消费函〔2024〕215号"}

HEAD_COMMON = ["申报类型", "申报主体类型", "单位名称", "统一社会信用代码", "注册地址", "成立时间", "法定代表人",
               "企业性质", "所属行业", "联系人", "职务", "手机", "邮箱"]
HEAD_YEARS = [h for n in (1, 2, 3) for h in (f"年度{n}", f"营业收入{n}（万元）", f"利润总额{n}（万元）", f"纳税额{n}（万元）")]
HEAD_TAIL = ["推荐单位", "填报日期", "省份", "推荐函文号"]
HEAD_CASE = ["申报方向", "案例名称"] + [h for n in (1, 2, 3) for h in (f"联合申报单位{n}名称", f"联合申报单位{n}信用代码")]
HEAD_BRAND = ["品牌名称", "推荐维度", "商标注册号", "商标有效期至", "主要产品"] + \
    [h for n in (1, 2, 3) for h in (f"代表性企业{n}名称", f"代表性企业{n}信用代码", f"代表性企业{n}主要产品")]
SEC_CASE = ["案例背景", "解决方案", "应用成效", "推广价值", "知识产权情况"]
SEC_BRAND = ["产品创新力", "市场竞争力", "品牌影响力", "文化赋能能力", "产业基础", "品牌建设", "代表性企业情况"]

SHEET_CASE = HEAD_COMMON + HEAD_CASE + HEAD_YEARS + SEC_CASE + HEAD_TAIL
SHEET_BRAND = HEAD_COMMON + HEAD_BRAND + HEAD_YEARS + SEC_BRAND + HEAD_TAIL
CSV_HEAD = HEAD_COMMON + HEAD_CASE + HEAD_BRAND + HEAD_YEARS + SEC_CASE + SEC_BRAND + HEAD_TAIL

DATE_COLUMNS = {"成立时间", "商标有效期至", "填报日期"}
NUMBER_COLUMNS = {h for h in HEAD_YEARS} | {"商标注册号"}
INLINE_COLUMNS = {"注册地址"}


def num(v):
    """One decimal, written the way a spreadsheet shows a number: 18650 rather than 18650.0."""
    text = f"{v:.1f}"
    return text[:-2] if text.endswith(".0") else text


def years(base, growth, margin, taxrate):
    """Three years 2021–2023 of 万元 figures, rounded to one decimal."""
    out = {}
    rev = base
    for n, y in enumerate((2021, 2022, 2023), start=1):
        out[f"年度{n}"] = str(y)
        out[f"营业收入{n}（万元）"] = num(rev)
        out[f"利润总额{n}（万元）"] = num(rev * margin)
        out[f"纳税额{n}（万元）"] = num(rev * taxrate)
        rev = rev * growth
    return out


def paragraphs(*ps):
    return "\n".join(ps)


# ---- narratives --------------------------------------------------------------------------------------
def case_sections(d, long=False):
    s = {}
    s["案例背景"] = paragraphs(
        f"{d['short']}成立于{d['founded'][:4]}年，主营{d['product']}，产品销往全国{d['reach']}个省（区、市）。近年来消费需求加快向个性化、"
        f"品质化升级，传统“凭经验定款、按订单排产”的模式难以及时响应市场变化，新品开发周期长、库存积压与断货并存。",
        f"为落实“数字三品”行动部署，{d['short']}围绕“{d['direction']}”场景，以{d['tech']}为抓手推进研发、生产、营销全链条数字化改造。")
    sol = [
        f"一是夯实数据底座。打通电商平台、门店收银、会员系统和售后服务数据，建成统一的消费数据中台，累计沉淀用户画像标签{d['tags']}余个。",
        f"二是构建场景应用。基于{d['tech']}建设“{d['system']}”，将消费反馈实时转化为设计、排产和补货指令，实现从“以产定销”向“以销定产”转变。",
        f"三是完善组织保障。成立由主要负责人牵头的数字化转型领导小组，制定数据治理、信息安全和绩效考核制度，形成业务与技术协同推进机制。",
    ]
    if long:
        sol += [
            f"四是推进设备联网。对关键工序{d['machines']}台（套）设备加装传感器和边缘网关，设备联网率由不足三成提升到九成以上，"
            f"生产数据采集频次达到秒级，为质量分析和能耗管理提供了可靠依据。",
            "五是强化协同创新。与省内高校共建联合实验室，围绕材料、工艺和算法开展攻关，形成“企业出题、院校解题、市场阅卷”的协同机制，"
            "每年滚动实施技术改造项目十余项。",
            "六是健全安全体系。按照网络安全等级保护要求建设防护体系，对用户个人信息实行分级分类管理和脱敏处理，"
            "建立数据出境风险自评估流程，确保数据采集、存储、使用全过程合规可控。",
            "在实施路径上，项目坚持“总体规划、分步实施、小步快跑、迭代优化”，先在一个品类、一条产线试点，"
            "形成可复制的方法后再向全部品类和生产基地推广，避免一次性投入过大带来的经营风险。",
            "七是打造开放生态。平台采用模块化、微服务架构，对外提供标准数据接口，供应商可在线查看需求预测、确认交期和质量要求，"
            "经销商可实时查询库存和在途订单，消费者可通过小程序参与新品投票和试用评价，形成多方协同的数字化生态。",
            "八是建立评价改进机制。项目组按月跟踪新品开发周期、一次交付合格率、库存周转率、用户满意度等关键指标，"
            "对照目标分析偏差原因并提出改进措施，每季度向企业经营层汇报，确保数字化投入真正转化为经营成效。",
            "通过上述举措，企业初步建成了以数据为核心驱动的研发、生产和营销体系，为同类企业提供了可借鉴的实践样本。",
        ]
    s["解决方案"] = paragraphs(*sol)
    s["应用成效"] = paragraphs(
        f"项目实施以来，新品开发周期由{d['cycle_before']}天缩短至{d['cycle_after']}天，新品上市成功率提高{d['hit']}个百分点，"
        f"库存周转天数下降{d['stock']}%，客户满意度达到{d['satisfaction']}%。",
        f"2023年实现营业收入{d['rev2023']}万元，同比增长{d['growth']}%，数字化相关产品收入占比超过三成。")
    s["推广价值"] = (f"该模式投入适中、见效较快，适用于{d['industry_short']}等离散型消费品行业的中小企业。"
                    f"{d['short']}已向产业链上下游{d['partners']}家企业开放平台能力，带动区域产业集群数字化水平整体提升。")
    s["知识产权情况"] = (f"围绕本案例累计获得发明专利{d['patents']}项、实用新型专利{d['utility']}项、软件著作权{d['soft']}项，"
                       "相关知识产权均为申报单位自主所有或依法取得授权，无权属纠纷。")
    return s


def brand_sections(d, long=False):
    s = {}
    inn = [
        f"{d['brand']}品牌创立于{d['since']}年，坚持“{d['motto']}”的理念，围绕{d['product']}持续开展产品创新。"
        f"企业建有省级企业技术中心，近三年研发投入占营业收入比重保持在{d['rd']}%以上。",
        f"在工艺上，{d['craft']}；在设计上，组建{d['designers']}人的专职设计团队，每年推出新品{d['new']}款。",
    ]
    if long:
        inn += [
            "企业把消费者评价作为产品改进的第一信号，建立了覆盖电商评论、门店反馈、客服工单的意见收集机制，"
            "每月形成产品改进清单，由研发、质量和营销部门共同评审、限期落实，已累计完成产品迭代二百余项。",
            "在标准建设方面，企业主导或参与制定国家标准、行业标准和团体标准多项，把自身工艺经验转化为行业公共规范，"
            "带动上下游配套企业同步提升质量水平。",
            "在绿色低碳方面，企业推广清洁能源和节能设备，单位产品综合能耗较三年前下降一成以上；包装全面减量，"
            "可回收材料使用比例逐年提高，以实际行动回应消费者对绿色消费的期待。",
            "在数字化方面，企业建成覆盖研发设计、生产制造、仓储物流和客户服务的信息系统，关键工序实现数据自动采集，"
            "产品质量问题可在两小时内追溯到批次、班组和原料来源。",
            "下一步，企业将继续加大研发投入，围绕新材料、新工艺、新场景开发更多满足多样化需求的优质产品，"
            "推动品牌由“区域知名”向“全国知名、国际有影响”迈进。",
            "在人才培养方面，企业建立首席技师、设计师双通道晋升制度，设立技艺传承工作室，每年选派骨干到高校和行业协会研修，"
            "形成老中青结合、传统技艺与现代设计融合的人才梯队。",
            "在产学研合作方面，企业与省内高校、科研院所共建研发平台，围绕关键材料和工艺开展联合攻关，近三年转化科技成果十余项，"
            "相关成果已应用于主力产品，有效提升了产品性能和一致性。",
        ]
    s["产品创新力"] = paragraphs(*inn)
    s["市场竞争力"] = (f"2023年{d['brand']}系列产品销售额{d['sales']}万元，线上渠道占比{d['online']}%，"
                     f"在国内同类产品中市场占有率位居前列，产品出口{d['export']}个国家和地区。")
    s["品牌影响力"] = (f"{d['brand']}先后获得{d['honor']}等荣誉，品牌社交媒体关注用户超过{d['fans']}万人，"
                     "消费者复购率和净推荐值持续提升。")
    s["文化赋能能力"] = (f"品牌深度挖掘{d['culture']}，将传统文化元素融入产品设计与包装，开发文化联名产品，"
                       "通过工厂开放日、非遗体验课等方式讲好品牌故事。")
    return s


def region_sections(d):
    return {
        "产业基础": paragraphs(
            f"{d['place']}是{d['product']}的重要产区，{d['history']}。2023年全域{d['product']}产业规模以上企业{d['firms']}家，"
            f"全产业链产值{d['output']}亿元，从业人员约{d['workers']}万人。",
            f"当地建有{d['platforms']}，形成了从原料、生产到流通的完整产业链。"),
        "品牌建设": paragraphs(
            f"{d['gov']}把“{d['brand']}”区域品牌建设列为县域经济发展的重点工作，出台区域品牌管理办法，"
            "统一品牌标识、质量标准和授权使用规则，对授权企业实行年度复核和退出机制。",
            f"近三年累计组织企业参加国内外展会{d['fairs']}场次，建设区域品牌数字化公共服务平台，为中小企业提供设计、检测、营销等服务。"),
        "代表性企业情况": d["reps_text"],
    }


# ---- records -----------------------------------------------------------------------------------------
def case(name, code, addr, founded, rep, contact, position, mobile, email, direction, case_name, joints, industry,
         applicant_type, fig, narr, long=False, nature="有限责任公司", section_file=None):
    r = {"申报类型": "典型案例", "申报主体类型": applicant_type, "单位名称": name, "统一社会信用代码": code,
         "注册地址": addr, "成立时间": founded, "法定代表人": rep, "企业性质": nature, "所属行业": industry,
         "联系人": contact, "职务": position, "手机": mobile, "邮箱": email, "申报方向": direction, "案例名称": case_name}
    for n, (jn, jc) in enumerate(joints, start=1):
        r[f"联合申报单位{n}名称"] = jn
        r[f"联合申报单位{n}信用代码"] = jc
    r.update(years(*fig))
    number = int(direction.split(".")[0]) if direction[0].isdigit() else next(k for k, v in D.items() if v == direction)
    narr = dict(narr, founded=founded, direction=D[number], rev2023=r["营业收入3（万元）"])
    r.update(case_sections(narr, long))
    if section_file:
        r[section_file[0]] = section_file[1]
    r.update(COMMON)
    return r


def brand(name, code, addr, founded, rep, contact, position, mobile, email, brand_name, dim, tm, tm_until, products,
          industry, fig, narr, long=False, nature="有限责任公司"):
    r = {"申报类型": "企业品牌", "单位名称": name, "统一社会信用代码": code, "注册地址": addr, "成立时间": founded,
         "法定代表人": rep, "企业性质": nature, "所属行业": industry, "联系人": contact, "职务": position, "手机": mobile,
         "邮箱": email, "品牌名称": brand_name, "推荐维度": dim, "商标注册号": tm, "商标有效期至": tm_until,
         "主要产品": products}
    r.update(years(*fig))
    # Brand sales are most of the 2023 revenue, never more.
    sales = num(float(r['营业收入3（万元）']) * 0.9)
    r.update(brand_sections(dict(narr, brand=brand_name, sales=sales), long))
    r.update(COMMON)
    return r


def region(name, code, addr, contact, position, mobile, email, brand_name, products, reps, fig, narr):
    r = {"申报类型": "区域品牌", "单位名称": name, "统一社会信用代码": code, "注册地址": addr, "企业性质": "机关",
         "所属行业": narr["industry"], "联系人": contact, "职务": position, "手机": mobile, "邮箱": email,
         "品牌名称": brand_name, "主要产品": products}
    for n, (rn, rc, rp) in enumerate(reps, start=1):
        r[f"代表性企业{n}名称"] = rn
        r[f"代表性企业{n}信用代码"] = rc
        r[f"代表性企业{n}主要产品"] = rp
    r.update(years(*fig))
    r.update(region_sections(dict(narr, gov=name, brand=brand_name)))
    r.update(COMMON)
    return r


def N(short, product, tech, system, industry_short, **kw):
    base = dict(short=short, product=product, tech=tech, system=system, industry_short=industry_short, reach=28, tags=300,
                machines=120, cycle_before=90, cycle_after=45, hit=12, stock=25, satisfaction=96, rev2023=0, growth=12,
                partners=30, patents=3, utility=12, soft=8)
    base.update(kw)
    return base


D = {n + 1: name for n, name in enumerate([
    "消费数据驱动产品设计创新", "智能仿真测款驱动新品孵化", "个性化定制驱动消费模式重塑", "面向精益管理的智能调度排产",
    "面向透明消费的质量追溯管理", "面向市场需求的敏捷供应链", "面向柔性化需求的智能产线", "数字全域营销助力优质品牌推广",
    "国潮新品助力品牌价值提升", "数字服务供给助力区域名品打造"])}

CASES = [
    case("福州榕鞋智造有限公司", "91350102MAMWC1L5R4", "福建省福州市鼓楼区湖东路168号", "2009-03-18", "林振华", "陈晓敏", "信息中心主任",
         "13905910001", "chenxm@example.com", D[1], "基于消费大数据的运动鞋楦型设计平台",
         [("福州云织数据科技有限公司", "91350104MAPKFGHRLX")], "皮革、毛皮、羽毛及其制品和制鞋业", "消费品企业",
         (41236.5, 1.12, 0.071, 0.043),
         N("榕鞋智造", "运动鞋和休闲鞋", "足型三维扫描与消费大数据分析", "千人千楦设计平台", "制鞋、服装", rev2023="51730.2", tags=1200),
         long=True),
    case("厦门鹭岛饮品科技有限公司", "91350203MAQA7877F1", "福建省厦门市思明区莲前西路2号", "2015-06-01", "黄志远", "郑雅琳", "研发总监",
         "13906920002", "zhengyl@example.com", "2", "茶饮新品口味仿真测款系统", [], "酒、饮料和精制茶制造业", "消费品企业",
         (18650.0, 1.21, 0.092, 0.051),
         N("鹭岛饮品", "新式茶饮原料和瓶装茶饮料", "口味数字孪生与小样本测款", "风味仿真测款系统", "饮料、食品", cycle_before=120, cycle_after=38,
           rev2023="27310.3")),
    case("泉州闽南织造股份有限公司", "91350503MA1F0M538H", "福建省泉州市丰泽区东海大街1017号", "2003-11-20", "蔡明德", "许丽娟", "副总经理",
         "13905950003", "xulj@example.com", D[3], "服装个性化定制柔性协同平台",
         [("厦门湖里云裁科技有限公司", "91350206MA12MB1N6W"), ("晋江衣链供应链管理有限公司", "91350582MA0N8Y302Q")],
         "纺织服装、服饰业", "消费品企业", (96420.8, 1.06, 0.058, 0.039),
         N("闽南织造", "男女正装和商务休闲服装", "三维量体与智能裁床", "一人一版定制平台", "服装、家纺", rev2023="108334.6", machines=460),
         nature="股份有限公司"),
    case("漳州芗江食品有限公司", "91350602MA4N93NWKW", "福建省漳州市芗城区金峰经济开发区", "1998-05-08", "杨国平", "苏文斌", "质量部经理",
         "13906960004", "suwb@example.com", D[5], "罐头食品“一罐一码”全链条质量追溯",
         [("厦门集美溯源信息技术有限公司", "91350211MANA28YLGK")], "农副食品加工业", "消费品企业",
         (35210.4, 1.08, 0.064, 0.045),
         N("芗江食品", "水果罐头和食用菌罐头", "产品标识码与区块链存证", "一罐一码追溯系统", "食品、农产品加工", rev2023="41069.1")),
    case("南平延平岩韵茶业有限公司", "91350702MAAN6768LG", "福建省南平市延平区滨江中路66号", "2011-09-09", "吴清泉", "邱美华", "运营经理",
         "13905990005", "qiumh@example.com", D[6], "以销定产的乌龙茶敏捷供应链", [], "酒、饮料和精制茶制造业", "消费品企业",
         (12870.6, 1.15, 0.11, 0.06),
         N("岩韵茶业", "乌龙茶和红茶", "需求预测与产销协同计划", "茶叶敏捷供应链平台", "茶叶、农产品", rev2023="17021.4")),
    case("龙岩汀江家居有限公司", "91350802MALH07L631", "福建省龙岩市新罗区龙腾南路20号", "2006-04-12", "赖建华", "钟丽萍", "总经理助理",
         "13905970006", "zhonglp@example.com", D[7], "全屋定制家具柔性智能产线", [], "家具制造业", "消费品企业",
         (56300.0, 1.09, 0.068, 0.041),
         N("汀江家居", "全屋定制家具", "工业互联网与智能排产", "柔性智能产线", "家具、建材", rev2023="66889.0", machines=380),
         long=True, section_file=("解决方案", "narratives/tingjiang-solution.txt")),
    case("厦门海丝优选网络科技有限公司", "91350205MAXMPGYBHU", "福建省厦门市海沧区海景东路18号", "2016-08-16", "高俊杰", "林诗涵", "市场总监",
         "13906920007", "linsh@example.com", "8.数字全域营销助力优质品牌推广", "闽货名品数字全域营销计划",
         [("福清融侨食品有限公司", "91350181MAQ4REUG9A"), ("莆田城厢鞋服有限公司", "91350302MA24DLCNEX"),
          ("南安石韵家居有限公司", "91350583MARMQ2KBUL")],
         "互联网和相关服务", "互联网平台企业", (23418.9, 1.32, 0.083, 0.05),
         N("海丝优选", "闽货优品电商和直播服务", "全域营销数据中台", "闽货名品全域营销平台", "食品、鞋服、家居", rev2023="40805.4",
           partners=260)),
    case("宁德闽东数字服务有限公司", "91350902MA72R737NU", "福建省宁德市蕉城区天湖东路9号", "2019-12-02", "郑海峰", "阮秀琴", "项目经理",
         "13905930008", "ruanxq@example.com", D[10], "闽东特色名品数字化公共服务平台", [], "软件和信息技术服务业", "互联网平台企业",
         (6420.3, 1.27, 0.095, 0.055),
         N("闽东数字", "区域品牌数字化服务", "云平台与供需对接", "区域名品公共服务平台", "水产、茶叶、食用菌", rev2023="10355.2",
           partners=420)),
]

BRANDS = [
    brand("福州三坊漆艺有限公司", "91350121MAP6M3M20H", "福建省福州市闽侯县上街镇乌龙江南大道8号", "1992-10-26", "王秉文", "王晓彤",
          "品牌部经理", "13905910011", "wangxt@example.com", "三坊漆艺", "历史经典", "10432876", "2031-06-27",
          "脱胎漆器,漆画,漆艺茶具", "文教、工美、体育和娱乐用品制造业", (8230.5, 1.07, 0.12, 0.06),
          dict(since="1992", motto="守艺求新", product="脱胎漆器", rd=4,
               craft="坚持天然大漆髹涂和脱胎古法，关键工序由国家级非遗传承人把关", designers=18, new=60, sales="9423.1",
               online=35, export=26, honor="中华老字号、福建省著名商标", fans=42, culture="福州脱胎漆器髹饰技艺"), long=True),
    brand("泉州刺桐酱园有限公司", "91350502MAAR5FW0BQ", "福建省泉州市鲤城区江南街道紫华路5号", "1986-01-15", "庄永福", "庄雅婷", "办公室主任",
          "13905950012", "zhuangyt@example.com", "刺桐老酱", "历史经典", "3365102", "2028-02-13", "酱油,酱菜,调味酱",
          "食品制造业", (21560.2, 1.05, 0.09, 0.07),
          dict(since="1986", motto="古法晒酿、日晒夜露", product="传统酿造酱油", rd=3,
               craft="保留大缸日晒工艺并建成恒温发酵车间，实现风味稳定", designers=8, new=12, sales="23769.0", online=28,
               export=12, honor="福建老字号、省级农业产业化龙头企业", fans=25, culture="闽南饮食文化")),
    brand("福州马尾海韵乐器有限公司", "91350105MAQATU7088", "福建省福州市马尾区快安大道28号", "2008-07-07", "陈立群", "黄晓燕", "销售部经理",
          "13905910013", "huangxy@example.com", "海韵", "时代优品", "18820456", "2029-12-20", "电钢琴,智能吉他,电子鼓",
          "文教、工美、体育和娱乐用品制造业", (33780.9, 1.11, 0.085, 0.05),
          dict(since="2008", motto="让每个家庭都有一件好乐器", product="数码乐器", rd=6,
               craft="自主研发钢琴音源采样和重锤键盘模组", designers=45, new=30, sales="41620.4", online=52, export=41,
               honor="福建省制造业单项冠军企业", fans=120, culture="闽都音乐文化")),
    brand("厦门翔安闽跑体育用品有限公司", "91350213MADETWXHFH", "福建省厦门市翔安区舫山南路1888号", "2012-05-20", "李文涛", "吴佳颖", "品牌总监",
          "13906920014", "wujy@example.com", "闽跑", "时代优品", "22651390", "2032-03-06", "跑步鞋,运动服,运动配件",
          "皮革、毛皮、羽毛及其制品和制鞋业", (68940.1, 1.14, 0.079, 0.046),
          dict(since="2012", motto="为中国跑者造好鞋", product="专业跑步鞋", rd=5,
               craft="采用超临界发泡中底和一体编织鞋面", designers=80, new=150, sales="89530.7", online=61, export=35,
               honor="国家级工业设计中心", fans=560, culture="马拉松运动文化"), long=True),
    brand("漳州龙海潮涌服饰有限公司", "91350681MAJND3QAD6", "福建省漳州市龙海区紫泥镇工业园", "2019-03-03", "洪嘉琪", "洪嘉琪", "总经理",
          "13906960015", "hongjq@example.com", "潮涌", "潮流新锐", "35112874", "2029-08-13", "国潮卫衣,联名T恤,潮流配饰",
          "纺织服装、服饰业", (5120.7, 1.45, 0.1, 0.05),
          dict(since="2019", motto="把闽南元素穿在身上", product="国潮服饰", rd=7,
               craft="以数码印花和小单快反实现七天上新", designers=26, new=300, sales="10789.3", online=88, export=6,
               honor="福建省“专精特新”中小企业", fans=380, culture="闽南红砖古厝和海洋文化")),
    brand("浦城清源香业有限公司", "91350722MAXCNJAR5G", "福建省南平市浦城县南浦街道工业路12号", "1999-09-28", "周德胜", "周敏", "行政主管",
          "13905990016", "zhoumin@example.com", "清源香", "历史经典", "4418263", "2027-05-20", "天然线香,香囊,香道器具",
          "文教、工美、体育和娱乐用品制造业", (4360.2, 1.09, 0.13, 0.06),
          dict(since="1999", motto="一炷清香、天然本真", product="天然植物香品", rd=4,
               craft="以楠木粉和天然香料手工制香，不添加化学助燃剂", designers=6, new=20, sales="5180.0", online=47, export=9,
               honor="省级非物质文化遗产生产性保护示范基地", fans=18, culture="闽北香事文化")),
    brand("武平梁野食品有限公司", "91350824MAG81BHP32", "福建省龙岩市武平县平川街道工业园区", "2010-02-14", "钟福林", "刘晓霞", "电商部经理",
          "13905970017", "liuxx@example.com", "梁野山", "时代优品", "12098734", "2030-10-27", "绿茶,百香果酱,笋干",
          "农副食品加工业", (9870.4, 1.13, 0.09, 0.04),
          dict(since="2010", motto="山野好物、生态好味", product="生态山珍食品", rd=3,
               craft="建立林下种植基地和全程冷链加工体系", designers=5, new=24, sales="12604.9", online=66, export=3,
               honor="全国农业产业化重点龙头企业", fans=33, culture="客家饮食文化")),
    brand("福州长乐芯动电器有限公司", "91350128MAEQMAGP5Q", "福建省福州市长乐区数字福建产业园5号楼", "2020-06-18", "林子豪", "郭欣怡", "产品经理",
          "13905910018", "guoxy@example.com", "芯动", "潮流新锐", "41207765", "2030-09-06", "智能小家电,便携咖啡机,无线吸尘器",
          "电气机械和器材制造业", (7650.0, 1.6, 0.07, 0.04),
          dict(since="2020", motto="小家电、大体验", product="智能小家电", rd=9,
               craft="自研无刷电机驱动和低噪风道", designers=40, new=45, sales="19584.0", online=92, export=15,
               honor="德国红点设计奖", fans=210, culture="年轻人的城市生活方式")),
    brand("建瓯建窑文化发展有限公司", "91350783MABGTN23HK", "福建省南平市建瓯市通济街道芝城路88号", "2013-11-11", "叶承宗", "叶佳", "文化总监",
          "13905990019", "yejia@example.com", "建窑坊", "历史经典", "13550921", "2033-01-27", "建盏,茶具套组,文创摆件",
          "非金属矿物制品业", (3980.6, 1.18, 0.15, 0.07),
          dict(since="2013", motto="一窑一盏、千年窑火", product="建盏", rd=5,
               craft="恢复龙窑柴烧工艺，系统整理兔毫、油滴等传统釉色配方", designers=12, new=40, sales="5543.3", online=58,
               export=11, honor="福建省非遗工坊", fans=66, culture="宋代建窑和斗茶文化"), long=True),
    brand("莆田秀屿木兰鞋业有限公司", "91350305MAH5HLRQ08", "福建省莆田市秀屿区笏石镇工业园区", "2005-08-08", "方国强", "方丽", "外贸部经理",
          "13905940020", "fangli@example.com", "木兰履", "时代优品", "8876512", "2028-11-13", "女士皮鞋,休闲鞋,童鞋",
          "皮革、毛皮、羽毛及其制品和制鞋业", (27630.3, 1.07, 0.06, 0.04),
          dict(since="2005", motto="舒适每一步", product="女士皮鞋", rd=4,
               craft="建立中国女性足型数据库并据此开发楦型", designers=30, new=200, sales="31640.1", online=44, export=30,
               honor="福建省名牌产品", fans=75, culture="妈祖文化和木兰溪文化")),
]

REGIONS = [
    region("德化县人民政府", "11350526003591578W", "福建省泉州市德化县龙浔镇浔中路1号", "颜志鹏", "县工信局副局长", "13905950021",
           "yanzp@example.com", "德化白瓷", "白瓷工艺品,日用陶瓷,茶具",
           [("德化瓷都陶瓷有限公司", "91350526MAN2AYNJWQ", "白瓷工艺品"),
            ("厦门德瓷文化创意有限公司", "91350203MA3PXQKRAM", "陶瓷文创产品"),
            ("福州仓山瓷韵电子商务有限公司", "91350104MAYC3YMT82", "日用陶瓷电商")],
           (3120000.0, 1.08, 0.09, 0.04),
           dict(place="德化县", product="陶瓷", industry="非金属矿物制品业", history="制瓷历史逾千年，“中国白”享誉海内外",
                firms=420, output=460, workers=10, platforms="国家级陶瓷检测中心、陶瓷产业研究院和跨境电商产业园", fairs=36,
                reps_text="德化瓷都陶瓷有限公司是县内白瓷工艺品骨干企业；厦门德瓷文化创意有限公司专注陶瓷文创设计；"
                          "福州仓山瓷韵电子商务有限公司是德化日用陶瓷线上销售的主要渠道商。")),
    region("福鼎市人民政府", "11350982004128863D", "福建省宁德市福鼎市桐山街道古城北路2号", "施晓东", "市农业农村局局长", "13905930022",
           "shixd@example.com", "福鼎白茶", "白毫银针,白牡丹,寿眉",
           [("福鼎太姥茶业有限公司", "91350982MAP838L0W3", "白毫银针,白牡丹"),
            ("厦门湖里茗川茶叶贸易有限公司", "91350206MAHB0BL1QJ", "白茶销售与出口")],
           (1650000.0, 1.1, 0.12, 0.05),
           dict(place="福鼎市", product="白茶", industry="酒、饮料和精制茶制造业", history="是白茶的发源地之一，制茶技艺代代相传",
                firms=95, output=150, workers=38, platforms="白茶交易中心、茶叶质量检测中心和白茶文化博物馆", fairs=28,
                reps_text="福鼎太姥茶业有限公司拥有有机茶园一万余亩；厦门湖里茗川茶叶贸易有限公司承担福鼎白茶出口业务的主要份额。")),
]

RECORDS = CASES + BRANDS + REGIONS


# ---- writers -----------------------------------------------------------------------------------------
def write_csv(path):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\ufeff")  # Excel's "CSV UTF-8" marks the encoding with a BOM
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(CSV_HEAD)
        for r in RECORDS:
            w.writerow([r.get(h, "") for h in CSV_HEAD])


def col_letter(i):
    s = ""
    i += 1
    while i:
        i, rem = divmod(i - 1, 26)
        s = chr(65 + rem) + s
    return s


def serial(iso):
    d = datetime.date.fromisoformat(iso)
    return (d - datetime.date(1899, 12, 30)).days  # valid after 1900-02-28, as all our dates are


class SharedStrings:
    def __init__(self):
        self.items, self.index = [], {}

    def add(self, xml_inner):
        if xml_inner not in self.index:
            self.index[xml_inner] = len(self.items)
            self.items.append(xml_inner)
        return self.index[xml_inner]


def t(text):
    # Excel adds xml:space="preserve" only where edge spaces must survive; the ECMA-376 schema itself
    # does not declare the attribute on <t>, so leave it out when it is not needed.
    if text != text.strip():
        return f'<t xml:space="preserve">{escape(text)}</t>'
    return f'<t>{escape(text)}</t>'


def sheet_xml(head, rows, sst, rich_brands):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           f'<dimension ref="A1:{col_letter(len(head) - 1)}{len(rows) + 1}"/><sheetData>']
    all_rows = [None] + rows
    for rn, rec in enumerate(all_rows, start=1):
        out.append(f'<row r="{rn}">')
        for ci, h in enumerate(head):
            ref = f"{col_letter(ci)}{rn}"
            if rec is None:
                out.append(f'<c r="{ref}" t="s"><v>{sst.add(t(h))}</v></c>')
                continue
            v = rec.get(h, "")
            if v == "":
                continue
            if h in DATE_COLUMNS:
                style = 2 if h == "填报日期" else 1
                out.append(f'<c r="{ref}" s="{style}"><v>{serial(v)}</v></c>')
            elif h in NUMBER_COLUMNS or (h == "申报方向" and v.isdigit()):
                out.append(f'<c r="{ref}"><v>{v}</v></c>')
            elif h in INLINE_COLUMNS:
                out.append(f'<c r="{ref}" t="inlineStr"><is>{t(v)}</is></c>')
            elif h == "品牌名称" and v in rich_brands:
                # Rich text: the first character bold, the rest plain, as a clerk's emphasis would be saved.
                inner = f'<r><rPr><b/><sz val="11"/></rPr>{t(v[0])}</r><r><rPr><sz val="11"/></rPr>{t(v[1:])}</r>'
                out.append(f'<c r="{ref}" t="s"><v>{sst.add(inner)}</v></c>')
            else:
                out.append(f'<c r="{ref}" t="s"><v>{sst.add(t(v))}</v></c>')
        out.append('</row>')
    out.append('</sheetData></worksheet>')
    return "".join(out)


def write_xlsx(path):
    sst = SharedStrings()
    rich = {"三坊漆艺", "海韵", "闽跑"}
    sheets = [("典型案例", sheet_xml(SHEET_CASE, CASES, sst, rich), ""),
              ("消费名品", sheet_xml(SHEET_BRAND, BRANDS + REGIONS, sst, rich), ""),
              ("选项", sheet_xml(["推荐维度"], [{"推荐维度": d} for d in ("历史经典", "时代优品", "潮流新锐")], sst, set()),
               ' state="hidden"')]
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rns = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    files = {}
    files["[Content_Types].xml"] = decl + (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
                  'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                  for i in range(1, len(sheets) + 1)) +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '</Types>')
    files["_rels/.rels"] = decl + (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    files["xl/workbook.xml"] = decl + (
        f'<workbook {ns} {rns}><workbookPr/><sheets>' +
        "".join(f'<sheet name="{name}" sheetId="{i}"{state} r:id="rId{i}"/>'
                for i, (name, _, state) in enumerate(sheets, start=1)) +
        '</sheets></workbook>')
    files["xl/_rels/workbook.xml.rels"] = decl + (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        "".join(f'<Relationship Id="rId{i}" Type="{rel}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                for i in range(1, len(sheets) + 1)) +
        f'<Relationship Id="rId{len(sheets) + 1}" Type="{rel}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId{len(sheets) + 2}" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
        '</Relationships>')
    files["xl/styles.xml"] = decl + (
        f'<styleSheet {ns}>'
        '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>'
        '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
        '</styleSheet>')
    for i, (_, xml, _) in enumerate(sheets, start=1):
        files[f"xl/worksheets/sheet{i}.xml"] = xml
    files["xl/sharedStrings.xml"] = decl + (
        f'<sst {ns} count="{len(sst.items)}" uniqueCount="{len(sst.items)}">' +
        "".join(f"<si>{inner}</si>" for inner in sst.items) + '</sst>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 11, 5, 0, 0, 0))  # fixed: reproducible bytes
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))
    with open(path, "wb") as f:
        f.write(buf.getvalue())


# ---- broken.csv: one rule broken per row (README.md lists them by line) ---------------------------------
def find(records, name):
    return next(r for r in records if r["单位名称"] == name)


def one_line(r):
    """A copy with short single-line narratives, so that CSV line numbers equal row numbers."""
    out = {k: v for k, v in r.items() if k not in SEC_CASE + SEC_BRAND}
    for sec in SEC_CASE if r["申报类型"] == "典型案例" else SEC_BRAND[:4] if r["申报类型"] == "企业品牌" else SEC_BRAND[4:]:
        out[sec] = f"{r['单位名称']}{sec}简述。"
    return out


def broken_rows():
    c = lambda name, **kw: dict(one_line(find(CASES, name)), **kw)
    b = lambda name, **kw: dict(one_line(find(BRANDS + REGIONS, name)), **kw)
    rows = []
    # rule 1: check character, alphabet, length
    rows.append(c("厦门鹭岛饮品科技有限公司", 统一社会信用代码="91350203MAQA7877F2"))
    rows.append(c("福州榕鞋智造有限公司", 联合申报单位1信用代码="91350104MAPKFGHRLI"))
    rows.append(c("漳州芗江食品有限公司", 统一社会信用代码="91350602MA4N93NWK"))
    # rule 2: a government as an enterprise brand; a chamber as a regional brand; a public institution's case
    rows.append(b("泉州刺桐酱园有限公司", 单位名称="南安市人民政府", 统一社会信用代码="11350583000537726Q", 企业性质="机关",
                  品牌名称="南安石材"))
    rows.append(b("德化县人民政府", 单位名称="晋江市鞋业商会", 统一社会信用代码="91350524MADP5G887K"))
    rows.append(c("宁德闽东数字服务有限公司", 单位名称="长泰数字服务中心", 统一社会信用代码="12350625MB01372546",
                  企业性质="事业单位"))
    # rule 3: the same applicant in two directions
    rows.append(c("南平延平岩韵茶业有限公司"))
    rows.append(c("南平延平岩韵茶业有限公司", 申报方向="消费数据驱动产品设计创新", 案例名称="茶叶消费大数据选品"))
    # rule 4: four joint applicants; four representative enterprises
    rows.append(c("厦门海丝优选网络科技有限公司", 联合申报单位4名称="长泰智联物流有限公司", 联合申报单位4信用代码="91350625MAR3XDAY61"))
    rows.append(b("德化县人民政府", 代表性企业4名称="安溪德瓷包装有限公司", 代表性企业4信用代码="91350524MADP5G887K",
                  代表性企业4主要产品="陶瓷包装"))
    # rule 5: a dimension and a direction outside the lists
    rows.append(b("厦门翔安闽跑体育用品有限公司", 推荐维度="百年老店"))
    rows.append(c("宁德闽东数字服务有限公司", 申报方向="11"))
    # rule 6: two years only; the wrong three years; a figure that is not a number
    r = b("泉州刺桐酱园有限公司")
    for k in ("年度3", "营业收入3（万元）", "利润总额3（万元）", "纳税额3（万元）"):
        r[k] = ""
    rows.append(r)
    rows.append(b("浦城清源香业有限公司", 年度1="2020", 年度2="2021", 年度3="2022"))
    rows.append(b("武平梁野食品有限公司", **{"营业收入2（万元）": "约9000"}))
    # rule 7: the trademark expired before the 填报日期
    rows.append(b("莆田秀屿木兰鞋业有限公司", 商标有效期至="2024-06-30"))
    # rule 8: four 典型案例 from a province whose (placeholder) quota is three
    for name in ("泉州闽南织造股份有限公司", "龙岩汀江家居有限公司", "漳州芗江食品有限公司", "厦门鹭岛饮品科技有限公司"):
        rows.append(c(name, 省份="西藏自治区", 推荐单位="西藏自治区经济和信息化厅", 推荐函文号="藏经信函〔2024〕36号"))
    # rule 9 (warning): a 消费名品 list dated after 12月10日
    rows.append(b("福州长乐芯动电器有限公司", 填报日期="2024-12-15"))
    return rows


def write_broken(path):
    head = CSV_HEAD[:]
    head[head.index("联合申报单位3信用代码") + 1:head.index("联合申报单位3信用代码") + 1] = ["联合申报单位4名称", "联合申报单位4信用代码"]
    at = head.index("代表性企业3主要产品") + 1
    head[at:at] = ["代表性企业4名称", "代表性企业4信用代码", "代表性企业4主要产品"]
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(head)
        for r in broken_rows():
            w.writerow([r.get(h, "") for h in head])


# ---- applicant.json: one 企业品牌 in the JSON shape of generator/forms/read.h ----------------------------
def to_json_shape(r):
    """Column headers -> field ids through templates/forms/columns.json; groups become arrays."""
    import json
    import re
    with open(os.path.join(HERE, "..", "..", "templates", "forms", "columns.json"), encoding="utf-8") as f:
        columns = json.load(f)["columns"]
    out, groups = {}, {}
    for header, value in r.items():
        if value == "":
            continue
        for pattern, fid in columns.items():
            m = re.fullmatch(re.escape(pattern).replace(re.escape("{n}"), "([0-9]+)"), header)
            if not m:
                continue
            if m.groups():
                group, member = fid.replace("{n}", "").split(".")
                name = {"joint": "joint", "representative": "representatives", "year": "years"}[group]
                groups.setdefault(name, {}).setdefault(int(m.group(1)), {})[member] = value
            elif fid.startswith("section."):
                out.setdefault("sections", {})[fid[len("section."):]] = value
            else:
                out[fid] = value
            break
    for name, items in groups.items():
        out[name] = [items[k] for k in sorted(items)]
    return out


def write_json(path, record):
    import json
    with open(path, "w", encoding="utf-8") as f:
        json.dump(to_json_shape(record), f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    write_json(os.path.join(HERE, "applicant.json"), BRANDS[0])
    write_broken(os.path.join(HERE, "broken.csv"))
    write_csv(os.path.join(HERE, "province.csv"))
    write_xlsx(os.path.join(HERE, "province.xlsx"))
    print(f"wrote {len(CASES)} 典型案例, {len(BRANDS)} 企业品牌, {len(REGIONS)} 区域品牌")
