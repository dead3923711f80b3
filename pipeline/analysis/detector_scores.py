"""Precision and recall of the detectors on a labelled set, as pandas tables.

The same matching as ``triage eval`` (:func:`pipeline.analysis.span_matching.match_spans`: same label,
IoU ≥ 0.5, one to one; findings of role "official" are not personal data and are left
out), but kept per span, so an analyst can group the outcome by label, by recognizer or
by lexicon term, and read each false positive and miss in its context. Detection runs in
this process (:func:`pipeline.detect.detect`), so lexicons and thresholds edited with
:mod:`pipeline.analysis.lexicon_workspace` take effect on the next call.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from pipeline.analysis.span_matching import match_spans

OUTCOME_COLUMNS = [
    "doc",
    "label",
    "start",
    "end",
    "text",
    "outcome",  # TP (a finding that matches gold), FP (a finding that does not), FN (a miss)
    "recognizer",
    "score",
    "explanation",
    "gold_start",
    "gold_end",
]


@dataclass(frozen=True)
class DetectorRun:
    """The labelled records, every finding per document, and how long detection took."""

    records: tuple[dict[str, Any], ...]
    findings: dict[str, list[dict[str, Any]]]
    seconds: float

    @property
    def texts(self) -> dict[str, str]:
        return {str(r["id"]): str(r["text"]) for r in self.records}


def run_detectors(records: Sequence[dict[str, Any]]) -> DetectorRun:
    """Detect over each record's text with the lexicons and thresholds now in use."""
    from pipeline.detect import detect

    started = time.perf_counter()
    findings = {
        str(record["id"]): [f.to_dict() for f in detect(str(record["text"]))] for record in records
    }
    return DetectorRun(tuple(records), findings, time.perf_counter() - started)


def outcomes(run: DetectorRun) -> pd.DataFrame:
    """One row per finding (TP or FP) and per gold span no finding matched (FN)."""
    rows: list[dict[str, Any]] = []
    for record in run.records:
        doc = str(record["id"])
        gold = record.get("spans", [])
        found = [f for f in run.findings.get(doc, []) if f.get("role") != "official"]
        for label in sorted({s["label"] for s in gold} | {f["label"] for f in found}):
            g = [s for s in gold if s["label"] == label]
            p = [f for f in found if f["label"] == label]
            pairs = match_spans(
                [(s["start"], s["end"]) for s in g], [(f["start"], f["end"]) for f in p]
            )
            gold_of = {j: g[i] for i, j in pairs}
            for j, f in enumerate(p):
                match = gold_of.get(j)
                rows.append(
                    {
                        "doc": doc,
                        "label": label,
                        "start": f["start"],
                        "end": f["end"],
                        "text": f["text"],
                        "outcome": "TP" if match else "FP",
                        "recognizer": f["recognizer"],
                        "score": f["score"],
                        "explanation": f["explanation"],
                        "gold_start": match["start"] if match else None,
                        "gold_end": match["end"] if match else None,
                    }
                )
            matched = {i for i, _j in pairs}
            for i, s in enumerate(g):
                if i not in matched:
                    rows.append(
                        {
                            "doc": doc,
                            "label": label,
                            "start": s["start"],
                            "end": s["end"],
                            "text": s["text"],
                            "outcome": "FN",
                            "recognizer": None,
                            "score": None,
                            "explanation": None,
                            "gold_start": s["start"],
                            "gold_end": s["end"],
                        }
                    )
    frame = pd.DataFrame(rows, columns=OUTCOME_COLUMNS)
    return frame.sort_values(["doc", "start", "end"], kind="stable").reset_index(drop=True)


def _rates(table: pd.DataFrame) -> pd.DataFrame:
    """Precision, recall and F1 from tp/fp/fn columns (1.0 where nothing was expected
    and nothing found, as ``triage eval`` counts it)."""
    found = table["tp"] + table["fp"]
    gold = table["tp"] + table["fn"]
    table["precision"] = (table["tp"] / found.where(found > 0)).fillna((gold == 0).astype(float))
    table["recall"] = (table["tp"] / gold.where(gold > 0)).fillna(1.0)
    both = table["precision"] + table["recall"]
    table["f1"] = (2 * table["precision"] * table["recall"] / both.where(both > 0)).fillna(0.0)
    return table


def _counts(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    counts = frame.groupby([by, "outcome"]).size().unstack(fill_value=0)
    for column in ("TP", "FP", "FN"):
        if column not in counts:
            counts[column] = 0
    table = pd.DataFrame(
        {"tp": counts["TP"], "fp": counts["FP"], "fn": counts["FN"]}, index=counts.index
    ).astype(int)
    return table


def by_label(frame: pd.DataFrame) -> pd.DataFrame:
    """Per label: gold spans, findings, TP/FP/FN, precision, recall, F1 (= ``triage eval``)."""
    if frame.empty:
        return pd.DataFrame(
            columns=["gold", "found", "tp", "fp", "fn", "precision", "recall", "f1"]
        )
    table = _counts(frame, "label")
    table.insert(0, "found", table["tp"] + table["fp"])
    table.insert(0, "gold", table["tp"] + table["fn"])
    return _rates(table).sort_index()


def by_recognizer(frame: pd.DataFrame) -> pd.DataFrame:
    """Per recognizer: its findings (TP/FP, precision) and its share of its labels' gold
    spans (recall: gold spans it found / gold spans of the labels it emits). A miss
    belongs to no recognizer, so ``fn`` counts the labels' misses, shared."""
    columns = ["labels", "found", "tp", "fp", "precision", "gold", "recall", "fn", "mean_score"]
    findings = frame[frame["outcome"] != "FN"]
    if findings.empty:
        return pd.DataFrame(columns=columns)
    gold_by_label = frame[frame["outcome"] != "FP"].groupby("label").size()
    misses_by_label = frame[frame["outcome"] == "FN"].groupby("label").size()
    rows = []
    for name, group in findings.groupby("recognizer"):
        labels = sorted(group["label"].unique())
        tp = int((group["outcome"] == "TP").sum())
        fp = int((group["outcome"] == "FP").sum())
        gold = int(sum(gold_by_label.get(label, 0) for label in labels))
        rows.append(
            {
                "recognizer": name,
                "labels": ", ".join(labels),
                "found": tp + fp,
                "tp": tp,
                "fp": fp,
                "precision": tp / (tp + fp) if tp + fp else 1.0,
                "gold": gold,
                "recall": tp / gold if gold else 1.0,
                "fn": int(sum(misses_by_label.get(label, 0) for label in labels)),
                "mean_score": float(group["score"].mean()),
            }
        )
    return pd.DataFrame(rows, columns=["recognizer", *columns]).set_index("recognizer")


def micro(frame: pd.DataFrame) -> dict[str, float]:
    """Micro-averaged precision, recall and F1 over all labels."""
    tp = int((frame["outcome"] == "TP").sum())
    fp = int((frame["outcome"] == "FP").sum())
    fn = int((frame["outcome"] == "FN").sum())
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
    }


def compare(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """Two :func:`by_label` (or :func:`by_recognizer`) tables side by side with the
    change of each rate; rows present in either."""
    keys = ["found", "tp", "fp", "fn", "precision", "recall", "f1"]
    keys = [k for k in keys if k in before.columns and k in after.columns]
    joined = before[keys].add_suffix("_before").join(after[keys].add_suffix("_after"), how="outer")
    joined = joined.fillna(0)
    for key in ("precision", "recall", "f1"):
        if key in keys:
            joined[f"{key}_change"] = joined[f"{key}_after"] - joined[f"{key}_before"]
    order = [c for k in keys for c in (f"{k}_before", f"{k}_after", f"{k}_change") if c in joined]
    return joined[order]


def difference(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """The rows of two :func:`outcomes` tables that are in only one: ``change`` is "new"
    (a finding or miss the edit brought) or "gone" (one it removed)."""
    keys = ["doc", "label", "start", "end", "outcome"]
    merged = before.merge(after, on=keys, how="outer", indicator=True, suffixes=("", "_after"))
    changed = merged[merged["_merge"] != "both"].copy()
    changed["change"] = changed["_merge"].map({"left_only": "gone", "right_only": "new"})
    for column in ("text", "recognizer", "score", "explanation"):
        changed[column] = changed[column].fillna(changed[f"{column}_after"])
    return changed[["change", *keys, "text", "recognizer", "score", "explanation"]].reset_index(
        drop=True
    )
