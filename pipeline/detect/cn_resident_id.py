"""居民身份证号码 (GB 11643-1999): 18 digits, the last a MOD 11-2 check digit (0-9 or X);
old IDs have 15 digits (YYMMDD birth date, no check digit).

Validation: province code (first two digits), a plausible birth date, and the check
digit via python-stdnum. stdnum's region table lacks districts created after it was
compiled (440205 韶关市曲江区 is missing), so the region lookup only adds confidence.
A wrong check digit is still reported, at a lower score, when the text says it is an ID
(身份证号：…): drafts contain typos and a typo'd ID is still personal data.
"""

from __future__ import annotations

import re
from datetime import date

from stdnum.cn import ric

from pipeline.detect.base import (
    DIGIT,
    NOT_ALNUM_AFTER,
    NOT_ALNUM_BEFORE,
    SEP,
    Candidate,
    Pattern,
    PatternRecognizer,
    context_distance,
    header_context,
    other_number_cue,
)
from pipeline.detect.context import line_bounds
from pipeline.lexicons import lexicon_cache, load_table

PROVINCES = {
    11,
    12,
    13,
    14,
    15,
    21,
    22,
    23,
    31,
    32,
    33,
    34,
    35,
    36,
    37,
    41,
    42,
    43,
    44,
    45,
    46,
    50,
    51,
    52,
    53,
    54,
    61,
    62,
    63,
    64,
    65,
    71,
    81,
    82,
    83,
    91,
}
# Context that says "this number is an ID" (strong when right before the number).
CONTEXT = (
    "公民身份号码",
    "身份证号码",
    "身份证号",
    "身份证件号码",
    "身份证",
    "身份号码",
    "证件号码",
    "证件号",
    "证号",
)


def _birth(value: str) -> date | None:
    try:
        if len(value) == 18:
            born = date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
        else:
            born = date(1900 + int(value[6:8]), int(value[8:10]), int(value[10:12]))
    except ValueError:
        return None
    return born if date(1900, 1, 1) <= born <= date.today() else None


_VALID_SHAPE = re.compile(
    r"(?<![0-9])[1-9][0-9]{5}(?:19|20)[0-9]{2}[01][0-9][0-3][0-9][0-9]{3}[0-9Xx](?![0-9])"
)
# Cells of a row: a tab, a run of spaces, or one space (ASCII or full-width, as typed
# columns align) beside a number.
_ROW = re.compile(r"\t|\u3000{2,}| {2,}|(?<=[0-9Xx])[ \u3000](?=\S)|(?<=\S)[ \u3000](?=[0-9])")


# A mobile grouped 3-4-4 ("188 7060 3552") at the end of a candidate, set off by a gap
# from the digits before it: a row's room or door number ("2103") beside a phone, not an
# ID without a check digit (GB 11643 groups an ID 6-8-4, never ending 3-4-4).
MOBILE_TAIL = re.compile(r"[0-9][ \u3000\-]+1[3-9][0-9][ \u3000][0-9]{4}[ \u3000][0-9]{4}$")


def in_id_column(text: str, start: int) -> bool:
    """``start`` is in a row of a list (cells split by tabs or spaces) and another row of
    the document holds an 18-digit ID whose check digit is right."""
    line_start, line_end = line_bounds(text, start)
    line = text[line_start:line_end]
    if len(_ROW.findall(line)) < 2:
        return False
    for m in _VALID_SHAPE.finditer(text):
        if line_start <= m.start() <= line_start + len(line):
            continue
        if ric.calc_check_digit(m.group(0)) == m.group(0)[17].upper():
            other_start, other_end = line_bounds(text, m.start())
            if len(_ROW.findall(text[other_start:other_end])) >= 2:
                return True
    return False


@lexicon_cache
def _prefectures() -> frozenset[str]:
    return frozenset(row[0][:4] for row in load_table("admin_divisions"))


def area_known(value: str) -> bool:
    """The first four digits name a prefecture of GB/T 2260 (lexicons/admin_divisions.txt)."""
    return value[:4] in _prefectures()


def _region_known(value: str) -> bool:
    try:
        ric.get_birth_place(value)
    except Exception:
        return False
    return True


class ResidentIdRecognizer(PatternRecognizer):
    name = "cn_resident_id"
    label = "ID_CARD"
    patterns = (
        Pattern(
            "id18",
            re.compile(
                rf"{NOT_ALNUM_BEFORE}{DIGIT}(?:{SEP}{DIGIT}){{16}}{SEP}[0-9０-９XxＸｘ]{NOT_ALNUM_AFTER}"
            ),
            0.5,
        ),
        Pattern(
            "id15",
            re.compile(rf"{NOT_ALNUM_BEFORE}{DIGIT}(?:{SEP}{DIGIT}){{14}}{NOT_ALNUM_AFTER}"),
            0.35,
        ),
    )
    context = CONTEXT
    context_before = 16
    numeric = True
    min_score = 0.5

    def validate(self, candidate: Candidate, text: str) -> bool | None:
        value = candidate.value.upper()
        if int(value[:2]) not in PROVINCES or _birth(value) is None:
            return False
        if MOBILE_TAIL.search(candidate.text) and not (
            len(value) == 18 and ric.calc_check_digit(value) == value[17]
        ):
            return False
        if len(value) == 15:
            if value[6:8] < "10" or other_number_cue(text, candidate.start):
                return False  # born before 1910, or labelled 注册号/编号: not an old ID
            return None  # no check digit: plausible, decided by context
        if ric.calc_check_digit(value) == value[17]:  # stdnum drops the last character itself
            return True
        # A typo'd ID counts only when the text right before says it is an ID, or it
        # stands in a column of IDs (a row of a list whose other rows hold valid IDs).
        strong = any(
            context_distance(text, candidate.start, w, 20) <= 10
            for w in CONTEXT
            if w in text[max(0, candidate.start - 20) : candidate.start]
        )
        if other_number_cue(text, candidate.start):
            return False
        if strong or header_context(text, candidate.start, CONTEXT):
            return None
        return None if in_id_column(text, candidate.start) else False

    def score(self, candidate: Candidate, valid: bool | None, word: str | None) -> float:
        value = candidate.value.upper()
        if valid is True:
            return 0.99 if word else 0.95
        if len(value) == 18:  # wrong check digit, strong context
            return 0.6
        # 15-digit old ID (GB 11643-1989): with context, or with a known area code (its
        # first four digits a GB/T 2260 prefecture) and a plausible birth date.
        return 0.85 if word else 0.55 if area_known(value) else 0.4

    def explain(self, candidate: Candidate, text: str, valid: bool | None, word: str | None) -> str:
        value = candidate.value.upper()
        born = _birth(value)
        parts = [f"{len(value)} 位号码"]
        if len(value) == 18:
            parts.append("校验位正确" if valid else "校验位不符（可能是笔误）")
        else:
            parts.append("旧式 15 位身份证号，无校验位")
        if born:
            parts.append(f"出生日期 {born.isoformat()} 合理")
        if _region_known(value):
            parts.append("地区码有效")
        if word:
            parts.append(f"前文有“{word}”")
        if candidate.text != value:
            parts.append("号码中含空格、全角数字或连字符")
        return "，".join(parts)
