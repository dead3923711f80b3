"""The Chinese pattern recognizers of the Presidio anchor (benchmarks/presidio_anchor.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.fixtures.benchmark_module import load_benchmark

pytest.importorskip("presidio_analyzer")
pytest.importorskip("stdnum")


@pytest.fixture(scope="module")
def anchor() -> Any:
    module = load_benchmark("presidio_anchor")
    return module, module.build_analyzer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("身份证号码：11010519491231002X。", {("ID_CARD", "11010519491231002X")}),
        ("身份证号码：110105194912310021。", set()),  # wrong check digit
        ("编号：9911010519491231002X1", set()),  # inside a longer number
        ("联系电话：135 3696 8204", {("PHONE", "135 3696 8204")}),
        (
            "电话150-6567-1932，传真0751-8123456",
            {("PHONE", "150-6567-1932"), ("PHONE", "0751-8123456")},
        ),
        (
            "440205196504121239\u300013502781264",
            {("ID_CARD", "440205196504121239"), ("PHONE", "13502781264")},
        ),
        ("银行卡号：6222021234567890128", {("BANK_CARD", "6222021234567890128")}),
        ("银行卡号：6222021234567890127", set()),  # Luhn fails
        ("电子邮箱：chenjiahao0917@163.com", {("EMAIL", "chenjiahao0917@163.com")}),
        ("证件：护照，号码E58623147", {("PASSPORT", "E58623147")}),
        (
            "车牌号为粤F·3K782，车辆号牌：粤FD62178",
            {("LICENSE_PLATE", "粤F·3K782"), ("LICENSE_PLATE", "粤FD62178")},
        ),
        ("车牌号为粤F·5****", set()),  # masked
    ],
)
def test_anchor_recognizers(anchor: Any, text: str, expected: set[tuple[str, str]]) -> None:
    module, analyzer = anchor
    found = {(f["label"], f["text"]) for f in module.presidio_findings(analyzer, text)}
    assert found == expected
