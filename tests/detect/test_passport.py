"""Passport numbers need 护照/证件 context."""

from __future__ import annotations

import pytest

from pipeline.detect.passport import PassportRecognizer
from tests.detect.helpers import texts

R = PassportRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("申请人身份证件：护照，号码E58623147", ["E58623147"]),
        ("护照号：EA1234567", ["EA1234567"]),
        ("护照号码 G12345678", ["G12345678"]),
        ("产品型号E58623147", []),  # no context
        ("护照号：E5862314", []),  # too short
        ("护照号：E586231478", []),  # too long
    ],
)
def test_table(text: str, expected: list[str]) -> None:
    assert texts(R, text) == expected
