"""Vehicle plates in every style; masked plates and look-alikes do not fire."""

from __future__ import annotations

import pytest

from pipeline.detect.license_plate import LicensePlateRecognizer
from tests.detect.helpers import texts

R = LicensePlateRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("驾驶单位车牌号为粤F·3K782的重型厢式货车", ["粤F·3K782"]),
        ("车辆号牌：粤FD62178（小型纯电动）", ["粤FD62178"]),
        ("拦截车牌号为鄂E·7H356的冷藏车", ["鄂E·7H356"]),
        ("号牌京A12345", ["京A12345"]),
        ("警车粤A1234警", ["粤A1234警"]),
        ("教练车苏E1234学", ["苏E1234学"]),
        ("新能源车浙A12345D", ["浙A12345D"]),
        ("车牌号粤F·5****", []),  # masked
        ("苏ABCDE", []),  # no digit
        ("粤港澳大湾区", []),
        ("项目编号：鲁ZC2025-542", []),  # a procurement code's head
        ("采购编号 赣CG2024－0087", []),
        ("车牌号鲁A12345-", ["鲁A12345"]),  # a dash then nothing: still a plate
    ],
)
def test_table(text: str, expected: list[str]) -> None:
    assert texts(R, text) == expected
