"""Copies of a document made from its stored bytes: the reviewers' copy and the redacted
(release) copy, as the review app and the catalog hand them out.

The stored file is read again with the same ingest code and must give back the text the
reviewer saw, or the offsets of the decided spans would land elsewhere: a mismatch
(the reader changed since intake) refuses the copy rather than guess. The review copy
shows the findings and suggestion it is given (the stored ones, not a fresh analysis).
Reading the rows that hold these is the store's job (:mod:`pipeline.store.copies`).
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Literal

from pipeline.config import Settings
from pipeline.decide import Suggestion
from pipeline.document import Document
from pipeline.finding import Finding
from pipeline.ingest import ingest_file
from pipeline.redact.copies import copy_suffix, redacted_copy, review_copy
from pipeline.redact.docx import RedactionLeak
from pipeline.redact.spans import Area, Redaction

Kind = Literal["review", "redacted"]
MEDIA_TYPES = {
    "txt": "text/plain",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "ofd": "application/ofd",
}
SUFFIX_WORDS = {"review": "审核稿", "redacted": "公开稿"}


class CopyRefused(ValueError):
    """No copy can be made: nothing stored, withheld as a whole, or a value would leak."""


@dataclass(frozen=True)
class Copy:
    filename: str
    media_type: str
    data: bytes


@dataclass(frozen=True)
class StoredDocument:
    """What a copy is made from: the bytes kept at intake and what the reviewer saw."""

    source: str
    format: str | None
    data: bytes
    text: str
    findings: Sequence[Finding]
    suggestion: Suggestion
    spans: Sequence[Redaction]
    areas: Sequence[Area] = ()  # boxes drawn on page images (redacted copy only)


def file_name(stored: StoredDocument) -> str:
    return PurePath(stored.source.replace("\\", "/")).name or f"document.{stored.format}"


def reread(stored: StoredDocument, settings: Settings) -> tuple[Document, bytes]:
    """The stored bytes read again, checked to give the text the reviewer saw (else the
    offsets of decided spans would land elsewhere). Raises CopyRefused."""
    with tempfile.TemporaryDirectory(prefix="triage-copy-") as folder:
        path = Path(folder) / file_name(stored)
        path.write_bytes(stored.data)
        parsed, data, error = ingest_file(path, settings, source=stored.source)
    if parsed is None or data is None:
        raise CopyRefused(f"{stored.source}: 原文件无法再次读取（{error}）")
    if parsed.text != stored.text:
        raise CopyRefused(
            f"{stored.source}: 重新读取的文本与入库时不同（读取程序已更新），"
            "删除位置可能错位；请重新入库后再审核"
        )
    return parsed, data


def make_copy(stored: StoredDocument, kind: Kind, settings: Settings) -> Copy:
    """The review or redacted copy, in the document's own format. Raises CopyRefused."""
    name = file_name(stored)
    parsed, data = reread(stored, settings)
    try:
        if kind == "redacted":
            out = redacted_copy(parsed, data, stored.spans, areas=stored.areas)
        else:
            out = review_copy(parsed, data, stored.findings, stored.suggestion, stored.spans)
    except (ValueError, RedactionLeak) as exc:
        raise CopyRefused(f"{stored.source}: {exc}") from exc
    # A .doc/.wps copy is a .docx (made from LibreOffice's conversion): named and typed so.
    suffix = copy_suffix(parsed)
    return Copy(
        f"{PurePath(name).stem}.{SUFFIX_WORDS[kind]}{suffix}",
        MEDIA_TYPES.get(suffix.lstrip("."), "application/octet-stream"),
        out,
    )
