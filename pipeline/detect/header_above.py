"""A column's header found across wrapped rows and a wrapped header row.

A 维修资金 分摊清单 typed as space-aligned lines wraps when the page is narrow: the header
row breaks in two (序号 房号 业主姓名 建筑⏎面积(㎡) 分摊金额(元) 联系电话) and each row
spills its last cells onto the next lines. :func:`pipeline.detect.context.column_header`
stops at the first line of fewer than three cells or takes the header's second half for
the header, so a 房号 cell loses its label. Here the header is the nearest line above,
within the table (no blank line between), holding one of the wanted words, and the cell
must stand at that word's place among the cells of its own line.
"""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.detect.line_cells import cell_at, cell_bounds, line_bounds, lines_above


def header_above(text: str, start: int, words: Iterable[str], max_lines: int = 40) -> str | None:
    """The header word among ``words`` over the cell at ``start``, or None."""
    line_start, line_end = line_bounds(text, start)
    line = text[line_start:line_end]
    cells = cell_bounds(line)
    col = cell_at(cells, start - line_start)
    if col is None or len(cells) < 2:
        return None
    wanted = tuple(words)
    for prev in lines_above(text, line_start, max_lines):
        if not prev.strip():
            return None  # a blank line: the table ended above
        values = [prev[a:b].strip() for a, b in cell_bounds(prev)]
        if not any(w in v for v in values for w in wanted):
            continue
        if any(ch.isdigit() for ch in "".join(values)):
            continue  # a data row that happens to hold the word
        if col < len(values) and any(w in values[col] for w in wanted):
            return values[col]
        return None
    return None
