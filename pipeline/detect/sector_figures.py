"""A sector's or an area's figures are statistics, not one firm's trade secret.

第十五条 protects a third party's own business information: what one named firm would
lose if its competitors read it. Financial and economic reports that offices publish (a
金融运行报告, a 统计公报, a 行业运行分析) give the same ratios a supervisor's letter to one
bank gives — 资本充足率, 不良贷款率, 拨备覆盖率, 净息差, 综合成本率 — but for a whole class
of institutions (商业银行, 农村商业银行, 辖内保险公司, 银行业机构, 规模以上工业企业) or for
places ("多数省份…，天津、海南实现…“双降”"). Such a sentence names no firm; the clause
rules would otherwise borrow a company named anywhere else in the report to make it one
firm's secret. A report goes on without repeating its subject ("…商业银行不良贷款余额为
3.26万亿元。关注类贷款余额为4.69万亿元…"): a sentence that names no subject of its own
continues the paragraph's sector — unless the paragraph speaks to one firm (你行, 该公司).
"""

from __future__ import annotations

import re

from pipeline.detect.clause_spans import named_company

__all__ = ["sector_sentence"]

# A comparison or a scope of many firms (同比, 全省, 行业, 规模以上). (合计 and 总计 are not
# here: a company sums its own figures too, "两家合计占其销售额的72%". Nor bare 平均: a
# company's own average price is its figure; 全市平均 is caught by 全市.)
AGGREGATE = re.compile(r"同比|环比|全国|全省|全市|全区|全行业|行业|(?:市场|社会)平均|规模以上")
# A class of institutions or firms as the sentence's subject, with an optional scope.
SECTOR = re.compile(
    r"(?:全国|全省|全市|全区|全县|辖内|辖区|各类|各家|多数|部分|中小|大型|地方)?"
    r"(?:(?:国有|股份制|城市|农村|民营|外资)?商业银行|村镇银行|政策性银行|"
    r"银行业(?:金融)?机构|银行业|金融机构|保险(?:公司|机构|业)|证券(?:公司|业)|"
    r"期货公司|信托公司|上市公司|规模以上(?:工业)?企业|规上(?:工业)?企业|"
    r"(?:中小微|小微|中小|民营|外资|国有)企业)"
)
# Places or several institutions compared: 多数省份, 各地市, 天津、海南实现“双降”.
AREAS = re.compile(r"省份|地市|各地|各省|各市|多数地区|部分地区|双降|双升|双增")
# One firm spoken to or of: the paragraph's figures are its own.
ONE_FIRM = re.compile(r"[你贵该本其]\s*(?:行|公司|企业|单位|社|厂)")
# How far back in the line the subject is looked for.
PARAGRAPH_BACK = 160


def sector_sentence(sentence: str, before: str = "") -> bool:
    """Whether ``sentence`` compares or sums many firms' figures, or gives a sector's or an
    area's figures naming no firm.
    ``before`` is the text ahead of it: a sentence without a subject of its own continues
    the sector its line (a draft's paragraph) names."""
    if AGGREGATE.search(sentence):
        return True  # a comparison or a scope of many firms, whoever else it names
    flat = sentence.replace("\n", "")
    if named_company(flat) is not None or ONE_FIRM.search(flat):
        return False
    if SECTOR.search(flat) or AREAS.search(flat):
        return True
    paragraph = before.rsplit("\n", 1)[-1][-PARAGRAPH_BACK:]  # a draft's line is a paragraph
    return (
        bool(paragraph)
        and SECTOR.search(paragraph) is not None
        and named_company(paragraph) is None
        and ONE_FIRM.search(paragraph) is None
    )
