"""Deadlines in working days on the Chinese calendar (holidays and 调休 working weekends).

条例 第二十六条: information to be published actively is published within 20 working days
of being formed or changed. As for every legal period, the day it starts from does not
count: day 1 is the first working day after the 成文日期. The calendar comes from the
chinese-calendar package, whose data covers the years the State Council has announced;
for a year beyond it, weekdays count as working days and the answer says it is an
estimate.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import chinese_calendar

PUBLICATION_DAYS = 20
DUE_SOON_DAYS = 5  # "due soon": within this many working days
# States in which a dated document still waits for publication (its deadline runs).
AWAITING_PUBLICATION = ("suggested", "in_review", "reviewed", "returned", "approved")


@dataclass(frozen=True)
class Deadline:
    due: date
    estimated: bool  # part of the period lies in a year the calendar does not cover yet


def is_working_day(day: date) -> tuple[bool, bool]:
    """(working day?, known from the official calendar?)"""
    try:
        return bool(chinese_calendar.is_workday(day)), True
    except NotImplementedError:
        return day.weekday() < 5, False


def add_working_days(start: date, days: int = PUBLICATION_DAYS) -> Deadline:
    """The ``days``-th working day after ``start`` (``start`` itself not counted)."""
    if days < 1:
        raise ValueError(f"a period counts at least one working day, not {days}")
    day, counted, estimated = start, 0, False
    while counted < days:
        day += timedelta(days=1)
        working, known = is_working_day(day)
        estimated |= not known
        counted += working
    return Deadline(day, estimated)


def parse_iso_date(value: object) -> date | None:
    """An ISO date from metadata or a form, or None when absent or unreadable."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def publication_deadline(formed: object) -> Deadline | None:
    """The 主动公开 deadline for a document formed on ``formed`` (ISO date), or None
    when the date is unknown or unreadable."""
    start = parse_iso_date(formed)
    return add_working_days(start, PUBLICATION_DAYS) if start is not None else None


def due_soon_until(today: date) -> date:
    """The last deadline that counts as due soon seen from ``today``."""
    return add_working_days(today, DUE_SOON_DAYS).due


def published_on_time(first_published: str | None, deadline: str | None) -> bool | None:
    """Whether a publication (ISO timestamp of its first version) met the deadline (ISO
    date); None when either is unknown."""
    if not first_published or not deadline:
        return None
    return first_published[:10] <= deadline
