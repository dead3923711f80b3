"""All recognizers, run over a document's text, with overlaps resolved.

When two findings overlap, the more specific kind wins (an 18-digit number that passes
the GB 11643 check is an ID even if it also passes Luhn), then the higher score. Findings
scoring below their label's ``min_score`` (lexicons/thresholds.txt) are dropped last.
A text with letter-spaced lines ("申 请 人 ： 张 建 国") is read closed up, once, and each
finding mapped back over the spaced glyphs (:mod:`pipeline.detect.letter_spacing`).
"""

from __future__ import annotations

import bisect
from typing import Protocol

from pipeline.detect.bank_card import BankCardRecognizer
from pipeline.detect.clauses import ClauseRecognizer
from pipeline.detect.cn_phone import PhoneRecognizer
from pipeline.detect.cn_resident_id import ResidentIdRecognizer
from pipeline.detect.email import EmailRecognizer
from pipeline.detect.judge import JudgedAddressRecognizer, JudgedPersonRecognizer
from pipeline.detect.letter_spacing import spaced_view
from pipeline.detect.license_plate import LicensePlateRecognizer
from pipeline.detect.passport import PassportRecognizer
from pipeline.detect.secret_marking import SecretMarkingRecognizer, is_state_marking
from pipeline.document import Document
from pipeline.finding import Finding
from pipeline.thresholds import min_score


class Recognizer(Protocol):
    name: str
    label: str

    def analyze(self, text: str) -> list[Finding]: ...


# Most specific first: this order breaks ties between overlapping findings.
RECOGNIZERS: tuple[Recognizer, ...] = (
    SecretMarkingRecognizer(),
    ResidentIdRecognizer(),
    EmailRecognizer(),
    PassportRecognizer(),
    LicensePlateRecognizer(),
    BankCardRecognizer(),
    PhoneRecognizer(),
    JudgedAddressRecognizer(),
    JudgedPersonRecognizer(),
)
# Clause-level findings may contain numbers and names found above; they are kept beside
# them (a reviewer sees both) rather than competing in the overlap resolution.
CLAUSES = ClauseRecognizer()
PRIORITY = {r.name: i for i, r in enumerate(RECOGNIZERS)}


def detect(
    document: Document | str, recognizers: tuple[Recognizer, ...] = RECOGNIZERS
) -> list[Finding]:
    """Findings over the whole text (body, headers, notes, comments, deletions), sorted."""
    text = document.text if isinstance(document, Document) else document
    view = spaced_view(text)
    if view is None:
        return _detect(text, recognizers)
    return [view.finding_in(f, text) for f in _detect(view.text, recognizers)]


def _detect(text: str, recognizers: tuple[Recognizer, ...]) -> list[Finding]:
    found: list[Finding] = []
    for recognizer in recognizers:
        found.extend(recognizer.analyze(text))
    found.sort(key=lambda f: (PRIORITY.get(f.recognizer, 99), -f.score, f.start))
    kept: list[Finding] = []  # sorted by start, non-overlapping
    starts: list[int] = []
    for finding in found:
        i = bisect.bisect_left(starts, finding.start)
        if i > 0 and kept[i - 1].end > finding.start:
            continue
        if i < len(kept) and kept[i].start < finding.end:
            continue
        kept.insert(i, finding)
        starts.insert(i, finding.start)
    if recognizers is RECOGNIZERS:
        kept.extend(CLAUSES.analyze(text))
        kept.sort(key=lambda f: (f.start, f.end))
        if any(is_state_marking(f) for f in kept):
            # STATE_SECRET is content that reveals a secret in a document WITHOUT a marking
            # (spec/labels.md): a marked paper is withheld whole under its 密级 (第十四条),
            # so its deployments and figures are the paper's content, not findings to escalate.
            kept = [f for f in kept if f.label != "STATE_SECRET"]
    return [f for f in kept if f.score >= min_score(f.label)]
