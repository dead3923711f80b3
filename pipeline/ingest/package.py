"""What a .docx may cost before any parser opens it: its parts' inflated sizes, checked.

A Word file is a ZIP: 6 MB of zeros deflated inflate to 6 GB, and python-docx loads every
part, images included. Worse, ``zipfile`` inflates a whole member in one call when asked
for all of it, whatever size the package declares, so a part that declares 1 KB and
inflates to 1 GB costs that gigabyte before its checksum fails. Hence, before python-docx:

1. the central directory: every part deflated or stored (Word writes nothing else), at
   most ``MAX_PARTS`` parts, their declared sizes within ``Settings.max_inflated_bytes``
   (all parts) and ``Settings.max_xml_bytes`` (the XML parts, which are parsed into
   trees of up to 25 times their size), no part over 1 MB declared to inflate more than
   ``Settings.max_ratio`` times its compressed size;
2. every part inflated as a stream, a megabyte at a time, counting what really comes
   out (at most what was declared: ``zipfile`` stops there and checks the CRC, so a
   part that inflates to more than it declares fails as damaged, having cost nothing);
   an XML part may hold no DTD (``<!DOCTYPE``/``<!ENTITY``: entity expansion and
   external entities; Word never writes one);
3. python-docx gets a copy of the package in which media and fonts are empty: their
   bytes are never loaded (an image holds no text we read).

A breach is ``too_large`` and a damaged or hostile structure ``corrupt``, naming the part.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterator

from lxml import etree

from pipeline.config import Settings
from pipeline.ingest.errors import ErrorCode, IngestError

MAX_PARTS = 10_000  # a Word file has tens of parts; hundreds with many images
RATIO_FLOOR = 1 << 20  # parts inflating to less than this may compress as well as they like
CHUNK = 1 << 20
_DTD_MARKS = tuple(
    mark.encode(encoding)
    for mark in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("ascii", "utf-16-le", "utf-16-be")
)
_OVERLAP = max(len(m) for m in _DTD_MARKS) - 1
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
# Content types whose bytes hold no text we read: given to python-docx empty.
_UNREAD_TYPES = ("image/", "audio/", "video/", "font/", "application/x-font")
_UNREAD_EXACT = {
    "application/vnd.openxmlformats-officedocument.obfuscatedfont",
    "application/vnd.ms-fontobject",
}


def _mb(size: int) -> str:
    return f"{size / 1048576:.1f} MB"


def checked_package(data: bytes, source: str, settings: Settings) -> io.BytesIO:
    """The package python-docx may open: checked as the module says, media emptied.

    Raises :class:`IngestError` (``too_large`` or ``corrupt``) naming the part at fault."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError, OSError) as exc:
        raise IngestError(
            ErrorCode.CORRUPT,
            f"{source}: the .docx is damaged or truncated ({type(exc).__name__}: {exc}); "
            "ask the drafter for the original file",
        ) from exc
    with archive:
        parts = archive.infolist()
        _check_directory(parts, source, settings)
        types = _content_types(archive, source)
        xml = sum(info.file_size for info in parts if _is_xml(info, types))
        if xml > settings.max_xml_bytes:
            raise IngestError(
                ErrorCode.TOO_LARGE,
                f"{source}: the .docx's XML parts would inflate to {_mb(xml)}, over the limit "
                f"of {_mb(settings.max_xml_bytes)} (TRIAGE_MAX_XML_BYTES); split the document",
            )
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as safe:
            for info in parts:
                chunks = _inflate(archive, info, source, xml=_is_xml(info, types))
                if _unread(info.filename, types):
                    for _chunk in chunks:  # checked as it inflates, never kept
                        pass
                    safe.writestr(info.filename, b"")
                else:
                    safe.writestr(info.filename, b"".join(chunks))
    out.seek(0)
    return out


def _check_directory(parts: list[zipfile.ZipInfo], source: str, settings: Settings) -> None:
    """What the package declares, before anything is inflated."""
    if len(parts) > MAX_PARTS:
        raise IngestError(
            ErrorCode.TOO_LARGE,
            f"{source}: the .docx holds {len(parts)} parts (at most {MAX_PARTS}); "
            "it is not an ordinary Word document",
        )
    total = 0
    for info in parts:
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise IngestError(
                ErrorCode.CORRUPT,
                f"{source}: part {info.filename} uses compression method {info.compress_type}, "
                "which Word never writes; open and re-save the file in Word/WPS",
            )
        if info.file_size > RATIO_FLOOR and info.file_size > settings.max_ratio * max(
            1, info.compress_size
        ):
            raise IngestError(
                ErrorCode.TOO_LARGE,
                f"{source}: part {info.filename} would inflate from {_mb(info.compress_size)} to "
                f"{_mb(info.file_size)}, more than {settings.max_ratio} times "
                "(TRIAGE_MAX_RATIO): a compression bomb, not a document",
            )
        total += info.file_size
    if total > settings.max_inflated_bytes:
        raise IngestError(
            ErrorCode.TOO_LARGE,
            f"{source}: the .docx would inflate to {_mb(total)}, over the limit of "
            f"{_mb(settings.max_inflated_bytes)} (TRIAGE_MAX_INFLATED_BYTES); "
            "split the document or compress its images",
        )


def _content_types(archive: zipfile.ZipFile, source: str) -> dict[str, str]:
    """Part name or ``.extension`` (lower case) → content type, from [Content_Types].xml."""
    try:
        info = archive.getinfo("[Content_Types].xml")
    except KeyError:
        return {}
    raw = b"".join(_inflate(archive, info, source, xml=True))
    try:
        root = etree.fromstring(raw, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        raise IngestError(
            ErrorCode.CORRUPT, f"{source}: [Content_Types].xml is not well-formed ({exc})"
        ) from exc
    types: dict[str, str] = {}
    for item in root:
        kind = (item.get("ContentType") or "").lower()
        if item.tag == f"{_CT}Default" and item.get("Extension"):
            types["." + item.get("Extension", "").lower()] = kind
        elif item.tag == f"{_CT}Override" and item.get("PartName"):
            types[item.get("PartName", "").lstrip("/").lower()] = kind
    return types


def _type_of(name: str, types: dict[str, str]) -> str:
    lowered = name.lower()
    if lowered in types:
        return types[lowered]
    return types.get(posixpath.splitext(lowered)[1], "")


def _is_xml(info: zipfile.ZipInfo, types: dict[str, str]) -> bool:
    name = info.filename.lower()
    return name.endswith((".xml", ".rels")) or "xml" in _type_of(info.filename, types)


def _unread(name: str, types: dict[str, str]) -> bool:
    kind = _type_of(name, types)
    return kind.startswith(_UNREAD_TYPES) or kind in _UNREAD_EXACT


def _inflate(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, source: str, *, xml: bool
) -> Iterator[bytes]:
    """The part's bytes a megabyte at a time, at most what it declares (zipfile stops
    there and checks the CRC); an XML part must hold no DTD."""
    tail = b""
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(CHUNK):
                if xml:
                    window = tail + chunk
                    if any(mark in window for mark in _DTD_MARKS):
                        raise IngestError(
                            ErrorCode.CORRUPT,
                            f"{source}: part {info.filename} declares a DTD (<!DOCTYPE/<!ENTITY), "
                            "which Word never writes: entity tricks are refused",
                        )
                    tail = window[-_OVERLAP:]
                yield chunk
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise IngestError(
            ErrorCode.CORRUPT,
            f"{source}: part {info.filename} of the .docx is damaged ({type(exc).__name__}: "
            f"{exc}); ask the drafter for the original file",
        ) from exc
