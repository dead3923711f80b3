"""Names that a hard line wrap cut in two: 和邻居童⏎琳因为…, 经询问，司徒⏎刚对…, 户主玛⏎丽·布朗.

Both models and jieba read a document line by line (:func:`pipeline.detect.line_ner.lines_of`),
so a name whose characters sit on both sides of a typist's or a converter's wrap is read
by none of them; :func:`pipeline.detect.proposals.across_wrap` only grows a name that was
already read whole up to the break. Here the few characters on each side of every wrap
inside a paragraph are joined and read again by LAC and jieba; a name they find that
straddles the join is proposed with the break inside it, and the judge decides.

A wrap is a line break between two Chinese characters after a line as long as a wrapped
paragraph's lines are (a short line is a list item, a signature or a table cell: joining
王东⏎李明 would read one name out of two). The name must open with a 百家姓 surname or
hold a middle dot, as a transliterated name does; and it is proposed only in a document
that speaks of private persons (:func:`pipeline.detect.proposals.speaks_of_private_persons`):
wrapped policy prose read across its joins yields 林田⏎湖, 惠⏎小微, 范⏎息.
"""

from __future__ import annotations

import re

from pipeline.detect import lac
from pipeline.detect.chinese_name import (
    CJK,
    COMMON_WORD_FREQ,
    NAME_DOTS,
    surnames,
    tag_words,
    word_frequency,
)

# A break between two Chinese characters (or a name's middle dot) inside a paragraph.
WRAP = re.compile(rf"(?<=[\u4e00-\u9fff{NAME_DOTS}])\n(?=[\u4e00-\u9fff{NAME_DOTS}])")
MIN_LINE = 16  # wrapped prose lines are 20-40 characters; list items and cells are short
SIDE = 8  # characters read on each side of the break


def _name_like(word: str) -> bool:
    """Surname-led and no common word (林田湖, 米袋子 are read as names across a wrap of
    policy prose), or dotted."""
    single, double = surnames()
    return any(d in word for d in NAME_DOTS) or (
        2 <= len(word) <= 4
        and (word[:1] in single or word[:2] in double)
        and word_frequency(word) < COMMON_WORD_FREQ
    )


def wrapped_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of each name read across a wrap; the span holds the line break."""
    windows: list[tuple[int, int, str]] = []  # (text offset of window, cut, window)
    for m in WRAP.finditer(text):
        brk = m.start()
        line_start = text.rfind("\n", 0, brk) + 1
        if len(text[line_start:brk].strip(" \u3000\t")) < MIN_LINE:
            continue
        nxt = text.find("\n", brk + 1)
        right = text[brk + 1 : min(brk + 1 + SIDE, nxt if nxt >= 0 else len(text))]
        left = text[brk - SIDE : brk]
        windows.append((brk - SIDE, SIDE, left + right))
    if not windows:
        return []
    found: set[tuple[int, int]] = set()
    read = lac.entities([w for _o, _c, w in windows])
    for (offset, cut, window), ents in zip(windows, read, strict=True):
        spans: list[tuple[int, int]] = [(a, b) for a, b, label in ents if label == "PER"]
        pos = 0
        for word, flag in tag_words(window):
            if flag == "nr":
                spans.append((pos, pos + len(word)))
            pos += len(word)
        for a, b in spans:
            if window[a:b] in surnames()[1] and CJK.match(window[b : b + 1]):
                b += 1  # a 复姓 read alone (司徒|刚): a surname is no name, take the given name
            if a < cut < b and _name_like(window[a:b]):
                found.add((offset + a, offset + b + 1))  # +1: the line break inside
    return sorted(found)
