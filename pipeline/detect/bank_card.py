"""Bank card and account numbers: 16-19 digits (grouped by 4 or not), Luhn-valid, or not
Luhn-valid but introduced as an account (账号/卡号). Agency receiving accounts for fines
and fees (户名：…财政局非税收入汇缴结算户) are official and stay published. A run framed
by 第 and 号 (道路交通事故认定书 第4501032025000123号) is a document's serial, no card. A
card is grouped by fours (6228 4800 1234 5678 912) or its six-digit BIN first; numbers of
other groupings (450122890506788　6217 — an old ID, then a card's first group, in the
cells of a row) are two numbers.
"""

from __future__ import annotations

import re

from stdnum import luhn

from pipeline.detect.base import (
    DIGIT,
    NOT_ALNUM_AFTER,
    NOT_ALNUM_BEFORE,
    SEP,
    Candidate,
    Pattern,
    PatternRecognizer,
    other_number_cue,
)
from pipeline.detect.context import first_cue, sentence_before
from pipeline.finding import Role

CONTEXT = (
    "银行卡号",
    "银行账号",
    "金融账号",
    "金融账户",
    "社会保障卡",
    "账号",
    "帐号",
    "卡号",
    "开户行",
    "开户银行",
    "收款账户",
    "账户",
)
OFFICIAL_ACCOUNT = (
    "财政",
    "非税",
    "汇缴",
    "国库",
    "专户",
    "对公",
    "罚没",
    "缴至",
    "缴入",
    "代收",
    "基本户",
)


GROUP_SEP = re.compile(r"[ \u3000\-－–]")


class BankCardRecognizer(PatternRecognizer):
    name = "bank_card"
    label = "BANK_CARD"
    patterns = (
        Pattern(
            "card",
            re.compile(rf"{NOT_ALNUM_BEFORE}[1-9１-９](?:{SEP}{DIGIT}){{15,18}}{NOT_ALNUM_AFTER}"),
            0.4,
        ),
    )
    context = CONTEXT
    context_before = 24
    numeric = True
    min_score = 0.6

    def validate(self, candidate: Candidate, text: str) -> bool | None:
        value = candidate.value
        if not 16 <= len(value) <= 19 or other_number_cue(text, candidate.start):
            return False
        if text[candidate.start - 1 : candidate.start] == "第" and text.startswith(
            "号", candidate.end
        ):
            return False  # 第4501032025000123号: a document's serial number
        groups = [g for g in GROUP_SEP.split(candidate.text.replace("\n", "")) if g]
        if len(groups) > 1 and len(groups[0]) != 6 and any(len(g) != 4 for g in groups[:-1]):
            return False
        if luhn.is_valid(value):
            return True
        return None  # kept only with account context (see score)

    def score(self, candidate: Candidate, valid: bool | None, word: str | None) -> float:
        if valid:
            return 0.97 if word else 0.8
        if word:
            return 0.7
        # A UnionPay number (62…) that fails Luhn: typo'd card numbers are still cards.
        return 0.6 if candidate.value.startswith("62") else 0.0

    def role(self, candidate: Candidate, text: str) -> Role | None:
        window = sentence_before(text, candidate.start, 120)
        return "official" if first_cue(window, OFFICIAL_ACCOUNT) else "private"

    def explain(self, candidate: Candidate, text: str, valid: bool | None, word: str | None) -> str:
        parts = [
            f"{len(candidate.value)} 位卡号/账号",
            "Luhn 校验通过"
            if valid
            else "Luhn 校验不通过，但前文表明是账号"
            if word
            else "Luhn 校验不通过，但为银联卡号段（62 开头），可能是笔误",
        ]
        if word:
            parts.append(f"前文有“{word}”")
        cue = first_cue(sentence_before(text, candidate.start, 120), OFFICIAL_ACCOUNT)
        if cue:
            parts.append(f"前文有“{cue}”，属机关收款账户，应予公开")
        return "，".join(parts)
