"""Candidates for PERSON and ADDRESS from every source, recall first.

Each source proposes generously and says who it is; nothing here decides. The judge
(:mod:`pipeline.detect.judge`) keeps or drops each proposal from what proposed it and the
words, line and document around it. Sources:

- the rules (:class:`~pipeline.detect.person_name.PersonRecognizer`,
  :class:`~pipeline.detect.address.AddressRecognizer`): role words, addressee lines,
  table columns under a 姓名/住址 header, list items — with the role they read;
- both NER models on every line (:mod:`pipeline.detect.line_ner`);
- layout: cells of a row that also holds an identity, phone or card number (a column of
  IDs makes its neighbour a column of names, header or not), rows separated by tabs,
  wide spaces or single spaces;
- shapes the models miss: names padded with a full-width space (王　东), minority names
  with a middle dot (阿依古丽·吐尔逊), members of a "、"-separated list of names;
- the layout (:mod:`pipeline.detect.person_layout`): members of a list after a cue,
  numbered items, a table column of names with or without a header;
- the address grammar (:mod:`pipeline.detect.address_grammar`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.detect.address import AddressRecognizer, clause_pieces
from pipeline.detect.address_grammar import lead_in
from pipeline.detect.address_grammar import parse as parse_addresses
from pipeline.detect.chinese_name import CJK, NAME_DOTS, place_head, plausible, surnames, tag_words
from pipeline.detect.context import cell_bounds
from pipeline.detect.dotted_names import dotted_spans
from pipeline.detect.home_evidence import names_a_home
from pipeline.detect.line_ner import lines_of, mentions
from pipeline.detect.name_slots import SLOT_SOURCES, slot_names
from pipeline.detect.person_layout import (
    counted_members,
    list_members,
    name_column,
    numbered_names,
)
from pipeline.detect.person_name import PersonRecognizer
from pipeline.detect.prose_names import transliterated_names
from pipeline.detect.spaced_titles import inside_spaced_title, spaced_titles
from pipeline.detect.wrapped_names import wrapped_names
from pipeline.finding import Finding, Role
from pipeline.gongwen import OFFICE_NAME, parse_doc_number
from pipeline.lexicons import Matcher, matcher

# An identity, phone or card number in a row (digits, maybe spaced/hyphenated/full-width).
ROW_NUMBER = re.compile(r"[0-9０-９](?:[ \-－*＊]?[0-9０-９*＊]){9,18}[0-9０-９XxＸｘ]?")
CELL_SPLIT = re.compile(
    r"\t|\u3000{2,}| {2,}|(?<=[0-9０-９Xx*＊]) (?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff]) (?=[0-9０-９])"
)
PADDED = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]\u3000[\u4e00-\u9fff]")
# A padded name run into the words before it: 相邻商户苑　静证实, 其妻李　芳.
PERSON_NOUN_PADDED = re.compile(
    r"(?:商户|住户|村民|居民|职工|员工|工友|邻居|业主|租户|证人|司机|店主|户主|妻子|丈夫|其妻|其夫|"
    r"儿子|女儿|父亲|母亲|家属|同事|患者|学生|市民|群众|网格员)"
    r"([\u4e00-\u9fff]\u3000[\u4e00-\u9fff])(?![\u4e00-\u9fff]\u3000)"
)
# What an organisation's name ends with: a "name" at its head is no person (申请人：沈阳北方…公司).
# The words between hold no verb or preposition (王东在市政务服务中心 is a person).
ORG_TAIL = re.compile(
    r"[^\W\d_在于向到与和的称将对从由为是及等、]{0,24}?(?:有限公司|有限责任公司|股份公司|公司|集团|厂|"
    r"合作社|商行|经营部|门市部|事务所|研究院|医院|学校|协会|"
    # shops a 消费投诉 names (章贡|恒达健身会所) and a bank's branch (中国农业银行雁峰|支行)
    r"店|超市|商场|会所|驾校|培训机构|美容院|支行|分行|营业部|信用社)"
    # the organisation's people may follow its name: …加工厂职工龙天佑
    r"(?:(?![\u4e00-\u9fff])|(?=职工|员工|工人|负责人|法定代表人|厂长|店主|老板))"
)
# A 个体工商户's shop named after its keeper's surname: 雷氏棋牌室, 鲁记早餐店, 王家小吃店.
SHOP_TAIL = re.compile(
    r"[\u4e00-\u9fff]{0,6}?(?:店|超市|饭庄|酒楼|餐馆|诊所|药房|棋牌室|理发室|工作室)"
)
# A short token standing between delimiters: "、端木清远（", "。海文军来电" is not one.
DELIMITED = re.compile(
    r"(?<=[、，,。：:；;\n\t（(）)“”\u3000 ])[\u4e00-\u9fff]{2,4}(?=[、，,。：:；;\n\t（(）)”\u3000 ]|$)"
)
# A list item's number at its line's start: （二）, 3．, 3、, 二、.
ITEM_NUMBER = (
    r"[ \u3000]*(?:[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[、.．]|[一二三四五六七八九十]+、)"
)
# A list item: （二）德吉央宗，女 / 3．包宝山，带病回乡.
LIST_ITEM = re.compile(
    rf"(?:^|\n){ITEM_NUMBER}"
    rf"[ \u3000]*([\u4e00-\u9fff](?:\u3000?[\u4e00-\u9fff]){{1,7}}(?:[{NAME_DOTS}][\u4e00-\u9fff]{{2,8}})?)(?=[，,（(])"
)
COMMA_NAMES = re.compile(
    r"(?<![\u4e00-\u9fff])(?:[\u4e00-\u9fff]{2,4}[，,]){2,}[\u4e00-\u9fff]{2,4}(?![\u4e00-\u9fff])"
)
PAD = re.compile(r"[ \u3000]")
OWN_LINE = re.compile(
    r"(?m)^[ \u3000]*([\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,3})[ \u3000]*$"
)
LIST_NAMES = re.compile(
    r"(?:[\u4e00-\u9fff]{2,4}(?:[\u3000 ][\u4e00-\u9fff])?、){1,}[\u4e00-\u9fff]{2,4}"
)


# The layout's sources (:mod:`pipeline.detect.person_layout`). The judge's features leave
# them out (a judge taught them read pieces of names in short texts and dropped names it
# had kept); a name they propose is kept at judge.PERSON.layout (pipeline/detect/judge.py).
LAYOUT_SOURCES = frozenset({"rule:people_list", "rule:name_column"})
# A "name" run into one of these is a place's head (章多|乡, 石堡|村, 张国华|路).
PLACE_TAIL = frozenset("乡镇村路街巷")


def doc_number_spans(text: str) -> list[tuple[int, int]]:
    """Where a head line's 发文字号 stands (韶交执罚〔2024〕0218号): its 机关代字 is the
    office's code, never a name or an address (GB/T 9704 版头)."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        if "号" in line and (number := parse_doc_number(line)) is not None:
            at = line.find(number.text)
            if at >= 0:
                spans.append((offset + at, offset + at + len(number.text)))
        offset += len(line) + 1
    return spans


@dataclass
class Proposal:
    """One candidate span: every source that proposed it, with its score and words."""

    label: str
    start: int
    end: int
    text: str
    sources: dict[str, float] = field(default_factory=dict)
    rule_role: Role | None = None
    rule_reason: str = ""
    context_words: tuple[str, ...] = ()

    def add(self, source: str, score: float) -> None:
        self.sources[source] = max(score, self.sources.get(source, 0.0))


class Proposals:
    """Proposals of one document keyed by (label, start, end)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.items: dict[tuple[str, int, int], Proposal] = {}
        self.reject: re.Pattern[str] | None = None
        self.blocked = doc_number_spans(text)

    def add(self, label: str, start: int, end: int, source: str, score: float) -> Proposal | None:
        while start < end and self.text[start] in " \u3000\n\t":
            start += 1
        while end > start and self.text[end - 1] in " \u3000\n\t":
            end -= 1
        while (
            label == "ADDRESS"
            and start < end
            and (
                lead_in(self.text, start)
                or (self.text[start] == "地" and self.text[start - 2 : start] in ("住所", "户籍"))
            )
        ):
            start += 1  # 所居住的城东区…, 住所地…: the words leading into an address
        if (
            end - start < 2
            or (self.reject is not None and self.reject.search(self.text[start:end]))
            or any(a < end and start < b for a, b in self.blocked)
        ):
            return None
        key = (label, start, end)
        proposal = self.items.get(key)
        if proposal is None:
            proposal = self.items[key] = Proposal(label, start, end, self.text[start:end])
        proposal.add(source, score)
        return proposal

    def add_finding(self, finding: Finding) -> None:
        detail = finding.explanation_detail
        proposal = self.add(finding.label, finding.start, finding.end, detail.source, finding.score)
        if proposal is not None and (proposal.rule_role is None or finding.role == "private"):
            proposal.rule_role = finding.role
            proposal.rule_reason = finding.explanation
            proposal.context_words = detail.context_words


def _surname_led(value: str) -> bool:
    single, double = surnames()
    flat = value.replace("\u3000", "").replace(" ", "").replace("\n", "")
    return flat[:2] in double or (bool(flat) and flat[0] in single)


def _without_surname(props: Proposals, proposal: Proposal) -> bool:
    """A model read the name with its surname (隋晓光) and this one without it (晓光)."""
    longer = props.items.get(("PERSON", proposal.start - 1, proposal.end))
    return (
        longer is not None
        and longer.text[0] in surnames()[0]
        and any(s.startswith(("model:", "lexicon:")) for s in longer.sources)
    )


COORDINATOR = "与和及同跟"


def _with_coordinator(props: Proposals, proposal: Proposal) -> bool:
    """A model read the coordinator into the name (李妍同|揭林秋, 和|高桂) and a name slot
    proposed the name without it (:mod:`pipeline.detect.name_slots`)."""
    text = proposal.text
    if text[-1:] in COORDINATOR:
        shorter = props.items.get(("PERSON", proposal.start, proposal.end - 1))
    elif text[:1] in COORDINATOR:
        shorter = props.items.get(("PERSON", proposal.start + 1, proposal.end))
    else:
        return False
    return shorter is not None and any(s in SLOT_SOURCES for s in shorter.sources)


def heads_organisation(text: str, start: int, end: int) -> bool:
    """The span is the head of an organisation's name run on after it (沈阳北|方重型…有限公司)."""
    if not (end < len(text) and "\u4e00" <= text[end] <= "\u9fff"):
        return False
    if text[end - 1] in "氏记家" and SHOP_TAIL.match(text, end, min(len(text), end + 10)):
        return True
    return bool(ORG_TAIL.match(text, end, min(len(text), end + 30)))


def inside_double_surname(text: str, start: int) -> bool:
    """The span starts on the second character of a double surname (司|马德福)."""
    return start > 0 and text[start - 1 : start + 1] in surnames()[1]


def across_wrap(text: str, start: int, end: int) -> int | None:
    """The end of a name the typist's line wrap cut (郜晓⏎鹏（…）, 甄宝⏎山1972年): the
    proposal ends at a line break after a surname and one character, one more Chinese
    character opens the next line and nothing Chinese follows it."""
    flat = text[start:end]
    single, double = surnames()
    surname = 2 if flat[:2] in double else 1 if flat[:1] in single else 0
    if not surname or len(flat) != surname + 1 or text[end : end + 1] != "\n":
        return None
    nxt = text[end + 1 : end + 3]
    if len(nxt) >= 1 and CJK.match(nxt[0]) and (len(nxt) == 1 or not CJK.match(nxt[1])):
        return end + 2
    return None


def row_cells(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, row holds a number) of each cell of each line that splits in 3+ cells."""
    out: list[tuple[int, int, bool]] = []
    pos = 0
    for line in text.split("\n"):
        bounds = cell_bounds(line, CELL_SPLIT)
        if len(bounds) >= 3:
            numbered = bool(ROW_NUMBER.search(line))
            out += [(pos + a, pos + b, numbered) for a, b in bounds]
        pos += len(line) + 1
    return out


PRIVATE_NUMBER = re.compile(
    r"(?<![0-9])(?:[1-9][0-9]{5}(?:19|20)[0-9]{2}[01][0-9][0-3][0-9][0-9]{3}[0-9Xx]|1[3-9][0-9]{9})(?![0-9])"
)
# An ID or a mobile as offices space them (430104 19750312 0011, 139 9336 8883), and a
# person introduced without a role word: a reply's salutation (刘秀英女士：) or the sex and
# birth year after a name (贾华（男，1985年生）; not after 同志, an appointee's).
SPACED_PRIVATE_NUMBER = re.compile(
    r"(?<![0-9])(?:[1-9][0-9]{5} (?:19|20)[0-9]{2}[01][0-9][0-3][0-9] [0-9]{3}[0-9Xx]"
    r"|1[3-9][0-9][ -][0-9]{4}[ -][0-9]{4})(?![0-9])"
)
PRIVATE_PERSON_NOTE = re.compile(
    r"(?m)^[\u4e00-\u9fff]{2,4}(?:女士|先生)[：:]|[\u4e00-\u9fff](?<!同志)[（(][男女][，,、][0-9]{4}年"
)


def doc_private_evidence(text: str) -> str:
    """Whether the document speaks of private persons at all: a role word introducing
    someone (申请人：, 当事人：) and identity or mobile numbers. Policy texts have neither
    (they speak of 学生 and 患者, never "学生："). Asked once per proposal, answered once
    per document (and per lexicon version: the matcher is part of the key)."""
    return _private_evidence(text, matcher("private_person_roles"))


@lru_cache(maxsize=4)
def _private_evidence(text: str, roles_matcher: Matcher) -> str:
    roles = any(text[end : end + 1] in "：:" for _s, end, _t in roles_matcher.find(text))
    numbers = PRIVATE_NUMBER.search(text) is not None
    return f"{'roles' if roles else 'no_roles'}+{'numbers' if numbers else 'no_numbers'}"


def speaks_of_private_persons(text: str) -> bool:
    """Whether the document speaks of private persons, read wider than the judge's
    ``doc_private`` feature (which stays as the judge was trained): spaced IDs and mobiles,
    a salutation to 女士/先生, a name with its sex and birth year count too."""
    return (
        doc_private_evidence(text) != "no_roles+no_numbers"
        or SPACED_PRIVATE_NUMBER.search(text) is not None
        or PRIVATE_PERSON_NOTE.search(text) is not None
        or names_a_home(text)
    )


# Never a private person's name: anonymised (韩某某), an amount in words (伍仟元整).
# Nor a category or a place that a row or a list puts where names stand (特困人员, 德庆镇).
# A name holds no digit, punctuation or markup (a model may read "<b" in 申请人：<b>张三).
NOT_A_NAME = re.compile(
    r"某|元整|[0-9０-９]|[省市县]|(?:人员|对象|[镇乡村区路街巷])$|[<>/\\=&\"'；;：:，,。（）()【】\[\]]"
    # a post taken, not a given name: 入职后任焊工, 担任厨师
    # nor a field's words a surname opens: 房屋坐落, (平)方米
    r"|^房屋|^方米$|^孙[子女]$"
    # a form's field (证件号码, 银行卡, 身份证号), a 资助 category (孤儿), a birth month run
    # on from its digits (12⏎月生), a 公示's request for letters (来信请寄)
    r"|(?:号码|证件号|证号|卡号|银行卡|账号)$|^(?:身份证|银行卡|证件)|^孤儿$|^月生$|^来信"
    # how a caller names a neighbour or a worker (老王, 小刘): nobody is identified by it
    r"|^[老小][\u4e00-\u9fff]$"
    # a shop or a branch read whole (章贡恒达健身会所)
    r"|(?:公司|店|超市|会所|驾校|机构|美容院|支行|分行)$"
    r"|^[任当做](?:焊工|电工|木工|瓦工|钳工|普工|技工|厨师|司机|保安|保洁|会计|出纳|文员|店员|护工)$"
)


def person_proposals(text: str) -> list[Proposal]:
    props = Proposals(text)
    props.reject = NOT_A_NAME
    for finding in PersonRecognizer().analyze(text):
        if finding.detail is not None and finding.detail.source == "rule:repeated_mention":
            continue  # the judge's kept names are repeated after it has spoken
        props.add_finding(finding)
    # In a document about private persons (their role words, ID or mobile numbers) a
    # model's name is proposed as it is; in policy prose it must also read as a name.
    about_people = doc_private_evidence(text) != "no_roles+no_numbers"
    models: dict[tuple[int, int], set[str]] = {}
    for mention in mentions(text):
        if mention.kind == "PERSON" and mention.end - mention.start <= 12:
            models.setdefault((mention.start, mention.end), set()).add(mention.source)
    # Recall first: every model's name is proposed (the judge weighs its shape, and in a
    # text about no private person the plain-text cut applies); jieba's tagger is a third
    # reader, with its own dictionary of names.
    for offset, line in lines_of(text):
        pos = offset
        for word, flag in tag_words(line):
            if flag == "nr" and 2 <= len(word) <= 4:
                models.setdefault((pos, pos + len(word)), set()).add("model:jieba")
            pos += len(word)
    for (start, end), sources in models.items():
        for source in sources:
            props.add("PERSON", start, end, source, 0.6)
    for start, end in wrapped_names(text) if speaks_of_private_persons(text) else ():
        props.add("PERSON", start, end, "rule:wrapped_name", 0.5)
    for m in PADDED.finditer(text):
        if _surname_led(m.group(0)):
            props.add("PERSON", m.start(), m.end(), "rule:padded_name", 0.5)
    for m in PERSON_NOUN_PADDED.finditer(text):
        if _surname_led(m.group(1)):
            props.add("PERSON", m.start(1), m.end(1), "rule:padded_name", 0.5)
    for m in DELIMITED.finditer(text):
        if _surname_led(m.group(0)) and (about_people or plausible(text, m.start(), m.group(0))):
            props.add("PERSON", m.start(), m.end(), "rule:between_delimiters", 0.3)
    for m in LIST_ITEM.finditer(text):
        head = place_head(m.group(1))  # 3．岩背村江德旺，: the village, then the name
        props.add("PERSON", m.start(1) + head, m.end(1), "rule:list_item_any", 0.5)
    for start, end in transliterated_names(text):  # 转达了库马拉通加总统的问候
        props.add("PERSON", start, end, "rule:transliterated_name", 0.3)
    for start, end in dotted_spans(text):  # 阿依古丽·吐尔逊, and 艾尔肯 吐尔地 spaced
        props.add("PERSON", start, end, "rule:dotted_name", 0.6)
    for start, end, numbered in row_cells(text):
        cell = text[start:end].strip(" \u3000")
        flat = cell.replace("\u3000", "").replace(" ", "")
        if 2 <= len(flat) <= 4 and all(CJK.match(c) for c in flat):
            offset = start + text[start:end].index(cell[0])
            if numbered:
                props.add("PERSON", offset, offset + len(cell), "rule:row_with_number", 0.5)
            elif _surname_led(flat):  # a table of names and amounts, no numbers
                props.add("PERSON", offset, offset + len(cell), "rule:table_row", 0.3)
    for m in COMMA_NAMES.finditer(text):  # 成员：王东，李明，张小红
        pos = m.start()
        for item in re.split("[，,]", m.group(0)):
            if _surname_led(item):
                props.add("PERSON", pos, pos + len(item), "rule:name_list", 0.4)
            pos += len(item) + 1
    for m in OWN_LINE.finditer(text):  # a signature or a name alone on its line
        item = m.group(1)
        if _surname_led(item) and (PAD.search(item) or plausible(text, m.start(1), item)):
            props.add("PERSON", m.start(1), m.end(1), "rule:own_line", 0.4)
    for m in LIST_NAMES.finditer(text):
        pos = m.start()
        for item in m.group(0).split("、"):
            if _surname_led(item) and (about_people or plausible(text, pos, item)):
                props.add("PERSON", pos, pos + len(item), "rule:name_list", 0.4)
            pos += len(item) + 1
    # The layout's names (:mod:`pipeline.detect.person_layout`): list members after a cue,
    # numbered items, a table column of names with or without a header.
    for start, end in (*list_members(text), *counted_members(text), *numbered_names(text)):
        props.add("PERSON", start, end, "rule:people_list", 0.6)
    for start, end in name_column(text):
        props.add("PERSON", start, end, "rule:name_column", 0.6)
    # Names in prose's slots (:mod:`pipeline.detect.name_slots`): beside 与/和/及 and a name
    # proposed above, before 夫妇/等人, a clause's subject before 反映/申请/于 …
    anchors = [(p.start, p.end) for p in props.items.values()]
    for (start, end), source in slot_names(text, anchors).items():
        props.add("PERSON", start, end, source, 0.4)
    titles = spaced_titles(text)
    for key, proposal in list(props.items.items()):
        if (
            heads_organisation(text, proposal.start, proposal.end)
            or inside_spaced_title(titles, proposal.start, proposal.end)
            or (
                inside_double_surname(text, proposal.start)
                and any(k[1] == proposal.start - 1 for k in props.items)
            )
            or _without_surname(props, proposal)
            or _with_coordinator(props, proposal)
            or (
                proposal.rule_role != "private"
                and text[proposal.end : proposal.end + 1] in PLACE_TAIL
            )
        ):
            del props.items[key]  # a company's or place's head, a name read mid-surname
            continue
        wrapped_end = across_wrap(text, proposal.start, proposal.end)
        if wrapped_end is not None:  # the name goes on after the break: propose it whole
            del props.items[key]
            for source, score in proposal.sources.items():
                joined = props.add("PERSON", proposal.start, wrapped_end, source, score)
                if joined is not None:
                    joined.add("rule:across_wrap", score)
                    if joined.rule_role is None:
                        joined.rule_role, joined.rule_reason = (
                            proposal.rule_role,
                            proposal.rule_reason,
                        )
    return list(props.items.values())


def address_proposals(text: str) -> list[Proposal]:
    props = Proposals(text)
    props.reject = OFFICE_NAME  # where an office sits is its address, not its name
    for finding in AddressRecognizer().analyze(text):
        props.add_finding(finding)
    for span in parse_addresses(text):
        props.add("ADDRESS", span.start, span.end, "rule:address_grammar", 0.5)
    for mention in mentions(text):
        if mention.kind != "ADDRESS":
            continue
        for start, end in clause_pieces(text, mention.start, mention.end):
            if end - start >= 4:
                props.add("ADDRESS", start, end, mention.source, 0.5)
    return list(props.items.values())
