"""The speaker's line a speech sets under its title: posts, then the name, a blank apart.

A speech (讲话稿) names no type, so its title is found by what stands under it: the
subtitle (——在…上的讲话) or the speaker's line. Offices print that line with the organ
before the post ("…人民政府区长　王建华", metadata_fallbacks.SPEAKER), and as often with
the posts alone, joined by 、 when the speaker holds several ("县委副书记、县长　王建国",
"党委书记　李卫东", "总经理　赵志明") — the organ being the meeting's own. The blank
between post and name is what tells the line from a run of words ("院长办公会").
"""

from __future__ import annotations

import re

# Posts a speaker is named by, in 党政机关, 高校, 医院, 国企 and 群团 bodies.
_POST = (
    r"(?:书记|县长|区长|市长|州长|镇长|乡长|主任|局长|处长|科长|厅长|部长|署长|院长|校长|"
    r"行长|所长|站长|董事长|总经理|经理|总裁|主席|组长|秘书长|政委|审计长|检察长|常委|委员)"
)
_CJK = "\u4e00-\u9fff"
_SPEAKER_LINE = re.compile(
    rf"^(?:[{_CJK}]{{0,16}}?{_POST}、)*[{_CJK}]{{0,16}}?{_POST}"
    rf"[ \u3000\u00a0\t]+[{_CJK}][{_CJK}·]{{1,3}}$"
)


def speaker_line(line: str) -> bool:
    """Whether ``line`` is a speaker's line named by posts alone: one or more posts
    (joined by 、), blanks, a name of two to four characters."""
    return _SPEAKER_LINE.match(line.strip(" \u3000\u00a0\t")) is not None
