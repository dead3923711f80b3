"""Rules read from the sixteenth generator's misses (tests/fixtures/metadata_sixteenth.py),
each pinned by a small table: OCR's spaces inside words closed when the document shows
them on several lines (in a PDF, full-width blanks too once a sign no table gives shows),
the 发文机关标志 and a speech's title hand-centred by an indent's width, a 公报's masthead
above a reprint, 关于 cut by a PDF's wrap, and four joint organs signing two a row with the
first row wrapped."""

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
    "崇统发 （\u3000\u30002 0 2 4\u3000\u3000） 1 93 号",
    "关于同意设\u3000立崇 川\u3000区文昌街道社区卫生服\u3000务站的批 复",
    "南通市崇川区教育体育局：",
    "经 研究，现就有关事项批复如下。",
    "南通\u3000市崇 川区统计\u3000局",
    "2024\u3000年7\u3000月5\u3000日",
]


def test_a_pdfs_full_width_blanks_are_a_scanners_spaces_too() -> None:
    """A PDF's text layer gives a typed space as U+3000, so once the half-width spaces
    show a scan, a PDF's one or two full-width blanks inside words are closed as well; in
    a text a full-width blank is a drafter's (letter-spacing, a gap between names)."""
    assert ocr_spaced(PDF_SCAN)
    closed = close_ocr_spaces(PDF_SCAN, pdf=True)
    assert closed[0] == "崇统发（2024）193号"
    assert closed[1] == "关于同意设立崇川区文昌街道社区卫生服务站的批复"
    assert closed[4:] == ["南通市崇川区统计局", "2024年7月5日"]
    assert close_ocr_spaces(PDF_SCAN)[4] == "南通\u3000市崇川区统计\u3000局"


TABLE_ROWS = [
    "关于某某区2024年公开招聘拟聘用人员的公示",
    "序号\u3000姓名\u3000性别\u3000身份证号码\u3000报考岗位",
    "1\u3000王某某\u3000女\u3000370703199805213321\u3000临床医学岗A",
    "2\u3000刘某\u3000男\u3000370702199611024412\u3000临床医学岗B",
    "3\u3000张某某\u3000女\u3000370724199910156623\u3000中医岗",
    "某某区卫生健康局",
]


def test_a_pdfs_table_row_is_no_scan() -> None:
    """A PDF's table row parts its cells by full-width blanks ("1　王某　女　370…"): a
    one-character cell is no split word, so full-width blanks are never the sign."""
    assert not ocr_spaced(TABLE_ROWS)
    assert close_ocr_spaces(TABLE_ROWS, pdf=True) == TABLE_ROWS


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


NUMBER_SPLIT_CASES = [
    # two lines split inside words, and a year split: a faint scan
    (
        [
            "南 通市崇川区林业局",
            "崇司联[2 025 ] 6号",
            "关于做好春运工作的通知",
            "各有关单位：",
            BODY,
            BODY,
            "抄送：区委办公室，区人大常  委会办公室。",
        ],
        True,
    ),
    # a drafter's "2024 年度" is no split number
    (
        [
            "某某区 某某街道办事处",
            "关于2024 年度工作的报告",
            "区人民政府：",
            BODY,
            BODY,
            "某某 街道",
        ],
        False,
    ),
]


@pytest.mark.parametrize(("lines", "scanned"), NUMBER_SPLIT_CASES)
def test_a_split_number_is_the_stronger_sign(lines: list[str], scanned: bool) -> None:
    """A year or serial split by a space ("〔202  5〕", "17 0号") is typed by nobody: with
    it two lines of split words make a scan."""
    assert ocr_spaced(lines) is scanned


def test_about_cut_by_a_wrap() -> None:
    """A PDF's title wrapped anywhere cuts 关于 itself ("…人民政府关" / "于…"): the next
    line goes on the heading even when it ends like an organ's name (…校园)."""
    lines = [
        f"{S * 4}某某市某某区人民政府关",
        "于进一步加强中小学校园",
        f"{S * 5}安全管理工作的通知",
        "某府发〔2024〕193号",
        "各街道办事处：",
        BODY,
    ]
    title = "某某市某某区人民政府关于进一步加强中小学校园安全管理工作的通知"
    assert extract_metadata("\n".join(lines)).title == title


def test_four_joint_organs_two_a_row_the_first_row_wrapped() -> None:
    """Four organs sign two a row; a PDF wraps the first row inside the second name: the
    row is joined back although another row, not the date, stands under it."""
    lines = [
        "某某区数据资源管理局文件",
        "某数据联〔2024〕53号",
        "关于做好冬春森林防火工作的意见",
        "各有关单位：",
        BODY,
        f"{S * 2}某某市某某区数据资源管理局{S * 4}某某市某某区文化",
        "广电旅游局",
        f"{S * 2}某某市某某区交通运输局{S * 4}某某市某某区统计局",
        f"{S * 12}2024年7月4日",
    ]
    issuer = "某某市某某区数据资源管理局、某某市某某区文化广电旅游局、某某市某某区交通运输局、某某市某某区统计局"
    assert extract_metadata("\n".join(lines)).issuer == issuer


def test_a_pdfs_full_width_blanks_count_beside_half_width_ones() -> None:
    """LibreOffice's text layer gives most of a scan's spaces as U+3000 (the title's font
    keeps some half-width): once one half-width sign shows, full-width blanks inside words
    are signs on every line of a PDF."""
    lines = [
        "翠商\u3000\u3000联\u3000[\u300020\u30002\u3000\u30005\u3000\u3000]\u3000\u30003\u3000号",
        "关 于做 好2025年\u3000\u3000春\u3000运\u3000工\u3000作的通 知",
        "各有关单位：",
        BODY,
        "\u3000\u3000\u3000宜\u3000宾市\u3000翠\u3000屏\u3000\u3000区商务\u3000局",
        "\u3000\u3000\u3000二\u3000\u3000〇\u3000\u3000二\u3000五\u3000\u3000年\u3000一\u3000月\u3000\u3000十\u3000\u3000四\u3000\u3000日",
    ]
    assert not ocr_spaced(lines)
    assert ocr_spaced(lines, pdf=True)
    meta = extract_metadata("\n".join(close_ocr_spaces(lines, pdf=True))).to_dict()
    assert (meta["title"], meta["doc_number"], meta["issuer"], meta["date"]) == (
        "关于做好2025年春运工作的通知",
        "翠商联[2025]3号",
        "宜宾市翠屏区商务局",
        "2025-01-14",
    )


def test_a_pdfs_year_split_by_full_width_blanks_is_a_sign() -> None:
    """A scan's PDF may hold no half-width space at all; a year split inside the brackets
    of its 发文字号 ("【202　4】") is a sign no table row gives, and then its full-width
    blanks inside words count too."""
    lines = [
        "\u3000\u3000常德市武陵区交通运\u3000输局文件",
        "\u3000\u3000\u3000\u3000武交字【202\u30004】10\u30009号",
        "关于同意\u3000\u3000武陵\u3000区实验小学调整学区\u3000\u3000范围的批复",
        "武陵区教育\u3000\u3000体育局：",
        BODY,
        "\u3000\u3000\u3000\u3000常德市武陵\u3000区交通运输局",
        "\u3000\u3000\u3000\u30002\u3000\u30000\u3000\u300024\u3000年6月1日",
    ]
    assert not ocr_spaced(lines)
    assert ocr_spaced(lines, pdf=True)
    assert not ocr_spaced(TABLE_ROWS, pdf=True)
