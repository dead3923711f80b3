"""The judge's address rules: whose address it is, and how much of it to cover.

The trained judge (:mod:`pipeline.detect.judge`) weighs each address proposal; three
rules stand beside it, recall first. An address a rule read right after a home cue
(住址：, 家住, 送达地址：) needs less to be kept. An address the words around it give to an
organisation, a project or a venue (办公地址：, 某某有限公司（住所：, 位于…的某某公司) is
reported as official, never redacted (条例 第二十条/第二十一条 publish it). And an address a
rule read whole goes before the pieces of it a model read, so a home is covered to its end.
"""

from __future__ import annotations

import re
from typing import Any

from pipeline.detect.address import published_address
from pipeline.detect.address_grammar import parts_of
from pipeline.detect.judge_features import OWNER_ORG, owner
from pipeline.detect.proposals import Proposal

# Words after which only a natural person's home is written (not 地址/通讯地址/联系地址,
# which offices also print before their own).
HOME_CUES = frozenset(
    {
        "家庭住址",
        "家庭地址",
        "家住",
        "现住址",
        "现住",
        "住址",
        "户籍地址",
        "户籍所在地",
        "户籍地",
        "居住地址",
        "居住地",
        "送达地址",
        "送达地点",
        "现居住于",
        "房屋坐落",
        "不动产坐落",
        "被征收房屋",
    }
)


# A house somebody owns or lives in, said around a door-level address: 其位于…的房屋,
# 名下位于…, 反映其居住的…楼下.
HOME_BEFORE = re.compile(r"(?:其|名下|其家|所住的|居住的|家庭)(?:位于|坐落于|在)?[ \u3000]*$")
HOME_AFTER = re.compile(r"(?:的)?(?:房屋|住房|住宅|宅基地|自建房|家中|楼下|楼上|隔壁)")


def home_cue(p: Proposal, text: str) -> bool:
    """The address rule read this span right after a home cue (住址：, 家住, 送达地址：)
    or in a 住址 column, or a door-level address is said to be somebody's house (其位于…
    的房屋), and no organisation is named between: recall first, the judge needs less to
    keep it (``judge.ADDRESS.home_cue``)."""
    if "door" in parts_of(p.text) and (
        HOME_BEFORE.search(text[max(0, p.start - 8) : p.start])
        or HOME_AFTER.match(text, p.end, min(len(text), p.end + 6))
    ):
        return _home_owner(text, p.start)
    if "door" in parts_of(p.text) and _person_row(p, text):
        return _home_owner(text, p.start)
    if p.rule_role != "private" or not {"lexicon:address_cues", "rule:table_column"} & set(
        p.sources
    ):
        return False
    if not any(cue in word for word in p.context_words for cue in HOME_CUES):
        return False
    return _home_owner(text, p.start)


# A door below the village group: 12号, 8栋, 2单元, 301室, 3楼, 3排, 附2, 12-4-1101, 34#.
DOOR_NUMBER = re.compile(
    r"[0-9０-９一二三四五六七八九十百零〇]+(?:[甲乙丙丁][0-9０-９]*)?"
    r"(?:号|栋|幢|座|单元|室|户|房|楼|层|排|弄|[-－#＃])|附[0-9０-９一二三四五六七八九十]"
    r"|[A-Za-zＡ-Ｚ][0-9０-９]*(?:栋|座|幢)"
)


def above_door(value: str) -> bool:
    """The address stops at a village, a 村民小组 or a 生产队 (户籍所在地：某镇某村3组), with
    no door below it: it names where a household is registered among many, not a home
    "down to building/room" (spec/labels.md ADDRESS), so it is no private address."""
    return DOOR_NUMBER.search(value.replace("\n", "")) is None


# A party named on its line before the address (受送达人（单位）：热孜万古丽·吐送江): a
# company there names itself after the colon, and the organisation, named last, wins.
PARTY_PERSON = re.compile(
    r"(?:受送达人|申请人|当事人|信访人|投诉人|举报人)(?:[（(][^）)\n]{0,6}[）)])?[：:\t]"
    r"[\u4e00-\u9fff]{2,4}"
)


# A 登记簿 row of one person with no cue word: 储宝山，新罗区丽景湾25号楼3单元2801室
# 15654801787 反映…; a mobile or an ID on the row says the row is a private person's. An
# office's row names its seat with 地址：/住所： (read by :func:`seat_of`) and a landline.
ROW_PRIVATE_NUMBER = re.compile(
    r"(?<![0-9])(?:1[3-9][0-9](?:[ -]?[0-9]{4}){2}|[0-9]{17}[0-9Xx])(?![0-9])"
)
ROW_SEAT_WORD = re.compile(r"地址|住所|地点|位于|坐落")


def _person_row(p: Proposal, text: str) -> bool:
    """The door-level address stands in a line holding a mobile or an ID, with no seat
    word (地址, 住所, 位于) before it on that line."""
    head = text.rfind("\n", 0, p.start) + 1
    tail = text.find("\n", p.end)
    line_end = len(text) if tail < 0 else tail
    if ROW_SEAT_WORD.search(text, head, p.start):
        return False
    return ROW_PRIVATE_NUMBER.search(text[head:line_end]) is not None


def _home_owner(text: str, start: int, reach: int = 60) -> bool:
    """Not an organisation's: ``owner`` (the judge's feature) says so, or a person's party
    line was named after the last organisation (a 送达回证 under its agency's heading)."""
    if owner(text, start, reach) != "org":
        return True
    window = text[max(0, start - reach) : start]
    last_party = max((m.end() for m in PARTY_PERSON.finditer(window)), default=-1)
    last_party = max(last_party, _applied_by_person(window))
    return last_party > max((m.end() for m in OWNER_ORG.finditer(window)), default=-1)


# 经王东、李梅申请，对坐落于…的房屋: a 不动产登记 or 审批 notice names who applied after 经;
# when no organisation's word is among them, the house is a person's (经本局申请 is not).
APPLIED_BY = re.compile(
    r"(?<![\u4e00-\u9fff])经((?:[\u4e00-\u9fff\u3000·]{2,6}、){0,3}[\u4e00-\u9fff\u3000·]{2,6})申请"
)


def _applied_by_person(window: str) -> int:
    """Where the last 经…申请 naming persons (no organisation's word) ends, or -1."""
    ends = [m.end() for m in APPLIED_BY.finditer(window) if not OWNER_ORG.search(m.group(1))]
    return max(ends, default=-1)


SEAT_CUE = re.compile(r"(?<![送庭讯信系件居籍])(?:住所地|住所|地址)[：:]?[ \u3000]*$")
# A party line naming an organisation: 当事人：某某有限公司, 被申请人：某某局.
PARTY_ORGANISATION = re.compile(
    r"(?:当事人|被申请人|被申请单位|被处罚单位|单位名称|企业名称|申请单位|建设单位|用人单位|被投诉单位|"
    r"被检查单位|招标人|中标人|供应商)[：:][^\n]{0,30}?(?:公司|厂|局|中心|院|店|社|行|部|所|站|政府|委员会)"
)

# A 个体工商户's keeper named on a line of their own (经营者：…): a 住所 after it is theirs.
KEEPER_LINE = re.compile(r"(?:^|\n)[ \u3000]*(?:经营者|投资人|业主)(?:姓名)?[：:]")


def seat_of(p: Proposal, text: str) -> str | None:
    """Why an address proposal is an organisation's, a project's or a venue's (see
    :func:`pipeline.detect.address.published_address`), or a 住所/地址 line under an
    organisation named as the party (当事人：某某有限公司⏎住所：…); None otherwise."""
    why = published_address(text, p.start, p.end)
    if why is not None:
        return f"前后文有“{why}”"
    above = text.rfind("\n", 0, max(0, text.rfind("\n", 0, text.rfind("\n", 0, p.start))))
    party = PARTY_ORGANISATION.search(text, above + 1, p.start)
    if SEAT_CUE.search(text[max(0, p.start - 8) : p.start]) and party:
        if KEEPER_LINE.search(text, party.end(), p.start):
            return None  # 个体工商户 … 经营者：汪某 … 住所：— the keeper's home
        return "上文当事人为单位，其住所"
    return None


# Sources that end an address where its words end (door level, the next delimiter).
WHOLE_ADDRESS_SOURCES = frozenset(
    {"rule:address_grammar", "lexicon:address_cues", "rule:table_column"}
)


def rank(label: str, proposals: list[Proposal], probabilities: Any, i: int, cut: float) -> float:
    """The order in which overlapping proposals are taken: by probability, except that an
    address a rule read whole (湖南省长沙市⏎…1单元⏎301室) and the judge keeps goes before
    the more probable pieces inside it, so a home is covered to its end, not in part."""
    prob = float(probabilities[i])
    p = proposals[i]
    if label != "ADDRESS" or prob < cut or not WHOLE_ADDRESS_SOURCES & set(p.sources):
        return prob
    inside = [
        float(probabilities[j])
        for j, q in enumerate(proposals)
        if p.start <= q.start and q.end <= p.end and (q.start, q.end) != (p.start, p.end)
    ]
    return max([prob, *inside])
