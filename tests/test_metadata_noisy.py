"""Metadata survives the habits of real drafts, applied to every devset document.

Each devset text is re-typeset the way drafts arrive from other offices: title centred
and signature/date right-aligned with spaces, blank lines between paragraphs, trailing
spaces, the date in Chinese numerals or full-width digits, the 发文字号 in other brackets,
the 附注 as a 公开方式 line. The extracted fields must not change (except the 发文字号,
whose printed brackets change with it).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from pipeline.gongwen import parse_date
from pipeline.metadata import extract_metadata

FIELDS = ("title", "doc_number", "issuer", "date", "doc_type", "secret_level", "disclosure_marking")
CN = "〇一二三四五六七八九"


def _cn_number(n: int) -> str:
    if n < 10:
        return CN[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN[tens]) + "十" + (CN[ones] if ones else "")


def _chinese_date(m: re.Match[str]) -> str:
    year = "".join(CN[int(d)] for d in m["y"])
    return f"{year}年{_cn_number(int(m['m']))}月{_cn_number(int(m['d']))}日"


DATE = re.compile(r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日")


def _date_line(lines: list[str], iso: str | None) -> int | None:
    for i, line in enumerate(lines):
        s = line.strip(" \u3000")
        found = parse_date(s)
        if found and found[0].isoformat() == iso and found[1] == 0 and found[2] == len(s):
            return i
    return None


def right_align(text: str, gold: dict) -> tuple[str, dict]:  # type: ignore[type-arg]
    lines = text.split("\n")
    i = _date_line(lines, gold["date"])
    if i is not None:
        lines[i] = "\u3000" * 16 + lines[i]
        j = i - 1
        while j >= 0 and gold["issuer"] and lines[j].strip() and lines[j].strip() in gold["issuer"]:
            lines[j] = "\u3000" * 14 + lines[j]
            j -= 1
    return "\n".join(lines), gold


def centre_title(text: str, gold: dict) -> tuple[str, dict]:  # type: ignore[type-arg]
    lines = text.split("\n")
    title = gold["title"] or ""
    for i, line in enumerate(lines[:8]):
        if line and line in title and len(line) > 3:
            lines[i] = " " * 12 + line
    return "\n".join(lines), gold


def blank_lines_and_trailing_spaces(text: str, gold: dict) -> tuple[str, dict]:  # type: ignore[type-arg]
    return "\n\n".join(line + "  " for line in text.split("\n")), gold


def chinese_numeral_dates(text: str, gold: dict) -> tuple[str, dict]:  # type: ignore[type-arg]
    lines = text.split("\n")
    i = _date_line(lines, gold["date"])
    if i is not None:
        lines[i] = DATE.sub(_chinese_date, lines[i])
    return "\n".join(lines), gold


def fullwidth_dates(text: str, gold: dict) -> tuple[str, dict]:  # type: ignore[type-arg]
    lines = text.split("\n")
    i = _date_line(lines, gold["date"])
    if i is not None:
        lines[i] = lines[i].translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return "\n".join(lines), gold


def square_brackets(text: str, gold: dict) -> tuple[str, dict]:  # type: ignore[type-arg]
    number = gold["doc_number"]
    if not number:
        return text, gold
    changed = number.replace("〔", "[").replace("〕", "]")
    return text.replace(number, changed, 1), {**gold, "doc_number": changed}


def openness_line(text: str, gold: dict) -> tuple[str, dict]:  # type: ignore[type-arg]
    replaced = {
        "（此件公开发布）": "公开方式：主动公开",
        "（此件依申请公开）": "公开方式：依申请公开",
        "（此件不公开）": "公开方式：不予公开",
    }
    for old, new in replaced.items():
        text = text.replace(old, new)
    return text, gold


PERTURBATIONS: dict[str, Callable[[str, dict], tuple[str, dict]]] = {  # type: ignore[type-arg]
    "right-aligned signature": right_align,
    "centred title": centre_title,
    "blank lines, trailing spaces": blank_lines_and_trailing_spaces,
    "Chinese-numeral date": chinese_numeral_dates,
    "full-width date": fullwidth_dates,
    "square brackets": square_brackets,
    "公开方式 line": openness_line,
}


@pytest.mark.parametrize("name", list(PERTURBATIONS))
def test_noisy_variants_keep_metadata(name: str, devset_records: dict) -> None:  # type: ignore[type-arg]
    perturb = PERTURBATIONS[name]
    wrong = []
    for doc_id, record in devset_records.items():
        text, gold = perturb(record["text"], dict(record["metadata"]))
        meta = extract_metadata(text).to_dict()
        wrong += [(doc_id, f, gold[f], meta[f]) for f in FIELDS if meta[f] != gold[f]]
    assert not wrong, wrong[:5]


def test_all_habits_at_once(devset_records: dict) -> None:  # type: ignore[type-arg]
    wrong = []
    for doc_id, record in devset_records.items():
        text, gold = record["text"], dict(record["metadata"])
        for perturb in (
            square_brackets,
            openness_line,
            chinese_numeral_dates,
            right_align,
            centre_title,
            blank_lines_and_trailing_spaces,
        ):
            text, gold = perturb(text, gold)
        meta = extract_metadata(text).to_dict()
        wrong += [(doc_id, f, gold[f], meta[f]) for f in FIELDS if meta[f] != gold[f]]
    assert len(wrong) <= 2, wrong
