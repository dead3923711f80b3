"""Word .docx reader: every piece of text a reader of the file could recover.

python-docx opens and validates the package and finds its parts; we walk the XML of each
part ourselves because python-docx's ``paragraph.text`` skips text boxes, tracked
insertions/deletions, footnotes and comments, and sensitive text hides exactly there.

Layout of ``Document.text``: the body (paragraphs and tables in reading order, one line
per paragraph, table rows as lines with cells joined by a tab, text boxes after the
paragraph that anchors them), then headers, footers, footnotes, endnotes, comments and
tracked deletions, each paragraph on its own line, then text the file holds but no page
shows (links, alt text, field codes, customXml, properties: ``docx_extras``). An altChunk
is read where it stands (``chunks``); soft hyphens and zero-width spaces are left out, so
a number broken by one is read whole. Plain paragraphs: the text is them joined by ``\\n``.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from docx import Document as open_docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.part import Part
from docx.opc.rel import _Relationship
from lxml import etree

from pipeline.document import Block, BlockKind, Document, Tracked
from pipeline.fold import fold
from pipeline.ingest.chunks import chunk_reader
from pipeline.ingest.docx_extras import (
    MAX_EXTRA_CHARS,
    embedded_parts,
    extra_texts,
    unread_warnings,
    visible,
)
from pipeline.ingest.errors import ErrorCode, IngestError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NS = {"w": W, "mc": MC}


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


# Elements whose children are walked transparently inside a paragraph.
_INLINE_CONTAINERS = {
    _q("hyperlink"),
    _q("smartTag"),
    _q("customXml"),
    _q("fldSimple"),
    _q("dir"),
    _q("bdo"),
    _q("sdtContent"),
}
_TRACKED = {
    _q("ins"): "insertion",
    _q("moveTo"): "insertion",
    _q("del"): "deletion",
    _q("moveFrom"): "deletion",
}
# Block-level containers whose children are body content (paragraphs, tables).
_BLOCK_CONTAINERS = {_q("sdtContent"), _q("customXml"), _q("sdt")}


@dataclass
class _Segment:
    """Text of one paragraph piece with the same tracked-change status."""

    text: str
    tracked: Tracked | None


@dataclass
class _Builder:
    """Accumulates text and blocks; every write goes through it so offsets stay exact."""

    parts: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    length: int = 0
    lines: int = 0

    def newline(self) -> None:
        if self.lines:
            self.parts.append("\n")
            self.length += 1
        self.lines += 1

    def add(self, text: str, kind: BlockKind, **where: object) -> None:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        if text:
            self.blocks.append(Block(start, self.length, kind, **where))  # type: ignore[arg-type]


def read_docx(
    path: Path, data: bytes, source: str, package_file: IO[bytes] | None = None
) -> Document:
    """Read a .docx file into a Document (body first, then the other parts).

    ``package_file``: the package to open instead of ``path`` (the checked copy of
    :func:`pipeline.ingest.package.checked_package`, whose media are empty)."""
    try:
        package = open_docx(package_file if package_file is not None else str(path))
    except PackageNotFoundError as exc:
        raise IngestError(
            ErrorCode.CORRUPT,
            f"{source}: not a valid Word package ({exc}); open and re-save it in Word/WPS",
        ) from exc
    except (
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        etree.XMLSyntaxError,
        EOFError,
        OSError,
    ) as exc:
        raise IngestError(
            ErrorCode.CORRUPT,
            f"{source}: the .docx is damaged or truncated ({type(exc).__name__}: {exc}); "
            "ask the drafter for the original file",
        ) from exc

    out = _Builder()
    main = package.part
    body = main.element.find(_q("body"))
    if body is None:
        raise IngestError(ErrorCode.CORRUPT, f"{source}: word/document.xml has no body")
    walker = _Walker(out, str(main.partname).lstrip("/"), chunk_reader(main))
    walker.body(body, "paragraph")
    deletions = walker.deletions
    body_end = out.length
    walked = [walker.part]

    for reltype, kind in (
        (RT.HEADER, "header"),
        (RT.FOOTER, "footer"),
        (RT.FOOTNOTES, "footnote"),
        (RT.ENDNOTES, "endnote"),
        (RT.COMMENTS, "comment"),
    ):
        for part in _related_parts(main, reltype):
            root = etree.fromstring(part.blob)
            pw = _Walker(out, str(part.partname).lstrip("/"), chunk_reader(part))
            walked.append(pw.part)
            if kind in ("footnote", "endnote"):
                for note in root.findall(_q(kind)):
                    if note.get(_q("type")) in (
                        "separator",
                        "continuationSeparator",
                        "continuationNotice",
                    ):
                        continue
                    pw.body(note, kind)  # type: ignore[arg-type]
            elif kind == "comment":
                for comment in root.findall(_q("comment")):
                    pw.body(comment, "comment", author=comment.get(_q("author")))
            else:
                pw.body(root, kind)  # type: ignore[arg-type]
            deletions.extend(pw.deletions)
            walker.unread.extend(pw.unread)

    for text, where in deletions:
        out.newline()
        out.add(text, "deletion", tracked="deletion", **where)
    truncated = _add_extras(out, main.package, frozenset(walked))

    text = "".join(out.parts)
    if not text.strip():
        raise IngestError(ErrorCode.EMPTY, f"{source}: the Word document contains no text")
    document = Document(
        source=source,
        sha256=hashlib.sha256(data).hexdigest(),
        format="docx",
        text=text,
        blocks=out.blocks,
        body_end=body_end,
    )
    document.warnings.extend(
        unread_warnings(walker.unread, embedded_parts(main.package), truncated)
    )
    return document


def _add_extras(out: _Builder, package: object, read: frozenset[str]) -> bool:
    """Hidden text (``docx_extras``) as lines after everything else: only pieces that can
    hold what the detectors find (a digit, a Chinese character, an @) and that are not in
    the text already in some written form (``fold``: a title wrapped over two lines is
    the same title). Returns whether the MAX_EXTRA_CHARS cap cut it short."""
    written = 0
    seen: str | None = None  # the folded text, made when first needed
    for kind, part, piece in extra_texts(package, read):  # type: ignore[arg-type]
        piece = visible(piece).strip()
        if not _DETECTABLE.search(piece):
            continue
        folded = fold(piece)
        seen = fold("".join(out.parts)) if seen is None else seen
        if not folded or folded in seen:
            continue
        if written + len(piece) > MAX_EXTRA_CHARS:
            return True
        written += len(piece)
        out.newline()
        out.add(piece, kind, part=part)
        seen += folded
    return False


_DETECTABLE = re.compile(r"[0-9０-９@＠\u3400-\u9fff\uf900-\ufaff]")


def _related_parts(main: Part, reltype: str) -> list[Part]:
    """Parts of one relationship type, in rId order, each once (sections share headers)."""
    found = [rel for rel in main.rels.values() if rel.reltype == reltype and not rel.is_external]

    def order(rel: _Relationship) -> tuple[int, str]:
        digits = "".join(ch for ch in rel.rId if ch.isdigit())
        return (int(digits) if digits else 0, rel.rId)

    seen: set[str] = set()
    parts: list[Part] = []
    for rel in sorted(found, key=order):
        part = rel.target_part
        if str(part.partname) not in seen:
            seen.add(str(part.partname))
            parts.append(part)
    return parts


class _Walker:
    """Walks one XML part, writing paragraphs, tables and text boxes in reading order."""

    def __init__(
        self,
        out: _Builder,
        part: str,
        chunks: Callable[[str], tuple[str, list[str] | None]] | None = None,
    ) -> None:
        self.out = out
        self.part = part
        self.chunks = chunks
        self.unread: list[str] = []  # altChunks of a type we do not read
        self.paragraph_index = 0
        self.table_index = 0
        self.deletions: list[tuple[str, dict[str, object]]] = []

    def body(self, container: etree._Element, kind: BlockKind, **extra: object) -> None:
        for child in container:
            tag = child.tag
            if tag == _q("p"):
                self.paragraph(child, kind, **extra)
            elif tag == _q("tbl"):
                self.table(child, kind)
            elif tag == _q("altChunk"):
                name, lines = self.chunk(child)
                for index, line in enumerate(lines):
                    self.out.newline()
                    self.out.add(line, kind, part=name, index=index, **extra)
            elif tag in _BLOCK_CONTAINERS:
                self.body(child, kind, **extra)

    def chunk(self, el: etree._Element) -> tuple[str, list[str]]:
        """An altChunk's part name and lines; a chunk we do not read is listed in
        ``unread`` and has none."""
        rid = el.get(f"{{{R}}}id") or ""
        name, lines = self.chunks(rid) if self.chunks is not None else (rid, None)
        if lines is None:
            self.unread.append(name)
            return name, []
        return name, lines

    def paragraph(self, p: etree._Element, kind: BlockKind, **where: object) -> None:
        index = self.paragraph_index
        self.paragraph_index += 1
        segments, boxes = self._paragraph_content(p)
        self.out.newline()
        for seg in segments:
            if seg.tracked == "deletion":
                self.deletions.append((seg.text, {"part": self.part, "index": index}))
                continue
            self.out.add(seg.text, kind, part=self.part, index=index, tracked=seg.tracked, **where)
        for box in boxes:
            self.body(box, "textbox")

    def table(self, tbl: etree._Element, kind: BlockKind) -> None:
        """A table row per line, cells joined by a tab; nested tables follow their cell."""
        table_index = self.table_index
        self.table_index += 1
        for r, tr in enumerate(tbl.iterfind(_q("tr"))):
            self.out.newline()
            nested: list[etree._Element] = []
            for c, tc in enumerate(self._cells(tr)):
                where: dict[str, object] = {
                    "part": self.part,
                    "table": table_index,
                    "row": r,
                    "col": c,
                }
                if c:
                    self.out.add("\t", "table_cell", **where)
                first = True
                for p in self._cell_paragraphs(tc, nested):
                    if p.tag == _q("altChunk"):
                        name, lines = self.chunk(p)
                        for line in lines:
                            if not first:
                                self.out.add("\n", "table_cell", **where)
                            first = False
                            self.out.add(line, "table_cell", **(where | {"part": name}))
                        continue
                    index = self.paragraph_index
                    self.paragraph_index += 1
                    segments, boxes = self._paragraph_content(p)
                    if not first:
                        self.out.add("\n", "table_cell", **where)
                    first = False
                    for seg in segments:
                        if seg.tracked == "deletion":
                            self.deletions.append((seg.text, {"part": self.part, "index": index}))
                            continue
                        self.out.add(
                            seg.text, "table_cell", index=index, tracked=seg.tracked, **where
                        )
                    nested.extend(boxes)
            for item in nested:
                if item.tag == _q("tbl"):
                    self.table(item, kind)
                else:
                    self.body(item, "textbox")

    @staticmethod
    def _cell_paragraphs(
        container: etree._Element, nested: list[etree._Element]
    ) -> Iterator[etree._Element]:
        """Paragraphs directly in a cell; nested tables are collected to follow the row."""
        for child in container:
            if child.tag in (_q("p"), _q("altChunk")):
                yield child
            elif child.tag == _q("tbl"):
                nested.append(child)
            elif child.tag in _BLOCK_CONTAINERS:
                yield from _Walker._cell_paragraphs(child, nested)

    @staticmethod
    def _cells(tr: etree._Element) -> Iterator[etree._Element]:
        for child in tr:
            if child.tag == _q("tc"):
                yield child
            elif child.tag in (_q("sdt"), _q("customXml")):
                yield from child.iter(_q("tc"))

    def _paragraph_content(self, p: etree._Element) -> tuple[list[_Segment], list[etree._Element]]:
        segments: list[_Segment] = []
        boxes: list[etree._Element] = []

        pieces: list[list[str]] = []  # per segment; joined once (+= on a long run is quadratic)

        def emit(text: str, tracked: Tracked | None) -> None:
            if not text:
                return
            if segments and segments[-1].tracked == tracked:
                pieces[-1].append(text)
            else:
                segments.append(_Segment(text, tracked))
                pieces.append([text])

        def walk(el: etree._Element, tracked: Tracked | None) -> None:
            for child in el:
                tag = child.tag
                if tag == _q("r"):
                    run(child, tracked)
                elif tag in _TRACKED:
                    walk(child, _TRACKED[tag])  # type: ignore[arg-type]
                elif tag in _INLINE_CONTAINERS or tag == _q("sdt"):
                    walk(child, tracked)
                elif tag == f"{{{MC}}}AlternateContent":
                    walk(_choose_alternative(child), tracked)

        def run(r: etree._Element, tracked: Tracked | None) -> None:
            for child in r:
                tag = child.tag
                if tag in (_q("t"), _q("delText")):
                    emit(visible(child.text or ""), tracked)
                elif tag in (_q("tab"), _q("ptab")):
                    emit("\t", tracked)
                elif tag in (_q("br"), _q("cr")):
                    if child.get(_q("type")) in (None, "textWrapping"):
                        emit("\n", tracked)
                elif tag == _q("noBreakHyphen"):
                    emit("-", tracked)
                elif tag == _q("sym"):
                    emit(_symbol(child), tracked)
                elif tag == f"{{{MC}}}AlternateContent":
                    boxes.extend(_text_boxes(_choose_alternative(child)))
                else:
                    boxes.extend(_text_boxes(child))

        walk(p, None)
        for segment, parts in zip(segments, pieces, strict=True):
            segment.text = "".join(parts)
        return segments, boxes


def _choose_alternative(ac: etree._Element) -> etree._Element:
    """Take one branch of mc:AlternateContent (Choice first), never both: they duplicate."""
    choice = ac.find("mc:Choice", NS)
    if choice is not None:
        return choice
    fallback = ac.find("mc:Fallback", NS)
    return fallback if fallback is not None else ac


def _text_boxes(el: etree._Element) -> Iterable[etree._Element]:
    """Outermost w:txbxContent elements under ``el`` (shapes, DrawingML and VML)."""
    found = []
    for box in el.iter(_q("txbxContent")):
        parent = box.getparent()
        nested = False
        while parent is not None and parent is not el:
            if parent.tag == _q("txbxContent"):
                nested = True
                break
            if parent.tag == f"{{{MC}}}Fallback" and el.find(".//mc:Choice", NS) is not None:
                nested = True  # the VML fallback repeats the DrawingML text box
                break
            parent = parent.getparent()
        if not nested:
            found.append(box)
    return found


def _symbol(sym: etree._Element) -> str:
    code = sym.get(_q("char")) or ""
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    if 0xF000 <= value <= 0xF0FF:  # symbol-font private-use range: not meaningful text
        return ""
    return chr(value)
