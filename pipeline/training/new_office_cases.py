"""A third hand: decisions, replies and lists where 依申请公开 and 部分公开 meet.

The first generator and the new office (:mod:`pipeline.training.new_office`) phrase each
kind one way per family, so a rule that reads that one phrasing passes them all. Real
offices vary inside one kind: the party line is "当事人：", "当 事 人：", "被处罚人（姓名）："
or a sentence ("张某，男，1978年生，住……"); the title is printed alone, letter-spaced,
after the issuer, or lost; the 救济 sentence names 复议, 诉讼 or neither. The builders
here draw every such part independently (seeded), so one family already holds many
wordings; the office's regions, 文号 and 落款 still come from the family, so families
stay apart for fitting and measuring the calibration.

| builder | attribute |
|---|---|
| penalty on a natural person, 不予许可/不予受理/不予登记 to one party, 法律援助 decisions, 调解书, replies to one applicant, 维持 复议 on a personal matter | 依申请公开 |
| penalty on a company with its legal representative's ID or phone, 复议 that corrects an act or is on a public matter | 部分公开 |
| penalty on a company naming only the company | 主动公开 |

Withheld kinds (案卷, internal affairs, unmarked secrets) and 公示 with addresses, IDs or
accounts (部分公开) are in
:mod:`pipeline.training.new_office_casefiles`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from pipeline.gongwen import parse_doc_number
from pipeline.training.fake import Fake
from pipeline.training.new_office import (
    Builder,
    Office,
    OfficeDraft,
    finish,
    n,
    number,
    office,
    spaced,
)

ENFORCERS = (
    "城市管理综合行政执法局",
    "市场监督管理局",
    "林业局",
    "水利局",
    "文化广电旅游局",
    "交通运输局",
    "自然资源局",
    "生态环境局",
)
SEXES = ("男", "女")
NATIONS = ("汉族", "汉族", "汉族", "回族", "壮族", "土家族")


def c(fake: Fake, *options: str) -> str:
    return fake.rng.choice(options)


def when(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def printed_title(fake: Fake, who: Office, title: str) -> list[str]:
    """The short title as offices print it: under the issuer, letter-spaced, run on after
    the issuer's name, or alone."""
    style = fake.rng.randrange(4)
    if style == 0:
        return [who.name, title]
    if style == 1:
        return [who.name, spaced(title)]
    if style == 2:
        return [who.name + title]
    return [title]


def person_party(fake: Fake, role: str) -> list[str]:
    """A natural person's party block in one of several layouts."""
    name, sex = fake.person(), c(fake, *SEXES)
    born = f"{n(fake, 1950, 2003)}年{n(fake, 1, 12)}月"
    style = fake.rng.randrange(6)
    if style == 0:
        return [
            f"{role}：{name}，{sex}，{born}出生，{c(fake, *NATIONS)}，住{fake.home_address()}。"
        ]
    if style == 1:
        return [
            f"{role}姓名：{name}\u3000\u3000性别：{sex}",
            f"身份证件号码：{fake.resident_id()}",
            f"住\u3000\u3000址：{fake.home_address()}",
        ]
    if style == 2:
        return [f"{spaced(role)}：{name}", f"性\u3000\u3000别：{sex}", f"出生年月：{born}"]
    if style == 3:
        return [f"{role}：{name}（{sex}，{n(fake, 19, 72)}岁），联系电话：{fake.mobile()}"]
    if style == 4:
        return [f"{role}：{name}，公民身份号码{fake.resident_id()}，现住{fake.home_address()}。"]
    return [f"{role}（个人）：{name}", f"联系地址：{fake.home_address()}"]


def company_party(fake: Fake, with_private: bool) -> tuple[list[str], str]:
    company = fake.company()
    role = c(fake, "当事人", "被处罚单位", "当事人名称", "被处罚人")
    lines = [
        f"{role}：{company}",
        "统一社会信用代码：91" + "".join(str(fake.rng.randint(0, 9)) for _ in range(16)),
        f"住所：{fake.region()[2]}{c(fake, '工业园', '经济开发区', '高新区')}{n(fake, 1, 90)}号",
    ]
    rep = fake.person()
    if with_private:
        lines.append(
            c(
                fake,
                f"法定代表人：{rep}，身份证号码：{fake.resident_id()}",
                f"法定代表人：{rep}\u3000联系电话：{fake.mobile()}",
                f"负责人：{rep}，住{fake.home_address()}",
            )
        )
    else:
        lines.append(f"法定代表人：{rep[0]}某某")  # masked, as published decisions print it
    return lines, company


def remedy(fake: Fake, who: Office, thing: str) -> str:
    return c(
        fake,
        f"\u3000\u3000如不服本{thing}，可在收到本{thing}之日起六十日内向{who.place}人民政府申请行政复议，"
        "或者在六个月内依法提起行政诉讼。",
        f"\u3000\u3000当事人对本{thing}不服的，可以自收到之日起六十日内申请行政复议。",
        f"\u3000\u3000你如对本{thing}有异议，可依法申请行政复议或者提起行政诉讼。",
        "",
    )


def _end(
    fake: Fake, kind: str, f: int, attribute: str, head: list[str], body: list[str], who: Office
) -> OfficeDraft:
    day = fake.day(2022, 2026)
    # The gold title is the heading line: not the 文号 printed under it, not the organ's
    # name printed above it (a head of [organ, title, 文号] once gave the 文号 as title).
    headings = [line for line in head if line != who.name and parse_doc_number(line) is None]
    title = headings[-1] if headings else head[0]
    body = [line for line in body if line]
    return finish(fake, kind, f, attribute, head, body, title, [who.name], day)


VIOLATIONS = (
    "在城区主干道占道经营烧烤摊点，经多次劝阻拒不改正",
    "未经批准在自家承包地内擅自建设住房一处，占用耕地{N}平方米",
    "在禁渔期内使用电鱼工具在河道内捕捞",
    "驾驶未经检验的机动车从事道路旅客运输",
    "在公益林内擅自砍伐林木{N}株",
    "违反规定在居民区内露天焚烧垃圾",
    "在网络平台销售未标明产地的散装食品",
    "未取得许可擅自从事出租汽车客运经营",
)


def penalty_person(fake: Fake, f: int) -> OfficeDraft:
    who = office(fake, f, c(fake, *ENFORCERS))
    title = c(
        fake,
        "行政处罚决定书",
        "当场行政处罚决定书",
        "行政处罚决定书（简易程序）",
        "不予行政处罚决定书",
        "行政处罚决定书",
    )
    day = fake.day(2022, 2026)
    head = [*printed_title(fake, who, title), number(fake, f, who.short, day.year, "罚")]
    act = c(fake, *VIOLATIONS).replace("{N}", str(n(fake, 3, 300)))
    you = c(fake, "你", "当事人")
    decision = (
        f"鉴于{you}系初次违法且危害后果轻微并及时改正，决定不予行政处罚。"
        if "不予" in title
        else c(
            fake,
            f"决定对{you}处以罚款人民币{n(fake, 200, 20000)}元。",
            f"决定给予{you}警告，并处罚款{n(fake, 100, 5000)}元的行政处罚。",
            f"决定没收违法所得{n(fake, 100, 9000)}元，并处罚款{n(fake, 500, 9000)}元。",
        )
    )
    body = [
        *person_party(fake, c(fake, "当事人", "违法行为人", "被处罚人")),
        f"\u3000\u3000经查，{you}于{when(day)}{act}。",
        f"\u3000\u3000以上事实有{c(fake, '现场检查笔录、询问笔录、照片', '调查笔录、视频资料', '勘验笔录、证人证言')}等证据为证。",
        f"\u3000\u3000依据有关法律规定，本机关{decision}",
        remedy(fake, who, "决定"),
    ]
    return _end(fake, "penalty_person", f, "依申请公开", head, body, who)


def penalty_company(fake: Fake, f: int) -> OfficeDraft:
    """Published by 第二十条（六）; 部分公开 when the representative's ID, phone or home
    is in it, 主动公开 when only the company and its representative's name are."""
    who = office(fake, f, c(fake, *ENFORCERS))
    private = fake.rng.random() < 0.6
    day = fake.day(2022, 2026)
    title = c(fake, "行政处罚决定书", "行政处罚决定书", "责令限期改正决定书")
    head = [*printed_title(fake, who, title), number(fake, f, who.short, day.year, "罚")]
    party, company = company_party(fake, private)
    order = "责令" in title
    body = [
        *party,
        f"\u3000\u3000经查，{company}{c(fake, '未按规定设置危险废物贮存场所', '生产销售不符合标准的产品', '未取得许可擅自开工建设', '超标排放大气污染物')}，"
        f"违反了有关规定。",
        "\u3000\u3000"
        + (
            f"本机关责令你单位于{n(fake, 7, 30)}日内改正上述违法行为。"
            if order
            else f"本机关决定对你单位处以罚款人民币{n(fake, 1, 50)}万元。"
        ),
        remedy(fake, who, "决定"),
    ]
    attribute = "部分公开" if private else "主动公开"
    return _end(fake, "penalty_company", f, attribute, head, body, who)


def refusal(fake: Fake, f: int) -> OfficeDraft:
    """不予许可 / 不予受理 / 不予登记 to one person or company."""
    who = office(fake, f)
    title = c(
        fake,
        "不予行政许可决定书",
        "不予受理决定书",
        "不予登记通知书",
        "不予受理告知书",
        "行政许可申请不予受理决定书",
        "不予确认决定书",
    )
    day = fake.day(2022, 2026)
    head = [*printed_title(fake, who, title), number(fake, f, who.short, day.year, "许")]
    party = fake.person() if fake.rng.random() < 0.6 else fake.company()
    salutation = c(fake, f"{party}：", f"申请人：{party}", f"{party}（申请人）：")
    thing = c(
        fake, "取水许可", "林木采伐许可", "临时占用城市道路许可", "户外广告设置许可", "不动产登记"
    )
    body = [
        salutation,
        f"\u3000\u3000{c(fake, '你', '你方', '申请人')}于{when(day)}提出的{thing}申请，"
        f"经审查，{c(fake, '申请材料不齐全且逾期未补正', '不符合法定条件', '不属于本机关职权范围', '申请事项依法不需要取得行政许可')}，"
        f"根据有关规定，{c(fake, '决定不予许可', '决定不予受理', '不予登记', '本机关不予确认')}。",
        remedy(fake, who, "决定"),
    ]
    return _end(fake, "refusal", f, "依申请公开", head, body, who)


def legal_aid(fake: Fake, f: int) -> OfficeDraft:
    who = office(fake, f, "司法局")
    title = c(
        fake,
        "给予法律援助决定书",
        "不予法律援助决定书",
        "终止法律援助决定书",
        "法律援助申请补充材料通知书",
        "法律援助决定书",
    )
    centre = f"{who.place}法律援助中心"
    day = fake.day(2022, 2026)
    head = [*printed_title(fake, Office(centre, who.short, who.place), title)]
    name = fake.person()
    outcome = {
        "给": "符合法律援助条件，决定给予法律援助，指派律师为你提供法律援助。",
        "不": "你的家庭经济状况不符合本地区经济困难标准，决定不予法律援助。",
        "终": "因受援人以欺骗手段获得法律援助，决定终止法律援助。",
        "法": "因申请材料不齐全，请于收到本通知之日起五日内补充家庭经济状况说明。",
    }[title[0]]
    body = [
        c(
            fake,
            f"{name}：",
            f"申请人：{name}，{c(fake, *SEXES)}，身份证号码：{fake.resident_id()}",
        ),
        f"\u3000\u3000{c(fake, '你', '申请人')}于{when(day)}就{c(fake, '追索劳动报酬', '离婚纠纷', '交通事故损害赔偿', '工伤赔偿')}"
        f"事项向本中心申请法律援助。经审查，{outcome}",
        c(fake, "\u3000\u3000如对本决定有异议，可向司法局提出异议。", ""),
    ]
    return _end(
        fake, "legal_aid", f, "依申请公开", head, body, Office(centre, who.short, who.place)
    )


def mediation(fake: Fake, f: int) -> OfficeDraft:
    who = office(fake, f, "司法局")
    committee = (
        f"{who.place}{c(fake, '城关', '东城', '河西', '新华')}{c(fake, '街道', '镇')}人民调解委员会"
    )
    title = c(fake, "人民调解协议书", "调解协议书", "行政调解书", "人民调解书", "调解书")
    head = printed_title(fake, Office(committee, who.short, who.place), title)
    a, b = fake.person(), fake.person()
    labels = c(fake, "甲方|乙方", "申请人|被申请人", "当事人|当事人")
    la, lb = labels.split("|")
    body = [
        f"{la}：{a}，{c(fake, *SEXES)}，{n(fake, 25, 75)}岁，住{fake.home_address()}",
        f"{lb}：{b}，{c(fake, *SEXES)}，联系电话：{fake.mobile()}",
        f"\u3000\u3000纠纷事实：{c(fake, '双方因宅基地界址发生争议', '双方因房屋漏水损失赔偿发生纠纷', '双方因拖欠工程款发生纠纷', '双方因饲养宠物伤人赔偿发生争执')}。",
        f"\u3000\u3000经调解，双方自愿达成如下协议：{b}于{n(fake, 3, 30)}日内支付{a}{n(fake, 1000, 80000)}元。",
        "\u3000\u3000本协议一式三份，双方当事人各执一份，调解委员会留存一份。",
    ]
    return _end(
        fake, "mediation", f, "依申请公开", head, body, Office(committee, who.short, who.place)
    )


def applicant_reply(fake: Fake, f: int) -> OfficeDraft:
    """A reply to one applicant, petitioner or complainant, in several kinds and forms."""
    who = office(fake, f)
    name = fake.person()
    day = fake.day(2022, 2026)
    title = c(
        fake,
        "政府信息公开申请答复书",
        "政府信息公开申请告知书",
        "延期答复告知书",
        "信访事项受理告知书",
        "投诉处理结果告知书",
        f"关于{name}反映问题的答复",
        f"关于对{name}来信的回复",
        "举报答复意见书",
    )
    head = [*printed_title(fake, who, title), number(fake, f, who.short, day.year, "复")]
    subject = c(
        fake,
        f"要求公开{who.place}某小区改造项目资金使用情况",
        "反映邻居违章搭建影响采光",
        "举报某超市销售过期食品",
        "反映单位拖欠工资",
        "要求公开本人房屋征收补偿档案",
    )
    body = [
        c(fake, f"{name}：", f"{name}同志：", f"{name}先生：", f"申请人：{name}"),
        f"\u3000\u3000{c(fake, '你', '您')}于{when(day)}{c(fake, '通过信函', '来访', '通过网上平台', '')}"
        f"{c(fake, '提出', '反映', '递交')}的{subject}事项{c(fake, '收悉', '已收到', '本机关已受理')}。",
        f"\u3000\u3000经{c(fake, '调查核实', '审查', '查询')}，"
        + c(
            fake,
            "现将有关情况答复如下：该信息已主动公开，可通过门户网站查询。",
            "因需进一步核实，答复期限延长十五个工作日。",
            "反映的问题已责成属地街道处理，处理结果将另行告知。",
            "你申请公开的信息不存在，特此告知。",
        ),
        c(fake, f"\u3000\u3000（联系地址：{fake.home_address()}）", ""),
        remedy(fake, who, "答复"),
    ]
    return _end(fake, "applicant_reply", f, "依申请公开", head, body, who)


def review(fake: Fake, f: int) -> OfficeDraft:
    """A 行政复议决定书: one that upholds a personal matter (依申请公开), one that
    corrects an act or concerns a public matter (published, the applicant's name kept
    out: 部分公开)."""
    from pipeline.training.new_office import government

    gov = government(fake, f)
    day = fake.day(2022, 2026)
    head = [
        *printed_title(fake, gov, c(fake, "行政复议决定书", "行政复议决定书", "复议决定书")),
        number(fake, f, gov.short, day.year, "复决"),
    ]
    applicant = [
        f"申请人：{fake.person()}，{c(fake, *SEXES)}，{n(fake, 1950, 2000)}年出生，住{fake.home_address()}。"
    ]
    respondent = f"被申请人：{fake.agency()}"
    public = fake.rng.random() < 0.5
    if public:
        matter = c(
            fake,
            "对被申请人作出的房屋征收补偿决定不服",
            "不服被申请人对某化工企业环境污染投诉的处理",
            "对被申请人作出的政府信息公开答复不服",
            "认为被申请人未依法履行食品安全监管职责",
        )
        outcome = c(
            fake,
            "本机关决定：撤销被申请人作出的原行政行为，责令被申请人重新作出处理。",
            "本机关决定：确认被申请人的行为违法。",
            "本机关决定：维持被申请人作出的决定。",
        )
    else:
        matter = c(
            fake,
            "对被申请人作出的工伤认定不予受理决定不服",
            "对被申请人作出的个人罚款决定不服",
            "对被申请人作出的不予发放个人补贴决定不服",
        )
        outcome = c(
            fake, "本机关决定：维持被申请人作出的原决定。", "本机关决定：驳回申请人的复议请求。"
        )
    body = [
        *applicant,
        respondent,
        f"\u3000\u3000申请人{matter}，于{when(day)}向本机关申请行政复议，本机关依法受理。",
        "\u3000\u3000经审理查明："
        + c(fake, "被申请人认定事实清楚。", "被申请人作出的行为程序违法。"),
        "\u3000\u3000" + outcome,
        "\u3000\u3000申请人如不服本决定，可以自收到本决定书之日起十五日内向人民法院提起行政诉讼。",
    ]
    attribute = "部分公开" if public else "依申请公开"
    return _end(fake, "review", f, attribute, head, body, gov)


def generate_cases(
    count: int, families: Sequence[int], seed: int = 31, kinds: dict[str, Builder] | None = None
) -> list[OfficeDraft]:
    """``count`` drafts over ``families``, kinds in turn (this module's and
    :mod:`pipeline.training.new_office_casefiles`' unless ``kinds``)."""
    if kinds is None:
        from pipeline.training.new_office_casefiles import CASEFILES

        kinds = {**CASES, **CASEFILES}
    names = list(kinds)
    fake = Fake(seed)
    return [
        kinds[names[i % len(names)]](fake, families[(i // len(names)) % len(families)])
        for i in range(count)
    ]


CASES: dict[str, Builder] = {
    "penalty_person": penalty_person,
    "penalty_company": penalty_company,
    "refusal": refusal,
    "legal_aid": legal_aid,
    "mediation": mediation,
    "applicant_reply": applicant_reply,
    "review": review,
}
