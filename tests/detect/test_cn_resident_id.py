"""居民身份证号: check digit, birth date, province; noisy forms; look-alikes that must not fire."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.detect.cn_resident_id import ResidentIdRecognizer
from pipeline.training.fake import resident_id
from tests.detect.helpers import found, texts

R = ResidentIdRecognizer()
VALID = resident_id("440203", date(1985, 6, 12), 22)
WRONG_CHECK = VALID[:-1] + ("0" if VALID[-1] != "0" else "1")
FULLWIDTH = VALID.translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ"))
X_ID = next(
    i for i in (resident_id("330411", date(1972, 3, 15), s) for s in range(200)) if i.endswith("X")
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"申请人张三，身份证号码：{VALID}，住址略。", [VALID]),
        (f"{VALID}", [VALID]),  # valid check digit needs no context
        (f"身份证号：{X_ID.lower()}", [X_ID.lower()]),  # lower-case x
        (f"身份证号：{FULLWIDTH}", [FULLWIDTH]),
        (
            f"身份证号：{VALID[:6]} {VALID[6:14]} {VALID[14:]}",
            [f"{VALID[:6]} {VALID[6:14]} {VALID[14:]}"],
        ),
        (
            f"身份证号：{VALID[:6]}-{VALID[6:14]}-{VALID[14:]}",
            [f"{VALID[:6]}-{VALID[6:14]}-{VALID[14:]}"],
        ),
        (f"身份证号码：{WRONG_CHECK}", [WRONG_CHECK]),  # a typo is still an ID with strong context
        (f"编号{WRONG_CHECK}", []),  # wrong check digit without context: not an ID
        ("身份证号码：441803581130005", ["441803581130005"]),  # old 15-digit ID
        (
            "序号　姓名　身份证号码\n1　何志坚　441803581130005",
            ["441803581130005"],
        ),  # column header
        ("统一社会信用代码：91441802MA4W8K3T2B", []),
        ("注册号：440203000123456", []),  # 15 digits, not a date
        ("订单号：202403051234567890", []),  # 18 digits, no province 20
        (f"流水号：9{VALID}", []),  # inside a longer run
        (f"{VALID}8", []),
        ("身份证号：4402**********1234", []),  # masked
        ("身份证号：440203198513450221", []),  # month 13
        ("准考证号：214418010203", []),
        ("2024年03月05日至2024年03月12日", []),
    ],
)
def test_table(text: str, expected: list[str]) -> None:
    assert texts(R, text) == expected


def test_explanation_says_why_in_words_a_clerk_reads() -> None:
    (f,) = found(R, f"身份证号码：{VALID}")
    assert f.label == "ID_CARD" and f.role == "private"
    assert "校验位正确" in f.explanation and "身份证号码" in f.explanation
    (typo,) = found(R, f"身份证号码：{WRONG_CHECK}")
    assert typo.score < f.score and "校验位不符" in typo.explanation
