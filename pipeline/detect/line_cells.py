"""A value's line and a row's cells, by offset: the one home of these two helpers.

:mod:`pipeline.detect.context` (which re-exports them, so its callers need not change)
and :mod:`pipeline.detect.post_cells` both read lines; post_cells cannot import context
(context imports post_cells), so the helpers live here, below both.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_CELL_SPLIT = re.compile(r"[\t\u3000]+| {2,}")


def line_bounds(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """Where the line holding ``start`` starts and ends (its newline left out, the text's
    end for the last line); with ``end``, the line holding ``end`` ends it, for a value a
    line wrap runs through. The one helper for a value's whole line: a row's cells, the
    rows above it, a number elsewhere on it."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", start if end is None else end)
    return a, len(text) if b < 0 else b


def cell_bounds(line: str, split: re.Pattern[str] = _CELL_SPLIT) -> list[tuple[int, int]]:
    """(start, end) of each cell of a table-like line: the non-empty pieces between
    ``split``'s matches (by default tabs or wide spaces). One loop for every detector that
    reads rows as cells; each keeps its own ``split`` (the person lists also split a digit
    from a name by one space)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in split.finditer(line):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(line):
        out.append((pos, len(line)))
    return out


def cell_at(cells: list[tuple[int, int]], offset: int) -> int | None:
    """The index of the cell of ``cells`` (as :func:`cell_bounds` gives them) holding
    ``offset`` within its line, or None when it falls between cells."""
    return next((i for i, (a, b) in enumerate(cells) if a <= offset < b), None)


def lines_above(text: str, line_start: int, limit: int) -> Iterator[str]:
    """The lines over the one starting at ``line_start``, nearest first, at most ``limit``
    of them: what a column's header is looked for in, row by row up the table."""
    pos = line_start - 1
    for _ in range(limit):
        if pos <= 0:
            return
        prev_start = text.rfind("\n", 0, pos) + 1
        yield text[prev_start:pos]
        pos = prev_start - 1
