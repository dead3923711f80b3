"""An audit's working papers: process information (第十六条), not its published results.

An 审计组 records what it checked and found in 审计工作底稿 and 审计取证单 (审计法实施
条例; 国家审计准则 第五章): they are the audit's own working record, kept in the 审计档案,
and the conclusions are still to be weighed by the 审计组 and the 审计机关. What the public
reads is the 审计结果公告 and the audited unit's 整改 公告; those are told apart by their
title words (公告, 整改, 结果), so only the working papers are withheld.
"""

from __future__ import annotations

import re

from pipeline.doc_sent import head_text

WORKPAPER = re.compile(r"审计(?:工作)?底稿|审计取证(?:单|记录)|审计证据(?:单|清单)|审计工作记录")
RESULT = re.compile(r"公告|整改|结果")


def workpaper_reason(title: str, text: str) -> str | None:
    """Why the paper is an audit's working record, or None (an 审计结果公告 or 整改 公告)."""
    head = head_text(title, text)
    m = WORKPAPER.search(head)
    if m is None or RESULT.search(head[max(m.start() - 16, 0) : m.end() + 8]):
        return None  # the title around the words: 审计底稿 整改 结果公告 is published
    return f"标题为“{m.group(0)}”，属审计组的工作记录，审计结论尚待审定，属过程性信息"
