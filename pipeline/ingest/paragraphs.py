"""When a line that could continue a paragraph (the line before had no room) starts a new
one all the same: the numbering conventions of 公文, for page layouts (PDF, OFD).

A line broken at the right margin is joined to the next one; but a paragraph whose last
line happens to fill the margin is followed by a new paragraph just the same, and nothing
on the page tells the two apart except what the next line says:

- a heading of GB/T 9704's numbering (一、 （一） 第三条 …) after a line that ended a
  sentence (。！？：；) starts a paragraph — a sentence does not go on with "三、";
- a line numbered one more than the line that began the paragraph ("4　…" then "5　…",
  the rows of a 名单 set as text) starts a paragraph.
"""

from __future__ import annotations

import re

_HEADING = re.compile(
    r"^[\s　]*(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[）)]"
    r"|第[一二三四五六七八九十百零〇0-9]+[章节条])"
)
_SENTENCE_END = tuple("。！？：；!?:;")
_NUMBER = re.compile(r"^[\s　]*([0-9０-９]{1,3})(?:[、．.\s　]|$)")


def starts_paragraph(first: str, previous: str, line: str) -> bool:
    """Whether ``line`` begins a paragraph although ``previous`` (the last line of the
    paragraph that began with ``first``) left no room on the line for its first word."""
    if _HEADING.match(line) and previous.rstrip(" 　").endswith(_SENTENCE_END):
        return True
    this, start = _NUMBER.match(line), _NUMBER.match(first)
    if this is None or start is None:
        return False
    return _int(this.group(1)) == _int(start.group(1)) + 1


def _int(digits: str) -> int:
    return int(digits.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
