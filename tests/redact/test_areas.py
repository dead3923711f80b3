"""Boxes a reviewer drew on page images (``Area``): the redacted copy has them black, on a
text PDF (the page rasterised, the characters under the box gone from its text layer,
the others kept) and on a scanned PDF (burned into the page image, the OCR check of
the copy still run); an area on a page the file does not have, or on a format without
pages, is refused; the review app's page image outlines what the copy removes."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pdfplumber
import pypdfium2 as pdfium
import pytest
from PIL import Image

from pipeline.config import Settings
from pipeline.document import Document
from pipeline.fonts import find_cjk_font
from pipeline.ingest import ingest_file
from pipeline.redact.copies import redacted_copy
from pipeline.redact.page_views import page_frames, render_page, span_boxes
from pipeline.redact.spans import Area, area_of
from pipeline.scan import analyse
from tests.conftest import SAMPLES
from tests.fixtures.scans import scanned_reply

PDF = SAMPLES / "大塘镇耕地地力保护补贴公示（第二批）.pdf"
TXT = SAMPLES / "清城住建依复〔2024〕31号 答复书（GB18030）.txt"
DPI = 100


def _read(path: Path) -> tuple[Document, bytes]:
    document, data, error = ingest_file(path, Settings())
    assert document is not None and data is not None, error
    return document, data


def _unique_piece(
    document: Document, page: int, length: int = 6, after: int = 0
) -> tuple[int, str]:
    """An offset (from ``after`` on) and a run of ``length`` CJK characters on ``page``
    that the text holds once."""
    text = document.text
    boxes = document.char_boxes or []
    for start in range(after, len(text) - length):
        piece = text[start : start + length]
        on_page = all(b is not None and b.page == page for b in boxes[start : start + length])
        cjk = all("\u4e00" <= c <= "\u9fff" for c in piece)
        one_line = on_page and len(document.boxes_for(start, start + length)) == 1
        if cjk and one_line and text.count(piece) == 1:
            return start, piece
    raise AssertionError("no unique run of characters on the page")


def _area_over(document: Document, start: int, end: int, label: str = "PERSON") -> Area:
    pieces = document.boxes_for(start, end)
    assert len(pieces) == 1, pieces  # one line
    page, box = pieces[0]
    return Area(page, box.x0 - 1, box.top - 1, box.x1 + 1, box.bottom + 2, label)


def _dark_share(data: bytes, area: Area, origin: tuple[float, float]) -> float:
    """The share of near-black pixels inside the area on the copy's rendered page."""
    pdf = pdfium.PdfDocument(data)
    image = pdf[area.page - 1].render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
    pdf.close()
    scale = DPI / 72
    crop = image.crop(
        (
            int((area.x0 - origin[0]) * scale) + 2,
            int((area.top - origin[1]) * scale) + 2,
            int((area.x1 - origin[0]) * scale) - 2,
            int((area.bottom - origin[1]) * scale) - 2,
        )
    )
    return float((np.asarray(crop) < 40).mean())


def _page_text(data: bytes, page: int) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "".join((pdf.pages[page - 1].extract_text() or "").split())


def test_an_area_on_a_text_pdf_is_black_and_its_characters_are_gone(tmp_path: Path) -> None:
    document, data = _read(PDF)
    start, piece = _unique_piece(document, 1)
    area = _area_over(document, start, start + len(piece))
    _, kept = _unique_piece(document, 1, after=start + 40)
    copy = redacted_copy(document, data, [], areas=[area])
    frame = page_frames(data, "pdf")[0]
    assert _dark_share(copy, area, (frame.x0, frame.top)) > 0.97
    text = _page_text(copy, 1)
    assert piece not in text
    assert kept in text  # the rest of the page still searches and copies


def test_an_area_on_a_scanned_pdf_is_burned_in(tmp_path: Path) -> None:
    if find_cjk_font() is None:
        pytest.skip("no CJK font (fonts-wqy-zenhei) to draw the page")
    scan = scanned_reply(tmp_path)[1]
    document, data = _read(scan)
    assert document.ocr_pages == [1]
    start, piece = _unique_piece(document, 1, 4)
    area = _area_over(document, start, start + len(piece), "ADDRESS")
    spans = analyse(document).redactions
    copy = redacted_copy(document, data, spans, areas=[area])  # the OCR check passes
    frame = page_frames(data, "pdf")[0]
    assert _dark_share(copy, area, (frame.x0, frame.top)) > 0.97
    assert piece not in _page_text(copy, 1)  # nor in the invisible text layer


def test_areas_off_the_page_or_on_a_format_without_pages_are_refused() -> None:
    document, data = _read(PDF)
    with pytest.raises(ValueError, match="文件只有"):
        redacted_copy(document, data, [], areas=[Area(9, 10, 10, 60, 60, "PERSON")])
    text, raw = _read(TXT)
    with pytest.raises(ValueError, match="只能用于 PDF"):
        redacted_copy(text, raw, [], areas=[Area(1, 10, 10, 60, 60, "PERSON")])
    flipped = area_of({"page": 1, "box": [60, 70, 10, 20], "label": "PERSON"})
    assert (flipped.x0, flipped.top, flipped.x1, flipped.bottom) == (10, 20, 60, 70)


def test_the_page_image_outlines_what_the_copy_removes() -> None:
    document, data = _read(PDF)
    spans = analyse(document).redactions
    boxes = span_boxes(document, spans)
    assert boxes, "the sample has proposals on its pages"
    page = min(boxes)
    frame = page_frames(data, "pdf")[page - 1]
    plain = Image.open(io.BytesIO(render_page(data, "pdf", frame, [])))
    marked = Image.open(io.BytesIO(render_page(data, "pdf", frame, boxes[page])))
    assert plain.size == marked.size
    expected = (frame.width * DPI / 72, frame.height * DPI / 72)
    assert all(abs(got - want) <= 1 for got, want in zip(plain.size, expected, strict=True))
    box = boxes[page][0]
    scale = DPI / 72
    edge = (int((box.x0 - frame.x0) * scale), int((box.top - frame.top) * scale) + 3)
    red, green, _blue = marked.convert("RGB").getpixel(edge)  # type: ignore[misc]
    assert red > 150 and green < 80  # the outline
    far = (2, 2)
    assert plain.convert("RGB").getpixel(far) == marked.convert("RGB").getpixel(far)


def test_an_area_on_an_image_file_is_burned_in_and_its_page_is_shown(tmp_path: Path) -> None:
    if find_cjk_font() is None:
        pytest.skip("no CJK font (fonts-wqy-zenhei) to draw the page")
    scan = scanned_reply(tmp_path)[1]
    pdf = pdfium.PdfDocument(scan)
    picture = pdf[0].render(scale=200 / 72, grayscale=True).to_pil().convert("L")
    pdf.close()
    png = tmp_path / "答复书.png"
    picture.save(png, dpi=(200, 200))
    document, data = _read(png)
    frame = page_frames(data, "image")[0]
    assert abs(frame.width - picture.width * 72 / 200) < 0.01
    shown = Image.open(io.BytesIO(render_page(data, "image", frame, [])))
    assert abs(shown.width - frame.width * DPI / 72) <= 1
    area = Area(1, 100, 300, 300, 330, "PERSON")
    copy = Image.open(io.BytesIO(redacted_copy(document, data, [], areas=[area]))).convert("L")
    scale = 200 / 72
    inside = copy.crop(
        (int(100 * scale) + 2, int(300 * scale) + 2, int(300 * scale) - 2, int(330 * scale) - 2)
    )
    assert float((np.asarray(inside) < 40).mean()) > 0.97
