"""Head lines that are no title, titles cut inside a year or a bracket, and a 发文字号 a PDF ran
into the line under it — the kinds the nineteenth hand (tests/fixtures/metadata_nineteenth.py)
found missed, as table rows written from how offices and their files set them (issue 20)."""

from __future__ import annotations

import pytest

from pipeline.metadata import extract_metadata
from tests.fixtures.metadata_nineteenth import generate_nineteenth
from tests.fixtures.metadata_scoring import field_misses


def _doc(*lines: str) -> str:
    return "\n".join(lines)


S = "\u3000"

NOT_TITLE = [
    (  # a test paper's mark with its period but no 密级 word over the heading
        ("★启用前", "青原区2025年选调生综合能力测试题本", "考生须知：", "　　1．请用黑色笔作答。"),
        "青原区2025年选调生综合能力测试题本",
    ),
    (  # the period alone, and another period's words
        ("考试结束前", "2024年秋季学期七年级数学期末试卷（B卷）", "一、选择题（每题3分）"),
        "2024年秋季学期七年级数学期末试卷（B卷）",
    ),
    (  # a 目录 set before the text, its entries with dot leaders and a page number
        (
            "目　录",
            "第一章　总则………………………………1",
            "第二章　规划目标……………………6",
            "峡江县国土空间总体规划（2021—2035年）",
            "　　第一章　总则",
            "　　为落实国家战略，编制本规划。",
        ),
        "峡江县国土空间总体规划（2021—2035年）",
    ),
    (  # leaders of middle dots or full stops, an entry numbered 1.
        (
            "目录",
            "1. 项目概况 ··········· 2",
            "2. 绩效评价结论 .......... 9",
            "吉州区2024年度部门整体支出绩效评价报告",
            "　　一、基本情况",
        ),
        "吉州区2024年度部门整体支出绩效评价报告",
    ),
]


@pytest.mark.parametrize(("lines", "title"), NOT_TITLE)
def test_lines_that_are_no_title(lines: tuple[str, ...], title: str) -> None:
    assert extract_metadata(_doc(*lines)).title == title


CUT_TITLES = [
    (  # a heading's year left alone on the line above its 年: no 份号
        ("2024", "年度政府信息公开工作年度报告", "　　一、总体情况"),
        "2024年度政府信息公开工作年度报告",
    ),
    (  # the same under a 附件 label
        ("附件2", "2025", "年全县森林防火工作方案", "　　一、工作目标"),
        "2025年全县森林防火工作方案",
    ),
    (  # a headline wrapped inside its bracket, the dash opening the second line
        (
            S * 3 + "泰和县城乡供水一体化规划（2023",
            S * 8 + "—2030年）图文解读",
            "发布时间：2024-06-11 10:20",
            "　　近日，县水利局印发规划。",
        ),
        "泰和县城乡供水一体化规划（2023—2030年）图文解读",
    ),
    (  # over three lines, a break inside the 《》 and another inside the years' bracket
        (
            "一图看懂《定南县养老服务设施布局专项规划",
            "（2024",
            "—2035年）》",
            "来源：县民政局",
            "　　近日，县民政局发布规划。",
        ),
        "一图看懂《定南县养老服务设施布局专项规划（2024—2035年）》",
    ),
]


@pytest.mark.parametrize(("lines", "title"), CUT_TITLES)
def test_titles_cut_inside_a_year_or_a_bracket(lines: tuple[str, ...], title: str) -> None:
    assert extract_metadata(_doc(*lines)).title == title


def test_a_real_copy_number_stays_one() -> None:
    meta = extract_metadata(
        _doc(
            "0023", "万安县应急管理局文件", S * 9 + "万应急发〔2024〕5号", "关于做好汛期值班的通知"
        )
    )
    assert (meta.copy_number, meta.title) == ("0023", "关于做好汛期值班的通知")


RUN_ON_NUMBER = [
    (  # a PDF joined the number pushed to the margin and the party's label under it
        (
            "遂川县林业局",
            "林业行政处罚决定书",
            S * 14 + "遂林罚决〔2024〕7号当事人：某某木业有限公司",
            "　　经查，你单位擅自改变林地用途。",
        ),
        "遂林罚决〔2024〕7号",
        "林业行政处罚决定书",
    ),
    (
        (
            "永丰县人民政府办公室",
            "政府信息公开申请答复书",
            S * 12 + "永府办依复〔2025〕第3号申请人：某某",
            "　　你于2025年3月1日提出的申请收悉。",
        ),
        "永府办依复〔2025〕第3号",
        "政府信息公开申请答复书",
    ),
]


@pytest.mark.parametrize(("lines", "number", "title"), RUN_ON_NUMBER)
def test_a_number_run_into_the_label_under_it(
    lines: tuple[str, ...], number: str, title: str
) -> None:
    meta = extract_metadata(_doc(*lines))
    assert (meta.doc_number, meta.title) == (number, title)


def test_nineteenth_hand_texts() -> None:
    """The nineteenth hand's texts on a seed of the test's own: every field it pins."""
    drafts = generate_nineteenth(150, seed=9191)
    misses = field_misses([(d.gold, extract_metadata(d.text).to_dict()) for d in drafts])
    assert max(misses.values()) <= 0.02, misses
