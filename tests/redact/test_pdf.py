"""Redacted PDF copies: no redacted value can be recovered by any reader, the boxes are
black where the glyphs were, and the rest of the page still reads and searches."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pdfplumber
import pikepdf
import pypdfium2 as pdfium
import pytest
from pdfminer.high_level import extract_text
from PIL import Image
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import Settings
from pipeline.document import BBox, Document
from pipeline.ingest import ingest_file
from pipeline.labels import REDACTABLE
from pipeline.metadata import extract_metadata
from pipeline.redact.docx import RedactionLeak
from pipeline.redact.pdf import PRODUCER, all_occurrences, redact_pdf
from pipeline.redact.spans import Redaction
from pipeline.scan import analyse
from tests.conftest import DEVSET, SAMPLES, need
from tests.fixtures.libreoffice import convert_with_libreoffice
from tests.fixtures.samples import build_scanned_pdf
from tests.redact.cli import cli_redact

SUBSIDY_PDF = SAMPLES / "大塘镇耕地地力保护补贴公示（第二批）.pdf"
DEVSET_IDS = sorted(p.stem for p in (DEVSET / "docs").glob("*.docx")) if DEVSET.is_dir() else []


@pytest.fixture(scope="session")
def libreoffice_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The devset .docx files made into PDFs by LibreOffice headless, once per session."""
    sources = sorted(need(DEVSET / "docs").glob("*.docx"))
    try:
        made = convert_with_libreoffice(sources, tmp_path_factory.mktemp("libreoffice"))
    except FileNotFoundError:
        pytest.skip("LibreOffice is absent (`make install` installs libreoffice-writer-nogui)")
    return {p.stem: p for p in made}


def _read(path: Path) -> Document:
    document, _data, error = ingest_file(path, Settings())
    assert document is not None, error
    return document


def _gold_values(record: dict[str, Any]) -> set[str]:
    """What the gold marks as personal data or trade secret (names in a 公示名单 the rules
    require to publish excepted)."""
    public = bool(record.get("public_persons"))
    return {
        record["text"][s["start"] : s["end"]]
        for s in record["spans"]
        if s["label"] in REDACTABLE and not (public and s["label"] == "PERSON")
    }


def _decisions(document: Document, record: dict[str, Any]) -> list[Redaction]:
    """Our proposals plus every place the PDF's text holds a gold value, so the copy is
    judged on what the file holds afterwards, also for documents we would withhold."""
    spans = list(analyse(document).redactions)
    for value in _gold_values(record):
        found = [m.start() for m in re.finditer(re.escape(value), document.text)]
        assert found, f"gold value {value!r} is not in the PDF's text"
        spans += [Redaction(start, start + len(value), "GOLD") for start in found]
    return spans


def _decompressed(path: Path, tmp_path: Path) -> bytes:
    """The file with every stream decompressed: qpdf --qdf when installed, else pikepdf."""
    qdf = tmp_path / f"{path.stem}.qdf.pdf"
    if shutil.which("qpdf"):
        subprocess.run(
            [
                "qpdf",
                "--qdf",
                "--object-streams=disable",
                "--decode-level=all",
                str(path),
                str(qdf),
            ],
            check=True,
        )
    else:
        with pikepdf.open(path) as pdf:
            pdf.save(qdf, qdf=True, stream_decode_level=pikepdf.StreamDecodeLevel.all)
    return qdf.read_bytes()


def _printable_runs(data: bytes) -> str:
    """What ``strings`` prints: runs of printable ASCII, plus the UTF-8 and UTF-16BE text."""
    ascii_runs = " ".join(m.decode() for m in re.findall(rb"[\x20-\x7e]{4,}", data))
    return "\n".join(
        [ascii_runs, data.decode("utf-8", errors="ignore"), data.decode("utf-16-be", "ignore")]
    )


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _assert_unrecoverable(copy: Path, values: set[str], tmp_path: Path) -> None:
    with pdfplumber.open(copy) as pdf:
        plumber_text = _squeeze("".join(page.extract_text() or "" for page in pdf.pages))
        plumber_chars = _squeeze("".join(c["text"] for page in pdf.pages for c in page.chars))
        metadata = json.dumps(pdf.metadata, ensure_ascii=False, default=str)
    miner_text = _squeeze(extract_text(str(copy)))
    strings = _printable_runs(_decompressed(copy, tmp_path))
    for value in values:
        squeezed = _squeeze(value)
        assert squeezed not in plumber_text, f"pdfplumber text holds {value}"
        assert squeezed not in plumber_chars, f"pdfplumber chars hold {value}"
        assert squeezed not in miner_text, f"pdfminer text holds {value}"
        assert value not in strings, f"the decompressed file holds {value}"
        assert value not in metadata, f"the metadata holds {value}"


def _check_devset_pdf(source: Path, record: dict[str, Any], tmp_path: Path) -> None:
    document = _read(source)
    spans = _decisions(document, record)
    if not spans:
        pytest.skip(f"{source.name}: holds no personal data or trade secret to redact")
    out = tmp_path / f"redacted-{source.name}"
    cli_redact(source, spans, out)
    values = {document.text[s.start : s.end] for s in spans} | _gold_values(record)
    _assert_unrecoverable(out, values, tmp_path)
    with pikepdf.open(out) as pdf:
        assert set(pdf.docinfo.keys()) <= {"/Producer"}
        assert "/Metadata" not in pdf.Root
        assert len(pdf.pages) == document.pages
    # The rest still reads: the copy's title and 文号 are the original's.
    copy = _read(out)
    before, after = extract_metadata(document), extract_metadata(copy)
    assert (after.title, after.doc_number) == (before.title, before.doc_number)


@pytest.mark.parametrize("stem", DEVSET_IDS)
def test_libreoffice_pdf_of_devset_docx_holds_no_redacted_value(
    stem: str,
    libreoffice_pdfs: dict[str, Path],
    devset_records: dict[str, dict[str, Any]],
    tmp_path: Path,
) -> None:
    _check_devset_pdf(libreoffice_pdfs[stem], devset_records[stem], tmp_path)


@pytest.mark.parametrize("stem", DEVSET_IDS)
def test_shipped_devset_pdf_holds_no_redacted_value(
    stem: str, devset_records: dict[str, dict[str, Any]], tmp_path: Path
) -> None:
    _check_devset_pdf(need(DEVSET / "pdf" / f"{stem}.pdf"), devset_records[stem], tmp_path)


def _pixels(path: Path, page: int, dpi: int, folder: Path) -> Any:
    """Page ``page`` rendered to a PNG file in ``folder``, read back in grey levels."""
    pdf = pdfium.PdfDocument(str(path))
    png = folder / f"{path.stem}.page{page}.png"
    pdf[page - 1].render(scale=dpi / 72).to_pil().save(png)
    pdf.close()
    with Image.open(png) as image:
        return image.convert("L")


def _ink(image: Any, box: BBox, dpi: int, shrink: float = 1.0) -> tuple[int, int]:
    """(darkest, lightest) grey level inside ``box`` (in points), ``shrink`` px inside."""
    s = dpi / 72
    region = image.crop(
        (
            int(box.x0 * s + shrink),
            int(box.top * s + shrink),
            int(box.x1 * s - shrink),
            int(box.bottom * s - shrink),
        )
    )
    low, high = region.getextrema()
    return low, high


def test_page_one_is_black_at_every_redacted_glyph_and_unchanged_elsewhere(
    tmp_path: Path,
) -> None:
    document = _read(SUBSIDY_PDF)
    spans = analyse(document).redactions
    assert spans
    out = tmp_path / "copy.pdf"
    out.write_bytes(redact_pdf(document, SUBSIDY_PDF.read_bytes(), spans))
    dpi = 150
    before = _pixels(SUBSIDY_PDF, 1, dpi, tmp_path)
    after = _pixels(out, 1, dpi, tmp_path)
    assert document.char_boxes is not None
    glyphs = 0
    for span in all_occurrences(document.text, spans):
        for index in range(span.start, span.end):
            cb = document.char_boxes[index]
            if cb is None or cb.page != 1 or document.text[index].isspace():
                continue
            glyphs += 1
            assert _ink(before, cb.box, dpi)[0] < 128, "the original has ink there"
            assert _ink(after, cb.box, dpi, shrink=0)[1] < 40, f"glyph {index} is not black"
    assert glyphs > 50
    # A kept line (the title) looks as before: same ink, no box.
    title = document.text.index("耕地地力保护补贴")
    for index in range(title, title + 8):
        cb = document.char_boxes[index]
        assert cb is not None
        assert _ink(after, cb.box, dpi)[1] > 200  # white paper around the glyph
        assert _ink(after, cb.box, dpi)[0] < 128  # and the glyph's ink


def test_kept_text_of_a_rasterised_page_still_searches(tmp_path: Path) -> None:
    document = _read(SUBSIDY_PDF)
    spans = analyse(document).redactions
    out = tmp_path / "copy.pdf"
    out.write_bytes(redact_pdf(document, SUBSIDY_PDF.read_bytes(), spans))
    with pdfplumber.open(out) as pdf:
        page_one = _squeeze(pdf.pages[0].extract_text() or "")
        assert len(pdf.pages[0].images) == 1  # the page is now one image …
    assert "耕地地力保护补贴发放对象公示" in page_one  # … with its kept text searchable
    kept = _squeeze(extract_metadata(document).title or "")
    assert kept and kept in page_one


def test_metadata_annotations_outline_and_attachments_are_cleared(tmp_path: Path) -> None:
    document = _read(SUBSIDY_PDF)
    spans = analyse(document).redactions
    name = next(document.text[s.start : s.end] for s in spans if s.label == "ID_CARD")
    with pikepdf.open(SUBSIDY_PDF) as pdf:
        pdf.docinfo["/Author"] = name
        page = pdf.pages[-1]
        note = pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Text,
            Rect=[10, 10, 30, 30],
            Contents=pikepdf.String(f"核实{name}"),
        )
        link = pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Link,
            Rect=[40, 10, 60, 30],
            A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String("https://www.gov.cn/")),
        )
        page.obj.Annots = pdf.make_indirect(pikepdf.Array([note, link]))
        with pdf.open_outline() as outline:
            outline.root.append(pikepdf.OutlineItem(f"{name}名单", 0))
        pdf.attachments["名单.txt"] = pikepdf.AttachedFileSpec(pdf, name.encode())
        buffer = io.BytesIO()
        pdf.save(buffer)
    source = tmp_path / "annotated.pdf"
    source.write_bytes(buffer.getvalue())
    document = _read(source)
    out = tmp_path / "copy.pdf"
    out.write_bytes(redact_pdf(document, source.read_bytes(), analyse(document).redactions))
    with pikepdf.open(out) as pdf:
        assert dict(pdf.docinfo) == {"/Producer": PRODUCER}
        assert "/Outlines" not in pdf.Root
        assert len(pdf.attachments) == 0
        annots = [a for p in pdf.pages for a in p.obj.get("/Annots", [])]
        assert "/Text" not in [str(a.Subtype) for a in annots]  # the note held the value
    _assert_unrecoverable(out, {name}, tmp_path)


def test_a_leak_fails_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.redact import pdf as module

    document = _read(SUBSIDY_PDF)
    spans = analyse(document).redactions
    monkeypatch.setattr(module, "_replace_page", lambda *args: None)
    with pytest.raises(RedactionLeak):
        redact_pdf(document, SUBSIDY_PDF.read_bytes(), spans)


def test_a_pdf_with_scanned_pages_is_refused_without_ocr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRIAGE_OCR", "0")  # with OCR (the default) such pages are read
    scanned = build_scanned_pdf(tmp_path / "scan.pdf")
    with pikepdf.open(SUBSIDY_PDF) as pdf, pikepdf.open(scanned) as scan:
        pdf.pages.extend(scan.pages)
        pdf.save(tmp_path / "mixed.pdf")
    out = tmp_path / "copy.pdf"
    result = CliRunner().invoke(app, ["redact", str(tmp_path / "mixed.pdf"), "--out", str(out)])
    assert result.exit_code == 2 and "without a text layer" in result.output
    assert not out.exists()


def test_label_style_writes_the_label_into_the_box(tmp_path: Path) -> None:
    document = _read(SUBSIDY_PDF)
    spans = analyse(document).redactions
    out = tmp_path / "copy.pdf"
    out.write_bytes(redact_pdf(document, SUBSIDY_PDF.read_bytes(), spans, style="label"))
    dpi = 150
    after = _pixels(out, 1, dpi, tmp_path)
    first = next(s for s in spans if s.label == "ID_CARD")
    (page, box), *_ = document.boxes_for(first.start, first.end)
    low, high = _ink(after, box, dpi)
    assert page == 1 and low < 40 and high > 200  # black box with white label strokes


def test_cli_refuses_a_withheld_pdf_without_decisions(tmp_path: Path) -> None:
    from tests.fixtures.samples import build_plain_docx

    lines = ["机密★5年", "关于某项目的情况报告", "市领导：", "　　现将有关情况报告如下。"]
    source_docx = build_plain_docx(tmp_path / "secret.docx", lines)
    try:
        (source,) = convert_with_libreoffice([source_docx], tmp_path)
    except FileNotFoundError:
        pytest.skip("LibreOffice is absent (`make install` installs libreoffice-writer-nogui)")
    result = CliRunner().invoke(app, ["redact", str(source), "--out", str(tmp_path / "o.pdf")])
    assert result.exit_code == 1 and "不予公开" in result.output
    assert not (tmp_path / "o.pdf").exists()
