"""Chinese passport numbers: E + 8 digits, E + letter + 7 digits (2019 series), and the
older G/D/S/P/H series. Only with 护照 / 证件 context: a letter and eight digits alone
is as likely a product or file number."""

from __future__ import annotations

import re

from pipeline.detect.base import Candidate, Pattern, PatternRecognizer

PASSPORT = re.compile(
    r"(?<![A-Za-z0-9])(?:[EeGgDdSsPpHh][0-9]{8}|[Ee][A-Za-z][0-9]{7}|[Pp][Ee][0-9]{7})(?![A-Za-z0-9])"
)
CONTEXT = ("护照号码", "护照号", "护照", "通行证", "证件号码", "证件号", "Passport", "passport")


class PassportRecognizer(PatternRecognizer):
    name = "cn_passport"
    label = "PASSPORT"
    patterns = (Pattern("passport", PASSPORT, 0.3),)
    context = CONTEXT
    context_before = 16
    context_boost = 0.6
    min_score = 0.6

    def explain(self, candidate: Candidate, text: str, valid: bool | None, word: str | None) -> str:
        return f"护照号码格式（字母+数字共 9 位），前文有“{word}”"
