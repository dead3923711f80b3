"""The two copies a document gets, in its own format: the redacted copy for release and
the marked-up review copy. The CLI and the reviewers' app both come through here."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.decide import Suggestion
from pipeline.document import Document
from pipeline.finding import Finding
from pipeline.fold import folded_hits
from pipeline.redact.docx import RedactionLeak, redact_docx, values_of
from pipeline.redact.image_pages import check_ocr_pages, redact_image
from pipeline.redact.ofd import redact_ofd
from pipeline.redact.ofd_review import review_ofd
from pipeline.redact.pdf import all_occurrences, redact_pdf
from pipeline.redact.review_copy import banner, review_docx, review_marks, review_pdf, review_txt
from pipeline.redact.spans import Area, Redaction
from pipeline.redact.txt import Style, redact_txt


def redacted_copy(
    document: Document,
    data: bytes,
    spans: Sequence[Redaction],
    style: Style = "block",
    areas: Sequence[Area] = (),
) -> bytes:
    """The release copy: every span's value removed from the file, and every area (a box
    a reviewer drew on a page image) blacked out. Raises RedactionLeak (nothing to write)
    when a value would survive, ValueError on spans outside the text or areas on a
    format without pages."""
    if areas and document.format not in ("pdf", "image"):
        raise ValueError(f"框选区域只能用于 PDF 和图像文件，本件为 .{document.format}")
    if document.converted is not None:  # a .doc/.wps: its copies are .docx files
        data = document.converted.data
    if document.format in ("docx", "doc", "wps"):
        return redact_docx(data, values_of(document.text, spans), style)
    if document.format == "image":
        return redact_image(document, data, spans, style, areas)
    if document.format == "pdf":
        copy = redact_pdf(document, data, spans, style, areas)
        if document.ocr_pages:
            check_ocr_pages(copy, document, spans)
        return copy
    if document.format == "ofd":
        return redact_ofd(document, data, spans, style)
    # Values, not offsets, here too: every written form of a value goes, then the copy's
    # text is searched for them once more.
    copy = redact_txt(document, data, all_occurrences(document.text, spans), style)
    left = folded_hits(copy.decode(document.encoding or "utf-8", errors="replace"),
                       [v.text for v in values_of(document.text, spans)])  # fmt: skip
    if left:
        raise RedactionLeak(f"redacted values still in the copy: {left}")
    return copy


def review_copy(
    document: Document,
    data: bytes,
    findings: Sequence[Finding],
    suggestion: Suggestion,
    spans: Sequence[Redaction],
) -> bytes:
    """The reviewers' copy: ``spans`` (proposed or decided) and the other findings
    highlighted with notes, nothing removed, stamped 审核稿 不得公开 with the suggestion.
    Findings and suggestion come from a fresh analysis (CLI) or from the review database
    (the app: what the reviewer saw, even if the models changed since)."""
    marks = review_marks(document.text, findings, spans)
    stamp = banner(suggestion, marks)
    if document.converted is not None:
        data = document.converted.data
    if document.format in ("docx", "doc", "wps"):
        return review_docx(data, document.text, marks, stamp)
    if document.format == "pdf":
        return review_pdf(document, data, marks, stamp)
    if document.format == "ofd":
        return review_ofd(document, data, marks, stamp)
    if document.format == "image":
        raise ValueError(
            "an image file gets no marked-up review copy (its text, read by OCR, is reviewed "
            "in the scan record or the review app); save the scan as PDF for one"
        )
    return review_txt(document, data, marks, stamp)


def copy_suffix(document: Document) -> str:
    """The file name ending of the document's copies: its own, but .docx for a .doc or
    .wps (they are made from the .docx LibreOffice converted it to)."""
    if document.converted is not None:
        return f".{document.converted.to}"
    return f".{document.format}"


def copy_notes(document: Document, review: bool = False) -> list[str]:
    """What the clerk must know about a copy beyond the redactions: its format changed;
    the redacted copy of an OFD does not carry the original's signatures, attachments or
    custom tags."""
    notes = []
    if document.converted is not None:
        notes.append(
            f"原件为 .{document.format}，副本是 .docx 文件（由 {document.converted.by} 转换）"
        )
    removed = {
        "ofd_signatures": "电子签章/签名",
        "ofd_attachments": "附件",
        "ofd_custom_tags": "自定义标引数据",
    }
    for warning in [] if review else document.warnings:
        what = removed.get(str(warning.get("code")))
        if what:
            notes.append(f"原件的{what}（{warning.get('count', '')} 个）未保留在公开稿中")
    return notes
