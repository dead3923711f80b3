"""Bank cards: Luhn, length, account context, agency receiving accounts."""

from __future__ import annotations

import pytest

from pipeline.detect.bank_card import BankCardRecognizer
from tests.detect.helpers import found

R = BankCardRecognizer()


@pytest.mark.parametrize(
    ("text", "value", "role"),
    [
        ("社会保障卡金融账号：6230582700123456780", "6230582700123456780", "private"),
        ("6230582700123456780", "6230582700123456780", "private"),  # Luhn-valid alone
        ("银行卡号：6222 0212 3456 7890 128", "6222 0212 3456 7890 128", "private"),
        ("账号：6230582700314159265", "6230582700314159265", "private"),  # not Luhn, but context
        (
            "户名：清远市清城区财政局非税收入汇缴结算户，账号：2018 0055 0920 0012 345。",
            "2018 0055 0920 0012 345",
            "official",
        ),
        (
            "序号　姓名　社会保障卡金融账号\n1　张三　6230582700314159265",
            "6230582700314159265",
            "private",
        ),
    ],
)
def test_table(text: str, value: str, role: str) -> None:
    (f,) = found(R, text)
    assert (f.text, f.role) == (value, role)


@pytest.mark.parametrize(
    "text",
    [
        "编号：6230582700314159265",  # not Luhn, no account context
        "订单号：2024030512345678901234",  # too long
        "金额 1234567890123",  # too short
        "卡号：6222 **** **** 7890",  # masked
    ],
)
def test_look_alikes_do_not_fire(text: str) -> None:
    assert found(R, text) == []
