"""Ingestion: one file in, one :class:`~pipeline.document.Document` out, or an IngestError.

``ingest_file`` checks what can go wrong before any parser sees the bytes (unreadable
path, size limit, empty file, a format the name does not admit) and then hands the bytes
to the reader for their real format: ``text.py``, ``docx.py``, ``pdf.py`` (scanned pages
by OCR), ``image.py`` (scans saved as images, by OCR), ``ofd.py``, or ``old_word.py`` for
.doc and .wps (converted to .docx by LibreOffice).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from lxml import etree

from pipeline.config import Settings
from pipeline.discover import inside
from pipeline.document import Document
from pipeline.ingest.docx import read_docx
from pipeline.ingest.errors import ErrorCode, IngestError
from pipeline.ingest.image import IMAGE_SUFFIXES, read_image
from pipeline.ingest.ofd import read_ofd
from pipeline.ingest.old_word import read_old_word
from pipeline.ingest.package import checked_package
from pipeline.ingest.pdf import read_pdf
from pipeline.ingest.pdf_streams import bounded
from pipeline.ingest.scanned import OcrOptions
from pipeline.ingest.sniff import KIND_NAMES, sniff
from pipeline.ingest.text import read_text

__all__ = ["SUPPORTED_SUFFIXES", "ErrorCode", "IngestError", "ingest_file", "read_bytes"]

SUPPORTED_SUFFIXES = {
    ".txt": "txt",
    ".text": "txt",
    ".docx": "docx",
    ".pdf": "pdf",
    ".ofd": "ofd",
    ".doc": "doc",
    ".wps": "wps",
}
SUPPORTED_SUFFIXES.update(dict.fromkeys(IMAGE_SUFFIXES, "image"))

# What to tell the clerk for formats we do not read.
_UNSUPPORTED_ADVICE = {
    ".wpt": "a WPS template: save the document as .docx",
    ".dot": "a Word template: save the document as .docx",
    ".rtf": "an RTF file: open it in Word/WPS and save it as .docx",
    ".odt": "an OpenDocument text: save it as .docx",
    ".xls": "a spreadsheet: export the sheet to PDF or paste it into a .docx",
    ".xlsx": "a spreadsheet: export the sheet to PDF or paste it into a .docx",
    ".et": "a WPS spreadsheet: export it to PDF",
    ".ppt": "a presentation: export it to PDF",
    ".pptx": "a presentation: export it to PDF",
    ".zip": "an archive: unpack it and submit the documents inside",
    ".rar": "an archive: unpack it and submit the documents inside",
    ".7z": "an archive: unpack it and submit the documents inside",
}
_IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".gif", ".webp"}


def read_bytes(path: Path, source: str, settings: Settings, root: Path | None = None) -> bytes:
    """Read a file's bytes, turning every OS-level problem into an IngestError; with
    ``root`` (its inbox folder, resolved), a file that resolves outside it is refused
    before it is opened and again on the file opened (a link swapped in between)."""
    if root is not None and not inside(os.path.realpath(path), root):
        raise _outside(source, root)
    try:
        st = path.stat()  # follows symlinks: loops and dangling links fail here
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            reason = "it is a symbolic link that loops back on itself"
        elif exc.errno == errno.ENOENT:
            reason = "the file does not exist (or is a dangling symbolic link)"
        elif exc.errno == errno.EACCES:
            reason = "permission denied"
        else:
            reason = exc.strerror or str(exc)
        raise IngestError(ErrorCode.UNREADABLE, f"{source}: cannot be read: {reason}") from exc
    if not path.is_file():
        raise IngestError(ErrorCode.UNREADABLE, f"{source}: is not a regular file")
    if st.st_size > settings.max_bytes:
        raise IngestError(
            ErrorCode.TOO_LARGE,
            f"{source}: {st.st_size / 1048576:.1f} MB is over the limit of "
            f"{settings.max_bytes / 1048576:.1f} MB (TRIAGE_MAX_BYTES); split the file or raise the limit",
        )
    try:
        with path.open("rb") as fh:
            if root is not None and not inside(_opened(fh.fileno(), path), root):
                raise _outside(source, root)
            data = fh.read(settings.max_bytes + 1)
    except OSError as exc:
        reason = "permission denied" if exc.errno == errno.EACCES else (exc.strerror or str(exc))
        raise IngestError(ErrorCode.UNREADABLE, f"{source}: cannot be read: {reason}") from exc
    if len(data) > settings.max_bytes:  # grew while we looked
        raise IngestError(ErrorCode.TOO_LARGE, f"{source}: over the size limit while being read")
    return data


def _opened(fd: int, path: Path) -> str:
    """Where the open file really is (Linux names it in /proc; elsewhere, the path's)."""
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return os.path.realpath(path)


def _outside(source: str, root: Path) -> IngestError:
    return IngestError(
        ErrorCode.OUTSIDE_INBOX,
        f"{source}: is a symbolic link (or inside a linked folder) that leads out of the "
        f"inbox {root}; it was not read. Put the file itself into the inbox",
    )


def ingest_file(
    path: Path, settings: Settings, source: str | None = None, root: Path | None = None
) -> tuple[Document | None, bytes | None, IngestError | None]:
    """Read one file. Returns ``(document, bytes, None)`` or ``(None, bytes|None, error)``.

    The bytes are returned even on error so the caller can still record the file's hash.
    ``root``: the inbox folder the file must resolve inside (see ``read_bytes``).
    """
    source = source if source is not None else os.fspath(path)
    data: bytes | None = None
    try:
        data = read_bytes(path, source, settings, root)
        document = _parse(path, data, source, settings)
        if len(document.text) > settings.max_text_chars:
            raise IngestError(
                ErrorCode.TOO_LARGE,
                f"{source}: {len(document.text):,} characters of text, over the limit of "
                f"{settings.max_text_chars:,} (TRIAGE_MAX_TEXT_CHARS); split the document",
            )
        return document, data, None
    except IngestError as err:
        return None, data, err


def _parse(path: Path, data: bytes, source: str, settings: Settings) -> Document:
    suffix = path.suffix.lower()
    if not data:
        raise IngestError(ErrorCode.EMPTY, f"{source}: the file is empty (0 bytes)")
    kind = sniff(path, data[:4096])
    fmt = SUPPORTED_SUFFIXES.get(suffix)
    if fmt is None:
        raise IngestError(ErrorCode.UNSUPPORTED_FORMAT, _unsupported_message(source, suffix, kind))
    if kind == "ole_encrypted":
        raise IngestError(
            ErrorCode.ENCRYPTED,
            f"{source}: the document is password-protected; ask the drafter for an unprotected copy",
        )
    settings = settings or Settings()
    if fmt in ("doc", "wps"):
        return read_old_word(path, data, source, fmt, kind, settings.convert_timeout)  # type: ignore[arg-type]
    expected = {"txt": "text", "docx": "docx", "pdf": "pdf", "ofd": "ofd", "image": "image"}[fmt]
    if kind != expected:
        raise IngestError(
            ErrorCode.FORMAT_MISMATCH,
            f"{source}: the name says {suffix} but the content is {KIND_NAMES[kind]}; "
            + _mismatch_advice(kind),
        )
    if fmt == "txt":
        return read_text(path, data, source)
    if fmt == "docx":
        try:  # the checked bytes, not the path: the file may change after the check
            return read_docx(path, data, source, checked_package(data, source, settings))
        except etree.XMLSyntaxError as exc:  # e.g. an entity no DTD defines
            raise IngestError(
                ErrorCode.CORRUPT,
                f"{source}: an XML part of the .docx is not well-formed ({exc}); "
                "ask the drafter for the original file",
            ) from exc
    if fmt == "ofd":
        return read_ofd(path, data, source, settings.max_pages)
    ocr = OcrOptions(settings.ocr, settings.max_ocr_pages, settings.ocr_progress)
    if fmt == "image":
        return read_image(path, data, source, ocr, settings.max_image_pixels)
    if b"%%EOF" not in data[-4096:]:
        raise IngestError(
            ErrorCode.CORRUPT,
            f"{source}: the PDF is truncated (no end-of-file marker); copy or export it again",
        )
    with bounded(settings):
        return read_pdf(path, data, source, ocr)


def _unsupported_message(source: str, suffix: str, kind: str) -> str:
    if suffix in _UNSUPPORTED_ADVICE:
        advice = _UNSUPPORTED_ADVICE[suffix]
    elif suffix in _IMAGE_SUFFIXES or kind == "image":
        advice = "an image in a format we do not read: save it as .png, .jpg or .tif"
    elif kind in ("pdf", "docx"):
        advice = f"{KIND_NAMES[kind]} without the right extension: rename it to .{kind}"
    else:
        advice = "not a format we read"
    name = suffix or "(no extension)"
    return f"{source}: {name} is not supported ({advice}); supported are .docx, .pdf, .ofd, .doc, .wps, .txt and scans as .png, .jpg or .tif"


def _mismatch_advice(kind: str) -> str:
    if kind in ("pdf", "docx"):
        return f"rename it to .{kind} if that is what it is"
    if kind == "ole":
        return "an old Word/WPS file: rename it to .doc, or save it as .docx"
    if kind == "ofd":
        return "rename it to .ofd if that is what it is"
    if kind == "zip":
        return "a ZIP archive is no Word or OFD document; unpack it or submit the real file"
    return "check that the right file was submitted"
