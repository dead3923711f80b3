"""Address features of the CLUENER candidate ensemble's stacker (benchmarks/ner_ensemble.py),
its word-edge features of every candidate, and the division names its character voters
(``ner_tagger``, ``ner_crf``) match."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.detect.address_grammar import division_names
from pipeline.detect.judge_features import char_class
from pipeline.lexicons import lexicon_cache

LEVEL_CHARS = frozenset("省市区县镇乡村路街道号")
DOOR = re.compile(r"[0-9０-９一二三四五六七八九十]+号")
Word = tuple[int, int, str]  # start, end, tag
ADDR_CUE = re.compile(r"(?:位于|地处|来自|前往|抵达|到达|住在|落户|途经|在|于|到|至|从|去|赴|往)$")


def address_features(text: str, a: int, b: int, srcs: str) -> list[str]:
    """What decides whether CLUENER calls a place 地址: the word leading into it (在北京 is
    one, 北京大学 is not), the unit it ends on, whether it is or starts with a division
    name; crossed with the sources, for a linear model cannot cross them itself."""
    value = text[a:b]
    cue = ADDR_CUE.search(text[max(0, a - 2) : a])
    divs = division_names_set()
    div = (
        "full"
        if value in divs
        else "start"
        if any(value[:k] in divs for k in range(2, min(len(value), 8)))
        else "none"
    )
    kind = "multi" if "+" in srcs else srcs
    out = [f"acue:{cue.group(0) if cue else '-'}", f"div:{div}"]
    out += [f"k_cue:{kind}|{bool(cue)}", f"k_div:{kind}|{div}"]
    # Crossed by hand (a linear model cannot): a cue with the unit the span ends on and
    # the character after it, a division with the span's length and what follows it; how
    # many division or road levels the span holds and whether it reaches a door number.
    after = text[b : b + 1]
    out += [f"cue_last:{bool(cue)}|{value[-1:]}", f"div_n1:{div}|{char_class(after)}"]
    out += [f"cue_n1:{bool(cue)}|{after}", f"div_len:{div}|{min(len(value), 8)}"]
    levels = sum(1 for ch in value if ch in LEVEL_CHARS)
    out += [f"levels:{min(levels, 4)}", f"door:{bool(DOOR.search(value))}"]
    return out


@lexicon_cache
def division_names_set() -> frozenset[str]:
    """Division names with and without their unit (北京市 and 北京)."""
    names = set(division_names())
    names |= {n[:-1] for n in names if len(n) > 2 and n[-1] in "省市区县"}
    return frozenset(names)


def word_edges(words: Sequence[Word], a: int, b: int, prefix: str) -> list[str]:
    """Whether the span's edges fall on the word splitter's boundaries, the word it is
    exactly, its first and last words' tags, how many words, and the tags around it."""
    starts, ends = {s for s, _e, _t in words}, {e for _s, e, _t in words}
    inside = [t for s, e, t in words if s >= a and e <= b]
    before = next((t for _s, e, t in words if e == a), "-")
    after = next((t for s, _e, t in words if s == b), "-")
    exact = next((t for s, e, t in words if s == a and e == b), "none")
    out = [f"{prefix}bound:{a in starts}{b in ends}", f"{prefix}exact:{exact}"]
    out += [
        f"{prefix}first:{inside[0] if inside else '-'}",
        f"{prefix}last:{inside[-1] if inside else '-'}",
    ]
    out += [f"{prefix}nwords:{min(len(inside), 5)}", f"{prefix}p:{before}", f"{prefix}n:{after}"]
    out += [f"{prefix}tag:{t}" for t in set(inside)]
    return out
