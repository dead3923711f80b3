"""A 复议决定 on an act the organ addressed to the applicant alone stays with its parties.

行政复议法 (2023) 第七十九条 has the reviewing organ publish its decisions "根据被申请行政复议
的行政行为的公开情况": a decision follows the act it reviews. A penalty on a natural person, the
refusal to accept or grant his own application, a charge or a sanction served on him — none
is published (条例 第十五条: they concern him alone), so neither is the decision that upholds
or corrects it. Correcting the act does not make the matter the public's: the
applicant is told, and asks for it if others want it. Acts on the public (征收, 规划,
环境, a price) are read by :func:`doc_kinds.review_reason` before this.
"""

from __future__ import annotations

import re

# The act under review was served on the applicant: a penalty or sanction on him, or a
# refusal of what he himself applied for.
OWN_ACT = re.compile(
    r"行政处罚|处罚决定|罚款|没收|拘留|吊销|暂扣|责令[^。，]{0,8}(?:改正|停止)|"
    r"不予(?:受理|许可|登记|批准|认定|核准|办理|支持)|驳回[^。]{0,10}申请|撤销[^。]{0,6}(?:登记|许可|资格)"
)


def own_act(matter: str) -> str | None:
    """The act, named in the passage on what the applicant contests, that was served on
    him alone; None when the passage names none."""
    m = OWN_ACT.search(matter)
    return m.group(0) if m else None
