"""The gold spans a reviewer's decision implies, for training and evaluation.

A decision records two things about a document's sensitive content: a verdict per
finding of the suggestion it decided (accept / reject / modify) and the final redaction
spans, merged. Neither alone is the gold the devset schema asks for: the redactions
leave out what is labelled but published (a 公示's names, a 密级 marking in a withheld
document, whose redactions are empty) and lose the labels of merged neighbours; the
verdicts miss what the reviewer marked by hand. So the gold is

* every finding the reviewer accepted, except role "official" ones (an agency hotline
  or a 局长 is not personal data, and the devset does not label them), and
* every final redaction span that accepted findings do not cover entirely: hand-marked
  spans and the reviewer's version of a modified finding, with the span's own label.

Gold spans never overlap; where these overlap, the longer span is kept (it is the one
the reviewer widened or the clause that holds a name), ties going to the finding (its
label is the detector's, not the merge's), then to the earlier start.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.decide import WITHHELD

OFFICIAL = "official"


@dataclass(frozen=True)
class Reviewed:
    """A finding of the decided suggestion with the reviewer's verdict on it."""

    start: int
    end: int
    label: str
    role: str | None
    verdict: str

    @property
    def accepted(self) -> bool:
        """Accepted, and personal or secret content (not an official's data)."""
        return self.verdict == "accept" and self.role != OFFICIAL


@dataclass(frozen=True, order=True)
class GoldSpan:
    start: int
    end: int
    label: str

    def to_dict(self, text: str) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": text[self.start : self.end],
        }


def _chars(spans: Iterable[tuple[int, int]]) -> set[int]:
    return {i for start, end in spans for i in range(start, end)}


def gold_spans(
    findings: Sequence[Reviewed], redactions: Sequence[Mapping[str, Any]]
) -> list[GoldSpan]:
    """The decision's gold spans, sorted and non-overlapping (see the module docstring)."""
    accepted = [GoldSpan(f.start, f.end, f.label) for f in findings if f.accepted]
    covered = _chars((s.start, s.end) for s in accepted)
    marked = [
        GoldSpan(int(r["start"]), int(r["end"]), str(r["label"]))
        for r in redactions
        if not set(range(int(r["start"]), int(r["end"]))) <= covered
    ]
    # Longest first; among equals the finding (rank 0) before the reviewer's span.
    ranked = sorted(
        [(s, 0) for s in accepted] + [(s, 1) for s in marked],
        key=lambda pair: (-(pair[0].end - pair[0].start), pair[1], pair[0]),
    )
    kept: list[GoldSpan] = []
    for span, _rank in ranked:
        if span.end > span.start and all(span.end <= k.start or k.end <= span.start for k in kept):
            kept.append(span)
    return sorted(kept)


def public_persons(
    findings: Sequence[Reviewed], redactions: Sequence[Mapping[str, Any]], attribute: str
) -> bool:
    """Whether the document's names stay published (a 公示 list): the reviewer accepted
    PERSON findings, redacted none of them, and released the document."""
    persons = [f for f in findings if f.accepted and f.label == "PERSON"]
    redacted = _chars((int(r["start"]), int(r["end"])) for r in redactions)
    return (
        attribute != WITHHELD
        and bool(persons)
        and not any(redacted & set(range(f.start, f.end)) for f in persons)
    )
