"""What went wrong opening a PDF: password protection or damage, told apart.

pdfplumber wraps pdfminer's exceptions in its own, so the cause may be one level down.
"""

from __future__ import annotations

from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

from pipeline.ingest.errors import ErrorCode, IngestError
from pipeline.ingest.pdf_streams import StreamTooLarge


def classify(source: str, exc: BaseException) -> IngestError:
    """Encrypted or damaged: pdfminer's exception may be wrapped in pdfplumber's."""
    inner: BaseException = exc
    if exc.args and isinstance(exc.args[0], BaseException):
        inner = exc.args[0]
    if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)):
        return _encrypted(source)
    if isinstance(inner, StreamTooLarge):
        return IngestError(ErrorCode.TOO_LARGE, f"{source}: the PDF is too large to read: {inner}")
    text = f"{type(inner).__name__} {inner}".lower()
    if "password" in text or "encrypt" in text:
        return _encrypted(source)
    return _corrupt(source, inner)


def _encrypted(source: str) -> IngestError:
    return IngestError(
        ErrorCode.ENCRYPTED,
        f"{source}: the PDF is password-protected; ask the drafter for an unprotected copy",
    )


def _corrupt(source: str, exc: BaseException) -> IngestError:
    return IngestError(
        ErrorCode.CORRUPT,
        f"{source}: the PDF is damaged or truncated ({type(exc).__name__}: {exc}); "
        "export it again from the original document",
    )
