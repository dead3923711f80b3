"""密级 written into the 版记 or the text rather than set in the top corner (第十四条).

GB/T 9704 puts the 密级 and 保密期限 at the top left, but a 定密 is recorded in other
places the readers of :mod:`pipeline.doc_kinds` and :mod:`pipeline.doc_marks` do not look:

- a **定密依据** line (保密法实施条例 第十二条: the 定密 records its basis) — only a
  classified paper has one;
- a **labelled 密级 line** with more labels after the period (密级：秘密　保密期限：5年
  知悉范围：…), as a 定密 审批 form or a 版记 writes it;
- a **sentence that classes the paper** (本件属秘密级, 此件为机密级文件);
- a level with its star and period whose last glyph a scan misread (绝密★10牟 for 10年).

Each is a 密级 marking: the paper is withheld under 第十四条.
"""

from __future__ import annotations

import re

from pipeline.gongwen import compact

LEVEL = r"(?:绝\s*密|机\s*密|秘\s*密)"
BASIS = re.compile(r"^[ \t　]*定 ?密 ?依 ?据 ?[：:][^\n]+", re.M)
LABELLED = re.compile(
    rf"^[ \t　]*密\s*级\s*[：:]\s*(?P<m>{LEVEL})[\s　,，;；]+(?:保\s*密\s*期\s*限|知\s*悉\s*范\s*围)\s*[：:]",
    re.M,
)
CLASSED = re.compile(rf"(?:本|此)\s*(?:件|文|文件)\s*(?:属|为|系)\s*(?P<m>{LEVEL})\s*级")
# a level, its star and a period's digits, the unit glyph misread: alone on its line
MISREAD = re.compile(
    rf"^[ \t　]*(?P<m>{LEVEL}\s*[★☆]\s*[0-9０-９]{{1,2}})[ \t　]*\S?[ \t　]*$", re.M
)


def classified_line(text: str) -> str | None:
    """The words that record the paper's 定密 outside the top corner, or None."""
    if m := BASIS.search(text):
        return compact(m.group(0))[:12]
    for pattern in (LABELLED, CLASSED, MISREAD):
        if found := pattern.search(text):
            return compact(found.group("m"))
    return None
