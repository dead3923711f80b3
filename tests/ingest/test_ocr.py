"""Scanned pages and images read by OCR: text, boxes, confidences, the record, bad input.

OCR costs ~5 s a page: the scanned page below is read once per test session (the
session's OCR cache, tests/conftest.py), and the PNG and the partly scanned PDF are made
of the very same page image, so they cost nothing more.
"""

from __future__ import annotations

import io
import socket
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw, ImageFont

from pipeline.config import Settings
from pipeline.document import BBox, CharBox, Document
from pipeline.fonts import find_cjk_font
from pipeline.ingest import ErrorCode, ingest_file
from pipeline.ingest import ocr as ocr_module
from pipeline.ingest.ocr_text import restore_digits, restore_punctuation
from pipeline.ingest.page_images import Straightened, skew_angle
from pipeline.ingest.scanned import low_confidence
from pipeline.scan import scan_file
from tests.fixtures.scans import REPLY_ID_NUMBER, REPLY_PHONE, images_to_pdf, scanned_reply

ID_NUMBER, PHONE = REPLY_ID_NUMBER, REPLY_PHONE


def squeeze(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture(scope="session")
def scan_pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A one-page text PDF of a 答复书 and its scanned copy (turned 0.8°, blurred, specked)."""
    if find_cjk_font() is None:
        pytest.skip("no CJK font (fonts-wqy-zenhei) to draw the page")
    return scanned_reply(tmp_path_factory.mktemp("scan"))


def _read(path: Path, settings: Settings | None = None) -> Document:
    document, _data, error = ingest_file(path, settings or Settings())
    assert document is not None, error
    return document


def test_scanned_pdf_reads_like_its_text_pdf(scan_pair: tuple[Path, Path]) -> None:
    text_pdf, scan = scan_pair
    original, scanned = _read(text_pdf), _read(scan)
    a, b = squeeze(original.text), squeeze(scanned.text)
    import difflib

    ratio = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    assert ratio >= 0.98, (a, b)
    assert scanned.format == "pdf" and scanned.ocr_pages == [1]
    assert ID_NUMBER in scanned.text and "联系电话：" in scanned.text  # full-width restored
    # A paragraph wrapped over two lines is re-joined as in the text PDF.
    wrapped = "如对本答复不服，可以自收到本答复书之日起六十日内向清远市清城区人民政府申请行政复议。"
    for document in (original, scanned):
        assert wrapped in [line.strip("\u3000 ") for line in document.text.split("\n")]


def test_each_character_keeps_its_place_on_the_page(scan_pair: tuple[Path, Path]) -> None:
    """The ID number's boxes on the scan (pixels → points, skew undone) are where the
    text PDF drew it."""
    text_pdf, scan = scan_pair
    original, scanned = _read(text_pdf), _read(scan)
    for value in (ID_NUMBER, PHONE):
        (_, want), *_ = original.boxes_for(
            original.text.index(value), original.text.index(value) + len(value)
        )
        start = scanned.text.index(value)
        (page, got), *_ = scanned.boxes_for(start, start + len(value))
        assert page == 1
        overlap = max(0.0, min(want.x1, got.x1) - max(want.x0, got.x0)) * max(
            0.0, min(want.bottom, got.bottom) - max(want.top, got.top)
        )
        area = (want.x1 - want.x0) * (want.bottom - want.top)
        assert overlap >= 0.8 * area, (want, got)
        assert got.x1 - got.x0 < 1.3 * (want.x1 - want.x0)


def test_the_record_says_what_ocr_read(scan_pair: tuple[Path, Path]) -> None:
    record = scan_file(scan_pair[1], Settings())
    assert record["status"] == "ok"
    assert record["ocr"]["pages"] == [1]
    assert record["ocr"]["mean_confidence"]["1"] > 0.9
    assert abs(record["ocr"]["skew_degrees"]["1"] + 0.8) < 0.2  # the scan was turned +0.8°
    labels = {f["label"]: f["text"] for f in record["findings"]}
    assert labels.get("ID_CARD") == ID_NUMBER and labels.get("PHONE") == PHONE
    assert any(w["code"] == "ocr" and w["pages"] == [1] for w in record["warnings"])


def test_a_png_of_the_page_reads_the_same(scan_pair: tuple[Path, Path], tmp_path: Path) -> None:
    pdf = pdfium.PdfDocument(scan_pair[1])
    image = pdf[0].render(scale=200 / 72, grayscale=True).to_pil().convert("L")
    pdf.close()
    png = tmp_path / "答复书.png"
    image.save(png, dpi=(200, 200))
    from_png, from_pdf = _read(png), _read(scan_pair[1])
    assert from_png.format == "image" and from_png.text == from_pdf.text
    assert from_png.char_boxes is not None and from_pdf.char_boxes is not None
    box_png = next(b for b in from_png.char_boxes if b)
    box_pdf = next(b for b in from_pdf.char_boxes if b)
    assert (
        abs(box_png.box.x0 - box_pdf.box.x0) < 0.5 and abs(box_png.box.top - box_pdf.box.top) < 0.5
    )


def test_a_page_fed_upside_down_is_read_turned_over(
    scan_pair: tuple[Path, Path], tmp_path: Path
) -> None:
    """The page reads as when fed upright, and each character's box is where the
    upside-down picture has it (what the redactor paints)."""
    pdf = pdfium.PdfDocument(scan_pair[1])
    image = pdf[0].render(scale=200 / 72, grayscale=True).to_pil().convert("L")
    pdf.close()
    upright, turned = tmp_path / "正.png", tmp_path / "倒.png"
    image.save(upright, dpi=(200, 200))
    image.rotate(180).save(turned, dpi=(200, 200))
    read_upright, read_turned = _read(upright), _read(turned)
    assert read_turned.text == read_upright.text and REPLY_PHONE in read_turned.text
    assert 179 <= float(read_turned.ocr["skew_degrees"]["1"]) <= 181  # type: ignore[index]
    width, height = image.width * 72 / 200, image.height * 72 / 200
    at = read_upright.text.index(REPLY_PHONE)
    for a, b in zip(
        read_upright.char_boxes[at : at + 11],  # type: ignore[index]
        read_turned.char_boxes[at : at + 11],  # type: ignore[index]
        strict=True,
    ):
        assert a is not None and b is not None
        assert (
            abs((width - b.box.x1) - a.box.x0) < 1.5
            and abs((height - b.box.bottom) - a.box.top) < 1.5
        )


def test_a_partly_scanned_pdf_is_read_page_by_page(
    scan_pair: tuple[Path, Path], tmp_path: Path
) -> None:
    text_pdf, scan = scan_pair
    mixed = tmp_path / "mixed.pdf"
    with pikepdf.open(text_pdf) as a, pikepdf.open(scan) as b:
        a.pages.extend(b.pages)
        a.save(mixed)
    document = _read(mixed)
    assert document.ocr_pages == [2] and not document.warnings
    assert document.text.count(ID_NUMBER) == 2
    first = document.text.index(ID_NUMBER)
    second = document.text.index(ID_NUMBER, first + 1)
    assert document.char_confidence is not None
    assert document.char_confidence[first] is None
    assert (document.char_confidence[second] or 0) > 0.5
    assert document.boxes_for(second, second + 1)[0][0] == 2


def test_low_confidence_characters_are_named() -> None:
    document = Document("x", "0", "pdf", "张三丰", char_confidence=[0.99, 0.42, None])
    document.char_boxes = [CharBox(1, BBox(0, 0, 1, 1))] * 3
    assert low_confidence(document, 0, 3) == [{"offset": 1, "char": "三", "confidence": 0.42}]


def test_ocr_off_keeps_the_old_refusal(scan_pair: tuple[Path, Path]) -> None:
    _, _, error = ingest_file(scan_pair[1], Settings(ocr=False))
    assert error is not None and error.code == ErrorCode.NO_TEXT_LAYER


@pytest.mark.parametrize(
    ("name", "make", "code"),
    [
        ("空白.png", lambda: b"", ErrorCode.EMPTY),
        ("截断.png", lambda: _png_bytes(Image.new("L", (400, 300), 200))[:300], ErrorCode.CORRUPT),
        ("截断.jpg", lambda: _jpeg_bytes()[:700], ErrorCode.CORRUPT),
        ("巨大.png", lambda: _png_bytes(Image.new("1", (8000, 7700), 1)), ErrorCode.TOO_LARGE),
        ("名不副实.tif", lambda: b"II*\x00" + b"\x00" * 64, ErrorCode.CORRUPT),
    ],
)
def test_bad_images_get_a_clear_record(
    tmp_path: Path, name: str, make: Callable[[], bytes], code: ErrorCode
) -> None:
    path = tmp_path / name
    path.write_bytes(make())
    record = scan_file(path, Settings())
    assert record["status"] == "error" and record["error"]["code"] == code
    assert name in record["error"]["message"]


def test_too_many_scanned_pages_are_refused_before_any_ocr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr_module, "run_engine", lambda image: pytest.fail("OCR started"))
    pages = [Image.new("L", (170, 240), 255) for _ in range(4)]
    path = images_to_pdf(pages, tmp_path / "四页扫描件.pdf", dpi=20)
    record = scan_file(path, Settings(max_ocr_pages=3))
    assert record["error"]["code"] == "too_large"
    assert (
        "4 scanned page(s)" in record["error"]["message"]
        and "TRIAGE_MAX_OCR_PAGES" in record["error"]["message"]
    )


def test_no_network_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """The models are in the wheel: loading and reading work with every connection failing."""
    font_path = find_cjk_font()
    if font_path is None:
        pytest.skip("no CJK font to draw the test line")

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network calls are not allowed in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.delenv("TRIAGE_OCR_CACHE", raising=False)
    monkeypatch.setattr(ocr_module, "_engine", None)
    # At least 736 px each way: the detector enlarges smaller images to that (slow).
    image = Image.new("L", (760, 760), 255)
    ImageDraw.Draw(image).text(
        (60, 60), "政府信息公开", fill=0, font=ImageFont.truetype(font_path, 48)
    )
    page = ocr_module.recognise(image)
    assert page.text == "政府信息公开"
    assert len(page.chars) == 6 and all(c.x1 > c.x0 for c in page.chars)


def test_skew_is_found_and_undone() -> None:
    image = Image.new("L", (1200, 900), 255)
    draw = ImageDraw.Draw(image)
    for y in range(100, 800, 40):
        draw.rectangle((100, y, 1100, y + 6), fill=0)
    turned = image.rotate(0.8, resample=Image.Resampling.BICUBIC, fillcolor=255)
    angle = skew_angle(turned)
    assert abs(angle + 0.8) <= 0.1
    straight = Straightened(turned.rotate(angle, fillcolor=255), angle)
    # The right end of the first bar, where the straightened page has it, maps back onto
    # the bar on the turned page (which has risen ~7 px there).
    assert _grey(turned, 1090, 103) > 128
    ox, oy = straight.to_original(1090, 103)
    assert _grey(turned, round(ox), round(oy)) < 128


def test_full_width_punctuation_is_restored_in_chinese_only() -> None:
    def fix(text: str) -> str:
        return "".join(restore_punctuation(list(text)))

    assert fix("联系电话:13692571408,地址(二期)") == "联系电话：13692571408，地址（二期）"
    assert fix("会议于10:30召开,共1,000人.") == "会议于10:30召开，共1,000人。"
    assert fix("邮箱 li.wei@example.com") == "邮箱 li.wei@example.com"
    assert fix("(2024)") == "(2024)"


def test_digits_read_as_letters_are_restored_inside_numbers_only() -> None:
    def fix(text: str) -> str:
        return "".join(restore_digits(list(text)))

    assert fix("账号：62305827OO123456780") == "账号：6230582700123456780"
    assert fix("电话l3692571408，身份证44O1O4198803152718") == (
        "电话13692571408，身份证440104198803152718"
    )
    assert fix("卡号6230582700271828l86。") == "卡号6230582700271828186。"
    # Latin words, short numbers and mostly-letter runs keep their letters.
    for kept in ("Room 101", "ISO9001", "li.wei1988@example.com", "第l0号", "IOl1"):
        assert fix(kept) == kept


def _grey(image: Image.Image, x: int, y: int) -> int:
    value = image.getpixel((x, y))
    assert isinstance(value, int)
    return value


def _png_bytes(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _jpeg_bytes() -> bytes:
    out = io.BytesIO()
    Image.effect_noise((300, 300), 60).save(out, "JPEG")
    return out.getvalue()
