"""Chinese passport numbers: E + 8 digits, E + letter + 7 digits (2019 series), and the
older G/D/S/P/H series. Only with 护照 / 证件 context: a letter and eight digits alone
is as likely a product or file number."""

from __future__ import annotations

import re

from pipeline.detect.base import Candidate, Pattern, PatternRecognizer

_D = r"(?:[ \u3000\-]?[0-9０-９])"
PASSPORT = re.compile(
    r"(?<![A-Za-z0-9Ａ-Ｚａ-ｚ０-９])(?:[EeGgDdSsPpHhＥＧＤＳＰＨ][ \u3000\-]?[0-9０-９]"
    + _D
    + "{7}"
    r"|[EeＥ][A-Za-zＡ-Ｚ][ \u3000]?[0-9０-９]" + _D + "{6}"
    r"|[PpSsDdＰＳＤ][EeＥ][ \u3000]?[0-9０-９]" + _D + "{6})"
    r"(?![A-Za-z0-9Ａ-Ｚａ-ｚ０-９])"
)

CONTEXT = (
    "护照号码",
    "护照号",
    "护照",
    "通行证",
    "证件号码",
    "证件号",
    "证件",
    "出入境",
    "Passport",
    "passport",
    "PASSPORT",
)


class PassportRecognizer(PatternRecognizer):
    name = "cn_passport"
    label = "PASSPORT"
    patterns = (Pattern("passport", PASSPORT, 0.3),)
    context = CONTEXT
    context_before = 30
    context_boost = 0.6
    min_score = 0.6

    def explain(self, candidate: Candidate, text: str, valid: bool | None, word: str | None) -> str:
        return f"护照号码格式（字母+数字共 9 位），前文有“{word}”"
