"""A state-owned firm's published pay disclosure is no trade secret (第十五条 does not reach it).

国有企业负责人薪酬 is disclosed by rule (中央企业负责人薪酬制度改革方案; the 国资 offices'
年度薪酬信息公告; 国有企业 信息公开, 条例 第二十条 on what the 国资 bodies publish): the
公告 lists each firm's 董事长/总经理 and the pay set for them ("…有限公司　董事长　应付年薪
45.3万元"). The clause model reads a named firm beside a sum of money as the firm's business
figure; in a paper whose title says it publishes the pay, a pay line is what is published.
"""

from __future__ import annotations

import re

from pipeline.finding import Finding

# A title that publishes pay: 薪酬信息公告, 关于公布…负责人薪酬的公告, 薪酬情况公示, 薪酬披露.
PAY_TITLE = re.compile(
    r"薪酬[^。；\n]{0,8}?(?:公告|公布|公示|披露|公开)|(?:公布|公示|披露|公开)[^。；\n]{0,24}?薪酬"
)
# Whose pay it is: the firm's 负责人 (董事长, 总经理, 监事会主席…), as 国资 rules disclose.
SOE = re.compile(r"国有企业|国企|县属企业|市属企业|区属企业|省属企业|国有|国资|出资企业")
# A line of the disclosure: a post and its pay.
PAY_LINE = re.compile(r"年薪|薪酬|报酬|绩效|任期激励|工资|津贴")


def pay_disclosure(title: str) -> bool:
    """Whether the head's ``title`` (its lines, possibly letter-spaced or wrapped) names a
    published disclosure of a state-owned firm's pay."""
    flat = re.sub(r"[ \u3000\n]", "", title)
    return bool(PAY_TITLE.search(flat) and SOE.search(flat))


def disclosed_pay(finding: Finding, sentence: str) -> bool:
    """A TRADE_SECRET finding on a pay line of such a disclosure: what it publishes."""
    return finding.label == "TRADE_SECRET" and PAY_LINE.search(sentence) is not None
