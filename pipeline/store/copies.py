"""The copies of a queued document, from what the database holds: the decided (or
proposed) spans, the stored findings and suggestion, and the bytes kept at intake.

The review app's downloads and the catalog's published files both come through here, so
what a reviewer downloads and what the catalog publishes are made the same way.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from pipeline.config import Settings
from pipeline.decide import WITHHELD, Suggestion
from pipeline.finding import Finding
from pipeline.redact.occurrences import every_occurrence
from pipeline.redact.spans import Area, Redaction, area_of
from pipeline.redact.stored import Copy, CopyRefused, Kind, StoredDocument, make_copy
from pipeline.store.models import DocumentRow, StoredFile

__all__ = [
    "Copy",
    "CopyRefused",
    "Kind",
    "current_areas",
    "current_spans",
    "proposed_spans",
    "stored_copy",
    "stored_document",
]


def current_spans(document: DocumentRow) -> list[Redaction]:
    """The decided redactions if a reviewer decided, else the machine's proposals, at
    every occurrence of their values: what the copies remove, so what the page shows."""
    rows = (
        document.decision.redactions
        if document.decision is not None
        else (document.suggestion.redactions if document.suggestion is not None else [])
    )
    return [
        Redaction(
            int(r["start"]), int(r["end"]), str(r["label"]), str(r.get("legal_basis", "第十五条"))
        )
        for r in every_occurrence(document.text or "", rows)
    ]


def current_areas(document: DocumentRow) -> list[Area]:
    """The boxes the decision's reviewer drew on page images (none before a decision)."""
    decision = document.decision
    return [area_of(row) for row in (decision.areas or [])] if decision is not None else []


def proposed_spans(document: DocumentRow) -> list[Redaction]:
    """The machine's proposals at every occurrence of their values (what a fresh
    decision starts from)."""
    rows = document.suggestion.redactions if document.suggestion is not None else []
    return [
        Redaction(
            int(r["start"]), int(r["end"]), str(r["label"]), str(r.get("legal_basis", "第十五条"))
        )
        for r in every_occurrence(document.text or "", rows)
    ]


def stored_copy(session: Session, document: DocumentRow, kind: Kind, settings: Settings) -> Copy:
    """The review or redacted copy of a stored document. Raises CopyRefused."""
    attribute = (
        document.decision.attribute
        if document.decision
        else (document.suggestion.attribute if document.suggestion else None)
    )
    if kind == "redacted" and attribute == WITHHELD:
        raise CopyRefused(f"文档 {document.id} 决定（或建议）不予公开，整件不公开，没有公开稿")
    return make_copy(stored_document(session, document), kind, settings)


def stored_document(session: Session, document: DocumentRow) -> StoredDocument:
    """What the copies (and the review app's page images) are made from. Raises
    CopyRefused when the file was not read or its bytes were not kept."""
    if document.status != "ok" or document.suggestion is None:
        raise CopyRefused(f"文档 {document.id} 未能读取（{document.error_code}），没有可下载的副本")
    stored = session.get(StoredFile, document.sha256)
    if stored is None:
        raise CopyRefused(f"文档 {document.id} 的原文件未入库，无法生成副本")
    row = document.suggestion
    findings = [
        Finding(f.label, f.start, f.end, f.text, f.score, f.recognizer, f.explanation, f.role)  # type: ignore[arg-type]
        for f in row.findings
    ]
    suggestion = Suggestion(
        row.attribute,
        list(row.legal_basis),
        row.confidence,
        row.needs_escalation,
        list(row.reasons),
    )
    return StoredDocument(
        document.source,
        document.format,
        stored.data,
        document.text or "",
        findings,
        suggestion,
        current_spans(document),
        current_areas(document),
    )
