"""The stateless scan of one file: ingest → metadata → (detect → decide), as a record.

``scan_file`` never raises for a file's sake: every input ends as exactly one record,
``status: "ok"`` or ``status: "error"`` with a stable code, so a batch always goes on.
A run that is misconfigured (TRIAGE_ATTRIBUTE_MODEL names no file) stops instead: each
file recorded as failed would hide the cause and, in the nightly, fill the queue with
errors. The record is the
contract in ../shared/spec/scan-output.md; ``findings``, ``suggestion`` and
``redactions`` come from ``pipeline.detect`` and ``pipeline.decide`` (rules around the
attribute model).
"""

from __future__ import annotations

import hashlib
import os
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.classify.attribute_model import ModelNotFound
from pipeline.config import Settings
from pipeline.decide import Suggestion, suggest
from pipeline.detect import detect
from pipeline.doc_spacing import unspaced, unspaced_metadata
from pipeline.document import Document
from pipeline.finding import Finding
from pipeline.ingest import ErrorCode, IngestError, ingest_file
from pipeline.ingest.scanned import low_confidence
from pipeline.metadata import Metadata, extract_metadata
from pipeline.redact.proposals import proposed_redactions
from pipeline.redact.spans import Redaction

Record = dict[str, Any]


def display_path(path: Path) -> str:
    """The path as a user would read it, even when the file name is not UTF-8.

    Windows machines in agencies write GBK file names; on Linux they arrive as
    undecodable bytes. Show them decoded as GB18030 rather than as escapes.
    """
    raw = os.fsencode(path)
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", errors="backslashreplace")


def warm_up() -> None:
    """Load what scanning uses (the compiled classifiers, both NER models, the judge, jieba's tagger)
    now rather than at the first document: batch workers call this as they start, while
    the main process is busy with its own start. Failures are left for the documents to
    meet and report, as they would without this."""
    from pipeline.classify import attribute_model
    from pipeline.detect import clause_model
    from pipeline.detect.judge import load_judge
    from pipeline.detect.lac import load_lac
    from pipeline.nlp import jieba_posseg, load_ner

    try:
        for module in (attribute_model, clause_model):
            model = module.load_model()
            if model is not None:
                module.compiled(model)
        load_ner()
        load_lac()
        load_judge()
        jieba_posseg()
    except Exception:
        return


def empty_metadata() -> dict[str, Any]:
    return Metadata().to_dict()


def scan_file(
    path: Path,
    settings: Settings,
    *,
    with_text: bool = False,
    with_blocks: bool = False,
    root: Path | None = None,
) -> Record:
    """Scan one file into a contract record; raises only :class:`ModelNotFound`.
    ``root``: the inbox folder the file must resolve inside (else ``outside_inbox``)."""
    source = display_path(path)
    try:
        document, data, error = ingest_file(path, settings, source, root)
        if error is not None or document is None:
            assert error is not None
            return error_record(source, error, data)
        return document_record(document, with_text=with_text, with_blocks=with_blocks)
    except ModelNotFound:
        raise
    except Exception as exc:  # a bug of ours must not take the batch down
        detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
        return error_record(
            source,
            IngestError(
                ErrorCode.INTERNAL,
                f"{source}: unexpected failure while reading ({detail}); "
                "the file was recorded and the batch went on — please report this",
            ),
            None,
        )


def error_record(source: str, error: IngestError, data: bytes | None) -> Record:
    return {
        "source": source,
        "doc_id": hashlib.sha256(data).hexdigest() if data else None,
        "status": "error",
        "error": error.to_dict(),
        "format": None,
        "text_length": 0,
        "metadata": empty_metadata(),
        "findings": [],
        "suggestion": None,
        "redactions": [],
        "warnings": [],
    }


CRASHED = "worker_crashed"


def crashed_record(source: str) -> Record:
    """The error record of a file whose reading killed the worker process (a segfault in
    a parser, the OOM killer): recorded so the batch goes on without it."""
    record = error_record(
        source,
        IngestError(
            ErrorCode.INTERNAL,
            f"{source}: reading this file crashed the worker process; it was recorded "
            "and the batch went on (please report the file)",
        ),
        None,
    )
    record["error"]["code"] = CRASHED
    return record


def timeout_record(source: str, budget: float) -> Record:
    """The error record of a file whose reading and analysis overran the per-file budget
    (``Settings.file_timeout``): its worker was stopped and the batch went on."""
    return error_record(
        source,
        IngestError(
            ErrorCode.TIMEOUT,
            f"{source}: reading and analysing it took longer than {budget:g} s "
            "(TRIAGE_FILE_TIMEOUT); it was stopped and the batch went on. Split the "
            "document, or raise the limit if it is simply very long",
        ),
        None,
    )


@dataclass(frozen=True)
class Analysis:
    """What the pipeline makes of one document: metadata, findings, the suggestion, and
    the redactions it proposes for release."""

    metadata: Metadata
    findings: list[Finding]
    suggestion: Suggestion
    redactions: list[Redaction]


def analyse(document: Document) -> Analysis:
    """metadata → detect → decide, the path every caller (scan, redact) shares."""
    metadata = extract_metadata(document)
    # The recognizers read letter-spaced lines through their closed-up view and set each
    # finding back on the text as printed (pipeline.detect.letter_spacing), so a redaction
    # covers the spaced ID where it stands; the kind rules read the whole text closed up.
    findings = detect(document)
    closed = unspaced(document.text)
    seen = findings if closed == document.text else detect(closed)
    suggestion = suggest(closed, unspaced_metadata(metadata), seen)
    return Analysis(metadata, findings, suggestion, proposed_redactions(suggestion, findings))


def document_record(
    document: Document, *, with_text: bool = False, with_blocks: bool = False
) -> Record:
    analysis = analyse(document)
    metadata, findings, suggestion = analysis.metadata, analysis.findings, analysis.suggestion
    record: Record = {
        "source": document.source,
        "doc_id": document.sha256,
        "status": "ok",
        "error": None,
        "format": document.format,
        "text_length": len(document.text),
        "body_length": document.body_end,
        "metadata": metadata.to_dict(),
        "findings": [f.to_dict() for f in findings],
        "suggestion": suggestion.to_dict(),
        "redactions": [r.to_dict() for r in analysis.redactions],
        "warnings": list(document.warnings),
    }
    if document.ocr is not None:
        _add_ocr(record, document, findings)
    if document.encoding:
        record["encoding"] = document.encoding
    if document.pages is not None:
        record["pages"] = document.pages
    if document.converted is not None:  # a .doc/.wps read through LibreOffice's .docx
        record["converted"] = document.converted.to_dict()
    tracked = [b for b in document.blocks if b.tracked]
    if tracked:
        record["warnings"].append(
            {
                "code": "tracked_changes",
                "message": f"文件含修订痕迹 {len(tracked)} 处（插入或删除）；已删除的文字仍在文件中，"
                "列在正文之后一并检查",
                "spans": [[b.start, b.end, b.tracked] for b in tracked],
            }
        )
    comments = [b for b in document.blocks if b.kind == "comment"]
    if comments:
        record["warnings"].append(
            {
                "code": "comments",
                "message": f"文件含批注 {len(comments)} 段，已读取并一并检查",
                "spans": [[b.start, b.end, "comment"] for b in comments],
            }
        )
    if with_text:
        record["text"] = document.text
    if with_blocks:
        record["blocks"] = [b.to_dict() for b in document.blocks]
    return record


def _add_ocr(record: Record, document: Document, findings: list[Finding]) -> None:
    """What OCR read (pages, mean confidence, time) and, on each finding, the characters
    it was unsure of; a warning when a finding holds any (a person must look)."""
    record["ocr"] = document.ocr
    unsure = 0
    for entry, finding in zip(record["findings"], findings, strict=True):
        chars = low_confidence(document, finding.start, finding.end)
        if chars:
            entry["ocr_low_confidence"] = chars
            unsure += 1
    pages = "、".join(str(p) for p in document.ocr_pages)
    confidence = document.ocr.get("mean_confidence") if document.ocr else None
    lowest = min(confidence.values()) if isinstance(confidence, dict) and confidence else None
    record["warnings"].append(
        {
            "code": "ocr",
            "pages": document.ocr_pages,
            "seconds": document.ocr.get("seconds", 0) if document.ocr else 0,
            "message": f"第 {pages} 页为扫描图像，文字经识别（OCR）得出"
            + (f"（字符平均置信度最低 {lowest:.2f}）" if lowest is not None else "")
            + "，请对照页面图像核对"
            + (f"；{unsure} 处发现含识别把握不大的字符，须人工确认" if unsure else ""),
        }
    )
