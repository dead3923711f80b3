"""Titles that hold on layouts the other generators do not draw (issue 20): each rule
pinned by a small draft, and the varied generator (tests/fixtures/metadata_varied.py) read
as text, .docx and PDF on a seed of its own."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from pipeline.metadata import extract_metadata
from tests.fixtures.metadata_scoring import field_misses, file_misses
from tests.fixtures.metadata_varied import VARIED_SEED, generate_varied

S = "\u3000"
SIGN = f"{S * 12}宜宾市翠屏区司法局\n{S * 13}2024年5月6日"

STATUS_CASES = [
    # a rule's status names its revision, or lists two states with a comma or a dot
    ("翠屏区住宅专项维修资金管理办法", "（2024年修订）"),
    ("翠屏区住宅专项维修资金管理办法", "（2024年修订，征求意见稿）"),
    ("翠屏区政府投资项目审批管理规定", "（修订草案，征求意见稿）"),
    ("翠屏区城乡居民临时救助实施细则", "（草案·送审稿）"),
    ("翠屏区城乡居民临时救助实施细则", "（试行）"),
]


@pytest.mark.parametrize(("heading", "status"), STATUS_CASES)
def test_a_status_with_its_revision_or_a_comma_under_a_heading_is_the_titles(
    heading: str, status: str
) -> None:
    text = f"{heading}\n{status}\n第一章{S}总{S * 2}则\n{S * 2}第一条{S}为规范有关工作，制定本办法。\n{SIGN}"
    meta = extract_metadata(text)
    assert meta.title == heading + status
    assert meta.issuer == "宜宾市翠屏区司法局"


@pytest.mark.parametrize(
    "note",
    ["（涉密文件，注意保管）", "（2024年12月20日区人民政府第5次常务会议审议通过）"],
)
def test_a_note_under_a_heading_is_still_no_part_of_it(note: str) -> None:
    """The wider status rule takes only states and revisions: a handling remark or the
    meeting that adopted a rule stays out of the title."""
    text = f"翠屏区防汛抗旱应急演练方案\n{note}\n{S * 2}一、总体要求。各单位要高度重视。\n{SIGN}"
    assert extract_metadata(text).title == "翠屏区防汛抗旱应急演练方案"


SPEECH_CASES = [
    # a title wrapped after 武陵区, its second line ending in 局 (…大局): no organ's name
    (
        ["守牢安全底线，护航武陵区", "经济社会发展大局", "——在全区安全生产工作会议上的讲话"],
        "守牢安全底线，护航武陵区经济社会发展大局",
    ),
    # the date inside the subtitle
    (
        [
            "坚定信心、真抓实干，奋力谱写",
            "涪城区高质量发展新篇章",
            "——2024年3月5日在全区经济工作会议上的讲话",
        ],
        "坚定信心、真抓实干，奋力谱写涪城区高质量发展新篇章",
    ),
    # no subtitle: the speaker's line ends a title wrapped before its last character
    (["在翠屏区2024年安全生产工作会议上的讲", "话"], "在翠屏区2024年安全生产工作会议上的讲话"),
]


@pytest.mark.parametrize(("printed", "title"), SPEECH_CASES)
def test_a_speech_title_ends_at_its_subtitle_or_its_speaker(printed: list[str], title: str) -> None:
    text = "\n".join(
        [
            *printed,
            f"宜宾市翠屏区人民政府区长{S}王建华",
            "（2024年3月5日）",
            "同志们：",
            f"{S * 2}今天召开这次会议，主要任务是部署工作。",
        ]
    )
    assert extract_metadata(text).title == title


def test_a_report_read_to_a_meeting_keeps_its_type_and_leaves_its_subtitle() -> None:
    text = (
        "关于翠屏区2023年度区级预算执行和其他财政收支的\n审计工作报告\n"
        "——2024年8月27日在宜宾市翠屏区人民代表大会常务委员会\n第二十一次会议上\n"
        f"宜宾市翠屏区审计局局长{S}王建华\n主任、各位副主任、各位委员：\n{S * 2}我受区人民政府委托，报告审计情况。"
    )
    meta = extract_metadata(text)
    assert meta.title == "关于翠屏区2023年度区级预算执行和其他财政收支的审计工作报告"
    assert (meta.date, meta.date_source) == ("2024-08-27", "讲话日期")


def test_an_exam_papers_mark_until_the_exam_ends_is_no_title_line() -> None:
    text = (
        "绝密★考试结束前\n涪城区2025年度公开招聘社区工作者\n笔试题本\n"
        f"{S * 2}一、本题本共8页，满分100分。\n{S * 2}二、请在答题卡上作答。"
    )
    meta = extract_metadata(text)
    assert (meta.title, meta.doc_type) == ("涪城区2025年度公开招聘社区工作者笔试题本", "题本")
    assert meta.secret_level == "绝密"


def test_a_title_cut_after_a_type_word_inside_a_longer_one_goes_on() -> None:
    """ "…政府信息" ends in a type word (信息) only where the line was cut."""
    text = f"麻城市2025年度政府信息\n公开工作年度报告\n{S * 2}一、总体情况。本年度依法公开信息。\n{SIGN}"
    assert extract_metadata(text).title == "麻城市2025年度政府信息公开工作年度报告"


@pytest.mark.parametrize("banner", ["会议纪要", "专题会议纪要", "会　议　纪　要"])
@pytest.mark.parametrize("number", ["第16期", "第16期（总第120期）", "翠府纪〔2024〕5号"])
def test_a_minutes_banner_gives_way_to_the_subjects_title(banner: str, number: str) -> None:
    """Under the banner, the 期号 (or number) and the office beside the date are no title
    lines; the subject's own title (关于…纪要) is the title."""
    text = (
        f"宜宾市翠屏区人民政府\n{banner}\n{number}\n宜宾市翠屏区人民政府办公室{S * 6}二〇二四年五月六日\n"
        "关于研究老旧小区改造和加装电梯有关问题的会议纪要\n"
        f"{S * 2}会议研究了有关事项，现纪要如下：\n出席：王建国、李明"
    )
    meta = extract_metadata(text)
    assert meta.title == "关于研究老旧小区改造和加装电梯有关问题的会议纪要"
    assert (meta.issuer, meta.date) == ("宜宾市翠屏区人民政府办公室", "2024-05-06")


def test_the_office_beside_the_date_one_space_apart_is_no_title_line() -> None:
    """A PDF may give the gap between the office and the date as one space."""
    text = (
        "宜宾市翠屏区人民政府\n会议纪要\n第3期\n宜宾市翠屏区人民政府办公室 ２０２４年５月６日\n"
        f"关于研究翠屏区城区“十五分钟生活圈”建设有关问题的会议纪要\n{S * 2}会议研究了有关事项。"
    )
    meta = extract_metadata(text)
    assert meta.title == "关于研究翠屏区城区“十五分钟生活圈”建设有关问题的会议纪要"


def test_a_number_wrapped_in_a_pdf_title_loses_the_readers_space() -> None:
    """ "（202 1—2035年）": the reader joined a title wrapped inside a number with a space."""
    text = (
        "涪政文〔2024〕3号\n绵阳市涪城区自然资源局关于报送《涪城区国土空间总体规划（202 1—2035年）》"
        f"的请示\n市人民政府：\n{S * 2}现将规划报上，请审示。\n{SIGN}"
    )
    title = extract_metadata(text).title
    assert title == "绵阳市涪城区自然资源局关于报送《涪城区国土空间总体规划（2021—2035年）》的请示"


def test_a_short_type_line_is_the_title_when_nothing_fuller_follows() -> None:
    text = "宜宾市翠屏区司法局\n询问笔录\n询问时间：2024年5月6日9时10分\n地点：本局执法室\n问：你是否申请回避？"
    meta = extract_metadata(text)
    assert (meta.title, meta.issuer, meta.date) == ("询问笔录", "宜宾市翠屏区司法局", "2024-05-06")


def test_a_drafters_line_run_on_to_the_chapter_heading_still_names_and_dates() -> None:
    """A PDF reader joins a full line to the next one: "起草单位：…（2025年5月24日）第一章"."""
    text = (
        "丛台区住宅专项维修资金管理办法\n（征求意见稿）\n"
        f"起草单位：邯郸市丛台区商务局（2025年5月24日）第一章{S}总{S * 2}则\n"
        f"第一条{S}为规范有关工作，制定本办法。"
    )
    meta = extract_metadata(text)
    assert (meta.issuer, meta.date) == ("邯郸市丛台区商务局", "2025-05-24")


def test_varied_layouts_as_text() -> None:
    """A seed the benchmark does not use: every field right on at least 99 %."""
    drafts = generate_varied(400, seed=VARIED_SEED + 1)
    misses = field_misses([(d.gold, extract_metadata(d.text).to_dict()) for d in drafts])
    assert max(misses.values()) <= 0.01, misses


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_varied_layouts_as_files(tmp_path: Path, fmt: str) -> None:
    """The same drafts typeset as offices do (.docx by tests/fixtures/metadata_office_docx,
    PDF by the reportlab typesetter): at least 97 % per field."""
    if fmt == "pdf":
        from pipeline.fonts import find_cjk_font

        if find_cjk_font() is None:
            pytest.skip("no CJK font to draw the PDFs (Debian fonts-wqy-zenhei)")
    from tests.fixtures.metadata_office_docx import office_docx
    from tests.fixtures.metadata_office_pdf import office_pdf

    rng = random.Random(VARIED_SEED + 2)
    drafts = generate_varied(48, seed=VARIED_SEED + 2)
    if fmt == "docx":
        misses = file_misses(drafts, lambda p, d: office_docx(p, d, rng)[0], tmp_path, ".docx")
    else:
        misses = file_misses(drafts, lambda p, d: office_pdf(p, d, rng), tmp_path, ".pdf")
    assert max(misses.values()) <= 0.03, misses
