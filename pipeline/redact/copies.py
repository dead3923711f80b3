"""The two copies a document gets, in its own format: the redacted copy for release and
the marked-up review copy. The CLI and the reviewers' app both come through here."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.decide import Suggestion
from pipeline.detect.base import Finding
from pipeline.document import Document
from pipeline.fold import folded_hits
from pipeline.redact.docx import RedactionLeak, redact_docx, values_of
from pipeline.redact.pdf import all_occurrences, redact_pdf
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
    if document.format == "pdf":
        return redact_pdf(document, data, spans, style)
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
    if document.format == "docx":
        return review_docx(data, document.text, marks, stamp)
    if document.format == "pdf":
        return review_pdf(document, data, marks, stamp)
    return review_txt(document, data, marks, stamp)
