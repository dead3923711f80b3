"""Generated 公文 drafts with their disclosure attribute: the attribute model's training data.

Written for this project from the 条例 and from how 公文 are drafted (GB/T 9704 layout:
发文机关, 发文字号, 标题, 主送, 正文, 署名, 成文日期, 附注). Each builder writes one kind of
document the way agencies draft it, with private and official persons, trade secrets,
markings, process information and drafting noise, and returns the attribute the 条例
gives it:

| builder | attribute |
|---|---|
| policy 通知/通告, 印发办法, 统计公报, 任免通知, 应急预案, 环评批复 | 主动公开 |
| 拟录用/补贴/征收 公示 with names only | 主动公开 |
| the same lists with IDs, phones, cards; penalty on a company; bid results with losers' prices | 部分公开 |
| 答复书, 许可决定书 to one party, penalty on an individual, 工伤认定 | 依申请公开 |
| 请示, 会议纪要 with dissent, 考核报告, 讨论稿 征求意见函, 内部资料 专报 | 不予公开 (第十六条) |
| 密级 marked documents, unmarked 储备/军事 content | 不予公开 (第十四条) |

The devset in ../shared is never used here: it is the measure.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.training.clause_corpus import FACTS, _filler
from pipeline.training.fake import Fake

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@dataclass(frozen=True)
class Draft:
    text: str
    attribute: str
    kind: str


Builder = Callable[[Fake], tuple[str, str]]  # (text, attribute)

POLICY_TOPICS = (
    ("做好{Y}年春季森林防灭火工作", "各乡镇要落实森林防灭火责任制，加强巡山护林和火源管控。"),
    ("进一步加强城市内涝防治工作", "各有关部门要加快排水管网改造，汛前完成易涝点隐患排查。"),
    ("开展{Y}年度安全生产大检查", "各单位要全面排查重大事故隐患，建立隐患整改台账。"),
    ("做好{Y}年耕地地力保护补贴发放工作", "补贴资金通过“一卡通”直接发放到农户账户。"),
    ("推进城乡生活垃圾分类工作", "到{Y}年底，城区生活垃圾分类覆盖率达到百分之九十以上。"),
    ("加强农村饮用水安全保障", "各县（市、区）要落实水源地保护措施，定期开展水质检测。"),
    ("做好{Y}年度政府信息公开工作", "各单位要按照条例规定及时、准确公开政府信息。"),
)
AGENCY_KINDS = (
    "人民政府办公室",
    "人民政府",
    "发展和改革局",
    "财政局",
    "应急管理局",
    "民政局",
    "农业农村局",
)


def _agency(fake: Fake) -> str:
    _province, city, district = fake.region()
    return fake.rng.choice((city, district)) + fake.rng.choice(AGENCY_KINDS)


def _number(fake: Fake, short: str, year: int) -> str:
    rng = fake.rng
    left, right = rng.choice((("〔", "〕"), ("〔", "〕"), ("[", "]"), ("（", "）")))
    return f"{short}{left}{year}{right}{rng.randint(1, 120)}号"


def _date(fake: Fake) -> tuple[int, str]:
    day = fake.day(2021, 2026)
    return day.year, f"{day.year}年{day.month}月{day.day}日"


def _contact(fake: Fake) -> str:
    return f"（联系人：{fake.person()}，联系电话：0{fake.rng.randint(751, 759)}-{fake.rng.randint(8000000, 8999999)}）"


def _signature(issuer: str, date_text: str) -> str:
    return f"\n{issuer}\n{date_text}"


def _fill(fake: Fake, template: str) -> str:
    return _filler(fake)(template)


def policy_notice(fake: Fake) -> tuple[str, str]:
    issuer = _agency(fake)
    year, date_text = _date(fake)
    topic, body = fake.rng.choice(POLICY_TOPICS)
    title = f"{issuer}关于{_fill(fake, topic)}的通知"
    lines = [
        issuer,
        _number(fake, fake.rng.choice(("韶府办", "清府", "宜政办", "嘉政发")), year),
        title,
        "各乡镇人民政府，区直有关单位：",
        "　　为深入贯彻落实上级部署要求，切实保障人民群众生命财产安全，现就有关事项通知如下。",
        "　　一、" + _fill(fake, body),
        "　　二、" + _fill(fake, fake.rng.choice(FACTS["NONE"])) + "。",
        "　　三、各单位要高度重视，明确责任分工，确保各项任务落到实处。",
        _signature(issuer, date_text),
    ]
    if fake.rng.random() < 0.5:
        lines.append(_contact(fake))
    return "\n".join(lines), "主动公开"


def normative(fake: Fake) -> tuple[str, str]:
    issuer = _agency(fake)
    year, date_text = _date(fake)
    name = fake.rng.choice(
        ("专项资金管理办法", "政府投资项目管理规定", "公共资源交易管理办法", "应急预案")
    )
    title = f"{issuer}关于印发《{fake.region()[1]}{name}》的通知"
    lines = [
        _number(fake, "府办规", year),
        title,
        "各县（市、区）人民政府，市直各单位：",
        f"　　《{name}》已经市政府同意，现印发给你们，请认真贯彻执行。",
        "第一条　为规范管理，提高资金使用效益，根据有关法律法规，制定本办法。",
        "第二条　" + _fill(fake, fake.rng.choice(FACTS["NONE"])) + "。",
        "第三条　本办法自印发之日起施行，有效期五年。",
        _signature(issuer, date_text),
    ]
    return "\n".join(lines), "主动公开"


def appointment(fake: Fake) -> tuple[str, str]:
    issuer = fake.region()[2] + "人民政府"
    year, date_text = _date(fake)
    names = [fake.person() for _ in range(fake.rng.randint(2, 4))]
    lines = [
        _number(fake, "府任", year),
        f"{issuer}关于{names[0]}等同志职务任免的通知",
        "各镇人民政府、街道办事处，区政府各部门：",
        "　　经区人民政府研究决定：",
    ]
    for name in names:
        lines.append(
            f"　　任命{name}同志为{fake.agency()}{fake.rng.choice(('副局长', '局长', '副主任'))}；"
        )
    lines.append(_signature(issuer, date_text))
    return "\n".join(lines), "主动公开"


def statistics(fake: Fake) -> tuple[str, str]:
    year, date_text = _date(fake)
    region = fake.region()[2]
    lines = [
        f"{region}{year - 1}年国民经济和社会发展统计公报",
        f"国家统计局{region}调查队",
        "　　" + _fill(fake, "{Y}年全市粮食总产量{D}万吨，同比增长{PCT}。"),
        "　　" + _fill(fake, "全市规模以上工业企业实现营业收入同比增长{PCT}。"),
        "　　" + _fill(fake, "城镇居民人均可支配收入{N}元，增长{PCT}。"),
        date_text,
    ]
    return "\n".join(lines), "主动公开"


def _list_rows(fake: Fake, with_ids: bool, with_phone: bool, with_card: bool) -> list[str]:
    header = "序号　姓名　性别"
    header += "　身份证号码" if with_ids else ""
    header += "　联系电话" if with_phone else ""
    header += "　银行账号" if with_card else ""
    header += "　金额（元）"
    rows = [header]
    for i in range(1, fake.rng.randint(3, 7)):
        cells = [str(i), fake.person(), fake.rng.choice(("男", "女"))]
        if with_ids:
            cells.append(fake.resident_id())
        if with_phone:
            cells.append(fake.mobile())
        if with_card:
            cells.append("6217" + "".join(str(fake.rng.randint(0, 9)) for _ in range(15)))
        cells.append(str(fake.rng.randint(200, 5000)))
        rows.append("　".join(cells))
    return rows


def public_list(fake: Fake) -> tuple[str, str]:
    """A 公示 whose names must be published; IDs, phones and cards make it 部分公开."""
    rng = fake.rng
    year, date_text = _date(fake)
    issuer = fake.region()[2] + rng.choice(("农业农村局", "民政局", "人力资源和社会保障局"))
    kind = rng.choice(("耕地地力保护补贴发放对象", "临时救助对象", "拟聘用人员", "拟录用人员"))
    extra = rng.random() < 0.55
    with_ids = extra and rng.random() < 0.8
    with_phone = extra and rng.random() < 0.5
    with_card = (extra and not (with_ids or with_phone)) or (extra and rng.random() < 0.3)
    lines = [
        f"{issuer}关于{year}年{kind}的公示",
        f"　　根据有关规定，经审核，现将{kind}名单予以公示，公示期为5个工作日。",
        *_list_rows(fake, with_ids, with_phone, with_card),
        f"　　公示期间如有异议，请向{issuer}反映。监督电话：0{rng.randint(751, 759)}-{rng.randint(8000000, 8999999)}",
        _signature(issuer, date_text),
    ]
    return "\n".join(lines), "部分公开" if extra else "主动公开"


def penalty_company(fake: Fake) -> tuple[str, str]:
    year, date_text = _date(fake)
    issuer = fake.agency()
    company = fake.company()
    person = fake.person()
    lines = [
        issuer,
        "行政处罚决定书",
        _number(fake, "市监罚", year),
        f"被处罚单位：{company}",
        "统一社会信用代码：91" + "".join(str(fake.rng.randint(0, 9)) for _ in range(16)),
        f"法定代表人：{person}　身份证号码：{fake.resident_id()}",
        f"联系电话：{fake.mobile()}",
        "　　经查，你单位存在未按规定落实安全生产责任制的违法行为。",
        "　　" + _fill(fake, "依据有关规定，本机关决定对你单位处以罚款{W}万元。"),
        "　　如不服本决定，可在收到本决定书之日起六十日内申请行政复议。",
        _signature(issuer, date_text),
    ]
    return "\n".join(lines), "部分公开"


def penalty_person(fake: Fake) -> tuple[str, str]:
    year, date_text = _date(fake)
    issuer = fake.agency()
    person = fake.person()
    lines = [
        issuer,
        "行政处罚决定书",
        _number(fake, "执罚", year),
        f"当事人：{person}　性别：{fake.rng.choice(('男', '女'))}　年龄：{fake.rng.randint(20, 70)}岁",
        f"身份证号码：{fake.resident_id()}",
        f"住址：{fake.home_address()}",
        f"联系电话：{fake.mobile()}",
        f"　　当事人于{date_text}在辖区内从事违法经营活动，被本机关执法人员当场查获。",
        "　　" + _fill(fake, "本机关决定对当事人处以罚款{N}元。"),
        _signature(issuer, date_text),
    ]
    return "\n".join(lines), "依申请公开"


def reply(fake: Fake) -> tuple[str, str]:
    year, date_text = _date(fake)
    issuer = fake.agency()
    person = fake.person()
    lines = [
        issuer,
        "政府信息公开申请答复书",
        _number(fake, "依复", year),
        f"{person}：",
        f"　　本机关于{date_text}收到你通过信函方式提出的政府信息公开申请，现答复如下：",
        "　　你申请公开的信息属于本机关公开范围，现将相关信息提供给你。",
        f"　　（申请人联系地址：{fake.home_address()}，电话：{fake.mobile()}）",
        _signature(issuer, date_text),
    ]
    return "\n".join(lines), "依申请公开"


def licence(fake: Fake) -> tuple[str, str]:
    year, date_text = _date(fake)
    issuer = fake.agency()
    company = fake.company()
    kind = fake.rng.choice(("准予水行政许可决定书", "准予行政许可决定书", "认定工伤决定书"))
    party = company if "工伤" not in kind else fake.person()
    lines = [
        issuer,
        kind,
        _number(fake, "许可", year),
        f"{party}：",
        f"　　你（单位）于{date_text}提出的申请收悉。经审查，符合法定条件，决定予以准予。",
        "　　" + _fill(fake, "有效期限：{K}年。"),
        _signature(issuer, date_text),
    ]
    return "\n".join(lines), "依申请公开"


def request_for_instructions(fake: Fake) -> tuple[str, str]:
    year, date_text = _date(fake)
    issuer = fake.agency()
    lines = [
        _number(fake, "请", year),
        f"{issuer}关于追加{year}年度专项经费的请示",
        f"{fake.region()[2]}人民政府：",
        "　　"
        + _fill(fake, "因工作需要，拟申请追加经费{W}万元，资金缺口约{W}万元，尚未最终确定。"),
        "　　妥否，请批示。",
        _signature(issuer, date_text),
    ]
    return "\n".join(lines), "不予公开"


def minutes(fake: Fake) -> tuple[str, str]:
    year, date_text = _date(fake)
    lines = [
        f"{fake.region()[2]}人民政府专题会议纪要",
        _number(fake, "专纪", year),
        f"　　{date_text}，{fake.person()}副区长主持召开专题会议，研究有关工作。纪要如下：",
    ]
    for _ in range(fake.rng.randint(2, 3)):
        lines.append("　　" + _fill(fake, fake.rng.choice(FACTS["INTERNAL"])) + "。")
    lines.append(f"出席：{fake.person()}、{fake.person()}")
    return "\n".join(lines), "不予公开"


def evaluation_report(fake: Fake) -> tuple[str, str]:
    year, date_text = _date(fake)
    lines = [
        f"关于{year}年度机关工作人员年度考核等次拟定情况的报告",
        "局党组：",
        f"　　{fake.person()}同志："
        + _fill(fake, "该同志民主测评优秀票率仅为{PCTI}，考核委员会意见为不宜评定为优秀。"),
        f"　　{fake.person()}同志："
        + _fill(fake, "全年无正当理由旷工累计{K}天，局党组研究拟定为基本称职等次。"),
        _signature(fake.agency(), date_text),
    ]
    return "\n".join(lines), "不予公开"


def secret_marked(fake: Fake) -> tuple[str, str]:
    year, date_text = _date(fake)
    rng = fake.rng
    mark = rng.choice(("机密★5年", "秘密★1年", "秘密★启用前", "绝密★长期", "机密", "秘密★10年"))
    issuer = _agency(fake)
    topic, body = rng.choice(POLICY_TOPICS)
    lines = [
        f"000{rng.randint(1, 99)}",
        mark,
        rng.choice(("特急", "加急", "")),
        issuer,
        _number(fake, "府密", year),
        f"{issuer}关于{_fill(fake, topic)}的通知",
        "　　" + _fill(fake, body),
        _signature(issuer, date_text),
    ]
    return "\n".join(line for line in lines if line), "不予公开"


def internal_bulletin(fake: Fake) -> tuple[str, str]:
    year, date_text = _date(fake)
    lines = [
        "内部资料　注意保存",
        "舆情专报",
        f"{year}年第{fake.rng.randint(1, 20)}期",
        "　　" + _fill(fake, "近期网络出现关于{ISSUE2}的讨论，相关部门正在核实。"),
        date_text,
    ]
    return "\n".join(lines), "不予公开"


def reserve_plan(fake: Fake) -> tuple[str, str]:
    year, date_text = _date(fake)
    issuer = fake.region()[1] + "粮食和物资储备局"
    lines = [
        f"{issuer}关于下达{year}年市级储备轮换计划的通知",
        "各承储企业：",
    ]
    for _ in range(2):
        lines.append("　　" + _fill(fake, fake.rng.choice(FACTS["STATE_SECRET"])) + "。")
    lines.append(_signature(issuer, date_text))
    return "\n".join(lines), "不予公开"


def bid_result(fake: Fake) -> tuple[str, str]:
    date_text = _date(fake)[1]
    project = fake.region()[2] + fake.rng.choice(("教学楼改造工程", "道路提升工程", "污水管网工程"))
    lines = [
        f"{project}中标结果公示",
        f"　　中标人：{fake.company()}",
        _fill(fake, "　　中标价：人民币{M}元"),
        f"　　项目负责人：{fake.person()}",
    ]
    secret = fake.rng.random() < 0.6
    if secret:
        lines.append(
            f"　　第二中标候选人：{fake.company()}，"
            + _fill(fake, fake.rng.choice(FACTS["TRADE_SECRET"][:6]))
            + "。"
        )
    lines.append(_signature(fake.agency(), date_text))
    return "\n".join(lines), "部分公开" if secret else "主动公开"


def discussion_draft(fake: Fake) -> tuple[str, str]:
    year, date_text = _date(fake)
    issuer = fake.agency()
    lines = [
        f"关于征求《{fake.region()[2]}{year}—{year + 4}年养老服务体系建设规划（讨论稿）》意见的函",
        "区直有关单位：",
        "　　" + _fill(fake, "本稿为内部讨论稿，相关指标尚未与{G}会商一致，请勿对外公开。"),
        _signature(issuer, date_text),
    ]
    return "\n".join(lines), "不予公开"


BUILDERS: dict[str, Builder] = {
    "policy_notice": policy_notice,
    "normative": normative,
    "appointment": appointment,
    "statistics": statistics,
    "public_list": public_list,
    "penalty_company": penalty_company,
    "penalty_person": penalty_person,
    "reply": reply,
    "licence": licence,
    "request": request_for_instructions,
    "minutes": minutes,
    "evaluation": evaluation_report,
    "secret_marked": secret_marked,
    "internal_bulletin": internal_bulletin,
    "reserve_plan": reserve_plan,
    "bid_result": bid_result,
    "discussion_draft": discussion_draft,
}
MARKINGS = {
    "主动公开": "（此件公开发布）",
    "部分公开": "（此件公开发布）",
    "依申请公开": "（此件依申请公开）",
    "不予公开": "（此件不公开）",
}


def _noise(text: str, attribute: str, fake: Fake) -> str:
    """Drafting noise: full-width digits in places, a 附注 marking or none, blank lines."""
    rng = fake.rng
    if rng.random() < 0.2:
        text = re.sub(r"[0-9]{3,}", lambda m: m.group(0).translate(FULL_WIDTH), text, count=2)
    if rng.random() < 0.4:
        text += "\n" + MARKINGS[attribute]
    if rng.random() < 0.2:
        text = text.replace("\n", "\n\n", 2)
    return text


def generate(count: int, seed: int = 5, builders: dict[str, Builder] | None = None) -> list[Draft]:
    """``count`` drafts, builders taken in turn so every kind is represented (the kinds
    of this module and of :mod:`pipeline.training.more_documents` unless ``builders``)."""
    if builders is None:
        from pipeline.training.more_documents import MORE_BUILDERS

        builders = {**BUILDERS, **MORE_BUILDERS}
    fake = Fake(seed)
    names = list(builders)
    drafts = []
    for i in range(count):
        kind = names[i % len(names)]
        text, attribute = builders[kind](fake)
        drafts.append(Draft(_noise(text, attribute, fake), attribute, kind))
    return drafts
