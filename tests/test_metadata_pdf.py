"""Metadata of PDFs made the devset's way (.docx one paragraph per line, made into a PDF
by LibreOffice): the PDF reader must hand the metadata reader the lines the draft has.

A 落款 typed right-aligned with spaces wraps at the page margin anywhere (inside the
organ's name, after a date's 年, before 日 or 印发); a letterhead in the page header is
printed atop every page; a whole 落款 with its date beside it fills the line. Each layout
is one small draft; the generated layouts (tests/fixtures/metadata_drafts.py) are read
as PDFs too. Skipped without LibreOffice."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import Settings
from pipeline.ingest import ingest_file
from pipeline.ingest.pdf_rules import running_lines, signature_block, signature_piece
from pipeline.metadata import extract_metadata
from tests.fixtures.libreoffice import convert_with_libreoffice
from tests.fixtures.metadata_drafts import LayoutDraft, devset_docx, generate
from tests.fixtures.metadata_layouts import generate_layouts

S = "\u3000"
BODY = (
    "各有关单位：",
    "　　现将有关事项通知如下，请各单位结合实际认真贯彻落实，确保各项工作按时完成，"
    "并于每月5日前报送工作进展情况。",
)


GENERATED = generate(36, seed=404)
# The wider layouts (joint 版头 and 落款, case papers, tables, page numbers).
LAYOUTS = generate_layouts(30, seed=405)


def _draft(head: str, *tail: str, title: str = "关于做好2024年度防汛抗旱工作的通知") -> LayoutDraft:
    lines = [head, title, *BODY, *tail]
    return LayoutDraft(lines, {1}, {}, "pinned")


# (name, draft, header_first, expected issuer, expected date)
PINNED: list[tuple[str, LayoutDraft, bool, str, str]] = [
    (  # the name pushed right by spaces wraps inside itself: 太原市生态环 / 境局清徐分局
        "name_wraps",
        _draft(
            "并环清函〔2024〕23号", S * 21 + "太原市生态环境局清徐分局", S * 24 + "2024年6月27日"
        ),
        False,
        "太原市生态环境局清徐分局",
        "2024-06-27",
    ),
    (  # the name wraps right before an organ suffix that is an organ alone (…局 / 清徐分局)
        "suffix_wraps",
        _draft(
            "并环清函〔2024〕23号", S * 19 + "太原市生态环境局清徐分局", S * 22 + "2024年6月27日"
        ),
        False,
        "太原市生态环境局清徐分局",
        "2024-06-27",
    ),
    (  # the date wraps after its year: …2024 / 年6月27日
        "date_wraps",
        _draft(
            "并环清函〔2024〕23号", S * 14 + "太原市生态环境局清徐分局", S * 24 + "2024年6月27日"
        ),
        False,
        "太原市生态环境局清徐分局",
        "2024-06-27",
    ),
    (  # organ and date on one line; 日 wraps (the autospace after 09 takes the room)
        "beside_wraps",
        _draft("保竞住建〔2024〕6号", "保定市竞秀区住房和城乡建设局" + S * 4 + "2024年10月09日"),
        False,
        "保定市竞秀区住房和城乡建设局",
        "2024-10-09",
    ),
    (  # a whole 落款 on one line filling the margin, then the 附注
        "beside_full",
        _draft(
            "昆农〔2025〕7号",
            "包头市昆都仑区农业农村局" + S * 4 + "２０２５年７月２０日",
            "（此件不公开）",
        ),
        False,
        "包头市昆都仑区农业农村局",
        "2025-07-20",
    ),
]


FULL = "　　" + "资" * 52 + "。"
SEALED: list[tuple[str, LayoutDraft, bool, str, str]] = [
    (  # the body's last line fills the margin; a seal caption stands between name and date
        f"{name}_after_full_line",
        LayoutDraft(["关于下达学生资助资金的通知", "各学校：", FULL[:-n], *tail], {0}, {}, name),
        False,
        "赣州市章贡区教育局",
        "2024-05-06",
    )
    for name, tail in (
        ("seal_line", ("赣州市章贡区教育局", "（盖章）", "2024年5月6日")),
        ("seal_by_date", ("赣州市章贡区教育局", "2024年5月6日（章）")),
    )
    for n in (1, 2)  # 52 资, or 51 and 。: the second line filled to the margin
]
PINNED += [(f"{name}{i}", d, h, iss, day) for i, (name, d, h, iss, day) in enumerate(SEALED)]
JOINT = ("扬州市邗江区人民政府办公室", "扬州市邗江区应急管理局", "扬州市邗江区农业农村局")
PINNED += [
    (  # three issuers side by side: the PDF wraps the columns inside a name
        "joint_columns",
        _draft(
            "邗政办发〔2023〕16号", S * 2 + (S * 6).join(JOINT), S * 10 + "２０２３年３月２３日"
        ),
        False,
        "、".join(JOINT),
        "2023-03-23",
    ),
    (  # two side by side, three spaces apart: the PDF may drop the gap
        "joint_gap",
        _draft("邗政办发〔2023〕16号", S * 10 + (S * 3).join(JOINT[1:]), "2023年3月23日"),
        False,
        "、".join(JOINT[1:]),
        "2023-03-23",
    ),
]


def _long_letter() -> LayoutDraft:
    """A three-page letter whose letterhead is in the page header."""
    body = [
        "　　经研究，现就有关事项答复如下：你单位提出的申请材料齐全，符合法定形式，本机关依法予以受理，"
        "并将在法定期限内作出决定。"
    ] * 26
    lines = [
        "洛阳市西工区住房和城乡建设局",
        "政府信息公开申请答复书",
        "西住建依复〔2024〕12号",
        "王某某：",
        *body,
        "洛阳市西工区住房和城乡建设局",
        "2024年9月12日",
    ]
    return LayoutDraft(lines, {1}, {}, "letterhead")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every draft of this module as a PDF, made by one LibreOffice run."""
    folder = tmp_path_factory.mktemp("metadata_pdf")
    sources = [devset_docx(folder / f"{name}.docx", d, h) for name, d, h, _i, _t in PINNED]
    sources.append(devset_docx(folder / "letterhead.docx", _long_letter(), header_first=True))
    sources += [devset_docx(folder / f"gen{i}.docx", d) for i, d in enumerate(GENERATED)]
    sources += [devset_docx(folder / f"lay{i}.docx", d) for i, d in enumerate(LAYOUTS)]
    try:
        made = convert_with_libreoffice(sources, folder)
    except FileNotFoundError:
        pytest.skip("LibreOffice is absent (`make install` installs libreoffice-writer-nogui)")
    return {path.stem: path for path in made}


def _meta(path: Path) -> dict[str, object]:
    document, _data, error = ingest_file(path, Settings())
    assert document is not None, error
    return extract_metadata(document).to_dict()


@pytest.mark.parametrize(
    ("name", "issuer", "day"), [(n, i, t) for n, _d, _h, i, t in PINNED], ids=[p[0] for p in PINNED]
)
def test_pdf_signature_layouts(pdfs: dict[str, Path], name: str, issuer: str, day: str) -> None:
    meta = _meta(pdfs[name])
    assert (meta["issuer"], meta["date"]) == (issuer, day)


def test_letterhead_on_every_page_is_no_second_issuer(pdfs: dict[str, Path]) -> None:
    document, _data, _error = ingest_file(pdfs["letterhead"], Settings())
    assert document is not None and (document.pages or 0) >= 2
    meta = extract_metadata(document)
    assert meta.issuer == "洛阳市西工区住房和城乡建设局"
    assert meta.issuer_mark == "洛阳市西工区住房和城乡建设局"  # read from the header blocks
    assert document.body.count("洛阳市西工区住房和城乡建设局") == 1  # the 落款 only


def test_generated_layouts_read_right_as_pdf(pdfs: dict[str, Path]) -> None:
    wrong = []
    for i, draft in enumerate(GENERATED):
        meta = _meta(pdfs[f"gen{i}"])
        wrong += [(i, draft.variant, k, v, meta[k]) for k, v in draft.gold.items() if meta[k] != v]
    assert not wrong, wrong[:5]


def test_wider_generated_layouts_read_right_as_pdf(pdfs: dict[str, Path]) -> None:
    wrong = []
    for i, draft in enumerate(LAYOUTS):
        meta = _meta(pdfs[f"lay{i}"])
        wrong += [(i, draft.variant, k, v, meta[k]) for k, v in draft.gold.items() if meta[k] != v]
    assert not wrong, wrong[:5]


# --- the reader's rules on their own ----------------------------------------------------


def test_running_heads_and_feet() -> None:
    pages = [["某某局", "正文一", "第一页尾"], ["某某局", "正文二"], ["某某局", "正文三", "附件"]]
    assert running_lines(pages) == {(0, 0), (1, 0), (2, 0)}
    assert running_lines([["某某局", "正文"]]) == set()  # one page: nothing repeats


@pytest.mark.parametrize(
    ("line", "nxt", "joins"),
    [
        (S * 20 + "太原市生态环", "境局清徐分局", True),
        (S * 20 + "2024", "年6月27日", True),
        (S * 20 + "2024年6月27日", "抄送：清徐县人民政府", False),  # a whole date ends it
        (S * 20 + "太原市生态环", "（联系人：张某，电话：0351-5723618）", False),
    ],
)
def test_signature_piece(line: str, nxt: str, joins: bool) -> None:
    assert signature_piece(line, nxt) is joins


def test_a_printed_line_wrapped_before_印发_is_no_signature() -> None:
    texts = ["抄送：市委办公厅。", "某某市人民政府办公室秘书处　　2024年2月28日", "印发"]
    assert signature_block(texts) == set()
    assert signature_block(texts[:2]) == {1}
