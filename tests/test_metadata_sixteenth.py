"""Rules read from the sixteenth generator's misses (tests/fixtures/metadata_sixteenth.py),
each pinned by a small table: OCR's spaces inside words closed when the document shows
them on several lines, …"""

from __future__ import annotations

import pytest

from pipeline.metadata import extract_metadata
from pipeline.metadata_scan import close_ocr_spaces, ocr_spaced

S = "\u3000"
BODY = f"{S * 2}各单位要加强组织领导，明确责任分工，确保各项工作落到实处。"

OCR_CASES = [
    (
        [
            "　   赣州市章贡区人民政府 办公室文件",
            "章府办发〔202  5〕5号",
            "　关于章贡区 城区供水管网 改 造项目立项 的报 告",
            "赣 州市人民政 府：",
            BODY,
            "　　　　　　　　　　赣州市章贡  区  人民政府办公室",
            "　　　　　　　　　　　　二  〇二五年五月三十一日",
        ],
        {
            "title": "关于章贡区城区供水管网改造项目立项的报告",
            "doc_number": "章府办发〔2025〕5号",
            "issuer": "赣州市章贡区人民政府办公室",
            "date": "2025-05-31",
        },
    ),
    (
        [
            "— 1 —",
            "涪 城 区 商 务 局 文 件",
            "涪商函(2024) 47号",
            "关于 转发《省财政厅关于 做好冬春 森林防火 工作的通知》的 通 知",
            "各街道办事处，区政府各部 门：",
            BODY,
            "　　　　　　　　　　绵  阳市涪城区商务局",
            "　　　　　　　　　　2024 年3月 25 日",
        ],
        {
            "title": "关于转发《省财政厅关于做好冬春森林防火工作的通知》的通知",
            "doc_number": "涪商函(2024)47号",
            "date": "2024-03-25",
        },
    ),
]


@pytest.mark.parametrize(("lines", "gold"), OCR_CASES)
def test_ocr_spaces_inside_words_are_closed(lines: list[str], gold: dict[str, str]) -> None:
    """A scan's text layer puts half-width spaces between glyphs set a little apart; GB/T
    9704 prints none inside a word, a number or a date."""
    meta = extract_metadata("\n".join(lines)).to_dict()
    assert {key: meta[key] for key in gold} == gold


KEPT_CASES = [
    # a drafter's spaces in one title: no scan
    ["某某市 某某区人民政府", "关于做好2024 年度防汛工作的通知", BODY, f"{S * 12}2024年3月6日"],
    # a letter-spaced banner and a title with organs a space apart
    ["通 知", "某某银行 某某监管总局关于加强养老金融的意见", BODY, BODY, BODY],
]


@pytest.mark.parametrize("lines", KEPT_CASES)
def test_a_drafters_spaces_are_no_scan(lines: list[str]) -> None:
    """One or two lines with spaces between Chinese characters are a drafter's or a
    banner's: the text stays as typed."""
    assert not ocr_spaced(lines)
    assert close_ocr_spaces(lines) == lines


MARK_CASES = [
    ("\u3000   某某市某某区人民政府办公室文件", "关于做好春运工作的通知"),
    ("   某某市某某区水利局", "关于同意某某小学调整学区范围的批复"),
    (f"{S * 2}某某市某某区水利局文件", "关于做好冬春森林防火工作的通知"),
]


@pytest.mark.parametrize(("mark", "title"), MARK_CASES)
def test_the_organs_mark_centred_by_an_indents_width(mark: str, title: str) -> None:
    """The 发文机关标志 (…文件, or the organ's name alone over a 函) padded by one to two
    and a half characters' blanks is the 版头, not a paragraph ending the head."""
    lines = [mark, "某水函〔2025〕3号", "", title, "某某区教育体育局：", BODY]
    assert extract_metadata("\n".join(lines)).title == title
