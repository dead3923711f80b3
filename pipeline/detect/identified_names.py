"""A name followed by the person's own identity number in brackets, after a comma or in the
next cell of a row is a private person's.

A 审批意见, 证明 or 协议 introduces its subject as 潘海波（男，1945年8月出生，公民身份号码
36072119…） — the note closes on the ID. Whatever the sentence calls the person elsewhere
(the title's 关于潘海波同志申请… reads like an appointee's 同志), an official acting in
office is never introduced with a 公民身份号码: the name is private (第十五条). Han names
are read back from the bracket, longest first, a 复姓 for four characters; a title's last
character run into the name (镇长王芳) is not taken for a surname.
"""

from __future__ import annotations

import re

from stdnum.cn import ric

from pipeline.detect.chinese_name import read_name, surnames

ID_NOTE = re.compile(
    r"[（(](?:[男女][，,、])?[^（）()\n]{0,24}?(?:公民身份号码|身份证号码|身份证号|身份证)"
    r"[：:]?[ \u3000]?[1-9][0-9]{16}[0-9Xx]"
    # or the number's field right after a comma: （4）农国庆，身份证号43052419…, an old
    # 15-digit number too
    r"|[，,](?:公民身份号码|身份证号码|身份证号)[：:]?[ \u3000]?[1-9](?:[0-9]{16}[0-9Xx]|[0-9]{14})"
    r"(?![0-9])"
    # or the next cell of a row: 3　游建军　45012220050821939X　串换项目 (checked below)
    r"|(?<=[\u4e00-\u9fff])[\t \u3000]{1,4}(?P<cell>[1-9][0-9]{16}[0-9Xx])(?![0-9])"
)
# What ends the words before a name rather than starting one: a title's or a noun's last
# character (镇长, 网格员, 村民), a particle (的, 是, 与).
NOT_A_START = frozenset("长员人民的是为与和及将由对向给")


def identified_names(text: str) -> list[tuple[int, str]]:
    """(start, name) of every name right before an identity note."""
    single, double = surnames()
    out: list[tuple[int, str]] = []
    for m in ID_NOTE.finditer(text):
        if m.group("cell") and ric.calc_check_digit(m.group("cell")) != m.group("cell")[17].upper():
            continue  # a cell's number is the holder's ID only when its check digit is right
        end = m.start()
        for size in (4, 3, 2):
            start = end - size
            if start < 0:
                continue
            head = text[start:end]
            if size == 4 and head[:2] not in double:
                continue
            if size == 3 and head[0] in NOT_A_START and head[1] in single:
                continue
            if m.group("cell") and start and text[start - 1] not in "\t \u3000\n":
                continue  # a cell's whole name only (厉若兰　女　…: not 兰　女)
            if read_name(text, start, strong=True) == head:
                out.append((start, head))
                break
    return out
