"""A brand or a trade name that reads as a person's name, opening a shop's name with the
goods it sells (某某体育用品专卖店, 某某百货（分店）店, 某某建材商行).

Chains and shops are often named after a founder or a place (a full name of three
characters, a street), and a name proposer reads that head as a person. A shop's name
then goes on with what it sells — a few characters of goods, no verb or particle — and
ends in what it is: 专卖店, 专营店, 旗舰店, 商行, 百货, 商城, 经营部, 门市部, 批发部. The
head of such a name is the shop's, not a person's; a PDF wrap may fall anywhere in it.
(:mod:`pipeline.detect.shop_names` reads the suffix right after a short trade name.)

Written for this project from how 法院 公告, 处罚决定 and project 公示 name businesses.
"""

from __future__ import annotations

import re

SHOP_KIND = r"(?:专卖店|专营店|旗舰店|体验店|加盟店|商行|百货|商城|经营部|门市部|批发部)"
# Goods between the head and the shop's kind: characters only, never a verb or particle
# that would make the run a sentence (在, 的, 到, 开, 是 …), maybe a branch in brackets.
GOODS = r"(?:(?![在的到开去从向与和等于是系为了被把将对诉与及])[\u4e00-\u9fff]){0,6}"
# …珠宝（成都）店: a branch in brackets, then 店
BRANCH = r"[（(][\u4e00-\u9fff]{1,6}[）)](?:店|分店|专卖店)"
AFTER_HEAD = re.compile(GOODS + "(?:" + SHOP_KIND + "|" + BRANCH + ")")
READ_AHEAD = 16


def brand_head(text: str, start: int, end: int) -> bool:
    """The words at ``start``–``end`` open a shop's name: goods, then 专卖店/商行/百货."""
    ahead = text[end : end + READ_AHEAD].replace("\n", "")
    return AFTER_HEAD.match(ahead) is not None
