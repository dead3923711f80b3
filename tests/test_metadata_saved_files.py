""".docx and PDF layouts as offices save them (tests/fixtures/metadata_office_*.py): the
版头 in a header, a cell or a text box, a picture for the 标志, running heads, and PDFs
whose red organ line or short lines must not be joined to the title."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from pipeline.metadata import extract_metadata
from tests.fixtures.metadata_heads import BODY, A, B, S, head_only, signed

# --- .docx and PDF layouts as offices save them (tests/fixtures/metadata_office_*.py) ------

_OFFICE_LINES = [
    "000123",
    "秘密★1年",
    A + "文件",
    "浔财发〔2024〕9号",
    "关于加强汛期地质灾害防治工作的意见",
    "各有关单位：",
    BODY,
    S * 10 + A,
    S * 11 + "2024年3月5日",
]
_OFFICE_GOLD = {
    "title": "关于加强汛期地质灾害防治工作的意见",
    "doc_number": "浔财发〔2024〕9号",
    "issuer": A,
    "date": "2024-03-05",
    "secret_level": "秘密",
}


def _office_docx(tmp_path: Path, treatment: str, lines: list[str] | None = None) -> dict:
    from pipeline.config import Settings
    from pipeline.ingest import ingest_file
    from tests.fixtures.metadata_drafts import LayoutDraft
    from tests.fixtures.metadata_office_docx import _build

    draft = LayoutDraft(lines or list(_OFFICE_LINES), {4}, dict(_OFFICE_GOLD), treatment)
    path = tmp_path / f"{treatment}.docx"
    _build(path, draft, treatment, random.Random(7))
    document, _, error = ingest_file(path, Settings())
    assert document is not None, error
    meta = extract_metadata(document).to_dict()
    return {field: meta[field] for field in _OFFICE_GOLD}


@pytest.mark.parametrize("treatment", ["header", "cell", "textbox", "vml", "marks", "border"])
def test_docx_layouts_offices_save(tmp_path: Path, treatment: str) -> None:
    """The 版头 in the first page's header (read before the body, not after it), the title
    in a one-cell table or a text box, the marks in a table, the red line as a border."""
    assert _office_docx(tmp_path, treatment) == _OFFICE_GOLD


def test_docx_issuer_mark_drawn_as_a_picture(tmp_path: Path) -> None:
    """A 红头 image whose alt text is "…文件", and a 落款 with only the date: the alt
    text names the issuer."""
    lines = [*_OFFICE_LINES[:-2], S * 16 + "2024年3月5日"]
    assert _office_docx(tmp_path, "picture", lines)["issuer"] == A


def test_a_running_head_is_not_read_as_the_head(tmp_path: Path) -> None:
    """A header holding only the organ's name (on every page) adds nothing before the
    body: the header's lines are read first only when they hold a number or a marking."""
    from pipeline.metadata_fallbacks import header_lead

    assert header_lead("浔财发〔2024〕9号\n" + BODY) == []
    lines = ["", *_OFFICE_LINES[3:]]  # the header: an empty line
    meta = _office_docx(tmp_path, "header", lines)
    assert meta["doc_number"] == "浔财发〔2024〕9号" and meta["secret_level"] is None


def test_marks_and_number_one_space_apart() -> None:
    """A PDF whose 版头 pieces are drawn apart gives "特　急 平政发（2023年）1号"."""
    meta = extract_metadata(
        signed("000219　　特　急 平政发（2023年）1号", "关于加强汛期地质灾害防治工作的意见", BODY)
    )
    assert (meta.doc_number, meta.urgency) == ("平政发（2023年）1号", "特急")


def test_index_rows_without_tabs_are_no_part_of_the_title() -> None:
    """索引号 and 发布机构 rows as a PDF gives them (cells one space apart)."""
    meta = extract_metadata(
        signed(
            "索引号 1141030386909/2025-00123",
            f"发布机构 {A} 生成日期 2025年7月30日",
            "浔阳区2025年度法治政府建设情况报告",
            BODY,
        )
    )
    assert (meta.title, meta.doc_type) == ("浔阳区2025年度法治政府建设情况报告", "报告")


def _reportlab_pdf(path: Path, pages: list[list[tuple[str, float, float, bool]]]) -> Path:
    """A PDF of ``pages``: (text, x, size, red) lines from the top, 30 pt apart."""
    from reportlab.lib.colors import black, red
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from pipeline.fonts import find_cjk_font

    font = find_cjk_font()
    if font is None:
        pytest.skip("no CJK font (fonts-wqy-zenhei) to build the PDF")
    if "CJK" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("CJK", font, subfontIndex=0))
    c = canvas.Canvas(str(path))
    for page in pages:
        y = 760.0
        for text, x, size, is_red in page:
            c.setFont("CJK", size)
            c.setFillColor(red if is_red else black)
            c.drawString(x, y, text)
            y -= 30
        c.showPage()
    c.save()
    return path


def _pdf_body(path: Path) -> str:
    from pipeline.config import Settings
    from pipeline.ingest import ingest_file

    document, _, error = ingest_file(path, Settings())
    assert document is not None, error
    return document.body


def test_pdf_red_organ_line_is_no_wrapped_title(tmp_path: Path) -> None:
    """A red organ line nearly as wide as the page above a black centred title: two
    elements, though a wrapped title's first line looks the same."""
    organ, title = "九江市浔阳区城市管理综合行政执法局", "行政处罚决定书"
    width = 442.0
    page = [
        (organ, 79 + (width - 22 * len(organ)) / 2, 22.0, True),
        (title, 79 + (width - 22 * len(title)) / 2, 22.0, False),
        ("浔城管罚〔2024〕12号", 79 + 150, 16.0, False),
        (BODY.strip(S)[:27], 79, 16.0, False),
    ]
    body = _pdf_body(_reportlab_pdf(tmp_path / "red.pdf", [page]))
    assert f"{organ}\n{title}\n" in body


def test_pdf_page_of_short_lines_keeps_its_own_lines(tmp_path: Path) -> None:
    """Page 2 holds only the 落款 and short lines at the left; page 1 ends with a line set
    in by spaces that ends far from the margin, yet further right than any of page 2's:
    it is not joined to the first name (page 2 takes the document's right margin)."""
    full = "为进一步做好有关工作经研究现将有关事项通知如下请认真贯彻执行各单"
    first = [(full[:27], 79.0, 16.0, False) for _ in range(6)]
    first.append((S * 5 + "2．浔阳区2024年度联络员名单", 79.0, 16.0, False))
    second = [
        (text, 79.0, 16.0, False)
        for text in (A, B, "2024年3月5日", "（此件公开发布）", "浔阳区2024年度工作任务分解表")
    ]
    body = _pdf_body(_reportlab_pdf(tmp_path / "pages.pdf", [first, second]))
    assert "年度联络员名单\n" + A in body


def test_paper_letter_under_an_exam_title_belongs_to_it() -> None:
    """A 题本 whose （A卷） the typist put on its own line under the title."""
    meta = extract_metadata(signed("浔阳区2024年度公开遴选公务员面试题本", "（A卷）", BODY))
    assert (meta.title, meta.doc_type) == ("浔阳区2024年度公开遴选公务员面试题本（A卷）", "题本")


def test_stacked_marks_a_pdf_joined_into_one_line() -> None:
    """Two organs stacked in the 版头, centred, the first nearly as wide as the page: a
    PDF reader takes them for one wrapped line; the 落款 gives only the date."""
    meta = extract_metadata(head_only(A + "九江市浔阳区人民政府", "文件"))
    assert meta.issuer == A + "、九江市浔阳区人民政府"
