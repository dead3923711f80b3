"""Layout rules of the PDF reader on lines' text, ink and ends: where a 发文机关署名
block stands, whether a wrap between two runs of digits or letters was at a space, a
red 标志 line, each page's margins.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from pipeline.gongwen import is_date_line, looks_like_agency, parse_date

# A seal's caption beside a name or a date, or on its own line: （盖章）, （章）, （印）,
# （政府信息公开专用章）.
SEAL_CAPTION = re.compile(r"[（(]\s*(?:[^（）()]{0,12}章|印)\s*[）)]")


def _unsealed(text: str) -> str:
    return SEAL_CAPTION.sub("", text).strip(" \u3000")


def _signed_beside(text: str) -> bool:
    s = _unsealed(text)
    found = parse_date(s)
    return found is not None and found[2] == len(s) and looks_like_agency(s[: found[1]])


def signature_block(texts: Sequence[str]) -> set[int]:
    """Indices of the lines of a 发文机关署名 block: 1-4 short organ names right above a
    date-only line (GB/T 9704), seal captions among them, or an organ's name with the
    date beside it. They never continue the paragraph above them, however close to the
    margin that paragraph's last line ends."""
    marked: set[int] = set()
    for i, text in enumerate(texts):
        printed = i + 1 < len(texts) and texts[i + 1].strip(" \u3000") == "印发"
        if _signed_beside(text) and not printed:
            marked.add(i)  # "某某局　　　　2024年6月14日": a whole 落款 on one line
        if not is_date_line(_unsealed(text)):
            continue
        marked.add(i)
        j = i - 1
        while j >= 0 and i - j <= 5:
            name = _unsealed(texts[j])
            if name and not looks_like_agency(name):
                break
            marked.add(j)  # an organ, or a seal's caption on its own line
            j -= 1
    return marked


_PIECE = re.compile(r"[\u4e00-\u9fff0-9０-９（）()]{1,20}")


def signature_piece(line: str, nxt: str) -> bool:
    """Whether ``nxt`` is the rest of a 落款 line set right by spaces and wrapped at the
    margin ("　　…太原市生态环境局" / "清徐分局", "　　…2024年6月" / "27日"): a bare piece
    of a name or a date, under a line that is not a whole date already (a date line
    filling the margin is followed by 抄送 or 联系人 lines, never by its own rest)."""
    return not is_date_line(line) and _PIECE.fullmatch(nxt.strip(" \u3000")) is not None


def running_lines(pages: Sequence[Sequence[str]]) -> set[tuple[int, int]]:
    """(page, position) of the running heads and feet among each page's lines: a short
    line printed first (or last) on two pages or more with the same text, as Word repeats
    a letterhead or a document's name from its page header or footer. They are no part
    of the flow: a letterhead atop the 落款's page would read as a second issuer. A foot
    that holds the page's number ("某某局　— 2 —") is the same line on every page: the
    number is not compared."""
    found: set[tuple[int, int]] = set()
    for end in (0, -1):
        texts = [
            _PAGE_MARK.sub("#", lines[end].strip(" \u3000")) if lines else "" for lines in pages
        ]
        if end == 0:  # a 落款 atop its page (names over a date) is no running head
            texts = [
                "" if _signs_on_top(lines) else t for t, lines in zip(texts, pages, strict=True)
            ]
        counts = Counter(text for text in texts if 0 < len(text) <= 40)
        found |= {
            (p, 0 if end == 0 else len(pages[p]) - 1)
            for p, text in enumerate(texts)
            if counts.get(text, 0) >= 2
        }
    return found


def _signs_on_top(lines: Sequence[str]) -> bool:
    """A page that starts with a 发文机关署名 (the page break fell above it): its first
    line and the next are of one signature block over a date, and differ (a letterhead
    repeats the name signed under it)."""
    top = [line.strip(" \u3000") for line in lines[:6]]
    block = signature_block(top)
    return len(top) > 1 and {0, 1} <= block and top[0] != top[1]


# A page's number printed at the end of a running foot: "— 2 —", "- 2 -", "第2页 共3页".
_PAGE_MARK = re.compile(
    r"(?<=\S)[ \u3000]*(?:[—－\-–][ \u3000]*[0-9０-９]{1,3}[ \u3000]*[—－\-–]|"
    r"第[ \u3000]*[0-9０-９]{1,3}[ \u3000]*页(?:[ \u3000]*[，,/]?[ \u3000]*共[ \u3000]*[0-9０-９]{1,3}[ \u3000]*页)?)$"
)


def _alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def broke_at_space(prev: str, nxt: str, room: float, size: float) -> bool:
    """Whether a wrap between two runs of digits or letters happened at a space, so the
    joined text needs one: a word processor that breaks inside a run (a long number)
    fills the line, while one that breaks at a space leaves room for at least a digit.
    On a scan the space itself is invisible, so the room is all there is to go by."""
    head, tail = prev.rstrip(), nxt.lstrip()
    if not head or not tail or head != prev:
        return False  # a drawn trailing space is written as such by the line itself
    return _alnum(head[-1]) and _alnum(tail[0]) and room > 0.5 * size


def is_alnum(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ".,-_@/")


# Characters that may not start a line (Chinese line-breaking rules, 避头点): a wrap
# carries them to the next line together with the character before them.
_NO_LINE_START = set("，。、；：？！”’）》」』】〕〉…—·%‰℃,.;:?!)]}")


def first_unit_width(chars: Sequence[Mapping[str, Any]]) -> float:
    """Width of what a line breaker must move as one piece: an alphanumeric run, or a
    character with the punctuation that may not start a line."""
    first = chars[0]
    alnum = is_alnum(first["text"][:1])
    end = first["x1"]
    for c in chars[1:]:
        ch = c["text"][:1]
        if (alnum and is_alnum(ch)) or ch in _NO_LINE_START:
            end = c["x1"]
            continue
        break
    return float(end - first["x0"])


def _red(char: Mapping[str, Any]) -> bool:
    colour = char.get("non_stroking_color")
    if not isinstance(colour, (tuple, list)) or len(colour) not in (3, 4):
        return False
    if len(colour) == 3:  # RGB
        return colour[0] > 0.5 and colour[1] < 0.4 and colour[2] < 0.4
    return colour[1] > 0.5 and colour[2] > 0.5 and colour[0] < 0.4  # CMYK


def red_break(prev: Mapping[str, Any], nxt: Mapping[str, Any]) -> bool:
    """A red line (the 发文机关标志, printed 红头) above a black one, or the reverse: two
    elements, never a title wrapped over two lines."""
    return _red(prev) != _red(nxt)


def page_margins(
    lines: Sequence[tuple[int, float, float, int]],
) -> dict[int, tuple[float, float]]:
    """Each page's text margins (left, right) from its lines' ``(page, x0, x1, chars)``:
    the 10th and 90th percentiles of the lines of 8 characters and more. A page of short
    lines only (a 落款 and an 附件 label) would put its right margin at their ends and
    join the page before's last line to them: it takes the right margin of the document's
    full lines (20 characters and more) when that is further right."""
    full = sorted(x1 for _p, _x0, x1, n in lines if n >= 20) or [0.0]
    widest = full[(len(full) * 9) // 10]
    margins: dict[int, tuple[float, float]] = {}
    for page in {line[0] for line in lines}:
        on_page = [line for line in lines if line[0] == page]
        long = [line for line in on_page if line[3] >= 8] or on_page
        xs0 = sorted(line[1] for line in long)
        xs1 = sorted(line[2] for line in long)
        right = xs1[min(len(xs1) - 1, (len(xs1) * 9) // 10)]
        if not any(line[3] >= 20 for line in on_page):
            right = max(right, widest)
        margins[page] = (xs0[len(xs0) // 10], right)
    return margins


def centred_wrap(
    chars: Sequence[Mapping[str, Any]],
    ends: tuple[float, float],
    unit: float,
    left: float,
    right: float,
) -> bool:
    """Whether a centred line (its ``chars``, ink ``ends``) is the first piece of a
    centred title wrapped onto the next line, whose first unit is ``unit`` wide: the line
    spans (nearly) the whole width. A line typed with leading blanks the PDF does not
    draw, then centred, wrapped if it reaches the right margin with no room for the unit.
    (An organ's name centred alone a few characters short of the width passes too: the
    margins, read off ragged lines, are not sure enough to tell; metadata_title parts a
    name run on to a letter-spaced title.)"""
    size = max(float(c.get("size") or 0.0) for c in chars) or 10.0
    x0, x1 = ends
    start = float(chars[0]["x0"])  # drawn leading spaces centre the line too
    if abs((start + x1) / 2 - (left + right) / 2) >= size:
        return x0 > left + 2.5 * size and right - x1 < unit + 0.5 * size
    return right - x1 < 3 * size
