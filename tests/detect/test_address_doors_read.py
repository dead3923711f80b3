"""Door-level address forms (pipeline/detect/address_grammar.py): a building written with
the number sign (12#楼803), a road's door number before the estate on it (建设路66号电力村),
estates named 人家/居/生活区, wraps at a sign or a dash, and 不动产坐落 as a home cue. Every
text is written here."""

from __future__ import annotations

import pytest

from pipeline.detect.address_grammar import parse
from pipeline.detect.judge import JudgedAddressRecognizer


def _read(text: str) -> list[str]:
    return [text[a.start : a.end] for a in parse(text)]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # the number sign for 号楼 and a bare room after it
        ("来信人住在枫林苑12#楼803，反映", "枫林苑12#楼803"),
        ("坐落于锦江花园7＃楼1502，", "锦江花园7＃楼1502"),
        # a wrap on either side of the sign
        ("本人住翠湖花园15#\n楼2201）", "翠湖花园15#\n楼2201"),
        ("本人住翠湖花园3\n#楼602）", "翠湖花园3\n#楼602"),
        # a wrap at the dash of a building-unit-room
        ("现居住于碧水花城6\n-1-502，家庭人口3人", "碧水花城6\n-1-502"),
        ("现居住于碧水花城6-\n1-502，家庭人口3人", "碧水花城6-\n1-502"),
        # a road's door number, then the estate on that road
        ("住在建设路66号电力村4栋2单元301室，", "建设路66号电力村4栋2单元301室"),
        ("房屋位于解放大道1200号农机村9栋502室。", "解放大道1200号农机村9栋502室"),
        # estates named 人家, 居 and a factory's 生活区
        ("现住江南人家6栋1101室，", "江南人家6栋1101室"),
        ("现住翠竹居3栋402室，", "翠竹居3栋402室"),
        ("现住化肥厂生活区5栋302室，", "化肥厂生活区5栋302室"),
    ],
)
def test_the_grammar_reads_the_door_whole(text: str, address: str) -> None:
    assert address in _read(text)


@pytest.mark.parametrize(
    ("text", "home"),
    [
        ("权利人：邵志明\n不动产坐落：枫林苑12#楼803\n建筑面积：96.5㎡\n", "枫林苑12#楼803"),
        (
            "来电内容：市民反映，其住在建设路66号电力村4栋2单元301室，楼下商铺噪音扰民。",
            "建设路66号电力村4栋2单元301室",
        ),
        ("申请人：韦丽娟\n户籍所在地：石门镇枫树村3组17号\n", "石门镇枫树村3组17号"),
    ],
)
def test_a_home_in_these_forms_is_found(text: str, home: str) -> None:
    found = [f.text for f in JudgedAddressRecognizer().analyze(text) if f.role == "private"]
    assert home in found
