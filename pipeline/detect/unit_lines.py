"""Names one to a line, each with its unit in brackets: a 表彰 决定's or a 名单's body
("刘德富（县人民医院）⏎陈小英（石桥镇柳塘村村民）⏎…").

A commendation or a roster lists people without numbers or a 姓名 column: the name opens
the line and the person's unit or village closes it in brackets. A run of three such
lines at least is a list of people, and each head that opens with a surname is a name —
also one that is an everyday word or a place (高峰, 江山, 向阳), which the models skip. A
unit may hold brackets of its own (某某百货（成都）店).

Written for this project from how 表彰决定, 推荐名单 and 拟表彰 公示 are laid out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.detect.chinese_name import surnames

UNIT_LINE = re.compile(
    r"^[ \u3000]*(?P<name>[\u4e00-\u9fff]{2,5})[（(](?:[^（）()\n]|[（(][^（）()\n]{1,8}[）)]){2,36}"
    r"[）)][ \u3000]*$"
)
MIN_LINES = 3


def _surname_led(name: str) -> bool:
    single, double = surnames()
    return name[:2] in double or (name[:1] in single and len(name) <= 4)


def unit_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the name heading each line of a run of ``MIN_LINES`` lines or more
    that read "name（unit）"."""
    run: list[tuple[int, int]] = []
    pos = 0
    for line in [*text.split("\n"), ""]:
        m = UNIT_LINE.match(line)
        if m is not None and _surname_led(m.group("name")):
            run.append((pos + m.start("name"), pos + m.end("name")))
        else:
            if len(run) >= MIN_LINES:
                yield from run
            run = []
        pos += len(line) + 1
