"""Homes in the shapes new hands write them, each shape pinned with the rule that reads it
(the thirteenth pass's address rules, re-applied one by one against the look-alikes of
tests/fixtures/address_lookalikes_more.py)."""

from __future__ import annotations

import pytest

from pipeline.detect.address import AddressRecognizer
from pipeline.detect.address_grammar import parse
from pipeline.detect.judge import JudgedAddressRecognizer


def _private(text: str) -> list[str]:
    return [f.text for f in JudgedAddressRecognizer().analyze(text) if f.role == "private"]


@pytest.mark.parametrize(
    ("text", "home"),
    [
        (
            "某区城市管理局\n信访事项答复意见书\n\n申俊杰：\n\u3000\u3000你于2025年1月14日反映的"
            "居住在龙泉镇高桥村五组30号的住户文晨夜间施工扰民的问题收悉。",
            "龙泉镇高桥村五组30号",
        ),
        (
            "某区城市管理局\n信访事项答复意见书\n\n申俊杰：\n\u3000\u3000你于2025年1月14日通过来访"
            "反映的居住在南阳市宛城区光明东路276号11栋1505的住户公孙永占道经营的问题收悉。",
            "南阳市宛城区光明东路276号11栋1505",
        ),
    ],
)
def test_where_a_person_is_said_to_live_is_a_home(text: str, home: str) -> None:
    assert home in _private(text)


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
