"""Layout rules of the PDF reader that need only the lines' text: where a 发文机关署名
block stands, and whether a wrap between two runs of digits or letters was at a space.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.gongwen import is_date_line, looks_like_agency


def signature_block(texts: Sequence[str]) -> set[int]:
    """Indices of the lines of a 发文机关署名 block: 1-4 short organ names right above a
    date-only line (GB/T 9704). They never continue the paragraph above them, however
    close to the margin that paragraph's last line ends."""
    marked: set[int] = set()
    for i, text in enumerate(texts):
        if not is_date_line(text):
            continue
        marked.add(i)
        j = i - 1
        while j >= 0 and i - j <= 4 and looks_like_agency(texts[j]):
            marked.add(j)
            j -= 1
    return marked


_PIECE = re.compile(r"[\u4e00-\u9fff0-9０-９（）()]{1,20}")


def signature_piece(line: str, nxt: str) -> bool:
    """Whether ``nxt`` is the rest of a 落款 line set right by spaces and wrapped at the
    margin ("　　…太原市生态环境局" / "清徐分局", "　　…2024年6月" / "27日"): a bare piece
    of a name or a date, under a line that is not a whole date already (a date line
    filling the margin is followed by 抄送 or 联系人 lines, never by its own rest)."""
    return not is_date_line(line) and _PIECE.fullmatch(nxt.strip(" \u3000")) is not None


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
