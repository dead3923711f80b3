"""Scanned pages as text: OCR of the PDF pages without a text layer, and of image files.

The PDF reader lays OCR'd characters out exactly as it lays out a text layer's (lines by
baseline, wrapped lines re-joined by the same rules), so a scanned page yields the same
kind of text, and every character keeps its page and box in PDF points for the
redactor and the review app. This module turns page images into such characters
(pdfplumber-like dictionaries with the recogniser's confidence), enforces the page
limit before any OCR starts (a 500-page scan would hold a worker for an hour), and says
what it did: which pages were read by OCR, their mean confidence, the time taken.

Progress goes to stderr, one line per page, when ``Settings.ocr_progress`` is set (the
CLI sets it when stderr is a terminal); workers inherit stderr, so it works in batches.
"""

from __future__ import annotations

import statistics
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from PIL import Image

from pipeline.document import Document
from pipeline.ingest.errors import ErrorCode, IngestError
from pipeline.ingest.ocr import ENGINE, LOW_CONFIDENCE, OcrPage, recognise
from pipeline.ingest.ocr_text import is_cjk
from pipeline.ingest.page_images import DPI, render_pdf_page

Char = dict[str, Any]
# Full-width marks whose ink fills half their em or less.
_MARKS = set("〔〕（）《》〈〉【】「」『』“”‘’，。、：；！？")


@dataclass(frozen=True)
class OcrOptions:
    """How scanned pages are read: ``enabled`` (else they stay unread, as before OCR),
    ``max_pages`` (more scanned pages than this: the file is refused ``too_large``),
    ``progress`` (a line per page on stderr)."""

    enabled: bool = True
    max_pages: int = 100
    progress: bool = False


@dataclass
class OcrReport:
    """What OCR did to one file, for the record: ``pages`` (1-based), ``confidence``
    (mean character confidence per page), ``angles`` (skew corrected, degrees), seconds."""

    pages: list[int] = field(default_factory=list)
    confidence: dict[int, float] = field(default_factory=dict)
    angles: dict[int, float] = field(default_factory=dict)
    seconds: float = 0.0
    corrections: list[dict[str, object]] = field(default_factory=list)

    def add(self, number: int, page: OcrPage) -> None:
        self.pages.append(number)
        mean = page.mean_confidence
        self.confidence[number] = round(mean, 4) if mean is not None else 0.0
        self.angles[number] = page.angle
        self.seconds += page.seconds
        self.corrections.extend({"page": number, **c} for c in page.corrections)

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "engine": ENGINE,
            "pages": list(self.pages),
            "mean_confidence": {str(n): c for n, c in self.confidence.items()},
            "skew_degrees": {str(n): a for n, a in self.angles.items() if a},
            "seconds": round(self.seconds, 2),
        }
        if self.corrections:  # characters of place names put right (ocr_places)
            out["place_names"] = list(self.corrections)
        return out


def check_page_limit(source: str, count: int, options: OcrOptions) -> None:
    if count > options.max_pages:
        raise IngestError(
            ErrorCode.TOO_LARGE,
            f"{source}: {count} scanned page(s) to read by OCR, over the limit of "
            f"{options.max_pages} (TRIAGE_MAX_OCR_PAGES; OCR takes ~5 s a page); "
            "split the file or raise the limit",
        )


def nothing_recognised(source: str, pages: int) -> IngestError:
    """A PDF without a text layer in which OCR found no text either."""
    return IngestError(
        ErrorCode.NO_TEXT_LAYER,
        f"{source}: no page has a text layer and OCR recognised no text on its {pages} "
        "page(s) (a picture, or a scan too faint to read); scan it again or export the PDF "
        "from the original document",
    )


def page_chars(page: OcrPage, scale: float, offset: tuple[float, float] = (0.0, 0.0)) -> list[Char]:
    """The page's characters as the PDF reader's character dictionaries, in points
    (``scale`` points per pixel, plus the crop box's origin): positions on the
    straightened page, and ``page_box`` on the page as scanned."""
    heights = [ln.chars[0].bottom - ln.chars[0].top for ln in page.lines if ln.chars]
    body = statistics.median(heights) if heights else 0.0
    out: list[Char] = []
    for line in page.lines:
        height = line.chars[0].bottom - line.chars[0].top
        # Lines of the body text differ by a few pixels: give them one size, so that the
        # re-joining of wrapped lines (which refuses a change of size) sees one paragraph.
        if body and abs(height - body) < 0.3 * body:
            height = body
        size = height * scale / 1.25  # a detected line box is ~1.25 em high
        em = size / scale
        for k, c in enumerate(line.chars):
            x0, top, x1, bottom = c.box
            # OCR boxes hug the ink, a text layer's boxes span the advance: a narrow glyph
            # (〔, 《, a comma) leaves a gap the layout would read as a space. A gap of
            # less than half an em next to a Chinese character, or up to 0.9 em next to a
            # Chinese mark (ink in half its em), is closed; gaps between digits or
            # letters are left to the layout's own rule.
            right = c.x1
            gap_char: tuple[float, float] | None = None
            if k + 1 < len(line.chars):
                nxt = line.chars[k + 1]
                gap = nxt.x0 - c.x1
                if c.text[-1] in _MARKS or nxt.text[0] in _MARKS:
                    limit = 0.9 * em
                elif c.text[-1].isdigit() and nxt.text[0].isdigit():
                    limit = 0.5 * em  # a number split over two boxes ("202 4年")
                else:
                    limit = 0.5 * em if is_cjk(c.text[-1]) or is_cjk(nxt.text[0]) else 0.0
                if 0 < gap < limit:
                    right = nxt.x0
                elif gap >= 0.8 * em:
                    # A gap of an em or more is what 公文 fill with full-width spaces
                    # (between table columns written as text, before a signature).
                    gap_char = (c.x1, nxt.x0)
            out.append(
                {
                    "text": c.text,
                    "x0": c.x0 * scale + offset[0],
                    "x1": right * scale + offset[0],
                    "top": c.top * scale + offset[1],
                    "bottom": c.bottom * scale + offset[1],
                    "size": size,
                    "confidence": c.confidence,
                    # Where the character is on the page as scanned (the layout above
                    # uses the straightened page, where lines are level).
                    "page_box": (
                        x0 * scale + offset[0],
                        top * scale + offset[1],
                        x1 * scale + offset[0],
                        bottom * scale + offset[1],
                    ),
                }
            )
            if gap_char is not None:
                out.append(
                    {
                        "text": "\u3000",
                        "x0": gap_char[0] * scale + offset[0],
                        "x1": gap_char[1] * scale + offset[0],
                        "top": c.top * scale + offset[1],
                        "bottom": c.bottom * scale + offset[1],
                        "size": size,
                        "confidence": None,
                    }
                )
    return out


def ocr_pdf_pages(
    data: bytes,
    numbers: Sequence[int],
    crops: Mapping[int, tuple[float, ...]],
    source: str,
    options: OcrOptions,
) -> tuple[dict[int, list[Char]], OcrReport]:
    """OCR the given 1-based pages of the PDF ``data``: characters per page in points
    (``crops`` starts with each page's crop-box origin, where the rendering starts)."""
    import pypdfium2 as pdfium

    check_page_limit(source, len(numbers), options)
    report = OcrReport()
    out: dict[int, list[Char]] = {}
    pdf = pdfium.PdfDocument(data)
    try:
        for i, number in enumerate(numbers, 1):
            page = pdf[number - 1]
            image = render_pdf_page(page, DPI)
            page.close()
            result = recognise(image)
            report.add(number, result)
            result.apply(report.corrections)  # those of the pages before it too
            origin = crops.get(number, (0.0, 0.0))
            out[number] = page_chars(result, 72 / DPI, (origin[0], origin[1]))
            _progress(options, source, i, len(numbers), number, result)
    finally:
        pdf.close()
    return out, report


def ocr_images(
    frames: Sequence[tuple[Image.Image, float]], source: str, options: OcrOptions
) -> tuple[dict[int, list[Char]], OcrReport, list[tuple[float, float]]]:
    """OCR the pages of an image file: characters per page in points at the image's
    resolution, the report, and each page's size in points."""
    check_page_limit(source, len(frames), options)
    report = OcrReport()
    out: dict[int, list[Char]] = {}
    sizes: list[tuple[float, float]] = []
    for number, (image, dpi) in enumerate(frames, 1):
        result = recognise(image)
        report.add(number, result)
        result.apply(report.corrections)
        out[number] = page_chars(result, 72 / dpi)
        sizes.append((image.width * 72 / dpi, image.height * 72 / dpi))
        _progress(options, source, number, len(frames), number, result)
    return out, report, sizes


def _progress(
    options: OcrOptions, source: str, done: int, total: int, number: int, page: OcrPage
) -> None:
    if not options.progress:
        return
    confidence = page.mean_confidence
    sys.stderr.write(
        f"  文字识别 {source}：第 {number} 页（{done}/{total}），"
        f"{page.seconds:.1f} 秒，平均置信度 {confidence if confidence is not None else 0:.2f}\n"
    )
    sys.stderr.flush()


def low_confidence(document: Document, start: int, end: int) -> list[dict[str, object]]:
    """The characters of ``text[start:end]`` the recogniser was unsure of (below
    :data:`~pipeline.ingest.ocr.LOW_CONFIDENCE`): a reviewer must check them on the page."""
    if document.char_confidence is None:
        return []
    return [
        {"offset": i, "char": document.text[i], "confidence": round(c, 3)}
        for i, c in enumerate(document.char_confidence[start:end], start)
        if c is not None and c < LOW_CONFIDENCE
    ]
