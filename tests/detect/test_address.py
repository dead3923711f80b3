"""Private residential addresses; agency and company addresses stay published."""

from __future__ import annotations

import pytest

from pipeline.detect.address import AddressRecognizer
from tests.detect.helpers import found

R = AddressRecognizer()


@pytest.mark.parametrize(
    ("text", "value", "role"),
    [
        (
            "送达地址：清远市清城区凤城街道锦绣花园二期8栋1502房\n",
            "清远市清城区凤城街道锦绣花园二期8栋1502房",
            "private",
        ),
        (
            "家住秀洲区新城街道北郊社区康和苑12幢2单元301室，联系电话略",
            "秀洲区新城街道北郊社区康和苑12幢2单元301室",
            "private",
        ),
        (
            "住址：宜昌市伍家岗区大公桥街道胜利四路18号5单元202室）在万达",
            "宜昌市伍家岗区大公桥街道胜利四路18号5单元202室",
            "private",
        ),
        (
            "家庭住址：韶关市浈江区东河街道解放路东二巷6号301房\n联系电话：略",
            "韶关市浈江区东河街道解放路东二巷6号301房",
            "private",
        ),
        (
            "序号　被征收人　房屋坐落　面积\n1　冯少华　太和镇滨江路38号　126.40",
            "太和镇滨江路38号",
            "private",
        ),
        ("联系地址：韶关市浈江区解放路3号市信访局", "韶关市浈江区解放路3号市信访局", "official"),
    ],
)
def test_table(text: str, value: str, role: str) -> None:
    (f,) = found(R, text)
    assert (f.text, f.role) == (value, role)


@pytest.mark.parametrize(
    "text",
    [
        "镇农业农村办公室地址：曲江区马坝镇府前路2号；监督电话略",  # agency address: no private cue
        "住所：清远市清城区石角镇工业园C区12号",  # a company's 住所
        "住址不详",
        "项目位于横荷街道大有村民委员会辖区",
    ],
)
def test_not_private_addresses(text: str) -> None:
    assert [f for f in found(R, text) if f.role == "private"] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "住址：长沙市岳麓区望月湖街道望月湖小区12栋\n3单元502室。\n联系电话：13800138000",
            "长沙市岳麓区望月湖街道望月湖小区12栋\n3单元502室",
        ),
        (
            "住址：长沙市岳麓区望月湖街道望月湖小区12栋502室\n联系电话",
            "长沙市岳麓区望月湖街道望月湖小区12栋502室",
        ),
    ],
)
def test_cue_address_runs_across_a_wrap(text: str, value: str) -> None:
    """A wrap inside the address does not cut it; a break before the next field does."""
    assert [f.text for f in AddressRecognizer().analyze(text)] == [value]
