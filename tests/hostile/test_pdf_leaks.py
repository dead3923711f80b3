"""Issue 18, item 2 (and the PDF half of item 9): a PDF keeps a value where text
extraction does not look.

Recipes: a FreeText annotation on a page without redactions, its /Contents harmless and
the ID drawn in its appearance stream as a hex string — directly, or through a font
whose /Differences encoding turns codes 0x80–0x89 into digits; a Form XObject holding
the ID that the page never paints; a text file attached to the PDF beside a JavaScript
action. The redacted copy must hold no value in any stream, string or decoded text, nor on any
page as rendered and read by OCR.
"""

from __future__ import annotations

import io
import time
from pathlib import Path

import pikepdf
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import Settings
from pipeline.ingest import ingest_file
from pipeline.redact.pdf import find_values
from tests.hostile import pdf_recipes as recipes
from tests.hostile.docx_recipes import ID, PHONE
from tests.hostile.leaks import assert_no_value, found, ocr_found

VALUES = (ID, PHONE)
SECONDS = 60


def redact(source: Path, out: Path) -> tuple[int, str, float]:
    started = time.monotonic()
    result = CliRunner().invoke(app, ["redact", str(source), "--out", str(out)])
    return result.exit_code, result.output, time.monotonic() - started


def _page_text(path: Path, number: int) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        return str(document[number - 1].get_textpage().get_text_range())
    finally:
        document.close()


@pytest.mark.parametrize("name", list(recipes.RECIPES))
def test_recipe_copy_holds_no_value_anywhere(name: str, tmp_path: Path) -> None:
    source = recipes.write(tmp_path, name)
    hidden = [h for h in found(source, [ID]) if "page 1" not in h]
    assert hidden, "the recipe must hide the ID outside page 1's text to begin with"
    out = tmp_path / "copy.pdf"
    code, output, seconds = redact(source, out)
    assert code == 0, output
    assert seconds < SECONDS
    assert_no_value(out, VALUES)
    assert "公示期为五个工作日" in _page_text(out, 2)  # page 2's text still searches


@pytest.mark.parametrize("name", list(recipes.RECIPES))
def test_no_value_is_read_by_ocr_on_a_rendered_page_of_the_copy(name: str, tmp_path: Path) -> None:
    """The pages as a reader sees them (rendered with annotations, 200 dpi), read by the
    project's OCR: the source shows the values, the redacted copy none — a rasterised
    page keeps no text to search, only pixels."""
    source = recipes.write(tmp_path, name)
    seen = ocr_found(source, [ID])
    assert "page 1: " + ID in seen  # the oracle reads what is drawn …
    if name.startswith("freetext"):
        assert "page 2: " + ID in seen  # … an annotation's appearance too
    out = tmp_path / "copy.pdf"
    assert redact(source, out)[0] == 0
    assert ocr_found(out, VALUES) == []


def test_an_annotation_is_removed_and_its_page_keeps_its_vector_text(tmp_path: Path) -> None:
    source = recipes.write(tmp_path, "freetext_hex_appearance")
    out = tmp_path / "copy.pdf"
    assert redact(source, out)[0] == 0
    with pikepdf.open(out) as pdf:
        page = pdf.pages[1]
        assert not [a for a in page.obj.get("/Annots", []) if a.get("/Subtype") != "/Link"]
        assert "/Font" in page.Resources  # not rasterised: the annotation went, the text stayed
        assert "/AcroForm" not in pdf.Root


def test_a_page_that_cannot_be_proven_clean_is_rasterised(tmp_path: Path) -> None:
    source = recipes.write(tmp_path, "unpainted_form_xobject")
    out = tmp_path / "copy.pdf"
    assert redact(source, out)[0] == 0
    with pikepdf.open(out) as pdf:
        resources = pdf.pages[1].Resources
        forms = [x for x in resources.get("/XObject", {}).values() if x.get("/Subtype") == "/Form"]
        assert not forms  # the page is now an image and an invisible text layer


@pytest.mark.parametrize("name", ["freetext_hex_appearance", "freetext_differences_encoding"])
def test_the_leak_check_decodes_appearance_streams_through_their_fonts(name: str) -> None:
    data = recipes.RECIPES[name]()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        appearance = pdf.pages[1].Annots[0].AP.N.read_bytes()
    assert b"Tj" in appearance and ID.encode() not in appearance  # a byte search finds nothing …
    leaks = find_values(data, [ID])
    assert "page 2 content: " + ID in leaks  # … the decoding does


def test_attachment_is_scanned_script_warned_and_both_removed(tmp_path: Path) -> None:
    source = tmp_path / "attached.pdf"
    source.write_bytes(recipes.attachment_and_script())
    document, _data, error = ingest_file(source, Settings())
    assert document is not None, error
    warnings = {w["code"]: w for w in document.warnings}
    assert warnings["pdf_attachments"]["attachments"] == ["申请人信息.txt"]
    assert warnings["pdf_attachments"]["unread"] == []
    assert "pdf_javascript" in warnings
    start = document.text.index(ID)
    assert [b.kind for b in document.blocks_at(start, start + len(ID))] == ["attachment"]
    out = tmp_path / "copy.pdf"
    code, output, _seconds = redact(source, out)
    assert code == 0 and "2 span(s)" in output, output
    assert_no_value(out, VALUES)
    with pikepdf.open(out) as pdf:
        assert not pdf.attachments and "/OpenAction" not in pdf.Root


def test_an_attachment_that_is_not_text_is_named_as_unread(tmp_path: Path) -> None:
    pdf = pikepdf.open(io.BytesIO(recipes.base_pdf(("见附件。",))))
    pdf.attachments["名单.xlsx"] = pikepdf.AttachedFileSpec(
        pdf,
        b"PK\x03\x04" + bytes(64),
        description="",
        filename="名单.xlsx",
        mime_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        creation_date="",
        mod_date="",
    )
    source = tmp_path / "xlsx.pdf"
    pdf.save(source)
    document, _data, error = ingest_file(source, Settings())
    assert document is not None, error
    warning = next(w for w in document.warnings if w["code"] == "pdf_attachments")
    assert warning["unread"] == ["名单.xlsx"] and "未读取" in str(warning["message"])
