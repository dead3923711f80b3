"""A model's address span across sentence punctuation is split and judged piece by piece,
and a parcel's 四至 (东至…西至…) is no home (issue 19). Every text is written here."""

from __future__ import annotations

import pytest

from pipeline.detect.address import clause_pieces, published_address
from pipeline.detect.registry import detect


@pytest.mark.parametrize(
    ("text", "span", "pieces"),
    [
        (
            "位于滨江新区，东至望江路，西至清水湾18号地块",
            "滨江新区，东至望江路，西至清水湾18号",
            ["滨江新区", "望江路", "清水湾18号"],
        ),
        (
            "北至红星河；南至锦绣华庭27号",
            "北至红星河；南至锦绣华庭27号",
            ["红星河", "锦绣华庭27号"],
        ),
        ("家住桃岭村3组12号。", "桃岭村3组12号", ["桃岭村3组12号"]),
        ("东至迎宾路", "东至迎宾路", ["迎宾路"]),
    ],
)
def test_clause_pieces(text: str, span: str, pieces: list[str]) -> None:
    start = text.index(span)
    got = clause_pieces(text, start, start + len(span))
    assert [text[a:b] for a, b in got] == pieces


@pytest.mark.parametrize(
    ("text", "value", "published"),
    [
        ("该宗地东至迎宾路，西至锦绣华庭36号，南至红星河。", "锦绣华庭36号", True),
        ("征收范围：东至文昌街，北至五一路88号。", "五一路88号", True),
        ("项目选址位于滨江新区，东至望江路。", "滨江新区", True),
        # a route from a province, no parcel: not a bound
        ("王某从山东至柏坝镇桃岭村3组12号务工", "柏坝镇桃岭村3组12号", False),
        # 东至 with no parcel word before it says nothing
        ("信访人反映东至桃岭村3组12号一带路灯不亮", "桃岭村3组12号", False),
    ],
)
def test_bounds_are_published(text: str, value: str, published: bool) -> None:
    start = text.index(value)
    assert (published_address(text, start, start + len(value)) is not None) == published


@pytest.mark.parametrize(
    "text",
    [
        "项目选址位于滨江新区，东至望江路，西至清水湾18号地块。",
        "G2024-07号地块位于杨沟镇，南至锦绣华庭27号，北至杨店村集体土地。",
        "C2025-32号宗地，位于竹埠镇，南至龙城国际2号；东至迎宾街；北至文昌路。",
    ],
)
def test_parcel_notices_hold_no_home(text: str) -> None:
    private = [f.text for f in detect(text) if f.label == "ADDRESS" and f.role == "private"]
    assert private == []


@pytest.mark.parametrize(
    ("text", "home"),
    [
        (
            "信访人王建平，家住柏坝镇桃岭村3组12号，反映东至迎宾路的道路破损。",
            "柏坝镇桃岭村3组12号",
        ),
        (
            "被征收人：李秀云，住址：梧桐郡12栋2单元301室。你户房屋位于地块东至范围内。",
            "梧桐郡12栋2单元301室",
        ),
    ],
)
def test_homes_beside_bounds_kept(text: str, home: str) -> None:
    private = [f.text for f in detect(text) if f.label == "ADDRESS" and f.role == "private"]
    assert home in private


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("为方便群众，镇司法所设在青石镇解放街38号二楼。", True),
        ("人民调解室设于柳河镇建设路16号一楼，工作日接待来访群众。", True),
        ("便民服务点设在枫林村2组8号村委会院内。", True),
        ("申请人邱慧兰，住址：青石镇解放街38号二楼。", False),
    ],
)
def test_an_office_or_room_set_up_somewhere_is_published(text: str, published: bool) -> None:
    private = [f.text for f in detect(text) if f.label == "ADDRESS" and f.role == "private"]
    assert (private == []) is published, private
