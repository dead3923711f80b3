"""Figures and plans held until their release: state secrets a city report states before
the 发布 or the 公布 it waits for (第十四条; 统计、卫生健康、应急 and 金融 工作中的国家秘密).

A 情况报告 to the 市委 gives a danger and who is still in its way, an epidemiological
link before the 专家组 confirms it, a bank's real hole and the hour it is to be taken over
before the 接管 is announced. The secret is the figure or the plan *and* the word that it
is not out yet (发布前, 暂不对外, 不予提及, 拟于…接管); the published 通报, 公报 and 接管
公告 give their figures as released and stay quiet.
"""

from __future__ import annotations

import re

from pipeline.detect.secret_deploy import COUNT, NUMBER

NOT_OUT = re.compile(
    r"(?:统一)?(?:发布|公布)前|暂不(?:对外)?(?:公布|发布|通报)|不予提及|严禁外传|不得向媒体|"
    r"(?:尚未|未经)[^，。；]{0,8}(?:审定|发布|公布|确认)|口径中"
)
LINK = re.compile(r"(?:病例|感染|疫情)[^。；]{0,30}(?:关联|溯源|传染源|传播链)")
DANGER = re.compile(r"险情|管涌|溃口|决口|漫堤|塌陷")
UNMOVED = re.compile(r"尚未转移|未转移|未撤离")
# -- a financial institution's 风险处置 before it is announced ----------------------------
PLANNED = re.compile(r"(?:拟|计划|定)于[^。；]{0,40}?(?:接管|托管|停业整顿|撤销|重组|破产|处置)")
WHEN = re.compile(r"[0-9０-９]{1,2}月[0-9０-９]{1,2}日|[0-9０-９]{1,2}时|营业终了")
# (a budget's 资金缺口 — 救助资金缺口约486万元 — is a 测算 of public money, no bank's hole)
HOLE = re.compile(r"不良贷款|资本缺口|兑付缺口|流动性缺口|风险敞口")
# A financial institution: only its takeover, hole or managers are a 处置 plan.
FIN_BODY = re.compile(r"银行|信用社|信用合作|担保|小贷|小额贷款|信托|金融|该行|农商行|保险|证券")
AMOUNT = re.compile(r"[0-9０-９][0-9０-９.,]*\s*(?:亿|万)元")
HOLE_MEANS = re.compile(r"实际|缺口|注资|拟由")
HELD = re.compile(r"边控|限制出境|出境限制|控制措施")
BOSSES = re.compile(NUMBER + r"\s*名[^，。；]{0,6}(?:高管|负责人|股东|实际控制人)")


def released_later(sentence: str) -> str | None:
    """An outbreak's link, a danger or a bank's 处置 plan a report
    states before its release, named, or None."""
    s = sentence.replace("\n", "")
    if LINK.search(s) and NOT_OUT.search(s):
        return "尚未公布的流调溯源结论"
    if DANGER.search(s) and (NOT_OUT.search(s) or UNMOVED.search(s)) and COUNT.search(s):
        return "尚未公开的重大险情"
    if HELD.search(s) and BOSSES.search(s):
        return "金融风险处置方案"
    if PLANNED.search(s) and WHEN.search(s) and FIN_BODY.search(s):
        return "金融风险处置方案"
    if HOLE.search(s) and AMOUNT.search(s) and HOLE_MEANS.search(s):
        return "金融风险处置方案"
    return None


RELEASE_CUES = {
    "尚未公布的流调溯源结论": "溯源结论",
    "尚未公开的重大险情": "险情及转移情况",
    "金融风险处置方案": "处置时间、资金缺口或人员控制",
}
