"""A 纪要's 标志 that names its organ ("江西师范大学会议纪要", "…人民政府办公室会议纪要").

GB/T 9704-2012 10.3 sets a 纪要's 标志 as "×××××纪要": the organ's name and the kind,
in the place a 文件's 标志 takes, over the 期号 or number and the office's line with the
date; the meeting's own title (第N次…会议纪要, 关于…的会议纪要) comes under them. Like
the bare banner ("会议纪要"), the mark gives way to that title, and is the title only
when none follows. A title that names the meeting ("…第19次常务会议纪要") is no mark: the
part before the kind is then no organ's name alone.
"""

from __future__ import annotations

import re

from pipeline.gongwen import compact, looks_like_agency

_MARK = re.compile(r"^(?P<organ>.+?)(?:会议)?纪要$")


def minutes_mark(line: str) -> bool:
    """Whether ``line`` is a 纪要's 标志: an organ's name, then (会议)纪要."""
    found = _MARK.match(compact(line))
    return found is not None and looks_like_agency(found["organ"])
