"""Tell a file's real format from its first bytes, independent of its name.

Agencies rename files, mail gateways mangle extensions and a ``.docx`` may really be an
old binary ``.doc``: readers must not be fed bytes of another format, and the clerk must
be told what the file really is.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

# What a real format is called in messages, by sniffed kind.
KIND_NAMES = {
    "pdf": "a PDF document",
    "docx": "a Word .docx document",
    "zip": "a ZIP archive (not a Word or OFD document)",
    "ofd": "an OFD document (GB/T 33190)",
    "ole": "an old binary Office/WPS document (.doc/.wps/.xls)",
    "ole_encrypted": "a password-protected Office document",
    "rtf": "an RTF document",
    "image": "an image",
    "text": "plain text",
    "binary": "binary data",
}

_IMAGE_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"II*\x00",
    b"MM\x00*",
    b"BM",
)


def sniff(path: Path, head: bytes) -> str:
    """Return the kind of content (a key of ``KIND_NAMES``) from the file's first bytes."""
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(path)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        # An encrypted OOXML file is an OLE container holding an "EncryptedPackage" stream,
        # whose name is stored in UTF-16LE in the directory.
        return (
            "ole_encrypted" if "EncryptedPackage".encode("utf-16-le") in _read_all(path) else "ole"
        )
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(_IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return "image"
    return "text"  # decided further by the text reader (binary vs. text)


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        # A truncated docx (or OFD) still starts with PK: let the reader report it as corrupt.
        return "ofd" if path.suffix.lower() == ".ofd" else "docx"
    if "word/document.xml" in names or (
        "[Content_Types].xml" in names and any(n.startswith("word/") for n in names)
    ):
        return "docx"
    if any(n.lower().lstrip("/") == "ofd.xml" for n in names):
        return "ofd"
    return "zip"


def _read_all(path: Path, limit: int = 64 * 1024 * 1024) -> bytes:
    with path.open("rb") as fh:
        return fh.read(limit)
