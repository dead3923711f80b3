"""One value, every written form: the normalisation redaction and leak checks share.

A sender (careless or not) can write the same 身份证号 as ``110105194912310021``,
``110105 19491231 0021``, ``110105-19491231-0021``, in full-width digits
(``１１０１０５…``), with a soft hyphen or a zero-width space inside, or with its last
digit as a Word symbol. A reader sees one number; an exact string search sees none of
the copies but the first. So values are compared *folded*:

- compatibility decomposition (NFKD): full-width and circled digits become ASCII digits,
  compatibility ideographs their unified form, accented letters base letter + mark;
- dropped: white space, line and paragraph separators, control characters, format
  characters (soft hyphen, zero-width spaces and joiners, bidi controls, BOM), combining
  marks, and every hyphen and dash;
- case folded.

``fold`` is the fast form for searching (leak checks over whole parts); ``fold_map`` also
says which source character each folded character came from, so that ``find_folded`` can
give the span of the *source* text to mask — the spaces and hyphens inside a match are
masked with it. The two agree: NFKD decomposes character by character.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

# Hyphens and dashes a number or a name can be broken with (NFKD already maps the
# full-width and small forms to these).
HYPHENS = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d"
_DROPPED_CATEGORIES = {"Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me", "Co", "Cs"}


# Where the scattered dropped characters live: the first three planes and plane 14
# (tags, variation selectors); private use and surrogates are whole ranges.
_SCANNED = ((0, 0x2FFFF), (0xE0000, 0xE0FFF))
_WHOLE = ((0xD800, 0xDFFF), (0xE000, 0xF8FF), (0xF0000, 0x10FFFF))


@cache
def _dropped() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Two character classes of every code point folding drops, built once (~0.2 s):
    the Basic Multilingual Plane's (which the regex engine tests in constant time) and
    the rest (tested range by range, so only on strings that hold such characters)."""
    ranges: list[tuple[int, int]] = list(_WHOLE)
    for low, high in _SCANNED:
        for code in range(low, high + 1):
            ch = chr(code)
            if ch in HYPHENS or ch.isspace() or unicodedata.category(ch) in _DROPPED_CATEGORIES:
                if ranges and ranges[-1][1] == code - 1:
                    ranges[-1] = (ranges[-1][0], code)
                else:
                    ranges.append((code, code))
    ranges.sort()
    bmp = [(a, min(b, 0xFFFF)) for a, b in ranges if a <= 0xFFFF]
    astral = [(max(a, 0x10000), b) for a, b in ranges if b > 0xFFFF]
    return _character_class(bmp), _character_class(astral)


def _character_class(ranges: list[tuple[int, int]]) -> re.Pattern[str]:
    parts = (
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
    return re.compile("[" + "".join(parts) + "]+")


def fold(text: str) -> str:
    """``text`` folded: what two written forms of one value have in common."""
    if text.isascii():
        return _dropped()[0].sub("", text).lower()
    bmp, astral = _dropped()
    folded = bmp.sub("", unicodedata.normalize("NFKD", text))
    if folded and max(folded) > "\uffff":
        folded = astral.sub("", folded)
    return folded.casefold()


def fold_map(text: str) -> tuple[str, list[int]]:
    """``text`` folded, and for each folded character the index of the source character
    it came from."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        folded = fold(ch)
        out.append(folded)
        index.extend([i] * len(folded))
    return "".join(out), index


def find_folded(text: str, values: Iterable[str]) -> list[tuple[int, int, str]]:
    """``(start, end, value)`` in ``text`` for every occurrence of a value in any written
    form, longest values first, non-overlapping; ``start``/``end`` index ``text``, and a
    match covers the separators written inside it."""
    folded, index = fold_map(text)
    taken = bytearray(len(text))
    found: list[tuple[int, int, str]] = []
    for value in sorted({v for v in values}, key=lambda v: -len(fold(v))):
        key = fold(value)
        if not key:
            continue
        start = folded.find(key)
        while start >= 0:
            a, b = index[start], index[start + len(key) - 1] + 1
            if not any(taken[a:b]):
                taken[a:b] = b"\x01" * (b - a)
                found.append((a, b, value))
            start = folded.find(key, start + 1)
    return sorted(found)


# Joins strings that are searched at once but must not match across each other: folding
# keeps it (a noncharacter, no value holds it), so no folded value spans it.
SEPARATOR = "\uffff"


@lru_cache(maxsize=8192)
def _key(value: str) -> str:
    return fold(value)


def folded_hits(haystack: str, values: Sequence[str]) -> list[str]:
    """The values whose folded form occurs in the folded ``haystack``."""
    folded = fold(haystack)
    return [v for v in values if (key := _key(v)) and key in folded]
