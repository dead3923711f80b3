"""Both NER models over every line of a document: candidates, not findings.

Gating the model to sentences with cue words (the old design) lost most names that
mattered: names in prose without a cue, in member lists, in table rows without a 姓名
header. So every line holding Chinese goes to our spaCy model (``nlp.pipe`` in batches)
and to Baidu LAC; what they propose is weighed by the judge (:mod:`pipeline.detect.judge`)
with the rules' evidence, never trusted alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.detect import lac
from pipeline.nlp import entities as spacy_entities

HAS_CJK = re.compile(r"[\u4e00-\u9fff]")
# Model labels → our candidate kinds.
KINDS = {"PER": "PERSON", "ADDR": "ADDRESS", "LOC": "PLACE", "ORG": "ORG"}


@dataclass(frozen=True, slots=True)
class Mention:
    """A model's entity in document offsets; ``source`` is ``model:ner`` or ``model:lac``."""

    start: int
    end: int
    kind: str
    source: str


def lines_of(text: str) -> list[tuple[int, str]]:
    """(offset, line) of each line holding Chinese characters."""
    out: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        if HAS_CJK.search(line):
            out.append((pos, line))
        pos += len(line) + 1
    return out


@lru_cache(maxsize=4)
def mentions(text: str) -> tuple[Mention, ...]:
    """Every PER/ADDR entity of the spaCy model and PER/LOC/ORG of LAC, line by line."""
    lines = lines_of(text)
    found: list[Mention] = []
    for (offset, _line), ents in zip(
        lines, spacy_entities([line for _o, line in lines]), strict=True
    ):
        found += [Mention(offset + a, offset + b, KINDS[lab], "model:ner") for a, b, lab in ents]
    for (offset, _line), ents in zip(
        lines, lac.entities([line for _o, line in lines]), strict=True
    ):
        found += [Mention(offset + a, offset + b, KINDS[lab], "model:lac") for a, b, lab in ents]
    found.sort(key=lambda m: (m.start, m.end))
    return tuple(found)
