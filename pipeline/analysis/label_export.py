"""Reviewers' decisions as a labelled corpus in the devset's format.

Every decided document is a label the office paid for: its attribute as the reviewer set
it and its sensitive spans (:mod:`pipeline.analysis.label_spans`). Exported as the
devset is laid out (``corpus.jsonl`` + ``texts/<id>.txt``), they go wherever the devset
goes: ``triage scan OUT/texts`` + ``triage eval --gold OUT/corpus.jsonl`` measure the
pipeline on the office's own documents, :func:`pipeline.evaluate.scan_devset` reads
them, and ``triage train attribute --labels OUT`` trains on them.

Only settled decisions count by default: the document's latest decision, in a state a
decision leads to and nobody sent back (reviewed, approved, published, withheld); a
returned document's decision was disputed.

Each span the decision removes carries the reviewer's 删除理由 (category, article, the
reviewer's own label for 其他个人信息) and the label that reason means: retraining learns
the reviewer's category, not the detector's proposal (``proposed_label``).

Beside the labels, each record carries what people said about the document: the reviewer's
``comment``, the findings they ``rejected`` (so an analyst reading a false positive sees that a
reviewer already said no to it) and the approvers' ``approval_notes`` (a 退回's reason among
them): the lexicon-tuning notebook shows them next to each error.

The labels are what reviewers confirmed or marked, no more: a name the detectors missed
in a 公示 list that stays published is in no decision, so it is not labelled. Scores of
the pipeline on an export therefore measure its precision better than its recall.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from pipeline.analysis.label_spans import Reviewed, gold_spans, public_persons
from pipeline.decide import ARTICLE_ORDER
from pipeline.store.models import Approval, Decision, DocumentRow, SuggestionRow

SETTLED = ("reviewed", "approved", "published", "withheld")
METADATA_KEYS = (
    "title",
    "doc_number",
    "issuer",
    "date",
    "doc_type",
    "secret_level",
    "disclosure_marking",
)
# Decision dates are the office's: a decision at 07:00 in Beijing belongs to that day.
BEIJING = timezone(timedelta(hours=8))


@dataclass
class Export:
    """What an export wrote, and what it passed over with the reason."""

    records: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        labels = Counter(s["label"] for r in self.records for s in r["spans"])
        relabelled = sum(1 for r in self.records for s in r["spans"] if "proposed_label" in s)
        return {
            "records": len(self.records),
            "spans": sum(labels.values()),
            "spans_by_label": dict(sorted(labels.items())),
            "relabelled_by_reviewers": relabelled,
            "attributes": dict(Counter(r["attribute"] for r in self.records).most_common()),
            "public_persons": sum(1 for r in self.records if r.get("public_persons")),
            "skipped": list(self.skipped),
        }


def decided_at(decision: Decision) -> datetime:
    """When the decision was made, in Beijing time (SQLite hands back naive UTC times)."""
    at = decision.created_at
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(BEIJING)


def _articles(basis: Sequence[str]) -> list[str]:
    """The devset lists articles in the 条例's order."""
    rank = {a: i for i, a in enumerate(ARTICLE_ORDER)}
    return sorted(dict.fromkeys(basis), key=lambda a: (rank.get(a, len(rank)), a))


def _reviewed(suggestion: SuggestionRow | None, decision: Decision) -> list[Reviewed]:
    if suggestion is None:
        return []
    return [
        Reviewed(f.start, f.end, f.label, f.role, str(decision.verdicts.get(str(f.id), "accept")))
        for f in suggestion.findings
    ]


def _rejected(findings: Sequence[Reviewed], text: str) -> list[dict[str, Any]]:
    """The findings the reviewer said no to, as spans with their text."""
    return [
        {"start": f.start, "end": f.end, "label": f.label, "text": text[f.start : f.end]}
        for f in findings
        if f.verdict == "reject"
    ]


def _approval_notes(approvals: Sequence[Approval]) -> list[dict[str, Any]]:
    """What approvers wrote on the document (a return's reason, an approval's remark), in
    order; steps without words are left out."""
    return [
        {
            "level": a.level,
            "action": a.action,
            "by": a.user.name,
            "reason": a.reason,
        }
        for a in sorted(approvals, key=lambda a: a.id)
        if (a.reason or "").strip()
    ]


def record(
    document: DocumentRow, decision: Decision, suggestion: SuggestionRow | None
) -> dict[str, Any]:
    """One corpus record; ValueError when it cannot be a faithful one."""
    text = document.text or ""
    if not text:
        raise ValueError("no text")
    if "\r" in text or text.startswith("\ufeff"):
        # texts/<id>.txt is read back with CR turned into LF and the BOM dropped: the
        # offsets would no longer point at the same characters.
        raise ValueError("its text holds a CR or starts with a BOM")
    findings = _reviewed(suggestion, decision)
    spans = gold_spans(findings, decision.redactions)
    bad = [s for s in spans if not 0 <= s.start < s.end <= len(text)]
    if bad:
        raise ValueError(f"spans outside the text: {bad[:3]}")
    meta = document.doc_metadata or {}
    out: dict[str, Any] = {
        "id": f"r{document.id}",
        "text": text,
        "attribute": decision.attribute,
        "legal_basis": _articles(decision.legal_basis),
        "metadata": {key: meta.get(key) for key in METADATA_KEYS},
        "spans": [_with_reason(s.to_dict(text), decision) for s in spans],
    }
    if public_persons(findings, decision.redactions, decision.attribute):
        out["public_persons"] = True
    return out | {
        "document_id": document.id,
        "source": document.source,
        "sha256": document.sha256,
        "state": document.state,
        "suggested_attribute": suggestion.attribute if suggestion is not None else None,
        "decided_by": decision.user.name,
        "decided_at": decided_at(decision).isoformat(),
        "comment": decision.comment or "",
        "rejected": _rejected(findings, text),
        "approval_notes": _approval_notes(document.approvals),
    }


def _with_reason(span: dict[str, Any], decision: Decision) -> dict[str, Any]:
    """A gold span with the reviewer's 删除理由 when the decision removes it: its label
    becomes the reason's (a "name" the reviewer called 其他个人信息（准考证号） is exported as
    OTHER_PERSONAL, so the judge learns to drop such proposals, not to keep them), with
    the category, article and the reviewer's label; ``proposed_label`` keeps the
    detector's when they differ. Spans the decision keeps published have none."""
    value = span["text"]
    rows = {str(r.get("value")): r for r in decision.reasons or []}
    row = rows.get(value)
    if row is None:  # a merged span, or a decision made before reasons: its span's own
        row = next(
            (
                r
                for r in decision.redactions or []
                if r.get("reason") and r["start"] <= span["start"] and span["end"] <= r["end"]
            ),
            None,
        )
    if row is None or not row.get("reason"):
        return span
    out = dict(span)
    if row.get("label") and row["label"] != span["label"]:
        out["label"], out["proposed_label"] = row["label"], span["label"]
    out["category"] = row.get("category", "")
    out["legal_basis"] = f"{row.get('legal_basis', '')}{row.get('paragraph', '')}"
    out["detail"] = row.get("detail", "")
    return out


def _decided(session: Session, states: Sequence[str]) -> Iterator[tuple[DocumentRow, Decision]]:
    query = (
        select(DocumentRow)
        .where(DocumentRow.state.in_(list(states)))
        .order_by(DocumentRow.id)
        .options(
            selectinload(DocumentRow.decisions).selectinload(Decision.user),
            selectinload(DocumentRow.approvals).selectinload(Approval.user),
        )
    )
    for document in session.scalars(query):
        if document.decision is not None:
            yield document, document.decision


def collect(session: Session, states: Sequence[str] = SETTLED, since: date | None = None) -> Export:
    """The records of documents in ``states`` whose latest decision was made on or after
    ``since`` (Beijing date), in document order."""
    export = Export()
    for document, decision in _decided(session, states):
        if since is not None and decided_at(decision).date() < since:
            continue
        suggestion = (
            session.get(
                SuggestionRow,
                decision.suggestion_id,
                options=[selectinload(SuggestionRow.findings)],
            )
            if decision.suggestion_id is not None
            else None
        )
        try:
            export.records.append(record(document, decision, suggestion))
        except ValueError as exc:
            export.skipped.append(f"document {document.id} ({document.source}): {exc}")
    return export


class NotEmpty(FileExistsError):
    """The output folder already holds files and overwriting was not asked for."""


def check_out(out: Path, force: bool) -> None:
    """Refuse a non-empty ``out`` unless ``force`` (before the database is read)."""
    if out.exists() and not out.is_dir():
        raise NotEmpty(f"{out} is a file, not a folder")
    if out.exists() and any(out.iterdir()) and not force:
        raise NotEmpty(f"{out} is not empty (pass --force to replace its corpus)")


def write_corpus(out: Path, records: Sequence[dict[str, Any]], *, force: bool = False) -> None:
    """``out/corpus.jsonl`` and ``out/texts/<id>.txt`` (the text alone, UTF-8, nothing
    added), as the devset is laid out. A non-empty ``out`` is refused unless ``force``;
    then the previous corpus and texts go (a stale text would be scanned with the new
    ones), other files stay."""
    check_out(out, force)
    if out.exists():
        (out / "corpus.jsonl").unlink(missing_ok=True)
        for old in (out / "texts").glob("*.txt"):
            old.unlink()
    texts = out / "texts"
    texts.mkdir(parents=True, exist_ok=True)
    lines = []
    for row in records:
        (texts / f"{row['id']}.txt").write_bytes(row["text"].encode("utf-8"))
        lines.append(json.dumps(row, ensure_ascii=False) + "\n")
    (out / "corpus.jsonl").write_text("".join(lines), encoding="utf-8")


def export_labels(
    out: Path,
    url: str | None = None,
    *,
    states: Sequence[str] = SETTLED,
    since: date | None = None,
    force: bool = False,
) -> Export:
    """Read the decisions from the database at ``url`` (default: TRIAGE_DB or the data
    dir's SQLite) and write them to ``out``; returns what was exported."""
    from pipeline.store.db import default_url, opened, readers

    check_out(out, force)
    url = url or default_url()
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:" and not Path(path).is_file():
            # Opening would create an empty database and export nothing, silently.
            raise FileNotFoundError(f"no database at {path}")
    with opened(url) as factory, readers(factory)() as session:
        export = collect(session, states, since)
    write_corpus(out, export.records, force=force)
    return export
