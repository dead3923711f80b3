"""Titles cut over lines wherever a typist or a PDF breaks them, complete titles that do not
swallow the next line, labelled numbers, spaced headings and notes under a heading
(issue 20, round two)."""

from __future__ import annotations

import pytest

from pipeline.metadata import extract_metadata


def _doc(*lines: str) -> str:
    return "\n".join(lines)


# --- issue 20, round two: titles cut where a type word or an organ suffix seems to end them --

TITLE_BREAKS = [
    (  # 《…办法》 ends in a type word, the 的通知 on the next line is the title's own
        (
            "邗民〔2023〕第101号",
            "扬州市邗江区民政局关于印发《扬州市邗江区应急物资储备管理办法》",
            "的通知",
        ),
        "扬州市邗江区民政局关于印发《扬州市邗江区应急物资储备管理办法》的通知",
        "通知",
    ),
    (  # a 关于-subject ending in 规划, the years and 的批复 under it
        ("长沙市人民政府关于岳麓区国土空间分区规划", "（2021—2035年）的批复"),
        "长沙市人民政府关于岳麓区国土空间分区规划（2021—2035年）的批复",
        "批复",
    ),
    (  # 关于转发…的意见 / 的通知: a line starting with 的 is always the title's rest
        (
            "岳政办发〔2024〕3号",
            "长沙市岳麓区人民政府办公室关于转发市发展改革委关于加快推进数字经济发展的意见",
            "的通知",
        ),
        "长沙市岳麓区人民政府办公室关于转发市发展改革委关于加快推进数字经济发展的意见的通知",
        "通知",
    ),
    (  # a bare type word with its batch under a list's name
        ("岳麓区2024年考试录用公务员拟录用人员名单", "公示（第一批）"),
        "岳麓区2024年考试录用公务员拟录用人员名单公示（第一批）",
        "公示",
    ),
    (  # the title's rest typed with a centring indent
        ("岳水发〔2024〕3号", "长沙市岳麓区水利局关于做好2024年度", "　　防汛抗旱工作的通知"),
        "长沙市岳麓区水利局关于做好2024年度防汛抗旱工作的通知",
        "通知",
    ),
    (  # a whole title typed with a paragraph's indent
        ("岳水发〔2024〕3号", "　　关于做好2024年度防汛抗旱工作的通知"),
        "关于做好2024年度防汛抗旱工作的通知",
        "通知",
    ),
    (  # a long line that ends in 意见 only where it was cut: 意见汇总
        ("龙岗区2024年第三批区级高层次人才认定联审意见", "汇总（讨论稿）"),
        "龙岗区2024年第三批区级高层次人才认定联审意见汇总（讨论稿）",
        "意见汇总",
    ),
    (  # …行政处罚决定 / 信息公示: the 公示 is the type, 决定 part of the subject
        ("桥西区城市管理综合行政执法局2024年8月行政处罚决定", "信息公示"),
        "桥西区城市管理综合行政执法局2024年8月行政处罚决定信息公示",
        "公示",
    ),
    (  # cut after 处: a line holding a year is no organ's name, so the title starts there
        ("桥西区城市管理综合行政执法局2024年8月行政处", "罚决定信息公示"),
        "桥西区城市管理综合行政执法局2024年8月行政处罚决定信息公示",
        "公示",
    ),
    (  # a 规划纲要 cut after 规划, its second line indented under it: 纲要 is the kind
        ("某某省国民经济和社会发展第十四个五年规划", "     和2035年远景目标纲要"),
        "某某省国民经济和社会发展第十四个五年规划和2035年远景目标纲要",
        "纲要",
    ),
    (  # a report's 摘要 centred by a PDF's layout text, cut inside its 《》
        (
            "     《某某省金融运行报告（2024）",
            "                        》摘要",
            "          中国人民银行某某省分行",
            "                货币政策分析小组",
        ),
        "《某某省金融运行报告（2024）》摘要",
        "摘要",
    ),
]


@pytest.mark.parametrize(
    ("head", "title", "kind"), TITLE_BREAKS, ids=[t[-4:] for _h, t, _k in TITLE_BREAKS]
)
def test_titles_cut_over_lines(head: tuple[str, ...], title: str, kind: str) -> None:
    text = _doc(
        *head, "各有关单位：", "　　现将有关事项通知如下。", "长沙市岳麓区水利局", "2024年5月6日"
    )
    meta = extract_metadata(text)
    assert (meta.title, meta.doc_type) == (title, kind)


@pytest.mark.parametrize(
    "extra", ["（节选）", "一、基本情况", "长沙市岳麓区统计局"], ids=["excerpt", "heading", "organ"]
)
def test_a_complete_title_does_not_swallow_the_next_line(extra: str) -> None:
    text = _doc(
        "长沙市岳麓区2024年政府信息公开工作年度报告",
        extra,
        "　　本报告依据有关规定编制。",
        "长沙市岳麓区人民政府办公室",
        "2025年1月20日",
    )
    assert extract_metadata(text).title == "长沙市岳麓区2024年政府信息公开工作年度报告"


def test_bulletin_title_over_two_lines_is_no_signatory() -> None:
    """A 公报's date under its title: the organ above the date signs, the title lines not."""
    text = _doc(
        "长沙市岳麓区2023年国民经济和",
        "社会发展统计公报",
        "长沙市岳麓区统计局",
        "（2024年3月20日）",
        "　　2023年，全区经济运行稳中有进。",
    )
    meta = extract_metadata(text)
    assert (meta.title, meta.issuer, meta.date) == (
        "长沙市岳麓区2023年国民经济和社会发展统计公报",
        "长沙市岳麓区统计局",
        "2024-03-20",
    )


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("文号：岳应急罚〔2024〕12号", "岳应急罚〔2024〕12号"),
        ("发文字号：岳应急罚(2024)第0012号", "岳应急罚(2024)第0012号"),
        ("案号：岳应急罚〔2024〕12号", None),  # a case number is no 发文字号
        ("受理编号：岳应急罚〔2024〕12号", None),
    ],
)
def test_labelled_doc_number(line: str, number: str | None) -> None:
    text = _doc("长沙市岳麓区应急管理局", "行政处罚决定书", line, "当事人：某公司", "　　经查。")
    assert extract_metadata(text).doc_number == number


@pytest.mark.parametrize(
    ("line", "agency"),
    [
        ("桥西区城市管理综合行政执法局", True),
        ("桥西区城市管理综合行政执法局2024年8月行政处", False),
        ("2023年宜昌市夷陵区国民经济和社", False),
    ],
)
def test_a_line_with_a_year_is_no_organ(line: str, agency: bool) -> None:
    from pipeline.gongwen import looks_like_agency

    assert looks_like_agency(line) is agency


def test_generated_layouts_read_right_as_text() -> None:
    """Every generated layout (tests/fixtures/metadata_drafts.py, and the wider ones of
    tests/fixtures/metadata_layouts.py) as plain text."""
    from tests.fixtures.metadata_drafts import generate
    from tests.fixtures.metadata_layouts import generate_layouts

    wrong = []
    for draft in generate(400, seed=20) + generate_layouts(600, seed=31):
        meta = extract_metadata(draft.text).to_dict()
        wrong += [(draft.variant, k, v, meta[k]) for k, v in draft.gold.items() if meta[k] != v]
    assert not wrong, wrong[:5]


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        (  # letter-spaced with its year: read as its words, however long
            ("哈尔滨市南岗区民政局", "2 0 2 4 年 临 时 救 助 发 放 名 单 公 示"),
            "2024年临时救助发放名单公示",
        ),
        (  # letter-spaced with its bracketed procedure
            (
                "长沙市望城区交通运输局",
                "行 政 处 罚 决 定 书 （ 简 易 程 序 ）",
                "望交罚〔2022〕118号",
            ),
            "行政处罚决定书（简易程序）",
        ),
        (  # a sentence under a heading without 关于 is a note, not the title's second line
            ("五常市2026年国防动员工作计划", "本计划属涉密事项，按涉密文件管理。"),
            "五常市2026年国防动员工作计划",
        ),
        (  # so is a bracketed remark with a comma
            ("南岗区2024年战备物资工作计划", "（涉密文件，注意保管）"),
            "南岗区2024年战备物资工作计划",
        ),
        (  # while a status line under the title still belongs to it
            ("关于加强涉密文件管理的通知", "（征求意见稿）"),
            "关于加强涉密文件管理的通知（征求意见稿）",
        ),
    ],
)
def test_spaced_headings_and_notes_under_a_heading(lines: tuple[str, ...], title: str) -> None:
    text = _doc(
        *lines, "　　重要目标5处，民兵分队393人，具体部署如下。", "某某县人民政府", "2024年3月1日"
    )
    assert extract_metadata(text).title == title
