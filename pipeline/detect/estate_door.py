"""How sure the judge must be of a home written as an estate's 楼-单元-室 number.

Housing estates and 维修资金/物业 台账 write a flat as three numbers, 23-2-1504 (楼-单元-室),
with no 号/栋/室. The trained judge has met few of them and scores them low (about 0.15)
even after a home cue or in a 住址 column, where a 楼-单元-室 can only be a household's
door. Recall first: a home cue plus this shape needs only ``judge.ADDRESS.estate_door``.
"""

from __future__ import annotations

import re

from pipeline.detect.judge_address import home_cue
from pipeline.detect.proposals import Proposal
from pipeline.thresholds import thresholds

# 23-2-1504, 9-2-1503, 8-4-203室: building, unit, then a room of three or four digits.
ESTATE_DOOR = re.compile(
    r"(?<![0-9０-９])[0-9０-９]{1,3}[-－][0-9０-９]{1,2}[-－][0-9０-９]{3,4}(?:室|号)?$"
)


def home_keep_cut(p: Proposal, text: str, cut: float) -> float:
    """The probability an address proposal needs to be kept as a home: ``cut`` with no
    home cue, ``judge.ADDRESS.home_cue`` after one, and ``judge.ADDRESS.estate_door``
    when the address after the cue ends in a 楼-单元-室 number."""
    if not home_cue(p, text):
        return cut
    home = thresholds().get("judge.ADDRESS.home_cue", cut)
    if ESTATE_DOOR.search(p.text.replace("\n", "").strip()):
        return min(home, thresholds().get("judge.ADDRESS.estate_door", home))
    return home
