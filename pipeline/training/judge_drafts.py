"""Generated drafts with exact PERSON and ADDRESS spans: the judge's second teacher.

Sixty labelled documents teach the judge two sets of drafting guidelines; a new office
writes the same content otherwise (issue 19). Written for this project from how offices
draft (GB/T 9704, the 条例), each kind in several layouts, values marked as built:

- lists of private persons: 公示 tables with or without a header row, cells split by tabs
  or spaces, padded two-character names, masked IDs, category/township/note cells; lists
  (（一）/1．/一、) "姓名，性别，…，住…"; names in prose separated by 、;
- parties, witnesses, relatives and signatures of decisions and replies; homes after 住 /
  住所 / 通讯地址 / 送达地址 / "反映其所住的…", door level, with or without the province;
- minority names: Uyghur with a middle dot, Tibetan, Yi and Mongolian (no Han surname);
- what must not be kept: officials in office (局长王东, 执法人员…（执法证号…）, the office's
  联系人 and 经办人), agency and company seats, places, item lists, anonymised parties.

A third have their lines broken at a fixed width, as a PDF's text layer gives them.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from pipeline.training.fake import VILLAGE_PARTS, Fake


def word_list(line: str) -> tuple[str, ...]:
    return tuple(line.split())


TIBETAN = word_list(
    "次仁 扎西 尼玛 达瓦 米玛 普布 边巴 多吉 格桑 卓玛 拉姆 央宗 旺堆 顿珠 德吉 白玛 索朗 "
    "平措 巴桑 曲珍 洛桑 强巴 益西 丹增 卓嘎 拉巴 罗布 次旦"
)
UYGHUR = word_list(
    "阿依古丽 买买提 艾力 热依汗 吐尔逊 阿不都 古丽娜 努尔 艾克拜尔 迪丽拜尔 伊力哈木 "
    "阿布来提 帕提古丽 麦麦提 玉苏甫 图尔荪 阿卜杜拉 如克亚 沙吾提 米日古丽"
)
YI_HEAD, YI_TAIL = word_list("阿西 吉克 沙马 阿苏 马海 俄木"), word_list("木呷 阿依 拉则 日哈")
MONGOLIAN = word_list("巴特尔 其其格 乌兰 苏和 额尔敦 那仁 朝鲁 斯琴 宝音 乌日娜 孟和 图雅")
ESTATE_WORDS = ("锦绣", "翠湖", "阳光", "幸福", "金桂", "龙泉", "书香", "东湖", "丽景", "和谐")
ESTATE_KINDS = ("小区", "花园", "家园", "苑", "新村", "公寓")
PROGRAMS = word_list(
    "城乡低保对象 临时救助对象 残疾人两项补贴 高龄津贴 生态护林员 公益性岗位补贴 "
    "耕地地力保护补贴 危房改造补助对象"
)
OFFICIAL_TITLES = ("局长", "副局长", "主任", "副主任", "科长", "所长", "镇长", "副县长")
ROADS, SEAT_ROADS = (
    word_list("人民 解放 建设 滨河 新华 工农"),
    word_list("政务 府前 行政 科技 工业"),
)
DECISIONS = word_list("政府信息公开申请答复书 行政复议决定书 信访事项处理意见书 行政处罚决定书")
TRADES = word_list("工程师 研发总监 技术员 职工 会计 销售经理")
CATEGORIES = word_list(
    "特困人员 低保对象 五保户 残疾人 脱贫户 监测对象 优抚对象 孤儿 推诿扯皮 回访不实"
)
NOTES = word_list("同上 无 已核实 新增 续保 代领 — 迁出")
COMPLAINTS = ("楼上漏水", "噪声扰民", "油烟污染", "占道经营", "违章搭建", "物业收费", "路灯不亮")


class Writer:
    """Text written piece by piece; ``value`` marks a PERSON or ADDRESS span as written."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.spans: list[dict[str, Any]] = []

    def add(self, *pieces: str) -> None:
        for piece in pieces:
            self.parts.append(piece)
            self.size += len(piece)

    def value(self, label: str | None, text: str) -> None:
        """``text`` written; a span of ``label`` unless None (an official, an agency)."""
        if label is not None:
            self.spans.append(
                {"start": self.size, "end": self.size + len(text), "label": label, "text": text}
            )
        self.add(text)

    def record(self, doc: str) -> dict[str, Any]:
        return {"id": doc, "text": "".join(self.parts), "spans": list(self.spans)}


class People:
    """Names and homes drawn from one seeded generator, in the shapes offices write."""

    def __init__(self, fake: Fake) -> None:
        self.fake = fake
        self.rng: random.Random = fake.rng

    def name(self, minority: float = 0.15) -> str:
        rng = self.rng
        if rng.random() >= minority:
            return self.fake.person()
        kind = rng.randrange(4)
        if kind == 0:
            return rng.choice(UYGHUR) + "·" + rng.choice(UYGHUR)
        if kind == 1:
            first, second = rng.sample(TIBETAN, 2)
            return first + second if rng.random() < 0.7 else first
        if kind == 2:
            return rng.choice(YI_HEAD) + rng.choice(YI_TAIL)
        return rng.choice(MONGOLIAN)

    def padded(self, name: str) -> str:
        """Two-character names padded to three, as aligned columns and lists print them."""
        return name[0] + "\u3000" + name[1] if len(name) == 2 else name

    def village(self) -> str:
        rng = self.rng
        return rng.choice(VILLAGE_PARTS) + rng.choice(VILLAGE_PARTS) + "村"

    def home(self) -> str:
        """A door-level home, with the province or city, the district only, or neither."""
        rng = self.rng
        province, city, district = self.fake.region()
        head = rng.choice((province + city + district, city + district, district, ""))
        style = rng.randrange(3)
        if style == 0:
            town = rng.choice(VILLAGE_PARTS) + rng.choice(VILLAGE_PARTS) + rng.choice("镇乡")
            tail = rng.choice(
                (f"{rng.randint(1, 12)}组{rng.randint(1, 80)}号", f"{rng.randint(1, 9)}组")
            )
            return head + rng.choice((town, "")) + self.village() + tail
        estate = rng.choice(ESTATE_WORDS) + rng.choice(ESTATE_KINDS)
        room = f"{rng.randint(1, 30)}{rng.choice(('栋', '幢', '号楼'))}"
        if rng.random() < 0.5:
            room += f"{rng.randint(1, 4)}单元"
        room += f"{rng.randint(1, 28)}{rng.randint(1, 4):02d}{rng.choice(('室', '号', ''))}"
        if style == 1:
            return head + estate + room
        road = rng.choice(ROADS) + rng.choice(("路", "街", "大道"))
        door = head + road + f"{rng.randint(1, 300)}号"
        return door + rng.choice((estate + room, room, ""))

    def seat(self) -> str:
        """An agency's or company's seat: published, never a private home."""
        rng = self.rng
        _province, city, district = self.fake.region()
        road = rng.choice(SEAT_ROADS) + rng.choice(("路", "大道", "街"))
        return rng.choice((city, "")) + district + road + f"{rng.randint(1, 300)}号"

    def id_number(self, masked: bool) -> str:
        value = self.fake.resident_id()
        return value[:4] + "*" * 10 + value[-4:] if masked else value


def begin(p: People) -> tuple[random.Random, Writer, str]:
    """(the generator, an empty draft, the issuing agency) a kind starts from."""
    return p.rng, Writer(), p.fake.agency()


def month_day(rng: random.Random) -> str:
    return f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日"


def draft_year(rng: random.Random) -> int:
    return 2021 + rng.randrange(5)


def named_official(w: Writer, p: People, before: bool = True) -> None:
    """An official named in office: title before or after the name, never a span."""
    name, title = p.fake.person(), p.rng.choice(OFFICIAL_TITLES)
    w.add(title if before else "")
    w.value(None, name)
    w.add("" if before else title)


def closing_lines(w: Writer, p: People, agency: str) -> None:
    rng = p.rng
    w.add("\n\u3000\u3000联系人：")
    w.value(None, p.fake.person())
    w.add(f"，联系电话：0{rng.randint(310, 999)}-{rng.randint(2000000, 8999999)}")
    if rng.random() < 0.5:
        w.add(rng.choice(("，地址：", "\u3000\u3000地址：", "\n\u3000\u3000通讯地址：")))
        w.value(None, p.seat())  # the office's own address: published
    w.add("\n")
    w.add(f"\n{' ' * rng.randint(0, 20)}{agency}\n{draft_year(rng)}年{month_day(rng)}\n")


def roster(p: People) -> Writer:
    """A 公示 / 发放名单 table: header row or none, cells split by tabs or spaces."""
    rng, w, agency = begin(p)
    program = rng.choice(PROGRAMS)
    w.add(f"{agency}\n关于{draft_year(rng)}年度{program}的{rng.choice(('公示', '名单公示'))}\n\n")
    w.add("\u3000\u3000经个人申请、村（社区）初审、乡镇（街道）审核，现将名单公示如下：\n")
    sep = rng.choice(("\t", "  ", " ", "\u3000\u3000", "\u3000"))
    with_address, with_id = rng.random() < 0.6, rng.random() < 0.7
    numberless = not with_id and rng.random() < 0.4  # names and amounts only
    masked, padded = rng.random() < 0.4, sep != "\u3000" and rng.random() < 0.5
    # Cells that stand where names stand and are none: a category, a township, a note.
    with_kind, with_place, with_note = (rng.random() < 0.5 for _ in range(3))
    if rng.random() < 0.6:
        header = ["序号", rng.choice(("姓名", "户主姓名", "申请人", "对象")), "性别"]
        header += ["身份证号码"] if with_id else [] if numberless else ["联系电话"]
        header += ["类别"] if with_kind else []
        header += ["所在乡镇"] if with_place else []
        header += [rng.choice(("家庭住址", "住址", "所在村组"))] if with_address else []
        w.add(sep.join([*header, "金额（元）", *(["备注"] if with_note else [])]) + "\n")
    for i in range(1, rng.randint(4, 10)):
        name = p.name(0.25)
        w.add(f"{i}{sep}")
        w.value("PERSON", p.padded(name) if padded else name)
        w.add(f"{sep}{rng.choice('男女')}")
        w.add("" if numberless else sep + (p.id_number(masked) if with_id else p.fake.mobile()))
        if with_kind:
            w.add(sep + rng.choice(CATEGORIES))
        if with_place:
            w.add(sep + rng.choice(VILLAGE_PARTS) + rng.choice(VILLAGE_PARTS) + rng.choice("镇乡"))
        if with_address:
            w.add(sep)
            w.value("ADDRESS", p.home())
        w.add(f"{sep}{rng.randint(2, 60) * 100}")
        w.add(f"{sep}{rng.choice(NOTES)}\n" if with_note else "\n")
    return objection_and_close(
        w, p, agency, "\u3000\u3000公示期为7个工作日。如有异议，请向", "反映。"
    )


def objection_and_close(w: Writer, p: People, agency: str, lead: str, tail: str) -> Writer:
    """The line naming the official to turn to (a name never to keep), then the closing."""
    w.add(lead)
    named_official(w, p, before=False)
    w.add(tail)
    closing_lines(w, p, agency)
    return w


def numbered(p: People) -> Writer:
    """Items "（一）姓名，性别，…，住…。" under a 公示 or a 决定 head."""
    rng, w, agency = begin(p)
    w.add(f"{agency}\n关于{rng.choice(PROGRAMS)}审核结果的公示\n\n\u3000\u3000经审核，名单如下：\n")
    marks = rng.choice(
        (("（{}）", "一二三四五六七八九"), ("{}．", "123456789"), ("{}、", "一二三四五六七八九"))
    )
    for i in range(rng.randint(3, 7)):
        name = p.name(0.3)
        w.add("\u3000\u3000" + marks[0].format(marks[1][i]))
        w.value("PERSON", p.padded(name) if rng.random() < 0.3 else name)
        w.add(f"，{rng.choice('男女')}，{rng.randint(1940, 2005)}年{rng.randint(1, 12)}月生")
        if rng.random() < 0.6:
            w.add(f"，{rng.choice(('住', '家住', '户籍地：', '现住'))}")
            w.value("ADDRESS", p.home())
        if rng.random() < 0.3:
            w.add(f"，补贴由其{rng.choice(('母亲', '儿子', '配偶', '女儿'))}")
            w.value("PERSON", p.name(0.3))
            w.add("代领")
        w.add("。\n")
    if rng.random() < 0.5:
        first, second = p.name(0.1), p.name(0.1)
        w.add("\u3000\u3000其中，")
        w.value("PERSON", first)
        w.add("、")
        w.value("PERSON", second)
        w.add("已于本月完成核查。\n")
    closing_lines(w, p, agency)
    return w


def decision(p: People) -> Writer:
    """A reply or decision on a person's matter: parties, body, closing signatures."""
    rng, w, agency = begin(p)
    applicant = p.name(0.15)
    w.add(f"{agency}\n{rng.choice(DECISIONS)}\n")
    w.add(
        f"{rng.choice(('答', '复', '罚', '信'))}字〔{draft_year(rng)}〕第{rng.randint(1, 99)}号\n"
    )
    cue = rng.choice(("申请人", "当事人", "信访人", "复议申请人", "被处罚人", "投诉人"))
    if rng.random() < 0.4:
        w.value("PERSON", applicant)
        w.add(rng.choice(("：\n", "女士：\n", "先生：\n")))
    w.add(f"{cue}：")
    w.value("PERSON", applicant)
    w.add(f"，{rng.choice('男女')}，{rng.randint(1950, 2000)}年{month_day(rng)}出生，")
    w.add(f"身份证号码：{p.fake.resident_id()}，")
    w.add(rng.choice(("住", "住所：", "住址：", "现住")))
    w.value("ADDRESS", p.home())
    w.add("。\n")
    if rng.random() < 0.5:
        w.add(f"{rng.choice(('委托代理人', '代理人'))}：")
        w.value("PERSON", p.name(0.1))
        w.add(f"，{rng.choice(('系申请人之子', '律师事务所律师', '系申请人配偶'))}。\n")
    if rng.random() < 0.5:
        w.add(f"{rng.choice(('通讯地址', '送达地址', '联系地址'))}：")
        w.value("ADDRESS", p.home())
        w.add("\n")
    if rng.random() < 0.5:
        w.add("被申请人：" + agency + "，住所地：")
        w.value(None, p.seat())
        w.add("。\n法定代表人：")
        named_official(w, p, before=False)
        w.add("。\n")
    w.add(f"\u3000\u3000{rng.choice(('申请人', '你'))}于{month_day(rng)}")
    w.add(rng.choice(("反映其所住的", "反映其名下位于", "反映其居住的")))
    w.value("ADDRESS", p.home())
    w.add(f"{rng.choice(COMPLAINTS)}问题。经查，")
    w.value("PERSON", applicant)
    w.add("反映的情况属实。")
    witness = p.name(0.2)
    w.add(f"{rng.choice(('相邻住户', '同村村民', '证人', '其邻居', '物业保安'))}")
    w.value("PERSON", witness)
    w.add("证实了上述情况，")
    named_official(w, p, before=True)
    w.add("带队到现场核查。另查明，")
    w.value("PERSON", witness)
    w.add(f"与{rng.choice(('李某某', '王某', '张某某'))}曾就此协商未果。\n")
    if rng.random() < 0.5:
        company = p.fake.company()
        w.add(f"\u3000\u3000{company}（住所：")
        w.value(None, p.seat())
        w.add("，法定代表人：")
        w.value("PERSON", p.name(0.05))
        w.add(f"）为该项目建设单位，项目位于{p.village()}东侧。\n")
    w.add("\u3000\u3000执法人员：")
    w.value(None, p.fake.person())
    w.add(f"（执法证号：{rng.randint(10000000, 99999999)}）。\n")
    w.add(f"\u3000\u3000{rng.choice(('申请人（签字）', '签收人', '当事人签名', '受送达人'))}：")
    w.value("PERSON", applicant)
    if rng.random() < 0.4:  # the person's own signature: the name alone on its line
        w.add(f"\n{' ' * rng.randint(10, 24)}")
        w.value("PERSON", p.padded(applicant) if rng.random() < 0.3 else applicant)
        w.add(f"\n{' ' * rng.randint(10, 24)}{draft_year(rng)}年{month_day(rng)}")
    w.add("\n\u3000\u3000经办人：")
    w.value(None, p.fake.person())
    closing_lines(w, p, agency)
    return w


def prose_list(p: People) -> Writer:
    """Names of private persons in prose, separated by 、 and with no role word."""
    rng, w, agency = begin(p)
    w.add(
        f"{agency}\n关于{p.village()}{rng.choice(('房屋征收', '土地确权', '欠薪处理'))}有关情况的通报\n\n\u3000\u3000"
    )
    names = [p.name(0.15) for _ in range(rng.randint(2, 5))]
    w.add(rng.choice(("经调查，", "经村民代表会议评议，", "据核实，")))
    units = rng.random() < 0.3  # 郗梦瑶（深圳某科技有限公司研发总监）、庞博文（…）
    comma = "，" if not units and rng.random() < 0.3 else "、"
    for i, name in enumerate(names):
        w.add(comma if i else "")
        w.value("PERSON", name)
        w.add(f"（{p.fake.company()}{rng.choice(TRADES)}）" if units else "")
    w.add(f"等{len(names)}户{rng.choice(('符合安置条件', '房屋位于征收范围内', '被拖欠工资'))}。")
    w.add("其中")
    w.value("PERSON", names[0])
    w.add(f"{rng.choice(('家', '户'))}房屋坐落于")
    w.value("ADDRESS", p.home())
    w.add("，建筑面积" + str(rng.randint(60, 300)) + "平方米。\n\u3000\u3000")
    named_official(w, p, before=True)
    w.add(f"要求{p.village()}村委会于{rng.randint(1, 12)}月底前完成核查，项目部地址：")
    w.value(None, p.seat())
    w.add("。\n")
    closing_lines(w, p, agency)
    return w


KINDS: dict[str, Callable[[People], Writer]] = {
    "roster": roster,
    "numbered": numbered,
    "decision": decision,
    "prose_list": prose_list,
}


def wrapped(record: dict[str, Any], width: int) -> dict[str, Any]:
    """Lines longer than ``width`` broken every ``width`` characters, spans moved (a span
    a break falls in grows by it)."""
    text, spans = record["text"], [dict(s) for s in record["spans"]]
    out: list[str] = []
    column = 0
    for ch in text:
        if ch == "\n":
            column = 0
        elif column == width:
            pos = len(out)
            for s in spans:
                if s["start"] >= pos:
                    s["start"] += 1
                if s["end"] > pos:
                    s["end"] += 1
            out.append("\n")
            column = 0
        if ch != "\n":
            column += 1
        out.append(ch)
    joined = "".join(out)
    for s in spans:
        s["text"] = joined[s["start"] : s["end"]]
    return dict(record, text=joined, spans=spans)


def drafts(count: int, seed: int = 19, official: bool = True) -> list[dict[str, Any]]:
    """``count`` labelled drafts in the corpus schema (id, text, spans), kinds in turn
    (``official=False``: without the drafts of published addresses)."""
    from pipeline.training.judge_drafts_official import OFFICIAL_KINDS
    from pipeline.training.judge_drafts_public import PUBLIC_KINDS

    kinds = {**KINDS, **PUBLIC_KINDS, **(OFFICIAL_KINDS if official else {})}
    fake, names = Fake(seed), sorted(kinds)
    people = People(fake)
    out = []
    for i in range(count):
        kind = names[i % len(names)]
        record = kinds[kind](people).record(f"gen:{kind}:{i}")
        if fake.rng.random() < 0.35:
            record = wrapped(record, fake.rng.choice((24, 28, 33, 40)))
        out.append(record)
    return out
