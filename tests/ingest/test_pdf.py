"""The PDF reader: reading order, whole numbers from wrapped cells, exact glyph boxes."""

from __future__ import annotations

import random
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest

from pipeline.document import Document
from pipeline.fonts import find_cjk_font
from pipeline.ingest.errors import ErrorCode, IngestError
from pipeline.ingest.pdf import read_pdf
from pipeline.metadata import extract_metadata
from tests.conftest import DEVSET, GOVDOC, SAMPLES, need
from tests.fixtures.samples import SUBSIDY_ROWS, build_scanned_pdf, build_subsidy_pdf

SUBSIDY_PDF = SAMPLES / "大塘镇耕地地力保护补贴公示（第二批）.pdf"


def _read(path: Path) -> Document:
    return read_pdf(path, path.read_bytes(), str(path))


def test_table_cells_come_out_whole_and_in_row_order() -> None:
    doc = _read(SUBSIDY_PDF)
    for row in SUBSIDY_ROWS:
        # The narrow ID column wraps each 18-digit number over two lines in the PDF.
        assert "\t".join(row) in doc.text
    assert doc.text.index(SUBSIDY_ROWS[1][2]) < doc.text.index(SUBSIDY_ROWS[2][2])


def test_wrapped_title_and_paragraphs_are_joined() -> None:
    doc = _read(SUBSIDY_PDF)
    meta = extract_metadata(doc)
    assert meta.title == "曲江区大塘镇2024年耕地地力保护补贴发放对象公示（第二批）"
    assert "监督电话：0751-6621234" in doc.text  # the number wraps across lines in the PDF
    assert (meta.issuer, meta.date) == ("韶关市曲江区大塘镇人民政府", "2024-06-03")


def test_page_numbers_are_kept_apart_from_the_flow() -> None:
    doc = _read(SUBSIDY_PDF)
    assert "— 1 —" in doc.text[doc.body_end :]
    assert "— 1 —" not in doc.body


def _pdfium_chars(path: Path) -> dict[int, list[tuple[str, float, float, float, float]]]:
    """Every character pdfium finds, per page, as (text, x0, top, x1, bottom)."""
    pdf = pdfium.PdfDocument(str(path))
    out: dict[int, list[tuple[str, float, float, float, float]]] = {}
    for index in range(len(pdf)):
        page = pdf[index]
        height = page.get_height()
        textpage = page.get_textpage()
        chars = []
        for i in range(textpage.count_chars()):
            ch = textpage.get_text_range(i, 1)
            left, bottom, right, top = textpage.get_charbox(i)
            chars.append((ch, left, height - top, right, height - bottom))
        out[index + 1] = chars
    return out


def _ink_inside(path: Path, page_no: int, box: tuple[float, float, float, float]) -> int:
    pdf = pdfium.PdfDocument(str(path))
    scale = 3.0
    image = pdf[page_no - 1].render(scale=scale).to_pil().convert("L")
    x0, top, x1, bottom = (v * scale for v in box)
    crop = image.crop((int(x0), int(top), int(x1) + 1, int(bottom) + 1))
    return sum(1 for px in crop.tobytes() if px < 128)


def _position_cases() -> list[Path]:
    cases = [SUBSIDY_PDF]
    cases += sorted((DEVSET / "pdf").glob("*.pdf"))[:3] if (DEVSET / "pdf").exists() else []
    return cases


@pytest.mark.parametrize("path", _position_cases(), ids=lambda p: p.name)
def test_substring_boxes_cover_their_glyphs(path: Path) -> None:
    doc = _read(path)
    assert doc.char_boxes is not None and len(doc.char_boxes) == len(doc.text)
    reference = _pdfium_chars(path)
    rng = random.Random(9704)
    body = doc.body
    checked = 0
    while checked < 12:
        start = rng.randrange(0, len(body) - 8)
        end = start + rng.randint(2, 8)
        piece = body[start:end]
        if not piece.strip():
            continue
        pieces = doc.boxes_for(start, end)
        assert pieces, f"no box for {piece!r}"
        for offset in range(start, end):
            box = doc.char_boxes[offset]
            ch = doc.text[offset]
            if box is None or not ch.strip():
                continue
            # pdfium, an independent reader, finds this very glyph inside our box ...
            hits = [
                r
                for r in reference[box.page]
                if r[0] == ch
                and box.box.x0 - 1 <= (r[1] + r[3]) / 2 <= box.box.x1 + 1
                and box.box.top - 1 <= (r[2] + r[4]) / 2 <= box.box.bottom + 1
            ]
            assert hits, f"{ch!r} at {offset} ({box}) is not where pdfium draws it"
            # ... and one of the line boxes for the substring contains it.
            assert any(
                page == box.page
                and pb.x0 <= box.box.x0 + 0.01
                and box.box.x1 <= pb.x1 + 0.01
                and pb.top <= box.box.top + 0.01
                and box.box.bottom <= pb.bottom + 0.01
                for page, pb in pieces
            )
        page, first = pieces[0]
        assert _ink_inside(path, page, (first.x0, first.top, first.x1, first.bottom)) > 0
        checked += 1


def test_synthetic_characters_have_no_box() -> None:
    doc = _read(SUBSIDY_PDF)
    assert doc.char_boxes is not None
    for offset, ch in enumerate(doc.text):
        if ch in "\n\t":
            assert doc.char_boxes[offset] is None


def test_scanned_pdf_is_an_error(tmp_path: Path) -> None:
    path = build_scanned_pdf(tmp_path / "scan.pdf")
    with pytest.raises(IngestError) as info:
        _read(path)
    assert info.value.code == ErrorCode.NO_TEXT_LAYER


def test_partly_scanned_pdf_warns_with_page_numbers(tmp_path: Path) -> None:
    if find_cjk_font() is None:
        pytest.skip("no CJK font (fonts-wqy-zenhei) to build the text page")
    text_pdf = build_subsidy_pdf(tmp_path / "text.pdf")
    scan_pdf = build_scanned_pdf(tmp_path / "scan.pdf")
    merged = tmp_path / "mixed.pdf"
    with pikepdf.open(text_pdf) as a, pikepdf.open(scan_pdf) as b:
        a.pages.extend(b.pages)
        a.save(merged)
    doc = _read(merged)
    (warning,) = doc.warnings
    assert warning["code"] == "partial_text_layer" and warning["pages"] == [2]


def _bio_spans(path: Path) -> dict[str, list[str]]:
    spans: dict[str, list[str]] = {}
    current: str | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) < 2:
            current = None
            continue
        ch, tag = parts[0], parts[-1]
        if tag.startswith("B_"):
            current = tag[2:]
            spans.setdefault(current, []).append(ch)
        elif tag.startswith("I_") and current == tag[2:]:
            spans[current][-1] += ch
        else:
            current = None
    return spans


def test_govdoc_sample_pdf_metadata_matches_gold() -> None:
    pdf = need(GOVDOC / "397.pdf")
    gold = _bio_spans(need(GOVDOC / "397_a.txt"))
    doc = _read(pdf)
    meta = extract_metadata(doc)
    assert meta.doc_number == gold["发文字号"][0]
    assert meta.title == gold["正文标题"][0]
    assert meta.issuer == "、".join(gold["发文机关"])
    year, rest = gold["成文日期"][0].split("年")
    month, day = rest.rstrip("日").split("月")
    assert meta.date == f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
    # The text of the PDF: every paragraph of the dataset's cleaned text is in ours.
    cleaned = (GOVDOC / "397.txt").read_text(encoding="utf-8")
    squash = lambda s: "".join(s.split()).replace("。", "")  # noqa: E731
    ours = squash(doc.text)
    paragraphs = [p for p in cleaned.split("\n") if len(p.strip()) > 4]
    missing = [p for p in paragraphs if squash(p) not in ours]
    assert not missing, missing[:3]


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    with pikepdf.open(SUBSIDY_PDF) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(user="secret", owner="owner"))
    with pytest.raises(IngestError) as info:
        _read(path)
    assert info.value.code == ErrorCode.ENCRYPTED
