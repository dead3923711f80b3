"""Which of the judge's overlapping PERSON proposals is a whole name read to its end
before a model's piece of it.

A model may cut a name inside its run of characters (田明 of 田明珠，辅警) and the judge
may score the piece a little higher than the whole. Where a rule read the whole name from
its first character to a delimiter (a list item, a name between commas) and the judge
keeps it, the piece that stops before the name's last character is no name of its own:
the whole goes first, so an officer's name is kept whole and not half of it as private.
"""

from __future__ import annotations

from typing import Any

from pipeline.detect.chinese_name import CJK
from pipeline.detect.proposals import Proposal


def _model_only(p: Proposal) -> bool:
    return all(s.startswith("model:") for s in p.sources)


def _read_to_delimiter(p: Proposal, text: str) -> bool:
    """A rule read the proposal and it ends where the text stops being Chinese characters."""
    return (
        p.label == "PERSON"
        and 2 <= len(p.text) <= 4
        and bool(CJK.fullmatch(p.text[-1]))
        and any(s.startswith("rule:") for s in p.sources)
        and not (p.end < len(text) and CJK.match(text[p.end]))
    )


def whole_before_pieces(
    proposals: list[Proposal], probabilities: Any, cut: float, text: str
) -> list[bool]:
    """For each proposal: it is a whole name the judge keeps, holding a model's piece that
    starts with it and stops inside it (田明珠 over 田明)."""
    out = []
    for p, prob in zip(proposals, probabilities, strict=True):
        whole = (
            float(prob) >= cut
            and _read_to_delimiter(p, text)
            and any(
                q.label == "PERSON" and q.start == p.start and q.end < p.end and _model_only(q)
                for q in proposals
            )
        )
        out.append(whole)
    return out
