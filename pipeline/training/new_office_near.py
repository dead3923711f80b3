"""The new office's near misses (:mod:`pipeline.training.new_office`): pairs a few words
apart on either side of a line of the 条例, each phrased five ways, one per family.

| kind | attribute |
|---|---|
| 征求意见 公告 to the public | 主动公开 |
| 征求意见函 to departments on an internal draft (过程性信息, 第十六条) | 不予公开 |
| 表彰 decision listing the persons with their ID numbers | 部分公开 |
| 行政复议决定书 upholding an act on one person's matter | 依申请公开 |
| 信访事项处理意见书 to one petitioner | 依申请公开 |
"""

from __future__ import annotations

from pipeline.training.fake import Fake
from pipeline.training.new_office import (
    Builder,
    OfficeDraft,
    finish,
    government,
    headed,
    n,
    number,
    office,
    pick,
)


def public_consultation(fake: Fake, f: int) -> OfficeDraft:
    who = office(fake, f)
    day = fake.day(2022, 2026)
    draft = pick(
        f,
        f"{who.place}养犬管理办法（征求意见稿）",
        f"{who.place}城市绿化管理规定（征求意见稿）",
        f"{who.place}农贸市场管理办法（草案）",
        f"{who.place}停车收费管理办法（征求意见稿）",
        f"{who.place}历史建筑保护办法（草案征求意见稿）",
    )
    head, title = headed(fake, f, who, day.year, f"公开征求《{draft}》意见", "公告", "告")
    body = [
        "\u3000\u3000"
        + pick(
            f,
            f"为提高立法质量，现将《{draft}》全文公布，向社会公开征求意见。",
            f"现将《{draft}》向社会公开征求意见，欢迎社会各界提出意见建议。",
            f"为广泛听取公众意见，现将《{draft}》予以公布，征求社会各界意见。",
            f"现就《{draft}》面向社会公开征求意见，公众可通过以下方式反馈。",
            f"依照规章制定程序，现将《{draft}》公开征求社会公众意见。",
        ),
        f"\u3000\u3000意见反馈截止时间：{day.year}年{day.month}月{min(28, day.day + 15)}日。",
        f"\u3000\u3000意见请发送至电子邮箱：zqyj{n(fake, 10, 99)}@{('cs', 'nc', 'fz', 'km', 'hrb')[f]}.gov.cn",
    ]
    return finish(fake, "public_consultation", f, "主动公开", head, body, title, [who.name], day)


def internal_consultation(fake: Fake, f: int) -> OfficeDraft:
    who = office(fake, f)
    day = fake.day(2022, 2026)
    draft = pick(
        f,
        f"{who.place}机构职能优化调整方案（初稿）",
        f"{who.place}{day.year}年财政预算调整方案（送审稿）",
        f"{who.place}干部队伍建设规划（讨论稿）",
        f"{who.place}重点项目资金分配方案（征求意见稿）",
        f"{who.place}国有资产处置方案（修改稿）",
    )
    head, title = headed(fake, f, who, day.year, f"征求《{draft}》意见", "函", "函")
    body = [
        pick(
            f,
            "局属各单位，机关各股室：",
            "县直有关单位：",
            "各有关部门：",
            "县财政局、县发展改革局：",
            "各相关单位：",
        ),
        "\u3000\u3000"
        + pick(
            f,
            "方案尚在研究阶段，请各单位提出修改意见，于五个工作日内书面反馈。",
            "预算调整方案尚未提交审议，请结合本单位实际提出意见，不得外传。",
            "规划稿仅供内部讨论，请于本周内反馈意见，逾期视为无意见。",
            "分配方案尚需会商，请提出意见后报我局汇总，请勿扩散。",
            "处置方案需经集体研究后报批，现征求意见，请于三日内反馈。",
        ),
    ]
    return finish(fake, "internal_consultation", f, "不予公开", head, body, title, [who.name], day)


def award_with_ids(fake: Fake, f: int) -> OfficeDraft:
    who = government(fake, f)
    day = fake.day(2022, 2026)
    core = pick(
        f,
        f"表彰{day.year}年度见义勇为先进个人",
        f"表扬{day.year}年度优秀志愿者",
        f"表彰{day.year}年度农村致富带头人",
        f"表彰{day.year}年度最美家庭",
        f"表彰{day.year}年度优秀护林员",
    )
    head, title = headed(fake, f, who, day.year, core, "决定")
    people = "、".join(
        f"{fake.person()}（身份证号码：{fake.resident_id()}）" for _ in range(n(fake, 2, 4))
    )
    body = [
        "\u3000\u3000"
        + pick(
            f,
            "为弘扬社会正气，经研究，决定对以下同志予以表彰：",
            "为激励更多群众参与志愿服务，决定对以下人员予以通报表扬：",
            "经推荐评选，决定对以下同志予以表彰奖励：",
            "经评选，决定授予以下家庭代表“最美家庭”称号：",
            "经考核评选，决定对以下护林员予以表彰：",
        ),
        f"\u3000\u3000{people}。",
        "\u3000\u3000希望受表彰的同志珍惜荣誉，再接再厉。",
    ]
    return finish(fake, "award_with_ids", f, "部分公开", head, body, title, [who.name], day)


def review_upheld(fake: Fake, f: int) -> OfficeDraft:
    who = government(fake, f)
    day = fake.day(2022, 2026)
    title = pick(
        f, "行政复议决定书", "行政复议决定书", "复议决定书", "行政复议决定书", "行政复议决定书"
    )
    respondent = office(fake, f).name
    head = [who.name, title, number(fake, f, who.short, day.year, "复决")]
    body = [
        f"申请人：{fake.person()}，住{fake.home_address()}",
        f"被申请人：{respondent}",
        "\u3000\u3000"
        + pick(
            f,
            "申请人不服被申请人作出的工伤不予认定决定，向本机关申请行政复议。",
            "申请人对被申请人作出的最低生活保障停发决定不服，提出复议申请。",
            "申请人不服被申请人对其作出的罚款决定，申请行政复议。",
            "申请人对被申请人不予发放其本人养老补贴的决定不服，申请复议。",
            "申请人不服被申请人对其宅基地申请不予批准的决定，申请行政复议。",
        ),
        "\u3000\u3000本机关认为，被申请人作出的行政行为认定事实清楚，程序合法，决定予以维持。",
        "\u3000\u3000申请人如不服本决定，可以自收到本决定书之日起十五日内向人民法院提起行政诉讼。",
    ]
    return finish(fake, "review_upheld", f, "依申请公开", head, body, title, [who.name], day)


def petition_reply(fake: Fake, f: int) -> OfficeDraft:
    who = office(fake, f)
    day = fake.day(2022, 2026)
    title = pick(
        f,
        "信访事项处理意见书",
        "信访事项答复意见书",
        "信访处理意见书",
        "信访事项处理意见书",
        "关于信访事项的答复",
    )
    head = [who.name, title, number(fake, f, who.short, day.year, "信处")]
    body = [
        f"{fake.person()}：",
        "\u3000\u3000"
        + pick(
            f,
            "你反映的家门口排水沟堵塞问题，本机关已受理并调查核实。",
            "你来信反映的本人拆迁补偿款未足额发放问题，经调查，情况如下。",
            "你反映的邻居违法搭建影响你家采光的问题，经现场核查，已责令整改。",
            "你反映的本人医保报销比例问题，经核查，报销符合政策规定。",
            "你反映的子女入学问题，经研究，答复如下。",
        ),
        "\u3000\u3000如对本处理意见不服，可以自收到本意见书之日起三十日内请求复查。",
    ]
    return finish(fake, "petition_reply", f, "依申请公开", head, body, title, [who.name], day)


NEAR: dict[str, Builder] = {
    "public_consultation": public_consultation,
    "internal_consultation": internal_consultation,
    "award_with_ids": award_with_ids,
    "review_upheld": review_upheld,
    "petition_reply": petition_reply,
}
