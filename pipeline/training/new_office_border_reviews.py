"""The fourth hand's kinds on the 部分公开 ↔ 依申请公开 border (see
:mod:`pipeline.training.new_office_border`): a 通报 telling every 街道 how one complaint
was handled (published, the complainant's details out), and 行政复议决定 on a public matter
or correcting an act (published) against those upholding the applicant's own matter
(依申请公开)."""

from __future__ import annotations

from pipeline.training.fake import Fake
from pipeline.training.new_office import Builder, OfficeDraft, government, office
from pipeline.training.new_office_border import c, draft_of


def complaint_bulletin(fake: Fake, f: int) -> OfficeDraft:
    """One complaint's handling told to every 街道 as a lesson: published, the
    complainant's name and phone taken out (部分公开)."""
    who = office(fake, f)
    day = fake.day(2022, 2026)
    person = fake.person()
    topic = c(
        fake, "沿街商铺违规存放液化气钢瓶", "小区违规群租", "工地夜间施工扰民", "餐饮油烟直排"
    )
    title = c(
        fake,
        f"关于群众投诉{topic}问题调查处理情况的通报",
        f"关于{topic}投诉办理情况的通报",
    )
    body = [
        c(fake, "各街道办事处，区直有关单位：", "各乡镇人民政府、街道办事处："),
        f"\u3000\u3000{day.month}月{day.day}日，我局接到市民{person}投诉（联系电话{fake.mobile()}），反映{topic}问题。",
        "\u3000\u3000接诉后，我局会同属地街道开展联合检查，责令经营者立即整改，并依法立案调查。",
        "\u3000\u3000各街道要举一反三，对辖区同类问题开展一次全面排查。",
    ]
    return draft_of(
        fake, f, "complaint_bulletin", "部分公开", who.name, who.short, title, body, day, "通"
    )


REVIEW_MATTERS_PUBLIC = (
    "被申请人作出的建设项目环境影响报告表批复",
    "被申请人核发的建设工程规划许可证",
    "被申请人作出的政府信息公开申请答复",
    "被申请人作出的国有土地上房屋征收决定",
    "被申请人对辖区农贸市场作出的收费标准核定",
)
REVIEW_MATTERS_OWN = (
    "被申请人作出的不予认定工伤决定",
    "被申请人对其作出的罚款500元的行政处罚决定",
    "被申请人停发其最低生活保障金的决定",
    "被申请人对其养老金待遇的核定",
)


def _review(fake: Fake, f: int, public: bool) -> OfficeDraft:
    gov = government(fake, f)
    name = gov.name.replace("办公室", "")
    day = fake.day(2022, 2026)
    person = fake.person()
    matter = c(fake, *(REVIEW_MATTERS_PUBLIC if public else REVIEW_MATTERS_OWN))
    title = c(fake, "行政复议决定书", f"{name}行政复议决定书")
    outcome = c(
        fake,
        "本机关决定：维持被申请人作出的行政行为。",
        "本机关决定：驳回申请人的行政复议请求。",
        "本机关决定：撤销被申请人作出的行政行为，责令其重新作出。",
    )
    body = [
        f"申请人：{person}，{c(fake, '男', '女')}，住{fake.home_address()}。",
        f"被申请人：{office(fake, f).name}。",
        f"\u3000\u3000申请人不服{matter}，向本机关申请行政复议，本机关依法受理。",
        f"\u3000\u3000经审理查明，{c(fake, '被申请人认定事实清楚，程序合法。', '被申请人作出决定前未听取申请人陈述申辩。')}",
        "\u3000\u3000" + outcome,
        "\u3000\u3000申请人如不服本决定，可以自收到本决定书之日起十五日内向人民法院提起行政诉讼。",
    ]
    # on a public matter, or correcting an act, the decision is published (部分公开: the
    # applicant's details out); a 维持/驳回 on the applicant's own matter concerns him only
    published = public or "撤销" in outcome
    return draft_of(
        fake,
        f,
        "review_public" if public else "review_own",
        "部分公开" if published else "依申请公开",
        name,
        gov.short,
        title,
        body,
        day,
        "复决",
    )


def review_public(fake: Fake, f: int) -> OfficeDraft:
    return _review(fake, f, True)


def review_own(fake: Fake, f: int) -> OfficeDraft:
    return _review(fake, f, False)


REVIEWS: dict[str, Builder] = {
    "complaint_bulletin": complaint_bulletin,
    "review_public": review_public,
    "review_own": review_own,
}
