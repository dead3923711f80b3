"""Re-review dates of withheld items from their 密级 and 保密期限."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.catalog.withheld import chinese_number, rereview_date

FORMED = date(2024, 3, 8)
TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("level", "period", "expected", "rule_has"),
    [
        ("机密", "5年", date(2029, 3, 8), "自成文日期 2024-03-08 起算"),
        ("秘密", "6个月", date(2024, 9, 8), "秘密★6个月"),
        ("秘密", "十年", date(2034, 3, 8), "秘密★十年"),
        ("绝密", "长期", None, "不按日期复审"),
        ("机密", None, date(2044, 3, 8), "按 20 年计"),
        ("绝密", None, date(2054, 3, 8), "按 30 年计"),
        ("秘密", None, date(2034, 3, 8), "按 10 年计"),
        ("机密", "启用前", date(2027, 11, 23), "启用前"),
        (None, None, date(2027, 11, 23), "每 12 个月复审"),
    ],
)
def test_rereview_dates(
    level: str | None, period: str | None, expected: date | None, rule_has: str
) -> None:
    result = rereview_date(level, period, FORMED, TODAY, 12)
    assert result.on == expected
    assert rule_has in result.rule


def test_a_given_date_wins_and_an_unknown_formation_date_counts_from_registration() -> None:
    assert rereview_date("机密", "启用前", FORMED, TODAY, 12, date(2027, 1, 1)).on == date(
        2027, 1, 1
    )
    unknown = rereview_date("机密", "2年", None, TODAY, 12)
    assert unknown.on == date(2028, 11, 23) and "成文日期不明" in unknown.rule


@pytest.mark.parametrize(
    ("text", "value"), [("五", 5), ("十", 10), ("二十", 20), ("二十五", 25), ("两", 2), ("15", 15)]
)
def test_chinese_numbers(text: str, value: int) -> None:
    assert chinese_number(text) == value
