"""The 发文机关署名 and the 成文日期 (落款): the date line of the 主体 and the organ names
signed above it (joint issuers one per line or side by side, a signatory of a 令 left
out), or an organ with its date beside it (joint organs stacked above it, or side by
side on its line); for a 公报, the date printed under the title.
Without a signature the issuer is the 发文机关标志, or the organ a 关于-title names."""

from __future__ import annotations

import re
from datetime import date

from pipeline.gongwen import (
    ATTACHMENT_LABEL,
    ORGAN_SUFFIX,
    SPACES,
    clean_line,
    compact,
    doc_type_of,
    is_indented,
    is_person_signature,
    is_signature_line,
    looks_like_agency,
    parse_date,
    split_agencies,
)
from pipeline.metadata_layout import NOT_A_NAME, not_signed
from pipeline.metadata_model import Metadata

# a line that closes a bracket it did not open: the tail of the line above, wrapped
_CLOSED_FIRST = re.compile(r"^[^（(]*[）)]")


def read_signature_and_date(meta: Metadata, lines: list[str], idx: list[int]) -> None:
    """成文日期 and the 发文机关署名 above it; for 公报-style documents, the head."""
    candidates: list[tuple[int, date]] = []
    for i in idx:
        s = clean_line(lines[i])
        if not s or "印发" in s or len(compact(s)) > 20:
            continue
        found = parse_date(s)
        if found is None:
            continue
        value, start, end = found
        rest = (s[:start] + s[end:]).strip(SPACES + "（）()")
        if rest and not _WEEKDAY.fullmatch(rest):  # "2024年3月5日（星期二）"
            continue
        candidates.append((i, value))

    attached = _attachment_start(lines, idx)
    if attached is not None:
        candidates = [(i, value) for i, value in candidates if i < attached]
    position = {line_no: pos for pos, line_no in enumerate(idx)}

    def signature_above(i: int) -> list[str]:
        names: list[str] = []
        pos = position[i]
        for j in reversed(idx[max(0, pos - 4) : pos]):
            unit = edited_unit(clean_line(lines[j]))
            if unit is not None:  # "编印单位：某某局" over the date a PDF wrapped off it
                names[:0] = [unit]
                continue
            if not is_signature_line(lines[j]) or NOT_A_NAME.search(lines[j]):
                break
            if _CLOSED_FIRST.match(clean_line(lines[j])):
                break  # "征求意见稿）": the wrapped tail of the 附件 line above, no name
            if doc_type_of(lines[j]) is not None or compact(lines[j]).endswith("文件"):
                break  # a title line (a 公报's date is printed under its title), a 标志
            if not_signed(lines[j]):
                continue  # a seal's star or text, （此页无正文）, outside the tidied tail
            parts = [name for part in split_agencies(lines[j]) for name in run_together(part)]
            if is_person_signature(parts):
                continue  # the signatory of a 令 is a person, not the issuing organ
            names[:0] = [p for p in parts if p not in names]  # a seal repeats the name
        return names

    def organs_above(i: int) -> list[str]:
        """Joint issuers signed one above the other, the date beside only the last
        ("甲局" / "乙局　　2024年3月5日"): the organs' lines right above line ``i``, each
        of them organs only (a body line above the 落款 is none)."""
        names: list[str] = []
        pos = position[i]
        for j in reversed(idx[max(0, pos - 3) : pos]):
            if not_signed(lines[j]):
                continue
            parts = split_agencies(lines[j]) if is_signature_line(lines[j]) else []
            if not parts or not all(looks_like_agency(p) and len(p) >= 4 for p in parts):
                break
            if doc_type_of(lines[j]) is not None or compact(lines[j]).endswith("文件"):
                break
            names[:0] = parts
        return names

    chosen: tuple[int, date, list[str]] | None = None
    for i, value in candidates:
        names = signature_above(i)
        if names:
            chosen = (i, value, names)
            break
    if chosen is None and candidates:
        i, value = candidates[-1]
        chosen = (i, value, [])
    if chosen is not None:
        meta.date, meta.date_source = chosen[1].isoformat(), "成文日期"
        if chosen[2] and not (chosen[0] < idx[min(3, len(idx) - 1)] and meta.title in chosen[2]):
            names = [n for n in chosen[2] if n != meta.title]
            if names:
                meta.issuer = "、".join(names)
    if meta.date is None:
        # A signature line with the date beside it ("某某办公室　　2024年6月14日").
        for i in idx:
            s = clean_line(lines[i])
            if "印发" in s:
                continue
            found = parse_date(s)
            if found is None or found[2] != len(s):
                continue
            who = clean_line(s[: found[1]])
            who = edited_unit(who) or who  # a 简报's "某某办公室编", "编印单位：某某局"
            parts = split_agencies(who)
            side_by_side = len(parts) > 1 and all(looks_like_agency(p) for p in parts)
            if who and (looks_like_agency(who) or side_by_side):
                meta.date, meta.date_source = found[0].isoformat(), "落款"
                names = [*organs_above(i), *split_agencies(who)]
                meta.issuer = meta.issuer or "、".join(dict.fromkeys(names))
                break
    if meta.issuer is None:
        meta.issuer = _issuer_fallback(meta)


def _attachment_start(lines: list[str], idx: list[int]) -> int | None:
    """Where the 附件 pages start: a flush-left "附件" / "附件2" label alone on a line after
    the body and after a dated line (the 成文日期 they follow, GB/T 9704 7.4). A date
    signed on them (a form's 填报日期, a report another organ signed) is none of this
    document's. The 附件说明 ("　　附件：1．…", or "附件：" over a list) is no such label."""
    body = next((i for i in idx if is_indented(lines[i]) or "。" in lines[i]), None)
    if body is None:
        return None
    dated = False
    for i in idx:
        s = clean_line(lines[i])
        if i <= body:
            continue
        if dated and ATTACHMENT_LABEL.match(s) and not s.endswith(("：", ":")):
            return None if is_indented(lines[i]) else i
        dated = dated or parse_date(s) is not None
    return None


# The unit that edits a 简报 or 信息, named beside its date under the 期号: "某某局编",
# "某某局编印", "编印单位：某某局" — the paper's issuer (it prints no other 落款).
_EDITOR = re.compile(
    r"(?:(?:编印|编辑|编发)(?:单位)?[：:][ \u3000]*)?(?P<organ>[^：:]+?)(?:编印|编辑|编)?"
)


def edited_unit(line: str) -> str | None:
    """The organ a 简报's 编印 line names ("某某局编", "编印单位：某某局"), or None when the
    line is no such line (no 编 word around a name that looks like an organ)."""
    edited = _EDITOR.fullmatch(clean_line(line))
    if edited is None or edited["organ"] == clean_line(line):
        return None
    organ = clean_line(edited["organ"])
    return organ if looks_like_agency(organ) else None


_WEEKDAY = re.compile(r"星期[一二三四五六日天]|周[一二三四五六日]")
# Where a second organ's name starts: a province, city or county, or 中共/国家.
# A second organ's name opens with a place; never with a level word (区, 县 …): "邯郸市丛台"
# + "区城市管理…局" is one name whose place 丛台 ends in 台, no organ's suffix.
_SECOND_ORGAN = re.compile(r"^(?![省市县区州旗盟镇乡])(?:中共|国家|[\u4e00-\u9fff]{2,4}[省市县])")


def run_together(name: str) -> list[str]:
    """Joint issuers side by side whose gap a PDF reader dropped ("…执法局包头市…局"):
    cut where one organ's suffix ends and a second name of six characters or more starts
    with a province, city or county (so "宜昌市生态环境局夷陵区分局" stays one); or
    whose gap shrank to one space ("…办公室　…民政局")."""
    spaced = name.split()
    if len(spaced) > 1 and all(looks_like_agency(p) and len(p) >= 4 for p in spaced):
        return [n for p in spaced for n in run_together(p)]
    for cut in range(4, len(name) - 5):
        first, second = name[:cut], name[cut:]
        if (
            ORGAN_SUFFIX.search(first)
            and _SECOND_ORGAN.match(second)
            and looks_like_agency(first)
            and looks_like_agency(second)
        ):
            return [first, *run_together(second)]
    return [name]


def _issuer_fallback(meta: Metadata) -> str | None:
    if meta.issuer_mark:
        # one organ, or joint ones ("甲局、乙局文件": metadata_head.issuer_mark_of)
        names = re.sub(r"文\s*件$", "", compact(meta.issuer_mark)).split("、")
        # two stacked names a PDF reader took for one wrapped line: cut as in the 落款
        names = [part for name in names for part in run_together(name)]
        if all(name and ORGAN_SUFFIX.search(name) for name in names):
            return "、".join(names)
    if meta.title and "关于" in meta.title:
        prefix = meta.title.split("关于", 1)[0]
        if prefix and ORGAN_SUFFIX.search(prefix):
            return prefix
    return None
