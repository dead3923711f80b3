"""The attribute figures every report prints: macro-F1 and the confusion matrix."""

from __future__ import annotations

import pytest

from pipeline.evaluate import Report, attribute_confusion, attribute_macro_f1


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ([], 0.0),
        ([("主动公开", "主动公开")], 1.0),
        # 主动公开: tp 1, fn 1 → 2/3; 部分公开: fp 1 → 0.
        ([("主动公开", "主动公开"), ("主动公开", "部分公开")], (2 / 3 + 0.0) / 2),
        # Both attributes half right: F1 0.5 each.
        (
            [
                ("依申请公开", "依申请公开"),
                ("依申请公开", "不予公开"),
                ("不予公开", "依申请公开"),
                ("不予公开", "不予公开"),
            ],
            0.5,
        ),
    ],
)
def test_attribute_macro_f1(pairs: list[tuple[str, str]], expected: float) -> None:
    assert attribute_macro_f1(pairs) == pytest.approx(expected)


def test_confusion_counts_gold_rows_and_suggested_columns() -> None:
    pairs = [("部分公开", "主动公开"), ("部分公开", "主动公开"), ("不予公开", "不予公开")]
    lines = attribute_confusion(pairs, indent="  ").splitlines()
    assert len(lines) == 5 and all(line.startswith("  ") for line in lines)
    assert lines[2].split()[1:] == ["2", "0", "0", "0"]  # gold 部分公开 → suggested 主动公开
    assert lines[4].split()[1:] == ["0", "0", "0", "1"]


def test_report_uses_the_same_figures() -> None:
    report = Report(attribute_pairs=[("主动公开", "主动公开"), ("主动公开", "部分公开")])
    assert report.attribute_macro_f1 == attribute_macro_f1(report.attribute_pairs)
    assert report.confusion() == attribute_confusion(report.attribute_pairs)
