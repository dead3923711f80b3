"""Redaction spans proposed from findings: merged, non-overlapping, role-aware.

Only personal data and trade secrets are redacted (第十五条); a secret marking or state
secret content withholds the whole document instead, and findings with role "official"
(an agency hotline, the agency's receiving account) stay published.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pipeline.finding import Finding
from pipeline.labels import REDACTABLE


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


def propose(
    findings: Iterable[Finding], keep_labels: frozenset[str] = frozenset()
) -> list[Redaction]:
    """Merge the redactable private findings into non-overlapping spans.

    ``keep_labels`` are labels not to redact in this document (PERSON in a 公示名单 that
    the rules require to publish). Overlapping or touching spans merge; the merged span
    keeps the label of its first part.
    """
    spans = sorted(
        (
            f
            for f in findings
            if f.label in REDACTABLE and f.role != "official" and f.label not in keep_labels
        ),
        key=lambda f: (f.start, f.end),
    )
    merged: list[Redaction] = []
    for f in spans:
        if merged and f.start <= merged[-1].end:
            last = merged[-1]
            merged[-1] = Redaction(last.start, max(last.end, f.end), last.label, last.legal_basis)
        else:
            merged.append(Redaction(f.start, f.end, f.label))
    return merged


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
