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


def runs(
    text: str,
    findings: Sequence[FindingRow],
    spans: Sequence[Redaction],
    groups: Sequence[ValueGroup] = (),
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
        out.append(
            Run(
                start,
                end,
                text[start:end],
                tuple(f.id for f in covering),
                covering[0].label if covering else None,
                redacted,
                tuple(sorted({i for i, s, e in places if s <= start and end <= e})),
            )
        )
    return out
