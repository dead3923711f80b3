"""A trade name before what the business is (金桂物业公司) names no person."""

from __future__ import annotations

import pytest

from pipeline.detect.shop_names import trade_name


@pytest.mark.parametrize(
    ("text", "word", "shop"),
    [
        ("汇报近期在金桂物业公司务工情况", "金桂", True),
        ("汇报近期在金桂物\n业公司务工情况", "金桂物", True),
        ("在丽景物业务工", "丽景", True),
        ("由翠湾物业服务中心负责", "翠湾", True),
        ("在永辉超市购物", "永辉", True),
        ("入住锦江酒店", "锦江", True),
        ("宏达商贸有限公司", "宏达", False),  # 商贸 stands between: not this rule's reading
        # a person, not a shop
        ("业主王东物业费欠缴", "王东", False),
        ("已由物业公司工作人员糜琴现场核实", "糜琴", False),
        ("联系人：金桂芳，电话：0563-3456026", "金桂芳", False),
        ("金桂\n物业公司", "金桂", True),
    ],
)
def test_trade_name(text: str, word: str, shop: bool) -> None:
    start = text.index(word)
    assert trade_name(text, start, start + len(word)) is shop
