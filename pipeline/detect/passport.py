"""Passport numbers: Chinese E + 8 digits, E + letter + 7 digits (2019 series), the older
G/D/S/P/H series; and, right after the word 护照, any number of a passport's length
(foreign passports, mistyped ones: a redaction tool reads 护照号码 as the drafter meant it).
Only with 护照 / 证件 context: a letter and eight digits alone is as likely a product or
file number."""

from __future__ import annotations

import re

from pipeline.detect.base import Candidate, Pattern, PatternRecognizer, other_number_cue

_D = r"(?:[ \u3000\-]?[0-9０-９])"
PASSPORT = re.compile(
    r"(?<![A-Za-z0-9Ａ-Ｚａ-ｚ０-９])(?:[EeGgDdSsPpHhＥＧＤＳＰＨ][ \u3000\-]?[0-9０-９]"
    + _D
    + "{7}"
    r"|[EeＥ][A-Za-zＡ-Ｚ][ \u3000]?[0-9０-９]" + _D + "{6}"
    r"|[PpSsDdＰＳＤ][EeＥ][ \u3000]?[0-9０-９]" + _D + "{6})"
    r"(?![A-Za-z0-9Ａ-Ｚａ-ｚ０-９])"
)
# Any passport-length token: up to two letters, then 6–9 digits (a letter may close it).
ANY_PASSPORT = re.compile(
    r"(?<![A-Za-z0-9Ａ-Ｚａ-ｚ０-９])[A-Za-zＡ-Ｚａ-ｚ]{0,2}[0-9０-９]" + _D + "{5,8}[A-Za-z]?"
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
# Words that name a passport itself, within this many characters before the number.
PASSPORT_WORDS = ("护照", "Passport", "passport", "PASSPORT")
PASSPORT_NEAR = 16
OTHER_LABEL = re.compile(r"签证|电话|手机|传真|邮编|日期|有效期|签发|编号|文号|案号")
DATE = re.compile(r"(?:19|20)[0-9]{2}[01][0-9][0-3][0-9]")


class PassportRecognizer(PatternRecognizer):
    name = "cn_passport"
    label = "PASSPORT"
    patterns = (
        Pattern("passport", PASSPORT, 0.3),
        Pattern("after_passport_word", ANY_PASSPORT, 0.0),
    )
    context = CONTEXT
    context_before = 30
    context_after = 8  # E58623147（护照）
    context_boost = 0.6
    min_score = 0.6

    def validate(self, candidate: Candidate, text: str) -> bool | None:
        if other_number_cue(text, candidate.start, 10):
            return False  # 执法证号：S12345678, 证书编号：G20240315 are other numbers
        if candidate.pattern.name == "passport":
            return None
        if DATE.fullmatch(candidate.value):
            return False  # 护照有效期至20300101
        window = text[max(0, candidate.start - PASSPORT_NEAR) : candidate.start]
        words = [window.rfind(w) for w in PASSPORT_WORDS if w in window]
        if not words:
            return False
        # Another number's label between 护照 and the number: 护照及签证（签证号码：…）.
        return None if not OTHER_LABEL.search(window[max(words) :]) else False

    def score(self, candidate: Candidate, valid: bool | None, word: str | None) -> float:
        if candidate.pattern.name == "after_passport_word":
            return 0.75  # validate kept it: the word 护照 stands right before it
        return super().score(candidate, valid, word)

    def explain(self, candidate: Candidate, text: str, valid: bool | None, word: str | None) -> str:
        if candidate.pattern.name == "after_passport_word":
            return "紧跟“护照”的证件号码（格式非中国护照常见格式，请核对）"
        return f"护照号码格式（字母+数字共 9 位），前文有“{word}”"
