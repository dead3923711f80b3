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

Pages without a usable text layer (scans, glyphs without a Unicode mapping) are reported:
a wholly scanned PDF is an error (``no_text_layer``), a partly scanned one carries a
warning naming the pages, so it is never passed as clean.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

from pipeline.document import BBox, Block, CharBox, Document
from pipeline.ingest.errors import ErrorCode, IngestError
from pipeline.ingest.pdf_streams import StreamTooLarge
from pipeline.metadata import is_date_line, looks_like_agency

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

    def char(self, c: Char, page: int) -> None:
        # A drawn soft hyphen (U+00AD) is a visible hyphen on the page ("2014­2020").
        self.parts.append(c["text"].replace("\u00ad", "-"))
        box = CharBox(page, BBox(c["x0"], c["top"], c["x1"], c["bottom"]))
        self.boxes.extend([box] * len(c["text"]))
        self.length += len(c["text"])

    def synthetic(self, text: str) -> None:
        self.parts.append(text)
        self.boxes.extend([None] * len(text))
        self.length += len(text)


def read_pdf(path: Path, data: bytes, source: str) -> Document:
    """Read a PDF with a text layer into a Document with per-character page boxes."""
    try:
        pdf = pdfplumber.open(io.BytesIO(data))  # the bytes checked, not the path again
    except Exception as exc:  # pdfplumber wraps pdfminer's errors in PdfminerException
        raise _classify(source, exc) from exc
    with pdf:
        try:
            pages = list(pdf.pages)
            if not pages:
                raise IngestError(ErrorCode.EMPTY, f"{source}: the PDF has no pages")
            items: list[_Line | _Table] = []
            furniture: list[_Line] = []
            scanned: list[int] = []
            table_count = 0
            for page in pages:
                page_items, page_furniture, ok = _read_page(page, table_count)
                table_count += sum(1 for it in page_items if isinstance(it, _Table))
                if not ok:
                    scanned.append(page.page_number)
                items.extend(page_items)
                furniture.extend(page_furniture)
        except IngestError:
            raise
        except Exception as exc:
            raise _classify(source, exc) from exc

    if len(scanned) == len(pages):
        raise IngestError(
            ErrorCode.NO_TEXT_LAYER,
            f"{source}: none of its {len(pages)} page(s) has a text layer (a scan or image-only "
            "PDF); run OCR or export the PDF from the original document, then submit it again",
        )
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
        sha256=hashlib.sha256(data).hexdigest(),
        format="pdf",
        text=text,
        blocks=out.blocks,
        body_end=body_end,
        pages=len(pages),
        char_boxes=out.boxes,
    )
    if scanned:
        doc.warnings.append(
            {
                "code": "partial_text_layer",
                "pages": scanned,
                "message": f"page(s) {', '.join(map(str, scanned))} of {len(pages)} have no text "
                "layer (scanned images): their content was not read and must be checked by hand",
            }
        )
    return doc


def _classify(source: str, exc: BaseException) -> IngestError:
    """Encrypted or damaged: pdfminer's exception may be wrapped in pdfplumber's."""
    inner: BaseException = exc
    if exc.args and isinstance(exc.args[0], BaseException):
        inner = exc.args[0]
    if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)):
        return _encrypted(source)
    if isinstance(inner, StreamTooLarge):
        return IngestError(ErrorCode.TOO_LARGE, f"{source}: the PDF is too large to read: {inner}")
    text = f"{type(inner).__name__} {inner}".lower()
    if "password" in text or "encrypt" in text:
        return _encrypted(source)
    return _corrupt(source, inner)


def _encrypted(source: str) -> IngestError:
    return IngestError(
        ErrorCode.ENCRYPTED,
        f"{source}: the PDF is password-protected; ask the drafter for an unprotected copy",
    )


def _corrupt(source: str, exc: BaseException) -> IngestError:
    return IngestError(
        ErrorCode.CORRUPT,
        f"{source}: the PDF is damaged or truncated ({type(exc).__name__}: {exc}); "
        "export it again from the original document",
    )


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

    lines = _lines(chars, number)
    height = float(page.height)
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
    return items, furniture, True


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


def _is_alnum(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ".,-_@/")


# Characters that may not start a line (Chinese line-breaking rules, 避头点): a wrap
# carries them to the next line together with the character before them.
_NO_LINE_START = set("，。、；：？！”’）》」』】〕〉…—·%‰℃,.;:?!)]}")


def _write_line(out: _Out, line: _Line) -> None:
    """Write a line's characters, adding a space where a gap separates two words."""
    prev: Char | None = None
    for c in line.chars:
        if prev is not None and c["text"].strip() and prev["text"].strip():
            gap = c["x0"] - prev["x1"]
            threshold = 0.15 if _is_alnum(prev["text"][-1]) and _is_alnum(c["text"][0]) else 0.6
            if gap > threshold * line.size:
                out.synthetic(" ")
        out.char(c, line.page)
        prev = c


def _line_box(line: _Line) -> BBox:
    return BBox(line.x0, line.top, line.x1, line.bottom)


def _first_unit_width(line: _Line) -> float:
    """Width of what a line breaker must move as one piece: an alphanumeric run, or a
    character with the punctuation that may not start a line."""
    chars = line.chars
    first = chars[0]
    alnum = _is_alnum(first["text"][:1])
    end = first["x1"]
    for c in chars[1:]:
        ch = c["text"][:1]
        if (alnum and _is_alnum(ch)) or ch in _NO_LINE_START:
            end = c["x1"]
            continue
        break
    return float(end - first["x0"])


def _joins(prev: _Line, nxt: _Line, left: float, right: float) -> bool:
    """Whether ``nxt`` continues the paragraph of ``prev`` (a visual wrap)."""
    if nxt.chars[0]["text"].isspace() or abs(prev.size - nxt.size) > 0.15 * prev.size:
        return False
    center = (left + right) / 2
    centered = abs((nxt.x0 + nxt.x1) / 2 - center) < nxt.size and nxt.x0 > left + nxt.size
    if centered:
        # A centered title wrapped over lines: the first line spans (nearly) the whole width.
        prev_centered = abs((prev.x0 + prev.x1) / 2 - center) < prev.size
        return prev_centered and right - prev.x1 < 3 * prev.size
    if nxt.x0 > left + 0.9 * nxt.size:
        return False  # indented: a new paragraph
    if prev.x0 > left + 2.5 * prev.size:
        return False  # a right-aligned or free-standing piece (masthead 文件, signature)
    room = right - max(c["x1"] for c in prev.chars)  # a trailing space takes room too
    return room < _first_unit_width(nxt) + 0.1 * nxt.size


def _write_flow(out: _Out, items: list[_Line | _Table]) -> None:
    lines = [it for it in items if isinstance(it, _Line)]
    margins: dict[int, tuple[float, float]] = {}
    for page in {ln.page for ln in lines}:
        page_lines = [ln for ln in lines if ln.page == page]
        long = [ln for ln in page_lines if len(ln.chars) >= 8] or page_lines
        xs0 = sorted(ln.x0 for ln in long)
        xs1 = sorted(ln.x1 for ln in long)
        margins[page] = (xs0[len(xs0) // 10], xs1[min(len(xs1) - 1, (len(xs1) * 9) // 10)])

    standalone = _signature_block(lines)
    prev: _Line | None = None
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
                id(line) not in standalone
                and id(prev) not in standalone
                and _joins(prev, line, left, right)
            ):
                if line.page != prev.page:
                    close_block(prev)
                    block_box = None
                if line.page != prev.page:
                    block_start = out.length
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
        prev = line
    close_block(prev)


def _signature_block(lines: list[_Line]) -> set[int]:
    """Lines of a 发文机关署名 block: 1-4 short organ names right above a date-only line
    (GB/T 9704). They never continue the paragraph above them, however close to the
    margin that paragraph's last line ends."""
    marked: set[int] = set()
    for i, line in enumerate(lines):
        if not is_date_line(line.text):
            continue
        marked.add(id(line))
        j = i - 1
        while j >= 0 and i - j <= 4 and looks_like_agency(lines[j].text):
            marked.add(id(lines[j]))
            j -= 1
    return marked


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
