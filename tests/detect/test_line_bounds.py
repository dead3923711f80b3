"""``context.line_bounds``, the one helper the detectors read a value's line with (the
judge's line features, the ID column, the staff field, a table's header row), and the
dots of a dotted name, read from one set (``chinese_name.NAME_DOTS``) by every detector."""

from __future__ import annotations

import pytest

from pipeline.detect.chinese_name import NAME_DOTS
from pipeline.detect.context import line_bounds
from pipeline.detect.dotted_names import DOTTED
from pipeline.detect.person_layout import name_like

TEXT = "标题\n张三\t男\t13800000000\n末行"
LINES = [
    (0, None, (0, 2)),  # the first line: from the text's start
    (3, None, (3, 19)),  # the newline is left out
    (2, None, (0, 2)),  # an offset on the newline belongs to the line it ends
    (20, None, (20, 22)),  # the last line: to the text's end
    (3, 21, (3, 22)),  # a value run over a line wrap: the line holding its end closes it
]


@pytest.mark.parametrize(("start", "end", "bounds"), LINES)
def test_line_bounds(start: int, end: int | None, bounds: tuple[int, int]) -> None:
    assert line_bounds(TEXT, start, end) == bounds


@pytest.mark.parametrize("dot", list(NAME_DOTS))
def test_every_name_dot_reads_alike(dot: str) -> None:
    name = f"阿依古丽{dot}吐尔逊"
    assert name_like(name)
    assert DOTTED.fullmatch(name)
