"""What is published about a named company whatever the trade-secret term (第十五条 look-alikes).

Moved out of :mod:`pipeline.detect.clauses` (at its line limit). A listed company's 年报,
半年报 and 季报 are published; but "下半年报价" and "今年报价" are a season and a firm's
quotation, read across a word boundary — so 年报/季报 followed by 价 is no report.
"""

from __future__ import annotations

import re

# What is published about a named company whatever the term: an investment's projected
# sales, a monitored market price, an award or ranking, an inspection result, a contract
# award and its unit prices.
PUBLISHED_FACTS = re.compile(
    r"达产后|投产后|建成后|计划投资|(?:经|价格)监测|入选|获评|荣获|评为|评定为|[0-9]+强|百强|抽检|抽查|"
    r"合格率|最低评标价|中标(?:供应商|人|单位)[：:为]|成交(?:供应商|人)[：:为]|采购标的|"
    r"财政(?:给予)?(?:补贴|补助|补偿)|签订[^，。；]{0,6}(?:合作|协议)(?![^，。；]{0,4}(?:单价|价格|价为|约定))|战略合作|"
    # what a listed company itself publishes: its annual or interim report, its disclosures
    r"年度报告|年报(?!价)|半年报(?!价)|季度报告|季报(?!价)|业绩快报|(?<![未不])(?<!未对外)(?<!未公开)(?:公开)?披露|上市公司|注册资本|"
    r"统一社会信用代码"
)
