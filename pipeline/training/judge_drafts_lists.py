"""Generated drafts of the list layouts a new office names private persons in: the judge's
teacher and the measure of the list and column rules (issue 19's misses).

What the first generator (:mod:`pipeline.training.judge_drafts`) writes one way, offices
write many: members run after a cue (家庭成员：, 参加人员：, 村民代表：, 涉及农户：) and
separated by 、 ， , ； or spaces; numbered lists whose item is the name alone on its line
or followed by spaces, a tab or a colon (1. 张三 / （2）李四：… / ③王五); tables with no
姓名 header, or none at all, whose name column stands beside an ID, phone or village column
or among amounts and notes, cells split by tabs, two spaces or full-width spaces. Names
are Han (padded with a full-width space when two characters long), Uyghur with a middle
dot, Tibetan, Yi, Mongolian.

Every kind also writes the names that must stay published beside them (第二十条): a
working group's 组长/成员 with their titles or units, the 签发人, the office's 联系人,
制表人 and 审核人, a 包保责任人 column whose cells give the official's post before the name.
Written for this project from how offices draft (GB/T 9704, the 条例), beside the first
generator, whose writer and people they share.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pipeline.training.fake import VILLAGE_PARTS
from pipeline.training.judge_drafts import (
    OFFICIAL_TITLES,
    PROGRAMS,
    People,
    Writer,
    begin,
    closing_lines,
    draft_year,
    month_day,
    word_list,
)

# Cues after which a list names private persons.
PRIVATE_CUES = word_list(
    "家庭成员 共同申请人 参加人员 在场人员 村民代表 涉及农户 受助对象 见证人 继承人 "
    "涉事人员 被拖欠工资人员 到场群众 参保人员 受表彰人员 拟资助学生"
)
SEPARATORS = ("、", "，", ",", "；", " ", "\u3000")
# Where a name's unit or post stands when the list names officials (published).
UNITS = word_list("区住建局 区财政局 区民政局 街道办事处 镇政府 区信访局 县人社局 区城管局")
POSTS = word_list(
    "社区党委书记 社区工作站站长 街道劳动办副主任 镇党委副书记 区民政局副局长 网格站站长"
)
REMARKS = word_list("户主 配偶 长子 次女 孙子 母亲 父亲 儿媳")
DUTIES = word_list("已签字 未到场 已核实 待补材料 同意 不同意")
# Four-character status cells, some led by a surname character: never names.
STATUS = word_list(
    "程序规范 高度重视 方案待定 严重超期 常态巡查 关注跟进 按期办结 逾期未办 重复投诉 "
    "部分属实 诉求合理 整改到位 回访满意 推进缓慢 于法有据 冯河暴虎"
)
NUMBERINGS = ("{}. ", "{}．", "{}、", "（{}）", "({})", "{}）")
CIRCLED = "①②③④⑤⑥⑦⑧⑨"


def _cell_name(p: People, padded: float = 0.35) -> str:
    name = p.name(0.25)
    return p.padded(name) if p.rng.random() < padded else name


def _officials_line(w: Writer, p: People) -> None:
    """A working group of officials: titles or units before each name (published)."""
    rng = p.rng
    w.add(rng.choice(("\u3000\u3000组长：", "\u3000\u3000领导小组组长：", "\u3000\u3000出席：")))
    w.add(rng.choice(OFFICIAL_TITLES))
    w.value(None, p.fake.person())
    w.add(rng.choice(("；副组长：", "，副组长：", "；")))
    w.add(rng.choice(UNITS) + rng.choice(OFFICIAL_TITLES))
    w.value(None, p.fake.person())
    w.add(rng.choice(("；成员：", "。成员：", "；工作人员：")))
    for i in range(rng.randint(2, 4)):
        w.add("、" if i else "")
        w.add(rng.choice(UNITS))
        w.value(None, p.fake.person())
    w.add("。\n")


def _sign_off(w: Writer, p: People, agency: str) -> None:
    """制表人/审核人/签发人 lines (the office's staff, published), then the closing."""
    rng = p.rng
    for cue in rng.sample(("制表人：", "审核人：", "签发人：", "经办人："), rng.randint(1, 3)):
        w.add(rng.choice(("\u3000\u3000", "", "    ")) + cue)
        w.value(None, p.fake.person())
        w.add(rng.choice(("\n", "\u3000\u3000", "    ")))
    w.add("\n")
    closing_lines(w, p, agency)


def member_list(p: People) -> Writer:
    """Members run after a cue, separated by 、 ， , ； or spaces, some with a note."""
    rng, w, agency = begin(p)
    village = p.village()
    w.add(
        f"{agency}\n关于{village}{rng.choice(('矛盾纠纷调处', '低保复核', '欠薪处置', '宅基地确权'))}"
    )
    w.add(f"情况的{rng.choice(('通报', '报告', '说明', '纪要'))}\n\n")
    if rng.random() < 0.6:
        _officials_line(w, p)
    for _ in range(rng.randint(1, 3)):
        cue = rng.choice(PRIVATE_CUES)
        sep = rng.choice(SEPARATORS)
        w.add(f"\u3000\u3000{cue}{rng.choice(('：', '：', ':', '有', '为'))}")
        count = rng.randint(2, 6)
        noted = rng.random() < 0.3
        for i in range(count):
            w.add(sep if i else "")
            w.value("PERSON", _cell_name(p, 0.2))
            if noted:
                w.add(f"（{rng.choice(REMARKS)}）")
        w.add(
            rng.choice(("。\n", f"等{count}人。\n", "\n", f"，共{count}人。\n", "，均已到场。\n"))
        )
    if rng.random() < 0.5:  # the members in prose, no cue at all
        first, second = p.name(0.15), p.name(0.15)
        w.add("\u3000\u3000经核实，")
        w.value("PERSON", first)
        w.add(rng.choice(("、", "，", "和", "与")))
        w.value("PERSON", second)
        w.add(
            f"{rng.choice(('两户', '二人', '两人'))}{rng.choice(('符合条件', '已签订协议', '对处理结果无异议'))}。\n"
        )
    _sign_off(w, p, agency)
    return w


def numbered_names(p: People) -> Writer:
    """Numbered items whose name stands alone or before spaces, a tab or a colon."""
    rng, w, agency = begin(p)
    w.add(
        f"{agency}\n{draft_year(rng)}年{rng.choice(PROGRAMS)}{rng.choice(('名单', '公示', '人员名单'))}\n\n"
    )
    w.add(rng.choice(("\u3000\u3000名单如下：\n", "\u3000\u3000现公示如下：\n", "")))
    style = rng.randrange(4)
    numbering = rng.choice(NUMBERINGS)
    lead = rng.choice(("", "\u3000\u3000", "  "))
    for i in range(1, rng.randint(4, 10)):
        mark = CIRCLED[i - 1] if style == 3 else numbering.format(i)
        w.add(lead + mark)
        w.value("PERSON", _cell_name(p))
        if style == 0:
            w.add("\n")
        elif style == 1:
            gap = rng.choice(("  ", "\t", "\u3000", " "))
            w.add(f"{gap}{rng.choice('男女')}{gap}{rng.randint(1940, 2010)}年生{gap}")
            w.add(f"{p.village()}{rng.randint(1, 9)}组\n")
        elif style == 2:
            w.add(
                rng.choice(("：", ":")) + rng.choice(PROGRAMS) + f"{rng.randint(2, 90) * 100}元\n"
            )
        else:
            w.add(f"（{rng.choice('男女')}，{rng.choice(REMARKS)}）\n")
    if rng.random() < 0.5:
        w.add("\u3000\u3000以上人员经")
        w.add(rng.choice(OFFICIAL_TITLES))
        w.value(None, p.fake.person())
        w.add("审核同意。\n")
    _sign_off(w, p, agency)
    return w


def _column_value(p: People, kind: str) -> tuple[str | None, str]:
    """(label, text) of one cell of a column of ``kind``."""
    rng = p.rng
    if kind == "id":
        return "ID_CARD", p.id_number(rng.random() < 0.3)
    if kind == "phone":
        return "PHONE", p.fake.mobile()
    if kind == "village":
        return None, rng.choice(VILLAGE_PARTS) + rng.choice(VILLAGE_PARTS) + "村"
    if kind == "amount":
        return None, str(rng.randint(2, 90) * 100)
    if kind == "sex":
        return None, rng.choice("男女")
    if kind == "remark":
        return None, rng.choice(REMARKS)
    if kind == "duty":
        return None, rng.choice(DUTIES)
    if kind == "status":
        return None, rng.choice(STATUS)
    return None, rng.choice(PROGRAMS)


def name_table(p: People) -> Writer:
    """Rows of cells with a name column: no header, or a header without 姓名; a second
    name column (户主 and 家庭成员) at times; an official's post before the name in a
    包保责任人 column (published)."""
    rng, w, agency = begin(p)
    w.add(
        f"{agency}\n{rng.choice(PROGRAMS)}{rng.choice(('发放明细', '花名册', '台账', '登记表'))}\n"
    )
    sep = rng.choice(("\t", "  ", "   ", "\u3000\u3000", "\t"))
    columns = [
        "name",
        *rng.sample(
            ("id", "phone", "village", "amount", "sex", "remark", "duty", "kind", "status"),
            rng.randint(2, 4),
        ),
    ]
    rng.shuffle(columns)
    if rng.random() < 0.3:
        columns.insert(rng.randrange(len(columns) + 1), "name2")
    official = rng.random() < 0.35
    numbered = rng.random() < 0.7
    heads = {
        "name": rng.choice(("户主", "受助人", "参保人", "领取人", "对象")),
        "name2": "家庭成员",
        "id": "证件号码",
        "phone": "电话",
        "village": "村别",
        "amount": "金额",
        "sex": "性别",
        "remark": "关系",
        "duty": "情况",
        "kind": "项目",
        "status": "办理情况",
    }
    if rng.random() < 0.4:  # a header row, never with 姓名
        row = ["序号"] if numbered else []
        row += [heads[c] for c in columns] + (["包保责任人"] if official else [])
        w.add(sep.join(row) + "\n")
    for i in range(1, rng.randint(4, 11)):
        cells: list[tuple[str | None, str]] = [(None, str(i))] if numbered else []
        for column in columns:
            if column in ("name", "name2"):
                cells.append(("PERSON", _cell_name(p)))
            else:
                cells.append(_column_value(p, column))
        if official:
            cells.append((None, f"{rng.choice(POSTS)} "))
            cells.append(("OFFICIAL", p.fake.person()))
        for j, (label, value) in enumerate(cells):
            if j and label != "OFFICIAL":
                w.add(sep)
            w.value(label if label in ("PERSON", "ID_CARD", "PHONE") else None, value)
        w.add("\n")
    _sign_off(w, p, agency)
    return w


def meeting_record(p: People) -> Writer:
    """A 纪要 or 笔录: officials attend (titles, units), private persons are heard."""
    rng, w, agency = begin(p)
    w.add(f"{agency}\n{rng.choice(('协调会议纪要', '现场调解笔录', '听证会记录'))}\n\n")
    w.add(f"\u3000\u3000时间：{draft_year(rng)}年{month_day(rng)}\n")
    w.add(rng.choice(("\u3000\u3000主持人：", "\u3000\u3000主持：")))
    w.add(rng.choice(OFFICIAL_TITLES))
    w.value(None, p.fake.person())
    w.add("\n\u3000\u3000参加单位及人员：")
    for i in range(rng.randint(2, 4)):
        w.add("，" if i else "")
        w.add(rng.choice(UNITS))
        w.add(rng.choice(("", rng.choice(OFFICIAL_TITLES))))
        w.value(None, p.fake.person())
    w.add("\n")
    cue = rng.choice(("当事人及家属", "群众代表", "申请人一方", "列席群众", "村民代表"))
    w.add(f"\u3000\u3000{cue}：")
    sep = rng.choice(("、", "，", " "))
    names = [p.name(0.2) for _ in range(rng.randint(2, 5))]
    for i, name in enumerate(names):
        w.add(sep if i else "")
        w.value("PERSON", name)
    w.add("\n\u3000\u3000记录人：")
    w.value(None, p.fake.person())
    w.add("\n\u3000\u3000会上，")
    w.value("PERSON", names[0])
    w.add(
        f"{rng.choice(('反映', '提出', '陈述'))}了{rng.choice(('补偿标准偏低', '房屋漏水', '工资拖欠'))}问题，"
    )
    w.add(rng.choice(OFFICIAL_TITLES))
    w.value(None, p.fake.person())
    w.add("作了解释。\n")
    _sign_off(w, p, agency)
    return w


LIST_KINDS: dict[str, Callable[[People], Writer]] = {
    "member_list": member_list,
    "numbered_names": numbered_names,
    "name_table": name_table,
    "meeting_record": meeting_record,
}


def list_drafts(count: int, seed: int = 23) -> list[dict[str, Any]]:
    """``count`` labelled drafts of the list kinds in turn, in the corpus schema; a third
    with their lines broken at a fixed width as a PDF's text layer gives them (a seed of
    their own, so the first generator's drafts stay as they were)."""
    from pipeline.training.fake import Fake
    from pipeline.training.judge_drafts import wrapped

    fake, names = Fake(seed), sorted(LIST_KINDS)
    people = People(fake)
    out = []
    for i in range(count):
        kind = names[i % len(names)]
        record = LIST_KINDS[kind](people).record(f"gen:{kind}:{i}")
        if fake.rng.random() < 0.3:
            record = wrapped(record, fake.rng.choice((24, 28, 33, 40)))
        out.append(record)
    return out
