"""Office layouts a new inbox holds (tests/fixtures/metadata_layouts_office.py), each rule
pinned by a small draft: a 收文 box or stamp above the 版头, （此页无正文） and seal text in
the 落款, the organ and the date on one line wrapped by a PDF, letter-spaced titles read as
their words, a running foot with the page number, joint 标志 set as a table; and the
generated office layouts read right as texts, .docx and PDFs of the second producer."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from pipeline.config import Settings
from pipeline.ingest import ingest_file
from pipeline.ingest.pdf_rules import running_lines
from pipeline.metadata import extract_metadata
from pipeline.metadata_head import issuer_mark_of, receipt_box
from tests.fixtures.metadata_drafts import LayoutDraft
from tests.fixtures.metadata_heads import BODY, A, B, S, doc_of
from tests.fixtures.metadata_layouts import _typed
from tests.fixtures.metadata_layouts_office import OFFICE_KINDS

TITLE = "九江市浔阳区财政局关于加强汛期地质灾害防治工作的通知"


@pytest.mark.parametrize(
    "box",
    [
        (f"收文单位\t{B}", "收文编号\t2024-0356\t收文日期\t2024年3月12日", "拟办意见\t请阅处"),
        (S * 18 + B, S * 20 + "收文" + S + "第356号", S * 20 + "2024年3月12日"),
        (f"收文单位 {B}", "收文编号 2024-0356 收文日期 2024年3月12日"),  # a PDF: no tabs
    ],
)
def test_receipt_marks_are_none_of_the_documents(box: tuple[str, ...]) -> None:
    """The receiving office's box or stamp above the 版头: its organ is no 标志 and its
    date no 成文日期, even when the 落款 gives only the date."""
    text = doc_of(
        *box, A + "文件", "浔财发〔2024〕9号", TITLE, "各有关单位：", BODY, S * 16 + "2024年3月5日"
    )
    meta = extract_metadata(text)
    assert (meta.issuer, meta.date, meta.title) == (A, "2024-03-05", TITLE)
    assert meta.issuer_mark == A + "文件"


def test_receipt_box_stops_at_the_head() -> None:
    """Only lines above the 版头 are the receiver's: a 收文 line under the title is text."""
    lines = [A + "文件", "浔财发〔2024〕9号", TITLE, "收文单位：各乡镇"]
    assert receipt_box(lines) == set()
    assert receipt_box([B, "收文　第3号", "2024年3月12日", A + "文件"]) == {0, 1, 2}


@pytest.mark.parametrize(
    "zone",
    [
        ("（此页无正文）", "", S * 10 + A, S * 11 + "2024年3月5日"),
        (S * 10 + A + "（单位公章）", S * 11 + "2024年3月5日"),
        (S * 10 + A, S * 11 + A, S * 14 + "★", S * 11 + "2024年3月5日"),  # a seal's text
        (S * 10 + A + S * 2 + "2024年3月5日",),  # the organ and the date on one line
        (S * 20 + "九江市浔阳区财政", "局" + S * 2 + "2024年3月5日"),  # a PDF wrapped the name
        (S * 20 + "九江市浔阳区人力资源和社", "会保障局" + S * 2 + "2024年3月5日"),
        (S * 10 + A + S * 2 + "二〇二四年三月", "五日"),  # … or the date
        (S * 10 + A + S * 2 + "二〇二四年三月十", "五日"),  # … inside the day
    ],
)
def test_signature_with_notes_seals_and_wraps(zone: tuple[str, ...]) -> None:
    meta = extract_metadata(
        doc_of(A + "文件", "浔财发〔2024〕9号", TITLE, "各有关单位：", BODY, *zone)
    )
    day = "2024-03-15" if zone[-1] == "五日" and "十" in zone[-2] else "2024-03-05"
    issuer = "九江市浔阳区人力资源和社会保障局" if "和社" in zone[0] else A
    assert (meta.issuer, meta.date) == (issuer, day)


def test_joint_names_one_above_the_other_after_a_blank_page_note() -> None:
    zone = ("（此页无正文）", S * 10 + A, S * 6 + B, S * 11 + "2024年3月5日")
    meta = extract_metadata(doc_of(TITLE, BODY, *zone))
    assert meta.issuer == f"{A}、{B}"


@pytest.mark.parametrize(
    ("printed", "title"),
    [
        ("询 问 笔 录", "询问笔录"),
        ("询\u3000问\u3000笔\u3000录", "询问笔录"),
        ("询\u3000问 笔\u3000录", "询问笔录"),  # both blanks: two producers' habits mixed
        (
            "现\u3000\u3000场\u3000\u3000检\u3000\u3000查\u3000\u3000笔录",
            "现场检查笔录",
        ),  # a wrap joined
        ("行 政 处 罚 决 定 书", "行政处罚决定书"),
        ("通\u3000\u3000告", "通告"),
    ],
)
def test_letter_spaced_titles_read_as_their_words(printed: str, title: str) -> None:
    meta = extract_metadata(doc_of(A, printed, "浔财罚〔2024〕12号", BODY, A, "2024年3月5日"))
    assert (meta.title, meta.issuer) == (title, A)


def test_a_title_with_words_apart_keeps_its_spaces() -> None:
    """Only a title spaced character by character is closed up."""
    meta = extract_metadata(doc_of("关于 2024 年 防汛 工作的通知", BODY, A, "2024年3月5日"))
    assert meta.title == "关于 2024 年 防汛 工作的通知"


def test_a_running_foot_with_the_page_number_is_furniture() -> None:
    pages = [
        ["某某局", "正文一", "2024年3月5日", "某某局　— 1 —"],
        ["附件", "正文二", "某某局　— 2 —"],
    ]
    assert running_lines(pages) == {(0, 3), (1, 2)}
    dates = [["正文一", "2024年3月5日"], ["附件", "2024年3月9日"]]
    assert running_lines(dates) == set()  # two dates differ: no foot


def test_a_joint_signature_atop_its_page_is_no_running_head() -> None:
    """The page break fell above the 落款: its names repeat the stacked 标志 of page one."""
    pages = [[A, B, "文件", "正文"], [A, B, "2024年3月5日", "附件1"]]
    assert running_lines(pages) == set()
    letterhead = [[A, "关于…的通知", "正文"], [A, A, "2024年3月5日"]]  # a letterhead over it
    assert running_lines(letterhead) == {(0, 0), (1, 0)}


@pytest.mark.parametrize(
    ("head", "mark"),
    [
        ([A, A + "文件"], A + "文件"),  # a running head above the 标志
        ([A + S + "文件", B], f"{A}、{B}文件"),  # 文件 set beside the first of two
        ([A + "文件"], A + "文件"),
    ],
)
def test_issuer_marks(head: list[str], mark: str) -> None:
    assert issuer_mark_of(head) == mark


def _drafts(count: int, seed: int) -> list[LayoutDraft]:
    rng = random.Random(seed)
    return [_typed(rng, rng.choice(OFFICE_KINDS)(rng)) for _ in range(count)]


def _wrong(draft: LayoutDraft, meta: dict[str, object]) -> list[tuple[str, object, object]]:
    return [(k, v, meta.get(k)) for k, v in draft.gold.items() if meta.get(k) != v]


def test_office_layouts_read_right_as_texts() -> None:
    wrong = [
        (d.variant, w)
        for d in _drafts(300, 31)
        for w in _wrong(d, extract_metadata(d.text).to_dict())
    ]
    assert not wrong, wrong[:5]


def test_office_layouts_read_right_as_docx_and_pdf(tmp_path: Path) -> None:
    pytest.importorskip("reportlab")
    from tests.fixtures.metadata_office_docx import office_docx
    from tests.fixtures.metadata_office_pdf import office_pdf

    rng = random.Random(37)
    wrong = []
    for i, draft in enumerate(_drafts(40, 37)):
        for path in (
            office_docx(tmp_path / f"d{i}.docx", draft, rng)[0],
            office_pdf(tmp_path / f"r{i}.pdf", draft, rng),
        ):
            document, _, error = ingest_file(path, Settings())
            assert document is not None, error
            wrong += [
                (path.name, draft.variant, w)
                for w in _wrong(draft, extract_metadata(document).to_dict())
            ]
    assert not wrong, wrong[:5]


def test_organ_run_on_to_a_letter_spaced_title() -> None:
    """A PDF joined the organ's name centred alone to the spaced 执法文书 title under it."""
    meta = extract_metadata(
        doc_of(A + "询 问 笔 录", "询问时间：2024年3月26日9时10分", "地点：本局")
    )
    assert (meta.title, meta.issuer, meta.date) == ("询问笔录", A, "2024-03-26")


def test_a_running_head_after_the_版头_in_the_header_is_no_title_line() -> None:
    """A template's first-page header holds the 版头; the other sections' header holds
    the organ's name (a running head): only the 版头 is read before the body."""
    from pipeline.document import Block, Document
    from pipeline.metadata_fallbacks import header_lead

    body = "关于加强汛期地质灾害防治工作的通知\n各有关单位：\n" + BODY
    header = [A + "文件", "浔财发〔2024〕9号", A]
    text = body + "\n" + "\n".join(header)
    blocks, at = [], len(body) + 1
    for line in header:
        blocks.append(Block(at, at + len(line), "header"))
        at += len(line) + 1
    document = Document(
        source="t", sha256="0", format="docx", text=text, blocks=blocks, body_end=len(body)
    )
    assert header_lead(document) == header[:2]


@pytest.mark.parametrize("label", ["附件", "附件1", "附 件 2"])
def test_a_date_signed_on_an_attachment_is_none_of_the_documents(label: str) -> None:
    """The 落款 gives only the date; the 附件 after it is a form another organ signed."""
    text = doc_of(
        A + "文件",
        "浔财发〔2024〕9号",
        TITLE,
        "各有关单位：",
        BODY,
        S * 16 + "2024年3月5日",
        label,
        "绩效自评报告（样表）",
        "　　一、基本情况。",
        S * 14 + B + "（盖章）",
        S * 15 + "2024年3月20日",
    )
    meta = extract_metadata(text)
    assert (meta.issuer, meta.date) == (A, "2024-03-05")


# --- the page's printed width (PDF reader), joint 落款 with the date beside the last ----


LETTER = (90.0, 504.0, 612.0)  # a Letter page's left margin, the lines' right end, width
A4_GB = (79.4, 511.4, 595.3)  # GB/T 9704 on A4: 版心 156 mm from 28 mm


@pytest.mark.parametrize(
    ("page", "chars", "wraps"),
    [
        (LETTER, 17, False),  # an organ centred alone over 行政处罚决定书: 2 characters spare
        (LETTER, 18, False),  # 36 pt spare, and the next character is 22 pt wide
        (LETTER, 19, True),  # 14 pt spare: the next character does not fit
        (A4_GB, 18, False),
        (A4_GB, 20, True),  # the 版心 full (20 of 二号)
    ],
)
def test_a_centred_line_wraps_only_when_the_next_character_does_not_fit(
    page: tuple[float, float, float], chars: int, wraps: bool
) -> None:
    """The page's width puts the printed width's right edge (the left margin mirrored),
    which ragged or few lines read short (504 pt of 522 pt on a 执法文书's first page)."""
    from pipeline.ingest.pdf_rules import centred_wrap

    left, right, width = page
    text_width = width - 2 * left
    x0 = left + (text_width - 22 * chars) / 2
    line = [{"x0": x0 + 22 * k, "x1": x0 + 22 * (k + 1), "size": 22.0} for k in range(chars)]
    ends = (line[0]["x0"], line[-1]["x1"])
    assert centred_wrap(line, ends, 22.0, (left, right), width) is wraps


@pytest.mark.parametrize("chars", [14, 17, 18])
def test_an_organ_centred_over_a_case_paper_is_no_part_of_its_title(
    tmp_path: Path, chars: int
) -> None:
    """A PDF of a .docx whose organ's name is set centred as the title, nearly as wide as
    the line, over 行政处罚决定书: two lines, as the draft has them."""
    from tests.fixtures.libreoffice import convert_with_libreoffice
    from tests.fixtures.metadata_drafts import devset_docx

    organ = {14: "包头市昆都仑区退役军人事务局", 17: "包头市昆都仑区人力资源和社会保障局"}.get(
        chars, "岳阳市岳阳楼区城市管理综合行政执法局"
    )
    lines = [organ, "行政处罚决定书", "昆应急罚〔2024〕12号", "当事人：洛阳市恒信商贸有限公司"]
    lines += [BODY, S * 6 + organ, S * 7 + "2024年3月5日"]
    source = devset_docx(tmp_path / "case.docx", LayoutDraft(lines, {0, 1}, {}, "pinned"))
    try:
        (pdf,) = convert_with_libreoffice([source], tmp_path / "pdf")
    except FileNotFoundError:
        pytest.skip("LibreOffice is not installed")
    document, _, _ = ingest_file(pdf, Settings())
    assert document is not None
    meta = extract_metadata(document)
    assert (meta.title, meta.issuer) == ("行政处罚决定书", organ)


C = "九江市浔阳区应急管理局"


@pytest.mark.parametrize(
    ("zone", "issuer"),
    [
        ((S * 10 + A, S * 10 + B + S * 2 + "2024年3月5日"), f"{A}、{B}"),
        ((" " * 20 + A, " " * 20 + B + "    2024年3月5日"), f"{A}、{B}"),
        ((S * 10 + A, S * 10 + C, S * 10 + B + S * 2 + "2024年3月5日"), f"{A}、{C}、{B}"),
        (
            (S * 10 + A + "（盖章）", S * 10 + B + "（盖章）" + S * 2 + "二〇二四年三月五日"),
            f"{A}、{B}",
        ),
        ((S * 10 + A, S * 10 + B + S * 2 + "2024年3月", "5日"), f"{A}、{B}"),  # the date cut
        ((S * 4 + A + S * 4 + B + S * 2 + "2024年3月5日",), f"{A}、{B}"),  # side by side
        # wider than the line, reflowed by a PDF inside the second name
        (
            (S * 6 + A + S * 4 + "九江市浔阳区人", "民政府办公室" + S * 2 + "2024年3月5日"),
            f"{A}、{B}",
        ),
        (
            (S * 6 + A + S * 4 + "九江市浔阳区人", "民政府办公室", S * 16 + "2024年3月5日"),
            f"{A}、{B}",
        ),
        ((S * 10 + A + S * 2 + "2024年3月5日",), A),  # one organ: the date beside it
        ((BODY, S * 10 + A + S * 2 + "2024年3月5日"), A),  # a body line above is no organ
    ],
)
def test_joint_signature_with_the_date_beside_the_last_organ(
    zone: tuple[str, ...], issuer: str
) -> None:
    for head in ((A + "文件", "浔财发〔2024〕9号", TITLE), (TITLE,)):
        meta = extract_metadata(doc_of(*head, "各有关单位：", BODY, *zone))
        assert (meta.issuer, meta.date) == (issuer, "2024-03-05")


def test_a_mark_run_on_to_the_line_of_copy_number_and_doc_number() -> None:
    """信函格式: a PDF joined the joint 标志 and the 份号 line with the number beside it."""
    run_on = f"{A}{S * 2}{B}文件000130{S * 6}浔财函(2023)第14号"
    meta = extract_metadata(
        doc_of(run_on, "关于做好2024年度第二批（秋季）征兵工作的", "决定", BODY)
    )
    assert (meta.title, meta.doc_number, meta.copy_number) == (
        "关于做好2024年度第二批（秋季）征兵工作的决定",
        "浔财函(2023)第14号",
        "000130",
    )


# --- how Word drafts set their titles (tests/fixtures/metadata_office_docx.py) ---------


@pytest.mark.parametrize(
    "printed",
    [
        (TITLE + "★",),
        (TITLE + S + "◆",),
        (TITLE + "\uf0a8",),  # a Wingdings glyph a PDF gives as a private-use character
        ("——" + TITLE + "——",),
        ("\t" + TITLE,),  # pushed to the middle by a tab
        ("\t九江市浔阳区财政局关于加强汛期", "\t地质灾害防治工作的通知"),
        (
            S * 2 + "九江市浔阳区财政局关于加强汛期" + S * 2,
            S * 2 + "地质灾害防治工作的通知" + S * 2,
        ),
        # a template's narrow middle cell: short lines, a name and a number cut
        ("九江市浔阳区财", "政局关于加强汛期地质", "灾害防治工作的", "通知"),
    ],
)
def test_word_title_habits(printed: tuple[str, ...]) -> None:
    meta = extract_metadata(doc_of(A + "文件", "浔财发〔2024〕9号", *printed, "各有关单位：", BODY))
    assert (meta.title, meta.doc_type, meta.issuer) == (TITLE, "通知", A)


def test_a_title_cut_inside_a_number_by_a_narrow_cell() -> None:
    """ "202" under the 发文字号 is a piece of the title, not a 份号 (printed above it)."""
    lines = ("九江市浔阳区应急管理局关于表彰", "202", "4年度防汛抢险先进集体和先进个", "人的决定")
    meta = extract_metadata(doc_of(A + "文件", "浔财发〔2024〕9号", *lines, BODY))
    assert meta.title == "九江市浔阳区应急管理局关于表彰2024年度防汛抢险先进集体和先进个人的决定"
    assert meta.copy_number is None


@pytest.mark.parametrize("status", ["（征求意见稿）", S * 2 + "（代拟稿）" + S * 2])
def test_a_status_line_centred_by_blanks_belongs_to_the_title(status: str) -> None:
    meta = extract_metadata(doc_of(A + "文件", "浔财发〔2024〕9号", TITLE, status, BODY))
    assert meta.title == TITLE + status.strip(S)


def test_ornaments_stay_on_marks_and_placeholders() -> None:
    """★ of a 密级 line and ○○ of a template's placeholder are no ornaments."""
    meta = extract_metadata(
        doc_of("机密★1年", "○○县财政局关于加强汛期地质灾害防治工作的通知", BODY)
    )
    assert (meta.secret_level, meta.title) == (
        "机密",
        "○○县财政局关于加强汛期地质灾害防治工作的通知",
    )


NEW_TREATMENTS = (
    "style",
    "padded",
    "tab",
    "redhead_table",
    "sign_box",
    "status_kai",
    "ornament",
    "cell_narrow",
)


@pytest.mark.parametrize("treatment", NEW_TREATMENTS)
def test_word_title_habits_read_right_as_docx_and_pdf(tmp_path: Path, treatment: str) -> None:
    """Each drafting habit on generated layouts (tests/fixtures/metadata_layouts.py), as
    the .docx and as LibreOffice's PDF of it."""
    from tests.fixtures.libreoffice import convert_with_libreoffice
    from tests.fixtures.metadata_layouts import generate_layouts
    from tests.fixtures.metadata_office_docx import office_docx

    drafts = [
        d for d in generate_layouts(16, seed=600 + NEW_TREATMENTS.index(treatment)) if d.title_lines
    ]
    rng = random.Random(41)
    files = [
        office_docx(tmp_path / f"d{i}.docx", d, rng, treatment)[0] for i, d in enumerate(drafts)
    ]
    try:
        pdfs = convert_with_libreoffice(files, tmp_path / "pdf")
    except FileNotFoundError:
        pdfs = []
    wrong = []
    for draft, path in zip(drafts, files, strict=True):
        for source in (path, *(p for p in pdfs if p.stem == path.stem)):
            document, _, error = ingest_file(source, Settings())
            assert document is not None, error
            meta = extract_metadata(document).to_dict()
            wrong += [(source.name, draft.variant, w) for w in _wrong(draft, meta)]
    assert not wrong, wrong[:5]


@pytest.mark.parametrize(
    ("printed", "title"),
    [
        (  # a narrow cell cut the organ's name after a one-character suffix (…和社)
            ("芜湖市镜湖区人力资源和社", "会保障局2025年度法", "治政府建设情况报告"),
            "芜湖市镜湖区人力资源和社会保障局2025年度法治政府建设情况报告",
        ),
        (  # a whole name (…街道办事处) over a heading that starts with another organ word
            ("芜湖市镜湖区东嘎街道办事处", "东嘎街道2024年第二季度临时救助", "对象发放名单"),
            "东嘎街道2024年第二季度临时救助对象发放名单",
        ),
    ],
)
def test_a_heading_cut_inside_or_after_the_organs_name(
    printed: tuple[str, ...], title: str
) -> None:
    meta = extract_metadata(doc_of(*printed, BODY, S * 10 + A, S * 11 + "2024年3月5日"))
    assert meta.title == title
