"""Redacted copies of Word .docx files: the values are removed from every part of the file.

A black box over text that is still in the file is the classic leak, so the copy is made
by rewriting the XML of every part of the package (zipfile + lxml), not by drawing:

- the package is first reduced to what was read (``docx_structure``): parts are known by
  their declared content type, whatever their names' case; embedded files, macros and
  unknown binaries are dropped; an altChunk becomes the paragraphs the reader read;
- tracked changes are accepted (insertions kept, deleted text dropped) and comments are
  removed, so no earlier wording survives;
- each redacted value is replaced wherever and however it is written (``fold``: spaced,
  hyphenated, full-width, with soft hyphens or zero-width characters, a digit as a
  ``w:sym``) — body, tables, text boxes (both the DrawingML and the VML copy), headers,
  footers, foot- and endnotes, field codes, hyperlink targets (also percent-encoded),
  alt text, customXml and document properties — inside a paragraph even when Word split
  it over several runs (each run keeps its formatting);
- author, last editor, company and custom properties are cleared;
- the copy is checked (``docx_check``: every part, embedded packages unzipped, every
  written form): if a redacted value is still in it, nothing is written.

Values, not offsets, are the unit here: a name redacted once is redacted everywhere in the
file, which is what "cannot be recovered" requires.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from pipeline.fold import SEPARATOR, find_folded, folded_hits
from pipeline.labels import placeholder
from pipeline.redact.docx_check import attribute_texts, find_values, flat_text, symbol_char
from pipeline.redact.docx_package import Package
from pipeline.redact.docx_structure import reduce
from pipeline.redact.spans import Redaction
from pipeline.redact.txt import MASK, Style

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
TEXT_TAGS = (f"{{{W}}}t", f"{{{W}}}delText", f"{{{W}}}instrText")
ACCEPTED = (f"{{{W}}}ins", f"{{{W}}}moveTo")
DROPPED = (f"{{{W}}}del", f"{{{W}}}moveFrom")
COMMENT_MARKS = (f"{{{W}}}commentRangeStart", f"{{{W}}}commentRangeEnd")
CHAR_TAGS = (f"{{{W}}}sym", f"{{{W}}}noBreakHyphen", f"{{{W}}}softHyphen")
CORE = "application/vnd.openxmlformats-package.core-properties+xml"
APP = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
CUSTOM = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
COMMENTS = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
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
    package = Package.read(data)
    shape = reduce(package)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for index, part in enumerate(package.parts):
            if part.info.filename in shape.dropped:
                continue
            blob = part.data
            root = shape.trees.get(index)
            if root is not None:
                changed = _redact_tree(part.content_type, root, values, style)
                if changed or index in shape.changed:
                    blob = etree.tostring(
                        root, xml_declaration=True, encoding="UTF-8", standalone=True
                    )
            # A fresh entry: the source's per-file comment and extra fields stay behind.
            info = zipfile.ZipInfo(part.info.filename, date_time=part.info.date_time)
            target.writestr(info, blob, compress_type=zipfile.ZIP_DEFLATED)
    copy = out.getvalue()
    leaks = find_values(copy, [v.text for v in values])
    if leaks:
        raise RedactionLeak(f"redacted values still in the copy: {leaks}")
    return copy


def _needs_rewrite(content_type: str, root: etree._Element, values: Sequence[Value]) -> bool:
    """Whether a part can hold anything we change: a value in any written form (also
    split over runs or written as a symbol, which the part's flat text shows), a tracked
    change, a comment, or document properties."""
    if content_type in (CORE, APP, CUSTOM, COMMENTS):
        return True
    if (
        next(root.iter(*DROPPED, *ACCEPTED, *COMMENT_MARKS, f"{{{W}}}commentReference"), None)
        is not None
    ):
        return True
    searched = SEPARATOR.join((flat_text(root), *attribute_texts(root)))
    return bool(folded_hits(searched, [v.text for v in values]))


def _redact_tree(
    content_type: str, root: etree._Element, values: Sequence[Value], style: Style
) -> bool:
    """Redact one XML part in place; returns whether anything may have changed."""
    if not _needs_rewrite(content_type, root, values):
        return False
    _accept_tracked_changes(root)
    _remove_comments(root, content_type == COMMENTS)
    for p in root.iter(f"{{{W}}}p"):
        _redact_paragraph(p, values, style)
    if content_type == CORE:
        for el in root:
            if etree.QName(el).localname in CORE_CLEARED:
                el.text = ""
    elif content_type == APP:
        for el in root:
            if etree.QName(el).localname in ("Company", "Manager"):
                el.text = ""
    elif content_type == CUSTOM:
        for el in list(root):
            root.remove(el)
    _redact_everywhere(root, values, style)
    return True


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


def _remove_comments(root: etree._Element, comments_part: bool) -> None:
    if comments_part:
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


def _mask(match: str, label: str, style: Style) -> list[str]:
    """What each character of a match becomes: ■ each, or the label on the first."""
    if style == "block":  # invisible characters (a soft hyphen) inside go without a mask
        return ["" if unicodedata.category(ch) == "Cf" else MASK for ch in match]
    return [placeholder(label)] + [""] * (len(match) - 1)


def _redact_paragraph(p: etree._Element, values: Sequence[Value], style: Style) -> None:
    """Replace values inside one paragraph, in any written form, across the runs Word
    split them into (each run keeps its formatting) and through symbols (``w:sym``),
    non-breaking and soft hyphens."""
    nodes = [n for n in p.iter(*TEXT_TAGS, *CHAR_TAGS) if _nearest_paragraph(n) is p]
    pieces = [_node_text(n) for n in nodes]
    text = "".join(pieces)
    labels = {v.text: v.label for v in values}
    if not folded_hits(text, list(labels)):
        return  # the fast search first; the character map only where a value is
    matches = find_folded(text, labels)
    if not matches:
        return
    replacement: list[str | None] = [None] * len(text)  # None: keep the character
    for start, end, value in matches:
        replacement[start:end] = _mask(text[start:end], labels[value], style)
    pos = 0
    for node, old in zip(nodes, pieces, strict=True):
        new = [
            ch if replacement[pos + i] is None else replacement[pos + i] for i, ch in enumerate(old)
        ]
        pos += len(old)
        if all(r is None for r in replacement[pos - len(old) : pos]):
            continue
        if node.tag in TEXT_TAGS:
            node.text = "".join(str(c) for c in new)
            node.set(XML_SPACE, "preserve")
        else:  # a symbol or hyphen element inside a value: plain text instead
            text_node = etree.Element(f"{{{W}}}t")
            text_node.text = "".join(str(c) for c in new)
            text_node.set(XML_SPACE, "preserve")
            node.addprevious(text_node)
            node.getparent().remove(node)


def _node_text(node: etree._Element) -> str:
    """The characters an element contributes to its paragraph's text."""
    if node.tag in TEXT_TAGS:
        return node.text or ""
    if node.tag == f"{{{W}}}sym":
        return symbol_char(node)
    if node.tag == f"{{{W}}}noBreakHyphen":
        return "-"
    return "\u00ad"  # w:softHyphen


def _scrub(s: str, values: Sequence[Value], style: Style) -> str:
    """``s`` with every value, in any written form, masked; a percent-encoded string
    (a link target) is decoded first so an encoded value is found too."""
    labels = {v.text: v.label for v in values}
    if "%" in s and folded_hits(unquote(s), list(labels)):
        s = unquote(s)
    matches = find_folded(s, labels)
    if not matches:
        return s
    out = list(s)
    for start, end, value in reversed(matches):
        out[start:end] = _mask(s[start:end], labels[value], style)
    return "".join(out)


def _redact_everywhere(root: etree._Element, values: Sequence[Value], style: Style) -> None:
    """Values left in any text, tail or attribute (properties, alt text, link targets)."""
    if not values:
        return
    keys = [v.text for v in values]
    strings = (s for el in root.iter() for s in (el.text, el.tail) if s)
    if not folded_hits(SEPARATOR.join((*strings, *attribute_texts(root))), keys):
        return  # one search of every string at once; most parts hold nothing by now
    for el in root.iter():
        if el.text and folded_hits(el.text, keys):
            el.text = _scrub(el.text, values, style)
        if el.tail and folded_hits(el.tail, keys):
            el.tail = _scrub(el.tail, values, style)
        if isinstance(el.tag, str):
            for key, attr in el.attrib.items():
                if folded_hits(attr, keys) or ("%" in attr and folded_hits(unquote(attr), keys)):
                    el.set(key, _scrub(attr, values, style))


def redact_docx_file(
    path: Path, text: str, spans: Sequence[Redaction], out: Path, style: Style = "block"
) -> int:
    """Write the redacted copy of ``path`` (whose extracted text is ``text``) to ``out``;
    returns the number of distinct values removed."""
    values = values_of(text, spans)
    out.write_bytes(redact_docx(path.read_bytes(), values, style))
    return len(values)
