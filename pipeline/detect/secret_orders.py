"""When a sentence with 严禁/不得 is still content: the exceptions to
:func:`pipeline.detect.internal_rules.instruction` a clause finding keeps.

An instruction (严禁泄露试题, 不得向外透露) tells readers to keep something in and discloses
nothing, so the clause rules drop it. Two kinds of sentence carry such words and still tell
the thing itself: a draft's own note restricting its readers (INTERNAL), and a city office's
order that names a force, a convoy, a key or a bank's plan with its count, hour or place —
"严禁其进京到省" or "严禁一人同时掌握两份密钥" is the register of the order, the 18 名 at
the square and the two key holders are the secret (:mod:`pipeline.detect.secret_deploy`,
:mod:`pipeline.detect.secret_release`).
"""

from __future__ import annotations

from pipeline.detect.internal_rules import restricted
from pipeline.detect.secret_affairs import affairs_secret
from pipeline.detect.secret_deploy import deployed_secret
from pipeline.detect.secret_release import released_later
from pipeline.detect.state_secret import state_cue


def order_content(label: str, sentence: str) -> bool:
    """Whether ``sentence``, an instruction by its words, is content for ``label``."""
    if label == "INTERNAL":
        return restricted(sentence)
    return label == "STATE_SECRET" and bool(
        deployed_secret(sentence)
        or released_later(sentence)
        or affairs_secret(sentence)  # (…核查中不得向村民透露项目具体位置: the site is the content)
        # (…死亡5例，上述数据在省卫生健康委统一发布前严禁外传: the toll is the content)
        or state_cue(sentence) == "尚未发布的灾情疫情数字"
    )
