"""Text of a .docx that Word does not print but any reader of the file can recover.

A value can sit only in a hyperlink's target (``tel:139…``, ``…?id=1101…``), a picture's
alt text, a field code, a customXml data part, the document properties (title,
keywords, category, custom properties, company) or a document variable. Nobody reads
those on the page, so the detector must read them as text: each piece becomes a line
after the rest of the document, in a block whose kind says where it came from
(``hyperlink``, ``alt_text``, ``field_code``, ``custom_xml``, ``property``), and the text
of parts the reader does not lay out — charts, SmartArt, a glossary, DrawingML text —
as ``part_text``.

A piece already in the text (a link whose target is the text it shows, a title equal to
the document's title) is not repeated: it would only count its findings twice.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from urllib.parse import unquote

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.package import OpcPackage
from lxml import etree

from pipeline.document import BlockKind

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
VML = "urn:schemas-microsoft-com:vml"
OFFICE = "urn:schemas-microsoft-com:office:office"
DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main"
CORE = "application/vnd.openxmlformats-package.core-properties+xml"
APP = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
CUSTOM = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
SETTINGS = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
_APP_TEXT = ("Company", "Manager", "HyperlinkBase")
_CORE_SKIPPED = ("created", "modified", "lastPrinted", "revision")  # dates and a counter
_CUSTOM_XML = re.compile(r"^/customxml/item\d*\.xml$", re.IGNORECASE)
_QUOTED = re.compile(r"\"([^\"]+)\"")
# The most text read from these places, so a bloated data part cannot swamp the scan.
MAX_EXTRA_CHARS = 1_000_000


def extra_texts(
    package: OpcPackage, read: frozenset[str] = frozenset()
) -> Iterator[tuple[BlockKind, str, str]]:
    """``(kind, part name, text)`` for every piece of hidden text in the package;
    ``read`` names the parts whose paragraphs the reader laid out already."""
    for part in package.iter_parts():
        name = str(part.partname).lstrip("/")
        content_type = (part.content_type or "").lower()
        for rel in part.rels.values():
            if rel.reltype == RT.HYPERLINK and rel.is_external:
                yield "hyperlink", name, unquote(rel.target_ref)
        if content_type == CORE:
            root = _root(part.blob)
            for el in root.iter() if root is not None else ():
                if isinstance(el.tag, str) and etree.QName(el).localname not in _CORE_SKIPPED:
                    yield "property", name, el.text or ""
        elif content_type == APP:
            root = _root(part.blob)
            for el in root.iter() if root is not None else ():
                if isinstance(el.tag, str) and etree.QName(el).localname in _APP_TEXT:
                    yield "property", name, el.text or ""
        elif content_type == CUSTOM:
            yield from (("property", name, t) for t in _leaf_texts(_root(part.blob)))
        elif content_type == SETTINGS:
            root = _root(part.blob)
            for var in root.iter(f"{{{W}}}docVar") if root is not None else ():
                yield "property", name, var.get(f"{{{W}}}val") or ""
        elif _CUSTOM_XML.match(str(part.partname)):
            yield from (("custom_xml", name, t) for t in _leaf_texts(_root(part.blob), True))
        elif "wordprocessingml" in content_type:
            root = _root(part.blob)
            yield from _word_part_texts(name, root)
            if name not in read:  # a glossary, a part no relationship of ours reaches
                yield from (("part_text", name, t) for t in _paragraph_texts(root))
        elif content_type.endswith("+xml") and "relationships" not in content_type:
            # charts (titles, cached values), SmartArt data, drawings: text Word shows
            yield from (("part_text", name, t) for t in _leaf_texts(_root(part.blob)))


def _root(blob: bytes) -> etree._Element | None:
    try:
        return etree.fromstring(blob, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return None


def _leaf_texts(root: etree._Element | None, attributes: bool = False) -> Iterator[str]:
    """Every element's own text and tail (and attribute values when asked)."""
    if root is None:
        return
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.text and not el.text.isspace():
            yield el.text
        if el.tail and not el.tail.isspace():
            yield el.tail
        if attributes:
            for key, value in el.attrib.items():
                if not key.startswith("{http://www.w3.org/"):  # xsi:type, xml:lang …
                    yield value


def _paragraph_texts(root: etree._Element | None) -> Iterator[str]:
    for p in root.iter(f"{{{W}}}p") if root is not None else ():
        yield "".join(t.text or "" for t in p.iter(f"{{{W}}}t"))


def _word_part_texts(
    name: str, root: etree._Element | None
) -> Iterator[tuple[BlockKind, str, str]]:
    """Alt text of pictures and shapes, and the quoted arguments of field codes
    (``HYPERLINK "tel:…"``, ``INCLUDEPICTURE "…"``), of one WordprocessingML part."""
    if root is None:
        return
    # only the elements that can hold such text, still in document order (lxml's
    # multi-tag iter): a styles or numbering part has thousands of others
    for el in root.iter("{*}docPr", "{*}cNvPr", f"{{{VML}}}*", f"{{{DRAWING}}}t"):
        local = etree.QName(el).localname
        if local in ("docPr", "cNvPr"):
            yield "alt_text", name, el.get("descr") or ""
            yield "alt_text", name, el.get("title") or ""
        elif etree.QName(el).namespace == VML:
            yield "alt_text", name, el.get("alt") or ""
            yield "alt_text", name, el.get(f"{{{OFFICE}}}title") or ""
        elif el.tag == f"{{{DRAWING}}}t":  # DrawingML text outside Word's text boxes
            yield "part_text", name, el.text or ""
    codes = [
        "".join(t.text or "" for t in p.iter(f"{{{W}}}instrText")) for p in root.iter(f"{{{W}}}p")
    ]
    codes.extend(el.get(f"{{{W}}}instr") or "" for el in root.iter(f"{{{W}}}fldSimple"))
    for code in codes:
        for m in _QUOTED.finditer(code):
            yield "field_code", name, unquote(m.group(1))


EMBEDDED_TYPES = ("oleobject", "activex", "vbaproject", "msword", "ms-excel", "ms-powerpoint",
                  "ms-word", "wordprocessingml.document", "wordprocessingml.template",
                  "spreadsheetml.", "presentationml.", "rtf", "rfc822", "octet-stream")  # fmt: skip


def is_embedded(name: str, content_type: str) -> bool:
    """Whether a part is a file inside the file (an OLE object, a Word, Excel or
    PowerPoint package, an ActiveX control, macros, a binary blob): its content is not
    read. XML parts (``…+xml``) are not: they are read and rewritten."""
    lowered = content_type.lower().split(";")[0].strip()
    if "/embeddings/" in f"/{name.lower()}":
        return True
    return not lowered.endswith("+xml") and any(t in lowered for t in EMBEDDED_TYPES)


def embedded_parts(package: OpcPackage) -> list[str]:
    """The parts of ``package`` that are files inside the file."""
    return sorted(
        str(part.partname).lstrip("/")
        for part in package.iter_parts()
        if is_embedded(str(part.partname).lstrip("/"), part.content_type or "")
    )


def visible(text: str) -> str:
    """``text`` without invisible format characters (soft hyphen, zero-width space and
    joiners, bidi controls, BOM): a number broken by one reads as one number."""
    if text.isascii():
        return text
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def unread_warnings(
    unread: list[str], embedded: list[str], truncated: bool
) -> list[dict[str, object]]:
    """What of the file was not read, for the clerk: it is removed from the redacted copy
    and must be checked by hand in the original."""
    warnings: list[dict[str, object]] = []
    if unread:
        warnings.append(
            {
                "code": "alt_chunk_not_read",
                "parts": unread,
                "message": f"文件含 {len(unread)} 处以其他格式导入的内容（{'、'.join(unread)}），"
                "其文字未能读取、未经检查；公开稿中将删除这些内容，请在原文件中人工核对",
            }
        )
    if embedded:
        more = "等" if len(embedded) > 5 else ""
        warnings.append(
            {
                "code": "embedded_objects",
                "parts": embedded,
                "message": f"文件含 {len(embedded)} 个嵌入对象或宏（{'、'.join(embedded[:5])}{more}），"
                "其内容未读取、未经检查；公开稿中将删除这些对象，请在原文件中人工核对",
            }
        )
    if truncated:
        warnings.append(
            {
                "code": "hidden_text_truncated",
                "message": f"文件属性、链接、自定义 XML 等隐藏文字超过 {MAX_EXTRA_CHARS} 字，"
                "超出部分未检查，请人工核对",
            }
        )
    return warnings
