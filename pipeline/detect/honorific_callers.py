"""A caller a private role word names by surname and honorific (来电人：牟女士).

A 12345 工单, a 信访 register or a 回访 record names the caller the way the caller gave
the name on the phone: a surname and 先生 or 女士. The surname alone identifies nobody
in general prose, so the judge, trained on full names, weighs 女士 as an everyday word
and keeps such a caller only when a model happens to read the surname; a rare surname
(牟, 芮) ending a short line (来电人：牟女士⏎来电号码：) falls under its cut. The role word
itself says a private person stands in its field, so a surname and honorific right
after it is kept at the layout's lower cut, and its later mentions with it.

Written for this project from how 12345 热线工单 and 信访登记 are drafted.
"""

from __future__ import annotations

import re

from pipeline.detect.proposals import Proposal

# A surname (one character, or two for a 复姓) and the honorific, the whole proposal.
HONORIFIC = re.compile(r"[\u4e00-\u9fff]{1,2}(?:先生|女士)")
ROLE_SOURCE = "lexicon:private_person_roles"
WHY = "紧随私人身份词（来电人、投诉人等）的“某先生”“某女士”，是来电或来访的个人"


def honorific_caller(proposal: Proposal) -> bool:
    """``proposal`` is a surname and 先生/女士 a private role word's field holds."""
    return (
        proposal.rule_role == "private"
        and ROLE_SOURCE in proposal.sources
        and HONORIFIC.fullmatch(proposal.text) is not None
    )
