"""Generated rosters as offices draft them: the PERSON judge's teacher for lists and tables.

A second writer beside :mod:`pipeline.training.judge_drafts_lists`, with templates,
vocabulary and a seed of its own, so that ``benchmarks/person_kinds.py`` (which writes
its drafts with that module) still measures how the judge carries to layouts it never
saw. Written from how township and district offices publish and keep rosters:

- 名单 / 公示 of recipients grouped by village (东风村：张三、李四；…), names separated
  by 、 ， a space, two spaces or a tab, numbered 1. （一） ① or not at all;
- 花名册 and 补贴发放表 rows: 序号, name, masked ID or bank card, family size, amount,
  an empty 签字 cell, with a header row or none; two cells of names at times (户主 and
  代领人); rows that a PDF's text layer broke in two;
- 成员名单 of a household (张三（户主）、李四（妻）), 参会人员 and 签到表 where officials
  sit beside villagers.

What stays published (第二十条) is written beside them and never marked: a leading
group's 组长 and 成员 with their posts, 参会领导 with titles, the office's 联系人, 经办人,
审核人, 制表人 and 签发人, a 驻村干部 column giving the post before the name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pipeline.training.judge_drafts import People, Writer, word_list, wrapped

SEED = 41
SUBSIDIES = word_list(
    "农村特困供养 孤儿基本生活费 困难残疾人生活补贴 重度残疾人护理补贴 八十周岁以上老年人补贴 "
    "农村危房改造补助 退耕还林补助 雨露计划助学补助 就业困难人员社保补贴 城镇低保新增对象"
)
ROSTER_NAMES = word_list("名单 花名册 发放表 发放花名册 汇总表 人员名单 领取名单 一览表")
TOWNS = word_list("城关镇 清河镇 白沙乡 马坊镇 龙门乡 桃源街道 杨柳镇 石门乡")
HAMLETS = word_list("东风村 红旗村 向阳村 胜利村 团结村 光明村 新民村 五一村 柳树屯 黄泥坝")
POSTS = word_list(
    "镇长 副镇长 镇党委书记 民政办主任 财政所所长 街道办副主任 区民政局局长 乡村振兴局副局长"
)
RELATIONS = word_list("户主 妻 夫 子 女 儿媳 孙 孙女 父 母")
# Cells that stand where names stand and are none: a state of the case, a relation.
REMARKS = word_list(
    "材料齐全 情况属实 符合条件 暂缓发放 新增 停发 续发 复核通过 户籍迁出 已故 本人领取 "
    "代为领取 无异议 待核查 正常 "
    # led by a surname character: words a model may read as a name
    "高风险 黄色预警 万元以下 于期限内 张贴公示 严格审核 方案已定 程序合规 常规复核 林地补偿 "
    "金额核定 钱款到账 何时到账 余额不足 温馨提示 章程规定 孙辈代领 安全稳定"
)
NUMBERS = ("{}.", "{}、", "（{}）", "({})", "第{}户 ")
CHINESE = "一二三四五六七八九十"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


def _mark(style: int, i: int) -> str:
    if style == 0:
        return ""
    if style == 1:
        return f"{i}."
    if style == 2:
        return f"（{CHINESE[(i - 1) % 10]}）"
    return CIRCLED[(i - 1) % 10]


def _heading(w: Writer, p: People, kind: str) -> str:
    rng = p.rng
    agency = rng.choice(TOWNS) + rng.choice(("人民政府", "民政办", "社会事务办", "便民服务中心"))
    year = 2020 + rng.randrange(6)
    w.add(f"{agency}\n")
    w.add(f"{year}年{rng.choice(('', '第二批', '第三季度'))}{rng.choice(SUBSIDIES)}{kind}\n")
    return agency


def _staff(w: Writer, p: People) -> None:
    """The office's own people under the roster: published, never marked."""
    rng = p.rng
    for cue in rng.sample(("经办人", "审核人", "制表人", "签发人", "复核人"), rng.randint(1, 3)):
        w.add(rng.choice(("", "\u3000\u3000", "  ")) + cue + rng.choice(("：", ":")))
        w.value(None, p.fake.person())
        w.add(rng.choice(("\n", "    ", "\t")))
    w.add(f"\n\u3000\u3000咨询电话：0{rng.randint(310, 999)}-{rng.randint(2000000, 8999999)}")
    if rng.random() < 0.6:
        w.add("（联系人：")
        w.value(None, p.fake.person())
        w.add("）")
    w.add("\n")


# Village cadres: a village governs itself (村民委员会组织法), its cadres are no officials of
# an administrative organ (pipeline.detect.judge.SELF_GOVERNING) — marked like villagers.
CADRES = word_list("村党支部书记 村委会主任 村民小组长 村务监督委员会主任 村委委员")


def _leaders(w: Writer, p: People) -> None:
    """A leading group or the attending leaders: posts beside each name (published); a
    village cadre among them at times (not an official: marked)."""
    rng = p.rng
    w.add(
        rng.choice(
            ("\u3000\u3000评议小组组长：", "\u3000\u3000参会领导：", "\u3000\u3000监督人员：")
        )
    )
    for i in range(rng.randint(1, 3)):
        w.add(rng.choice(("、", "，")) if i else "")
        post = rng.choice(POSTS)
        if rng.random() < 0.5:
            w.add(post)
            w.value(None, p.fake.person())
        else:
            w.value(None, p.fake.person())
            w.add(f"（{post}）")
    if rng.random() < 0.4:
        w.add(rng.choice(("；", "，")) + rng.choice(CADRES))
        w.value("PERSON", p.padded(p.fake.person()) if rng.random() < 0.3 else p.fake.person())
    w.add("\n")


def village_list(p: People) -> Writer:
    """Recipients grouped by village, names run with 、 ， spaces or tabs, maybe numbered."""
    rng, w = p.rng, Writer()
    agency = _heading(w, p, rng.choice(("名单公示", "拟享受对象公示", "人员名单")))
    w.add("\u3000\u3000经本人申请、入户调查、民主评议，现将拟享受对象公示如下：\n")
    sep = rng.choice(("、", "，", " ", "  ", "\t", "\u3000"))
    style = rng.randrange(4)
    for i in range(1, rng.randint(3, 6)):
        count = rng.randint(1, 6)
        w.add(f"{_mark(style, i)}{rng.choice(HAMLETS)}（{count}{rng.choice('户人')}）：")
        for j in range(count):
            w.add(sep if j else "")
            name = p.name(0.2)
            w.value(
                "PERSON",
                p.padded(name) if sep in (" ", "  ", "\t") and rng.random() < 0.3 else name,
            )
        w.add(rng.choice(("\n", "。\n", "；\n")))
    if rng.random() < 0.6:
        _leaders(w, p)
    w.add("\u3000\u3000公示期间如有异议，请向镇纪委或民政办反映。\n")
    _staff(w, p)
    w.add(f"\n{agency}\n")
    return w


def payment_sheet(p: People) -> Writer:
    """A 发放表 / 花名册: header row or none, masked numbers, an empty 签字 cell."""
    rng, w = p.rng, Writer()
    agency = _heading(w, p, rng.choice(ROSTER_NAMES))
    sep = rng.choice(("\t", "  ", "\u3000\u3000", "   ", "\t"))
    cols = [
        "name",
        *rng.sample(
            ("id", "card", "size", "hamlet", "mobile", "remark", "program", "relation"),
            rng.randint(1, 4),
        ),
    ]
    rng.shuffle(cols)
    cols += (
        ["amount"]
        + (["agent"] if rng.random() < 0.3 else [])
        + (["cadre"] if rng.random() < 0.3 else [])
    )
    heads = {
        "name": rng.choice(("姓名", "户主", "享受人", "户主姓名", "")),
        "id": "身份证号",
        "card": "一卡通账号",
        "size": "人口数",
        "hamlet": "村组",
        "mobile": "手机",
        "amount": "发放金额",
        "remark": "备注",
        "program": "类别",
        "relation": "关系",
        "agent": "代领人",
        "cadre": "驻村干部",
    }
    numbered = rng.random() < 0.7
    if rng.random() < 0.5:
        w.add(sep.join((["序号"] if numbered else []) + [heads[c] for c in cols] + ["签字"]) + "\n")
    for i in range(1, rng.randint(4, 12)):
        if numbered:
            w.add(f"{i}{sep}")
        for j, col in enumerate(cols):
            w.add(sep if j else "")
            if col in ("name", "agent"):
                name = p.name(0.2)
                w.value("PERSON", p.padded(name) if rng.random() < 0.25 else name)
            elif col == "id":
                value = p.fake.resident_id()
                w.value(
                    "ID_CARD", value if rng.random() < 0.5 else value[:6] + "********" + value[-4:]
                )
            elif col == "card":
                w.add("6217" + "*" * 8 + str(rng.randint(1000, 9999)))
            elif col == "mobile":
                w.value("PHONE", p.fake.mobile())
            elif col == "size":
                w.add(str(rng.randint(1, 6)))
            elif col == "hamlet":
                w.add(rng.choice(HAMLETS) + f"{rng.randint(1, 9)}组")
            elif col == "remark":
                w.add(rng.choice(REMARKS))
            elif col == "program":
                w.add(rng.choice(SUBSIDIES)[: rng.choice((4, 6, 8))])
            elif col == "relation":
                w.add(rng.choice((*RELATIONS, "长子", "次女", "孙子", "外孙女")))
            elif col == "amount":
                w.add(f"{rng.randint(1, 60) * 50}.00")
            else:
                w.add(rng.choice(POSTS) + rng.choice(("", " ", "\u3000")))
                w.value(None, p.fake.person())
        w.add(sep + "\n" if rng.random() < 0.5 else "\n")
    w.add(f"合计{sep}{rng.randint(5, 90) * 100}.00\n")
    _staff(w, p)
    w.add(f"\n{agency}（盖章）\n")
    return w


def household_members(p: People) -> Writer:
    """A 审批表's household: the members with their relation in brackets or columns."""
    rng, w = p.rng, Writer()
    agency = _heading(w, p, rng.choice(("审批表", "家庭成员登记表", "入户调查表")))
    w.add(f"申请户：{rng.choice(HAMLETS)}{rng.randint(1, 9)}组\n")
    members = [p.name(0.15) for _ in range(rng.randint(2, 6))]
    style = rng.randrange(3)
    if style == 0:
        w.add(rng.choice(("家庭成员：", "共同生活成员：", "家庭人口：")))
        for i, name in enumerate(members):
            w.add(rng.choice(("、", "，")) if i else "")
            w.value("PERSON", name)
            w.add(f"（{RELATIONS[min(i, len(RELATIONS) - 1)] if i else '户主'}）")
        w.add(f"，共{len(members)}人。\n")
    else:
        sep = "\t" if style == 1 else "  "
        if rng.random() < 0.5:
            w.add(sep.join(("与户主关系", "姓名", "出生年月", "健康状况")) + "\n")
        for i, name in enumerate(members):
            relation = "户主" if not i else rng.choice(RELATIONS[1:])
            w.add(f"{relation}{sep}")
            w.value("PERSON", name)
            w.add(
                f"{sep}{rng.randint(1940, 2020)}.{rng.randint(1, 12):02d}{sep}{rng.choice(('健康', '残疾', '慢性病'))}\n"
            )
    w.add("\u3000\u3000入户调查人：")
    w.value(None, p.fake.person())
    w.add("、")
    w.value(None, p.fake.person())
    w.add(f"（{rng.choice(TOWNS)}民政办）\n")
    _staff(w, p)
    w.add(f"\n{agency}\n")
    return w


def attendance(p: People) -> Writer:
    """参会人员 / 签到表: the leaders with posts, the villagers listed or in rows."""
    rng, w = p.rng, Writer()
    agency = _heading(
        w, p, rng.choice(("评议会签到表", "民主评议会参会人员名单", "听证会参会人员"))
    )
    _leaders(w, p)
    w.add(
        rng.choice(
            ("\u3000\u3000群众代表：", "\u3000\u3000村民代表（签名）：", "\u3000\u3000参会群众：")
        )
    )
    names = [p.name(0.2) for _ in range(rng.randint(3, 8))]
    sep = rng.choice(("、", " ", "  ", "，", "\u3000"))
    for i, name in enumerate(names):
        w.add(sep if i else "")
        w.value("PERSON", name)
    w.add(rng.choice(("\n", f"（共{len(names)}人）\n", f"等{len(names)}人\n")))
    if rng.random() < 0.5:
        sep = rng.choice(("\t", "  "))
        for i in range(1, rng.randint(3, 6)):
            w.add(f"{i}{sep}")
            w.value("PERSON", p.name(0.2))
            w.add(f"{sep}{rng.choice(HAMLETS)}{sep}")
            w.value("PHONE", p.fake.mobile())
            w.add("\n")
    _staff(w, p)
    w.add(f"\n{agency}\n")
    return w


OFFICE_KINDS: dict[str, Callable[[People], Writer]] = {
    "village_list": village_list,
    "payment_sheet": payment_sheet,
    "household_members": household_members,
    "attendance": attendance,
}


def office_drafts(count: int, seed: int = SEED) -> list[dict[str, Any]]:
    """``count`` labelled rosters of the kinds in turn; a third with lines broken at a
    fixed width (rows of a table broken in two, as a PDF's text layer gives them)."""
    from pipeline.training.fake import Fake

    fake, names = Fake(seed), sorted(OFFICE_KINDS)
    people = People(fake)
    out = []
    for i in range(count):
        kind = names[i % len(names)]
        record = OFFICE_KINDS[kind](people).record(f"gen:office:{kind}:{i}")
        if fake.rng.random() < 0.3:
            record = wrapped(record, fake.rng.choice((22, 26, 30, 36)))
        out.append(record)
    return out
