"""Letter-spacing taken out of a scanned draft's lines before the attribute is decided.

An OCR or PDF text layer often puts one or two spaces between every glyph of a line
("被 申 请 人 ： 丰 泽 区 卫 生 健 康 局", "2  0  2  6  年  度  征  兵"). Every kind rule of
:mod:`pipeline.decide` reads words ("征兵任务", "处罚决定书", "人防指挥所"), so a spaced
line hides its kind and a secret reads as a public notice. The rule that tells a
letter-spaced line and closes it up lives with the recognizers, which read the same
lines (:mod:`pipeline.detect.letter_spacing`); this module applies it to the metadata
and to the head's lines, where a spaced title is often wrapped as well ("行 政 处 ⏎罚 决 定
书": the fixed width of a scan's line or a typist's return split it, and neither half names
the kind).
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.detect.letter_spacing import is_letter_spaced, unspaced, unspaced_line
from pipeline.metadata import Metadata

__all__ = ["head_lines", "is_letter_spaced", "unspaced", "unspaced_line", "unspaced_metadata"]


def unspaced_metadata(metadata: Metadata) -> Metadata:
    """The metadata with its title's letter-spacing taken out (the kind rules read it)."""
    title = metadata.title or ""
    closed = unspaced_line(title)
    return metadata if closed == title else replace(metadata, title=closed)


# A gap between two glyphs of a spaced line; sentence punctuation ends a title.
GAP = re.compile(r"[ \u3000]+")
SENTENCE = re.compile(r"[，。；;：:,]")
MIN_HALF_PIECES = 2
MAX_HALF_PIECES = 20


def head_lines(text: str, count: int) -> list[str]:
    """The first ``count`` lines of ``text``, each followed, when it and the next line are
    the two halves of one letter-spaced title wrapped, by the halves read as one line (the
    second half may be closed up already: :func:`unspaced` closes a line of four glyphs
    and more, and leaves "行 政 处" of three)."""
    lines = text.split("\n")[:count]
    out: list[str] = []
    for line, after in zip(lines, [*lines[1:], ""], strict=True):
        out.append(line)
        if _spaced_half(line) and (_spaced_half(after) or CLOSED_TAIL.fullmatch(after.strip())):
            out.append(line.strip() + " " + after.strip())
    return out


# A short closed-up line of a title's glyphs (罚决定书, 书): the end of a wrapped title.
CLOSED_TAIL = re.compile(r"[\u4e00-\u9fff]{1,8}")


def _spaced_half(line: str) -> bool:
    """A short line of single glyphs set apart, with no sentence punctuation: half a title."""
    pieces = [p for p in GAP.split(line.strip()) if p]
    return (
        MIN_HALF_PIECES <= len(pieces) <= MAX_HALF_PIECES
        and all(len(p) == 1 for p in pieces)
        and not SENTENCE.search(line)
    )
