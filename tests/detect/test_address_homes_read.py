"""Homes in the shapes new hands write them, each shape pinned with the rule that reads it
(the thirteenth pass's address rules, re-applied one by one against the look-alikes of
tests/fixtures/address_lookalikes_more.py)."""

from __future__ import annotations

import pytest

from pipeline.detect.address import AddressRecognizer
from pipeline.detect.address_grammar import parse


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("反映的居住在海伦市工农路翡翠城1幢2单元1402室的住户", "海伦市工农路翡翠城1幢2单元1402室"),
        ("来信反映的住在沙市区建设路育才巷51号2楼的住户", "沙市区建设路育才巷51号2楼"),
    ],
)
def test_every_lead_word_before_a_division_is_stripped(text: str, address: str) -> None:
    assert address in [text[a.start : a.end] for a in parse(text)]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("1.被征收人：梅德胜；房屋坐落：龙城国际1-1-2504；建筑面积120平方米。", "龙城国际1-1-2504"),
        ("住址：东湖印象10-3-504\n经营场所：", "东湖印象10-3-504"),
    ],
)
def test_a_dash_door_after_a_home_cue_is_read(text: str, address: str) -> None:
    found = {f.text: f.role for f in AddressRecognizer().analyze(text)}
    assert found.get(address) == "private"
