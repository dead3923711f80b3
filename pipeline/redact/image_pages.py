"""Redaction of what was read by OCR: scanned PDF pages and image files.

A scanned page holds its values as pixels, so no text check can prove them gone. The
PDF redactor burns the padded character boxes into the page image (as for any page it
rasterises) and writes the page as that image plus an invisible text layer of the kept
characters; here every such page of the copy is rendered again and read by OCR, and a
value still readable there is a leak: nothing is written (the CLI exits 2).

Image files (.png/.jpg/.tif) get the same treatment without a PDF: the boxes are burned
into each page image, the copy is saved in the source's format without any of its
metadata (EXIF, XMP, ICC profile, comments), and every changed page is read again.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence

from PIL import Image, ImageDraw

from pipeline.document import Document
from pipeline.ingest.ocr import recognise
from pipeline.ingest.page_images import DPI, image_frames, render_pdf_page
from pipeline.redact.docx import RedactionLeak, Value, values_of
from pipeline.redact.pdf import all_occurrences, area_boxes, page_boxes
from pipeline.redact.spans import Area, Redaction
from pipeline.redact.txt import Style

_MAX_PIXELS = 1 << 31  # the file was read under the configured limit already


def squeeze(text: str) -> str:
    """What OCR text is compared as: NFKC (full- and half-width alike), no whitespace."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def readable_values(image: Image.Image, values: Sequence[Value]) -> list[str]:
    """The values OCR still reads on ``image``."""
    text = squeeze(recognise(image).text.replace("\n", ""))
    return [v.text for v in values if squeeze(v.text) and squeeze(v.text) in text]


def check_ocr_pages(copy: bytes, document: Document, spans: Sequence[Redaction]) -> None:
    """Read every OCR'd page of the redacted PDF ``copy`` that got black boxes again by
    OCR; raise RedactionLeak when a value is still readable. Pages without boxes are the
    input's pages unchanged: OCR found no value on them the first time."""
    import pypdfium2 as pdfium

    spans = all_occurrences(document.text, spans)
    values = values_of(document.text, spans)
    pages = sorted(set(page_boxes(document, spans)) & set(document.ocr_pages))
    if not values or not pages:
        return
    pdf = pdfium.PdfDocument(copy)
    try:
        leaks: list[str] = []
        for number in pages:
            page = pdf[number - 1]
            image = render_pdf_page(page, DPI)
            page.close()
            leaks.extend(f"page {number} (OCR): {v}" for v in readable_values(image, values))
    finally:
        pdf.close()
    if leaks:
        raise RedactionLeak(f"redacted values still readable on the page image: {leaks}")


def redact_image(
    document: Document,
    data: bytes,
    spans: Sequence[Redaction],
    style: Style = "block",
    areas: Sequence[Area] = (),
) -> bytes:
    """The redacted copy of an image file: boxes (and the reviewer's ``areas``) burned
    in, metadata gone, checked by OCR."""
    del style  # a label drawn on a scan would be read back as text by the next OCR
    spans = all_occurrences(document.text, spans)
    values = values_of(document.text, spans)
    boxes = page_boxes(document, spans)
    drawn = {page: list(found) for page, found in boxes.items()}
    area_boxes(document, areas, drawn)
    frames = image_frames(data, document.source, _MAX_PIXELS)
    pages: list[Image.Image] = []
    leaks: list[str] = []
    for number, (image, dpi) in enumerate(frames, 1):
        page = image.copy()
        scale = dpi / 72
        draw = ImageDraw.Draw(page)
        for pb in drawn.get(number, []):
            box = pb.box
            draw.rectangle(
                (box.x0 * scale, box.top * scale, box.x1 * scale, box.bottom * scale), fill=0
            )
        if number in boxes:
            leaks.extend(f"page {number} (OCR): {v}" for v in readable_values(page, values))
        pages.append(page)
    if leaks:
        raise RedactionLeak(f"redacted values still readable on the image: {leaks}")
    return _save_like(data, pages, [dpi for _, dpi in frames])


def _save_like(data: bytes, pages: list[Image.Image], dpis: list[float]) -> bytes:
    """The pages saved in the source's format, with nothing of its metadata: a fresh image
    carries no EXIF (camera, GPS, author), XMP, comments or ICC profile. A JPEG is written
    at high quality (black stays black); a TIFF keeps all its pages."""
    with Image.open(io.BytesIO(data)) as source:
        fmt = source.format or "PNG"
    out = io.BytesIO()
    first, *rest = pages
    dpi = (round(dpis[0]), round(dpis[0]))
    if fmt == "TIFF":
        first.save(
            out, "TIFF", dpi=dpi, compression="tiff_deflate", save_all=True, append_images=rest
        )
    elif fmt == "JPEG":
        first.save(out, "JPEG", dpi=dpi, quality=92)
    else:
        first.save(out, "PNG", dpi=dpi)
    return out.getvalue()
