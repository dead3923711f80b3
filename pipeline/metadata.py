"""GB/T 9704-2012 elements of a 公文, read from the layout of its text.

A 公文 has three zones: the 版头 (份号, 密级和保密期限, 紧急程度, 发文机关标志, 发文字号,
签发人), the 主体 (标题, 主送机关, 正文, 附件说明, 发文机关署名, 成文日期, 附注) and the 版记
(抄送机关, 印发机关和印发日期). We classify lines by what they look like rather than by
position alone, so real drafting habits (a title wrapped over two lines, a type line such
as "通　　告" or "行政处罚决定书" above the 发文字号, a signature with two joint issuers, a
date in Chinese numerals, the date printed under the title of a 公报) are read correctly.

A field that the document does not show is ``None``: we never guess. References to other
documents inside the text (（国发〔2018〕41号）) are not this document's 发文字号, so the
发文字号 is only taken from a line that holds little else.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date

from pipeline.document import Document
from pipeline.gongwen import (
    COPY_NUMBER,
    FULLWIDTH_DIGITS,
    INTERNAL_MARK,
    MARKING,
    MARKING_NORMAL,
    OPENNESS_LINE,
    ORGAN_SUFFIX,
    SECRET_LINE,
    SIGNER,
    SPACES,
    URGENCY,
    clean_line,
    compact,
    doc_type_of,
    is_indented,
    is_person_signature,
    is_signature_line,
    looks_like_agency,
    parse_date,
    parse_doc_number,
    split_agencies,
)
from pipeline.metadata_fallbacks import fallback_date, fallback_issuer, header_mark, rejoin_wrapped
from pipeline.metadata_layout import NOT_A_NAME, OUTLINE_HEADING, tidy_layout

# --- the result ------------------------------------------------------------------------


@dataclass
class Metadata:
    """GB/T 9704 elements; ``None`` where the document does not show the element."""

    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    date: str | None = None
    doc_type: str | None = None
    secret_level: str | None = None
    secret_period: str | None = None
    urgency: str | None = None
    disclosure_marking: str | None = None
    addressees: list[str] = field(default_factory=list)
    copy_number: str | None = None
    issuer_mark: str | None = None
    doc_number_parts: dict[str, object] | None = None
    signers: list[str] = field(default_factory=list)
    internal_marking: str | None = None
    cc: list[str] = field(default_factory=list)
    printed_by: str | None = None
    printed_date: str | None = None
    attachments: list[str] = field(default_factory=list)
    # Where ``date`` was read: 成文日期, or (when that line is absent) 落款, 询问时间 …,
    # 起草日期, 讲话日期, 印发日期 (pipeline.metadata_fallbacks).
    date_source: str | None = None

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


# --- line classification -----------------------------------------------------------------

_LABEL_LINE = re.compile(r"^[\u4e00-\u9fff（）()]{2,12}[：:]\s*\S")
_PERIOD_LINE = re.compile(r"^[0-9０-９]{4}\s*年\s*第\s*[0-9０-９一二三四五六七八九十]+\s*期")
_PAREN_DATE_LINE = re.compile(r"^[（(]\s*(.+?)\s*[）)]$")
_CC = re.compile(r"^(抄\s*送|分\s*送|抄\s*报|报|送)\s*[：:]\s*(?P<list>.+)$")
_PRINTED = re.compile(r"^(?P<who>.*?)[ \t\u3000\u00a0]*(?P<date>\S*年\S*月\S*日)\s*印\s*发$")
_PRINTED_MAX = 200  # characters; a real 印发机关和印发日期 line is far shorter
_ATTACHMENT = re.compile(r"^附\s*件\s*[：:]\s*(?P<what>.+)$")
# A handling note above a draft's title ("仅供局党组会议研究，请勿外传"), not the title.
_HANDLING_NOTE = re.compile(
    r"仅供|请勿|会后收回|未经审定|不得外传|第[一二三四五六七八九十]+次修改稿"
)
# A status or batch printed on its own line under the title belongs to it; （节选） does not.
_STATUS_LINE = re.compile(
    r"^[（(](?:讨论稿|征求意见稿|送审稿|草案|修改稿|初稿|试行|暂行|代拟稿|审议稿|"
    r"第[0-9０-９一二三四五六七八九十]{1,3}[批期])[）)]$"
)
_PAIRS = (("《", "》"), ("（", "）"), ("(", ")"), ("“", "”"))


def _head_marks(s: str) -> dict[str, str] | None:
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


def extract_metadata(document: Document | str) -> Metadata:
    """Read the GB/T 9704 elements from a Document (its body) or a text."""
    text = document.body if isinstance(document, Document) else document
    lines = rejoin_wrapped(tidy_layout(text.split("\n")))
    meta = Metadata()
    idx = [i for i, ln in enumerate(lines) if ln.strip(SPACES)]
    if not idx:
        return meta

    # 版头: markings, 发文机关标志, 发文字号 — within the first lines.
    head_limit = idx[min(len(idx) - 1, 14)]
    doc_number_line: int | None = None
    title_start: int | None = None
    consumed: set[int] = set()
    for i in idx:
        if i > head_limit:
            break
        s = clean_line(lines[i])
        marks = _head_marks(s)
        if marks is not None and title_start is None:
            for key, value in marks.items():
                if getattr(meta, key) is None:
                    setattr(meta, key, value)
            consumed.add(i)
            continue
        number = parse_doc_number(s)
        if number is not None and doc_number_line is None:
            meta.doc_number = number.text
            meta.doc_number_parts = number.to_dict()
            signer = SIGNER.search(s)
            if signer:
                meta.signers = [
                    n for n in re.split(r"[ \t\u3000\u00a0、，,]+", signer["names"]) if n
                ]
            doc_number_line = i
            consumed.add(i)
            continue
        signer = SIGNER.search(s)
        if signer and not meta.signers:
            meta.signers = [n for n in re.split(r"[ \t\u3000\u00a0、，,]+", signer["names"]) if n]
            consumed.add(i)

    _read_title_and_addressees(meta, lines, idx, doc_number_line, consumed)
    if meta.doc_number is None and meta.title:
        # Reprints print the 发文字号 after the title: "…的通知（银发〔2021〕259号）".
        tail = re.search(
            r"[（(]([^（）()]*[〔\[［][12][0-9]{3}[〕\]］][^（）()]*号)[）)]$", meta.title
        )
        number = parse_doc_number(tail.group(1)) if tail else None
        if number is not None:
            meta.doc_number = number.text
            meta.doc_number_parts = number.to_dict()
    meta.doc_type = doc_type_of(meta.title)
    meta.issuer_mark = meta.issuer_mark or header_mark(document)
    _read_signature_and_date(meta, lines, idx)
    _read_endmatter(meta, lines, idx)
    if meta.date is None and (found := fallback_date(lines, idx)) is not None:
        meta.date, meta.date_source = found[0].isoformat(), found[1]
    if meta.issuer is None:
        meta.issuer = fallback_issuer(lines, idx) or meta.printed_by
    return meta


def _is_body_line(line: str) -> bool:
    s = clean_line(line)
    if is_indented(line) and len(s) > 2:
        return True
    return len(s) > 60 or bool(re.search(r"[。；！？]", s[:-1]))


def _unclosed(s: str) -> bool:
    """A title broken inside 《…》 or （…）: the next line continues it."""
    return any(s.count(a) > s.count(b) for a, b in _PAIRS)


def _title_like(s: str) -> bool:
    return "关于" in s or doc_type_of(s) is not None


def _title_candidate(line: str) -> bool:
    s = clean_line(line)
    if not s or _is_body_line(line):
        return False
    if s.endswith(("：", ":")) or _LABEL_LINE.match(s) or _PERIOD_LINE.match(s):
        return False
    if _HANDLING_NOTE.search(s):
        return False
    if parse_date(s) is not None and len(compact(s)) < 16:
        return False
    return not (SIGNER.search(s) or _head_marks(s) is not None or parse_doc_number(s) is not None)


def _read_title_and_addressees(
    meta: Metadata,
    lines: list[str],
    idx: list[int],
    doc_number_line: int | None,
    consumed: set[int],
) -> None:
    # The head ends at the first body paragraph; the addressee line ends the title.
    head: list[int] = []
    for i in idx[:16]:
        if i in consumed:
            head.append(i)
            continue
        s = clean_line(lines[i])
        if _is_body_line(lines[i]) and not _title_like(s):
            break
        head.append(i)
        if s.endswith(("：", ":")) and not _LABEL_LINE.match(s):
            break

    def run_from(start_pos: int) -> tuple[str, int] | None:
        """Join a title wrapped over up to 3 lines starting at head[start_pos]."""
        first = head[start_pos]
        parts = [clean_line(lines[first])]
        last = first
        for pos in range(start_pos + 1, min(start_pos + 4, len(head))):
            joined = "".join(parts)
            nxt = head[pos]
            nxt_s = clean_line(lines[nxt])
            ended = doc_type_of(joined) is not None and not joined.endswith(("关于", "的"))
            if ended and not _unclosed(joined):
                if _STATUS_LINE.match(compact(nxt_s)) and nxt not in consumed:
                    parts.append(nxt_s)
                    last = nxt
                break
            if (not _title_candidate(lines[nxt]) and not _unclosed(joined)) or nxt in consumed:
                break
            if OUTLINE_HEADING.match(nxt_s):
                break
            if looks_like_agency(nxt_s) and doc_type_of(nxt_s) is None and "关于" not in joined:
                break
            parts.append(nxt_s)
            last = nxt
        title = "".join(parts)
        return (title, last) if _title_like(title) or len(parts) == 1 else None

    candidates = [p for p, i in enumerate(head) if i not in consumed and _title_candidate(lines[i])]
    chosen: tuple[str, int] | None = None
    start: int | None = None
    banners: list[int] = []
    after = [p for p in candidates if doc_number_line is not None and head[p] > doc_number_line]
    before = [p for p in candidates if p not in after]
    # Prefer a title after the 发文字号 (the GB/T 9704 place); else a title-like line
    # (关于…的通知, 行政处罚决定书, …公示) that is not just the agency's name.
    for group in (after, before):
        for p in group:
            s = clean_line(lines[head[p]])
            if looks_like_agency(s) and doc_type_of(s) is None and "关于" not in s:
                continue
            if (
                re.fullmatch(r"[\u4e00-\u9fff]{1,3}(?:[ \u3000]+[\u4e00-\u9fff]{1,3})+", s)
                and len(compact(s)) <= 6
            ):
                banners.append(p)  # "通　　告" above the real title, or "询 问 笔 录" alone
                continue
            result = run_from(p)
            if result and _title_like(result[0]):
                chosen, start = result, p
                break
        if chosen:
            break
    if chosen is None and banners:
        chosen, start = (clean_line(lines[head[banners[0]]]), head[banners[0]]), banners[0]
    if chosen is None:
        for p in candidates:
            s = clean_line(lines[head[p]])
            if not looks_like_agency(s):
                chosen, start = run_from(p), p
                break
    if chosen is not None and start and start >= 2 and chosen[0].startswith("关于"):
        # Under the 版头 and 发文字号, "成都市成华区人民政府办公室" on one line and
        # "关于印发…的通知" on the next are one title; the 版头 itself is not part of it.
        above = head[start - 1]
        s = clean_line(lines[above])
        if (
            above not in consumed
            and above == idx[idx.index(head[start]) - 1]
            and looks_like_agency(s)
            and not compact(s).endswith("文件")
            and doc_type_of(s) is None
        ):
            chosen = (s + chosen[0], chosen[1])
    if chosen is not None:
        meta.title = chosen[0]
        end = chosen[1]
        for i in idx:
            if i <= end:
                continue
            s = clean_line(lines[i])
            if s.endswith(("：", ":")) and not is_indented(lines[i]) and len(s) < 200:
                meta.addressees = [
                    a for a in (clean_line(x) for x in re.split(r"[，,；;]", s[:-1])) if a
                ]
            break
    for i in head:
        s = clean_line(lines[i])
        if i in consumed or (chosen and i >= head[0] and s in (meta.title or "")):
            continue
        if (
            meta.issuer_mark is None
            and (s.endswith("文件") or looks_like_agency(s))
            and doc_type_of(s) is None
        ):
            meta.issuer_mark = s
            break


def _read_signature_and_date(meta: Metadata, lines: list[str], idx: list[int]) -> None:
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
        if rest:
            continue
        candidates.append((i, value))

    position = {line_no: pos for pos, line_no in enumerate(idx)}

    def signature_above(i: int) -> list[str]:
        names: list[str] = []
        pos = position[i]
        for j in reversed(idx[max(0, pos - 4) : pos]):
            if not is_signature_line(lines[j]) or NOT_A_NAME.search(lines[j]):
                break
            parts = split_agencies(lines[j])
            if is_person_signature(parts):
                continue  # the signatory of a 令 is a person, not the issuing organ
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
            if who and looks_like_agency(who):
                meta.date, meta.date_source = found[0].isoformat(), "落款"
                meta.issuer = meta.issuer or "、".join(split_agencies(who))
                break
    if meta.issuer is None:
        meta.issuer = _issuer_fallback(meta)


def _issuer_fallback(meta: Metadata) -> str | None:
    if meta.issuer_mark:
        mark = re.sub(r"文\s*件$", "", compact(meta.issuer_mark))
        if mark and ORGAN_SUFFIX.search(mark):
            return mark
    if meta.title and "关于" in meta.title:
        prefix = meta.title.split("关于", 1)[0]
        if prefix and ORGAN_SUFFIX.search(prefix):
            return prefix
    return None


def _read_endmatter(meta: Metadata, lines: list[str], idx: list[int]) -> None:
    """附注 marking, 抄送, 印发机关和印发日期, 附件 list."""
    for pos, i in enumerate(idx):
        s = clean_line(lines[i])
        m = MARKING.search(s)
        if (
            m
            and len(compact(s)) - len(compact(m.group(0))) <= 2
            and meta.disclosure_marking is None
        ):
            meta.disclosure_marking = MARKING_NORMAL.get(compact(m["what"]), compact(m.group(0)))
            continue
        openness = OPENNESS_LINE.match(s)
        if openness and meta.disclosure_marking is None:
            meta.disclosure_marking = MARKING_NORMAL[compact(openness["what"])]
            continue
        cc = _CC.match(compact(s))
        if cc and not meta.cc and i > idx[len(idx) // 2]:
            meta.cc = [c for c in re.split(r"[，,、；;。]", cc["list"]) if c]
            continue
        # Only a short line ending in 发 can be the 印发 line: the pattern backtracks
        # quadratically over a long line without spaces (a 30,000-character line: 2.3 s).
        printed = _PRINTED.match(s) if s.endswith("发") and len(s) <= _PRINTED_MAX else None
        if printed:
            when = parse_date(printed["date"])
            meta.printed_date = when[0].isoformat() if when else None
            meta.printed_by = clean_line(printed["who"]) or None
            continue
        att = _ATTACHMENT.match(s)
        if att and not meta.attachments:
            meta.attachments = [clean_line(att["what"])]
            for j in idx[pos + 1 :]:
                nxt = clean_line(lines[j])
                if re.match(r"^[0-9０-９]+\s*[.．、]", nxt) and len(nxt) < 80:
                    meta.attachments.append(nxt)
                else:
                    break
