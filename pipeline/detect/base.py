"""The shape every recognizer shares, after Presidio's: patterns, ``validate`` returning
True / False / None, context words looked for in a character window, an explanation.

Presidio counts context in tokens, which means nothing for Chinese segmentation; we use
a window of characters before (and a few after) the candidate, as Google DLP's hotword
rules and Purview's China ID (keywords within 300 characters) do. Numbers are matched on
the original text, with full-width digits, spaces and hyphens allowed inside; the
normalised form (ASCII digits only) is what ``validate`` checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from pipeline.detect.context import column_header
from pipeline.finding import Explanation, Finding, Role

FULLWIDTH = str.maketrans(
    "０１２３４５６７８９ＸｘＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＹＺ",
    "0123456789XxABCDEFGHIJKLMNOPQRSTUVWYZ",
)
# One optional separator inside a number: space, full-width space, hyphen, en dash.
# A typist's or converter's line break may also split a long number ("1583311\n6094"),
# beside a group's space or hyphen when the number was spaced ("133 5717 \n7165").
# A wrap may fall on either side of a group's dash (147-5187⏎-3943, 147-⏎5187).
SEP = r"(?:[ \u3000\-－–]\n?|\n[ \u3000\-－–]?)?"
DIGIT = r"[0-9０-９]"
# Identifiers are never part of a longer run of letters/digits, nor of a decimal amount.
NOT_ALNUM_BEFORE = r"(?<![0-9０-９A-Za-zＡ-Ｚａ-ｚ])(?<![0-9０-９][.．])"
NOT_ALNUM_AFTER = r"(?![0-9０-９A-Za-zＡ-Ｚａ-ｚ])(?![.．][0-9０-９])"
# Labels that say a number is something else (a registration, case or order number).
OTHER_NUMBER_CUES = (
    "注册号",
    "信用代码",
    "订单号",
    "案号",
    "流水号",
    "准考证号",
    "执法证号",
    "工号",
    "学号",
    "项目编号",
    "受理编号",
    "登记编号",
    "申请编号",
    "批准文号",
    "许可证号",
    "合同编号",
    "注册编号",
    "证书编号",
    "编号",
)


_NUMBER_RUN = re.compile(r"[0-9０-９](?:[ \u3000\-－–—()（）转\n]{0,2}[0-9０-９XxＸｘ])*")


@lru_cache(maxsize=8)
def number_regions(text: str) -> tuple[tuple[int, int], ...]:
    """Regions of ``text`` that hold digits, widened for prefixes and area-code brackets.

    Number patterns are tried only there: most of a 公文 is Chinese prose, and a regex
    tried at every position costs more than one scan for digits (measured 3x faster)."""
    regions: list[tuple[int, int]] = []
    for m in _NUMBER_RUN.finditer(text):
        start, end = max(0, m.start() - 4), min(len(text), m.end() + 3)
        if regions and start <= regions[-1][1]:
            regions[-1] = (regions[-1][0], end)
        else:
            regions.append((start, end))
    return tuple(regions)


def normalise(text: str) -> str:
    """ASCII letters and digits only: what check digits are computed on."""
    return re.sub(r"[^0-9A-Za-z]", "", text.translate(FULLWIDTH))


@dataclass(frozen=True, slots=True)
class Pattern:
    name: str
    regex: re.Pattern[str]
    score: float


@dataclass(frozen=True, slots=True)
class Candidate:
    """A pattern match before validation and context: offsets into the document text."""

    start: int
    end: int
    text: str
    pattern: Pattern

    @property
    def value(self) -> str:
        return normalise(self.text)


def find_context(
    text: str, start: int, end: int, words: tuple[str, ...], before: int, after: int = 0
) -> str | None:
    """The context word nearest to the candidate within the window, if any."""
    window = text[max(0, start - before) : start]
    best: tuple[int, str] | None = None
    for word in words:
        pos = window.rfind(word)
        if pos >= 0:
            distance = len(window) - pos - len(word)
            if best is None or distance < best[0]:
                best = (distance, word)
    if best is None and after:
        tail = text[end : end + after]
        for word in words:
            if word in tail:
                return word
    return best[1] if best else None


def other_number_cue(text: str, start: int, before: int = 10) -> str | None:
    """A label right before the value saying it is another kind of number."""
    window = text[max(0, start - before) : start]
    return next((cue for cue in OTHER_NUMBER_CUES if cue in window), None)


def header_context(text: str, start: int, words: tuple[str, ...]) -> str | None:
    """A context word in the header of the table column holding ``start``."""
    header = column_header(text, start)
    if not header:
        return None
    return next((w for w in words if w in header), None)


def context_distance(text: str, start: int, word: str, before: int) -> int:
    window = text[max(0, start - before) : start]
    pos = window.rfind(word)
    return len(window) - pos - len(word) if pos >= 0 else before


class PatternRecognizer:
    """Base class: subclasses set the constants and may override validate/role/explain."""

    name: str = ""
    label: str = ""
    patterns: tuple[Pattern, ...] = ()
    context: tuple[str, ...] = ()
    context_before: int = 20
    context_after: int = 0
    context_boost: float = 0.35
    min_score: float = 0.5
    numeric: bool = False  # patterns need digits: search only the number regions

    def candidates(self, text: str) -> Iterator[Candidate]:
        """Every match of every pattern, overlapping matches included: if the first match
        at a position fails validation the one starting a character later is tried."""
        regions = number_regions(text) if self.numeric else ((0, len(text)),)
        for pattern in self.patterns:
            for region_start, region_end in regions:
                # endpos one past the region so the look-ahead sees the next character.
                end = min(len(text), region_end + 1)
                pos = region_start
                while True:
                    m = pattern.regex.search(text, pos, end)
                    if m is None:
                        break
                    yield Candidate(m.start(), m.end(), m.group(0), pattern)
                    pos = m.start() + 1

    def validate(self, candidate: Candidate, text: str) -> bool | None:
        """True: the value is certainly of this kind; False: drop it; None: undecided."""
        return None

    def role(self, candidate: Candidate, text: str) -> Role | None:
        return "private"

    def explain(self, candidate: Candidate, text: str, valid: bool | None, word: str | None) -> str:
        raise NotImplementedError

    def score(self, candidate: Candidate, valid: bool | None, word: str | None) -> float:
        base = candidate.pattern.score
        if valid is True:
            base = max(base, 0.85)
        if word is not None:
            base += self.context_boost
        return min(base, 0.99)

    def analyze(self, text: str) -> list[Finding]:
        findings: list[Finding] = []
        taken_until = -1
        for cand in sorted(self.candidates(text), key=lambda c: (c.start, -(c.end - c.start))):
            if cand.start < taken_until:
                continue
            valid = self.validate(cand, text)
            if valid is False:
                continue
            word = find_context(
                text, cand.start, cand.end, self.context, self.context_before, self.context_after
            ) or header_context(text, cand.start, self.context)
            score = self.score(cand, valid, word)
            if score < self.min_score:
                continue
            sentence = self.explain(cand, text, valid, word)
            findings.append(
                Finding(
                    label=self.label,
                    start=cand.start,
                    end=cand.end,
                    text=cand.text,
                    score=score,
                    recognizer=self.name,
                    explanation=sentence,
                    role=self.role(cand, text),
                    detail=Explanation(
                        recognizer=self.name,
                        source=f"pattern:{cand.pattern.name}",
                        original_score=self.score(cand, valid, None),
                        score=score,
                        validation=valid,
                        context_words=(word,) if word else (),
                        sentence=sentence,
                    ),
                )
            )
            taken_until = cand.end
        return findings
