"""A fourth hand: documents on the borders the rules find hardest, with noise in layout
and wording, for an honest calibration (``pipeline/training/calibrate.py``).

The first three generators' drafts are suggested right almost always, so a calibration
fitted on them trusts every answer. A new office's documents sit near the lines the 条例
draws — a 报告 sent up or published, a 纪要 of decisions or of an argument, a reply to one
complainant or to a 人大代表 (published), a decision on one household the 征收 rules have
announced — and arrive with titles lost, letter-spaced or called something the rules do
not list ("工作进展情况汇报", "关于转办第…号信访件的函"). Every part of a draft is drawn
apart (title wording, addressee, closing, noise), so within a family the kinds vary as a
new office's do, and the rules do get some of them wrong: that is what the calibration
must learn to expect.

| kind | attribute | why |
|---|---|---|
| report_up | 不予公开 | 请示报告 sent to a superior (第十六条) |
| published_report | 主动公开 | 法治政府建设/年度工作 reports offices publish |
| minutes_public | 主动公开 | a government's 常务会议 decisions |
| minutes_internal | 不予公开 | a 纪要 recording views or unsettled matters (第十六条) |
| complaint_reply | 依申请公开 | a reply to one complainant (第十五条) |
| proposal_reply | 主动公开 | a reply to a 人大代表建议/政协提案 (办理结果 published) |
| compensation | 部分公开 | a 征收补偿决定 on one household, announced (第二十一条) |
| routing_letter | 不予公开 | a 转送/交办/督办 letter between offices (磋商信函) |
| contact_notice | 主动公开 | a public notice naming its staff contacts (official) |
| list_phone | 部分公开 | a 公示 with names and full mobile numbers |
| complaint_bulletin | 部分公开 | one complaint's handling told to every 街道 (通报), the complainant named |
| review_public | 部分公开 | a 复议决定 on a public matter (环评, 规划, 征收, 信息公开 …) or correcting an act |
| review_own | 依申请公开 / 部分公开 | a 复议决定 on the applicant's own matter: upheld 依申请, corrected published |
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from pipeline.training.fake import Fake
from pipeline.training.new_office import (
    Builder,
    OfficeDraft,
    finish,
    government,
    number,
    office,
    spaced,
)


def c(fake: Fake, *options: str) -> str:
    return fake.rng.choice(options)


def noisy_head(fake: Fake, issuer: str, title: str, no: str) -> list[str]:
    """The head as a new office prints it: issuer line or not, the title whole, split,
    letter-spaced (short ones) or lost, the number before or after."""
    style = fake.rng.randrange(6)
    if style == 0:
        return [issuer, title, no]
    if style == 1:
        return [no, title]
    if style == 2 and len(title) <= 8:
        return [issuer, spaced(title), no]
    if style == 3 and len(title) > 14:
        cut = len(title) // 2
        return [issuer, title[:cut], title[cut:], no]
    if style == 4:
        return [issuer, no]  # the title line lost in conversion
    return [f"{issuer}{title}", no]


def noisy_body(fake: Fake, lines: Sequence[str]) -> list[str]:
    """Body lines with a page footer or a blank line dropped in now and then."""
    out: list[str] = []
    for i, line in enumerate(lines):
        out.append(line)
        if i == len(lines) // 2 and fake.rng.random() < 0.3:
            out.append(c(fake, "— 1 —", "－2－", "第 1 页 共 2 页", ""))
    return out


def draft_of(
    fake: Fake,
    f: int,
    kind: str,
    attribute: str,
    issuer: str,
    short: str,
    title: str,
    body: Sequence[str],
    day: date,
    word: str = "发",
    sign: bool = True,
) -> OfficeDraft:
    """The noisy head, the body with its footers and the family's signature."""
    head = noisy_head(fake, issuer, title, number(fake, f, short, day.year, word))
    return finish(
        fake, kind, f, attribute, head, noisy_body(fake, body), title, [issuer], day, sign=sign
    )


def report_up(fake: Fake, f: int) -> OfficeDraft:
    who = office(fake, f)
    gov = government(fake, f)
    day = fake.day(2022, 2026)
    topic = c(
        fake, "近期安全生产检查", "防汛备汛工作", "秸秆禁烧工作", "欠薪治理工作", "城市管理专项整治"
    )
    title = c(
        fake,
        f"关于{topic}情况的报告",
        f"关于{topic}进展情况的报告",
        f"{topic}进展情况汇报",
        f"关于{topic}有关问题的报告",
    )
    body = [
        f"{gov.name.replace('办公室', '')}：",
        "\u3000\u3000"
        + c(
            fake,
            f"按照工作部署，我局开展{topic}，现将有关情况报告如下。",
            f"根据区政府要求，现将我局{topic}推进情况汇报如下。",
        ),
        f"\u3000\u3000一、已完成检查点位{fake.rng.randint(12, 90)}处，发现问题{fake.rng.randint(3, 30)}个。",
        "\u3000\u3000"
        + c(
            fake,
            "二、存在的困难：执法力量不足，拟提请区政府协调增加编制。",
            "二、下一步，建议区政府统筹安排专项经费。",
            "二、个别乡镇工作推进缓慢，拟约谈有关负责人。",
        ),
        c(
            fake,
            "\u3000\u3000特此报告。",
            "\u3000\u3000以上报告，请审阅。",
            "\u3000\u3000妥否，请批示。",
            "",
        ),
    ]
    return draft_of(fake, f, "report_up", "不予公开", who.name, who.short, title, body, day)


def published_report(fake: Fake, f: int) -> OfficeDraft:
    who = office(fake, f)
    gov = government(fake, f)
    day = fake.day(2022, 2026)
    year = day.year - 1
    title = c(
        fake,
        f"关于{year}年法治政府建设情况的报告",
        f"{who.name}{year}年法治政府建设年度报告",
        f"{who.name}{year}年工作总结和{day.year}年工作安排",
        f"{who.name}{year}年度政府信息公开工作年度报告",
    )
    body = [
        c(fake, f"{gov.name.replace('办公室', '')}：", ""),
        f"\u3000\u3000{year}年，我局深入贯彻落实法治政府建设实施纲要，现将有关情况报告如下。",
        f"\u3000\u3000一、全年办理行政许可{fake.rng.randint(100, 900)}件，行政复议纠错率{fake.rng.randint(1, 9)}%。",
        "\u3000\u3000二、存在的不足：执法队伍专业化水平有待提高。",
        c(fake, "\u3000\u3000特此报告。", ""),
    ]
    return draft_of(fake, f, "published_report", "主动公开", who.name, who.short, title, body, day)


def minutes_public(fake: Fake, f: int) -> OfficeDraft:
    gov = government(fake, f)
    name = gov.name.replace("办公室", "")
    day = fake.day(2022, 2026)
    k = fake.rng.randint(3, 60)
    title = c(fake, f"{name}第{k}次常务会议纪要", f"{name}常务会议纪要", f"第{k}次常务会议纪要")
    items = [
        c(
            fake,
            "会议审议通过了《老旧小区改造实施方案》，由住建局牵头组织实施。",
            "会议原则同意《城乡居民养老保险实施细则》，由人社局按程序印发。",
            "会议研究决定，对城区主次干道实施提升改造，所需资金纳入年度预算。",
        ),
        c(
            fake,
            "会议要求各乡镇做好汛期值守，确保安全度汛。",
            "会议强调，要压实安全生产责任，开展隐患大排查。",
            "会议听取了春耕生产情况汇报，要求抓好农资供应。",
        ),
    ]
    body = [
        f"\u3000\u3000{day.year}年{day.month}月{day.day}日，{c(fake, '区长', '县长', '市长')}主持召开政府常务会议。现纪要如下：",
        *(f"\u3000\u3000{'一二三'[i]}、{item}" for i, item in enumerate(items)),
        c(fake, "\u3000\u3000出席：政府领导班子成员。列席：有关部门主要负责人。", ""),
    ]
    return draft_of(
        fake, f, "minutes_public", "主动公开", name, gov.short, title, body, day, "纪", sign=False
    )


def minutes_internal(fake: Fake, f: int) -> OfficeDraft:
    who = office(fake, f)
    day = fake.day(2022, 2026)
    title = c(fake, "局务会议纪要", "专题会议纪要", "党组会议纪要", "项目推进协调会纪要")
    body = [
        f"\u3000\u3000{day.year}年{day.month}月{day.day}日，局长主持召开会议，研究有关事项。",
        "\u3000\u3000"
        + c(
            fake,
            "会议讨论了片区改造资金安排，财务科认为应先行拨付，规划科提出不同意见，会议未形成一致意见。",
            "会议认为，该项目用地手续尚需论证，待进一步核实后再研究。",
            "会议听取了各科室意见，对是否调整收费标准存在分歧，暂缓决定。",
            "会议研究了干部交流轮岗人选，同意提交党组会议审定。",
        ),
        "\u3000\u3000"
        + c(
            fake, "会议要求各科室按分工抓好落实。", "请办公室跟踪督办。", "本纪要仅供内部工作参考。"
        ),
    ]
    return draft_of(
        fake, f, "minutes_internal", "不予公开", who.name, who.short, title, body, day, "纪"
    )


def complaint_reply(fake: Fake, f: int) -> OfficeDraft:
    who = office(fake, f)
    day = fake.day(2022, 2026)
    person = fake.person()
    title = c(
        fake,
        f"关于对{person}同志投诉事项的回复",
        "投诉举报处理情况告知",
        "关于您反映问题的答复",
        "来信办理情况答复",
        "信访事项答复意见书",
    )
    to = c(
        fake, f"{person}：", f"{person}同志：", f"尊敬的{person[0]}先生：", f"{person}女士：", ""
    )
    body = [
        to,
        "\u3000\u3000"
        + c(
            fake,
            "您通过12345热线反映的小区夜间施工噪音问题，我局已组织现场检查，该工地已停止夜间施工。",
            "你来信反映的家门口路灯损坏问题，经核实，已于近日修复。",
            "您反映的农贸市场占道经营问题，我局已责令整改。",
            "你投诉的某超市销售过期食品问题，经查属实，已依法立案查处。",
        ),
        c(
            fake,
            "\u3000\u3000感谢您对我们工作的支持。",
            "\u3000\u3000特此告知。",
            "\u3000\u3000如有疑问，请与我局联系。",
        ),
    ]
    return draft_of(
        fake, f, "complaint_reply", "依申请公开", who.name, who.short, title, body, day, "复"
    )


def proposal_reply(fake: Fake, f: int) -> OfficeDraft:
    who = office(fake, f)
    day = fake.day(2022, 2026)
    person = fake.person()
    k = fake.rng.randint(10, 300)
    kind = c(fake, "建议", "提案")
    title = c(
        fake,
        f"关于对区人大第{k}号{kind}的答复",
        f"对政协第{k}号{kind}的答复",
        f"关于{c(fake, '加强农村饮水安全', '增设公交线路', '改善中小学校园周边交通')}的{kind}的答复",
    )
    to = c(fake, f"{person}代表：", f"{person}委员：", f"尊敬的{person}代表：")
    body = [
        to,
        f"\u3000\u3000您提出的第{k}号{kind}收悉，现答复如下。",
        "\u3000\u3000一、我局高度重视，已将相关工作纳入年度计划，预计年内完成。",
        "\u3000\u3000感谢您对我们工作的关心和支持。",
        c(
            fake,
            "\u3000\u3000联系人：办公室，电话：0591-8765" + str(fake.rng.randint(1000, 9999)),
            "",
        ),
    ]
    return draft_of(
        fake, f, "proposal_reply", "主动公开", who.name, who.short, title, body, day, "复"
    )


def compensation(fake: Fake, f: int) -> OfficeDraft:
    gov = government(fake, f)
    name = gov.name.replace("办公室", "")
    day = fake.day(2022, 2026)
    person = fake.person()
    title = c(fake, "房屋征收补偿决定书", "国有土地上房屋征收补偿决定书", "征收补偿决定")
    body = [
        c(fake, "被征收人", "被征收房屋所有权人")
        + f"：{person}，{c(fake, '男', '女')}，住{fake.home_address()}。",
        "\u3000\u3000因棚户区改造项目建设需要，本府依法作出房屋征收决定。被征收人与房屋征收部门在签约期限内未达成补偿协议，现作出补偿决定如下：",
        f"\u3000\u3000一、被征收房屋建筑面积{fake.rng.randint(50, 200)}平方米，货币补偿{fake.rng.randint(30, 190)}万元。",
        "\u3000\u3000如不服本决定，可在收到本决定书之日起六十日内申请行政复议。",
    ]
    return draft_of(fake, f, "compensation", "部分公开", name, gov.short, title, body, day, "征补")


def routing_letter(fake: Fake, f: int) -> OfficeDraft:
    who = office(fake, f)
    other = office(fake, f)
    day = fake.day(2022, 2026)
    k = fake.rng.randint(100, 999)
    title = c(
        fake,
        "信访事项转送函",
        "信访事项交办函",
        f"关于转办第{k}号信访件的函",
        "督办通知",
        "关于督促办理群众诉求的函",
    )
    body = [
        f"{other.name.split(other.place)[-1]}：",
        "\u3000\u3000"
        + c(
            fake,
            f"现将群众反映的物业收费问题（编号{k}）转送你单位，请依法处理并答复信访人。",
            f"第{k}号群众诉求至今未办结，请于5个工作日内办理并反馈结果。",
            "现将群众来信转交你单位，请按程序调查处理，结果报我办。",
        ),
    ]
    return draft_of(
        fake, f, "routing_letter", "不予公开", who.name, who.short, title, body, day, "函"
    )


def contact_notice(fake: Fake, f: int) -> OfficeDraft:
    who = office(fake, f)
    day = fake.day(2022, 2026)
    topic = c(
        fake, "2024年度农机购置补贴申报", "城乡居民医保集中参保", "养犬登记年检", "防汛物资招标采购"
    )
    title = c(fake, f"关于做好{topic}工作的公告", f"关于开展{topic}的通知", f"{topic}公告")
    staff = fake.person()
    body = [
        "\u3000\u3000" + f"现就{topic}有关事项公告如下。",
        "\u3000\u3000一、办理时间：工作日上午9:00至12:00。",
        f"\u3000\u3000二、办理地点：{who.place}政务服务中心{fake.rng.randint(1, 30)}号窗口。",
        c(
            fake,
            f"\u3000\u3000联系人：{staff}，联系电话：0{fake.rng.randint(300, 999)}-{fake.rng.randint(2000000, 8999999)}",
            f"\u3000\u3000咨询电话：0{fake.rng.randint(300, 999)}-{fake.rng.randint(2000000, 8999999)}（{staff}）",
            f"\u3000\u3000经办人：{staff}　办公电话：0{fake.rng.randint(300, 999)}-{fake.rng.randint(2000000, 8999999)}",
        ),
    ]
    return draft_of(
        fake, f, "contact_notice", "主动公开", who.name, who.short, title, body, day, "告"
    )


def list_phone(fake: Fake, f: int) -> OfficeDraft:
    who = office(fake, f)
    day = fake.day(2022, 2026)
    title = c(
        fake,
        f"{day.year}年度农机购置补贴拟补贴对象公示",
        f"{day.year}年公益性岗位拟聘用人员公示",
        f"{day.year}年度优秀志愿者拟表彰名单公示",
    )
    rows = [
        f"{i}\u3000{fake.person()}\u3000{c(fake, '男', '女')}\u3000{fake.mobile()}"
        for i in range(1, 4)
    ]
    body = [
        "\u3000\u3000经个人申报、审核，现将有关人员名单公示如下，公示期5个工作日。",
        c(fake, "序号\u3000姓名\u3000性别\u3000联系电话", "序号\u3000姓名\u3000性别\u3000手机号码"),
        *rows,
    ]
    return draft_of(fake, f, "list_phone", "部分公开", who.name, who.short, title, body, day, "公")


BORDER: dict[str, Builder] = {
    "report_up": report_up,
    "published_report": published_report,
    "minutes_public": minutes_public,
    "minutes_internal": minutes_internal,
    "complaint_reply": complaint_reply,
    "proposal_reply": proposal_reply,
    "compensation": compensation,
    "routing_letter": routing_letter,
    "contact_notice": contact_notice,
    "list_phone": list_phone,
}


def border_kinds() -> dict[str, Builder]:
    """Every kind of the fourth hand: this module's and the 部分公开 ↔ 依申请公开 ones of
    :mod:`pipeline.training.new_office_border_reviews`."""
    from pipeline.training.new_office_border_reviews import REVIEWS

    return {**BORDER, **REVIEWS}


def generate_border(count: int, families: Sequence[int], seed: int = 41) -> list[OfficeDraft]:
    """``count`` drafts over ``families``, kinds in turn, every part drawn apart."""
    kinds = border_kinds()
    names = list(kinds)
    fake = Fake(seed)
    return [
        kinds[names[i % len(names)]](fake, families[(i // len(names)) % len(families)])
        for i in range(count)
    ]
