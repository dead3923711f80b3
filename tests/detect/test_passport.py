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
        ("证件号码：E5862314", []),  # too short for a Chinese passport, no 护照
        ("证件号码：E586231478", []),  # too long, no 护照
        # Right after the word 护照, any passport-length number: foreign or mistyped.
        ("护照号：E5862314", ["E5862314"]),
        ("护照号：E586231478", ["E586231478"]),
        ("持美国护照（号码：548331207）入境", ["548331207"]),
        ("护照号码：TK1234567", ["TK1234567"]),
        ("E58623147（护照）", ["E58623147"]),  # the word after the number
        ("护照有效期至20300101", []),  # a date
        ("护照号码E58623147，联系电话13800138000", ["E58623147"]),
        # another number's label between the word and the number, or before the number
        ("护照及签证（签证号码：548331207）", []),
        ("持护照入境，执法证号：E58623147", []),
        ("出入境证件：证书编号G12345678", []),
    ],
)
def test_table(text: str, expected: list[str]) -> None:
    assert texts(R, text) == expected
