"""Redacted copies of Word .docx files: the values are removed from every part of the file.

A black box over text that is still in the file is the classic leak, so the copy is made
by rewriting the XML of every part of the package (zipfile + lxml), not by drawing:

- tracked changes are accepted (insertions kept, deleted text dropped) and comments are
  removed, so no earlier wording survives;
- each redacted value is replaced wherever it occurs — body, tables, text boxes (both the
  DrawingML and the VML copy), headers, footers, foot- and endnotes, field codes,
  hyperlink targets, alt text and document properties — inside a paragraph even when
  Word split it over several runs (each run keeps its formatting);
- author, last editor, company and custom properties are cleared;
- the copy is checked: if any XML part still holds a redacted value, nothing is written.

Values, not offsets, are the unit here: a name redacted once is redacted everywhere in the
file, which is what "cannot be recovered" requires.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from pipeline.labels import placeholder
from pipeline.redact.spans import Redaction
from pipeline.redact.txt import MASK, Style

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
TEXT_TAGS = (f"{{{W}}}t", f"{{{W}}}delText", f"{{{W}}}instrText")
ACCEPTED = (f"{{{W}}}ins", f"{{{W}}}moveTo")
DROPPED = (f"{{{W}}}del", f"{{{W}}}moveFrom")
COMMENT_MARKS = (f"{{{W}}}commentRangeStart", f"{{{W}}}commentRangeEnd")
CORE_CLEARED = ("creator", "lastModifiedBy", "description", "keywords", "subject", "title")
MIN_VALUE = 2  # shorter pieces (one character of a wrapped name) would blank the whole file


class RedactionLeak(RuntimeError):
    """A redacted value is still in the copy: the copy is not written."""


@dataclass(frozen=True)
class Value:
    text: str
    label: str


def values_of(text: str, spans: Sequence[Redaction]) -> list[Value]:
    """The strings to remove: each span's text, split where the document text joins
    paragraphs or cells (a line end or tab is not inside any run), longest first."""
    found: dict[str, str] = {}
    for span in spans:
        for piece in value_pieces(text, span.start, span.end):
            found.setdefault(piece, span.label)
    return [Value(t, label) for t, label in sorted(found.items(), key=lambda kv: -len(kv[0]))]


def value_pieces(text: str, start: int, end: int) -> list[str]:
    """``text[start:end]`` cut where the document text joins paragraphs or cells (a line
    end or tab is inside no run), stripped; pieces shorter than MIN_VALUE are dropped."""
    pieces = (piece.strip() for piece in re.split(r"[\n\t]", text[start:end]))
    return [piece for piece in pieces if len(piece) >= MIN_VALUE]


def redact_docx(data: bytes, values: Sequence[Value], style: Style = "block") -> bytes:
    """The bytes of the redacted copy of the .docx ``data``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if _is_thumbnail(info.filename):
                continue  # a picture of the original first page
            blob = source.read(info.filename)
            if info.filename.endswith((".xml", ".rels")):
                blob = _redact_part(info.filename, blob, values, style)
            target.writestr(info, blob, compress_type=zipfile.ZIP_DEFLATED)
    copy = out.getvalue()
    leaks = find_values(copy, [v.text for v in values])
    if leaks:
        raise RedactionLeak(f"redacted values still in the copy: {leaks}")
    return copy


def find_values(data: bytes, values: Sequence[str]) -> list[str]:
    """``part: value`` for every value found in any XML part of the package (as text, and
    as text with the markup between characters removed)."""
    leaks: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if not name.endswith((".xml", ".rels")):
                continue
            raw = package.read(name).decode("utf-8", errors="replace")
            flat = re.sub(r"<[^>]+>", "", raw)
            leaks.extend(f"{name}: {v}" for v in values if v in raw or v in flat)
    return leaks


def _is_thumbnail(name: str) -> bool:
    return name.lower().startswith("docprops/thumbnail")


def _needs_rewrite(name: str, blob: bytes, values: Sequence[Value]) -> bool:
    """Whether a part can hold anything we change: a value (also split over runs, which
    the text without tags shows), a tracked change, a comment, a character reference we
    cannot search raw, or document properties."""
    if name.startswith("docProps/") or name == "_rels/.rels":
        return True
    raw = blob.decode("utf-8", errors="replace")
    if "&#" in raw or (name.startswith("word/") and _REVIEW_MARKUP.search(raw)):
        return True
    flat = re.sub(r"<[^>]+>", "", raw)
    return any(v.text in raw or v.text in flat for v in values)


_REVIEW_MARKUP = re.compile(
    r"<w:(?:ins|del|moveFrom|moveTo|comment|commentRangeStart|commentRangeEnd|commentReference)[\s/>]"
)


def _redact_part(name: str, blob: bytes, values: Sequence[Value], style: Style) -> bytes:
    if not _needs_rewrite(name, blob, values):
        return blob
    try:
        root = etree.fromstring(blob)
    except etree.XMLSyntaxError:
        return blob
    if name.startswith("word/"):
        _accept_tracked_changes(root)
        _remove_comments(root, name)
        for p in root.iter(f"{{{W}}}p"):
            _redact_paragraph(p, values, style)
    if name == "docProps/core.xml":
        for el in root:
            if etree.QName(el).localname in CORE_CLEARED:
                el.text = ""
    elif name == "docProps/app.xml":
        for el in root:
            if etree.QName(el).localname in ("Company", "Manager"):
                el.text = ""
    elif name == "_rels/.rels":
        for rel in list(root):
            if _is_thumbnail(rel.get("Target", "").lstrip("/")):
                root.remove(rel)
    elif name == "docProps/custom.xml":
        for el in list(root):
            root.remove(el)
    _redact_everywhere(root, values, style)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _accept_tracked_changes(root: etree._Element) -> None:
    for el in list(root.iter(*DROPPED)):
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)
    for el in list(root.iter(*ACCEPTED)):
        parent = el.getparent()
        if parent is None:
            continue
        index = parent.index(el)
        for child in list(el):
            parent.insert(index, child)
            index += 1
        parent.remove(el)


def _remove_comments(root: etree._Element, name: str) -> None:
    if name == "word/comments.xml":
        for el in list(root):
            root.remove(el)
        return
    for el in list(root.iter(*COMMENT_MARKS)):
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)
    for ref in list(root.iter(f"{{{W}}}commentReference")):
        run = ref.getparent()
        holder = run.getparent() if run is not None else None
        if run is not None and holder is not None:
            holder.remove(run)


def _nearest_paragraph(el: etree._Element) -> etree._Element | None:
    parent = el.getparent()
    while parent is not None and parent.tag != f"{{{W}}}p":
        parent = parent.getparent()
    return parent


def _redact_paragraph(p: etree._Element, values: Sequence[Value], style: Style) -> None:
    """Replace values inside one paragraph, across the runs Word split them into."""
    nodes = [t for t in p.iter(*TEXT_TAGS) if _nearest_paragraph(t) is p]
    text = "".join(t.text or "" for t in nodes)
    if not any(v.text in text for v in values):
        return
    replacement: list[str | None] = [None] * len(text)  # None: keep the character
    for value in values:
        for m in re.finditer(re.escape(value.text), text):
            if any(r is not None for r in replacement[m.start() : m.end()]):
                continue
            for i in range(m.start(), m.end()):
                replacement[i] = MASK if style == "block" else ""
            if style == "label":
                replacement[m.start()] = placeholder(value.label)
    pos = 0
    for node in nodes:
        old = node.text or ""
        new = "".join(
            ch if replacement[pos + i] is None else str(replacement[pos + i])
            for i, ch in enumerate(old)
        )
        pos += len(old)
        if new != old:
            node.text = new
            node.set(XML_SPACE, "preserve")


def _redact_everywhere(root: etree._Element, values: Sequence[Value], style: Style) -> None:
    """Values left in any text, tail or attribute (properties, alt text, link targets)."""

    if not values:
        return
    pattern = re.compile("|".join(re.escape(v.text) for v in values))

    def scrub(s: str) -> str:
        for value in values:
            if value.text in s:
                mask = MASK * len(value.text) if style == "block" else placeholder(value.label)
                s = s.replace(value.text, mask)
        return s

    for el in root.iter():
        if isinstance(el.tag, str):
            if el.text and pattern.search(el.text):
                el.text = scrub(el.text)
            if el.tail and pattern.search(el.tail):
                el.tail = scrub(el.tail)
            for key, attr in el.attrib.items():
                if pattern.search(attr):
                    el.set(key, scrub(attr))


def redact_docx_file(
    path: Path, text: str, spans: Sequence[Redaction], out: Path, style: Style = "block"
) -> int:
    """Write the redacted copy of ``path`` (whose extracted text is ``text``) to ``out``;
    returns the number of distinct values removed."""
    values = values_of(text, spans)
    out.write_bytes(redact_docx(path.read_bytes(), values, style))
    return len(values)
