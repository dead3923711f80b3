"""The 版头's markings: a line that holds only 份号, 密级★保密期限, 紧急程度 or a work-secret
mark (内部资料 注意保存). Such a line is never a title, and its values go to the metadata."""

from __future__ import annotations

import re

from pipeline.gongwen import (
    COPY_NUMBER,
    FULLWIDTH_DIGITS,
    INTERNAL_MARK,
    SECRET_LINE,
    SPACES,
    URGENCY,
    clean_line,
)


def head_marks(s: str) -> dict[str, str] | None:
    """If the whole line is 版头 markings (份号, 密级★期限, 紧急程度, 内部资料), return them."""
    found: dict[str, str] = {}
    rest = s
    m = SECRET_LINE.search(rest)
    if m:
        found["secret_level"] = re.sub(r"\s", "", m["level"])
        if m["period"]:
            found["secret_period"] = re.sub(r"\s", "", m["period"].translate(FULLWIDTH_DIGITS))
        rest = rest[: m.start()] + " " + rest[m.end() :]
    m2 = INTERNAL_MARK.search(rest)
    if m2:
        found["internal_marking"] = clean_line(s) if not m else m2.group(0)
        rest = INTERNAL_MARK.sub(" ", rest)
    tokens = [t for t in re.split(f"[{SPACES}]+", rest) if t]
    for t in tokens:
        if COPY_NUMBER.match(t) and "copy_number" not in found:
            found["copy_number"] = t
        elif URGENCY.match(t):
            found["urgency"] = re.sub(r"\s", "", t)
        elif t in ("注意保存", "注意保管", "★", "☆"):
            continue
        else:
            return None
    return found or None
