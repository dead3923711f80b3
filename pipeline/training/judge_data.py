"""The judge's training examples: proposals over labelled documents, each marked keep or
drop by the gold spans, over the documents as written and over noisy copies of them.

The noise is what unseen offices do to the same content (issue 19): list rows separated
by single spaces or wide spaces instead of tabs, two-character names padded with a
full-width space, addresses and names broken by a line wrap, full-width digits. A copy
keeps its gold spans exact (each edit moves the offsets after it).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from pipeline.analysis.span_matching import iou
from pipeline.detect.judge import PROPOSERS, featurise
from pipeline.detect.judge_slots import SLOT_MODEL, slot_featurise, slot_only

JUDGED = ("PERSON", "ADDRESS")
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@dataclass(frozen=True)
class Example:
    doc: str
    label: str
    features: list[str]
    keep: bool
    text: str


def _insert(record: dict[str, Any], pos: int, piece: str) -> dict[str, Any]:
    """``piece`` inserted at ``pos``; spans after it move, a span around it grows."""
    text = record["text"][:pos] + piece + record["text"][pos:]
    spans = []
    for s in record.get("spans", []):
        start, end = s["start"], s["end"]
        if start >= pos:
            start += len(piece)
        if end > pos:
            end += len(piece)
        spans.append(dict(s, start=start, end=end, text=text[start:end]))
    return dict(record, text=text, spans=spans)


def noisy_copies(record: dict[str, Any], seed: int) -> Iterator[dict[str, Any]]:
    """Three copies of ``record``: rows re-spaced, names padded, values wrapped."""
    rng = random.Random(seed)
    text = record["text"]
    # 1. Tabs become one or two spaces (same offsets for one space).
    if "\t" in text:
        yield dict(record, id=f"{record['id']}~spaces", text=text.replace("\t", " "))
    # 2. Two-character names padded, a few digits full width.
    padded = dict(record, id=f"{record['id']}~padded")
    for s in sorted(record.get("spans", []), key=lambda s: -s["start"]):
        if s["label"] == "PERSON" and s["end"] - s["start"] == 2 and rng.random() < 0.7:
            padded = _insert(padded, s["start"] + 1, "\u3000")
    chars = list(padded["text"])
    for s in padded.get("spans", []):
        if s["label"] in ("PHONE", "ID_CARD") and rng.random() < 0.3:
            for i in range(s["start"], s["end"]):
                chars[i] = chars[i].translate(FULL_WIDTH)
    padded["text"] = "".join(chars)
    padded["spans"] = [dict(s, text=padded["text"][s["start"] : s["end"]]) for s in padded["spans"]]
    yield padded
    # 3. Line wraps inside addresses and some names.
    wrapped = dict(record, id=f"{record['id']}~wrapped")
    for s in sorted(record.get("spans", []), key=lambda s: -s["start"]):
        long_enough = s["end"] - s["start"] >= (8 if s["label"] == "ADDRESS" else 3)
        if s["label"] in JUDGED and long_enough and rng.random() < 0.5:
            cut = rng.randint(s["start"] + 1, s["end"] - 1)
            if "\n" not in wrapped["text"][cut - 1 : cut + 1]:
                wrapped = _insert(wrapped, cut, "\n")
    yield wrapped


def examples(records: Iterable[dict[str, Any]], noise: bool = True) -> list[Example]:
    """Every proposal of every judged label over ``records`` (and their noisy copies)."""
    out: list[Example] = []
    for n, record in enumerate(records):
        versions = [record, *(noisy_copies(record, seed=n) if noise else ())]
        for version in versions:
            out += _document_examples(version)
    return out


def _document_examples(record: dict[str, Any]) -> list[Example]:
    text = record["text"]
    out: list[Example] = []
    for label in JUDGED:
        gold = [(s["start"], s["end"]) for s in record.get("spans", []) if s["label"] == label]
        proposals = PROPOSERS[label](text)
        for p, features in zip(proposals, featurise(label, proposals, text), strict=True):
            if slot_only(p):
                continue  # only the slot model weighs it
            keep = any(iou((p.start, p.end), g) >= 0.5 for g in gold)
            out.append(Example(str(record["id"]), label, features, keep, p.text))
        if label != "PERSON":
            continue
        # the slot model's examples: the proposals a name slot made
        for p, slot in zip(proposals, slot_featurise(proposals, text), strict=True):
            if slot is not None:
                keep = any(iou((p.start, p.end), g) >= 0.5 for g in gold)
                out.append(Example(str(record["id"]), SLOT_MODEL, slot, keep, p.text))
    return out
