"""An office's own review opinion on a draft still under review (第十六条 过程性信息).

A 法规处's 合法性审核意见, a 财务科's 审核意见 or a 处室's 会签意见 on a 送审稿 is written
between the offices before the draft is decided: "我处意见是删除送审稿第9条", "本科初步认为该办法
施行后风险较高", "建议起草处室重新研究，暂不提交厅务会". Two things meet in such a sentence:
the draft itself (送审稿, 草案, 征求意见稿, 该办法 — a bare 第N条 may be a law's), and the reviewing
office's own view or the revision it asks for. What is published on the same subject — a
通报 of how many drafts were reviewed, a rule that drafts go to 合法性审核, a notice that a
text passed review and is published — states a tally, a duty or an outcome, and stays quiet.
"""

from __future__ import annotations

import re

# The draft under review (an article alone may be a law's: 违反了《广告法》第二十八条).
DRAFT = re.compile(r"送审稿|草案|征求意见稿|代拟稿|修改稿|初稿|该(?:文件|办法|规定|细则|方案|条款)")
# The reviewing office speaking for itself (我处意见是…, 本科初步认为…, 我室建议…).
OWN_VIEW = re.compile(
    r"(?:我|本)(?:处|科|室|股|办|局|厅|委)(?:的)?(?:初步|审核)?(?:意见|认为|建议|倾向|考虑)"
)
# The revision it asks for, before the draft goes on (删除, 重新研究, 暂不提交…).
REVISION = re.compile(
    r"(?:建议|意见是|意见为)[^。；]{0,14}?(?:删除|删去|修改|重新研究|重新论证|暂不提交|暂缓提交|暂缓出台)|"
    r"暂不(?:提交|提请|报送)[^。；]{0,6}(?:审议|厅务会|局务会|常务会|党组)"
)
# A duty for all drafts, a tally, or an outcome, or a case decided (当事人, 违反, 处罚,
# 责令): published.
PUBLISHED = re.compile(
    r"应当|应于|现予|予以公布|均已|已被|采纳|共(?:审核|提出)|符合法律|当事人|违反|处罚|责令"
)


def review_opinion(sentence: str) -> str | None:
    """The words of an office's own review opinion on a draft in ``sentence``, or None."""
    s = sentence.replace("\n", "")
    if not DRAFT.search(s) or PUBLISHED.search(s):
        return None
    m = OWN_VIEW.search(s) or REVISION.search(s)
    return f"内部审核意见（{m.group(0)}）" if m else None
