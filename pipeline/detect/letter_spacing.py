"""Letter-spaced lines, and the closed-up view of a text the recognizers read.

An OCR or PDF text layer often puts one or two spaces between every glyph of a line
("申 请 人 ： 张 建 国", "2  0  2  6  年  度  征  兵"), or spreads only a form's label
("联 系 电 话：138…") or only its value ("姓名：张 建 国"). The recognizers read words and
digit runs, so a spaced name, ID or phone is not found and would be published unredacted.

A line is taken as letter-spaced when nearly all its space-separated pieces are single
glyphs; its gaps between two single glyphs (not its leading indent) are closed. A line of
words set apart by spaces (a running header "樊城区人民政府办公室　秘密　第1页", "申请人：张三
男") keeps its spaces. :func:`unspaced_line` is that rule, the one the attribute decider
reads (:mod:`pipeline.doc_spacing`). :func:`spaced_view` is the recognizers' view: the same
rule, also applied to each part of a line between colons, commas and brackets (a label, a
value, a clause; three glyphs or more), keeping a gap wider than the line's letter gap (a table's cell
boundary, "1 0 3 1　次 仁"), with each view character's place in the text so findings
are mapped back and cover the spaced glyphs as read.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from pipeline.detect.spaced_digits import kept_open
from pipeline.finding import Finding

GAP = re.compile(r"[ \u00a0\u3000]+")
INDENT = re.compile(r"^[ \u3000\t]*")
# Where a form line's label, value or clause ends: "联 系 电 话：…", "李 秀 英，女，住…".
PART_BREAK = re.compile(r"[：:，,；;。、（）()\t]")
TAB = re.compile(r"\t+")
MIN_PIECES = 4
MIN_PART_PIECES = 3
SINGLE_SHARE = 0.8

Span = tuple[int, int]


def is_letter_spaced(line: str, min_pieces: int = MIN_PIECES) -> bool:
    """Whether ``line`` (its indent aside) is glyphs set one apart from another."""
    pieces = [p for p in GAP.split(line.strip()) if p]
    if len(pieces) < min_pieces:
        return False
    return sum(len(p) == 1 for p in pieces) >= SINGLE_SHARE * len(pieces)


def single_gaps(line: str, lo: int, hi: int) -> list[Span]:
    """The gaps of ``line[lo:hi]`` between two single glyphs (pieces of one character)."""
    gaps = [(m.start(), m.end()) for m in GAP.finditer(line, lo, hi)]
    edges = [lo] + [g for gap in gaps for g in gap] + [hi]
    pieces = [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]
    return [
        gap
        for gap, before, after in zip(gaps, pieces, pieces[1:], strict=False)
        if before[1] - before[0] == 1 and after[1] - after[0] == 1
    ]


def _indent(line: str) -> int:
    indent = INDENT.match(line)
    return indent.end() if indent else 0


def unspaced_line(line: str) -> str:
    """``line`` with its letter-spacing taken out, its indent kept; other lines as they are."""
    if not is_letter_spaced(line):
        return line
    # a gap goes only between two single glyphs: "第1页　秘 密 ★ 1 年" keeps the gap that
    # sets the page number off from the mark ("第1页　秘密★1年")
    return _without(line, single_gaps(line, _indent(line), len(line)))


def _without(line: str, gaps: list[Span]) -> str:
    out, at = [], 0
    for a, b in gaps:
        out.append(line[at:a])
        at = b
    out.append(line[at:])
    return "".join(out)


def unspaced(text: str) -> str:
    """``text`` with each letter-spaced line closed up; a text without one is returned as is."""
    lines = text.split("\n")
    closed = [unspaced_line(line) for line in lines]
    return text if closed == lines else "\n".join(closed)


def _width(gap: str) -> int:
    return sum(2 if ch == "\u3000" else 1 for ch in gap)


def _letter_gaps(line: str, gaps: list[Span]) -> list[Span]:
    """``gaps`` less the cell boundaries: a gap unlike the line's usual letter gap and not
    narrower ("1  0  3　次  仁": letters two spaces apart, cells one full-width space)."""
    if not gaps:
        return gaps
    usual = Counter(line[a:b] for a, b in gaps).most_common(1)[0][0]
    return [(a, b) for a, b in gaps if line[a:b] == usual or _width(line[a:b]) < _width(usual)]


def view_gaps(line: str) -> list[Span]:
    """The gaps the recognizers' view closes in ``line``, less those that part two valid
    numbers of one spaced digit run (an ID run into a card, :mod:`.spaced_digits`)."""
    gaps = _view_gaps(line)
    opened = kept_open(line, gaps) if gaps else set()
    return [g for g in gaps if g not in opened]


def _view_gaps(line: str) -> list[Span]:
    """The gaps the recognizers' view closes in ``line``: the whole line's when it is
    letter-spaced (tabs aside), else those of each part between colons, commas, brackets
    and tabs that is."""
    lo = _indent(line)
    if is_letter_spaced(line.replace("\t", " ")):
        # a tab parts a table's cells ("7\t覃  婷\t法  学"): never a letter gap
        cells = [lo] + [b for m in TAB.finditer(line, lo) for b in (m.start(), m.end())]
        cells.append(len(line))
        pairs = zip(cells[::2], cells[1::2], strict=True)
        return _letter_gaps(line, [g for a, b in pairs for g in single_gaps(line, a, b)])
    gaps: list[Span] = []
    edges = [lo] + [b for m in PART_BREAK.finditer(line, lo) for b in (m.start(), m.end())]
    edges.append(len(line))
    for a, b in zip(edges[::2], edges[1::2], strict=True):
        if is_letter_spaced(line[a:b], MIN_PART_PIECES):
            gaps += _letter_gaps(line, single_gaps(line, a, b))
    return gaps


@dataclass(frozen=True)
class SpacedView:
    """A text with its letter-spacing closed up, and where each character came from."""

    text: str
    origin: tuple[int, ...]

    def span_in(self, start: int, end: int) -> Span:
        """The text's span under the view's ``[start, end)``, inner spaces included."""
        return self.origin[start], self.origin[end - 1] + 1

    def finding_in(self, finding: Finding, text: str) -> Finding:
        """``finding`` (found on the view) moved onto ``text``, the text as read."""
        start, end = self.span_in(finding.start, finding.end)
        return replace(finding, start=start, end=end, text=text[start:end])


def spaced_view(text: str) -> SpacedView | None:
    """The recognizers' view of ``text``; None when no line of it is letter-spaced."""
    closed: list[Span] = []
    at = 0
    for line in text.split("\n"):
        closed += [(at + a, at + b) for a, b in view_gaps(line)]
        at += len(line) + 1
    if not closed:
        return None
    keep = [True] * len(text)
    for a, b in closed:
        keep[a:b] = [False] * (b - a)
    origin = tuple(i for i, kept in enumerate(keep) if kept)
    return SpacedView("".join(text[i] for i in origin), origin)
