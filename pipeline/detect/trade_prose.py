"""A firm's formula told in prose without a formula word (第十五条).

A 海关 归类 or 预裁定 paper, a 质检 or a 技改 review quotes what a firm's product is made of
the way the firm's own file states it: 由聚丙烯64%、玻璃纤维26%及少量助剂混合，经188℃熔融
挤出制成. No 配方 or 配比 stands in the sentence, yet the parts with their shares and the
step that joins them are the recipe. Two things must meet: at least two components each
with its share, and a verb of making (混合, 组成, 配制, 制成…); and the paper must be no
published one and the sentence about a named firm (the caller checks both).
"""

from __future__ import annotations

import re

from pipeline.detect.clause_spans import trim_subject
from pipeline.detect.table_header import row_finding
from pipeline.finding import Finding

SHARE = r"[\u4e00-\u9fff]{1,8}[0-9０-９]+(?:[.．][0-9０-９]+)?[%％]"
RECIPE = re.compile(
    SHARE
    + r"[、，,和及与]"
    + SHARE
    + r"[^。；]{0,24}?(?:混合|组成|配制|复配|调配|制成|熔融|烧结|发酵)"
)
# A standard's or a rule's composition (应当, 不得低于, 标准规定) is published.
RULE = re.compile(r"应当|不得|不低于|不高于|不超过|标准(?:规定|要求)|国家标准|行业标准")


def recipe(sentence: str) -> str | None:
    """The composition in ``sentence`` when it is a firm's recipe, else None."""
    if RULE.search(sentence):
        return None
    m = RECIPE.search(sentence)
    return m.group(0) if m else None


def recipe_finding(text: str, start: int, end: int, of_company: bool) -> Finding | None:
    """A TRADE_SECRET finding on the sentence ``text[start:end]`` when it states a named
    firm's recipe (``of_company``: the caller found the firm and a paper no published
    one); the span drops the firm's name, as every trade-secret span does."""
    if not of_company:
        return None
    what = recipe(text[start:end])
    if what is None:
        return None
    why = f"企业产品的成分配比及制法（{what}），属商业秘密（第十五条）"
    return row_finding(
        "TRADE_SECRET", text, trim_subject(text, start, end), end, why, "rule:recipe"
    )
