"""督查 and 问责 papers: the 通报 of a 督查 is published, the 问责 deliberation is not.

A 督查通报 tells every 街道 and 部门 what the government's 督查室 found, names the units
and the officials at fault and sets the 整改 deadline: it is the government holding its
own staff to account in the open (第十九条; officials named in their office are not
private persons). Its sentences ("督查发现，…进度滞后") read like the internal findings a
working paper holds, so without this reader it was withheld.

A 问责 deliberation is the other side: the 纪委 or the office weighing what to do with one
official ("拟给予诫勉", "会议讨论中…认为", "待报区委审定"). Until it is decided it is
process information (第十六条); the decision, once made, is published as a 通报.
"""

from __future__ import annotations

import itertools
import re

from pipeline.doc_casework import casework_reason
from pipeline.doc_kinds import internal_affairs_reason as read_internal
from pipeline.doc_sent import public_consultation_reason
from pipeline.gongwen import compact
from pipeline.metadata import Metadata

HEAD_LINES = 8
BULLETIN_TITLE = re.compile(
    r"(?:督查|督导|督办|暗访|专项检查)[^。，]{0,20}通报|通报[^。，]{0,12}(?:督查|督导)"
)
TO_MANY = re.compile(r"^各|各(?:街道|乡镇|镇|部门|单位|县|区)")
UNSETTLED = re.compile(
    r"拟给予|待[^。]{0,8}审定|讨论中|不得外传|仅供(?:研究|参考)|讨论稿|征求意见稿"
)
ACCOUNT_HEAD = re.compile(r"问责|追责|责任追究")
DELIBERATION = re.compile(r"研究意见|讨论|讨论稿|调查情况|初步意见|拟给予|处理意见|建议给予")


def _heads(title: str, text: str) -> list[str]:
    lines = [compact(line) for line in text.split("\n")[:HEAD_LINES] if line.strip()]
    pairs = [a + b for a, b in itertools.pairwise(lines)]
    return [compact(title), *lines, *pairs]


def bulletin_reason(title: str, text: str) -> str | None:
    """Why a document is a 督查通报 to be published, or None (one still being weighed is not)."""
    heads = _heads(title, text)
    m = next((m for h in heads if len(h) <= 40 and (m := BULLETIN_TITLE.search(h))), None)
    if m is None or UNSETTLED.search(compact(text)):
        return None
    to_many = any(TO_MANY.search(h) for h in heads) or "各" in compact(text)[:400]
    if not to_many:
        return None
    return f"“{m.group(0)}”向各单位通报督查结果、点名问题和整改要求，接受社会监督"


def accountability_reason(metadata: Metadata, text: str) -> str | None:
    """Why a document is a 问责 deliberation not yet decided, or None."""
    heads = _heads(metadata.title or "", text)
    if not any(ACCOUNT_HEAD.search(h) for h in heads):
        return None
    flat = compact(text)
    if not (UNSETTLED.search(flat) or any(DELIBERATION.search(h) for h in heads)):
        return None
    return "问责事项尚在调查、讨论，未作决定，属内部研究的过程性信息"


def internal_affairs_reason(metadata: Metadata, text: str = "") -> str | None:
    """:func:`doc_kinds.internal_affairs_reason`, then a 问责 deliberation, then a paper of
    the office's handling (:func:`doc_casework.casework_reason`)."""
    return (
        read_internal(metadata, text)
        or accountability_reason(metadata, text)
        or casework_reason(metadata, text)
    )


def public_call_reason(title: str, text: str) -> str | None:
    """Why a document that reads like process information is published nonetheless: a call
    for the public's views (:func:`doc_sent.public_consultation_reason`) or a 督查通报."""
    return public_consultation_reason(title, text) or bulletin_reason(title, text)
