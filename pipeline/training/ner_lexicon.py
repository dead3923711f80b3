"""What CLUENER's annotators made of a string elsewhere in train: a lexicon for the CRF.

The candidate ensemble's stacker already reads, per candidate span, how often the same
string was gold elsewhere (``ner_ensemble._prior``); the CRF (``ner_crf``) reads each
character alone and cannot see that 香港 was tagged 地址 eleven times and 北京大学 an
organisation nine. This lexicon gives it that: every gold string of two to ten
characters with the types it was tagged as, and in how many training sentences it
occurs at all; a sentence's characters are marked with the longest strings they lie in
(greedy, left to right): place in the string (B/I/E), the string's most frequent type,
how many times it was gold, and which share of the sentences holding it tagged it 地址.

On its own training sentences a lexicon would be a lookup of the answer, so there each
sentence's own spans and occurrences are taken out (``marks(..., own=...)``): the CRF
learns the weight the lexicon deserves on sentences it has not seen.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

Span = tuple[int, int, str]
MAX_LEN = 10


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Gold strings → {type: times gold}; gold strings → training sentences holding them."""

    gold: dict[str, dict[str, int]]
    seen: dict[str, int]


def _substrings(text: str) -> Iterator[str]:
    n = len(text)
    for i in range(n):
        for k in range(2, min(MAX_LEN, n - i) + 1):
            yield text[i : i + k]


def _gold_strings(text: str, spans: Sequence[Span]) -> Counter[tuple[str, str]]:
    return Counter((text[a:b], label) for a, b, label in spans if 2 <= b - a <= MAX_LEN)


def build(texts: Sequence[str], golds: Sequence[Sequence[Span]]) -> Lexicon:
    """The lexicon of the sentences' gold spans (every CLUENER type)."""
    gold: dict[str, Counter[str]] = {}
    for text, spans in zip(texts, golds, strict=True):
        for (value, label), k in _gold_strings(text, spans).items():
            gold.setdefault(value, Counter())[label] += k
    seen: Counter[str] = Counter()
    for text in texts:
        seen.update({s for s in _substrings(text) if s in gold})
    return Lexicon({v: dict(c) for v, c in gold.items()}, dict(seen))


def _rate(addr: int, seen: int) -> str:
    if not addr:
        return "0"
    share = addr / max(seen, 1)
    return "lo" if share < 0.34 else "mid" if share < 0.67 else "hi"


def marks(text: str, lexicon: Lexicon, own: Sequence[Span] | None = None) -> list[list[str]]:
    """Per character the features of the longest lexicon string it lies in; ``own``: the
    sentence's gold spans when it is one of the lexicon's (they and its occurrences are
    left out)."""
    mine = _gold_strings(text, own) if own is not None else Counter()
    mine_seen = {s for s in _substrings(text) if s in lexicon.gold} if own is not None else set()
    n = len(text)
    out: list[list[str]] = [[] for _ in range(n)]
    i = 0
    while i < n:
        for k in range(min(MAX_LEN, n - i), 1, -1):
            value = text[i : i + k]
            counts = {
                label: c - mine[(value, label)]
                for label, c in lexicon.gold.get(value, {}).items()
                if c > mine[(value, label)]
            }
            if not counts:
                continue
            total = sum(counts.values())
            top = max(sorted(counts), key=lambda label: counts[label])
            seen = lexicon.seen.get(value, 0) - (value in mine_seen)
            rate = _rate(counts.get("ADDR", 0), seen)
            times = "1" if total == 1 else "2-4" if total < 5 else "5+"
            for p in range(i, i + k):
                pos = "B" if p == i else "E" if p == i + k - 1 else "I"
                out[p] += [f"x:{pos}|{top}", f"xr:{pos}|{rate}", f"xn:{pos}|{top}|{times}"]
            i += k
            break
        else:
            i += 1
    return out
