"""A village group with no door below it is no home (judge_address.above_door): labels.md
asks for an address down to building/room. Every text is written here."""

from __future__ import annotations

import pytest

from pipeline.detect.judge import JudgedAddressRecognizer
from pipeline.detect.judge_address import above_door


@pytest.mark.parametrize(
    ("value", "coarse"),
    [
        ("石门镇枫树村3组", True),
        ("石门镇枫树村三组", True),
        ("红旗乡东风村5队", True),
        ("石门镇枫树村", True),
        ("石门镇枫树村3组17号", False),
        ("东利渔村3排12号", False),
        ("枫林苑12#楼803", False),
        ("梧桐郡12-4-1101", False),
        ("西马路42号附3栋", False),
        ("市民中心B座", False),
    ],
)
def test_above_door(value: str, coarse: bool) -> None:
    assert above_door(value) is coarse


@pytest.mark.parametrize(
    "text",
    [
        "申请人：韦丽娟\n户籍所在地：石门镇枫树村3组\n拟建地点：枫树村5组\n",
        "户主：覃建华\t家住红旗乡东风村5队\n",
    ],
)
def test_a_village_group_with_no_door_is_no_home(text: str) -> None:
    assert [f.text for f in JudgedAddressRecognizer().analyze(text) if f.role == "private"] == []
