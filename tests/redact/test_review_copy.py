"""Review copies: every proposal highlighted with its note, nothing removed, stamped."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
import pdfplumber
import pikepdf
import pypdfium2 as pdfium
from lxml import etree
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import Settings
from pipeline.document import Document
from pipeline.ingest import ingest_file
from pipeline.ingest.pdf import read_pdf
from pipeline.redact.copies import review_copy
from pipeline.redact.review_copy import STAMP, Mark, review_docx, review_marks
from pipeline.scan import Analysis, analyse
from tests.conftest import SAMPLES

SUBSIDY_PDF = SAMPLES / "大塘镇耕地地力保护补贴公示（第二批）.pdf"
NOTICE_DOCX = SAMPLES / "韶府办〔2024〕3号 关于印发内涝防治方案的通知.docx"
SECRET_TXT = SAMPLES / "嘉公发〔2024〕41号 机密通知.txt"
REPLY_TXT = SAMPLES / "清城住建依复〔2024〕31号 答复书（GB18030）.txt"


def _load(path: Path) -> tuple[Document, bytes, Analysis]:
    document, data, error = ingest_file(path, Settings())
    assert document is not None and data is not None, error
    return document, data, analyse(document)


def test_txt_review_copy_marks_every_proposal_and_keeps_all_text() -> None:
    document, data, analysis = _load(REPLY_TXT)
    assert analysis.redactions
    copy = review_copy(
        document, data, analysis.findings, analysis.suggestion, analysis.redactions
    ).decode(document.encoding or "utf-8")
    head, body_and_notes = copy.split("\n", 1)
    assert head.startswith(f"【{STAMP}") and analysis.suggestion.attribute in head
    body, notes = body_and_notes.split("—— 审核批注 ——")
    for r in analysis.redactions:
        assert f"〖{document.text[r.start : r.end]}〗" in body
    assert notes.count("拟删除") == len(analysis.redactions)
    unmarked = re.sub(r"〖(.*?)〗\[\d+\]", r"\1", body).replace("\r\n", "\n").strip()
    assert unmarked == document.text.strip()  # nothing removed, nothing changed


def _highlighted_text(data: bytes) -> str:
    """The text of highlighted runs in every XML part, one paragraph per line."""
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    lines = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if not (name.startswith("word/") and name.endswith(".xml")):
                continue
            root = etree.fromstring(package.read(name))
            by_paragraph: dict[Any, str] = {}
            for r in root.iter(f"{w}r"):
                if r.find(f"{w}rPr/{w}highlight") is None:
                    continue
                p = next(a for a in r.iterancestors() if a.tag == f"{w}p")
                text = "".join(t.text or "" for t in r.findall(f"{w}t"))
                by_paragraph[p] = by_paragraph.get(p, "") + text
            lines.extend(by_paragraph.values())
    return "\n".join(lines)


def test_docx_review_copy_highlights_comments_and_stamps() -> None:
    document, data, analysis = _load(NOTICE_DOCX)
    assert analysis.redactions
    copy_bytes = review_copy(
        document, data, analysis.findings, analysis.suggestion, analysis.redactions
    )
    copy = docx.Document(io.BytesIO(copy_bytes))
    original = docx.Document(str(NOTICE_DOCX))
    assert copy.paragraphs[0].text.startswith(STAMP)
    assert [p.text for p in copy.paragraphs[1:]] == [p.text for p in original.paragraphs]
    # Every proposal is highlighted wherever it is: body, table, tracked insertion, text
    # box, footnote (text in a tracked deletion shows struck through; the release copy
    # drops it).
    highlighted = _highlighted_text(copy_bytes)
    for r in analysis.redactions:
        # a tracked deletion, or text no page shows (properties, link targets …: the
        # release copy removes it; the review copy has nothing on a page to highlight)
        unseen = ("deletion", "property", "hyperlink", "alt_text", "field_code", "custom_xml")
        if all(b.kind in unseen for b in document.blocks_at(r.start, r.end)):
            continue
        assert document.text[r.start : r.end].strip() in highlighted, r
    ours = [c for c in copy.comments if c.author == "公开审"]  # the drafter's stay too
    in_body = [
        r
        for r in analysis.redactions
        if any(
            b.kind in ("paragraph", "table_cell") and b.tracked != "deletion"
            for b in document.blocks_at(r.start, r.end)
        )
    ]
    assert sum("拟删除" in c.text for c in ours) >= len(in_body) > 0
    assert copy.sections[0].header.paragraphs[0].text == STAMP


def test_docx_mark_across_runs_keeps_each_runs_formatting() -> None:
    d = docx.Document()
    p = d.add_paragraph("申请人：")
    p.add_run("陈嘉").bold = True
    p.add_run("豪先生").italic = True
    buffer = io.BytesIO()
    d.save(buffer)
    text = "申请人：陈嘉豪先生"
    mark = Mark(4, 7, "PERSON", True, "拟删除 · 个人姓名")
    copy = docx.Document(io.BytesIO(review_docx(buffer.getvalue(), text, [mark], STAMP)))
    runs = [r for r in copy.paragraphs[1].runs if r.text]  # not the comment reference
    assert [r.text for r in runs] == ["申请人：", "陈嘉", "豪", "先生"]
    assert [r.font.highlight_color is not None for r in runs] == [False, True, True, False]
    assert runs[1].bold and runs[2].italic and runs[3].italic and not runs[3].font.highlight_color
    (comment,) = list(copy.comments)
    assert comment.text == "拟删除 · 个人姓名"


def test_pdf_review_copy_has_a_highlight_with_a_note_per_line_piece(tmp_path: Path) -> None:
    document, data, analysis = _load(SUBSIDY_PDF)
    marks = review_marks(document.text, analysis.findings, analysis.redactions)
    copy = review_copy(document, data, analysis.findings, analysis.suggestion, analysis.redactions)
    with pikepdf.open(io.BytesIO(copy)) as pdf:
        annots = [a for p in pdf.pages for a in p.obj.get("/Annots", [])]
        highlights = [a for a in annots if a.get("/Subtype") == "/Highlight"]
        pieces = sum(len(document.boxes_for(m.start, m.end)) for m in marks)
        assert len(highlights) == pieces > 0
        notes = {str(a.Contents) for a in highlights}
        assert {m.note for m in marks} <= notes
        assert all("/AP" in a for a in highlights)
    with pdfplumber.open(io.BytesIO(copy)) as pdf:
        first = pdf.pages[0].extract_text() or ""
        assert STAMP.replace(" ", "") in first.replace(" ", "")
    # Nothing removed: every proposed value still reads.
    path = tmp_path / "copy.pdf"
    path.write_bytes(copy)
    reread = read_pdf(path, copy, str(path))
    for r in analysis.redactions:
        assert document.text[r.start : r.end] in reread.text
    # The highlight shows: yellow pixels where the first ID number is.
    first_id = next(r for r in analysis.redactions if r.label == "ID_CARD")
    page, box = document.boxes_for(first_id.start, first_id.end)[0]
    image = pdfium.PdfDocument(copy)[page - 1].render(scale=2).to_pil().convert("RGB")
    region = image.crop((int(box.x0 * 2), int(box.top * 2), int(box.x1 * 2), int(box.bottom * 2)))
    colours = region.getcolors(maxcolors=1_000_000) or []
    yellow = sum(n for n, (r, g, b) in colours if r > 200 and g > 180 and b < 100)
    assert yellow > 0.3 * region.width * region.height


def test_cli_review_copy_of_a_withheld_document(tmp_path: Path) -> None:
    out = tmp_path / "review.txt"
    result = CliRunner().invoke(app, ["redact", str(SECRET_TXT), "--out", str(out), "--review"])
    assert result.exit_code == 0, result.output
    document, _data, _analysis = _load(SECRET_TXT)
    text = out.read_bytes().decode(document.encoding or "utf-8")
    assert text.startswith(f"【{STAMP}") and "不予公开" in text.splitlines()[0]
    assert "密级标志" in text  # the marking that withholds it is shown to the reviewer
