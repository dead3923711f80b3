"""The clocks of an application, in working days on the official calendar (holidays and
调休 working weekends, ``pipeline.deadlines``; beyond the calendar's data weekdays
count and the date is flagged as an estimate).

- 第三十一条 and the office's setting: the day an application counts as received. One
  that arrives after closing time or on a day off counts from the next working day.
- 第三十三条: the reply is due on the 20th working day after receipt (the receipt day not
  counted), or after the day a supplemented application arrives (第三十条); an approved
  extension adds at most 20 working days.
- 第三十二条, 第三十四条: a third party or another agency has 15 working days to answer a
  consultation; the working days from the day after the letter is sent through the day
  the answer arrives (or through its deadline when none arrives) do not count, so they
  move the due date by as many working days. Overlapping consultations pause once.
- 第三十五条: a reasoned delay sets its own date.

Plain functions over dates: the store keeps the facts (dates), the due date is always
recomputed from them, never stored, so a corrected fact corrects every clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from pipeline.deadlines import Deadline, add_working_days, is_working_day

REPLY_DAYS = 20  # 第三十三条
MAX_EXTENSION = 20  # 第三十三条
SUPPLEMENT_NOTICE_DAYS = 7  # 第三十条
CONSULTATION_DAYS = 15  # 第三十二条, 第三十四条


@dataclass(frozen=True)
class Receipt:
    """The day an application counts as received, and why when it is not the day given."""

    on: date
    note: str = ""
    estimated: bool = False


def receipt_day(
    day: date, at: time | None, closes: time | None, next_working_day: bool = True
) -> Receipt:
    """第三十一条 gives the day (submitted, signed for, confirmed); the office's setting
    moves an arrival after ``closes`` or on a day off to the next working day."""
    working, known = is_working_day(day)
    if not next_working_day:
        return Receipt(day, "", not known)
    late = at is not None and closes is not None and at >= closes
    if working and not late:
        return Receipt(day, "", not known)
    nxt = add_working_days(day, 1)
    why = (
        f"{at.strftime('%H:%M')} 收到，已过本机关工作时间（{closes.strftime('%H:%M')}）"
        if working and late and at is not None and closes is not None
        else f"{day.isoformat()} 为非工作日"
    )
    return Receipt(
        nxt.due, f"{why}，按下一个工作日 {nxt.due.isoformat()} 收到计算", nxt.estimated or not known
    )


@dataclass(frozen=True)
class Pause:
    """A consultation (征求意见): sent on ``sent``, answered on ``answered`` or not yet."""

    sent: date
    answered: date | None = None

    @property
    def answer_due(self) -> date:
        return add_working_days(self.sent, CONSULTATION_DAYS).due

    def last_day(self) -> date:
        """The last paused day: the answer's day, or the deadline when it is later or none
        arrives (a late answer pauses no longer than the 15 days)."""
        due = self.answer_due
        return min(self.answered, due) if self.answered is not None else due

    def open_on(self, today: date) -> bool:
        return self.answered is None and today <= self.answer_due


def _paused_days(pauses: Iterable[Pause]) -> tuple[set[date], bool]:
    days: set[date] = set()
    estimated = False
    for pause in pauses:
        day, last = pause.sent, pause.last_day()
        while day < last:
            day += timedelta(days=1)
            working, known = is_working_day(day)
            estimated |= not known
            if working:
                days.add(day)
    return days, estimated


@dataclass(frozen=True)
class Due:
    due: date
    estimated: bool  # part of the count lies beyond the official calendar's data
    paused_days: int  # working days the consultations added
    basis: str  # how the date was reached, in words


def reply_due(
    start: date,
    extension_days: int = 0,
    pauses: Iterable[Pause] = (),
    delay_until: date | None = None,
) -> Due:
    """The reply's due date: the (20 + extension)-th counted working day after ``start``,
    working days inside consultation windows not counted; a 第三十五条 delay replaces it."""
    if not 0 <= extension_days <= MAX_EXTENSION:
        raise ValueError(f"an extension is 0–{MAX_EXTENSION} working days, not {extension_days}")
    paused, estimated = _paused_days(pauses)
    needed = REPLY_DAYS + extension_days
    day, counted, skipped = start, 0, 0
    while counted < needed:
        day += timedelta(days=1)
        working, known = is_working_day(day)
        estimated |= not known
        if working and day in paused:
            skipped += 1
        elif working:
            counted += 1
    parts = [f"{start.isoformat()} 起 {REPLY_DAYS} 个工作日"]
    if extension_days:
        parts.append(f"延长 {extension_days} 个工作日")
    if skipped:
        parts.append(f"征求意见不计 {skipped} 个工作日")
    if delay_until is not None:
        _working, known = is_working_day(delay_until)
        return Due(
            delay_until,
            not known,
            skipped,
            f"第三十五条延迟答复至 {delay_until.isoformat()}（原为 {day.isoformat()}）",
        )
    return Due(day, estimated, skipped, "，".join(parts))


def supplement_notice_by(received: date) -> Deadline:
    """第三十条: the 补正 notice goes out within 7 working days of receipt."""
    return add_working_days(received, SUPPLEMENT_NOTICE_DAYS)


def supplement_due(asked: date, days: int) -> Deadline:
    """The supplement period the notice grants (the office's setting, in working days)."""
    return add_working_days(asked, days)


def working_days_left(today: date, due: date) -> int:
    """Working days from tomorrow through ``due`` (negative: working days overdue)."""
    sign, first, last = (1, today, due) if due >= today else (-1, due, today)
    count, day = 0, first
    while day < last:
        day += timedelta(days=1)
        count += is_working_day(day)[0]
    return sign * count


def due_by(today: date, days: int) -> date:
    """The last due date that is "within ``days`` working days" seen from ``today``."""
    return add_working_days(today, days).due if days > 0 else today


def parse_moment(text: str) -> tuple[date, time | None]:
    """``YYYY-MM-DD`` or ``YYYY-MM-DD HH:MM`` (also with ``T``) as (day, time or None)."""
    text = text.strip()
    try:
        if len(text) <= 10:
            return date.fromisoformat(text), None
        moment = datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError as exc:
        raise ValueError(f"日期“{text}”无法识别，请写成 2025-09-30 或 2025-09-30 18:05") from exc
    return moment.date(), moment.time().replace(second=0, microsecond=0)
