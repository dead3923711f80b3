"""A scanned 公文's text as OCR returns it, put back together before its elements are read.

Character recognisers that work line by line put a half-width space wherever two glyphs
stand a little apart: "章贡区人民政府 办公室文件", "章府办发〔202  5〕5号", "关于 申请拨付城中
区202  5年度…的报 告". GB/T 9704 prints no such space (a 公文's Chinese words are set solid;
a heading letter-spaced on purpose is spaced throughout, with full-width blanks as a rule),
so one such space splits a word, a number or a date and every element after it is lost.

We never drop a space on one line's evidence: a drafter does type "2024 年度" or "某某市
某某区" in a title, and a banner is letter-spaced. A document is taken as OCR'd when
several of its lines (at least :data:`MIN_LINES`, and :data:`MIN_SHARE` of its lines) hold
a space between two Chinese characters where a side of it is one or two characters long —
a split word, not a gap between words. Then, on every line, runs of one or two half-width
spaces between Chinese characters, digits and Chinese punctuation are removed; a longer
run (a gap the layout set, as between a 发文字号 and its 签发人), full-width blanks (but in
a PDF, whose text layer gives a typed space as one), a line's indent and spaces next to
Latin letters stay.
"""

from __future__ import annotations

import re

MIN_LINES = 3
MIN_SHARE = 0.2
_HAN = r"\u4e00-\u9fff"
# Chinese characters, both digit widths, CJK punctuation and brackets (not U+3000, a blank),
# full-width forms (（）［］：，): what an OCR space falls between.
_SOLID = rf"{_HAN}0-9０-９\u3001-\u303f\uff01-\uff5e\[\]()"
# A PDF's text layer gives a typed space as U+3000 when the font draws it with its space
# glyph (see metadata.pdf_title_spaces): in a PDF both widths are the scanner's spaces.
_BLANKS = {False: " ", True: " \u3000"}


def _gaps(blanks: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return (
        re.compile(rf"(?<=[{_HAN}])[{blanks}]{{1,2}}(?=[{_HAN}])"),
        re.compile(rf"(?<=[{_SOLID}])[{blanks}]{{1,2}}(?=[{_SOLID}])"),
    )


_GAPS = {pdf: _gaps(blanks) for pdf, blanks in _BLANKS.items()}


def _split_word(line: str, pdf: bool = False) -> bool:
    """Whether ``line`` holds a space between two Chinese characters with one or two
    characters on a side of it (up to the next space)."""
    s = line.strip(" \u3000\t")
    for m in _GAPS[pdf][0].finditer(s):
        left = re.split(f"[{_BLANKS[pdf]}]", s[: m.start()])[-1]
        right = re.split(f"[{_BLANKS[pdf]}]", s[m.end() :])[0]
        if min(len(left), len(right)) <= 2:
            return True
    return False


def ocr_spaced(lines: list[str], pdf: bool = False) -> bool:
    """Whether the document reads as OCR's output, spaces inside its words (see above);
    ``pdf``: a PDF's text layer, where a full-width blank may be a typed space."""
    filled = [line for line in lines if line.strip(" \u3000\t")]
    hits = sum(_split_word(line, pdf) for line in filled)
    return hits >= MIN_LINES and hits >= MIN_SHARE * len(filled)


def close_ocr_spaces(lines: list[str], pdf: bool = False) -> list[str]:
    """``lines`` with OCR's spaces removed when the document is an OCR'd one; as they are
    otherwise."""
    if not ocr_spaced(lines, pdf):
        return lines
    return [_GAPS[pdf][1].sub("", line) for line in lines]
