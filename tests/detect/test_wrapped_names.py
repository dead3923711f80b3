"""Names a hard line wrap cut in two are proposed whole (pipeline/detect/wrapped_names.py);
short lines (list items, signatures) are not joined into one name."""

from __future__ import annotations

import pytest

from pipeline.detect.proposals import person_proposals
from pipeline.detect.wrapped_names import wrapped_names

# Each draft speaks of private persons (a 投诉人： line): only there is the join read.
LETTER = "投诉人：王某\n"
WRAPPED = [
    (LETTER + "2024年3月5日晚上，我在家门口和邻居童\n琳因为停车的事吵了起来。", "童\n琳"),
    (LETTER + "小区门口长期有人占道烧烤，经查系邻居吕\n宁，物业多次协调无果。", "吕\n宁"),
    (LETTER + "当事人在店内销售过期食品。经询问，司\n徒刚对上述事实供认不讳。", "司\n徒刚"),
]
NOT_JOINED = [
    "签发人：王东\n李明",
    "联系人：\n张\n伟",
    "各乡镇人民政府、区直各单位要高度重视安全生产\n工作，明确责任分工，确保各项任务落到实处。",
]


@pytest.mark.parametrize(("text", "name"), WRAPPED)
def test_wrapped_name_is_proposed_whole(text: str, name: str) -> None:
    start = text.index(name)
    assert (start, start + len(name)) in wrapped_names(text)
    sources = {
        s
        for p in person_proposals(text)
        if (p.start, p.end) == (start, start + len(name))
        for s in p.sources
    }
    assert "rule:wrapped_name" in sources


@pytest.mark.parametrize("text", NOT_JOINED)
def test_short_lines_and_prose_words_are_not_joined(text: str) -> None:
    assert wrapped_names(text) == []


def test_policy_prose_is_not_read_across_its_wraps() -> None:
    """A policy text speaks of no private person: its wraps are not joined at all."""
    text = WRAPPED[0][0].removeprefix(LETTER)
    sources = {s for p in person_proposals(text) for s in p.sources}
    assert "rule:wrapped_name" not in sources
