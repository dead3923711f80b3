"""A .docx as an OPC package: every part with its content type, the relationships
between parts, and what the redacted copy keeps, rewrites or drops.

Part names are not to be trusted: OPC names are case-insensitive, so
``word/document.XML`` is the main part as much as ``word/document.xml`` is, and a part's
kind is its declared content type ([Content_Types].xml, also case-insensitive), not its
file name. Each part of the copy is one of:

- ``xml``: rewritten (values removed from its text and attributes) — every XML part,
  whatever its name;
- ``media``: kept as it is (images, fonts), and searched byte by byte by the leak check;
- ``dropped``: removed with the relationships that lead to it and the elements that use
  them — embedded files (OLE objects, Word/Excel/PowerPoint packages, ActiveX, macros),
  altChunks (their text is put into the body as paragraphs instead, when it was read)
  and any other binary whose content nobody checked;
- the thumbnail of the first page, dropped.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import unquote

from lxml import etree

from pipeline.ingest.chunks import CHUNK_TYPES
from pipeline.ingest.docx_extras import is_embedded

CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RELS_TYPE = "application/vnd.openxmlformats-package.relationships+xml"
ALT_CHUNK = f"{R_NS}/aFChunk"
XML_TYPES = ("application/xml", "text/xml")
MEDIA_PREFIXES = ("image/", "font/", "application/x-font", "application/font")
MEDIA_TYPES = (
    "application/vnd.openxmlformats-officedocument.obfuscatedfont",
    "application/vnd.ms-package.obfuscated-opentype",
)
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)


def parse_xml(blob: bytes) -> etree._Element | None:
    """The part's root element, or None when it is not well-formed XML (entities are
    never expanded, nothing is fetched)."""
    try:
        return etree.fromstring(blob, PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return None


@dataclass
class Part:
    info: zipfile.ZipInfo
    data: bytes
    content_type: str  # lower case, without parameters; "" when none is declared


@dataclass(frozen=True)
class Rel:
    rid: str
    type: str
    target: str
    external: bool
    target_part: str | None  # the zip name of the part it leads to (internal, existing)


@dataclass
class Package:
    """Every entry of the zip (duplicates included), and lookups that ignore case."""

    parts: list[Part] = field(default_factory=list)

    @classmethod
    def read(cls, data: bytes) -> Package:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            infos = [i for i in source.infolist() if not i.is_dir()]
            # A name twice: zipfile (and so the reader) sees the last entry; keep that one.
            last = {i.filename: i for i in infos}
            entries = [(i, source.read(i)) for i in infos if last[i.filename] is i]
        types = _content_types(entries)
        return cls([Part(i, blob, types(i.filename)) for i, blob in entries])

    def find(self, name: str) -> Part | None:
        wanted = name.lstrip("/").lower()
        return next((p for p in self.parts if p.info.filename.lower() == wanted), None)

    def rels(self, source: str, root: etree._Element | None = None) -> list[Rel]:
        """The relationships of part ``source`` ("" for the package's own), read from
        its .rels part or from ``root`` (that part's tree, as rewritten)."""
        folder, base = posixpath.split(source)
        if root is None:
            part = self.find(posixpath.join(folder, "_rels", base + ".rels"))
            root = parse_xml(part.data) if part is not None else None
        out = []
        for el in root if root is not None else ():
            if not isinstance(el.tag, str) or etree.QName(el).localname != "Relationship":
                continue
            target = el.get("Target") or ""
            external = (el.get("TargetMode") or "").lower() == "external"
            found = None
            if not external:
                path = unquote(target.split("#", 1)[0])
                resolved = posixpath.normpath(
                    path.lstrip("/") if path.startswith("/") else posixpath.join(folder, path)
                )
                hit = self.find(resolved)
                found = hit.info.filename if hit is not None else None
            out.append(Rel(el.get("Id") or "", el.get("Type") or "", target, external, found))
        return out


def rels_source(name: str) -> str | None:
    """The part whose relationships ``name`` holds (``word/_rels/document.xml.rels`` →
    ``word/document.xml``; ``_rels/.rels`` → ""), or None when it is no .rels part."""
    folder, base = posixpath.split(name)
    if posixpath.basename(folder).lower() != "_rels" or not base.lower().endswith(".rels"):
        return None
    return posixpath.join(posixpath.dirname(folder), base[: -len(".rels")])


def _content_types(entries: list[tuple[zipfile.ZipInfo, bytes]]) -> _Types:
    blob = next((b for i, b in entries if i.filename.lower() == "[content_types].xml"), b"")
    root = parse_xml(blob) if blob else None
    defaults: dict[str, str] = {}
    overrides: dict[str, str] = {}
    for el in root if root is not None else ():
        if not isinstance(el.tag, str):
            continue
        kind = (el.get("ContentType") or "").split(";")[0].strip().lower()
        if etree.QName(el).localname == "Default":
            defaults[(el.get("Extension") or "").lower()] = kind
        elif etree.QName(el).localname == "Override":
            overrides[(el.get("PartName") or "").lstrip("/").lower()] = kind
    return _Types(defaults, overrides)


@dataclass(frozen=True)
class _Types:
    defaults: dict[str, str]
    overrides: dict[str, str]

    def __call__(self, name: str) -> str:
        lowered = name.lower()
        if lowered in self.overrides:
            return self.overrides[lowered]
        return self.defaults.get(posixpath.splitext(lowered)[1].lstrip("."), "")


def kind_of(part: Part) -> str:
    """``xml``, ``media``, ``thumbnail`` or ``opaque`` (anything else: dropped)."""
    name = part.info.filename.lower()
    ctype = part.content_type
    if name.startswith("docprops/thumbnail"):
        return "thumbnail"
    if is_embedded(name, ctype) or ctype in CHUNK_TYPES:
        return "opaque"
    if ctype == RELS_TYPE or ctype.endswith("+xml") or ctype in XML_TYPES:
        return "xml"
    if name.endswith((".xml", ".rels")) or name == "[content_types].xml":
        return "xml"
    if ctype.startswith(MEDIA_PREFIXES) or ctype in MEDIA_TYPES:
        return "media"
    if not ctype and _looks_like_xml(part.data):
        return "xml"
    return "opaque"


def _looks_like_xml(blob: bytes) -> bool:
    head = blob[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<")


def r_references(root: etree._Element) -> Iterator[tuple[etree._Element, str]]:
    """Every element carrying a relationship id (``r:id``, ``r:embed``, ``r:link`` …)."""
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for key, value in el.attrib.items():
            if key.startswith(f"{{{R_NS}}}"):
                yield el, value
