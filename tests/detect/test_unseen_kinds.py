"""The kinds of value issue 19 found missed on documents nobody tuned on, one table per
recognizer: 15-digit IDs, bad check digits with and without a cue or an ID column,
space-separated rows without a header, numbers broken by a line wrap, typo'd cards,
badge numbers that are not phones, spaced passports. Every value is generated here."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.detect.bank_card import BankCardRecognizer
from pipeline.detect.cn_phone import PhoneRecognizer
from pipeline.detect.cn_resident_id import ResidentIdRecognizer
from pipeline.detect.passport import PassportRecognizer
from pipeline.training.fake import resident_id
from tests.detect.helpers import found, texts

VALID = resident_id("440205", date(1979, 3, 8), 123)
OTHER = resident_id("522631", date(1992, 8, 14), 2)
BAD = VALID[:17] + ("0" if VALID[17] != "0" else "1")  # wrong check digit
OLD = "440205790308123"  # GB 11643-1989: area 440205, born 79-03-08, sequence 123
OLD_UNKNOWN_AREA = "990205790308123"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"身份证号：{OLD}，", [OLD]),  # 15 digits after a cue
        (f"户主李明 {OLD} 石堡村", [OLD]),  # 15 digits, known area, no cue
        (f"编号 {OLD_UNKNOWN_AREA} 号", []),  # 15 digits, no such area
        (f"注册号：{OLD}", []),  # labelled as another number
        (f"公民身份号码为{BAD}。", [BAD]),  # bad check digit right after a cue
        (f"其身份证号码经核实为\n{BAD}", [BAD]),  # cue, then a line break
        (f"订单 {BAD} 已发货", []),  # bad check digit, no cue, no column
        (  # bad check digit in an ID column of rows split by single spaces, no header
            f"1 王小明 {VALID} 138 0013 8000\n2 龙琴 {BAD} 139 0013 9000\n",
            [VALID, BAD],
        ),
        (f"张三\t{OTHER}\t138\n李四\t{BAD}\t139\n", [OTHER, BAD]),  # tab rows
        (f"身份证号：{VALID[:10]}\n{VALID[10:]}。", [f"{VALID[:10]}\n{VALID[10:]}"]),  # wrapped
        (
            f"身份证号：{VALID[:6]} {VALID[6:14]} {VALID[14:]}",
            [f"{VALID[:6]} {VALID[6:14]} {VALID[14:]}"],
        ),
    ],
)
def test_resident_ids(text: str, expected: list[str]) -> None:
    assert texts(ResidentIdRecognizer(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected", "role"),
    [
        ("联系电话：1583311\n6094。", ["1583311\n6094"], "private"),  # line wrap
        ("1\t王小明\t159 1475 3362\t将石安居苑2栋0907", ["159 1475 3362"], "private"),
        ("执法人员：崔卫东（执法证号：13011001227）", [], None),  # a badge, not a phone
        ("街道社会事务办：0891-6863205", ["0891-6863205"], "official"),
        ("联系电话：0311-87061532\u3000\u3000地址：石家庄市", ["0311-87061532"], "official"),
        (f"身份证号{VALID}，家庭电话：0971-8142657", ["0971-8142657"], "private"),
    ],
)
def test_phones(text: str, expected: list[str], role: str | None) -> None:
    findings = found(PhoneRecognizer(), text)
    assert [f.text for f in findings] == expected
    if role:
        assert findings[0].role == role


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("社保卡账号：621799730014\n2236788，", ["621799730014\n2236788"]),  # wrapped
        ("发放账号 6217 9973 0012 5570 418", ["6217 9973 0012 5570 418"]),  # not Luhn, 62…
        ("1\t次仁旺姆\t6228480402564890018\t400", ["6228480402564890018"]),  # Luhn, no header
        ("合同编号 6217997300125570418", []),  # labelled as another number
    ],
)
def test_bank_cards(text: str, expected: list[str]) -> None:
    assert texts(BankCardRecognizer(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("护照号码：E 1234 5678", ["E 1234 5678"]),
        ("护照：ＥＡ１２３４５６７。", ["ＥＡ１２３４５６７"]),
        ("出入境证件（护照）号码为G12345678", ["G12345678"]),
        ("产品型号 E12345678", []),  # no passport context
    ],
)
def test_passports(text: str, expected: list[str]) -> None:
    assert texts(PassportRecognizer(), text) == expected
