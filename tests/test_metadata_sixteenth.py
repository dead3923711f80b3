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


PDF_SCAN = [
    "崇统发（2024）193号",
    "关于同意设\u3000立崇川\u3000区文昌街道社区卫生服\u3000务站的批\u3000复",
    "南通市崇川区教育体育局：",
    "经\u3000研究，现就有关事项批复如下。",
    "南通\u3000市崇川区统计\u3000局",
    "2024\u3000年7\u3000月5\u3000日",
]


def test_a_pdfs_full_width_blanks_are_a_scanners_spaces_too() -> None:
    """A PDF's text layer gives a typed space as U+3000, so in a PDF both widths count;
    in a text a full-width blank is a drafter's (letter-spacing, a gap between names)."""
    assert ocr_spaced(PDF_SCAN, pdf=True)
    assert not ocr_spaced(PDF_SCAN)
    closed = close_ocr_spaces(PDF_SCAN, pdf=True)
    assert closed[1] == "关于同意设立崇川区文昌街道社区卫生服务站的批复"
    assert closed[4:] == ["南通市崇川区统计局", "2024年7月5日"]


SPEECH_CASES = [
    (
        [
            "\u3000   坚定信心抓发展 凝心聚力促振兴",
            "——在某某区2025年",
            "            经济工作会议上的讲话",
            "\u3000\u3000    某某区人民政府区长\u3000唐丽萍",
        ],
        "坚定信心抓发展 凝心聚力促振兴",
    ),
    (
        [
            "\u3000\u3000在某某区2024年安全生产工作会议上",
            "\u3000\u3000\u3000\u3000         的讲话",
            "\u3000\u3000\u3000\u3000某某区人民政府区长\u3000邓国平",
        ],
        "在某某区2024年安全生产工作会议上的讲话",
    ),
]


@pytest.mark.parametrize(("lines", "title"), SPEECH_CASES)
def test_a_speech_title_centred_by_an_indents_width(lines: list[str], title: str) -> None:
    """A speech's title names no type; hand-centred by one to two and a half characters'
    blanks it looks like a paragraph, but its subtitle or speaker under it, or its ending
    "…上的讲话", says it is the title."""
    text = "\n".join([*lines, "（二〇二五年十一月二十六日）", "", "同志们：", BODY])
    assert extract_metadata(text).title == title


MASTHEAD_CASES = [
    ["某某市人民政府公报\u3000\u30002024年第8期", "— 43 —"],
    ["2025年第2期\u3000某某市人民政府公报", ""],
    ["某某政报\u3000第12期", "－10－"],
]


@pytest.mark.parametrize("top", MASTHEAD_CASES)
def test_a_gazettes_masthead_is_no_part_of_the_title(top: list[str]) -> None:
    """A reprint in a 公报 runs the gazette's name and issue atop the page: a running head,
    never the reprinted document's title (which names its kind, 公报, itself)."""
    title = "某某市某某区教育体育局关于推进公共数据资源开发利用的通知"
    lines = [*top, title[:13], title[13:], "（2024年6月9日）", "各街道办事处：", BODY]
    assert extract_metadata("\n".join(lines)).title == title
