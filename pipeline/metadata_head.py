"""The 版头's markings: a line that holds only 份号, 密级★保密期限, 紧急程度 or a work-secret
mark (内部资料 注意保存). Such a line is never a title, and its values go to the metadata."""

from __future__ import annotations

import re

from pipeline.gongwen import (
    COPY_NUMBER,
    FULLWIDTH_DIGITS,
    INTERNAL_MARK,
    RECEIPT_LINE,
    SECRET_LINE,
    SPACES,
    URGENCY,
    clean_line,
    compact,
    doc_type_of,
    looks_like_agency,
    parse_doc_number,
    split_agencies,
)


def head_marks(s: str) -> dict[str, str] | None:
    """If the whole line is 版头 markings (份号, 密级★期限, 紧急程度, 内部资料), return them."""
    found: dict[str, str] = {}
    rest = s
    m = SECRET_LINE.search(rest)
    if m:
        found["secret_level"] = re.sub(r"\s", "", m["level"])
        if m["period"]:
            found["secret_period"] = re.sub(r"\s", "", m["period"].translate(FULLWIDTH_DIGITS))
        rest = rest[: m.start()] + " " + rest[m.end() :]
    m2 = INTERNAL_MARK.search(rest)
    if m2:
        found["internal_marking"] = clean_line(s) if not m else m2.group(0)
        rest = INTERNAL_MARK.sub(" ", rest)
    rest = re.sub(r"([特加平])[ \u3000]+(急)", r"\1\2", rest)  # "特　急" beside the 密级
    tokens = [t for t in re.split(f"[{SPACES}]+", rest) if t]
    for t in tokens:
        if COPY_NUMBER.match(t) and "copy_number" not in found:
            found["copy_number"] = t
        elif URGENCY.match(t):
            found["urgency"] = re.sub(r"\s", "", t)
        elif t in ("注意保存", "注意保管", "★", "☆"):
            continue
        else:
            return None
    return found or None


def _mark_line(s: str) -> bool:
    """A line of the 发文机关标志: organs (side by side or one), with 文件 or without."""
    if doc_type_of(s) is not None:
        return False
    parts = split_agencies(re.sub(r"文\s*件\s*$", "", s))
    return compact(s).endswith("文件") or (bool(parts) and all(map(looks_like_agency, parts)))


def issuer_mark_of(head: list[str]) -> str | None:
    """The 发文机关标志 among the head's lines (markings, 发文字号 and title left out):
    one organ ("某某局文件"), or joint issuers (联合行文) stacked one per line with 文件
    beside the last or on a line of its own, or side by side; joint names are given
    joined with "、" ("甲局、乙局文件"), so the issuer can be read from them."""
    names: list[str] = []
    suffix = ""
    for k, s in enumerate(head):
        if not names and not _mark_line(s):
            continue
        if suffix:  # 文件 set beside the first of stacked names ("甲局　文件" / "乙局")
            if compact(s).endswith("文件") or not _mark_line(s):
                break
            names.append(compact(s))
            continue
        if names and compact(s) != "文件" and not _mark_line(s):
            break
        flat = compact(s)
        if flat.endswith("文件"):
            suffix = "文件"
            s = re.sub(r"文\s*件\s*$", "", s)
        parts = split_agencies(s)
        spaced = [p for p in re.split(f"[{SPACES}]+", s) if p]  # a PDF may keep one space
        if len(spaced) > len(parts) and all(looks_like_agency(p) and len(p) >= 4 for p in spaced):
            parts = spaced
        names += parts if len(parts) > 1 else [compact(s)]
        if suffix and (len(parts) > 1 or k + 1 >= len(head) or len(names) > 1):
            break
    names = list(dict.fromkeys(n for n in names if n))  # a running head repeats the 标志
    if not names:
        return None
    return "、".join(names) + suffix


def marks_beside_number(s: str) -> tuple[dict[str, str], str] | None:
    """A 版头 line holding 份号, 密级 or 紧急程度 and, far to the right, the 发文字号 (the
    信函格式 puts the number at the top right): the marks and the number's text. A PDF
    whose 版头 is drawn in two pieces gives them one space apart, not the typed run."""
    parts = [p for p in re.split(f"[{SPACES}]{{2,}}", s) if p]
    if len(parts) < 2 or parse_doc_number(parts[-1]) is None:
        parts = [p for p in re.split(f"[{SPACES}]+(?=[^{SPACES}]+$)", s) if p]
    if len(parts) < 2 or parse_doc_number(parts[-1]) is None:
        return None
    marks = head_marks(" ".join(parts[:-1]).replace(" ", "\u3000"))
    return (marks, parts[-1]) if marks else None


def receipt_box(lines: list[str], head: int = 10) -> set[int]:
    """The lines of a receiving office's 收文 marks above the 版头 (gongwen.RECEIPT_LINE):
    the box's rows, and for a stamp typed as text its organ's line right above the 收文
    line and its date right under it. Only among the first ``head`` lines and above the
    first that holds a 发文字号, a 标志 (…文件) or a title: the marks sit over the 版头."""
    found: set[int] = set()
    filled = [i for i, line in enumerate(lines[: head + 4]) if line.strip(SPACES)]
    for pos, i in enumerate(filled[:head]):
        s = compact(lines[i])
        if parse_doc_number(s) is not None or s.endswith("文件") or doc_type_of(s) is not None:
            break  # the 版头 or the title: the receiver's marks are all above
        if not RECEIPT_LINE.match(s):
            continue
        found.add(i)
        above = compact(lines[filled[pos - 1]]) if pos else ""
        if above and looks_like_agency(above) and not above.endswith("文件"):
            found.add(filled[pos - 1])  # the stamp's organ: the receiver's name
        if pos + 1 < len(filled):
            below = compact(lines[filled[pos + 1]])
            date_only = re.fullmatch(
                r"[0-9０-９〇○零一二三四五六七八九十年月日.．/\-]{6,14}", below
            )
            if date_only:
                found.add(filled[pos + 1])  # the stamp's date: the day it came in
    return found
