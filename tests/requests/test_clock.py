"""The clocks of an application on the official calendar around 春节 and 国庆, with 调休
working weekends (expected dates worked out by hand from the State Council's holiday
notices for 2025 and 2026: 春节 2025 1-28…2-4, worked Sun 1-26 and Sat 2-8; 国庆+中秋
2025 10-1…10-8, worked Sat 10-11; 春节 2026 2-15…2-23, worked Sat 2-14 and 2-28; 中秋
2026 9-25, 国庆 10-1…10-7, worked Sun 9-20 and Sat 10-10)."""

from __future__ import annotations

from datetime import date, time

import pytest

from pipeline.requests.clock import (
    Pause,
    parse_moment,
    receipt_day,
    reply_due,
    supplement_due,
    supplement_notice_by,
    working_days_left,
)

CLOSES = time(17, 30)


@pytest.mark.parametrize(
    ("day", "at", "received", "due", "why"),
    [
        (
            date(2025, 9, 30),
            time(10, 0),
            date(2025, 9, 30),
            date(2025, 11, 4),
            "the day before 国庆, in office hours: 10-9 is day 1, Sat 10-11 is worked",
        ),
        (
            date(2025, 9, 30),
            time(18, 5),
            date(2025, 10, 9),
            date(2025, 11, 5),
            "the day before 国庆, after hours: received on the next working day 10-9",
        ),
        (
            date(2025, 10, 3),
            None,
            date(2025, 10, 9),
            date(2025, 11, 5),
            "on a 国庆 holiday (网络, confirmed that day): received on 10-9",
        ),
        (
            date(2025, 1, 27),
            time(9, 0),
            date(2025, 1, 27),
            date(2025, 3, 3),
            "the day before 春节: 2-5 is day 1, Sat 2-8 is worked",
        ),
        (
            date(2025, 1, 26),
            time(9, 0),
            date(2025, 1, 26),
            date(2025, 2, 28),
            "Sunday 1-26 is a 调休 working day: received that day",
        ),
        (
            date(2025, 1, 30),
            None,
            date(2025, 2, 5),
            date(2025, 3, 4),
            "on a 春节 holiday: received on the first working day after it",
        ),
        (
            date(2026, 2, 14),
            time(17, 29),
            date(2026, 2, 14),
            date(2026, 3, 20),
            "Saturday 2-14 2026 is worked; a minute before closing counts that day",
        ),
    ],
)
def test_receipt_day_and_reply_due(
    day: date, at: time | None, received: date, due: date, why: str
) -> None:
    receipt = receipt_day(day, at, CLOSES)
    assert receipt.on == received, why
    assert bool(receipt.note) == (received != day), why
    computed = reply_due(receipt.on)
    assert computed.due == due, why
    assert not computed.estimated and not receipt.estimated


def test_the_office_may_count_the_day_itself() -> None:
    """With TRIAGE_RECEIPT_NEXT_WORKING_DAY=0 the day given is the day received."""
    assert receipt_day(date(2025, 10, 3), None, CLOSES, next_working_day=False).on == date(
        2025, 10, 3
    )
    assert reply_due(date(2025, 10, 3)).due == date(2025, 11, 4)  # 10-9 is day 1 either way
    assert receipt_day(date(2025, 9, 30), time(23, 0), None).on == date(
        2025, 9, 30
    )  # no closing time


def test_supplement_restarts_the_clock() -> None:
    """第三十条: notice within 7 working days; the reply period counts from the day the
    supplemented application arrives."""
    received = date(2025, 9, 30)
    assert supplement_notice_by(received).due == date(2025, 10, 16)
    assert supplement_due(date(2025, 10, 10), 15).due == date(2025, 10, 30)
    assert reply_due(received).due == date(2025, 11, 4)
    assert reply_due(date(2025, 10, 20)).due == date(2025, 11, 17)


def test_a_consultation_without_answer_pauses_fifteen_working_days_over_chunjie() -> None:
    start = date(2026, 2, 2)
    assert reply_due(start).due == date(2026, 3, 6)
    pause = Pause(date(2026, 2, 5))
    assert pause.answer_due == date(2026, 3, 4)  # 2-6 … 2-14 (Sat, worked), 2-24 … 3-4
    due = reply_due(start, pauses=[pause])
    assert due.paused_days == 15
    assert due.due == date(2026, 3, 27)  # 3-6 moved by 15 working days
    assert pause.open_on(date(2026, 3, 4)) and not pause.open_on(date(2026, 3, 5))


def test_an_early_answer_pauses_only_until_it_arrives_and_overlaps_count_once() -> None:
    start = date(2025, 10, 20)
    answered = Pause(date(2025, 10, 21), date(2025, 11, 4))  # 10-22 … 11-4: 10 working days
    assert reply_due(start, pauses=[answered]).due == date(2025, 12, 1)
    late = Pause(date(2025, 10, 21), date(2025, 12, 20))  # answered after its deadline
    assert reply_due(start, pauses=[late]).paused_days == 15
    overlapping = [answered, Pause(date(2025, 10, 28), date(2025, 11, 4))]
    assert reply_due(start, pauses=overlapping).due == date(2025, 12, 1)


def test_extension_across_guoqing() -> None:
    start = date(2026, 9, 1)
    assert reply_due(start).due == date(2026, 9, 29)  # Sun 9-20 worked, 中秋 9-25 skipped
    extended = reply_due(start, extension_days=20)
    assert extended.due == date(2026, 11, 2)  # 国庆 10-1 … 10-7 skipped, Sat 10-10 worked
    assert "延长 20 个工作日" in extended.basis
    with pytest.raises(ValueError):
        reply_due(start, extension_days=21)


def test_beyond_the_calendar_is_an_estimate_flagged() -> None:
    base = reply_due(date(2026, 11, 20))
    assert base.due == date(2026, 12, 18) and not base.estimated
    extended = reply_due(date(2026, 11, 20), extension_days=20)
    assert extended.estimated  # 2027 is not in the calendar's data: weekdays counted
    assert extended.due == date(2027, 1, 15)
    assert reply_due(date(2026, 12, 4)).due == date(2027, 1, 1)  # 元旦 unknown yet: flagged
    assert receipt_day(date(2027, 1, 2), None, CLOSES).estimated


def test_a_delay_under_article_35_sets_its_own_date() -> None:
    due = reply_due(date(2025, 9, 30), delay_until=date(2025, 12, 31))
    assert due.due == date(2025, 12, 31) and "第三十五条" in due.basis


def test_working_days_left_and_moments() -> None:
    assert (
        working_days_left(date(2025, 9, 30), date(2025, 10, 13)) == 4
    )  # 10-9, 10-10, 10-11, 10-13
    assert working_days_left(date(2025, 10, 13), date(2025, 9, 30)) == -4
    assert parse_moment("2025-09-30 18:05") == (date(2025, 9, 30), time(18, 5))
    assert parse_moment("2025-09-30T08:00") == (date(2025, 9, 30), time(8, 0))
    with pytest.raises(ValueError, match="无法识别"):
        parse_moment("30/09/2025")
