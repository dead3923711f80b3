"""A matter the draft itself says is still open (第十六条 过程性信息).

Offices keep figures and plans in a working paper before they are settled, and they say
so in the sentence: 此数尚待市局核准, 具体分配暂未与各校沟通, 该数字未经审查, 此预案暂未
报批, 此调整目前只在局内讨论过, 公布时机另行研究, 是否通报暂不确定, 结论尚未定稿. Such a
sentence is withheld with its content (a lean, a figure, a plan), whatever the sector, and
whether or not a lexicon word stands in it. Two things must meet:

- the status: not yet approved, reviewed, agreed with those it touches, decided or
  released — said with 尚/暂/还/仍/目前 or of "this" figure (此数, 该数字), so that a
  published rule about others (未经批准擅自…, 对尚未完成整改的企业…) does not count;
- the matter: a proposal, a lean, a draft, an estimate or a figure (拟, 建议, 倾向, 初稿,
  测算, 估算, 预计, 调整, 方案, 底价, 概算 or a digit).

The 出让 底价 and the 标底 are kept until the sale (招标投标法 第二十二条; 招拍挂 rules);
a proposed 底价 with its figure is the same open matter, while a published 挂牌 公告
says only that a 底价 exists (本次出让设有底价).
"""

from __future__ import annotations

import re

ADVERB = r"(?:尚|暂|还|仍|目前|均|都)"
STEP = (
    r"(?:定稿|审定|核准|批准|报批|审查|审核|沟通|见面|对接|交换|公布|发布|通报|上报|研究|确认|"
    r"论证|决定|定论|形成[^，。；]{0,4}意见)"
)
PENDING = re.compile(
    ADVERB
    + r"(?:未|没有|不)(?:经|与|向|同|予)?[^，。；]{0,8}?"
    + STEP
    + r"|(?:此|该|这一?)[^，。；]{0,6}?(?:未经|尚未|暂未|尚待|有待|待)[^，。；]{0,8}?"
    + STEP
    + r"|"
    + ADVERB
    + r"?(?:尚待|有待)[^，。；]{0,8}?(?:核准|审定|研究|确定|复核|批准|论证|确认)"
    + r"|只在[^，。；]{0,8}内(?:部)?讨论|另行研究|暂不确定|尚无定论|知悉范围"
)
MATTER = re.compile(
    r"拟|建议|倾向|初稿|草稿|测算|估算|匡算|预计|调整|方案|预案|底价|标底|概算|核减|结论|比例|指标|"
    r"[0-9０-９]"
)
# A rule for everyone, or a notice telling the public what comes next; a condition for a
# class (政审未完成的暂不批准入伍, 材料不全的暂不受理) is a rule too, not one matter held back.
FOR_ALL = re.compile(
    r"应当|应于|须于|必须|不得|一律|依法|请[^，。；]{0,6}(?:关注|留意)|另行通知|另行公告|"
    r"[\u4e00-\u9fff]的暂(?:不|缓)(?:批准|受理|办理|审批|录取|发放)"
)
RESERVE_PRICE = re.compile(
    r"(?:出让|拍卖|挂牌|招标)?(?:底价|标底)[^。；]{0,12}?[0-9０-９]|"
    r"(?:拟|建议)[^。；]{0,8}(?:底价|标底)|(?:底价|标底)[^。；]{0,6}(?:下调|上调|调整)"
)


def pending_matter(sentence: str) -> str | None:
    """The words saying the sentence's matter is still open, or None."""
    if FOR_ALL.search(sentence):
        return None
    m = PENDING.search(sentence)
    if m and MATTER.search(sentence):
        return m.group(0)
    m = RESERVE_PRICE.search(sentence)
    if m and not re.search(r"设有底价|不低于底价|无底价", sentence):
        return "出让前的底价"
    return None
