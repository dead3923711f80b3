"""Hostile PDFs from the red-team recipes of issue 18, built in the test.

The base document has the ID and the phone after their labels on page 1 (so page 1 is
redacted and rasterised) and harmless text on page 2. The recipes then hide a copy of
the ID where text extraction does not look: drawn by a FreeText annotation's appearance
stream as a hex string (its /Contents harmless), drawn through a font whose
/Differences encoding maps unusual codes to digit glyphs, in a Form XObject the page
never paints, or in a file attached to the PDF (with a JavaScript action beside it).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pikepdf
from reportlab.pdfgen.canvas import Canvas

from pipeline.fonts import reportlab_cjk_font
from tests.hostile.docx_recipes import ID, PHONE

DIGIT_NAMES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def base_pdf(page1: tuple[str, ...] = (f"身份证号：{ID}", f"联系电话：{PHONE}")) -> bytes:
    font = reportlab_cjk_font()
    assert font is not None, "a CJK TrueType font is needed (the Makefile installs it)"
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(595, 842))
    for lines in (
        ("关于耕地地力保护补贴发放情况的公示", *page1),
        ("第二页：公示期为五个工作日。",),
    ):
        canvas.setFont(font, 14)
        for i, line in enumerate(lines):
            canvas.drawString(72, 760 - 28 * i, line)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _helvetica(pdf: pikepdf.Pdf, differences: bool = False) -> pikepdf.Object:
    encoding: pikepdf.Object = pikepdf.Name.WinAnsiEncoding
    if differences:  # codes 0x80–0x89 draw the digit glyphs 0–9
        encoding = pikepdf.Dictionary(
            Type=pikepdf.Name.Encoding,
            BaseEncoding=pikepdf.Name.WinAnsiEncoding,
            Differences=pikepdf.Array([128, *(pikepdf.Name("/" + n) for n in DIGIT_NAMES)]),
        )
    return pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name.Helvetica,
            Encoding=encoding,
        )
    )


def _hex(value: str, differences: bool = False) -> str:
    codes = bytes(0x80 + int(d) for d in value) if differences else value.encode("ascii")
    return "<" + codes.hex() + ">"


def _form(pdf: pikepdf.Pdf, content: str, differences: bool = False) -> pikepdf.Stream:
    stream = pdf.make_stream(content.encode("ascii"))
    stream.Type = pikepdf.Name.XObject
    stream.Subtype = pikepdf.Name.Form
    stream.BBox = pikepdf.Array([0, 0, 300, 40])
    stream.Resources = pikepdf.Dictionary(
        Font=pikepdf.Dictionary(Helv=_helvetica(pdf, differences))
    )
    return stream


def _save(pdf: pikepdf.Pdf) -> bytes:
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def freetext_annotation(differences: bool = False) -> bytes:
    """Page 2 gets a FreeText annotation: /Contents harmless, the ID drawn in its /AP
    normal appearance as a hex string (through a /Differences encoding if asked)."""
    pdf = pikepdf.open(io.BytesIO(base_pdf()))
    appearance = _form(pdf, f"BT /Helv 12 Tf 4 12 Td {_hex(ID, differences)} Tj ET", differences)
    annot = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.FreeText,
            Rect=pikepdf.Array([72, 600, 372, 640]),
            Contents=pikepdf.String("审核意见：无"),
            DA=pikepdf.String("/Helv 12 Tf 0 g"),
            AP=pikepdf.Dictionary(N=pdf.make_indirect(appearance)),
        )
    )
    pdf.pages[1].obj.Annots = pdf.make_indirect(pikepdf.Array([annot]))
    return _save(pdf)


def unpainted_form() -> bytes:
    """Page 2's resources hold a Form XObject drawing the ID that the page never paints."""
    pdf = pikepdf.open(io.BytesIO(base_pdf()))
    page = pdf.pages[1].obj
    form = pdf.make_indirect(_form(pdf, f"BT /Helv 12 Tf 4 12 Td {_hex(ID)} Tj ET"))
    resources = page.Resources
    if "/XObject" not in resources:
        resources.XObject = pikepdf.Dictionary()
    resources.XObject.Hidden = form
    return _save(pdf)


def attachment_and_script() -> bytes:
    """A text file attached to the PDF holds the ID and phone; an OpenAction runs JavaScript."""
    pdf = pikepdf.open(io.BytesIO(base_pdf(("申请材料见附件。",))))
    attached = f"申请人身份证号：{ID}\n联系电话：{PHONE}\n".encode()
    pdf.attachments["申请人信息.txt"] = pikepdf.AttachedFileSpec(
        pdf,
        attached,
        description="",
        filename="申请人信息.txt",
        mime_type="text/plain",
        creation_date="",
        mod_date="",
    )
    pdf.Root.OpenAction = pikepdf.Dictionary(
        S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert('hello');")
    )
    return _save(pdf)


def link_uri() -> bytes:
    """Page 2 gets a link whose URI holds the ID, every character percent-encoded."""
    pdf = pikepdf.open(io.BytesIO(base_pdf()))
    uri = "http://cx.example.gov.cn/q?" + "".join(f"%{b:02X}" for b in f"id={ID}".encode())
    link = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Link,
            Rect=pikepdf.Array([72, 700, 300, 720]),
            A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String(uri)),
        )
    )
    pdf.pages[1].obj.Annots = pdf.make_indirect(pikepdf.Array([link]))
    return _save(pdf)


RECIPES: dict[str, Callable[[], bytes]] = {
    "freetext_hex_appearance": freetext_annotation,
    "freetext_differences_encoding": lambda: freetext_annotation(differences=True),
    "unpainted_form_xobject": unpainted_form,
    "link_uri_percent_encoded": link_uri,
}


def write(folder: Path, name: str) -> Path:
    path = folder / f"{name}.pdf"
    path.write_bytes(RECIPES[name]())
    return path
