"""Vehicle plates (GA 36): province abbreviation + issuing-authority letter + 5 characters
(粤F·3K782), new-energy plates of 6 (粤FD62178), 警/学/挂/领 suffixes, 使/领 prefixes.
Masked plates (粤F·5****) do not match, nor the head of a serial code run on by a hyphen
(项目编号 鲁ZC2025-542): a plate ends where it ends, it never carries a "-542" serial."""

from __future__ import annotations

import re

from pipeline.detect.base import Candidate, Pattern, PatternRecognizer

PROVINCE = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
LETTER = "A-HJ-NP-Za-hj-np-z"  # no I or O
DOT = "[·•・.． ]?"
PLATE = re.compile(
    rf"(?<![A-Za-z0-9])(?:[{PROVINCE}][{LETTER}]{DOT}"
    rf"(?:[DFdf][A-HJ-NP-Z0-9]{{5}}|[0-9]{{5}}[DFdf]|[A-HJ-NP-Z0-9]{{4}}[A-HJ-NP-Z0-9挂学警港澳领])"
    rf"|使[0-9]{{6}}|[0-9]{{6}}使|[{PROVINCE}][0-9]{{4,5}}领)(?![A-Za-z0-9])"
)
SERIAL_TAIL = re.compile(r"[-－—_/][0-9A-Za-z]")
CONTEXT = ("车牌号", "车牌", "号牌", "车辆号牌", "牌照", "驾驶", "车辆")


class LicensePlateRecognizer(PatternRecognizer):
    name = "cn_license_plate"
    label = "LICENSE_PLATE"
    patterns = (Pattern("plate", PLATE, 0.75),)
    context = CONTEXT
    context_before = 12
    context_boost = 0.2
    min_score = 0.7

    def validate(self, candidate: Candidate, text: str) -> bool | None:
        if SERIAL_TAIL.match(text, candidate.end):
            return False  # a code's segment (鲁ZC2025-542), not a plate
        tail = re.sub(r"[·•・.． ]", "", candidate.text)[2:]
        # Must contain at least one digit: "粤FABCDE" is not a plate.
        return any(ch.isdigit() for ch in tail)

    def explain(self, candidate: Candidate, text: str, valid: bool | None, word: str | None) -> str:
        kind = (
            "新能源车号牌" if len(re.sub(r"[·•・.． ]", "", candidate.text)) == 8 else "机动车号牌"
        )
        return kind + "格式" + (f"，前文有“{word}”" if word else "") + "，属个人或企业车辆信息"
