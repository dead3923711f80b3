"""密级 marks a drafter encloses or abbreviates, beyond :mod:`pipeline.doc_marks`.

Two more hand-made forms of a 定密 reach the clerk:

- a level alone on its line **inside round or angle brackets** ("（★秘密）", "(机密★5年)",
  "〔秘密〕", "《绝密》"), as a drafter sets the mark off when no template puts it in the corner
  — at the head or after the 落款;
- a **classing phrase with a star for its verb** ("此件★机密", "本件☆秘密", "本文★秘密级"):
  the 本件属秘密级 sentence of :mod:`pipeline.doc_secrecy` shortened to a stamp;
- the **密级 field of a form** filled in among its other fields: a 呈批件's ruled cells
  ("│密级│机密│", unruled "密级　　机密") or a 发文稿纸's line ("签发：某某　　密级：秘密★1年　　缓急：…"). A blank
  field (密级：　) or one saying 非密/无 is no mark, nor a list of the levels in prose
  (密级：绝密、机密、秘密), the level being followed by a word, not a field's end.

A level in brackets inside a sentence (“分为（秘密）级”) is prose, not a mark: only a whole
line counts. Each is a 密级 marking, so the paper is withheld under 第十四条.
"""

from __future__ import annotations

import re

from pipeline.doc_kinds import LEVEL, PERIOD
from pipeline.gongwen import compact

STAR = r"[★☆＊*]"
OPEN, CLOSE = r"[（(〔［\[《<〈]", r"[）)〕］\]》>〉]"
ENCLOSED = re.compile(
    rf"^[ \t　]*{OPEN}\s*{STAR}?\s*(?P<m>{LEVEL}\s*级?(?:\s*{STAR}\s*{PERIOD}?|\s*{PERIOD})?)\s*{STAR}?\s*{CLOSE}[ \t　]*$",
    re.M,
)
STAMPED = re.compile(
    rf"^[ \t　]*(?:此|本)\s*(?:件|文|文件)\s*{STAR}\s*(?P<m>{LEVEL})\s*级?(?:\s*{STAR}?\s*{PERIOD})?[ \t　]*$",
    re.M,
)

FIELD = re.compile(
    rf"密\s*级\s*(?:[：:]|[│｜|]|\t|[ 　]{{2,}})\s*[│｜|]?\s*(?P<m>{LEVEL}(?:\s*{STAR}\s*{PERIOD}?)?)(?=[│｜|\t 　]|$)",
    re.M,
)

# the field's label and level run together on a line of their own ("密级机密"): a scan
# that closed up a letter-spaced form row took the gap between the cells out with the rest
FUSED = re.compile(
    rf"^[ \t　│｜|]*密\s*级\s*(?P<m>{LEVEL}(?:\s*{STAR}\s*{PERIOD}?)?)[ \t　│｜|]*$", re.M
)


def enclosed_mark(text: str) -> str | None:
    """A level in brackets on a line of its own, a 此件★秘密 stamp or a form's filled 密级
    field; None when there is none of them."""
    for pattern in (ENCLOSED, STAMPED, FIELD, FUSED):
        if m := pattern.search(text):
            return compact(m.group("m"))
    return None
