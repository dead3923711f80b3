"""Words of trade, lineage and region that a name proposer reads as a person's name.

Papers of 商务, 市场监管, 文旅, 科技 and 农业农村 offices are full of them, and none names a
private person:

- a brand or a 老字号 before what the business is (恒顺酱园, 某某药号, 某某专柜, 某某老字号
  门店, 某大妈馄饨馆): founders' names and nicknames become trade names;
- brands listed together and closed as brands (甲、乙等知名品牌, 甲、乙入驻…连锁店): a 、
  list whose close says its members are brands or chains;
- a lineage or a troupe (罗氏针灸, 赵家班木偶戏): 姓 + 氏 / 家班 names a family's craft;
- a regional grouping of cities (长株潭, 呼包鄂榆: ``lexicons/regional_groupings.txt``);
- a cell under a column that lists things or units (项目名称, 承担单位:
  ``lexicons/thing_columns.txt``), and a run read across a tab (two cells, not a name).

Written for this project from how 老字号 认定, 立项 公示, 非遗 名录 and 检查 通报 are drafted.
"""

from __future__ import annotations

import re

from pipeline.detect.header_above import header_above
from pipeline.lexicons import lexicon_cache, load_terms

# What a trade name is put before: a shop's kind, maybe after its goods (馄饨馆, 药号).
TRADE_KIND = r"(?:酱园|药号|茶庄|专柜|老字号|连锁门店|连锁店|有限公司|有限责任公司|股份有限公司)"
SMALL_SHOP = r"(?:馆|坊|铺|斋|店)"
# Goods: characters only, never a particle or verb that would make a sentence.
GOODS = (
    r"(?:(?![在的到开去来回进出住居入离至从向与和等于是系为了被把将对诉及，。、])[\u4e00-\u9fff])"
)
# a founder's name of three read as two (王致 of 王致和药号): its last character, maybe 和
BEFORE_KIND = re.compile(rf"(?:和|{GOODS})?{GOODS}{{0,5}}{TRADE_KIND}")
BEFORE_SHOP = re.compile(rf"{GOODS}{{1,3}}{SMALL_SHOP}(?![\u4e00-\u9fff]{{0,2}}(?:内|里|中))")
# A 、 list closed as brands or chains: 等知名品牌, 等连锁品牌, 入驻/入选…连锁店.
LIST_CLOSE = re.compile(
    r"[\u4e00-\u9fff]{0,6}?(?:等[\u4e00-\u9fff]{0,4}?(?:品牌|连锁|老字号|商标|字号)|"
    r"(?:入驻|入选|获评|获认定)[^。；，\n]{0,20}?(?:品牌|连锁|老字号))"
)
LINEAGE = re.compile(r"^[\u4e00-\u9fff](?:氏|家班)")
CLAUSE_END = "。；，：:;"


def trade_word(text: str, start: int, end: int) -> str | None:
    """Why the words at ``start``–``end`` are a trade name, lineage or region, or None."""
    value = text[start:end]
    if "\t" in value:
        return "跨越表格两栏"
    if value in _thing_columns():
        return "表格栏目名称"
    flat = value.replace("\n", "")
    joined = flat + text[end : end + 16].replace("\n", "")
    # from the proposal's end, or from inside it (恒顺酱 of 恒顺酱园: the kind begins in it)
    for cut in range(len(flat), 1, -1):
        if BEFORE_KIND.match(joined, cut) or BEFORE_SHOP.match(joined, cut):
            return "后接酱园、药号、专柜、门店等字样，是商号或老字号"
    if LINEAGE.match(value.replace("\n", "")):
        return "姓氏加“氏/家班”，是家族技艺或班社"
    if value.replace("\n", "") in _groupings():
        return "城市群或区域的简称"
    if _brand_list(text, start, end - 1 if value.endswith("等") else end):
        return "与其他品牌并列，是品牌"
    if header_above(text, start, _thing_columns()):
        return "位于项目、单位或地点栏中"
    return None


def _brand_list(text: str, start: int, end: int) -> bool:
    """The words are a member of a 、 list whose close says its members are brands."""
    tail = text[end : end + 60].replace("\n", "")
    pos = 0
    while pos < len(tail) and tail[pos] not in CLAUSE_END:
        pos += 1
    clause = tail[:pos]
    before = text[max(0, start - 1) : start]
    in_list = before == "、" or clause.startswith("、")
    if not in_list:
        return False
    # skip the rest of the list's members, then read its close
    rest = re.sub(r"^(?:、[\u4e00-\u9fff]{2,8}?(?=、|等|入|获))*", "", clause)
    return LIST_CLOSE.match(rest) is not None


@lexicon_cache
def _groupings() -> frozenset[str]:
    return frozenset(load_terms("regional_groupings"))


@lexicon_cache
def _thing_columns() -> tuple[str, ...]:
    return load_terms("thing_columns")
