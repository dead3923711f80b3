"""The files reviewers download: the review copy and the redacted (release) copy of a
queued document, made from the bytes stored at intake and what the database holds.

The stored file is read again with the same ingest code and must give back the text the
reviewer saw, or the offsets of the decided spans would land elsewhere: a mismatch
(the reader changed since intake) refuses the copy rather than guess. The review copy
shows the findings and suggestion as stored, not a fresh analysis.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Literal

from sqlalchemy.orm import Session

from pipeline.config import Settings
from pipeline.decide import WITHHELD
from pipeline.decide import Suggestion as Suggested
from pipeline.finding import Finding as Found
from pipeline.ingest import ingest_file
from pipeline.redact.copies import redacted_copy, review_copy
from pipeline.redact.docx import RedactionLeak
from pipeline.redact.spans import Redaction
from pipeline.store.models import Document, StoredFile

Kind = Literal["review", "redacted"]
MEDIA_TYPES = {
    "txt": "text/plain",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
SUFFIX_WORDS = {"review": "审核稿", "redacted": "公开稿"}


class CopyRefused(ValueError):
    """No copy can be made: nothing stored, withheld as a whole, or a value would leak."""


@dataclass(frozen=True)
class Copy:
    filename: str
    media_type: str
    data: bytes


def current_spans(document: Document) -> list[Redaction]:
    """The decided redactions if a reviewer decided, else the machine's proposals."""
    rows = (
        document.decision.redactions
        if document.decision is not None
        else (document.suggestion.redactions if document.suggestion is not None else [])
    )
    return [
        Redaction(
            int(r["start"]), int(r["end"]), str(r["label"]), str(r.get("legal_basis", "第十五条"))
        )
        for r in rows
    ]


def make_copy(session: Session, document: Document, kind: Kind, settings: Settings) -> Copy:
    if document.status != "ok" or document.suggestion is None:
        raise CopyRefused(f"文档 {document.id} 未能读取（{document.error_code}），没有可下载的副本")
    attribute = document.decision.attribute if document.decision else document.suggestion.attribute
    if kind == "redacted" and attribute == WITHHELD:
        raise CopyRefused(f"文档 {document.id} 决定（或建议）不予公开，整件不公开，没有公开稿")
    stored = session.get(StoredFile, document.sha256)
    if stored is None:
        raise CopyRefused(f"文档 {document.id} 的原文件未入库，无法生成副本")
    name = PurePath(document.source.replace("\\", "/")).name or f"document.{document.format}"
    with tempfile.TemporaryDirectory(prefix="triage-copy-") as folder:
        path = Path(folder) / name
        path.write_bytes(stored.data)
        parsed, data, error = ingest_file(path, settings, source=document.source)
    if parsed is None or data is None:
        raise CopyRefused(f"{document.source}: 原文件无法再次读取（{error}）")
    if parsed.text != document.text:
        raise CopyRefused(
            f"{document.source}: 重新读取的文本与入库时不同（读取程序已更新），"
            "删除位置可能错位；请重新入库后再审核"
        )
    spans = current_spans(document)
    try:
        if kind == "redacted":
            out = redacted_copy(parsed, data, spans)
        else:
            suggestion = document.suggestion
            findings = [
                Found(f.label, f.start, f.end, f.text, f.score, f.recognizer, f.explanation, f.role)  # type: ignore[arg-type]
                for f in suggestion.findings
            ]
            suggested = Suggested(
                suggestion.attribute,
                list(suggestion.legal_basis),
                suggestion.confidence,
                suggestion.needs_escalation,
                list(suggestion.reasons),
            )
            out = review_copy(parsed, data, findings, suggested, spans)
    except (ValueError, RedactionLeak) as exc:
        raise CopyRefused(f"{document.source}: {exc}") from exc
    stem, suffix = PurePath(name).stem, PurePath(name).suffix
    return Copy(
        f"{stem}.{SUFFIX_WORDS[kind]}{suffix}",
        MEDIA_TYPES.get(document.format or "", "application/octet-stream"),
        out,
    )
