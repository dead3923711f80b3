"""The office's own business, read from the paper: 内部事务信息 (条例 第十六条第一款).

第十六条 lets an office withhold 人事管理、后勤管理、内部工作流程 information. Three
kinds of paper carry it whatever their title says, and offices below the county's bureaus
title them loosely ("会议通知", "工作动态", "细则"):

- a **会议通知 to its own system**: the time and room of a meeting, who of the townships
  and bureaus attends — the office's working procedure, not the public's business (a
  hearing, a press conference or a meeting the public may attend or sign up for is not
  one);
- a **简报 for the leaders' reference** ("供县领导参阅", "注意保存", "内部刊物");
- **rules for the office itself** — its own 财务报销, 考勤, 车辆, 公文 handling ("为加强本
  机关内部财务管理", "本单位…细则"), and a 考勤 通报 on its staff. A rule for every unit of
  the county (党政机关差旅费管理办法) is a 规范性文件 and is not read here: it does not
  say 本机关 or 本单位, and when it does ("各单位要…为加强本单位财务管理") it speaks to
  other units — the title must name the office itself or the paper speak to no other unit.
"""

from __future__ import annotations

import itertools
import re

from pipeline.gongwen import compact
from pipeline.metadata import Metadata

HEAD_LINES = 8
MEETING_TITLE = re.compile(r"会议通知$|召开.{1,30}(?:会议?|调度会|推进会|座谈会|培训会)的通知$")
ATTENDEES = re.compile(r"参会人员|参加人员|出席人员|与会人员|参会对象|参会范围")
# A meeting the public may attend, or the news of one, is not internal.
PUBLIC_MEETING = re.compile(
    r"听证|发布会|新闻|公众|市民|群众|居民|旁听|报名|社会各界|媒体|招商|推介|公开招标|开标"
)
# A 简报 or 动态 circulated for reference inside the system.
FOR_REFERENCE = re.compile(
    r"供[^。\n]{0,10}(?:领导|同志)?参阅|仅供(?:领导)?参考|注意保存|内部刊物|内部参阅|领导参阅"
)
BULLETIN_HEAD = re.compile(r"简报|动态|信息$|专刊|快报|参阅")
# Rules the office makes for itself: its own staff, money, cars, papers.
OWN_RULES = re.compile(
    r"为(?:进一步)?(?:加强|规范)本(?:机关|单位|局|委|办|院|中心|部门)(?:内部)?[^。]{0,8}"
    r"(?:财务|报销|考勤|车辆|用车|公车|接待|后勤|资产|会议|公文|值班|人事|印章|档案)"
)
# The same words in a rule for every unit ("各单位要…为加强本单位财务管理"): the title names
# the office itself, or the paper speaks to no unit but the office's own 科室.
OWN_IN_TITLE = re.compile(r"本(?:机关|单位|局|委|办|院|中心|部门)|机关内部|局机关|委机关")
OTHER_UNITS = re.compile(
    r"各(?:乡镇|街道|县直|市直|区直|有关)|(?:县|市|区)直各|各(?:单位|部门|镇|乡)(?:要|应|须|务必|结合|根据|：|:|，)|"
    r"全(?:县|市|区|省)(?:各级|各)"
)
OWN_TITLE = re.compile(
    r"^本(?:机关|单位|局|部门)[^，。；：,;:]{0,24}(?:规定|细则|办法|制度|规程|须知)(?:[（(]试行[）)])?$|"
    r"^[^，。；：,;:]*(?:机关内部|考勤)[^，。；：,;:]{0,12}(?:通报|规定|制度|办法|细则)$"
)


def _head(text: str, metadata: Metadata) -> list[str]:
    """The title and the head's lines, spaces out, with each line and the next joined (a
    wrapped title)."""
    lines = [compact(line) for line in text.split("\n")[:HEAD_LINES] if line.strip()]
    return [compact(metadata.title or ""), *lines, *(a + b for a, b in itertools.pairwise(lines))]


def inside_reason(metadata: Metadata, text: str) -> str | None:
    """Why the paper is the office's internal business (第十六条第一款), or None."""
    heads = [h for h in _head(text, metadata) if 0 < len(h) <= 40]
    meeting = any(MEETING_TITLE.search(h) for h in heads) and ATTENDEES.search(text)
    if meeting and not PUBLIC_MEETING.search(text):
        return "召集系统内单位参会的会议通知，属内部工作流程信息"
    if FOR_REFERENCE.search(text) and any(BULLETIN_HEAD.search(h) for h in heads):
        return "供内部参阅的简报、工作动态，属内部事务信息"
    if OWN_RULES.search(text[:600]) and _own_paper(metadata, text):
        return "本机关内部管理（财务、考勤、后勤等）的规定，属内部事务信息"
    title = next((h for h in heads if OWN_TITLE.search(h)), None)  # a title, not a sentence
    if title:
        return f"“{title[:20]}”属本机关人事、后勤等内部管理事务"
    return None


def _own_paper(metadata: Metadata, text: str) -> bool:
    """The paper is the office's own: its title says so (本局…规定, 机关内部…), or one
    office issues it and it speaks to no other unit (各乡镇, 县直各部门, 各单位要…) — a
    county-wide rule that tells each unit to act ("为加强本单位…") is a 规范性文件."""
    if OWN_IN_TITLE.search(compact(metadata.title or "")):
        return True
    single = len(metadata.signers) <= 1
    addressed = " ".join(metadata.addressees)
    return single and not OTHER_UNITS.search(addressed) and not OTHER_UNITS.search(text[:600])
