"""The frame of a record or a form, and the turns spoken in it (第十六条).

A 会议记录, a 考察材料 or a 办文单 is internal affairs for what people said and thought in
it, not for the lines that say a step took place. Two readings, one job — telling the
frame from the content:

- **frame**: a field line (主持：…　记录：…, 议题一：…, 事由：…, 来文单位：…) and a sentence
  that only reports a step (考察组对该同志进行了考察, 分管领导汇报了有关情况, 会议听取了…
  汇报) name no position, remark or open matter; the clause model's INTERNAL reading of
  them alone is no finding. (The remark that follows — 该同志的不足是… — is the content.)
- **turn**: in a record (记录, 纪要) a line opening with a speaker's name and post and a
  colon (王委员：“…”, 陈副镇长：…) is what one member said in the discussion: the way a
  乡镇 党政联席会议 or a 班子会 record writes each speech.
"""

from __future__ import annotations

import re

# A record's or a form's field line: who chaired, who wrote, the item, the matter.
FIELD_LINE = re.compile(
    r"^(?:主持人?|记录人?|议题[一二三四五六七八九十0-9０-９]*|事由|来文单位|来文机关|来文字号|"
    r"收文日期|会议时间|会议地点|时间|地点|出席|列席|参加人员|参会人员|缺席)[：:]"
)
# A step reported as done, with nothing said of the matter: the whole sentence is the step
# (an optional lead 根据工作安排，, a subject, and the step).
STEP = (
    r"(?:对[^，。；]{1,12})?(?:进行了|开展了)[^，。；]{0,4}(?:考察|谈话|测评|审核|审查|调查|核查|"
    r"讨论|研究|评议|审理|评审)"
    r"|汇报了[^，。；]{0,16}(?:情况|工作|意见|进展)"
    r"|听取了[^，。；]{0,20}(?:汇报|意见|情况|说明)"
)
STEP_ONLY = re.compile(r"(?:根据[^，。；]{1,16}[，,])?[^，。；]{0,20}?(?:" + STEP + r")[。]?")


def frame_line(sentence: str) -> bool:
    """Whether ``sentence`` is a field line or a bare report that a step took place."""
    s = sentence.strip(" \u3000\n")
    return bool(FIELD_LINE.match(s) or STEP_ONLY.fullmatch(s))


# A speaker's name and post (一 to three characters before the post: 朱纪委书记, 郭组织委员,
# 梁副镇长, 王武装部长), a colon, and the speech (quoted or not).
SPEAKER_TURN = re.compile(
    r"^[\u4e00-\u9fff]{1,3}(?:委员|镇长|乡长|县长|区长|局长|主任|书记|部长|主席|院长|校长|"
    r"处长|科长|所长|站长|队长)[：:][ \u3000]*[“\"]?(?=(?:[^\n]*?[\u4e00-\u9fff]){8})"
)


def speaker_turn(sentence: str) -> str | None:
    """The speaker's lead when ``sentence`` is one member's speech in a record, else None
    (the caller knows the paper is a record)."""
    m = SPEAKER_TURN.match(sentence.strip(" \u3000\n"))
    return m.group(0).rstrip('“" \u3000') if m else None
