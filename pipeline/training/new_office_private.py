"""The new office's kinds that hold private persons (:mod:`pipeline.training.new_office`),
each phrased five ways, one per family:

| kinds | attribute |
|---|---|
| 公示 with IDs or phones, penalty on a company (第二十条（六）), a list in prose with home addresses | 部分公开 |
| 答复书 to one applicant, penalty on a person, 不予许可 decision, 调解协议 | 依申请公开 |
"""

from __future__ import annotations

from pipeline.training.fake import Fake
from pipeline.training.new_office import (
    Builder,
    OfficeDraft,
    finish,
    headed,
    n,
    number,
    office,
    pick,
    spaced,
)


def _short_title(family: int, title: str) -> list[str]:
    """A short title as the family prints it: letter-spaced in families 1 and 3 (its gold
    is the words, :func:`pipeline.training.new_office.unspaced`, as :mod:`pipeline.metadata`
    reads it)."""
    return [spaced(title)] if family in (1, 3) else [title]


def roster(fake: Fake, f: int) -> OfficeDraft:
    """A 公示 whose names are published, with IDs or phones beside them."""
    who = office(fake, f, ("退役军人事务局", "医疗保障局", "商务局", "林业局", "退役军人事务局")[f])
    day = fake.day(2022, 2026)
    what = pick(
        f,
        f"{day.year}年度优抚对象定期抚恤补助发放对象",
        f"{day.year}年医疗救助对象",
        f"{day.year}年家电以旧换新补贴对象",
        f"{day.year}年生态护林员拟聘人员",
        f"{day.year}年退役士兵自主就业一次性经济补助对象",
    )
    if f in (2, 4):
        title = f"{what}名单公示"
        head = [title]
    else:
        head, title = headed(fake, f, who, day.year, what, "公示", "示")
    column = "身份证号码" if fake.rng.random() < 0.6 else "联系电话"
    rows = [f"序号　姓名　{column}　金额（元）"]
    for i in range(1, n(fake, 3, 6)):
        value = fake.resident_id() if column == "身份证号码" else fake.mobile()
        rows.append(f"{i}　{fake.person()}　{value}　{n(fake, 300, 6000)}")
    body = [
        "\u3000\u3000"
        + pick(
            f,
            "经个人申请、村（社区）初审、乡镇审核，现将发放对象公示如下：",
            "根据医疗救助政策，经审核，拟对以下人员给予救助，现予公示：",
            "经审核，以下申请人符合补贴条件，现公示如下：",
            "经报名、考核，拟聘用以下人员为生态护林员，现予以公示：",
            "经审核认定，现将补助对象名单公示如下：",
        ),
        *rows,
        "\u3000\u3000公示期为七个自然日，如有异议，请以书面形式向本机关反映。",
    ]
    return finish(fake, "roster", f, "部分公开", head, body, title, [who.name], day)


def penalty_firm(fake: Fake, f: int) -> OfficeDraft:
    who = office(
        fake, f, ("城市管理综合行政执法局", "水利局", "文化广电旅游局", "商务局", "林业局")[f]
    )
    day = fake.day(2022, 2026)
    firm = fake.company()
    title = "行政处罚决定书"
    head = [who.name, *_short_title(f, title), number(fake, f, who.short, day.year, "罚")]
    body = [
        pick(f, "当事人：", "被处罚人：", "违法单位：", "当事人名称：", "被处罚单位：") + firm,
        f"法定代表人：{fake.person()}",
        f"住所：{fake.region()[1]}{fake.rng.choice(('工业大道', '创业路', '滨河路'))}{n(fake, 1, 300)}号",
        "\u3000\u3000"
        + pick(
            f,
            "经查，当事人未经批准擅自占用城市道路堆放建筑材料，影响通行。",
            "经查，当事人未取得取水许可擅自取水，违反了《中华人民共和国水法》。",
            "经查，当事人未经许可擅自从事营业性演出活动。",
            "经查，当事人销售不符合标准的商品，事实清楚，证据确凿。",
            "经查，当事人未经批准擅自改变林地用途。",
        ),
        "\u3000\u3000" + f"本机关决定对当事人处以罚款人民币{n(fake, 1, 20)}万元。",
        "\u3000\u3000如不服本决定，可在收到本决定书之日起六十日内申请行政复议，或者六个月内依法提起行政诉讼。",
    ]
    title = head[1]
    return finish(fake, "penalty_firm", f, "部分公开", head, body, title, [who.name], day)


def address_list(fake: Fake, f: int) -> OfficeDraft:
    """A list in prose: names published, home addresses not."""
    who = office(fake, f, ("医疗保障局", "退役军人事务局", "水利局", "林业局", "司法局")[f])
    day = fake.day(2022, 2026)
    people = "；".join(
        f"{fake.person()}，家住{fake.home_address()}，{pick(f, '补助', '救助', '补偿', '补贴', '奖励')}{n(fake, 500, 9000)}元"
        for _ in range(n(fake, 2, 4))
    )
    title = pick(
        f,
        f"{day.year}年度困难群众医疗救助情况公示",
        f"{day.year}年度烈士遗属慰问金发放情况公告",
        f"{day.year}年水库移民后期扶持人员公示",
        f"{day.year}年森林生态效益补偿发放公示",
        f"{day.year}年见义勇为人员奖励公示",
    )
    body = [
        "\u3000\u3000"
        + pick(
            f,
            "现将有关情况公示如下：",
            "具体名单如下：",
            "经核定，名单如下：",
            "现予公示：",
            "经评审，拟奖励以下人员：",
        ),
        "\u3000\u3000" + people + "。",
        "\u3000\u3000公示期五个工作日。",
    ]
    return finish(fake, "address_list", f, "部分公开", [title], body, title, [who.name], day)


def applicant_reply(fake: Fake, f: int) -> OfficeDraft:
    who = office(fake, f)
    day = fake.day(2022, 2026)
    person = fake.person()
    title = pick(
        f,
        "政府信息公开申请答复书",
        "政府信息公开申请答复告知书",
        "关于政府信息公开申请的答复",
        "依申请公开政府信息告知书",
        "政府信息公开答复书",
    )
    head = [who.name, title, number(fake, f, who.short, day.year, "依复")]
    body = [
        f"{person}{pick(f, '：', '女士/先生：', '：', '（申请人）：', '：')}",
        "\u3000\u3000"
        + pick(
            f,
            f"本机关于{day.year}年{day.month}月收到你提出的政府信息公开申请，要求获取你所在小区征收补偿的有关信息。",
            "你通过网上申请平台提交的申请已收悉，你申请公开你本人房屋安置补偿协议。",
            "你以邮寄方式提出的申请收悉。你申请获取你父亲医疗救助审批材料。",
            "本机关已收到你的申请，申请内容为你本人承包地确权登记资料。",
            "你提交的申请表收悉，你申请获取对你作出的调查处理结果。",
        ),
        "\u3000\u3000经查，现将你申请的信息提供给你（见附件）。",
        "\u3000\u3000如对本答复不服，可以在收到本答复之日起六十日内申请行政复议，或者在六个月内提起行政诉讼。",
        f"送达地址：{fake.home_address()}",
    ]
    return finish(fake, "applicant_reply", f, "依申请公开", head, body, title, [who.name], day)


def penalty_individual(fake: Fake, f: int) -> OfficeDraft:
    who = office(
        fake, f, ("城市管理综合行政执法局", "林业局", "水利局", "文化广电旅游局", "商务局")[f]
    )
    day = fake.day(2022, 2026)
    title = pick(
        f, "行政处罚决定书", "行政处罚决定书", "当场行政处罚决定书", "行政处罚决定书", "处罚决定书"
    )
    head = [who.name, *_short_title(f, title), number(fake, f, who.short, day.year, "罚决")]
    body = [
        f"当事人：{fake.person()}，{fake.rng.choice(('男', '女'))}，{n(fake, 1955, 2000)}年生",
        f"住址：{fake.home_address()}",
        "\u3000\u3000"
        + pick(
            f,
            "你在城区主干道流动摆摊经营，经劝阻拒不改正。",
            "你在公益林内擅自采伐林木三株，经鉴定蓄积量1.2立方米。",
            "你在禁渔期内使用禁用渔具捕捞，被执法人员当场查获。",
            "你未经许可擅自经营网吧，接纳未成年人上网。",
            "你在批发市场销售过期食品，数量共计十二件。",
        ),
        "\u3000\u3000" + f"依据有关规定，决定对你处以罚款{n(fake, 200, 5000)}元。",
        "\u3000\u3000你如不服本决定，可以依法申请行政复议或者提起行政诉讼。",
    ]
    title = head[1]
    return finish(fake, "penalty_individual", f, "依申请公开", head, body, title, [who.name], day)


def licence_refusal(fake: Fake, f: int) -> OfficeDraft:
    who = office(fake, f, ("水利局", "文化广电旅游局", "林业局", "商务局", "教育体育局")[f])
    day = fake.day(2022, 2026)
    title = pick(
        f,
        "不予行政许可决定书",
        "不予许可决定书",
        "不予受理决定书",
        "不予行政许可决定书",
        "不予批准通知书",
    )
    head = [who.name, *_short_title(f, title), number(fake, f, who.short, day.year, "不许")]
    body = [
        f"{fake.person()}：",
        "\u3000\u3000"
        + pick(
            f,
            "你提出的河道采砂许可申请，经审查，不符合河道采砂规划，决定不予许可。",
            "你申请的娱乐场所经营许可，经审查，场所距离学校不足规定距离，不予许可。",
            "你提交的林木采伐许可申请材料不齐全，经告知后未补正，不予受理。",
            "你申请的酒类零售许可，经审查，经营场所不符合条件，决定不予许可。",
            "你申请举办民办培训学校，经审查，办学条件不符合要求，不予批准。",
        ),
        "\u3000\u3000如不服本决定，可在收到本决定书之日起六十日内申请行政复议。",
    ]
    title = head[1]
    return finish(fake, "licence_refusal", f, "依申请公开", head, body, title, [who.name], day)


def mediation(fake: Fake, f: int) -> OfficeDraft:
    who = office(fake, f, "司法局")
    day = fake.day(2022, 2026)
    title = pick(f, "人民调解协议书", "调解协议书", "行政调解书", "人民调解协议书", "调解书")
    a, b = fake.person(), fake.person()
    head = [who.name, *_short_title(f, title)]
    body = [
        f"当事人：{a}，住{fake.home_address()}",
        f"当事人：{b}，住{fake.home_address()}",
        "\u3000\u3000"
        + pick(
            f,
            "双方因宅基地界址发生纠纷，经调解，自愿达成如下协议：",
            "双方因邻里漏水赔偿问题发生争执，经调解达成协议如下：",
            "因交通事故赔偿问题，经本机关主持调解，双方自愿达成协议：",
            "双方就劳务报酬支付事宜，经调解达成如下一致意见：",
            "因土地承包经营权流转纠纷，双方在调解员主持下达成协议：",
        ),
        f"\u3000\u3000一、{b}于本协议签订之日起十日内一次性支付{a}人民币{n(fake, 2000, 60000)}元。",
        "\u3000\u3000二、本协议履行后，双方就此纠纷再无其他争议。",
    ]
    title = head[1]
    return finish(fake, "mediation", f, "依申请公开", head, body, title, [who.name], day)


PRIVATE: dict[str, Builder] = {
    "roster": roster,
    "penalty_firm": penalty_firm,
    "address_list": address_list,
    "applicant_reply": applicant_reply,
    "penalty_individual": penalty_individual,
    "licence_refusal": licence_refusal,
    "mediation": mediation,
}
