"""A scanned 公文's text as OCR returns it, put back together before its elements are read.

Character recognisers that work line by line put a half-width space wherever two glyphs
stand a little apart: "章贡区人民政府 办公室文件", "章府办发〔202  5〕5号", "关于 申请拨付城中
区202  5年度…的报 告". GB/T 9704 prints no such space (a 公文's Chinese words are set solid;
a heading letter-spaced on purpose is spaced throughout, with full-width blanks as a rule),
so one such space splits a word, a number or a date and every element after it is lost.

We never drop a space on one line's evidence: a drafter does type "2024 年度" or "某某市
某某区" in a title, and a banner is letter-spaced. A document is taken as OCR'd when
several of its lines (at least :data:`MIN_LINES`, one fewer when a number is split, and
:data:`MIN_SHARE` of its lines) hold
a space between two Chinese characters where a side of it is one or two characters long —
a split word, not a gap between words — or a number split by one ("〔202  5〕", "2 0  24
年", "17 0号"), which nobody types apart. Then, on every line, runs of one or two half-width
spaces between Chinese characters, digits and Chinese punctuation are removed; a longer
run (a gap the layout set, as between a 发文字号 and its 签发人), full-width blanks (but in
a PDF, whose text layer gives a typed space as one), a line's indent and spaces next to
Latin letters stay. The signs are read from half-width spaces (see :func:`ocr_spaced`).
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
_BLANK_SET = {" ", "\u3000"}


def _split_word(line: str, wide: bool = False) -> bool:
    """Whether ``line`` holds a half-width space (``wide``: or a full-width blank) between
    two Chinese characters with one or two characters on a side of it (up to the next
    space)."""
    s = line.strip(" \u3000\t")
    for m in _GAPS[wide][0].finditer(s):  # three characters each side: linear in the line
        before, after = s[max(0, m.start() - 3) : m.start()], s[m.end() : m.end() + 3]
        short_left = m.start() < 3 or bool(set(before) & _BLANK_SET)
        short_right = len(after) < 3 or bool(set(after) & _BLANK_SET)
        if short_left or short_right:
            return True
    return False


# A year or a serial split by a space: inside the brackets of a 发文字号, before 年 or
# before 号 ("〔202  5〕", "2 0  24 年", "17 0号"): numbers no one types apart.
_YEAR = r"[12](?:[ \u3000]{0,2}[0-9]){3}"
_NUMBER_SPLIT = re.compile(
    rf"[〔\[［【（(﹝][ \u3000]*{_YEAR}[ \u3000]*[〕\]］】）)﹞]"
    rf"|(?<![0-9]){_YEAR}[ \u3000]*年"
    r"|(?<![0-9])[0-9](?:[ \u3000]{0,2}[0-9]){1,3}[ \u3000]*号"
)


def _split_number(line: str, wide: bool = False) -> bool:
    """Whether ``line`` holds such a number split by a half-width space (``wide``: or by
    a full-width blank)."""
    for m in _NUMBER_SPLIT.finditer(line):
        inner = re.sub(r"^\D+|\D+$", "", m.group(0))  # the digits and what splits them
        if " " in inner or (wide and "\u3000" in inner):
            return True
    return False


def ocr_spaced(lines: list[str], pdf: bool = False) -> bool:
    """Whether the document reads as OCR's output, spaces inside its words (see above).
    The first sign is a half-width space: a full-width blank also parts a table's cells
    in a PDF's text layer ("1　王某　女　370…"), where a one-character cell is no split
    word. But a PDF's text layer gives most of a scan's spaces as U+3000 (those drawn in
    the body's font; the title's font keeps some half-width), so in a PDF (``pdf``) with
    one sign no table gives — a half-width split word, or a number split by either blank
    ("【202\u30004】") — full-width blanks count as well on every line."""
    filled = [line for line in lines if line.strip(" \u3000\t")]
    signed = any(_split_word(line) or _split_number(line, pdf) for line in filled)
    wide = pdf and signed
    numbers = sum(_split_number(line, wide) for line in filled)
    hits = sum(_split_word(line, wide) or _split_number(line, wide) for line in filled)
    least = MIN_LINES - 1 if numbers else MIN_LINES  # a split number is the stronger sign
    return hits >= least and hits >= MIN_SHARE * len(filled)


def close_ocr_spaces(lines: list[str], pdf: bool = False) -> list[str]:
    """``lines`` with OCR's spaces removed when the document is an OCR'd one; as they are
    otherwise. In a PDF (``pdf``) one or two full-width blanks between Chinese characters
    are closed too: its text layer gives a typed space as U+3000."""
    if not ocr_spaced(lines, pdf):
        return lines
    return [_GAPS[pdf][1].sub("", line) for line in lines]
