"""Generated drafts with names in prose: joined by 与/和/及/、, before 夫妇/等人, a
clause's subject — with no role word, no count and no list to announce them.

A new office's 情况说明, 调查报告 and 信访 replies narrate: "经查，张建军与李秀梅于…",
"王建国和刘秀英夫妇反映…", "刘海波称…". Issue 19 found these names proposed by no
source. Written for this project from how such reports are drafted, beside
:mod:`pipeline.training.judge_drafts` (its writer and people), each draft in several
wordings, with what must not be kept beside them: officials named with a title
(局长王东与副局长李明), anonymised parties (张某某与李某某), places and words that start
with a surname (王府井, 张家口, 李子园, 高新区, 与会, 和平).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pipeline.training.fake import Fake
from pipeline.training.judge_drafts import (
    COMPLAINTS,
    OFFICIAL_TITLES,
    People,
    Writer,
    begin,
    closing_lines,
    month_day,
    named_official,
    wrapped,
)

JOINERS = ("与", "和", "及", "、", "同", "跟", "以及")
GROUPS = ("夫妇", "夫妻", "父子", "母女", "母子", "兄弟", "姐妹", "等人", "一家", "二人")
LEADS = ("经查，", "经调查核实，", "据了解，", "另查明，", "现场核查发现，", "", "其中，")
ACTS = (
    "于{d}到{o}反映",
    "于{d}签订了房屋租赁合同",
    "因宅基地界址问题发生纠纷",
    "称其从未收到过相关通知",
    "驾驶车辆途经{v}时发生碰撞",
    "持有该地块的承包经营权证",
    "居住在{v}已有二十余年",
    "来电反映{c}问题",
    "向{o}提出书面申请",
    "表示同意调解方案",
    "在{v}经营一家小卖部",
    "多次到{o}上访",
    "共同出资购买了该处房屋",
    "承认了上述事实",
    "先后在协议上签字",
    "均未参加当年的新农合",
    "对处理结果表示满意",
    "曾在{v}务工",
)
# Look-alikes that start with a surname, and anonymised parties: never spans.
DECOYS = (
    "游客多在王府井一带聚集",
    "货车由张家口方向驶来",
    "李子园村民小组召开了会议",
    "高新区管委会与会人员听取了汇报",
    "和平路沿线的商户均已签字",
    "张某某与李某某曾就此协商未果",
    "王某与其邻居曾发生口角",
    "周边与会单位表示支持",
    "黄金周期间客流较大",
    "金沙江沿岸各村与相关企业已对接",
)


def _act(p: People, office: str) -> str:
    rng = p.rng
    return rng.choice(ACTS).format(
        d=month_day(rng), o=office, v=p.village(), c=rng.choice(COMPLAINTS)
    )


def _name(p: People) -> str:
    """A private person's name, now and then padded (王　东) or a minority name."""
    name = p.name(0.12)
    return p.padded(name) if len(name) == 2 and p.rng.random() < 0.15 else name


def _coordinated(w: Writer, p: People, office: str) -> None:
    """两三人 joined by 与/和/及/、, then an act, a group word or both."""
    rng = p.rng
    names = [_name(p) for _ in range(rng.choice((2, 2, 2, 3, 4)))]
    w.add("\u3000\u3000" + rng.choice(LEADS))
    for i, name in enumerate(names):
        if i:
            w.add("和" if i == len(names) - 1 and rng.random() < 0.5 else rng.choice(JOINERS))
        w.value("PERSON", name)
    if rng.random() < 0.35:
        w.add(rng.choice(GROUPS))
    w.add(_act(p, office) + "。")


def _subject(w: Writer, p: People, office: str) -> None:
    """One person as a clause's subject, after a lead or a comma, no role word."""
    rng = p.rng
    w.add(rng.choice(("\u3000\u3000", "")) + rng.choice((*LEADS, "同日，", "此后，")))
    name = _name(p)
    w.value("PERSON", name)
    w.add(_act(p, office))
    if rng.random() < 0.4:
        w.add("，其" + rng.choice(("妻子", "儿子", "女儿", "母亲", "邻居")))
        w.value("PERSON", _name(p))
        w.add(rng.choice(("在场见证", "亦予以证实", "陪同前往")))
    w.add("。")


def _family(w: Writer, p: People, office: str) -> None:
    """A couple or a parent and child named with the group word after the second name."""
    rng = p.rng
    first, second = _name(p), _name(p)
    w.add("\u3000\u3000" + rng.choice(("", "村民", "经查，", "据反映，")))
    w.value("PERSON", first)
    w.add(rng.choice(("和", "与", "、")))
    w.value("PERSON", second)
    w.add(rng.choice(("夫妇", "夫妻", "父子", "母女", "二人")) + _act(p, office) + "。")


def _officials(w: Writer, p: People) -> None:
    """Officials joined the same way: titles make them published, never spans."""
    rng = p.rng
    w.add("\u3000\u3000")
    named_official(w, p, before=True)
    w.add(rng.choice(("与", "和", "、")))
    named_official(w, p, before=True)
    w.add(rng.choice(("带队到现场核查。", "参加了调解会。", "听取了情况汇报。")))


def prose_coordination(p: People) -> Writer:
    """A 情况说明 or 调查报告 narrating what private persons did, names in prose."""
    rng, w, agency = begin(p)
    office = rng.choice(("镇政府", "街道办", "信访局", "村委会", "派出所", "社区居委会"))
    title = rng.choice(("情况说明", "调查报告", "信访事项处理情况的报告", "纠纷调处情况的通报"))
    w.add(f"{agency}\n关于{p.village()}{rng.choice(COMPLAINTS)}问题的{title}\n\n")
    parts: list[Callable[[], None]] = [
        lambda: _coordinated(w, p, office),
        lambda: _subject(w, p, office),
        lambda: _family(w, p, office),
        lambda: _officials(w, p),
        lambda: w.add(rng.choice(DECOYS) + "。"),
    ]
    for _ in range(rng.randint(4, 7)):
        rng.choice(parts)()
        if rng.random() < 0.4:
            w.add("\n")
    if rng.random() < 0.5:
        w.add(f"\n\u3000\u3000{rng.choice(OFFICIAL_TITLES)}")
        w.value(None, p.fake.person())
        w.add("要求于月底前办结。")
    w.add("\n")
    closing_lines(w, p, agency)
    return w


PROSE_KINDS: dict[str, Callable[[People], Writer]] = {"prose_coordination": prose_coordination}


def prose_drafts(count: int, seed: int = 31) -> list[dict[str, Any]]:
    """``count`` labelled prose drafts in the corpus schema; a third wrapped."""
    fake = Fake(seed)
    people = People(fake)
    out = []
    for i in range(count):
        record = prose_coordination(people).record(f"gen:prose_coordination:{i}")
        if fake.rng.random() < 0.35:
            record = wrapped(record, fake.rng.choice((24, 28, 33, 40)))
        out.append(record)
    return out
