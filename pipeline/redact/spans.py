"""A redaction span — what a proposal or a reviewer's decision removes from a copy — and
the reviewers' decisions file (``triage redact --decisions``). Proposals are made in
:mod:`pipeline.redact.proposals`.

An :class:`Area` is the other kind a reviewer makes: a rectangle drawn on a page image
(a signature, a seal, a handwritten note, a value OCR misread). It is removed where it
is, not by value: there may be no text under it, or text OCR read wrong.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# A box smaller than this (points, either side) is a click, not a drag.
MIN_AREA_SIDE = 2.0


@dataclass(frozen=True, slots=True)
class Redaction:
    start: int
    end: int
    label: str
    legal_basis: str = "第十五条"
    reason: str = ""  # a 删除理由 of pipeline.reasons (a decisions file may give one)
    note: str = ""  # its free label, for 其他个人信息

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "legal_basis": self.legal_basis,
        }
        return out | {k: v for k, v in (("reason", self.reason), ("note", self.note)) if v}


def load_decisions(path: Path) -> list[Redaction]:
    """Reviewers' decisions: a JSON list of ``{"start", "end", "label"}`` spans (an optional
    ``legal_basis``, ``reason`` and ``note`` each: the 删除理由 of :mod:`pipeline.reasons`).
    Raises ValueError naming the file and the bad entry."""
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
        basis = str(row.get("legal_basis", "第十五条"))
        reason, note = str(row.get("reason") or ""), str(row.get("note") or "")
        spans.append(Redaction(start, end, label, basis, reason, note))
    return spans


@dataclass(frozen=True, slots=True)
class Area:
    """A rectangle on a 1-based page, in PDF points with the origin at the page's top
    left (the character boxes' frame: pdfplumber's ``top``/``bottom``, crop box origin
    included), blacked out in the copy with everything under it."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    label: str

    def to_dict(self) -> dict[str, object]:
        box = [round(v, 2) for v in (self.x0, self.top, self.x1, self.bottom)]
        return {"page": self.page, "box": box, "label": self.label}

    def overlaps(self, x0: float, top: float, x1: float, bottom: float) -> bool:
        return x0 < self.x1 and self.x0 < x1 and top < self.bottom and self.top < bottom


def area_of(row: Mapping[str, Any] | Any) -> Area:
    """An area from its stored or submitted form ``{"page", "box": [x0, top, x1, bottom],
    "label"}``; raises ValueError (in Chinese: the reviewer reads it) on anything else."""
    try:
        page = int(row["page"])
        x0, top, x1, bottom = (float(v) for v in row["box"])
        label = str(row["label"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"框选区域须有页码、矩形和类别：{row!r}") from exc
    if page < 1 or not all(math.isfinite(v) for v in (x0, top, x1, bottom)):
        raise ValueError(f"框选区域的页码或坐标无效：{row!r}")
    x0, x1 = min(x0, x1), max(x0, x1)
    top, bottom = min(top, bottom), max(top, bottom)
    if x1 - x0 < MIN_AREA_SIDE or bottom - top < MIN_AREA_SIDE:
        raise ValueError(f"框选区域太小（第 {page} 页）：请拖动鼠标框出要删除的范围")
    return Area(page, x0, top, x1, bottom, label)
