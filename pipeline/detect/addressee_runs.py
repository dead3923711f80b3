"""Several persons addressed at once on a 公告's or 告知书's addressee line: "吴晓梅、
蔡国华、刘东：" under the case number.

A 法院 公告送达 or a 告知书 to a household is addressed to every party by name, the names
in a 、-run ending in the colon, alone on the line. Each is the addressee, as a lone
"陈嘉豪：" is (:func:`pipeline.detect.person_name.PersonRecognizer._addressee`).

Written for this project from how 公告送达 and 告知书 are headed.
"""

from __future__ import annotations

import re

from pipeline.detect.chinese_name import read_name

ADDRESSEE_RUN = re.compile(
    r"^[ \u3000]*(?P<run>[\u4e00-\u9fff]{2,4}(?:、[\u4e00-\u9fff]{2,4}){1,7})[：:][ \u3000]*$"
)


def addressee_run(text: str, line_start: int, line: str) -> list[tuple[int, str]]:
    """(offset, name) of every addressee of ``line`` (at ``line_start``), when the line is
    a 、-run of names ending in a colon and every item reads as a whole name; else []."""
    m = ADDRESSEE_RUN.match(line)
    if m is None:
        return []
    out = []
    offset = line_start + m.start("run")
    for item in m.group("run").split("、"):
        if read_name(text, offset) != item:
            return []
        out.append((offset, item))
        offset += len(item) + 1
    return out
