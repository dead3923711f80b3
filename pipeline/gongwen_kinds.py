"""The kinds of document (通知, 批复, 决定书, 笔录, 送达回证 …), read from the end of a title.

Part of the GB/T 9704 vocabulary (:mod:`pipeline.gongwen` re-exports :func:`doc_type_of`),
kept apart so the list of kinds can grow as offices' papers show new ones without the
vocabulary module passing its size limit.
"""

from __future__ import annotations

import re

# Longest first: 决定书 before 决定, 会议纪要 → 纪要. The 15 GB/T 9704 types and the
# common other kinds of government writing.
_DOC_TYPES: tuple[tuple[str, str], ...] = tuple(
    sorted(
        {
            "决议": "决议",
            "决定": "决定",
            "命令": "命令",
            "令": "命令",
            "公报": "公报",
            "公告": "公告",
            "预公告": "公告",
            "通告": "通告",
            "意见": "意见",
            "实施意见": "意见",
            "指导意见": "意见",
            "通知": "通知",
            "补充通知": "通知",
            "紧急通知": "通知",
            "通报": "通报",
            "报告": "报告",
            "请示": "请示",
            "批复": "批复",
            "议案": "议案",
            "函": "函",
            "复函": "函",
            "便函": "函",
            "纪要": "纪要",
            "会议纪要": "纪要",
            "决定书": "决定书",
            "答复书": "答复书",
            "意见书": "意见书",
            "告知书": "告知书",
            "通知书": "通知书",
            "建议书": "建议书",
            "公示": "公示",
            "笔录": "笔录",
            "说明": "说明",
            "专报": "专报",
            "简报": "简报",
            "快报": "快报",
            "信息": "信息",
            "方案": "方案",
            "规划": "规划",
            "纲要": "纲要",  # 规划纲要, 实施纲要: a plan's outline, issued as a paper
            "摘要": "摘要",  # 《…报告》摘要: a report's summary, published as a paper of its own
            "预案": "预案",
            "办法": "办法",
            "规定": "规定",
            "细则": "细则",
            "规则": "规则",
            "章程": "章程",
            # rules issued under a 令 or a 印发 通知, often printed as papers of their own
            "条例": "条例",
            "指引": "指引",
            "指南": "指南",
            "措施": "措施",
            "规范": "规范",
            "答复": "答复",
            "复文": "函",
            "情况报告": "报告",
            "工作报告": "报告",
            "总结": "总结",
            "要点": "要点",
            "声明": "声明",
            "倡议书": "倡议书",
            "证明": "证明",
            "裁定书": "裁定书",
            "责令改正通知书": "通知书",
            "催告书": "催告书",
            "纪要通报": "通报",
            # a 通报 named by what it does after the word (…的通报批评, …的通报表扬)
            "通报批评": "通报",
            "通报表扬": "通报",
            # Headings without 关于 that name what the paper is (题本, 考察材料, 名单 …).
            "名单": "名单",
            "回执": "回执",
            "意见汇总": "意见汇总",
            "试卷": "试卷",
            "题本": "题本",
            "试题": "试题",
            "材料": "材料",
            "审批表": "审批表",
            # a 执法文书's receipt, named as a 回执 is; a 汇报 is a report to a superior
            # ("…工作情况汇报"), as 情况报告 and 工作报告 are
            "送达回证": "送达回证",
            "情况汇报": "报告",
            "工作汇报": "报告",
            "讨论记录": "记录",
            "会议记录": "记录",
        }.items(),
        key=lambda kv: -len(kv[0]),
    )
)
_TRAILING_PAREN = re.compile(r"[（(][^（）()]{1,20}[）)]\s*$")


def doc_type_of(title: str | None) -> str | None:
    """The document type from the end of its title (ignoring a trailing （第一批）)."""
    if not title:
        return None
    t = re.sub("[ \t\u3000\u00a0]", "", title)
    for _ in range(2):
        stripped = _TRAILING_PAREN.sub("", t)
        if stripped == t:
            break
        t = stripped
    t = t.rstrip('》」”"')
    for suffix, kind in _DOC_TYPES:
        if t.endswith(suffix):
            if suffix == "令" and len(t) > 12:
                continue  # "…的命令" ends in 令 too, but long titles ending 令 are rarely orders
            return kind
    return None
