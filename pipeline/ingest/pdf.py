"""PDF reader: text in reading order, and the page box of every character.

We build the text from ``page.chars`` rather than ``extract_text()``: pdfplumber inserts
line breaks at every visual wrap, so a title or a 身份证号 wrapped across lines would not
be a substring of the text. Lines are clustered by baseline and ordered by x; wrapped
lines are joined back into paragraphs when the previous line had no room for the next
line's first word, without a separator (Chinese word processors break inside digit runs,
and a space there would split a 身份证号; a space the PDF draws is kept); tables (found only on pages with ruling lines) are read row by row,
cell by cell, so a number wrapped inside a narrow cell comes out whole. Each character
of ``Document.text`` keeps its page + bbox in ``Document.char_boxes`` for redaction;
characters we add (line joins, separators) have none.

Pages without a usable text layer (scans, glyphs without a Unicode mapping) are read by
OCR (:mod:`pipeline.ingest.scanned`), page by page, and their characters laid out by the
same rules; with OCR off they are reported: a wholly scanned PDF is an error
(``no_text_layer``), a partly scanned one carries a warning naming the pages, so it is
never passed as clean.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber

from pipeline.document import BBox, Block, CharBox, Document
from pipeline.ingest.errors import ErrorCode, IngestError
from pipeline.ingest.paragraphs import starts_paragraph
from pipeline.ingest.pdf_errors import classify as _classify
from pipeline.ingest.pdf_extras import add_pdf_extras
from pipeline.ingest.pdf_rules import (
    body_margins,
    broke_at_space,
    centred_wrap,
    first_unit_width,
    is_alnum,
    red_break,
    running_lines,
    signature_block,
    signature_piece,
    text_right,
)
from pipeline.ingest.scanned import OcrOptions, OcrReport, nothing_recognised, ocr_pdf_pages

Char = dict[str, Any]

_PAGE_NUMBER = re.compile(
    r"^[\s\-—–－·•]*(?:[0-9０-９]+|第\s*[0-9０-９]+\s*页(?:\s*[，,/]?\s*共\s*[0-9０-９]+\s*页)?)"
    r"[\s\-—–－·•]*$"
)
_UNMAPPED = re.compile(r"\(cid:\d+\)")


@dataclass
class _Line:
    chars: list[Char]
    baseline: float
    size: float
    page: int
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    width: float = 0.0  # the page's width (0: unknown, as on OCR'd pages)

    def finish(self) -> _Line:
        self.chars.sort(key=lambda c: c["x0"])
        ink = [c for c in self.chars if c["text"].strip()] or self.chars
        self.x0 = ink[0]["x0"]
        self.x1 = max(c["x1"] for c in ink)
        self.top = min(c["top"] for c in self.chars)
        self.bottom = max(c["bottom"] for c in self.chars)
        return self

    @property
    def text(self) -> str:
        return "".join(c["text"] for c in self.chars)


@dataclass
class _Table:
    page: int
    top: float
    index: int
    rows: list[list[tuple[tuple[float, float, float, float] | None, list[_Line]]]]


@dataclass
class _Out:
    parts: list[str] = field(default_factory=list)
    boxes: list[CharBox | None] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    length: int = 0
    confidence: list[float | None] = field(default_factory=list)  # OCR'd characters only

    def char(self, c: Char, page: int) -> None:
        # A drawn soft hyphen (U+00AD) is a visible hyphen on the page ("2014­2020").
        self.parts.append(c["text"].replace("\u00ad", "-"))
        # An OCR'd character was laid out straightened; its box is where the scan has it.
        box = CharBox(page, BBox(*(c.get("page_box") or (c["x0"], c["top"], c["x1"], c["bottom"]))))
        self.boxes.extend([box] * len(c["text"]))
        self.confidence.extend([c.get("confidence")] * len(c["text"]))
        self.length += len(c["text"])

    def synthetic(self, text: str) -> None:
        self.parts.append(text)
        self.boxes.extend([None] * len(text))
        self.confidence.extend([None] * len(text))
        self.length += len(text)


def read_pdf(path: Path, data: bytes, source: str, ocr: OcrOptions | None = None) -> Document:
    """Read a PDF into a Document with per-character page boxes; pages without a text
    layer are read by OCR unless ``ocr`` is None or disabled."""
    try:
        pdf = pdfplumber.open(io.BytesIO(data))  # the bytes checked, not the path again
    except Exception as exc:  # pdfplumber wraps pdfminer's errors in PdfminerException
        raise _classify(source, exc) from exc
    with pdf:
        try:
            pages = list(pdf.pages)
            if not pages:
                raise IngestError(ErrorCode.EMPTY, f"{source}: the PDF has no pages")
            per_page: list[tuple[list[_Line | _Table], list[_Line]]] = []
            scanned: list[int] = []
            geometry: dict[int, tuple[float, float, float]] = {}
            table_count = 0
            for page in pages:
                page_items, page_furniture, ok = _read_page(page, table_count)
                table_count += sum(1 for it in page_items if isinstance(it, _Table))
                if not ok:
                    scanned.append(page.page_number)
                    crop = page.cropbox
                    geometry[page.page_number] = (crop[0], crop[1], float(page.height))
                per_page.append((page_items, page_furniture))
        except IngestError:
            raise
        except Exception as exc:
            raise _classify(source, exc) from exc

    report: OcrReport | None = None
    if scanned and ocr is not None and ocr.enabled:
        chars, report = ocr_pdf_pages(data, scanned, geometry, source, ocr)
        for number, page_chars in chars.items():
            items, furniture = layout_page(page_chars, [], number, geometry[number][2])
            per_page[number - 1] = (items, furniture)
        scanned = []
    if len(scanned) == len(pages):
        raise IngestError(
            ErrorCode.NO_TEXT_LAYER,
            f"{source}: none of its {len(pages)} page(s) has a text layer (a scan or image-only "
            "PDF); run OCR or export the PDF from the original document, then submit it again",
        )
    texts = [[it.text if isinstance(it, _Line) else "" for it in its] for its, _ in per_page]
    for p, k in sorted(running_lines(texts), reverse=True):  # to the furniture, heads atop
        line = per_page[p][0].pop(k)
        if isinstance(line, _Line):
            line.top = -line.top - 1 if k == 0 else line.top
            per_page[p][1].append(line)
    items = [it for page_items, _ in per_page for it in page_items]
    furniture = [ln for _, page_furniture in per_page for ln in page_furniture]
    doc = assemble(items, furniture, source, hashlib.sha256(data).hexdigest(), len(pages))
    if report is not None:
        doc.ocr = report.to_dict()
        if not doc.text.strip():
            raise nothing_recognised(source, len(pages))
    if scanned:
        doc.warnings.append(
            {
                "code": "partial_text_layer",
                "pages": scanned,
                "message": f"第 {'、'.join(map(str, scanned))} 页（共 {len(pages)} 页）没有文字层"
                "（扫描图像）：其内容未读取，须人工检查",
            }
        )
    add_pdf_extras(doc, data)  # attachments (text ones read after the pages), scripts
    return doc


def assemble(
    items: list[_Line | _Table],
    furniture: list[_Line],
    source: str,
    sha256: str,
    pages: int,
    fmt: str = "pdf",
) -> Document:
    """The Document of laid-out pages: the flow, then page-number lines as furniture."""
    out = _Out()
    _write_flow(out, items)
    body_end = out.length
    for line in furniture:
        out.synthetic("\n")
        start = out.length
        for c in line.chars:
            out.char(c, line.page)
        out.blocks.append(
            Block(
                start,
                out.length,
                "footer" if line.top > 0 else "header",
                page=line.page,
                bbox=_line_box(line),
            )
        )
    text = "".join(out.parts)
    doc = Document(
        source=source,
        sha256=sha256,
        format="image" if fmt == "image" else "pdf",
        text=text,
        blocks=out.blocks,
        body_end=body_end,
        pages=pages,
        char_boxes=out.boxes,
    )
    if any(c is not None for c in out.confidence):
        doc.char_confidence = out.confidence
    return doc


def _read_page(page: Any, table_offset: int) -> tuple[list[_Line | _Table], list[_Line], bool]:
    """Lines and tables of one page in reading order, the page-number lines, and whether
    the page has a usable text layer."""
    number = page.page_number
    chars = [c for c in page.dedupe_chars().chars if c["text"]]
    ink = [c for c in chars if c["text"].strip()]
    unmapped = sum(1 for c in ink if _UNMAPPED.fullmatch(c["text"]))
    if not ink or unmapped > 0.2 * len(ink):
        # Blank pages (no ink, no images) are fine; pages of images or unmapped glyphs are not.
        has_images = bool(page.images) or bool(unmapped)
        return [], [], not has_images
    chars = [c for c in chars if not _UNMAPPED.fullmatch(c["text"])]
    tables: list[_Table] = []
    if page.edges:
        for ti, table in enumerate(page.find_tables()):
            tables.append(_Table(number, table.bbox[1], table_offset + ti, []))
            x0, top, x1, bottom = table.bbox
            inside = [c for c in chars if _center_in(c, (x0, top, x1, bottom))]
            taken: set[int] = set()
            for row in table.rows:
                cells: list[tuple[tuple[float, float, float, float] | None, list[_Line]]] = []
                for cell in row.cells:
                    if cell is None:
                        cells.append((None, []))
                        continue
                    cell_chars = [c for c in inside if id(c) not in taken and _center_in(c, cell)]
                    taken.update(id(c) for c in cell_chars)
                    cells.append((cell, _lines(cell_chars, number)))
                tables[-1].rows.append(cells)
            chars = [c for c in chars if id(c) not in taken]
    items, furniture = layout_page(chars, tables, number, float(page.height), float(page.width))
    return items, furniture, True


def layout_page(
    chars: list[Char], tables: list[_Table], number: int, height: float, width: float = 0.0
) -> tuple[list[_Line | _Table], list[_Line]]:
    """A page's lines and tables in reading order, and its page-number lines; OCR'd pages
    come here with their characters in points (and no tables: scans have no rulings) and
    without the page's ``width`` (0: a scan's text block is not set in its middle)."""
    lines = _lines(chars, number)
    for line in lines:
        line.width = width
    furniture = [
        ln
        for ln in lines
        if _PAGE_NUMBER.match(ln.text) and (ln.top > 0.85 * height or ln.bottom < 0.1 * height)
    ]
    for ln in furniture:
        if ln.bottom < 0.1 * height:
            ln.top = -ln.top - 1  # marks a header line (see read_pdf)
    body = [ln for ln in lines if ln not in furniture and ln.text.strip()]
    items: list[_Line | _Table] = [*body, *tables]
    items.sort(key=lambda it: it.top)
    return items, furniture


def _center_in(c: Char, box: tuple[float, float, float, float]) -> bool:
    cx = (c["x0"] + c["x1"]) / 2
    cy = (c["top"] + c["bottom"]) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def _lines(chars: list[Char], page: int) -> list[_Line]:
    """Cluster characters into lines by baseline (robust to mixed fonts and quotes)."""

    def baseline(c: Char) -> float:
        matrix = c.get("matrix")
        return -float(matrix[5]) if matrix else float(c["bottom"])

    lines: list[_Line] = []
    for c in sorted(chars, key=baseline):
        b = baseline(c)
        size = float(c.get("size") or (c["bottom"] - c["top"]) or 10.0)
        if lines and abs(lines[-1].baseline - b) <= 0.3 * max(lines[-1].size, size):
            lines[-1].chars.append(c)
            continue
        lines.append(_Line([c], b, size, page))
    for ln in lines:
        sizes = [float(c.get("size") or 0) for c in ln.chars if c["text"].strip()]
        ln.size = max(set(sizes), key=sizes.count) if sizes else ln.size
        ln.finish()
    lines.sort(key=lambda ln: ln.top)
    return lines


def _write_line(out: _Out, line: _Line) -> None:
    """Write a line's characters, adding a space where a gap separates two words."""
    prev: Char | None = None
    for c in line.chars:
        if prev is not None and c["text"].strip() and prev["text"].strip():
            gap = c["x0"] - prev["x1"]
            threshold = 0.15 if is_alnum(prev["text"][-1]) and is_alnum(c["text"][0]) else 0.6
            if gap > threshold * line.size:
                out.synthetic(" ")
        out.char(c, line.page)
        prev = c


def _line_box(line: _Line) -> BBox:
    return BBox(line.x0, line.top, line.x1, line.bottom)


def _pushed(line: _Line, left: float) -> bool:
    """A line set right by spaces drawn from the margin (a 落款 typed "　　　…某某局"):
    unlike a right-aligned piece it wraps like any paragraph ("…太原市生态环" / "境局")."""
    first = line.chars[0]
    spaced = first["text"].isspace() and first["x0"] < left + 0.5 * line.size
    return spaced and line.x0 > left + 2.5 * line.size  # more than a paragraph's indent


def _joins(prev: _Line, nxt: _Line, left: float, right: float) -> bool:
    """Whether ``nxt`` continues the paragraph of ``prev`` (a visual wrap)."""
    if nxt.chars[0]["text"].isspace() or abs(prev.size - nxt.size) > 0.15 * prev.size:
        return False
    if red_break(prev.chars[-1], nxt.chars[0]):
        return False
    if nxt.page == prev.page and nxt.top - prev.bottom > 1.5 * prev.size:
        return False  # an empty line between them: a paragraph break, not a wrap
    center = (left + text_right(left, right, nxt.width)) / 2
    centered = abs((nxt.x0 + nxt.x1) / 2 - center) < nxt.size and nxt.x0 > left + nxt.size
    if centered:  # a centred title wrapped over lines (pdf_rules.centred_wrap)
        return centred_wrap(
            prev.chars, (prev.x0, prev.x1), first_unit_width(nxt.chars), (left, right), prev.width
        )
    if nxt.x0 > left + 0.9 * nxt.size:
        return False  # indented: a new paragraph
    if prev.x0 > left + 2.5 * prev.size and not _pushed(prev, left):
        return False  # a right-aligned or free-standing piece (masthead 文件, signature)
    room = right - max(c["x1"] for c in prev.chars)  # a trailing space takes room too
    if "page_box" in prev.chars[-1] and is_alnum(prev.text[-1]) and is_alnum(nxt.text[0]):
        room -= prev.size  # OCR'd: a full-width space ending the line is invisible
    # Word processors space Chinese from Western characters (about a fifth of an em):
    # "…2024年10月09" leaves room for 日 but not for 日 and that space.
    spaced = is_alnum(prev.text[-1]) != is_alnum(nxt.text[0])
    return room < first_unit_width(nxt.chars) + (0.35 if spaced else 0.1) * nxt.size


def _write_flow(out: _Out, items: list[_Line | _Table]) -> None:
    lines = [it for it in items if isinstance(it, _Line)]
    margins = body_margins([(ln.page, ln.x0, ln.x1, len(ln.chars), ln.size) for ln in lines])

    standalone = {id(lines[i]) for i in signature_block([ln.text for ln in lines])}
    prev: _Line | None = None
    first: _Line | None = None  # the first line of the current paragraph
    block_start = 0
    block_box: BBox | None = None

    def close_block(line: _Line | None) -> None:
        if line is not None and out.length > block_start:
            out.blocks.append(
                Block(block_start, out.length, "paragraph", page=line.page, bbox=block_box)
            )

    for item in items:
        if isinstance(item, _Table):
            close_block(prev)
            prev = None
            _write_table(out, item)
            continue
        line = item
        if prev is not None:
            left, right = margins[prev.page]
            if line.page != prev.page:
                left, right = margins[line.page]
            if (
                (
                    not {id(line), id(prev)} & standalone
                    or (_pushed(prev, left) and signature_piece(prev.text, line.text))
                )
                and _joins(prev, line, left, right)
                and not starts_paragraph(first.text if first else "", prev.text, line.text)
            ):
                if line.page != prev.page:
                    close_block(prev)
                    block_box = None
                if line.page != prev.page:
                    block_start = out.length
                elif broke_at_space(prev.text, line.text, right - prev.x1, prev.size):
                    out.synthetic(" ")
                _write_line(out, line)
                block_box = (
                    _line_box(line) if block_box is None else block_box.union(_line_box(line))
                )
                prev = line
                continue
            close_block(prev)
        if out.length:
            out.synthetic("\n")
        block_start = out.length
        block_box = _line_box(line)
        _write_line(out, line)
        prev = first = line
    close_block(prev)


def _write_table(out: _Out, table: _Table) -> None:
    for r, row in enumerate(table.rows):
        if out.length:
            out.synthetic("\n")
        for col, (cell, lines) in enumerate(row):
            if col:
                out.synthetic("\t")
            start = out.length
            for line in lines:
                _write_line(out, line)
            if cell is not None and out.length > start:
                out.blocks.append(
                    Block(
                        start,
                        out.length,
                        "table_cell",
                        table=table.index,
                        row=r,
                        col=col,
                        page=table.page,
                        bbox=BBox(*cell),
                    )
                )
