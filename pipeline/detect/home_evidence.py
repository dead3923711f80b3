"""Whether a paper names somebody's home down to the door: a sign it speaks of private
persons.

A 矛盾纠纷 排查 list, a 信访 登记簿 or a 走访 记录 may carry no 申请人：-type role word and
no number, yet it says where people live: 家住井头村四组51号, 现住…小区3栋2单元501, 送达
地址：…. Policy texts and news name villages and estates (家住某村的村民, …小区3栋楼顶改造)
but not a resident's door after a home cue, so such a home tells the judge's plain-text gate
(:func:`pipeline.detect.proposals.speaks_of_private_persons`) that the names around are
private persons'.
"""

from __future__ import annotations

import re

# A home cue, then a place of up to 30 characters on one line ending in a door: …12号,
# …501室, …2单元501, …3-402 (no 号楼/号院: a building, not a door).
HOME_TO_DOOR = re.compile(
    r"(?:家住|现住|居住于|户籍地[：:]|送达地址[：:]|住址[：:])[ \u3000]*"
    r"[\u4e00-\u9fff][^\n，,。；;：:]{1,30}?"
    r"(?:[0-9０-９]+号(?![楼院])|[0-9０-９]+室|单元[0-9０-９]{3,4}|[0-9]+-[0-9]{3,4})"
)


def names_a_home(text: str) -> bool:
    """The text names a home down to its door after a home cue (家住, 现住, 户籍地：…)."""
    return HOME_TO_DOOR.search(text) is not None
