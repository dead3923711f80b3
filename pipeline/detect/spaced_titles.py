"""Titles spaced out to one width in a signature block: 仲　裁　员　王东, 书　记　员　李明.

A judgment, an arbitral award or a 笔录 aligns its signers' titles by putting a full-width
space between the characters, so a title of three characters is as wide as a name. The
pieces then look like padded names (仲　裁: 仲 is a surname, "王　五" is a padded name);
read without the spaces they are an official title (``lexicons/official_person_roles.txt``),
never a person. Written for this project from how 裁决书 and 判决书 sign.
"""

from __future__ import annotations

import re

from pipeline.detect.line_ner import lines_of
from pipeline.lexicons import lexicon_cache, load_terms

# Single characters each followed by spaces, the last one not running into a word.
SPACED_RUN = re.compile(
    r"(?<![\u4e00-\u9fff])(?:[\u4e00-\u9fff][\u3000 ]+){1,6}[\u4e00-\u9fff](?![\u4e00-\u9fff])"
)


@lexicon_cache
def _titles() -> frozenset[str]:
    return frozenset(load_terms("official_person_roles"))


def spaced_titles(text: str) -> list[tuple[int, int]]:
    """(start, end) of every spaced-out run that reads as an official title."""
    out = []
    for line_start, line in lines_of(text):
        for m in SPACED_RUN.finditer(line):
            flat = re.sub(r"[\u3000 ]", "", m.group(0))
            if flat in _titles():
                out.append((line_start + m.start(), line_start + m.end()))
    return out


def inside_spaced_title(titles: list[tuple[int, int]], start: int, end: int) -> bool:
    """The span lies within one of ``titles`` (from :func:`spaced_titles`)."""
    return any(a <= start and end <= b for a, b in titles)
