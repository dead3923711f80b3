"""Redacted copies of scanned PDFs and images: every proposed value is black on the page,
no OCR of the copy reads a value, no text layer or metadata holds one; a value still
readable stops the copy. (OCR results are cached per test session: tests/conftest.py.)"""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import numpy as np
import pdfplumber
import pikepdf
import pypdfium2 as pdfium
import pytest
from PIL import Image
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import Settings
from pipeline.document import BBox, Document
from pipeline.fonts import find_cjk_font
from pipeline.ingest import ingest_file
from pipeline.ingest.ocr import recognise
from pipeline.redact import pdf as pdf_redactor
from pipeline.redact.docx import values_of
from pipeline.redact.pdf import all_occurrences, find_values
from pipeline.redact.spans import Redaction
from pipeline.scan import analyse
from tests.fixtures.scans import REPLY_ID_NUMBER, REPLY_PHONE, scanned_reply

DPI = 200


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if find_cjk_font() is None:
        pytest.skip("no CJK font (fonts-wqy-zenhei) to draw the page")
    return scanned_reply(tmp_path_factory.mktemp("scan"))[1]


def squeeze(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _read(path: Path) -> tuple[Document, list[Redaction]]:
    document, _data, error = ingest_file(path, Settings())
    assert document is not None, error
    spans = all_occurrences(document.text, analyse(document).redactions)
    labels = {s.label for s in spans}
    assert {"ID_CARD", "PHONE"} <= labels, labels
    return document, spans


def _grey(image: Image.Image) -> Image.Image:
    return image.convert("L")


def _dark_share(image: Image.Image, box: BBox, scale: float) -> float:
    region = image.crop(
        (
            int(box.x0 * scale),
            int(box.top * scale),
            int(box.x1 * scale) + 1,
            int(box.bottom * scale) + 1,
        )
    )
    pixels = np.asarray(region)
    return float((pixels < 60).mean()) if pixels.size else 0.0


def test_redacted_scan_is_black_unreadable_and_holds_no_value(scan: Path, tmp_path: Path) -> None:
    document, spans = _read(scan)
    out = tmp_path / "公开版.pdf"
    result = CliRunner().invoke(app, ["redact", str(scan), "--out", str(out)])
    assert result.exit_code == 0, result.output
    copy = out.read_bytes()
    rendered = pdfium.PdfDocument(copy)
    page_image = _grey(rendered[0].render(scale=DPI / 72, grayscale=True).to_pil())
    rendered.close()
    # Every proposed value's boxes are black (pixel test on the rendered copy).
    for span in spans:
        for page, box in document.boxes_for(span.start, span.end):
            assert page == 1
            assert _dark_share(page_image, box, DPI / 72) > 0.97, (span, box)
    # No value readable by OCR of the copy.
    values = [v.text for v in values_of(document.text, spans)]
    text = squeeze(recognise(page_image).text)
    assert not [v for v in values if squeeze(v) in text]
    assert "政府信息公开申请答复书" in text  # the rest of the page still reads
    # No text layer or string holds a value; the kept characters still search.
    assert find_values(copy, values) == []
    with pdfplumber.open(io.BytesIO(copy)) as pdf:
        layer = "".join((p.extract_text() or "") for p in pdf.pages)
    assert not [v for v in values if squeeze(v) in squeeze(layer)]
    assert "政府信息公开申请答复书" in squeeze(layer)
    with pikepdf.open(io.BytesIO(copy)) as pdf:
        assert "陈嘉豪" not in str(pdf.docinfo.get("/Title", "")) + str(
            pdf.docinfo.get("/Author", "")
        )


def test_a_value_still_readable_on_the_page_stops_the_copy(
    scan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A redactor that forgot to paint: only OCR of the copy can tell (the text layer of
    the kept characters is clean), and nothing is written."""
    real = pdf_redactor._render_redacted
    monkeypatch.setattr(
        pdf_redactor,
        "_render_redacted",
        lambda page, boxes, crop, style: real(page, [], crop, style),
    )
    out = tmp_path / "公开版.pdf"
    result = CliRunner().invoke(app, ["redact", str(scan), "--out", str(out)])
    assert result.exit_code == 2 and "still readable" in result.output
    assert REPLY_ID_NUMBER in result.output or REPLY_PHONE in result.output
    assert not out.exists()


def test_an_image_is_redacted_as_an_image_without_metadata(scan: Path, tmp_path: Path) -> None:
    pdf = pdfium.PdfDocument(scan)
    page = _grey(pdf[0].render(scale=DPI / 72, grayscale=True).to_pil())
    pdf.close()
    source = tmp_path / "答复书.png"
    page.save(source, dpi=(DPI, DPI), pnginfo=_pnginfo("Author", "陈嘉豪"))
    document, spans = _read(source)
    out = tmp_path / "公开版.png"
    result = CliRunner().invoke(app, ["redact", str(source), "--out", str(out)])
    assert result.exit_code == 0, result.output
    with Image.open(out) as copy:
        assert copy.format == "PNG" and "Author" not in copy.info
        grey = _grey(copy)
    for span in spans:
        for _page, box in document.boxes_for(span.start, span.end):
            assert _dark_share(grey, box, DPI / 72) > 0.97, (span, box)


def _pnginfo(key: str, value: str) -> object:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_itxt(key, value)
    return info
