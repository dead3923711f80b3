"""The text Word shows for an ``altChunk``: HTML or plain text it imports on opening.

A ``w:altChunk`` in the body names a part (``word/afchunk.htm`` …) whose content Word
renders in place when the file is opened; nothing of it is in ``document.xml``. The
reader puts these lines into the body where the chunk stands, and the redacted copy
replaces the chunk by paragraphs holding exactly these lines (redacted), so what the
detector read is what the released file shows. Both come through :func:`chunk_lines`.

Only HTML (also XHTML) and plain text are read; a chunk of another type (RTF, MHT, a
Word document) is not, and the copy removes it.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable

from docx.opc.part import Part
from lxml import etree
from lxml import html as lxml_html

HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
CHUNK_TYPES = HTML_TYPES + TEXT_TYPES

_SKIPPED = {"script", "style", "head", "title", "template", "noscript", "object", "iframe"}
_BLOCKS = {
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
    "tr", "table", "thead", "tbody", "tfoot", "caption", "blockquote", "pre", "section",
    "article", "header", "footer", "address", "center", "hr", "body", "form", "fieldset",
}  # fmt: skip
_CELLS = {"td", "th"}
_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)


def decode_chunk(blob: bytes) -> str:
    """The chunk's bytes as text: a byte-order mark, a declared charset, else UTF-8,
    else GB18030 (never failing: undecodable bytes become U+FFFD)."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if blob.startswith(bom):
            return blob[len(bom) :].decode(encoding, errors="replace")
    declared = _CHARSET.search(blob[:4096])
    if declared:
        try:
            return blob.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    try:
        return blob.decode("utf-8")
    except UnicodeDecodeError:
        return blob.decode("gb18030", errors="replace")


def chunk_lines(blob: bytes, content_type: str) -> list[str] | None:
    """The lines Word shows for a chunk of ``content_type``, or None for a type we do
    not read. Blank lines are dropped; table cells are joined with a tab."""
    kind = content_type.lower().split(";")[0].strip()
    if kind in TEXT_TYPES:
        text = decode_chunk(blob)
        return [line.strip() for line in text.splitlines() if line.strip()]
    if kind not in HTML_TYPES:
        return None
    text = decode_chunk(blob)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses a str with a declaration
    if not text.strip():
        return []
    try:
        root = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return []
    pieces: list[str] = []
    _walk(root, pieces)
    lines = "".join(pieces).split("\n")
    return [re.sub(r"[ \r\f\v]+", " ", line).strip() for line in lines if line.strip()]


def _walk(el: etree._Element, out: list[str]) -> None:
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if tag in _SKIPPED or not isinstance(el.tag, str):
        return  # comments and processing instructions are not shown
    if tag in _BLOCKS:
        out.append("\n")
    elif tag in _CELLS:
        out.append("\t")
    elif tag == "br":
        out.append("\n")
    out.append(el.text or "")
    for child in el:
        _walk(child, out)
        out.append(child.tail or "")
    if tag in _BLOCKS:
        out.append("\n")


def chunk_reader(part: Part) -> Callable[[str], tuple[str, list[str] | None]]:
    """For an altChunk's relationship id in ``part``: the chunk's part name and its lines
    (None when its type is not read, or the relationship leads nowhere)."""

    def read(rid: str) -> tuple[str, list[str] | None]:
        rel = part.rels.get(rid)
        if rel is None or rel.is_external:
            return rid, None
        target = rel.target_part
        return str(target.partname).lstrip("/"), chunk_lines(target.blob, target.content_type)

    return read
