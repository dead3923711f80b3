"""Copies made from stored bytes (the review app's downloads, the catalog's files)."""

from __future__ import annotations

from pathlib import Path

from pipeline.config import Settings
from pipeline.decide import Suggestion
from pipeline.ingest import ingest_file
from pipeline.redact.stored import StoredDocument, make_copy
from tests.conftest import SAMPLES

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_a_doc_copy_is_named_and_typed_docx() -> None:
    """A .doc is read through LibreOffice's .docx: its copies are .docx files, and the
    name the clerk downloads says so rather than pretending to be a .doc."""
    path = SAMPLES / "旧版Word文档.doc"
    document, data, error = ingest_file(path, Settings())
    assert document is not None and data is not None, error
    stored = StoredDocument(
        source=str(path),
        format=document.format,
        data=data,
        text=document.text,
        findings=[],
        suggestion=Suggestion("主动公开", ["第十九条"], 0.9, False, ["测试"]),
        spans=[],
    )
    for kind, word in (("redacted", "公开稿"), ("review", "审核稿")):
        copy = make_copy(stored, kind, Settings())  # type: ignore[arg-type]
        assert copy.filename == f"{Path(path).stem}.{word}.docx"
        assert copy.media_type == DOCX
        assert copy.data[:2] == b"PK"
