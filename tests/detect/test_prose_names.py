"""Transliterated foreign names in prose (:mod:`pipeline.detect.prose_names`): proposed
where a title, a speech verb or a person noun frames them; countries before a head of
state's title and ordinary words are not."""

from __future__ import annotations

import pytest

from pipeline.detect.judge import SOURCE_NAMES
from pipeline.detect.proposals import person_proposals
from pipeline.detect.prose_names import transliterated_names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("并转达了库马拉通加总统对他的亲切问候。", ["库马拉通加"]),  # rare: jieba says ns
        ("立即任命努里为发展与社会事务副总统。", ["努里"]),  # a verb taking a person
        ("在阿维兰热任职24年后，国际足联要改选。", ["阿维兰热"]),
        ("巴西外援里贝罗各为自己的球队攻入一球。", ["里贝罗"]),  # a person noun before
        ("克林顿总统说，双方将继续会谈。", ["克林顿"]),
        ("俄罗斯总统表示支持。", []),  # a country before its head of state
        ("斯里兰卡总统出席了会议。", []),  # a country jieba tags as a name (nrt)
        ("罗马尼亚总理说，两国关系良好。", []),
        ("本市加强安全生产管理，主席台就座。", []),  # no run of sound characters
        ("阿维兰热在国际足联任职多年。", []),  # no frame around the run
    ],
)
def test_transliterated_names(text: str, names: list[str]) -> None:
    assert [text[a:b] for a, b in transliterated_names(text)] == names


def test_source_is_proposed_and_named() -> None:
    text = "会谈中，他转达了库马拉通加总统对他的亲切问候。"
    sources = {s for p in person_proposals(text) if p.text == "库马拉通加" for s in p.sources}
    assert "rule:transliterated_name" in sources
    assert "rule:transliterated_name" in SOURCE_NAMES
