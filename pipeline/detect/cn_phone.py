"""Chinese phone numbers: mobiles (1[3-9]x, +86/0086 prefix) and landlines with area codes
(010, 02x, 0xxx; 7-8 digit local numbers; 转/-/分机 extensions), in any spacing,
hyphenation or full-width digits. Role-aware: see ``context.contact_role``.

A 7-8 digit local number without its area code ("联系电话：8812345", "家庭电话 6234 5678")
is how a clerk writes a number of the office's own city; on its own such a run is as
likely an amount or a case number, so it is proposed only right after a phone word or in
a column headed 电话.
"""

from __future__ import annotations

import re

from pipeline.detect.base import (
    DIGIT,
    NOT_ALNUM_AFTER,
    NOT_ALNUM_BEFORE,
    SEP,
    Candidate,
    Pattern,
    PatternRecognizer,
    header_context,
    normalise,
    other_number_cue,
)
from pipeline.detect.context import contact_role
from pipeline.detect.room_cells import door_number
from pipeline.finding import Role

# A wrap may fall anywhere in a mobile, right after its first digit too (+86 1⏎4752518498).
# A room number's cell beside a mobile grouped 3-4-4 ("6-1302　135 8817 2869"): the
# mobile is the 3-4-4 run, not the room's digits run into its first seven.
ROOM_THEN_MOBILE = r"(?![0-9]{4}[ \u3000]1[3-9][0-9][ \u3000][0-9]{4}[ \u3000][0-9]{4}(?![0-9]))"
MOBILE = re.compile(
    rf"{NOT_ALNUM_BEFORE}{ROOM_THEN_MOBILE}(?:(?:[+＋]|00|００)?(?:86|８６)[ \u3000\-－]?)?[1１]{SEP}[3-9３-９](?:{SEP}{DIGIT}){{9}}{NOT_ALNUM_AFTER}"
)
# A break inside a number (a wrap), but not the break before the next row's number
# ("…6938372⏎2\t丽景社区…": the 2 is the row's 序号, not the phone's eighth digit).
ROW_SEP = r"(?:[ \u3000\-－–]|\n(?![0-9０-９]{1,3}(?:[\t、．.，,）)]|\u3000| )))?"
# A line end alone, where a narrow column wraps an area code (073⏎7-7781143) or puts
# its hyphen on the next line (0816⏎-8540102); not before a row's 序号.
WRAP = r"(?:\n(?![0-9０-９]{1,3}(?:[\t、．.，,）)]|\u3000| )))?"
LANDLINE = re.compile(
    rf"{NOT_ALNUM_BEFORE}(?:[（(](?:0|０){DIGIT}{{2,3}}[)）]|(?:0|０)(?:{WRAP}{DIGIT}){{2,3}})"
    rf"{WRAP}[ \u3000\-－–—]?{WRAP}[2-9２-９](?:{ROW_SEP}{DIGIT}){{6,7}}"
    rf"(?:(?:转|分机|-|－|ext\.?)\s?{DIGIT}{{1,6}})?{NOT_ALNUM_AFTER}"
)
LOCAL = re.compile(rf"{NOT_ALNUM_BEFORE}[2-9２-９](?:{ROW_SEP}{DIGIT}){{6,7}}{NOT_ALNUM_AFTER}")
# What may stand between a phone word and a local number it labels.
LOCAL_GAP = re.compile(r"[:：\s（(）)为是]{0,3}$")
SERVICE = re.compile(
    rf"{NOT_ALNUM_BEFORE}[48４８]00{SEP}{DIGIT}{{3}}{SEP}{DIGIT}{{4}}{NOT_ALNUM_AFTER}"
)

CONTEXT = ("联系电话", "电话", "手机", "联系方式", "手机号", "座机", "Tel", "TEL", "电话号码")
LOCAL_CUES = ("电话", "电话号码", "联系方式", "座机", "固话", "Tel", "TEL", "电话号")


class PhoneRecognizer(PatternRecognizer):
    name = "cn_phone"
    label = "PHONE"
    patterns = (
        Pattern("mobile", MOBILE, 0.8),
        Pattern("landline", LANDLINE, 0.6),
        Pattern("service", SERVICE, 0.7),
        Pattern("local", LOCAL, 0.6),
    )
    context = CONTEXT
    context_before = 12
    context_boost = 0.15
    numeric = True
    min_score = 0.55

    def validate(self, candidate: Candidate, text: str) -> bool | None:
        value = candidate.value
        name = candidate.pattern.name
        if other_number_cue(text, candidate.start, 8):
            return False  # 执法证号：13011001227 is a badge number
        if name == "mobile":
            if value.startswith("0086"):
                value = value[4:]
            elif value.startswith("86") and len(value) == 13:
                value = value[2:]
            return len(value) == 11 and value[0] == "1" and value[1] in "3456789"
        if name == "local":
            return _labelled_local(candidate, text)
        if name == "landline":
            main = re.split(
                r"转|分机|ext",
                candidate.text.translate(str.maketrans("０１２３４５６７８９", "0123456789")),
            )[0]
            digits = normalise(main)
            area = 3 if digits.startswith(("010", "02")) else 4
            local = digits[area:]
            # Hyphen-extensions ("0751-8123456-801") leave a longer tail: keep 7-8 digits.
            return len(local) in (7, 8) or (len(local) > 8 and "-" in main[area + 2 :]) or None
        return True

    def score(self, candidate: Candidate, valid: bool | None, word: str | None) -> float:
        base = {"mobile": 0.9, "landline": 0.75, "service": 0.8, "local": 0.7}[
            candidate.pattern.name
        ]
        return min(0.99, base + (0.09 if word else 0.0))

    def role(self, candidate: Candidate, text: str) -> Role | None:
        if candidate.pattern.name == "service":
            return "official"
        role, _ = contact_role(
            text, candidate.start, candidate.end, landline=candidate.pattern.name != "mobile"
        )
        return role  # type: ignore[return-value]

    def explain(self, candidate: Candidate, text: str, valid: bool | None, word: str | None) -> str:
        kind = {
            "mobile": "11 位手机号码",
            "landline": "带区号的固定电话",
            "service": "400/800 服务电话",
            "local": "紧随电话字样的 7-8 位本地号码（未写区号）",
        }
        parts = [kind[candidate.pattern.name]]
        if word:
            parts.append(f"前文有“{word}”")
        if candidate.pattern.name == "service":
            parts.append("企业或机关的服务号码，不属个人信息")
        else:
            _, reason = contact_role(
                text, candidate.start, candidate.end, landline=candidate.pattern.name != "mobile"
            )
            parts.append(reason)
        return "，".join(parts)


def _labelled_local(candidate: Candidate, text: str) -> bool:
    """A local number counts only when a phone word labels it: right before it (a colon,
    a space or a bracket between) or as the header of its table column."""
    if len(normalise(candidate.text)) not in (7, 8) or door_number(candidate.text):
        return False  # 20-4-1104 under 房号: a flat, not a number without its area code
    before = text[max(0, candidate.start - 12) : candidate.start]
    for cue in LOCAL_CUES:
        pos = before.rfind(cue)
        if pos >= 0 and LOCAL_GAP.search(before[pos + len(cue) :]):
            return True
    return header_context(text, candidate.start, ("电话",)) is not None
