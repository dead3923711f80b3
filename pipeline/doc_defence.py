"""Unmarked 征兵 and 人防 papers that hold state secrets, beyond :func:`doc_kinds.state_secret_reason`.

The 国防动员 and 兵役 保密事项范围 keep two things an office often writes without a mark:

- **征兵 task numbers split by unit** ("先锋街道：34名（其中大学生8名）" under a 征兵/兵员
  征集 head): the 征兵公告 the public reads gives the conditions and dates, never the
  numbers each 乡镇/街道 must deliver — nor a table of them (地区｜征集人数, a row a
  city or county with its bare number);
- **where a 人防 command post is** and the wartime plan (指挥所 设于…, 警报 点位, 战时
  疏散 地域 and 路线): the 防空警报试鸣 notice and the 人防工程 fees are public, the
  command post and the wartime plan are not.

Either is an unmarked state secret: withheld (第十四条) and sent to the 保密 office.
"""

from __future__ import annotations

import itertools
import re

from pipeline.doc_kinds import state_secret_reason as read_secret
from pipeline.doc_sites import site_table_reason
from pipeline.gongwen import compact
from pipeline.metadata import Metadata

CONSCRIPTION_HEAD = re.compile(r"征兵|兵员|征集.{0,4}(?:任务|义务兵)|新兵")
# one unit's share: "先锋街道：34名", "城东街道　22人（其中大学生5名）"
UNIT_SHARE = re.compile(
    r"^[\s　]*\S{2,14}?(?:街道|镇|乡|办事处|社区|单位|区|县|市)[：:\s　]+[0-9０-９]{1,4}\s*[名人]",
    re.M,
)
# a table's head naming the task column, and its rows: a place, then one to four numbers
# (the task, 其中大学生, 女兵 …), ruled or set by spaces
TASK_COLUMN = re.compile(r"(?:征集|征兵|任务|兵员)\s*(?:人\s*数|任\s*务\s*数|数\s*量|数)")
TASK_ROW = re.compile(
    r"^[\s　]*[｜|│]?[\u4e00-\u9fff]{2,12}(?:(?:[｜|│\t]|[\s　]{2,})[\s　]*[0-9０-９]{1,5}[\s　]*){1,4}[｜|│]?[\s　]*$",
    re.M,
)
COMMAND_POST = re.compile(r"(?:人防|防空|战时|应急)?指挥所[^。；\n]{0,6}(?:设于|位于|设在|建于)")
WARTIME_PLAN = re.compile(r"(?:人防|人民防空|防空).{0,12}(?:战时|疏散|指挥|警报.{0,2}点位|布局)")
# (a 指挥所 is the 人防's only in a paper of 人防 or war: a published 防汛应急预案 sets up
# its 现场指挥所 near the scene, and an event's notice says where its 指挥所 is)
DEFENCE = re.compile(r"人防|人民防空|防空|战时")
PUBLIC_DRILL = re.compile(r"试鸣|演练公告|易地建设费|收费|开放")
HEAD_LINES = 8


def _head(text: str, metadata: Metadata) -> str:
    """The title and the head's lines, spaces out, a wrapped title read as one."""
    lines = [compact(line) for line in text.split("\n")[:HEAD_LINES] if line.strip()]
    return "\n".join(
        [compact(metadata.title or ""), *lines, *(a + b for a, b in itertools.pairwise(lines))]
    )


def conscription_reason(text: str, metadata: Metadata) -> str | None:
    """Why the document splits 征兵 task numbers by unit, or None."""
    if not CONSCRIPTION_HEAD.search(_head(text, metadata)):
        return None
    if len(UNIT_SHARE.findall(text)) >= 2:
        return "逐一列出各单位的征兵（兵员征集）任务数"
    if TASK_COLUMN.search(text) and len(TASK_ROW.findall(text)) >= 2:
        return "以表格逐一列出各地的征兵（兵员征集）任务数"
    return None


def civil_defence_reason(text: str, metadata: Metadata) -> str | None:
    """Why the document locates a command post or sets out a 人防 wartime plan, or None."""
    flat = re.sub(r"\n(?![\s　])", "", text)  # a PDF's cut lines read as one sentence
    if (m := COMMAND_POST.search(flat)) and DEFENCE.search(flat):
        return f"载有指挥所的位置（“{m.group(0)}…”）"
    head = _head(text, metadata)
    if (m := WARTIME_PLAN.search(head)) and not PUBLIC_DRILL.search(head):
        return f"标题为人防“{m.group(0)}”方案，属战时人防部署"
    return None


def state_secret_reason(text: str, metadata: Metadata) -> str | None:
    """Why the document, unmarked, may hold a state secret (第十四条), or None: the readers
    of :mod:`pipeline.doc_kinds`, then 征兵 shares by unit and 人防 command posts, then tables
    of stores and stocks or of defence works' coordinates (:mod:`pipeline.doc_sites`)."""
    return (
        read_secret(text, metadata)
        or conscription_reason(text, metadata)
        or civil_defence_reason(text, metadata)
        or site_table_reason(text)
    )
