"""A redaction span — what a proposal or a reviewer's decision removes from a copy — and
the reviewers' decisions file (``triage redact --decisions``). Proposals are made in
:mod:`pipeline.redact.proposals`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Redaction:
    start: int
    end: int
    label: str
    legal_basis: str = "第十五条"

    def to_dict(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "legal_basis": self.legal_basis,
        }


def load_decisions(path: Path) -> list[Redaction]:
    """Reviewers' decisions: a JSON list of ``{"start", "end", "label"}`` spans (an optional
    ``legal_basis`` each). Raises ValueError naming the file and the bad entry."""
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: not a readable JSON file ({exc})") from exc
    if not isinstance(rows, list):
        raise ValueError(f"{path}: expected a JSON list of spans, found {type(rows).__name__}")
    spans = []
    for index, row in enumerate(rows):
        try:
            start, end, label = int(row["start"]), int(row["end"]), str(row["label"])
        except (TypeError, KeyError, ValueError) as exc:
            raise ValueError(
                f"{path}: entry {index} needs integer start/end and a label ({exc})"
            ) from exc
        if not 0 <= start < end:
            raise ValueError(f"{path}: entry {index} has start {start} and end {end}")
        spans.append(Redaction(start, end, label, str(row.get("legal_basis", "第十五条"))))
    return spans
