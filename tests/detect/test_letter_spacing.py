"""The closed-up view of letter-spaced lines the recognizers read, and its map back."""

from __future__ import annotations

import pytest

from pipeline.detect.letter_spacing import spaced_view, unspaced_line, view_gaps

FS = "\u3000"
VIEWS = [
    ("申 请 人 ： 张 建 国", "申请人：张建国"),
    ("　　被 申 请 人 ： 丰 泽 区 卫 生 健 康 局", "　　被申请人：丰泽区卫生健康局"),  # indent kept
    ("2  0  2  6  年  度  征  兵", "2026年度征兵"),
    (FS.join("住址：某路"), "住址：某路"),
    ("申请人：张 建 国", "申请人：张建国"),  # only the value
    ("联 系 电 话：13812345678", "联系电话：13812345678"),  # only the label
    ("被申请人：李 秀 英，女", "被申请人：李秀英，女"),  # a clause between commas
    ("1 0 3 1　次 仁 卓 玛　汉 语", "1031　次仁卓玛　汉语"),  # wider gap: a cell boundary
    ("2　艾  桂  芝　3  4  0  8", "2　艾桂芝　3408"),  # unlike gap, as wide: a cell boundary
    ("6　2　2　7 0　0　5　5 0", "622700550"),  # a narrower gap closes too
    ("1  0  3  9  1  7\t覃  婷\t法  学\t非  全", "103917\t覃婷\t法学\t非全"),  # tabs part cells
]


@pytest.mark.parametrize(("line", "want"), VIEWS)
def test_view_closes_letter_spacing(line: str, want: str) -> None:
    view = spaced_view(line)
    assert view is not None and view.text == want
    assert [line[i] for i in view.origin] == list(want)


UNTOUCHED = [
    "申请人：张建国，男，身份证号：440106198503120015",
    "申请人：张三  男",
    "樊城区人民政府办公室　秘密　第1页",
    "张 三",
    "姓名：王 五",  # two glyphs: a padded name, left to the name rules
    "抄送：市委办公室 市人大办公室 市政协办公室",
    "",
]


@pytest.mark.parametrize("line", UNTOUCHED)
def test_lines_of_words_have_no_view(line: str) -> None:
    assert view_gaps(line) == []
    assert spaced_view(line) is None


SPANS = [
    # (text, view span, text span)
    ("申 请 人 ： 张 建 国", (4, 7), (8, 13)),
    ("a\n申请人：张 建 国\nb", (6, 9), (6, 11)),
    ("电话：1  3  8  0", (3, 7), (3, 13)),
]


@pytest.mark.parametrize(("text", "view_span", "want"), SPANS)
def test_findings_map_back_over_the_spaced_glyphs(
    text: str, view_span: tuple[int, int], want: tuple[int, int]
) -> None:
    view = spaced_view(text)
    assert view is not None
    assert view.span_in(*view_span) == want


@pytest.mark.parametrize(
    "line",
    ["第1页　秘 密 ★ 1 年", "申 请 人 ： 张 建 国", "a b", "\u00a0a b c d", "x  y  z  w  "],
)
def test_decider_rule_is_the_view_rule_on_whole_lines(line: str) -> None:
    view = spaced_view(line)
    if unspaced_line(line) != line:
        assert view is not None and view.text == unspaced_line(line)
