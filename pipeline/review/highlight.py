"""The document text cut into runs for the review page: each run knows the findings that
cover it and whether it lies in a proposed or decided redaction, so the page can colour
it by label and link it to the finding's explanation without any markup in the text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from pipeline.redact.occurrences import ValueGroup
from pipeline.redact.spans import Redaction
from pipeline.store.models import FindingRow


@dataclass(frozen=True)
class Run:
    start: int
    end: int
    text: str
    findings: tuple[int, ...]  # ids, outermost (longest) first
    label: str | None  # the label to colour by: the outermost finding's
    redacted: bool
    groups: tuple[int, ...] = ()  # the value groups with an occurrence here
    note: str | None = None  # "comment" | "deletion" | "insertion": not the body's own text
    note_first: bool = False  # the run a note starts at (where the page writes 批注 …)


# What a run that is not the body's own text is called on the page (issue 21, item 8).
NOTE_NAMES = {"comment": "批注", "deletion": "已删除的修订", "insertion": "修订插入"}


def note_spans(warnings: Sequence[object]) -> list[tuple[int, int, str]]:
    """The comments and tracked changes of a document, from its scan warnings."""
    out: list[tuple[int, int, str]] = []
    for warning in warnings:
        if isinstance(warning, dict):
            out += [(int(s), int(e), str(k)) for s, e, k in warning.get("spans") or []]
    return out


def runs(
    text: str,
    findings: Sequence[FindingRow],
    spans: Sequence[Redaction],
    groups: Sequence[ValueGroup] = (),
    notes: Sequence[tuple[int, int, str]] = (),
) -> list[Run]:
    """Cut ``text`` at every finding, span and value-occurrence edge; consecutive
    characters with the same coverage form one run (so the page can strike or black out
    every occurrence of a value at once, as the copy does)."""
    edges = {0, len(text)}
    places = [(g.index, s, e) for g in groups for s, e in g.occurrences]
    bounds = (
        [(f.start, f.end) for f in findings]
        + [(s.start, s.end) for s in spans]
        + [(s, e) for _i, s, e in places]
        + [(s, e) for s, e, _k in notes]
    )
    for piece in bounds:
        edges.update(max(0, min(edge, len(text))) for edge in piece)
    cuts = sorted(edges)
    out: list[Run] = []
    for start, end in pairwise(cuts):
        if start == end:
            continue
        covering = sorted(
            (f for f in findings if f.start <= start and end <= f.end),
            key=lambda f: (f.start - f.end, f.start),
        )
        redacted = any(s.start <= start and end <= s.end for s in spans)
        note = next(((s, k) for s, e, k in notes if s <= start and end <= e), None)
        out.append(
            Run(
                start,
                end,
                text[start:end],
                tuple(f.id for f in covering),
                covering[0].label if covering else None,
                redacted,
                tuple(sorted({i for i, s, e in places if s <= start and end <= e})),
                note[1] if note else None,
                note is not None and note[0] == start,
            )
        )
    return out
