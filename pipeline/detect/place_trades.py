"""A county's or a city's short name opening a business's name, read as a person's name.

Market-supervision papers and 仲裁 awards name a 个体工商户 or a firm by its place first:
章贡热氏商行, 章贡吴记副食店, 晋中鑫达建筑劳务有限公司. The place's short name (章贡 of
章贡区, 晋中 of 晋中市) starts with a surname character (章, 晋, 邢), so a name proposer
reads 章贡 or 章贡吴 as a person. The words are a place when the short name is a
division's name without its suffix, at most one character follows it inside the
proposal (the trade name's first; up to three after a four-character one such as 齐齐哈尔,
which no person's name opens), and a business's word closes the name within a few
characters with nothing between that joins two things (与, 和, 、 …): 吴江红与华为公司
still names 吴江红, where 吴江 is a district's short name too.

Written for this project from how 行政处罚决定书, 信用修复 公示 and 仲裁裁决书 name their
parties.
"""

from __future__ import annotations

import re

from pipeline.lexicons import lexicon_cache

# What a business is, closing its name (a shop's 记/氏 trade name before it or not), or
# a 不动产权 certificate's number, which names its county so: 赣（2021）章贡不动产权第3号.
BUSINESS = re.compile(
    r"不动产权|[^\s，,。；;、与和及同跟对向在]{0,10}?(?:有限(?:责任)?公司|公司|商行|商店|超市|"
    r"[饭酒]店|副食店|小吃店|理发店|五金店|烟酒店|早餐店|便利店|店|餐馆|面馆|汽修店|"
    r"厂|经营部|门市部|批发部|合作社|工作室)"
)
SUFFIXES = "市县区旗州"
READ_AHEAD = 14
LONG_EXTRA = 3


@lexicon_cache
def _divisions() -> frozenset[str]:
    from pipeline.detect.address_grammar import division_names

    return frozenset(division_names())


def _stem(value: str) -> str | None:
    """The division's short name ``value`` starts with (two to four characters: 齐齐哈尔,
    乌鲁木齐, 呼和浩特 are four)."""
    for size in (4, 3, 2):
        head = value[:size]
        if len(head) == size and any(head + s in _divisions() for s in SUFFIXES):
            return head
    return None


def division_trade(text: str, start: int, end: int) -> bool:
    """The words at ``start``–``end`` are a division's short name, maybe with the trade
    name's first character, opening a business's name (章贡热氏商行, 晋中鑫达…公司)."""
    value = text[start:end].replace("\n", "")
    if _inside_long_stem(text, start, value):
        return True
    stem = _stem(value)
    # a four-character short name opens no person's name, whatever follows inside the
    # proposal (齐齐哈尔安泰 of 齐齐哈尔安泰建设工程有限公司); a shorter one takes one more
    if stem is None or len(value) - len(stem) > (LONG_EXTRA if len(stem) >= 4 else 1):
        return False
    after = text[start : start + len(stem) + READ_AHEAD].replace("\n", "")[len(stem) :]
    if after[:1] in SUFFIXES:
        return False  # 章贡区, 晋中市: the division itself (division_stem reads it)
    return BUSINESS.match(after) is not None


def _inside_long_stem(text: str, start: int, value: str) -> bool:
    """The proposal starts inside a four-character short name, its first characters just
    before it (对齐⏎齐哈尔顺丰…: the proposer left 齐 with 对 at the line's end)."""
    before = text[max(0, start - 6) : start].replace("\n", "")
    for k in (1, 2, 3):
        stem = _stem(before[-k:] + value) if len(before) >= k else None
        if stem is not None and len(stem) >= 4 and len(stem) > k:
            return True
    return False
