"""Score scan output against gold annotations (the devset's corpus.jsonl format).

Per label: precision, recall and F1, a prediction matching a gold span of the same label
when their intersection-over-union is at least 0.5 (one-to-one). Findings with role
"official" are not personal data and are not counted (../shared/spec/scan-output.md).
Redaction: character recall over the gold spans that must be blacked out (PERSON names
of a public list excepted), and over-redaction, the share of redacted characters outside
every gold span. Attribute accuracy when suggestions are present. Critical errors: a
gold ID_CARD, BANK_CARD or PASSPORT left mostly unredacted.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.analysis.span_matching import match_spans
from pipeline.decide import ATTRIBUTES
from pipeline.labels import CRITICAL, REDACTABLE


def attribute_macro_f1(pairs: list[tuple[str, str]]) -> float:
    """Mean F1 over the attributes that occur in the (gold, suggested) pairs.

    One home for the figure: the scan report and ``benchmarks/attribute.py`` both print it.
    """
    names = sorted({a for pair in pairs for a in pair})
    scores = []
    for name in names:
        tp = sum(1 for g, p in pairs if g == p == name)
        fp = sum(1 for g, p in pairs if p == name and g != name)
        fn = sum(1 for g, p in pairs if g == name and p != name)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def attribute_confusion(pairs: list[tuple[str, str]], indent: str = "") -> str:
    """The confusion matrix of (gold, suggested) pairs: rows gold, columns suggested."""
    rows = [indent + "gold \\ suggested " + " ".join(f"{n:>6}" for n in ATTRIBUTES)]
    for g in ATTRIBUTES:
        counts = [sum(1 for a, b in pairs if a == g and b == p) for p in ATTRIBUTES]
        rows.append(indent + f"{g:<14} " + " ".join(f"{c:>10}" for c in counts))
    return "\n".join(rows)


@dataclass
class LabelScore:
    tp_pred: int = 0
    tp_gold: int = 0
    pred: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp_pred / self.pred if self.pred else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    labels: dict[str, LabelScore] = field(default_factory=lambda: defaultdict(LabelScore))
    gold_chars: int = 0
    covered_chars: int = 0
    redacted_chars: int = 0
    over_chars: int = 0
    attribute_total: int = 0
    attribute_right: int = 0
    attribute_pairs: list[tuple[str, str]] = field(default_factory=list)  # (gold, suggested)
    attribute_critical: list[str] = field(default_factory=list)
    critical: list[str] = field(default_factory=list)
    documents: int = 0
    missing: list[str] = field(default_factory=list)

    @property
    def attribute_macro_f1(self) -> float:
        """Mean F1 over the attributes that occur in gold or suggestions."""
        return attribute_macro_f1(self.attribute_pairs)

    def confusion(self) -> str:
        """Rows gold, columns suggested."""
        return attribute_confusion(self.attribute_pairs)

    def micro(self, labels: tuple[str, ...] | None = None) -> tuple[float, float]:
        """(precision, recall) over the findings of ``labels`` (all labels when None)."""
        names = [n for n in self.labels if labels is None or n in labels]
        tp = sum(self.labels[n].tp_pred for n in names)
        pred = sum(self.labels[n].pred for n in names)
        gold = sum(self.labels[n].gold for n in names)
        return (tp / pred if pred else 1.0), (tp / gold if gold else 1.0)

    @property
    def redaction_recall(self) -> float:
        return self.covered_chars / self.gold_chars if self.gold_chars else 1.0

    @property
    def over_redaction(self) -> float:
        return self.over_chars / self.redacted_chars if self.redacted_chars else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "labels": {
                k: {
                    "precision": round(v.precision, 4),
                    "recall": round(v.recall, 4),
                    "f1": round(v.f1, 4),
                    "gold": v.gold,
                    "pred": v.pred,
                }
                for k, v in sorted(self.labels.items())
            },
            "redaction_recall": round(self.redaction_recall, 4),
            "over_redaction": round(self.over_redaction, 4),
            "attribute_accuracy": round(self.attribute_right / self.attribute_total, 4)
            if self.attribute_total
            else None,
            "attribute_macro_f1": round(self.attribute_macro_f1, 4)
            if self.attribute_total
            else None,
            "attribute_critical_errors": self.attribute_critical,
            "critical_errors": self.critical,
            "missing_predictions": self.missing,
        }

    def table(self) -> str:
        rows = [f"{'label':<14} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}"]
        for name, s in sorted(self.labels.items()):
            rows.append(
                f"{name:<14} {s.gold:>5} {s.pred:>5} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}"
            )
        rows.append(
            f"redaction recall {self.redaction_recall:.4f}  over-redaction {self.over_redaction:.4f}  "
            f"({self.covered_chars}/{self.gold_chars} gold chars, {self.redacted_chars} redacted)"
        )
        if self.attribute_total:
            rows.append(
                f"attribute accuracy {self.attribute_right / self.attribute_total:.4f} "
                f"({self.attribute_right}/{self.attribute_total})  "
                f"macro-F1 {self.attribute_macro_f1:.4f}"
            )
            rows.append(self.confusion())
            rows.append(f"attribute critical errors: {len(self.attribute_critical)}")
            rows.extend(f"  {line}" for line in self.attribute_critical)
        rows.append(f"critical errors (identifiers left unredacted): {len(self.critical)}")
        for line in self.critical:
            rows.append(f"  {line}")
        if self.missing:
            rows.append(f"documents without prediction: {', '.join(self.missing)}")
        return "\n".join(rows)


def doc_key(record: dict[str, Any]) -> str:
    if "id" in record:
        return str(record["id"])
    return Path(str(record.get("source", ""))).stem


def evaluate(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> Report:
    report = Report()
    by_key = {doc_key(r): r for r in predicted}
    for g in gold:
        key = str(g["id"])
        report.documents += 1
        pred = by_key.get(key)
        if pred is None:
            report.missing.append(key)
            pred = {"findings": [], "redactions": []}
        _score_spans(report, g, pred)
        _score_redaction(report, g, pred)
        suggestion = pred.get("suggestion") or {}
        if suggestion.get("attribute") and g.get("attribute"):
            report.attribute_total += 1
            report.attribute_right += suggestion["attribute"] == g["attribute"]
            report.attribute_pairs.append((g["attribute"], suggestion["attribute"]))
            _attribute_critical(report, g, pred, suggestion["attribute"])
    return report


def _score_spans(report: Report, gold: dict[str, Any], pred: dict[str, Any]) -> None:
    golds = [(s["label"], s["start"], s["end"]) for s in gold.get("spans", [])]
    preds = [
        (f["label"], f["start"], f["end"])
        for f in pred.get("findings", [])
        if f.get("role") != "official"
    ]
    labels = {x[0] for x in golds} | {x[0] for x in preds}
    for label in labels:
        g = [(a, b) for lab, a, b in golds if lab == label]
        p = [(a, b) for lab, a, b in preds if lab == label]
        score = report.labels[label]
        score.gold += len(g)
        score.pred += len(p)
        pairs = match_spans(g, p)
        score.tp_pred += len(pairs)
        score.tp_gold += len(pairs)


def _attribute_critical(
    report: Report, gold: dict[str, Any], pred: dict[str, Any], attribute: str
) -> None:
    """A secret suggested for publication, or personal data published unredacted."""
    labels = {s["label"] for s in gold.get("spans", [])}
    published = attribute in ("主动公开", "部分公开")
    if published and labels & {"SECRET_MARK", "STATE_SECRET"}:
        report.attribute_critical.append(f"{gold['id']}: secret content suggested {attribute}")
    public = bool(gold.get("public_persons"))
    personal = [
        s
        for s in gold.get("spans", [])
        if s["label"] in REDACTABLE and not (public and s["label"] == "PERSON")
    ]
    if attribute == "主动公开" and personal and not pred.get("redactions"):
        report.attribute_critical.append(
            f"{gold['id']}: personal data ({len(personal)} spans) suggested 主动公开 without redactions"
        )


def _score_redaction(report: Report, gold: dict[str, Any], pred: dict[str, Any]) -> None:
    if gold.get("attribute") == "不予公开":
        return  # withheld whole: nothing is released, so nothing needs redacting
    public = bool(gold.get("public_persons"))
    must: set[int] = set()
    anywhere: set[int] = set()
    for s in gold.get("spans", []):
        chars = set(range(s["start"], s["end"]))
        anywhere |= chars
        if s["label"] in REDACTABLE and not (public and s["label"] == "PERSON"):
            must |= chars
    redacted: set[int] = set()
    for r in pred.get("redactions", []):
        redacted |= set(range(r["start"], r["end"]))
    report.gold_chars += len(must)
    report.covered_chars += len(must & redacted)
    report.redacted_chars += len(redacted)
    report.over_chars += len(redacted - anywhere)
    for s in gold.get("spans", []):
        if s["label"] in CRITICAL:
            chars = set(range(s["start"], s["end"]))
            if len(chars & redacted) < 0.5 * len(chars):
                report.critical.append(f"{gold['id']} {s['label']} {s['text']!r} at {s['start']}")


def scan_devset(devset: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]] | None:
    """(gold, scan records) for a corpus folder (``corpus.jsonl`` + ``texts/<id>.txt``),
    each text scanned by the real pipeline; None when the folder holds no corpus."""
    from pipeline.config import Settings
    from pipeline.scan import scan_file

    corpus = devset / "corpus.jsonl"
    if not corpus.exists():
        return None
    gold = load_jsonl(corpus)
    settings = Settings()
    return gold, [scan_file(devset / "texts" / f"{g['id']}.txt", settings) for g in gold]


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
