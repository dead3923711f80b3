"""Letter-spacing taken out of a scanned draft's lines before the attribute is decided.

An OCR or PDF text layer often puts one or two spaces between every glyph of a line
("被 申 请 人 ： 丰 泽 区 卫 生 健 康 局", "2  0  2  6  年  度  征  兵"). Every kind rule of
:mod:`pipeline.decide` reads words ("征兵任务", "处罚决定书", "人防指挥所"), so a spaced
line hides its kind and a secret reads as a public notice. A line is taken as
letter-spaced when nearly all its space-separated pieces are single glyphs; its spaces
between two single glyphs (not its leading indent) are removed. A line of words set apart by spaces (a running
header "樊城区人民政府办公室　秘密　第1页", "申请人：张三  男") keeps its spaces.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.finding import Finding
from pipeline.metadata import Metadata

GAP = re.compile(r"[ \u00a0\u3000]+")
INDENT = re.compile(r"^[ \u3000\t]*")
MIN_PIECES = 4
SINGLE_SHARE = 0.8


def is_letter_spaced(line: str) -> bool:
    """Whether ``line`` (its indent aside) is glyphs set one apart from another."""
    pieces = [p for p in GAP.split(line.strip()) if p]
    if len(pieces) < MIN_PIECES:
        return False
    return sum(len(p) == 1 for p in pieces) >= SINGLE_SHARE * len(pieces)


def unspaced_line(line: str) -> str:
    """``line`` with its letter-spacing taken out, its indent kept; other lines as they are."""
    if not is_letter_spaced(line):
        return line
    indent = INDENT.match(line)
    head = indent.group(0) if indent else ""
    # a gap goes only between two single glyphs: "第1页　秘 密 ★ 1 年" keeps the gap that
    # sets the page number off from the mark ("第1页　秘密★1年")
    parts = re.split(f"({GAP.pattern})", line[len(head) :])
    out = parts[0]
    for i in range(1, len(parts) - 1, 2):
        before, after = parts[i - 1], parts[i + 1]
        out += "" if len(before) == 1 and len(after) == 1 else parts[i]
        out += after
    return head + out


def unspaced(text: str) -> str:
    """``text`` with each letter-spaced line closed up; a text without one is returned as is."""
    lines = text.split("\n")
    closed = [unspaced_line(line) for line in lines]
    return text if closed == lines else "\n".join(closed)


def unspaced_metadata(metadata: Metadata) -> Metadata:
    """The metadata with its title's letter-spacing taken out (the kind rules read it)."""
    title = metadata.title or ""
    closed = unspaced_line(title)
    return metadata if closed == title else replace(metadata, title=closed)


def mapped_back(findings: list[Finding], text: str, closed: str) -> list[Finding]:
    """``findings`` read in ``closed`` (:func:`unspaced` of ``text``) set on ``text`` as
    printed: a redaction must black out the spaced ID where it stands ("3 5 0 5 …"), and
    the spaced text's own reading is worse (a recognizer takes a run of its digits for a
    phone number). Closing up only removes whole gaps, so each glyph of ``closed`` is
    the next equal glyph of ``text``."""
    offsets: list[int] = []
    i = 0
    for glyph in closed:
        while text[i] != glyph:
            i += 1
        offsets.append(i)
        i += 1
    out = []
    for f in findings:
        if f.end <= f.start:
            continue
        start, end = offsets[f.start], offsets[f.end - 1] + 1
        out.append(replace(f, start=start, end=end, text=text[start:end]))
    return out
