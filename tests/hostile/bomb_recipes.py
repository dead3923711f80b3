"""Hostile files for the bounds tests, built in the test (no binary fixtures).

Compression bombs are a deflated megabyte of zeros repeated (with full flushes, each
megabyte deflates to the same kilobyte): a few hundred MB inflated cost a few hundred KB
on disk and no time to make. The ZIP is written here (``zip_bytes``) so that a part can
be given by its deflated bytes and can declare another size than it has.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MB = 1024 * 1024
BODY = "身份证号：110105194912310021，联系电话：13912345678。"

_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="png" ContentType="image/png"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/header1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def paragraphs(*texts: str) -> str:
    return "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in texts)


def document_xml(body: str, prolog: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{body}</w:body></w:document>'
    )


def _document_rels(header: bool, image: bool) -> str:
    rels = []
    if header:
        rels.append(
            '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/header" Target="header1.xml"/>'
        )
    if image:
        rels.append(
            '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/image" Target="media/image1.png"/>'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(rels)
        + "</Relationships>"
    )


class Part:
    """A ZIP member given by its deflated bytes, so a bomb costs its compressed size."""

    def __init__(self, name: str, deflated: bytes, size: int, crc: int) -> None:
        self.name, self.deflated, self.size, self.crc = name, deflated, size, crc

    @classmethod
    def of(cls, name: str, content: str | bytes, level: int = 9) -> Part:
        raw = content.encode("utf-8") if isinstance(content, str) else content
        packer = zlib.compressobj(level, zlib.DEFLATED, -15)
        return cls(name, packer.compress(raw) + packer.flush(), len(raw), zlib.crc32(raw))

    @classmethod
    def zeros(cls, name: str, size: int) -> Part:
        """``size`` (a whole number of MB) zero bytes: one deflated megabyte, repeated.
        The CRC is left 0: a reader checks it only after inflating everything, so the
        bomb costs a reader without bounds the same."""
        return cls(name, _zero_stream(size, -15), size, 0)


def zip_bytes(parts: list[Part], declared: dict[str, int] | None = None) -> bytes:
    """A ZIP of ``parts``; ``declared`` makes a part's headers claim another inflated size
    (its CRC and data stay those of the real content)."""
    declared = declared or {}
    out, central = bytearray(), bytearray()
    for part in parts:
        name = part.name.encode()
        size = declared.get(part.name, part.size)
        fields = (20, 0, 8, 0, 0x21, part.crc, len(part.deflated), size, len(name))
        offset = len(out)
        out += struct.pack("<4s5H3I2H", b"PK\x03\x04", *fields, 0) + name + part.deflated
        central += (
            struct.pack("<4s6H3I5H2I", b"PK\x01\x02", 20, *fields, 0, 0, 0, 0, 0, offset) + name
        )
    start = len(out)
    out += central
    out += struct.pack(
        "<4s4H2IH", b"PK\x05\x06", 0, 0, len(parts), len(parts), len(central), start, 0
    )
    return bytes(out)


def docx_parts(
    document: str | None = None, *, header: str | None = None, image: bool = False
) -> list[Part]:
    """The parts of a Word package: ``document`` (default: a notice holding an ID and a
    phone), an optional ``header`` part, the relationship to ``word/media/image1.png``."""
    document = document or document_xml(paragraphs("关于发放补贴的公示", BODY))
    parts = [
        Part.of("[Content_Types].xml", _TYPES),
        Part.of("_rels/.rels", _ROOT_RELS),
        Part.of("word/document.xml", document),
        Part.of("word/_rels/document.xml.rels", _document_rels(header is not None, image)),
    ]
    if header is not None:
        parts.append(Part.of("word/header1.xml", header))
    return parts


def write_docx(
    path: Path,
    document: str | None = None,
    *,
    header: str | None = None,
    extra: list[Part] = (),  # type: ignore[assignment]
    declared: dict[str, int] | None = None,
) -> Path:
    """A .docx of :func:`docx_parts` plus ``extra`` parts (``word/media/image1.png`` is
    related to the document as an image), sizes as ``declared`` by :func:`zip_bytes`."""
    image = any(p.name == "word/media/image1.png" for p in extra)
    parts = docx_parts(document, header=header, image=image) + list(extra)
    path.write_bytes(zip_bytes(parts, declared))
    return path


def deflated_zeros(size: int) -> bytes:
    """``size`` (whole MB) zero bytes as a zlib stream (a PDF's FlateDecode), about
    size/1000 bytes long."""
    return _zero_stream(size, 15)


def _zero_stream(size: int, wbits: int) -> bytes:
    """With a full flush after each megabyte the compressor starts afresh, so every
    megabyte after the first deflates to the same bytes: repeat them."""
    packer = zlib.compressobj(9, zlib.DEFLATED, wbits)
    first = packer.compress(bytes(MB)) + packer.flush(zlib.Z_FULL_FLUSH)
    steady = packer.compress(bytes(MB)) + packer.flush(zlib.Z_FULL_FLUSH)
    return first + steady * (size // MB - 1) + packer.flush()


def write_pdf(path: Path, content: bytes, filters: str = "/FlateDecode") -> Path:
    """A one-page PDF whose page content stream is ``content`` (already encoded with
    ``filters``), with a correct cross-reference table."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d /Filter %s >>\nstream\n" % (len(content), filters.encode())
        + content
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))
    return path


def text_page(text: str) -> bytes:
    """A content stream drawing ``text`` (ASCII) in Helvetica, Flate-encoded."""
    return zlib.compress(b"BT /F1 12 Tf 72 760 Td (%s) Tj ET" % text.encode("ascii"))
