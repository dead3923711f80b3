"""Letter-spacing taken out of a scanned draft's lines before the attribute is decided.

An OCR or PDF text layer often puts one or two spaces between every glyph of a line
("被 申 请 人 ： 丰 泽 区 卫 生 健 康 局", "2  0  2  6  年  度  征  兵"). Every kind rule of
:mod:`pipeline.decide` reads words ("征兵任务", "处罚决定书", "人防指挥所"), so a spaced
line hides its kind and a secret reads as a public notice. The rule that tells a
letter-spaced line and closes it up lives with the recognizers, which read the same
lines (:mod:`pipeline.detect.letter_spacing`); this module applies it to the metadata.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.detect.letter_spacing import is_letter_spaced, unspaced, unspaced_line
from pipeline.metadata import Metadata

__all__ = ["is_letter_spaced", "unspaced", "unspaced_line", "unspaced_metadata"]


def unspaced_metadata(metadata: Metadata) -> Metadata:
    """The metadata with its title's letter-spacing taken out (the kind rules read it)."""
    title = metadata.title or ""
    closed = unspaced_line(title)
    return metadata if closed == title else replace(metadata, title=closed)
