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

from pipeline.document import Document
from pipeline.gongwen import (
    MARKING,
    MARKING_NORMAL,
    OPENNESS_LINE,
    SIGNER,
    SPACES,
    blank_doc_number,
    clean_line,
    compact,
    doc_type_of,
    looks_like_agency,
    parse_date,
    parse_doc_number,
)
from pipeline.metadata_fallbacks import (
    fallback_date,
    fallback_issuer,
    header_lead,
    header_mark,
    rejoin_wrapped,
)
from pipeline.metadata_forms import (
    adopted_date,
    drafting_sheet,
    drop_folios,
    letter_mark,
    ocr_title,
    table_title,
    title_after_addressee,
)
from pipeline.metadata_head import head_marks, marks_beside_number, receipt_box
from pipeline.metadata_head_tidy import tidy_head
from pipeline.metadata_layout import tidy_layout
from pipeline.metadata_model import Metadata
from pipeline.metadata_reprint import (
    drop_print_marks,
    opens_with_order,
    order_number,
    order_organ,
    published_rule,
    single_title,
    split_run_on_title,
    split_title_number,
)
from pipeline.metadata_scan import close_ocr_spaces
from pipeline.metadata_signature import read_signature_and_date
from pipeline.metadata_title import read_title_and_addressees
from pipeline.metadata_web import fill_from_table, page_furniture

__all__ = ["Metadata", "extract_metadata"]

# --- 版记 lines ----------------------------------------------------------------------------

_CC = re.compile(r"^(抄\s*送|分\s*送|抄\s*报|报|送)\s*[：:]\s*(?P<list>.+)$")
_PRINTED = re.compile(r"^(?P<who>.*?)[ \t\u3000\u00a0]*(?P<date>\S*年\S*月\S*日)\s*印\s*发$")
_PRINTED_MAX = 200  # characters; a real 印发机关和印发日期 line is far shorter
_ATTACHMENT = re.compile(r"^附\s*件\s*[：:]\s*(?P<what>.+)$")


def pdf_title_spaces(title: str) -> str:
    """A title as the draft typed it, from a PDF's text layer. Word processors draw an
    ordinary space in a 宋体/仿宋 title with the font's space glyph, which the text layer
    maps to U+3000 — every half-width space comes out as an ideographic one, of the same
    width as a real one, so the two cannot be told apart. Inside a title a single space is
    the drafter's half-width one ("2024 年度…", "G15 沈海高速…", "某某市 某某区…"; GB/T
    9704 titles carry no full-width blanks: a letter-spaced title is read as its words
    before this), and the title's gold form keeps it as printed in the draft: one space.
    Runs of two or more blanks are left as they are (a gap the printer set)."""
    return re.sub(r"(?<=[^ \u3000])\u3000(?=[^ \u3000])", " ", title)


def extract_metadata(document: Document | str) -> Metadata:
    """Read the GB/T 9704 elements from a Document (its body) or a text."""
    text = document.body if isinstance(document, Document) else document
    text = "\n".join([*header_lead(document), text])  # a 版头 in the page header first
    pdf = isinstance(document, Document) and document.format == "pdf"
    lines = text.split("\n")
    lines, table = page_furniture(drop_print_marks(lines))  # a web page's chrome, 公开目录
    lines, sheet = drafting_sheet(drop_folios(lines))  # a 发文稿纸 in front of the 正文
    lines = split_run_on_title(lines)
    lines = tidy_head(rejoin_wrapped(tidy_layout(close_ocr_spaces(lines, pdf))))
    for i in receipt_box(lines):
        lines[i] = ""  # the receiving office's 收文 marks: none of this document's elements
    meta = Metadata()
    idx = [i for i, ln in enumerate(lines) if ln.strip(SPACES)]
    if not idx:  # a drafting form alone: its fields are all the paper shows
        meta.title, meta.doc_number = sheet.title, sheet.number
        meta.doc_type = doc_type_of(meta.title)
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
        beside = marks_beside_number(s)
        if beside is not None:  # "特急　　　　某政函〔2024〕12号": the marks, then the number
            for key, value in beside[0].items():
                if getattr(meta, key) is None:
                    setattr(meta, key, value)
            s = beside[1]
        marks = head_marks(s)
        if marks is not None and doc_number_line is not None and set(marks) == {"copy_number"}:
            marks = None  # the 份号 is printed above the 发文字号: digits under it are text
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
                more = _more_signers(lines, idx, i)
                if more is not None:  # names set on under the first (GB/T 9704 7.2.5)
                    meta.signers += more[1]
                    consumed.add(more[0])
            doc_number_line = i
            consumed.add(i)
            continue
        signer = SIGNER.search(s)
        if signer and not meta.signers:
            meta.signers = [n for n in re.split(r"[ \t\u3000\u00a0、，,]+", signer["names"]) if n]
            consumed.add(i)
        if doc_number_line is None and blank_doc_number(s):
            doc_number_line = i  # the number's place, its serial not filled in: no number
            consumed.add(i)

    read_title_and_addressees(meta, lines, idx, doc_number_line, consumed)
    if meta.title and isinstance(document, Document) and document.format == "pdf":
        meta.title = pdf_title_spaces(meta.title)
    if meta.title:  # a reprint's title with its number in brackets after it
        meta.title, own = split_title_number(meta.title)
        if own is not None and meta.doc_number is None:
            meta.doc_number, meta.doc_number_parts = own.text, own.to_dict()
        meta.title = single_title(meta.title)
    if meta.doc_number is None and (order := order_number(lines, idx)) is not None:
        meta.doc_number, meta.issuer = order[0], meta.issuer or order[1]
    meta.issuer = meta.issuer or order_organ(lines, idx)
    if opens_with_order(lines, idx):  # a 令 that 公布s a rule printed after it: the rule
        meta.title = published_rule(lines, idx) or meta.title
    if meta.title is None or letter_mark(meta.title):  # the title set after the 主送
        meta.title = title_after_addressee(lines, idx) or table_title(lines, idx)
    meta.title = sheet.title or ocr_title(meta.title)
    if sheet.number is not None and (own := parse_doc_number(sheet.number)) is not None:
        meta.doc_number, meta.doc_number_parts = own.text, own.to_dict()
    meta.doc_type = doc_type_of(meta.title)
    meta.issuer_mark = meta.issuer_mark or header_mark(document)
    read_signature_and_date(meta, lines, idx)
    _read_endmatter(meta, lines, idx)
    if meta.date is None and (adopted := adopted_date(lines, idx)) is not None:
        meta.date, meta.date_source = adopted.isoformat(), "通过日期"
    if meta.date is None and (found := fallback_date(lines, idx)) is not None:
        meta.date, meta.date_source = found[0].isoformat(), found[1]
    fill_from_table(meta, table)
    if meta.issuer is None:
        meta.issuer = fallback_issuer(lines, idx) or meta.printed_by
    return meta


# A line of names only, as a second 签发人 line sets them: two to four characters each.
_NAMES_LINE = re.compile(r"[\u4e00-\u9fff]{2,4}(?:[ \u3000\u00a0、]+[\u4e00-\u9fff]{2,4})*")
_PLACE_END = re.compile(r"[省市县区州旗盟镇乡村]$")


def _more_signers(lines: list[str], idx: list[int], at: int) -> tuple[int, list[str]] | None:
    """The names under a 签发人 line: with several signers GB/T 9704 (7.2.5) sets them
    left to right and top to bottom, so the names go on on the next line (or a PDF wraps
    them there). Only a line of names that is no title's piece: no type word, no 关于, no
    organ's or place's name. Returns its index and the names."""
    nxt = next((j for j in idx if j > at), None)
    if nxt is None:
        return None
    s = clean_line(lines[nxt])
    names = [n for n in re.split(r"[ \t\u3000\u00a0、]+", s) if n]
    if (
        not _NAMES_LINE.fullmatch(s)
        or doc_type_of(s) is not None
        or looks_like_agency(s)
        or any(_PLACE_END.search(n) or "关于" in n for n in names)
    ):
        return None
    return nxt, names


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
