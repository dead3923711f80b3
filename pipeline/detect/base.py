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
from dataclasses import asdict, dataclass
from typing import Literal

Role = Literal["private", "official"]

FULLWIDTH = str.maketrans(
    "０１２３４５６７８９ＸｘＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＹＺ",
    "0123456789XxABCDEFGHIJKLMNOPQRSTUVWYZ",
)
# One optional separator inside a number: space, full-width space, hyphen, en dash.
SEP = r"[ \u3000\-－–]?"
DIGIT = r"[0-9０-９]"
NOT_ALNUM_BEFORE = r"(?<![0-9０-９A-Za-zＡ-Ｚａ-ｚ])"
NOT_ALNUM_AFTER = r"(?![0-9０-９A-Za-zＡ-Ｚａ-ｚ])"


def normalise(text: str) -> str:
    """ASCII letters and digits only: what check digits are computed on."""
    return re.sub(r"[^0-9A-Za-z]", "", text.translate(FULLWIDTH))


@dataclass(frozen=True, slots=True)
class Finding:
    """One span of a document a reviewer must see, and why."""

    label: str
    start: int
    end: int
    text: str
    score: float
    recognizer: str
    explanation: str
    role: Role | None = None

    def to_dict(self) -> dict[str, object]:
        out = asdict(self)
        out["score"] = round(self.score, 3)
        return out


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


def header_context(text: str, start: int, words: tuple[str, ...]) -> str | None:
    """A context word in the header of the table column holding ``start``."""
    from pipeline.detect.context import column_header

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

    def candidates(self, text: str) -> Iterator[Candidate]:
        """Every match of every pattern, overlapping matches included: if the first match
        at a position fails validation the one starting a character later is tried."""
        for pattern in self.patterns:
            pos = 0
            while True:
                m = pattern.regex.search(text, pos)
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
            findings.append(
                Finding(
                    label=self.label,
                    start=cand.start,
                    end=cand.end,
                    text=cand.text,
                    score=score,
                    recognizer=self.name,
                    explanation=self.explain(cand, text, valid, word),
                    role=self.role(cand, text),
                )
            )
            taken_until = cand.end
        return findings
