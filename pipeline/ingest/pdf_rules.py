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
        beside = _signed_beside(text) and not printed
        if beside:
            marked.add(i)  # "某某局　　　　2024年6月14日": a whole 落款 on one line
        if not beside and not is_date_line(_unsealed(text)):
            continue  # (joint organs may stand above the one the date is beside)
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


def text_right(left: float, right: float, page_width: float) -> float:
    """The right edge of the printed width (the 版心) of a page whose left margin is
    ``left`` and whose lines' right ends put it at ``right``: the left margin mirrored
    by the page's width, when that is further right. Offices set the 版心 in the middle of
    the page (GB/T 9704: 156 mm, 28 characters of 三号, between 28 mm and 26 mm margins;
    a word processor's default margins are equal), while lines read off a page end short
    of it when they are ragged or few (a 执法文书's first page of labelled short lines).
    ``page_width`` 0 (unknown: OCR, OFD) leaves ``right`` as read."""
    return max(right, page_width - left) if page_width > 0 else right


def body_margins(
    lines: Sequence[tuple[int, float, float, int, float]],
) -> dict[int, tuple[float, float]]:
    """Each page's margins (:func:`page_margins`) from its lines' ``(page, x0, x1, chars,
    size)``, read off the lines in the body's type size where a page has some: a title
    set in a text box wider than the 版心, or a 标志 in larger type, does not set them."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[round(line[4])] += line[3]
    body = sizes.most_common(1)[0][0] if sizes else 0.0
    rows = [line[:4] for line in lines]
    in_body = [line[:4] for line in lines if abs(line[4] - body) <= 0.15 * body]
    return page_margins(rows) | page_margins(in_body)


def centred_wrap(
    chars: Sequence[Mapping[str, Any]],
    ends: tuple[float, float],
    unit: float,
    margins: tuple[float, float],
    page_width: float = 0.0,
) -> bool:
    """Whether a centred line (its ``chars``, ink ``ends``) is the first piece of a
    centred title wrapped onto the next line, whose first unit is ``unit`` wide, on a page
    of ``margins`` (left, right) and ``page_width`` (0: unknown).

    A centred line wraps only when the next unit does not fit in the printed width: the
    blank left on both sides together is narrower than the unit. A centred line has the
    same blank on each side, so the blank is twice the narrower of the two: the distance
    from the left margin (which the page's flush lines give exactly) or from the right
    edge (a text box wider than the 版心 runs past it). So an organ's name centred alone
    over a 执法文书 title, a few characters short of the width (18 of 19 characters of 二号
    fit), is a line of its own. A line
    typed with leading blanks the PDF does not draw, then centred, wrapped if it reaches
    the right edge of the printed width with no room for the unit."""
    size = max(float(c.get("size") or 0.0) for c in chars) or 10.0
    left = margins[0]
    right = text_right(left, margins[1], page_width)
    x0, x1 = ends
    start = float(chars[0]["x0"])  # drawn leading spaces centre the line too
    if abs((start + x1) / 2 - (left + right) / 2) >= size:
        return x0 > left + 2.5 * size and right - x1 < unit + 0.5 * size
    return 2 * max(0.0, min(start - left, right - x1)) < unit + 0.25 * size
