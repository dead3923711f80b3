"""Review copies: what the machine proposes, marked up in the file itself for reviewers.

Nothing is removed here. Every proposed redaction is highlighted (yellow) and every
other finding a reviewer should see — a 密级 marking, internal process content, an
official's number that stays public — is highlighted in green, each with a note saying
what it is, why it was flagged and on which article of the 条例; the copy is stamped
审核稿 不得公开 with the suggested attribute, so it cannot pass for a publishable one.

- txt: the text with each mark bracketed and numbered, the notes listed at the end;
- docx: highlighted runs (split where a mark begins or ends, formatting kept) with a
  Word comment per mark in the body, the stamp in every header and atop the body;
- pdf: highlight annotations (with appearance streams, so every viewer shows them)
  carrying the note, and the stamp drawn at the top of every page.
"""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import docx
import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from pipeline.decide import Suggestion
from pipeline.document import BBox, Document
from pipeline.finding import Finding
from pipeline.fonts import reportlab_cjk_font
from pipeline.labels import label_name
from pipeline.redact.docx import value_pieces
from pipeline.redact.spans import Redaction
from pipeline.redact.txt import encode_like_source

STAMP = "审核稿 不得公开"
AUTHOR = "公开审"
REDACT_RGB = (1.0, 0.92, 0.0)
HINT_RGB = (0.55, 0.95, 0.55)


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted span: ``redact`` is a proposed redaction, otherwise a hint."""

    start: int
    end: int
    label: str
    redact: bool
    note: str


def review_marks(
    text: str, findings: Sequence[Finding], redactions: Sequence[Redaction]
) -> list[Mark]:
    """Marks for the proposed redactions (with the explanations of the findings inside
    them) and for every finding outside them, in text order."""
    marks = []
    for r in redactions:
        inside = [f for f in findings if r.start <= f.start and f.end <= r.end]
        why = "；".join(dict.fromkeys(f.explanation for f in inside)) or "审核人员标注"
        marks.append(
            Mark(
                r.start,
                r.end,
                r.label,
                True,
                f"拟删除 · {label_name(r.label)} · {r.legal_basis} · {why}",
            )
        )
    for f in findings:
        if any(r.start < f.end and f.start < r.end for r in redactions):
            continue
        kept = "保留公开（机关或公职信息）" if f.role == "official" else "提示，不删除"
        marks.append(
            Mark(
                f.start, f.end, f.label, False, f"{kept} · {label_name(f.label)} · {f.explanation}"
            )
        )
    return sorted(marks, key=lambda m: (m.start, -m.end))


def banner(suggestion: Suggestion, marks: Sequence[Mark]) -> str:
    """The stamp line: 审核稿 不得公开 · 建议：部分公开（第十五条、第三十七条）· 拟删除 3 处."""
    basis = "、".join(suggestion.legal_basis)
    parts = [STAMP, f"建议：{suggestion.attribute}（{basis}）"]
    redactions = sum(m.redact for m in marks)
    if redactions:
        parts.append(f"拟删除 {redactions} 处")
    if suggestion.needs_escalation:
        parts.append("须报保密工作部门确定")
    return " · ".join(parts)


# --- txt ---------------------------------------------------------------------------


def review_txt(document: Document, data: bytes, marks: Sequence[Mark], stamp: str) -> bytes:
    """The text with each mark as 〖value〗[n], the stamp first and the notes last, in the
    source's encoding and line ends."""
    out, notes, pos = [f"【{stamp}】", "", ""], [], 0
    body: list[str] = []
    for n, mark in enumerate(_outermost(marks), 1):
        body.append(document.text[pos : mark.start])
        body.append(f"〖{document.text[mark.start : mark.end]}〗[{n}]")
        notes.append(f"[{n}] {mark.note}")
        pos = mark.end
    body.append(document.text[pos:])
    out[2] = "".join(body)
    text = "\n".join([*out, "", "—— 审核批注 ——", *notes]) + "\n"
    return encode_like_source(document, data, text)


def _outermost(marks: Iterable[Mark]) -> list[Mark]:
    """Marks that do not overlap an earlier one (the earlier, longer mark wins)."""
    kept: list[Mark] = []
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if not kept or mark.start >= kept[-1].end:
            kept.append(mark)
    return kept


# --- docx --------------------------------------------------------------------------


def review_docx(data: bytes, text: str, marks: Sequence[Mark], stamp: str) -> bytes:
    """The .docx with every mark highlighted — body, tables, text boxes, headers, footers,
    foot- and endnotes — and commented where Word takes comments (body paragraphs outside
    text boxes); stamped in every header and atop the body."""
    document = docx.Document(io.BytesIO(data))
    values = _mark_values(text, marks)
    for paragraph, in_text_box in _paragraphs(document.element.body, document._body):
        for runs, mark in _mark_runs(paragraph, values):
            _highlight_runs(runs, mark)
            if not in_text_box:
                document.add_comment(runs, text=mark.note, author=AUTHOR, initials="GK")
    for section_number, section in enumerate(document.sections):
        headers = [section.header]
        if section.different_first_page_header_footer:
            headers.append(section.first_page_header)
        if document.settings.odd_and_even_pages_header_footer:
            headers.append(section.even_page_header)
        for part in (*headers, section.footer):
            if part.is_linked_to_previous and section_number > 0:
                continue
            for paragraph, _ in _paragraphs(part._element, part):
                for runs, mark in _mark_runs(paragraph, values):
                    _highlight_runs(runs, mark)
        for header in headers:
            if not (header.is_linked_to_previous and section_number > 0):
                _stamp_paragraph(header.paragraphs[0].insert_paragraph_before(), STAMP)
    for rel in document.part.rels.values():
        if rel.is_external or not rel.reltype.endswith(("/footnotes", "/endnotes")):
            continue
        notes = rel.target_part
        root = parse_xml(notes.blob)
        for paragraph, _ in _paragraphs(root, document._body):
            for runs, mark in _mark_runs(paragraph, values):
                _highlight_runs(runs, mark)
        notes._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    first = document.add_paragraph()
    _stamp_paragraph(first, stamp)
    document.element.body.insert(0, first._p)
    document.core_properties.keywords = STAMP
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _paragraphs(root: Any, parent: Any) -> Iterator[tuple[Paragraph, bool]]:
    """Every paragraph under ``root`` (tables and text boxes included), and whether it is
    inside a text box."""
    box = qn("w:txbxContent")
    for p in root.iter(qn("w:p")):
        yield Paragraph(p, parent), any(a.tag == box for a in p.iterancestors())


def _highlight_runs(runs: Sequence[Run], mark: Mark) -> None:
    colour = WD_COLOR_INDEX.YELLOW if mark.redact else WD_COLOR_INDEX.BRIGHT_GREEN
    for run in runs:
        run.font.highlight_color = colour


def _stamp_paragraph(paragraph: Paragraph, text: str) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold = True
    run.font.size = Pt(14)
    run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)


def _mark_values(text: str, marks: Sequence[Mark]) -> list[tuple[str, Mark]]:
    """Each mark's text split where paragraphs or cells join, longest first."""
    found: dict[str, Mark] = {}
    for mark in _outermost(marks):
        for piece in value_pieces(text, mark.start, mark.end):
            found.setdefault(piece, mark)
    return sorted(found.items(), key=lambda kv: -len(kv[0]))


_PLAIN_RUN = {"rPr", "t", "tab", "br", "cr", "noBreakHyphen", "softHyphen"}


def _mark_runs(
    paragraph: Paragraph, values: Sequence[tuple[str, Mark]]
) -> list[tuple[list[Run], Mark]]:
    """Split the paragraph's runs where marks begin and end; the runs of each mark."""
    runs = _runs_of(paragraph)
    full = "".join(r.text for r in runs)
    matches: list[tuple[int, int, Mark]] = []
    for value, mark in values:
        for m in re.finditer(re.escape(value), full):
            if all(m.end() <= a or b <= m.start() for a, b, _ in matches):
                matches.append((m.start(), m.end(), mark))
    if not matches:
        return []
    cuts = {p for a, b, _ in matches for p in (a, b)}
    offset = 0
    for run in runs:
        text = run.text
        inner = sorted(c - offset for c in cuts if offset < c < offset + len(text))
        if inner and _plain(run):
            for cut, piece_end in zip([0, *inner], [*inner, len(text)], strict=True):
                if cut == 0:
                    run.text = text[:piece_end]
                    last = run
                else:
                    last = _insert_run_after(last, text[cut:piece_end])
        offset += len(text)
    runs = _runs_of(paragraph)
    spans, offset = [], 0
    for run in runs:
        spans.append((offset, offset + len(run.text), run))
        offset += len(run.text)
    out = []
    for a, b, mark in sorted(matches, key=lambda m: m[0]):
        covered = [run for s, e, run in spans if s < b and a < e]
        if covered:
            out.append((covered, mark))
    return out


def _runs_of(paragraph: Paragraph) -> list[Run]:
    """The paragraph's visible runs in order: direct ones and those inside tracked
    insertions, hyperlinks and smart tags (``paragraph.runs`` has the direct ones only);
    not deleted text, not the runs of nested text-box paragraphs."""
    p = paragraph._p
    found = []
    for r in p.iter(qn("w:r")):
        holder = r.getparent()
        while holder is not None and holder is not p and holder.tag not in _NOT_VISIBLE:
            holder = holder.getparent()
        if holder is p:
            found.append(Run(r, paragraph))
    return found


_NOT_VISIBLE = {qn("w:del"), qn("w:moveFrom"), qn("w:p")}


def _plain(run: Run) -> bool:
    """A run of text only (no drawing, field or object), which can be split safely."""
    return all(etree.QName(child).localname in _PLAIN_RUN for child in run._r)


def _insert_run_after(run: Run, text: str) -> Run:
    element = copy.deepcopy(run._r)
    run._r.addnext(element)
    new = Run(element, run._parent)
    new.text = text
    return new


# --- pdf ---------------------------------------------------------------------------


def review_pdf(document: Document, data: bytes, marks: Sequence[Mark], stamp: str) -> bytes:
    """The PDF with a highlight annotation per mark and line piece, and the stamp on
    every page."""
    pdf = pikepdf.open(io.BytesIO(data))
    rendered = pdfium.PdfDocument(data)
    pages: dict[int, pdfium.PdfPage] = {}
    for mark in marks:
        for page_number, box in document.boxes_for(mark.start, mark.end):
            page = pdf.pages[page_number - 1]
            if page_number not in pages:
                pages[page_number] = rendered[page_number - 1]
            quad = _to_user_space(pages[page_number], box)
            annots = page.obj.get("/Annots")
            if annots is None:
                page.obj.Annots = annots = pdf.make_indirect(pikepdf.Array())
            annots.append(pdf.make_indirect(_highlight(pdf, quad, mark)))
    rendered.close()
    _stamp_pages(pdf, stamp)
    pdf.docinfo["/Subject"] = pikepdf.String(STAMP)
    out = io.BytesIO()
    pdf.save(out, compress_streams=True)
    return out.getvalue()


def _to_user_space(page: pdfium.PdfPage, box: BBox) -> list[float]:
    """The box's four corners in the page's user space (QuadPoints order: upper left,
    upper right, lower left, lower right), through pdfium so rotation and crop apply."""
    import ctypes

    width, height = page.get_size()
    corners = [(box.x0, box.top), (box.x1, box.top), (box.x0, box.bottom), (box.x1, box.bottom)]
    quad: list[float] = []
    crop_x0, crop_top = _crop_origin(page)
    for x, y in corners:
        ux, uy = ctypes.c_double(), ctypes.c_double()
        pdfium_c.FPDF_DeviceToPage(
            page.raw,
            0,
            0,
            round(width * 100),
            round(height * 100),
            0,
            round((x - crop_x0) * 100),
            round((y - crop_top) * 100),
            ctypes.byref(ux),
            ctypes.byref(uy),
        )
        quad += [round(ux.value, 2), round(uy.value, 2)]
    return quad


def _crop_origin(page: pdfium.PdfPage) -> tuple[float, float]:
    """Where the rendered (crop) area starts in pdfplumber's coordinates, which are
    measured from the media box's displayed top-left corner."""
    mx0, my0, mx1, my1 = page.get_mediabox()
    cx0, cy0, cx1, cy1 = page.get_cropbox()
    rotation = page.get_rotation()
    if rotation == 0:
        return cx0 - mx0, my1 - cy1
    if rotation == 180:
        return mx1 - cx1, cy0 - my0
    if rotation == 90:
        return cy0 - my0, cx0 - mx0
    return my1 - cy1, mx1 - cx1


def _highlight(pdf: pikepdf.Pdf, quad: list[float], mark: Mark) -> pikepdf.Dictionary:
    xs, ys = quad[0::2], quad[1::2]
    rect = [min(xs), min(ys), max(xs), max(ys)]
    rgb = REDACT_RGB if mark.redact else HINT_RGB
    path = (
        f"{quad[0] - rect[0]:.2f} {quad[1] - rect[1]:.2f} m "
        f"{quad[2] - rect[0]:.2f} {quad[3] - rect[1]:.2f} l "
        f"{quad[6] - rect[0]:.2f} {quad[7] - rect[1]:.2f} l "
        f"{quad[4] - rect[0]:.2f} {quad[5] - rect[1]:.2f} l h f"
    )
    appearance = pdf.make_stream(
        f"q /GS0 gs {rgb[0]} {rgb[1]} {rgb[2]} rg {path} Q".encode(),
        Type=pikepdf.Name.XObject,
        Subtype=pikepdf.Name.Form,
        BBox=[0, 0, rect[2] - rect[0], rect[3] - rect[1]],
        Resources=pikepdf.Dictionary(
            ExtGState=pikepdf.Dictionary(
                GS0=pikepdf.Dictionary(Type=pikepdf.Name.ExtGState, BM=pikepdf.Name.Multiply)
            )
        ),
    )
    appearance.Matrix = [1, 0, 0, 1, 0, 0]
    return pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.Highlight,
        Rect=rect,
        QuadPoints=quad,
        C=list(rgb),
        F=4,  # print
        T=pikepdf.String(AUTHOR),
        Subj=pikepdf.String(label_name(mark.label)),
        Contents=pikepdf.String(mark.note),
        AP=pikepdf.Dictionary(N=appearance),
    )


def _stamp_pages(pdf: pikepdf.Pdf, stamp: str) -> None:
    """Draw the stamp in red at the top of every page (an overlay per page size)."""
    from reportlab.pdfgen.canvas import Canvas

    font = reportlab_cjk_font()
    overlays: dict[tuple[float, float], pikepdf.Page] = {}
    keep: list[pikepdf.Pdf] = []
    for page in pdf.pages:
        x0, y0, x1, y1 = (float(v) for v in page.mediabox)
        size = (round(x1 - x0, 2), round(y1 - y0, 2))
        if size not in overlays:
            buffer = io.BytesIO()
            canvas = Canvas(buffer, pagesize=size)
            canvas.setFillColorRGB(0.75, 0, 0)
            canvas.setStrokeColorRGB(0.75, 0, 0)
            if font is not None:
                canvas.setFont(font, 12)
                canvas.drawCentredString(size[0] / 2, size[1] - 22, stamp)
            canvas.rect(6, 6, size[0] - 12, size[1] - 12, stroke=1, fill=0)
            canvas.showPage()
            canvas.save()
            overlay = pikepdf.open(io.BytesIO(buffer.getvalue()))
            keep.append(overlay)
            overlays[size] = overlay.pages[0]
        page.add_overlay(overlays[size], pikepdf.Rectangle(x0, y0, x1, y1))
