"""The extracted form of one input file: its text and where every character came from.

Everything downstream (metadata, recognizers, redaction, the reviewers' view) works on
``Document.text`` with Python ``str`` offsets. Blocks tie offset ranges back to the
source (a paragraph of ``word/document.xml``, a table cell, a footnote, a PDF line), so
a redaction chosen on the text can later be applied to the right run or glyph.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal[
    "paragraph",  # body paragraph (docx) or reconstructed paragraph (pdf) or line (txt)
    "table_cell",
    "textbox",
    "header",
    "footer",
    "footnote",
    "endnote",
    "comment",
    "deletion",  # tracked deletion: no longer visible in Word, still in the file
    # text a file holds but does not print (read so that it is checked too):
    "hyperlink",  # a link's target (docx)
    "alt_text",  # a picture's or shape's alternative text (docx)
    "field_code",  # a quoted argument of a field code (docx)
    "custom_xml",  # a customXml data part (docx)
    "property",  # document properties and variables (docx)
    "part_text",  # a part not laid out as the body: a chart, SmartArt, a glossary (docx)
    "attachment",  # a file attached to a PDF
]

Tracked = Literal["insertion", "deletion"]


@dataclass(frozen=True, slots=True)
class BBox:
    """A box on a PDF page in points, origin top-left (pdfplumber's ``top``/``bottom``)."""

    x0: float
    top: float
    x1: float
    bottom: float

    def union(self, other: BBox) -> BBox:
        return BBox(
            min(self.x0, other.x0),
            min(self.top, other.top),
            max(self.x1, other.x1),
            max(self.bottom, other.bottom),
        )

    def as_list(self) -> list[float]:
        return [round(self.x0, 2), round(self.top, 2), round(self.x1, 2), round(self.bottom, 2)]


@dataclass(frozen=True, slots=True)
class CharBox:
    """Where one character of a PDF's text was drawn (1-based page number)."""

    page: int
    box: BBox


@dataclass(frozen=True, slots=True)
class Block:
    """A contiguous range of ``Document.text`` and the source it was read from.

    ``part`` and ``index`` identify the docx XML part and the paragraph's position in
    it; ``row``/``col`` a table cell; ``page``/``bbox`` the PDF region; ``tracked``
    marks text inside a tracked insertion or deletion (sensitive text hides there).
    """

    start: int
    end: int
    kind: BlockKind
    part: str | None = None
    index: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    page: int | None = None
    bbox: BBox | None = None
    tracked: Tracked | None = None
    author: str | None = None

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"start": self.start, "end": self.end, "kind": self.kind}
        for name in ("part", "index", "table", "row", "col", "page", "tracked", "author"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        if self.bbox is not None:
            out["bbox"] = self.bbox.as_list()
        return out


@dataclass(frozen=True, slots=True)
class Conversion:
    """How a file in an old format (.doc, .wps) was read: converted to ``to`` by ``by``;
    ``data`` is the converted file, which the text, blocks and copies refer to."""

    source_format: str
    to: str
    by: str
    data: bytes = field(repr=False)

    def to_dict(self) -> dict[str, str]:
        return {"from": self.source_format, "to": self.to, "by": self.by}


@dataclass(slots=True)
class Document:
    """Text of one file plus its provenance.

    ``body_end`` is where the main flow ends: after it come headers, footers, notes,
    comments and tracked deletions, each in its own blocks. Metadata is read from the
    body only; recognizers scan everything. ``converted`` is set for a .doc or .wps read
    through a conversion to .docx: the text and blocks refer to the converted file.
    body only; recognizers scan everything.

    Scanned pages and image files are read by OCR: ``ocr`` says which pages, with what
    mean confidence and in how long; ``char_confidence`` gives each character's
    recogniser confidence (None for characters of a text layer or added by the reader).
    """

    source: str
    sha256: str
    format: Literal["txt", "docx", "pdf", "ofd", "doc", "wps", "image"]
    text: str
    blocks: list[Block] = field(default_factory=list)
    body_end: int = 0
    encoding: str | None = None
    pages: int | None = None
    char_boxes: list[CharBox | None] | None = None
    warnings: list[dict[str, object]] = field(default_factory=list)
    converted: Conversion | None = None
    ocr: dict[str, object] | None = None
    char_confidence: list[float | None] | None = None

    @property
    def ocr_pages(self) -> list[int]:
        """1-based numbers of the pages read by OCR (empty for text documents)."""
        pages = self.ocr.get("pages") if self.ocr else None
        return [int(p) for p in pages] if isinstance(pages, list) else []

    @property
    def body(self) -> str:
        return self.text[: self.body_end]

    def blocks_at(self, start: int, end: int) -> Iterator[Block]:
        """Blocks overlapping ``[start, end)``, in text order."""
        for block in self.blocks:
            if block.start < end and start < block.end:
                yield block

    def boxes_for(self, start: int, end: int) -> list[tuple[int, BBox]]:
        """The page boxes covering ``text[start:end]`` of a PDF: one box per line piece.

        Characters the reader synthesised (line joins, inserted separators) have no box
        and are skipped. Empty for non-PDF documents.
        """
        if self.char_boxes is None:
            return []
        pieces: list[tuple[int, BBox]] = []
        for cb in self.char_boxes[start:end]:
            if cb is None:
                continue
            if pieces:
                page, box = pieces[-1]
                same_line = (
                    page == cb.page
                    and abs(box.top - cb.box.top) < 0.5 * (box.bottom - box.top)
                    and cb.box.x0 >= box.x0 - 1
                )
                if same_line:
                    pieces[-1] = (page, box.union(cb.box))
                    continue
            pieces.append((cb.page, cb.box))
        return pieces
