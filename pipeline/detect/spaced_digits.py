"""Where a letter-spaced digit run holds more than one number, and where to keep it apart.

A scanned list sets a row's cells apart by the same gap as their glyphs
("1　闭　敏　4　5　0　1　…　2　6　2　1　2　…"), so the closed-up view reads the ID, the bank card and the
amount beside it as one run, and neither recognizer finds its number. A run of 18 digits
whose GB 11643 check digit, area code and birth date hold is an ID on its own: nothing else
makes those three agree by chance. Where one ends, the gap is kept open; a Luhn-valid
card of 16 to 19 digits (or one grouped by hyphens) straight after an ID, or opening the
run, is kept apart the same way. A run with no valid number is closed as before.
"""

from __future__ import annotations

import re
from datetime import date

from stdnum import luhn
from stdnum.cn import ric

from pipeline.detect.cn_resident_id import area_known

Span = tuple[int, int]

# A closed-up digit run (hyphens of a grouped card inside); long enough to hold two numbers.
RUN = re.compile(r"[0-9][0-9\-]*[0-9Xx]")
ID_LENGTH = 18
HYPHEN_CARD = re.compile(r"[0-9]{4}(?:-[0-9]{4}){3}(?:-[0-9]{1,3})?(?![0-9])")
CARD_LENGTHS = (19, 16, 18, 17)
# A room or door number (404, 3-1903) run into the mobile of the cell after it: the run
# is too short for an ID or card and ends in eleven digits a mobile opens with 13-19.
ROOM_MOBILE = re.compile(r"[0-9][0-9\-]{0,5}(?=1[3-9][0-9]{9}$)")
MOBILE_LENGTH = 11


def valid_id(value: str) -> bool:
    """An 18-character ID whose check digit, birth date and prefecture hold."""
    if len(value) != ID_LENGTH or not value[:17].isdigit():
        return False
    if ric.calc_check_digit(value) != value[17].upper() or not area_known(value):
        return False
    try:
        born = date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return False
    return date(1900, 1, 1) <= born <= date.today()


def _card_end(run: str, at: int) -> int | None:
    """Where a card starting at ``run[at]`` ends, when one does."""
    grouped = HYPHEN_CARD.match(run, at)
    if grouped:
        return grouped.end()
    for length in CARD_LENGTHS:
        value = run[at : at + length]
        if len(value) == length and value.isdigit() and luhn.is_valid(value):
            return at + length
    return None


def number_bounds(run: str) -> list[int]:
    """The places inside ``run`` (a closed-up digit run) where one valid number ends and
    another cell begins: either side of each valid ID, after a card that follows one,
    between a room number and the mobile after it."""
    cuts: list[int] = []
    at = 0
    while at + ID_LENGTH <= len(run):
        if not valid_id(run[at : at + ID_LENGTH]):
            at += 1
            continue
        end = at + ID_LENGTH
        cuts += [at, end]
        card = _card_end(run, end) if end < len(run) else None
        if card is not None:
            cuts.append(card)
            end = card
        at = end
    room = ROOM_MOBILE.match(run) if len(run) < ID_LENGTH else None
    if room:
        return [room.end()]
    if not cuts and len(run) > 19:
        card = _card_end(run, 0)
        if card is not None and run[:2] == "62":
            cuts.append(card)
    return sorted(c for c in set(cuts) if 0 < c < len(run))


def kept_open(line: str, gaps: list[Span]) -> set[Span]:
    """The gaps of ``gaps`` (letter gaps the view would close in ``line``) that part two
    numbers of one spaced digit run, so the view keeps them."""
    keep = [True] * len(line)
    for a, b in gaps:
        keep[a:b] = [False] * (b - a)
    origin = [i for i, kept in enumerate(keep) if kept]
    closed = "".join(line[i] for i in origin)
    starts = {a: (a, b) for a, b in gaps}
    opened: set[Span] = set()
    for m in RUN.finditer(closed):
        if len(m.group(0)) <= MOBILE_LENGTH:
            continue
        for cut in number_bounds(m.group(0)):
            gap = starts.get(origin[m.start() + cut - 1] + 1)
            if gap is not None:
                opened.add(gap)
    return opened
