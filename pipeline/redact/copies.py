"""The two copies a document gets, in its own format: the redacted copy for release and
the marked-up review copy. The CLI and the reviewers' app both come through here."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.decide import Suggestion
from pipeline.document import Document
from pipeline.finding import Finding
from pipeline.redact.docx import redact_docx, values_of
from pipeline.redact.image_pages import check_ocr_pages, redact_image
from pipeline.redact.pdf import redact_pdf
from pipeline.redact.review_copy import banner, review_docx, review_marks, review_pdf, review_txt
from pipeline.redact.spans import Redaction
from pipeline.redact.txt import Style, redact_txt


def redacted_copy(
    document: Document, data: bytes, spans: Sequence[Redaction], style: Style = "block"
) -> bytes:
    """The release copy: every span's value removed from the file. Raises RedactionLeak
    (nothing to write) when a value would survive, ValueError on spans outside the text."""
    if document.format == "docx":
        return redact_docx(data, values_of(document.text, spans), style)
    if document.format == "image":
        return redact_image(document, data, spans, style)
    if document.format == "pdf":
        copy = redact_pdf(document, data, spans, style)
        if document.ocr_pages:
            check_ocr_pages(copy, document, spans)
        return copy
    return redact_txt(document, data, spans, style)


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
    if document.format == "docx":
        return review_docx(data, document.text, marks, stamp)
    if document.format == "pdf":
        return review_pdf(document, data, marks, stamp)
    if document.format == "image":
        raise ValueError(
            "an image file gets no marked-up review copy (its text, read by OCR, is reviewed "
            "in the scan record or the review app); save the scan as PDF for one"
        )
    return review_txt(document, data, marks, stamp)
