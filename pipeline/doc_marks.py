"""密级 marks written as offices write them by hand, beyond :func:`doc_kinds.marking_in_any_form`.

Two forms reach the clerk that the line-of-its-own reader misses:

- the star set **between** the level's two glyphs ("秘★密", "绝★密", "机☆密★1年"), as a
  drafter types it when the font has no 密级 template;
- a bare level ("秘密") among other words of the **running header** ("樊城区人民政府办公室
  秘密　第1页"): a level with no period is a word in a sentence, but set off by spaces in
  the first lines with a page number or the issuer it is the header's mark.

- a level (with or without its period) on the line of the **page number or the 份号**, at
  the head or at the **foot** of the paper ("— 2 —　机密（★10年）", "绝密★启用前　份号：003"):
  a footer template or a scan that ran the 份号 and the level into one line.

Each is a 密级 marking (GB/T 9704 7.2.3), so the document is withheld under 第十四条.
"""

from __future__ import annotations

import re

from pipeline.doc_enclosed import enclosed_mark
from pipeline.doc_kinds import LEVEL, PERIOD
from pipeline.doc_kinds import marking_in_any_form as written_mark
from pipeline.doc_secrecy import classified_line
from pipeline.gongwen import compact

LEVEL_GLYPH = r"[绝机秘]"
STAR = r"[★☆＊*]"
# "秘★密", "绝 ★ 密", "机☆密★1年", set off by spaces or alone on its line
STARRED = re.compile(
    rf"(?:^|[\s　])(?P<m>{LEVEL_GLYPH}\s*{STAR}\s*密(?:\s*{STAR}?\s*{PERIOD})?)(?=[\s　]|$)", re.M
)
BARE_LEVEL = re.compile(r"^(?:绝密|机密|秘密)$")
PAGE = re.compile(r"第\s*[0-9０-９]+\s*页|^[—-]\s*[0-9]+\s*[—-]$")
ORGAN = re.compile(r"(?:人民政府|办公室|局|委员会|办事处|公司|中心|学校|医院|组织部)")
HEADER_LINES = 3


def starred_mark(text: str) -> str | None:
    """A level with its star between the glyphs, in the head (first twelve lines)."""
    head = "\n".join(text.split("\n")[:12])
    m = STARRED.search(head)
    return compact(m.group("m")) if m else None


def header_level(text: str) -> str | None:
    """A bare level among a running header's words, set off by spaces, with the page number
    or the issuer's name on the same line."""
    for line in [line for line in text.split("\n") if line.strip()][:HEADER_LINES]:
        pieces = [p for p in re.split(r"[\s　]+", line.strip()) if p]
        if len(pieces) < 2:
            continue
        levels = [k for k, p in enumerate(pieces) if BARE_LEVEL.match(p) and _set_off(pieces, k)]
        others = [p for p in pieces if not BARE_LEVEL.match(p)]
        if levels and any(PAGE.search(p) or ORGAN.search(p) for p in others):
            return pieces[levels[0]]
    return None


# The page number or the 份号 somewhere on the line, and a level set off by spaces beside it.
PAGE_OR_COPY = re.compile(
    r"[—－-]\s*[0-9０-９]+\s*[—－-]|第\s*[0-9０-９]+\s*页|份\s*号\s*[：:]?\s*[0-9０-９]{1,6}"
)
LEVEL_BESIDE = re.compile(
    rf"(?:^|[\s　])(?P<m>[★☆]?\s*{LEVEL}\s*(?:[★☆＊*]\s*(?:{PERIOD})?|[（(]\s*[★☆]?\s*{PERIOD}\s*[）)]|{PERIOD})?)"
    r"(?=[\s　]|$)"
)
FOOT_LINES = 3


def page_line_level(text: str) -> str | None:
    """A level on the line of the page number or the 份号, in the first or last lines."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for line in lines[:HEADER_LINES] + lines[-FOOT_LINES:]:
        if PAGE_OR_COPY.search(line) and (m := LEVEL_BESIDE.search(line)):
            return compact(m.group("m"))
    return None


CJK = re.compile(r"[\u4e00-\u9fff]")
ORGAN_END = re.compile(rf"{ORGAN.pattern}$")


def _set_off(pieces: list[str], k: int) -> bool:
    """Whether the level ``pieces[k]`` stands apart from its neighbours: beside the page
    number, or each neighbour the issuer's whole name or no word at all (★, 1年). An OCR's stray
    spaces cut a prose line into pieces too ("印发《商业 秘密 保护指引》", "保守 秘密",
    "机密 级 文件"): there the level is half of a word with the glyphs beside it."""
    before = pieces[k - 1] if k > 0 else ""
    after = pieces[k + 1] if k + 1 < len(pieces) else ""
    if PAGE.search(before) or PAGE.search(after):
        return True  # beside the page number: the header's mark (its organ cut at times)
    return all(
        not piece or PAGE.search(piece) or ORGAN_END.search(piece) or not CJK.match(glyph)
        for piece, glyph in ((before, before[-1:]), (after, after[:1]))
    )


def marking_in_any_form(text: str) -> str | None:
    """A 密级 marking in any written form: the line-of-its-own and header readers of
    :mod:`pipeline.doc_kinds`, then a star between the glyphs, then a bare level in the
    running header, then a level beside the page number or the 份号, then a 定密 recorded in the 版记 or the text (:mod:`pipeline.doc_secrecy`), then a level in brackets or a
    此件★秘密 stamp (:mod:`pipeline.doc_enclosed`)."""
    return (
        written_mark(text)
        or starred_mark(text)
        or header_level(text)
        or page_line_level(text)
        or classified_line(text)
        or enclosed_mark(text)
    )
