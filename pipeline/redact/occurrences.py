"""One decision per value: the copies remove a redacted value wherever it occurs (the
.docx and PDF writers work by value, so that a name redacted once cannot be read in its
other places), so the review page, the stored decision and the plain-text copy must too.

``value_groups`` puts a document's findings with the same text together (a name found
four times is one entry, decided once); ``every_occurrence`` widens spans to every place
the text holds their values, exactly as :func:`pipeline.redact.docx.values_of` cuts them.
With both, what the page shows struck through or blacked out is what the copy keeps or
removes (tests/review/test_preview_is_copy.py compares them).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from pipeline.redact.docx import value_pieces


class Found(Protocol):
    """What is read of a finding (a stored FindingRow or a pipeline Finding)."""

    @property
    def id(self) -> int: ...
    @property
    def label(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


@dataclass(frozen=True)
class ValueGroup:
    """The findings of one value: decided together, shown together."""

    index: int
    value: str
    label: str  # the first finding's
    finding_ids: tuple[int, ...]
    proposed: bool  # a proposal covers it: 同意 removes it, 不同意 keeps it
    occurrences: tuple[tuple[int, int], ...]  # every place the copy would remove it

    @property
    def key(self) -> str:
        """The form field's finding id: the group's first finding."""
        return str(self.finding_ids[0])


def occurrences(text: str, value: str) -> list[tuple[int, int]]:
    """Where ``value`` occurs in ``text``, left to right, not overlapping (as str.replace
    and the writers find it)."""
    found: list[tuple[int, int]] = []
    if not value:
        return found
    at = text.find(value)
    while at >= 0:
        found.append((at, at + len(value)))
        at = text.find(value, at + len(value))
    return found


def value_places(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Every place the copies would remove the value of ``text[start:end]``: the span
    itself and each occurrence of each of its pieces (cut at line ends and tabs)."""
    places = {(start, end)}
    for piece in value_pieces(text, start, end):
        places.update(occurrences(text, piece))
    return sorted(places)


def every_occurrence(text: str, spans: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """``spans`` widened to every occurrence of their values (each new span a copy of the
    span it came from, with its label and basis), merged, sorted."""
    out: list[dict[str, Any]] = []
    for span in spans:
        start, end = int(span["start"]), int(span["end"])
        for s, e in value_places(text, start, end):
            out.append({**span, "start": s, "end": e})
    return merge(out)


def merge(spans: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Sorted, overlapping or touching spans merged (the first part's other keys win)."""
    merged: list[dict[str, Any]] = []
    for span in sorted(spans, key=lambda s: (int(s["start"]), int(s["end"]))):
        span = {**span, "start": int(span["start"]), "end": int(span["end"])}
        if merged and span["start"] <= merged[-1]["end"]:
            merged[-1]["end"] = max(merged[-1]["end"], span["end"])
        else:
            merged.append(span)
    return merged


def value_groups(
    text: str, findings: Sequence[Found], proposals: Sequence[dict[str, Any]]
) -> list[ValueGroup]:
    """The findings grouped by their text, in order of first appearance."""
    by_value: dict[str, list[Found]] = {}
    for finding in sorted(findings, key=lambda f: (f.start, f.end)):
        by_value.setdefault(text[finding.start : finding.end], []).append(finding)
    groups = []
    for index, (value, members) in enumerate(by_value.items()):
        first = members[0]
        proposed = any(
            int(p["start"]) <= f.start and f.end <= int(p["end"])
            for f in members
            for p in proposals
        )
        groups.append(
            ValueGroup(
                index,
                value,
                first.label,
                tuple(f.id for f in members),
                proposed,
                tuple(value_places(text, first.start, first.end)),
            )
        )
    return groups


def group_verdicts(
    groups: Sequence[ValueGroup], verdicts: dict[str, str]
) -> tuple[dict[str, str], list[str]]:
    """Each finding's verdict when one per value is given (the form sends the group's
    first finding; the CLI may list any): unlisted members take their group's verdict.
    Returns the verdicts and the values whose listed verdicts disagree (accept against
    reject or modify), which the caller refuses."""
    out = dict(verdicts)
    disagree: list[str] = []
    for group in groups:
        listed = [verdicts[str(i)] for i in group.finding_ids if str(i) in verdicts]
        if not listed:
            continue
        kept = {v == "accept" for v in listed}
        if len(kept) > 1:
            disagree.append(group.value)
            continue
        fill = "accept" if kept == {True} else "reject"
        for finding_id in group.finding_ids:
            out.setdefault(str(finding_id), fill)
    return out, disagree
