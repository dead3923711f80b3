"""Ingestion failures as data: a stable code and a message a clerk can act on.

A bad file never stops a batch. Readers raise :class:`IngestError`; the caller turns it
into an error record (``status: "error"``) and goes on with the next file.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """Stable error codes of the scan contract (../shared/spec/scan-output.md)."""

    UNREADABLE = "unreadable"  # permissions, broken or looping symlinks, I/O errors
    EMPTY = "empty"  # zero bytes, or a valid file without any text
    TOO_LARGE = "too_large"  # over the configured size limit
    UNSUPPORTED_FORMAT = "unsupported_format"  # images, spreadsheets, archives …
    FORMAT_MISMATCH = "format_mismatch"  # the bytes are another format than the name says
    CORRUPT = "corrupt"  # truncated or damaged docx/pdf/ofd/doc
    ENCRYPTED = "encrypted"  # password-protected pdf/docx
    NO_TEXT_LAYER = "no_text_layer"  # scanned pdf: pages are images only
    BINARY_CONTENT = "binary_content"  # a .txt holding binary data
    UNKNOWN_ENCODING = "unknown_encoding"  # text in no encoding we can decode faithfully
    CONVERSION_FAILED = "conversion_failed"  # LibreOffice missing or hung on a .doc/.wps
    TIMEOUT = "timeout"  # reading and analysing took longer than the per-file budget
    OUTSIDE_INBOX = "outside_inbox"  # a symbolic link (or linked folder) leading out of the inbox
    CHANGED = "changed_during_scan"  # the bytes changed between planning and reading; next run
    INTERNAL = "internal_error"  # a bug of ours; the batch goes on and the file is recorded


class IngestError(Exception):
    """Raised by readers for a file that cannot be ingested."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message

    def to_dict(self) -> dict[str, str]:
        return {"code": str(self.code), "message": self.message}
