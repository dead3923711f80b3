"""A published 抽查/检查 result list is no trade secret (条例 第二十条（六）, 第十五条 does not reach it).

A 双随机、一公开 抽查 ends in a published list of who was checked and what was found
(国务院 关于推广随机抽查规范事中事后监管的通知: 抽查结果 向社会公开; 条例 第二十条（六）
on 行政检查 and its results). Each row names a firm beside its finding — "3｜桂林安泰建设工程
有限公司｜已立案查处", "1  济宁金石矿业有限公司  未发现问题" — and the clause model reads a
named firm beside an outcome as the firm's business. In a paper whose title says it
publishes the results of a check, a row that gives a check's outcome and nothing of the
firm's business (no trade-secret term: 成本, 配方, 报价…) is what the paper publishes.

The same holds for the list of 行政许可, 备案 and 登记 outcomes (…办理结果的公示, 第N期…
备案结果公告: 条例 第二十条（五）): a row a firm, its 统一社会信用代码 and 准予许可 / 予以
备案 / 准予变更 is the 办理结果 the list publishes.
"""

from __future__ import annotations

import re

from pipeline.finding import Finding
from pipeline.lexicons import matcher

# The check: 双随机, 随机抽查, 监督检查, 专项检查, 执法检查, 抽检; or the permits and filings handled.
CHECK = re.compile(r"双随机|抽查|抽检|检查|督查|巡查|核查|许可|备案|登记")
# …and that its results are made known: 结果公示, 情况的通报, 结果公告, 公布…结果.
MADE_KNOWN = re.compile(
    r"(?:结果|情况)[^。；\n]{0,4}?(?:公示|公告|通报|公布|公开)|(?:公示|公布|公开)[^。；\n]{0,12}?结果|一公开|"
    r"结果信息$"
)
# A check's outcome as a row gives it: 未发现问题, 责令(限期)整改, 立案查处, (不)合格, 已整改.
OUTCOME = re.compile(
    r"未发现(?:问题|违法|违规|异常)|(?:责令|限期|督促)[^｜|\t\n]{0,4}?整改|已整改|整改到位|"
    r"立案(?:查处|调查)|移送|(?:不)?合格|符合(?:要求|规定)|不符合|正常|无问题|已办结|警告|罚款|"
    r"准予(?:行政)?(?:许可|变更|延续|注销|备案|登记)|予以(?:备案|登记|许可|变更|延续|注销)|"
    r"不予(?:许可|备案|登记)"
)


def check_results(title: str) -> bool:
    """Whether the head's ``title`` (its lines, possibly letter-spaced or wrapped) names
    the published results of a 抽查 or 检查."""
    flat = re.sub(r"[ \u3000\n]", "", title)
    return bool(CHECK.search(flat) and MADE_KNOWN.search(flat))


def published_outcome(finding: Finding, sentence: str) -> bool:
    """A TRADE_SECRET finding on a row giving a check's outcome, with nothing of the
    firm's business beside it: what the result list publishes."""
    if finding.label != "TRADE_SECRET" or OUTCOME.search(sentence) is None:
        return False
    return not any(True for _hit in matcher("trade_secret_terms").find(sentence))
