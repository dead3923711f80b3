"""The 区分处理说明 of a document: its 删除台账 (:mod:`pipeline.store.ledger`) written out
for readers outside the office, to accompany a 部分公开 publication or an 依申请公开 reply
(第三十七条: 对不予公开的内容说明理由).

One content, three faces: :func:`explanation` gives the words and the table; the review
app prints them as a page, :func:`to_docx` lays them out as a Word file with the
answer letters' layout (:mod:`pipeline.requests.letters`: A4, GB/T 9704 margins, 仿宋 body,
小标宋 title) and :func:`to_pdf` as a PDF with reportlab and the machine's CJK font
(:mod:`pipeline.fonts`). What was removed is shown masked (王＊＊): the 说明 says where and
why, never what.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from pipeline.fonts import reportlab_cjk_font
from pipeline.reasons import CATEGORIES
from pipeline.requests.letters import BODY_FONT, TITLE_FONT, chinese_date, new_letter, set_font
from pipeline.store.ledger import Ledger

TITLE = "政府信息区分处理说明"
HEADER = ("序号", "删除的内容", "位置", "处数", "删除理由", "依据")


@dataclass(frozen=True)
class Explanation:
    title: str
    opening: str
    rows: list[tuple[str, ...]]  # as HEADER
    articles: list[tuple[str, str]]  # (article, what the 条例 says)
    signatures: list[str]  # 审核人：李审核（2026年12月5日）
    agency: str
    day: str  # 2026年12月5日

    @property
    def lines(self) -> list[str]:
        """The whole 说明 as plain lines (the docx and PDF hold the same words)."""
        rows = ["　".join(row) for row in self.rows]
        laws = [f"{article}：{words}" for article, words in self.articles]
        return [self.title, self.opening, *rows, *laws, *self.signatures, self.agency, self.day]


def explanation(ledger: Ledger, agency: str, day: date | None = None) -> Explanation:
    """The 说明's content from the document's 删除台账."""
    named = f"《{ledger.title}》" + (f"（{ledger.doc_number}）" if ledger.doc_number else "")
    if ledger.rows:
        opening = (
            f"{named}经审查，含有依法不应公开的内容，能够作区分处理。根据《中华人民共和国政府信息"
            f"公开条例》第三十七条，本机关删除了其中 {len(ledger.rows)} 项不应公开的内容后予以"
            f"提供（{ledger.attribute}），现将删除的内容、位置和理由说明如下："
        )
    else:
        opening = f"{named}经审查，未删除任何内容（{ledger.attribute}）。"
    rows: list[tuple[str, ...]] = [
        (
            str(row.number),
            row.masked,
            row.where,
            str(row.places),
            row.reason.text,
            row.reason.cited,
        )
        for row in ledger.rows
    ]
    clauses: dict[str, str] = {}
    for row in ledger.rows:
        category = CATEGORIES.get(row.reason.category)
        if category is not None:
            clauses.setdefault(row.reason.cited, category.clause)
    articles = [(a, clauses[a]) for a in ledger.articles if a in clauses]
    signatures = [f"{s.role}：{s.name}（{chinese_date(s.at.date())}）" for s in ledger.signatures]
    if not ledger.approved:
        signatures.append("审批人：（尚未审批，本说明暂不得对外提供）")
    return Explanation(
        TITLE,
        opening,
        rows,
        [(f"《中华人民共和国政府信息公开条例》{a}", words) for a, words in articles],
        signatures,
        agency,
        chinese_date(day or date.today()),
    )


def to_docx(content: Explanation) -> bytes:
    """The 说明 as a Word file in the letters' layout, the removals as a table."""
    document = new_letter()
    heading = document.add_paragraph()
    heading.alignment = 1  # centre
    set_font(heading.add_run(content.title), TITLE_FONT, 22)
    _indented(document, content.opening)
    if content.rows:
        table = document.add_table(rows=1, cols=len(HEADER))
        table.style = "Table Grid"
        for cell, words in zip(table.rows[0].cells, HEADER, strict=True):
            set_font(cell.paragraphs[0].add_run(words), BODY_FONT, 12, bold=True)
        for row in content.rows:
            cells = table.add_row().cells
            for cell, words in zip(cells, row, strict=True):
                set_font(cell.paragraphs[0].add_run(words), BODY_FONT, 12)
    if content.articles:
        _indented(document, "所依据的条款：")
        for article, words in content.articles:
            _indented(document, f"{article}：{words}")
    for line in content.signatures:
        _indented(document, line)
    for line in (content.agency, content.day):
        paragraph = document.add_paragraph()
        paragraph.alignment = 2  # right
        paragraph.add_run(line)
    properties = document.core_properties
    properties.title, properties.author, properties.last_modified_by = content.title, "", ""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _indented(document: object, text: str) -> None:
    from docx.shared import Pt

    paragraph = document.add_paragraph()  # type: ignore[attr-defined]
    paragraph.paragraph_format.first_line_indent = Pt(32)
    paragraph.add_run(text)


def to_pdf(content: Explanation) -> bytes:
    """The 说明 as an A4 PDF (reportlab, the machine's CJK TrueType font). Raises
    RuntimeError when no CJK font is installed (the Makefile installs one)."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = reportlab_cjk_font()
    if font is None:
        raise RuntimeError("本机没有中文字体（fonts-wqy-zenhei），无法生成 PDF")
    body = ParagraphStyle(
        "body", fontName=font, fontSize=12, leading=20, firstLineIndent=24, wordWrap="CJK"
    )
    cell = ParagraphStyle("cell", fontName=font, fontSize=10, leading=14, wordWrap="CJK")
    title = ParagraphStyle("title", parent=body, fontSize=18, leading=28, alignment=TA_CENTER)
    right = ParagraphStyle("right", parent=body, alignment=TA_RIGHT, firstLineIndent=0)
    story: list[object] = [Paragraph(_escape(content.title), title), Spacer(1, 4 * mm)]
    story.append(Paragraph(_escape(content.opening), body))
    if content.rows:
        data = [[Paragraph(_escape(w), cell) for w in row] for row in [HEADER, *content.rows]]
        widths = [12 * mm, 20 * mm, 44 * mm, 12 * mm, 38 * mm, 30 * mm]  # 156 mm of text
        table = Table(data, colWidths=widths, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                ]
            )
        )
        story += [Spacer(1, 3 * mm), table, Spacer(1, 3 * mm)]
    if content.articles:
        story.append(Paragraph("所依据的条款：", body))
        story += [Paragraph(_escape(f"{a}：{w}"), body) for a, w in content.articles]
    story += [Paragraph(_escape(line), body) for line in content.signatures]
    story += [Spacer(1, 6 * mm), Paragraph(_escape(content.agency), right)]
    story.append(Paragraph(_escape(content.day), right))
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        topMargin=37 * mm,
        bottomMargin=35 * mm,
        leftMargin=28 * mm,
        rightMargin=26 * mm,
        title=content.title,
        author="",
    )
    doc.build(story)
    return out.getvalue()


def _escape(text: str) -> str:
    """reportlab's Paragraph reads a little markup: the text's own <, > and & are text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
