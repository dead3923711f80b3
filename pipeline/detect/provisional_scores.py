"""A 考核 mark or 等次 a working note holds provisionally (第十六条 过程性信息).

Before a 考核 is settled, the 考核办's notes carry marks and places "for now" — 暂打84分,
排名先放第6, 名额先空着等书记定, 先按称职报、领导说再议. The mark is withheld with its
being unsettled: both must meet in the sentence — a mark, a place, an 等次 or a quota, and
the word that it is provisional or waits for someone's say. A published 考核 result (已研究
确定, 现予公布) or the 考核 rules (百分制, 满分, 按…确定) tell no one's open mark.
"""

from __future__ import annotations

import re

MARK = re.compile(
    r"[0-9０-９.一二三四五六七八九十百点]+\s*分|排名|名次|第[0-9０-９一二三四五六七八九十]+名?|等次|"
    r"称职|优秀|合格|名额"
)
PROVISIONAL = re.compile(
    r"暂打|暂定|暂列|暂按|暂时?空|先(?:打|放|给|按|列|空)|等(?:书记|主任|领导|局长|区长|镇长|部长|区里|会上)[\u4e00-\u9fff]{0,2}(?:定|拍板|表态)|"
    r"再议|再看一看|再看看|口头说|还没定|未定"
)
SETTLED = re.compile(
    r"现予公布|予以公布|研究确定|已经[\u4e00-\u9fff]{0,6}确定|百分制|满分|按[^。；]{0,20}确定"
)


def provisional_score(sentence: str) -> str | None:
    """The words saying a mark or place in ``sentence`` is held for now, or None."""
    s = sentence.replace("\n", "")
    if SETTLED.search(s):
        return None
    m = PROVISIONAL.search(s)
    if m and MARK.search(s):
        return m.group(0)
    return None
