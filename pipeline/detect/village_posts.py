"""A village cadre named with the duties the board gives them: "村支书：王东，负责全面
工作" under 两委成员及分工 on a 村务公开栏.

A village governs itself, so its cadres are no officials of an administrative organ
(:data:`pipeline.detect.name_offices.SELF_GOVERNING`), and a 村级 paper naming one beside
a household's matters treats the name as any other. A board that divides the 两委's
work among them (分工: 负责/分管/主持/协助 …) names each in the post they hold in public;
村务公开 publishes those names, as 第二十条 publishes an organ's. The posts are
``lexicons/village_posts.txt``; the duties must follow the name in the same clause.

Written for this project from how 村务公开栏 and 村级 rosters list 两委成员及分工.
"""

from __future__ import annotations

import re

from pipeline.lexicons import lexicon_cache, load_terms

DUTIES_AFTER = re.compile(r"[，,、 \u3000]?(?:负责|分管|主持|协助|联系)")


@lexicon_cache
def _post_before() -> re.Pattern[str]:
    posts = sorted(load_terms("village_posts"), key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(map(re.escape, posts)) + r")[：:]?[ \u3000]*$")


def village_post(text: str, start: int, end: int) -> str | None:
    """The village post the name at ``start``–``end`` holds, when the post stands right
    before it and its duties right after it; None otherwise."""
    m = _post_before().search(text[max(0, start - 12) : start])
    if m is None or DUTIES_AFTER.match(text, end) is None:
        return None
    return m.group(0).rstrip("：: \u3000")
