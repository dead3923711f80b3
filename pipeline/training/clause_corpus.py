"""Labelled clauses for the clause classifier: TRADE_SECRET, INTERNAL, STATE_SECRET, NONE.

Written for this project: fragments of the sentences 公文 drafts really contain (投标文件
reviews, 批复 of enterprise projects, 会议纪要, 考核 reports, 储备 plans …) filled from
seeded fakes, and near misses that must stay NONE (industry statistics, published bid
results, fines, confidentiality instructions, public reserve policy). Sentences are
composed from fragments ("facts"); evaluation holds out whole facts so the figures say
how the model does on phrasing it has not seen. Published news sentences (People's Daily, in
../shared/data) add NONE examples at training time.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from pipeline.training.clause_corpus_more import FACTS_MORE, LEADS_MORE
from pipeline.training.clause_corpus_third import FACTS_THIRD, LEADS_THIRD
from pipeline.training.fake import Fake

LABELS = ("NONE", "TRADE_SECRET", "INTERNAL", "STATE_SECRET")

# Facts: clause fragments of one label. A generated sentence joins one to three facts of
# the same label after an optional lead, so the model learns the fragments, not whole
# template strings. Every fifth fact is held out for evaluation (see held_out_fact).
LEADS: dict[str, tuple[str, ...]] = {
    "TRADE_SECRET": (
        "{C}",
        "该公司",
        "投标人",
        "申请企业",
        "{C}投标文件载明",
        "根据企业提供的资料，",
        "经核查，{C}",
        "",
    ),
    "INTERNAL": (
        "会议讨论时，",
        "会上，",
        "经研究，",
        "初步意见：",
        "考核情况：",
        "",
        "据了解，",
        "{P}同志",
    ),
    "STATE_SECRET": ("截至{DATE}，", "目前，", "经统计，", "根据储备计划，", "", "按照应急预案，"),
    "NONE": (
        "",
        "同时，",
        "此外，",
        "{G}",
        "各地要",
        "根据《{TITLE}》，",
        "{Y}年，",
        "全市",
        "一季度，",
    ),
}
FACTS: dict[str, tuple[str, ...]] = {
    "TRADE_SECRET": (
        "投标报价{M}元",
        "{MAT}按每吨{N}元计取",
        "综合管理费率为{PCT}",
        "利润率按{PCT}计取",
        "{Y}年实现营业收入{W}万元",
        "净利润{W}万元",
        "研发投入占营业收入比重为{PCT}",
        "{PROD}产品主要供应{C2}、{C3}两家客户",
        "对上述客户销售额占比达{PCT}",
        "主反应采用{CHEM}与{CHEM2}按摩尔比{R}:1预聚",
        "反应温度控制在{T}±2℃",
        "{CHEM}加入量为固含量的{PCT}",
        "预制棒沉积速率由每分钟{D}克提升至{D}克",
        "单位成本预计下降{PCT}",
        "{PROD}单位生产成本为{N}元/吨",
        "毛利率为{PCT}",
        "与{C2}约定的采购价格为每吨{N}元",
        "关键工艺参数为压力{D}兆帕、保温{N}分钟",
        "结构胶配方固化时间{N}小时",
        "资产负债率{PCT}，银行授信额度{W}万元",
        "拟采用自有{PROD}专有技术",
        "主要客户名单及供货价格详见附件",
        "年产能{N}吨、开工率{PCT}",
        "员工薪酬总额{W}万元",
        "设备采购合同单价为{W}万元",
        "成本构成中原材料占{PCT}",
        "碳纤维布单层厚度{D}mm",
        "报价明细中人工费{W}万元、材料费{W}万元",
        "近三年销售收入分别为{W}万元、{W}万元",
        "核心技术尚未申请专利",
        "核心工艺采用{PROD}低温催化法，催化剂投加比为1:{K}0",
        "转化率达到{PCT}，良品率{PCT}",
        "销售毛利约为百分之{K}十",
        "前五大客户合计采购占比{PCT}",
        "原料采购自{C2}，到厂价每吨{N}元",
        "产品出厂价格为每件{N}元，经销商返利{PCT}",
        "生产线设计参数为转速{N}转/分钟",
        "企业尚未公开的扩产计划拟投入{W}万元",
        "{Y}年上半年亏损{W}万元，现金流紧张",
        "独家代理协议约定的结算价格为{W}万元",
        "技术秘密包括{CHEM}提纯工序的温度和时间控制",
        "该企业的融资方案拟以{PROD}生产线抵押贷款{W}万元",
    ),
    "INTERNAL": (
        "有意见认为{ISSUE}",
        "{G}对此存在不同意见",
        "会上未形成一致意见",
        "最终未予采纳",
        "由{P}副区长另行召集协调",
        "要求两家单位会后进一步沟通",
        "{G}对{ISSUE2}存有顾虑",
        "相关数据待{G}确认",
        "补偿标准拟按每亩{N}元掌握，待区政府常务会议研究确定",
        "资金缺口约{W}万元，尚未最终确定",
        "该同志民主测评优秀票率仅为{PCTI}",
        "考核委员会意见为不宜评定为优秀",
        "经两次诫勉谈话后仍未明显改进",
        "全年无正当理由旷工累计{K}天",
        "局党组研究拟定为基本称职等次",
        "本稿为内部讨论稿",
        "请勿对外公开、转发或引用",
        "仅供领导参阅",
        "建议暂缓上报，待意见统一后再议",
        "{G}与{G2}口径尚未统一",
        "{G2}持保留意见",
        "处罚额度初步按{W}万元掌握，待法制审核后再定",
        "部分委员意见分歧较大",
        "群众投诉{K}件，工作作风有待改进",
        "拟暂不对外公布",
        "有同志提出{ISSUE}，需进一步论证",
        "相关指标尚未与{G}会商一致",
        "分管领导批示请{G}研究提出意见后再报",
        "有的同志建议暂缓实施，分管领导表示再研究",
        "暂不作结论，待下次会议继续讨论",
        "个别同志对方案提出异议",
        "请示事项尚未报经领导同意",
        "拟提请常务会议审议，方案尚未定稿",
        "内部掌握，不对外发布",
        "该项工作进展缓慢，主要负责同志履职不力",
        "征求意见过程中{G}提出了反对意见",
        "此为讨论稿，数据仅供参考",
        "测算结果尚需与{G2}进一步核对",
        "对{ISSUE2}，领导班子成员看法不一",
        "建议对该同志进行提醒谈话",
        "考察中发现该同志大局意识不够强，个别群众反映其作风霸道",
        "民主推荐中该同志得票位列第{K}，群众基础一般",
        "谈话中有{K}名同志认为其开拓创新精神不足",
        "年度测评中称职票占{PCTI}，不称职票{K}票",
        "班子成员对其任职人选尚有不同看法，建议暂缓提交常委会",
        "该同志性格较为急躁，抓落实的韧劲有待加强",
        "组织部门初步酝酿由{P}同志接任，尚未征求纪检监察机关意见",
        "拟调整人选名单尚未经党组会议研究",
    ),
    "STATE_SECRET": (
        "市级储备粮实际库存小麦{D}万吨、稻谷{D}万吨",
        "存放于{PLACE}直属库的稻谷{D}万吨为应急动用首选批次",
        "动态库存不得低于储备规模的{PCT}，即不得低于{D}万吨",
        "{PLACE}应急物资储备库现存{GOODS}{N}万件",
        "{PLACE}雷达站位于东经{LON}、北纬{LAT}",
        "部队驻地位于{PLACE}，营区驻训人员{N}人",
        "军事管理区边界坐标为东经{LON}、北纬{LAT}",
        "{EXAM}考试试卷及标准答案存放于{PLACE}保密室",
        "{PLACE}库点储备成品油{D}万吨",
        "战备物资储备点设于{PLACE}，储存{GOODS}{N}吨",
        "阵地位于{PLACE}以北{D}公里处",
        "储备肉实际库存{N}吨，分别存放于{PLACE}、{PLACE2}两个库点",
        "储备天然气{D}万立方米，存放于{PLACE}储气库",
        "{PLACE}直属库的{GOODS}{D}万吨为首批动用批次",
        "军事设施周边{N}米范围禁止建设，坐标为北纬{LAT}",
        "全县救灾储备{GOODS}{N}件，集中存放于{PLACE}仓库",
        "储备物资的具体存放地点为{PLACE}{K}号库",
        "市级储备食用油{N}吨，承储企业库点位于{PLACE}",
        "应急动用时由{PLACE}库点首批调出{GOODS}{N}吨",
        "{EXAM}考试命题专家名单及试题已封存",
        "战时征用的{GOODS}储备数量为{N}吨",
        "某雷达阵地距{PLACE}约{D}公里",
        "{EXAM}考试A卷共{K}0箱，已于{DATE}送印并封存于{PLACE}教育局",
        "面试题本{K}套由{P}负责，于开考前{K}小时启封",
        "本次笔试参考答案及评分细则共{K}份，尚未启用",
        "{PLACE}镇征集新兵{K}0名，其中大学生{K}名",
        "新兵于{DATE}在县人武部集结，乘专列经{PLACE}输送至部队",
        "今年下半年我县兵员征集数为{N}人，分配至{K}个战区",
        "人防指挥所建于{PLACE}地下{K}层，设有备用出口{K}处",
        "全市掩蔽工程共{N}处，主要分布在{PLACE}和{PLACE2}",
        "救灾帐篷{N}顶、棉被{N}床集中存放于{PLACE}仓库",
        "应急调运时经{PLACE}转运至各安置点，运距约{D}公里",
        "驻训部队{N}人于{DATE}进驻{PLACE}靶场",
    ),
    "NONE": (
        "{C}中标，中标金额{M}元，服务期限{K}年",
        "全市规模以上工业企业实现营业收入同比增长{PCT}",
        "证券公司全年实现营业收入{W}亿元，行业平均利润率{PCT}",
        "企业应当依法保护商业秘密，不得擅自向第三方提供客户名单",
        "对{C}处以罚款{W}万元，没收违法所得{W}万元",
        "储备粮轮换工作按照有关规定执行",
        "会议审议并原则通过了《{TITLE}》",
        "考核结果将在单位内部公示{K}个工作日",
        "严格遵守保密纪律，不得通过互联网传递涉密信息",
        "对研发费用按{PCT}给予补助",
        "加强应急物资储备体系建设，提升应急保障能力",
        "{G}负责组织实施本办法，{G2}配合做好相关工作",
        "现将《{TITLE}》印发给你们，请认真贯彻执行",
        "申请人可在收到本决定书之日起六十日内申请行政复议",
        "本通知自印发之日起施行，有效期{K}年",
        "对符合条件的技术改造项目给予不超过{W}万元奖励",
        "{Y}年全市粮食总产量{D}万吨，同比增长{PCT}",
        "项目总投资{W}万元，建设内容包括{PROD}生产线及配套设施",
        "联系人：{P}，联系电话：{TEL}",
        "要统一思想、提高认识，确保各项工作落到实处",
        "{C}成立于{Y}年，主要从事{PROD}的生产和销售",
        "本次招标共有{K}家单位参与投标，经评审确定中标候选人",
        "政府信息公开申请应当包括申请人的姓名或者名称、联系方式",
        "考试成绩将于{DATE}在官方网站公布",
        "营区周边道路改造工程已完成",
        "对存在不同意见的事项，应当充分听取各方意见后依法作出决定",
        "全市共有储备库{K}个，总仓容{D}万吨，均已完成智能化改造",
        "支持企业引进专有技术和核心技术，提升自主创新能力",
        "当事人对处罚决定无异议",
        "本机关依法作出如下答复",
        "按照每吨{N}元的标准发放耕地地力保护补贴",
        "各县（市、区）要于{DATE}前报送工作进展情况",
        "会议听取了{G}关于{TITLE}起草情况的汇报",
        "{Y}年度考核优秀等次比例不超过{PCTI}",
        "同比增长{PCT}，增速比上年同期回落{D}个百分点",
        "分别为{PCT}、{PCT}和{PCT}",
        "贷款余额{W}亿元，比年初增加{W}亿元",
        "占全部贷款的比重为{PCT}",
        "票面利率为{PCT}，期限{K}年",
        "{Y}年末全市城镇居民人均可支配收入{N}元",
        "完成率达{PCT}",
        "较上月下降{PCT}、{PCT}",
        "全省{PROD}产量{D}万吨，占全国的{PCT}",
        "上市公司全年净利润合计{W}亿元",
        "{C}{PROD}扩能改造项目，拟支持资金{W}万元",
        "取水地点：{PLACE}河左岸（东经{LON}、北纬{LAT}）",
        "项目位于{PLACE}，中心坐标为东经{LON}、北纬{LAT}",
        "入河排污口设置在{PLACE}，坐标东经{LON}",
        "{C}获评省级专精特新企业，奖励资金{W}万元",
        "{C}申报的{PROD}项目通过专家评审，总投资{W}万元",
        "取水用途为农业灌溉，年取水量{N}万立方米",
        "命题、审题人员严禁泄露试题，违者依法追究责任",
        "考试结束后将在网站公布参考答案",
        "笔试题型包括单项选择题和判断题",
        "年满18至22周岁的男性青年均可报名应征",
        "依法服兵役是公民的光荣义务",
        "人防工程易地建设费按每平方米{N}元收取",
        "经民主推荐、组织考察，现将拟任职人选公示如下",
        "加强救灾物资储备库建设，{Y}年底前建成县级储备库{K}个",
        "全市共有储备库{K}个，总仓容{D}万吨",
        "防空警报试鸣时间为{DATE}上午10时",
    ),
}

# Other offices' wording (issue 19/20), kept in modules of their own.
LEADS = {label: LEADS[label] + LEADS_MORE[label] + LEADS_THIRD[label] for label in LABELS}
FACTS = {label: FACTS[label] + FACTS_MORE[label] + FACTS_THIRD[label] for label in LABELS}


def held_out_fact(index: int) -> bool:
    """Every fifth fact of each label is kept out of training for evaluation."""
    return index % 5 == 4


Clause = tuple[str, str]  # (text, label)


def generated(count: int, seed: int = 11, held_out: bool = False) -> list[Clause]:
    """``count`` sentences per label, built from the training (or the held-out) facts."""
    fake = Fake(seed)
    rng = fake.rng
    fill = _filler(fake)
    out: list[Clause] = []
    for label in LABELS:
        facts = [f for i, f in enumerate(FACTS[label]) if held_out_fact(i) == held_out]
        for _ in range(count):
            chosen = rng.sample(facts, k=min(len(facts), rng.choice((1, 1, 2, 2, 3))))
            sentence = rng.choice(LEADS[label]) + rng.choice(("，", "，", "、")).join(chosen)
            out.append((_noisy(fill(sentence), fake), label))
    return out


def _filler(fake: Fake) -> Callable[[str], str]:
    rng = fake.rng
    choice = rng.choice
    values: dict[str, Callable[[], str]] = {
        "C": fake.company,
        "C2": fake.company,
        "C3": fake.company,
        "G": fake.agency,
        "G2": fake.agency,
        "P": fake.person,
        "P2": fake.person,
        "N": lambda: str(rng.randint(2, 9800)),
        "K": lambda: str(rng.randint(2, 9)),
        "M": lambda: f"{rng.randint(100000, 9900000):,}.{rng.randint(0, 99):02d}",
        "W": lambda: f"{rng.randint(10, 99000) / 10:g}",
        "D": lambda: f"{rng.randint(5, 999) / 100:.2f}",
        "R": lambda: f"{rng.randint(101, 299) / 100:.2f}",
        "T": lambda: str(rng.randint(40, 320)),
        "PCT": lambda: f"{rng.randint(5, 950) / 10:g}%",
        "PCTI": lambda: f"{rng.randint(20, 60)}%",
        "LON": lambda: f"{rng.randint(73, 134)}°{rng.randint(0, 59)}′",
        "LAT": lambda: f"{rng.randint(18, 53)}°{rng.randint(0, 59)}′",
        "Y": lambda: str(rng.randint(2019, 2026)),
        "DATE": lambda: f"{fake.day():%Y年%-m月%-d日}",
        "TEL": lambda: f"0{rng.randint(10, 999)}-{rng.randint(2000000, 89999999)}",
        "MAT": lambda: choice(("钢筋主材", "水泥", "沥青", "铜材", "电缆")),
        "PROD": lambda: choice(
            (
                "电子级磷酸",
                "光纤预制棒",
                "聚氨酯胶",
                "锂电隔膜",
                "碳纤维布",
                "生物农药",
                "特种陶瓷",
                "汽车线束",
                "饲料添加剂",
                "光伏组件",
                "医用导管",
                "不锈钢管",
            )
        ),
        "CHEM": lambda: choice(
            ("异佛尔酮二异氰酸酯", "聚碳酸酯二元醇", "二羟甲基丙酸", "硅烷偶联剂")
        ),
        "CHEM2": lambda: choice(("聚醚多元醇", "乙二醇", "环氧树脂", "丙烯酸")),
        "ISSUE2": lambda: choice(("收费定价", "资金分配方案", "项目选址", "补偿标准")),
        "ISSUE": lambda: choice(
            (
                "该地块规划用途调整应优先保障教育用地",
                "收费定价方案不够成熟",
                "特许经营模式的风险较大",
                "专项资金分配方案应向山区倾斜",
                "项目选址存在较大争议",
                "安置补偿标准偏高",
            )
        ),
        "FUND": lambda: choice(("福彩公益金", "预备费", "专项债券资金", "上级转移支付")),
        "PLACE": lambda: fake.region()[2] + choice(("鸦鹊岭", "石门坎", "黄土坡", "青龙湾")),
        "PLACE2": lambda: fake.region()[2] + choice(("东风", "红星", "桥头")),
        "GOODS": lambda: choice(("帐篷", "棉被", "救生衣", "药品", "成品油", "冻猪肉")),
        "EXAM": lambda: choice(("公务员录用", "中考", "事业单位招聘", "职称")),
        "TITLE": lambda: choice(
            ("市级储备粮管理办法", "安全生产专项整治方案", "政府信息公开工作制度")
        ),
    }

    def fill(template: str) -> str:
        return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)](), template)

    return fill


FULL_WIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")


def _noisy(text: str, fake: Fake) -> str:
    """Drafting noise: full-width digits, a closing 。, a leading list number."""
    rng = fake.rng
    if rng.random() < 0.15:
        text = text.translate(FULL_WIDTH)
    if rng.random() < 0.5:
        text += "。"
    if rng.random() < 0.15:
        text = rng.choice(("一是", "（一）", "其中，", "另外，", "同时，")) + text
    return text


def public_sentences(data: Path, limit: int = 4000) -> list[Clause]:
    """Sentences of People's Daily news (the NER corpus in ../shared/data): NONE.

    Published news, so none is a secret; the gov.cn and PBC texts are kept for measuring
    false alarms (tests/detect/test_public_texts.py) and are not trained on."""
    from pipeline.training.ner_corpus import read_bmes

    path = data / "peoples_daily_ner" / "example.dev"
    out: list[Clause] = []
    for text, _spans in read_bmes(path, {}):
        if 12 <= len(text) <= 160:
            out.append((text, "NONE"))
            if len(out) >= limit:
                break
    return out
