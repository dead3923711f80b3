"""Page images for reviewers: a page of a PDF or image file rendered from its bytes, with
the boxes the copy will black out drawn over it (outlined, the text still legible).

Everything is in the character boxes' frame — PDF points, origin at the top left of the
page's crop box as pdfplumber gives it (for an image file: pixels × 72 / its dpi) — so a
box a reviewer drags on the picture is stored in the very units the redactor paints
(:class:`~pipeline.redact.spans.Area`) and the proposals line up with what OCR read.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image, ImageDraw

from pipeline.document import BBox, Document
from pipeline.ingest.page_images import image_frames
from pipeline.redact.pdf import all_occurrences, page_boxes
from pipeline.redact.spans import Redaction

VIEW_DPI = 100  # an A4 page is 827 × 1169 pixels: legible, ~150 KB as PNG
PAGED_FORMATS = ("pdf", "image")
_MAX_PIXELS = 1 << 31  # the file was read under the configured limit at intake


@dataclass(frozen=True, slots=True)
class PageFrame:
    """A page's extent in the character boxes' frame (points)."""

    number: int
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top


def page_frames(data: bytes, fmt: str | None) -> list[PageFrame]:
    """The pages of a PDF (crop boxes, as the reader placed characters on them) or of an
    image file (its pictures at their resolution); empty for other formats."""
    if fmt == "pdf":
        import pdfplumber

        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return [PageFrame(p.page_number, *(float(v) for v in p.cropbox)) for p in pdf.pages]
    if fmt == "image":
        return [
            PageFrame(n, 0.0, 0.0, image.width * 72 / dpi, image.height * 72 / dpi)
            for n, (image, dpi) in enumerate(image_frames(data, "", _MAX_PIXELS), 1)
        ]
    return []


def span_boxes(document: Document, spans: Sequence[Redaction]) -> dict[int, list[BBox]]:
    """Per page, the padded boxes the redactor blacks out for ``spans`` (every
    occurrence of their values, as the copy removes them)."""
    found = page_boxes(document, all_occurrences(document.text, spans))
    return {page: [pb.box for pb in boxes] for page, boxes in found.items()}


def render_page(
    data: bytes, fmt: str | None, frame: PageFrame, boxes: Sequence[BBox], dpi: int = VIEW_DPI
) -> bytes:
    """The page as a PNG at ``dpi`` with ``boxes`` outlined in red over a light tint."""
    scale = dpi / 72
    if fmt == "pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(data)
        try:
            page = pdf[frame.number - 1]
            image = page.render(scale=scale, draw_annots=False).to_pil().convert("RGB")
            page.close()
        finally:
            pdf.close()
    elif fmt == "image":
        picture = image_frames(data, "", _MAX_PIXELS)[frame.number - 1][0]
        size = (max(1, round(frame.width * scale)), max(1, round(frame.height * scale)))
        image = picture.convert("RGB").resize(size, Image.Resampling.LANCZOS)
    else:
        raise ValueError(f".{fmt} 文件没有页面图像")
    tint = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(tint)
    for box in boxes:
        rect = (
            (box.x0 - frame.x0) * scale,
            (box.top - frame.top) * scale,
            (box.x1 - frame.x0) * scale,
            (box.bottom - frame.top) * scale,
        )
        draw.rectangle(rect, fill=(220, 30, 30, 60), outline=(200, 0, 0, 255), width=2)
    out = io.BytesIO()
    Image.alpha_composite(image.convert("RGBA"), tint).convert("RGB").save(
        out, "PNG", optimize=False
    )
    return out.getvalue()
