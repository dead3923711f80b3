"""Names in prose that no model and no cue word proposes: a name slot and a name score.

The unseen offices' misses (issue 19) were names run in prose with no role word, no
count and no list: "经查，张建军与李秀梅于3月2日…", "王建国和刘秀英夫妇", "刘海波反映…".
Where the sentence puts a person, any surname-led string of two to four characters is a
candidate; whether its characters read as a name is :func:`name_score`, a character-level
log-odds learned from the public PER spans of ``../shared/data`` against surname-led
windows that are no name (``models/name_chars``, trained by
:mod:`pipeline.training.name_chars`; 王建国 scores high, 王府井 / 和平 / 高新区 low).

Slots (each a source of its own, so the judge weighs them apart):

- ``rule:slot_group``: right before 夫妇 / 父子 / 母女 / 等人 / 同志 / 先生 / 女士 …;
- ``rule:slot_subject``: a clause's subject, at a clause's start (after punctuation or a
  lead word: 经查, 其中, 村民 …) and before the verb of an act (反映, 申请, 称, 因, 于,
  驾驶, 持有, 居住 …);
- ``rule:slot_private_act``: either of the two above when the word is what only private
  persons do in 公文 (夫妇, 父子, 反映, 来电, 投诉, 居住, 名下 …): a name the judge keeps
  there shows the text is about private persons (the plain-text cut no longer applies);
- ``rule:slot_coordinated``: either side of 与 / 和 / 及 / 、 / 同 / 跟 when the other side
  is a name proposed by any source or by the slots above (a lower score will do there).

Proposals only, generous: the judge (:mod:`pipeline.detect.judge`) decides; in a text
about no private person these sources are weak (the plain-text cut applies).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache

from pipeline.config import MODELS_DIR
from pipeline.detect.chinese_name import CJK, COMMON_WORD_FREQ, surnames, word_frequency

TABLE = MODELS_DIR / "name_chars" / "chars.json"
# A string scoring below this is not proposed (the sum of three log-odds; 王府井 1.8,
# 张家口 2.1, 王建国 3.3, 李明 5.9): chosen on generated drafts and the corpora's windows.
MIN_SCORE = 2.5
COORDINATORS = ("以及", "与", "和", "及", "、", "同", "跟")
# Kin words: a group of persons after a name, and only ever private persons.
KIN_WORDS = (
    "夫妇",
    "夫妻",
    "父子",
    "父女",
    "母子",
    "母女",
    "兄弟",
    "姐妹",
    "兄妹",
    "姐弟",
)
GROUP_WORDS = (
    *KIN_WORDS,
    "等人",
    "等",
    "同志",
    "先生",
    "女士",
    "老人",
    "一家",
    "一户",
    "二人",
    "两人",
    "三人",
    "之子",
    "之女",
    "之妻",
    "之夫",
    "家属",
)
SUBJECT_VERBS = (
    "反映",
    "申请",
    "申报",
    "称",
    "声称",
    "诉称",
    "因",
    "于",
    "驾驶",
    "持有",
    "居住",
    "现居",
    "现住",
    "家住",
    "来电",
    "来访",
    "来信",
    "投诉",
    "举报",
    "签收",
    "承认",
    "表示",
    "陈述",
    "证实",
    "提出",
    "提供",
    "要求",
    "认为",
    "自愿",
    "系",
    "在",
    "向",
    "将",
    "曾",
    "未",
    "已",
    "名下",
    "承包",
    "租住",
    "租赁",
    "购买",
    "经营",
    "所有",
    "本人",
    "一同",
    "一起",
    "共同",
    "均",
    "先后",
    "分别",
    "家",
    "户",
    "的",
)
# Words a subject may follow at a clause's start (经查，张建军与… / 其中王建国… / 村民刘海波…).
LEAD_WORDS = (
    "经查",
    "查明",
    "另查",
    "其中",
    "据",
    "经",
    "由",
    "村民",
    "居民",
    "住户",
    "业主",
    "群众",
    "员工",
    "职工",
    "工人",
    "农户",
    "邻居",
    "证人",
    "户主",
    "租户",
    "司机",
    "妻子",
    "丈夫",
    "其妻",
    "其夫",
    "儿子",
    "女儿",
    "父亲",
    "母亲",
    "老人",
    "市民",
    "患者",
    "学生",
    "收养人",  # 收养人李娜、呼延华夫妇 (a 收养登记 公告's couple)
    "送养人",
)
PAD = "\u3000"
# What only private persons do in 公文 prose (a family, a complaint, a home): a slot before
# one of these is ``rule:slot_private_act``, evidence that the text is about private persons.
PRIVATE_ACTS = (
    *KIN_WORDS,
    "一家",
    "一户",
    "反映",
    "来电",
    "来访",
    "来信",
    "投诉",
    "举报",
    "诉称",
    "签收",
    "居住",
    "现居",
    "现住",
    "家住",
    "租住",
    "名下",
    "承包",
)
# 经王东、李梅申请，对坐落于…: a 登记 or 审批 notice names who applied after 经 — a person
# applying for their own home, marriage or benefit (an office applies "经…局申请").
APPLIED_BY = re.compile(r"(?<![\u4e00-\u9fff])经(?:[\u4e00-\u9fff\u3000·]{2,6}、){0,3}$")
# Beside a name another source proposed, a weaker score will do: the coordination says a
# person stands there (路军然 scores low: 路 starts roads far more often than names).
COORDINATED_MIN_SCORE = -2.0
SLOT_SOURCES = (
    "rule:slot_group",
    "rule:slot_subject",
    "rule:slot_private_act",
    "rule:slot_coordinated",
)
Span = tuple[int, int]


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, float]]:
    if not TABLE.is_file():
        return {}
    table: dict[str, dict[str, float]] = json.loads(TABLE.read_text(encoding="utf-8"))
    return table


def split_name(value: str) -> tuple[str, str]:
    """(surname, given name) of a surname-led string; ("", "") when no surname leads it."""
    single, double = surnames()
    if value[:2] in double:
        return value[:2], value[2:]
    if value[:1] in single:
        return value[:1], value[1:]
    return "", ""


def name_score(value: str) -> float | None:
    """The log-odds that a surname-led string is a personal name (None: no surname leads
    it, it holds no given name, or the table is not trained)."""
    table = _table()
    surname, given = split_name(value)
    if not table or not surname or not 1 <= len(given) <= 2:
        return None
    total = table["s"].get(surname, table["s"][""])
    for position, ch in zip(("g1", "g2"), given, strict=False):
        total += table[position].get(ch, table[position][""])
    return total


def _flat(value: str) -> str:
    """The name without the one full-width space that pads it to three (王　东), or ""."""
    inner = value[1:-1]
    if value[:1] == PAD or value[-1:] == PAD or inner.count(PAD) > 1:
        return ""
    return value.replace(PAD, "")


def _is_candidate(value: str, least: float) -> bool:
    flat = _flat(value)
    score = name_score(flat) if flat else None
    return (
        score is not None
        and score >= least
        and all(CJK.match(c) for c in flat)
        and "某" not in flat
        and word_frequency(flat) < COMMON_WORD_FREQ
    )


def _left_open(text: str, start: int) -> bool:
    """A name may start here: the text's or a clause's start, a coordinator or a lead word."""
    if start == 0 or not CJK.match(text[start - 1]):
        return True
    before = text[max(0, start - 3) : start]
    return before.endswith(COORDINATORS) or before.endswith(LEAD_WORDS)


def _right_open(text: str, end: int) -> bool:
    """A name may end here: punctuation, a coordinator, a group word or a subject's verb."""
    if end >= len(text) or not CJK.match(text[end]):
        return True
    if text.startswith("系", end) and word_frequency(text[end - 1 : end + 1]) >= COMMON_WORD_FREQ:
        return False  # 联系, 关系, 体系: the 系 of a word, not the copula (王东系…之子)
    return text.startswith((*COORDINATORS, *GROUP_WORDS, *SUBJECT_VERBS), end)


def _best(text: str, spans: Iterable[Span], least: float) -> Span | None:
    """The best-scoring candidate among ``spans`` whose both edges are open."""
    best: tuple[float, Span] | None = None
    for start, end in spans:
        if start < 0 or end > len(text):
            continue
        value = text[start:end]
        if (
            not _is_candidate(value, least)
            or not _left_open(text, start)
            or not _right_open(text, end)
        ):
            continue
        score = name_score(_flat(value)) or 0.0
        if best is None or score > best[0]:
            best = (score, (start, end))
    return best[1] if best else None


def _ending_at(text: str, end: int, least: float = MIN_SCORE) -> Span | None:
    return _best(text, ((end - size, end) for size in (2, 3, 4, 5)), least)


def _starting_at(text: str, start: int, least: float = MIN_SCORE) -> Span | None:
    return _best(text, ((start, start + size) for size in (2, 3, 4, 5)), least)


def slot_names(text: str, anchors: Iterable[Span] = ()) -> dict[Span, str]:
    """{span: source} of the names the slots propose; ``anchors`` are names other sources
    proposed (a coordinator beside one of them makes the other side a slot)."""
    found: dict[Span, str] = {}
    for word in GROUP_WORDS:
        for pos in _occurrences(text, word):
            span = _ending_at(text, pos)
            if span is not None:
                found.setdefault(span, _slot(word, "rule:slot_group"))
    for word in SUBJECT_VERBS:
        for pos in _occurrences(text, word):
            span = _ending_at(text, pos) or (_applied_by(text, pos) if word == "申请" else None)
            if span is not None:  # its start is open: a clause's start, a lead word
                act = (
                    word == "申请"
                    and APPLIED_BY.search(text, max(0, span[0] - 32), span[0]) is not None
                )
                found.setdefault(span, _slot(word, "rule:slot_subject", act))
    known = set(anchors) | set(found)
    for _round in range(3):  # 张三、李四和王五夫妇: a list is read from its anchored end
        added = False
        for word in COORDINATORS:
            for pos in _occurrences(text, word):
                after = pos + len(word)
                left = _ending_at(text, pos, COORDINATED_MIN_SCORE)
                right = _starting_at(text, after, COORDINATED_MIN_SCORE)
                # a name other sources proposed gets the slot as a source too
                if left and left not in found and any(s == after for s, _e in known):
                    found[left] = "rule:slot_coordinated"
                    known.add(left)
                    added = True
                if right and right not in found and any(e == pos for _s, e in known):
                    found[right] = "rule:slot_coordinated"
                    known.add(right)
                    added = True
        if not added:
            break
    return found


def _applied_by(text: str, pos: int) -> Span | None:
    """经周军申请: right after 经 (or a listed applicant) the applicant's name needs only
    the coordinated score — the notice's form says a person stands there."""
    span = _ending_at(text, pos, COORDINATED_MIN_SCORE)
    if span is None or APPLIED_BY.search(text, max(0, span[0] - 32), span[0]) is None:
        return None
    return span


def _slot(word: str, source: str, act: bool = False) -> str:
    return "rule:slot_private_act" if act or word in PRIVATE_ACTS else source


def _occurrences(text: str, word: str) -> Iterable[int]:
    pos = text.find(word)
    while pos >= 0:
        yield pos
        pos = text.find(word, pos + 1)
