"""An agency's seat written at the head of its line with no 地址： cue.

A township 公示 or 公告 closes with who takes objections and where: 自然资源所 民主路34号,
镇人民政府 中山路1号. The address there is the agency's seat, published under 条例
第二十条, not a resident's home, though no 地址/住所 word stands before it. The agency's
name opens its line (or follows a full stop), may be broken by a line wrap, and is
followed only by spaces before the address; a person's row opens with a name, so it is
not read here. The endings come from ``lexicons/agency_seat_endings.txt``.
"""

from __future__ import annotations

import re

from pipeline.lexicons import lexicon_cache, load_terms


@lexicon_cache
def _agency_then_space() -> re.Pattern[str]:
    """Line head (or 。；), an agency's name ending in a listed ending, spaces, end."""
    endings = sorted(load_terms("agency_seat_endings"), key=len, reverse=True)
    ending = "|".join(re.escape(e) for e in endings)
    return re.compile(
        r"(?:^|[。；;\n])[ \u3000]*((?:[\u4e00-\u9fff]\n?){1,14}?(?:" + ending + r"))[ \u3000\t]+$"
    )


def agency_seat(text: str, start: int) -> str | None:
    """The agency whose seat the address at ``start`` is (自然资源所 民主路34号), or None."""
    found = _agency_then_space().search(text, max(0, start - 24), start)
    if found is None:
        return None
    return found.group(1).replace("\n", "")
