"""条例 第二十六条 deadlines on the Chinese calendar: 20 working days after the 成文日期,
holidays skipped and 调休 weekend working days counted (expected dates worked out by hand
from the State Council's holiday notices for 2025 and 2026)."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.deadlines import add_working_days, is_working_day, publication_deadline


@pytest.mark.parametrize(
    ("start", "days", "due", "why"),
    [
        (date(2025, 1, 24), 1, date(2025, 1, 26), "Sunday 1-26 is a 调休 working day before 春节"),
        (date(2025, 1, 26), 2, date(2025, 2, 5), "春节 1-28…2-4 skipped"),
        (date(2025, 2, 7), 1, date(2025, 2, 8), "Saturday 2-8 is a 调休 working day"),
        (
            date(2025, 9, 26),
            20,
            date(2025, 10, 30),
            "国庆+中秋 10-1…10-8 skipped; 9-28 and 10-11 worked",
        ),
        (
            date(2025, 10, 1),
            1,
            date(2025, 10, 9),
            "formed on a holiday: day 1 is the first working day",
        ),
        (
            date(2026, 2, 13),
            2,
            date(2026, 2, 24),
            "2026 春节 2-15…2-23 skipped; Saturday 2-14 worked",
        ),
        (date(2026, 2, 13), 20, date(2026, 3, 19), "Saturday 2-28 is a 调休 working day"),
        (date(2026, 9, 24), 1, date(2026, 9, 28), "2026 中秋 9-25 and the weekend skipped"),
        (
            date(2026, 9, 30),
            3,
            date(2026, 10, 10),
            "2026 国庆 10-1…10-7 skipped; Saturday 10-10 worked",
        ),
        (date(2024, 3, 8), 20, date(2024, 4, 8), "清明 2024-4-4…4-6 skipped; Sunday 4-7 worked"),
    ],
)
def test_working_days_across_holidays_and_adjusted_weekends(
    start: date, days: int, due: date, why: str
) -> None:
    deadline = add_working_days(start, days)
    assert deadline.due == due, why
    assert not deadline.estimated


def test_the_start_day_does_not_count() -> None:
    assert add_working_days(date(2025, 3, 3), 1).due == date(2025, 3, 4)  # Monday → Tuesday
    assert add_working_days(date(2025, 3, 7), 1).due == date(2025, 3, 10)  # Friday → Monday


def test_beyond_the_published_calendar_is_an_estimate_on_weekdays() -> None:
    deadline = add_working_days(date(2026, 12, 30), 5)
    assert deadline.estimated
    assert deadline.due == date(2027, 1, 6)  # 12-31, then weekdays 1-1, 1-4, 1-5, 1-6
    assert is_working_day(date(2027, 1, 2)) == (False, False)


def test_publication_deadline_from_iso_dates() -> None:
    assert publication_deadline("2025-09-26") == add_working_days(date(2025, 9, 26), 20)
    assert publication_deadline(None) is None
    assert publication_deadline("2025-13-01") is None
    with pytest.raises(ValueError):
        add_working_days(date(2025, 1, 1), 0)
