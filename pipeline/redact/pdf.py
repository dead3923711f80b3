"""Redacted copies of PDF files: the redacted glyphs are gone, not covered.

A black rectangle drawn over text that is still in the content stream is the classic
leak (select, copy, paste). We rasterise instead, page by page, only where needed:

- every page holding a redacted character is rendered with pdfium at 200 dpi, the
  padded glyph boxes are painted black on the bitmap, and the page's content and
  resources are *replaced* by that image — the old text, fonts and images of the page
  are no longer referenced and are not written. The characters that stay get an
  invisible text layer at their original places, so the page still searches and copies
  (without the redacted values); pages without redactions keep their vector text;
- values, not offsets, are the unit (as for .docx): a name redacted once is redacted
  wherever the text holds it;
- values are found in every written form (``fold``: spaced, hyphenated, full-width);
- a page without redactions whose streams show a value where text extraction does not
  look (a Form XObject it never paints, a hex string through an odd encoding), or whose
  glyphs cannot all be decoded (``pdf_text``), cannot be proven clean: it is rasterised
  too, without boxes;
- the document information dictionary and XMP metadata are cleared; every annotation
  but links is removed (a FreeText's or stamp's appearance stream draws text nobody
  read), links lose their appearance streams and go if they hold a value, and form
  fields, outline entries that hold a value, attached files, JavaScript, page
  thumbnails and the structure tree (its alternate texts describe the original page)
  are removed; rasterised pages are rendered without annotations;
- the copy is checked before it is returned: text extraction of every page, every
  string object, every text-showing operator of every page, Form XObject and
  appearance stream decoded through its font, and every decompressed non-image stream
  must be free of the values (``find_values``), and every glyph must decode.

Character boxes from pdfplumber undershoot CJK glyphs (the bottoms of digits stay
visible), so boxes are padded: 10 % of their height above, 30 % below, 5 % each side.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import unquote

import pdfplumber
import pikepdf
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont

from pipeline.document import BBox, Document
from pipeline.fold import find_folded, fold, folded_hits
from pipeline.fonts import find_cjk_font, reportlab_cjk_font
from pipeline.labels import placeholder
from pipeline.redact.docx import RedactionLeak, Value, values_of
from pipeline.redact.pdf_text import page_texts
from pipeline.redact.spans import Area, Redaction
from pipeline.redact.txt import Style

DPI = 200
PAD_TOP, PAD_BOTTOM, PAD_SIDE = 0.10, 0.30, 0.05
PRODUCER = "公开审 gongkai-triage (redacted copy)"
# /AF: associated (attached) files of PDF 2.0, beside /Names /EmbeddedFiles.
_DROPPED_ROOT_KEYS = ("/Metadata", "/OpenAction", "/AA", "/AF", "/StructTreeRoot", "/MarkInfo")
_DROPPED_PAGE_KEYS = ("/Thumb", "/PieceInfo", "/StructParents", "/Metadata", "/AA", "/AF")
_REPLACED_PAGE_KEYS = ("/CropBox", "/BleedBox", "/TrimBox", "/ArtBox", "/Rotate", "/Group")


@dataclass(frozen=True, slots=True)
class PageBox:
    """One black box: a padded line piece of a redacted span, with its span's label."""

    box: BBox
    label: str
    first: bool  # the span's first piece carries the label in the ``label`` style


def all_occurrences(text: str, spans: Sequence[Redaction]) -> list[Redaction]:
    """The spans plus every other place the text holds one of their values, in any
    written form."""
    found = list(spans)
    labels = {v.text: v.label for v in values_of(text, spans)}
    for start, end, value in find_folded(text, labels):
        found.append(Redaction(start, end, labels[value]))
    return sorted(set(found), key=lambda r: (r.start, r.end))


def page_boxes(document: Document, spans: Sequence[Redaction]) -> dict[int, list[PageBox]]:
    """Black boxes per 1-based page number, padded to cover whole CJK glyphs."""
    out: dict[int, list[PageBox]] = {}
    for span in spans:
        for n, (page, box) in enumerate(document.boxes_for(span.start, span.end)):
            h = box.bottom - box.top
            padded = BBox(
                box.x0 - PAD_SIDE * h,
                box.top - PAD_TOP * h,
                box.x1 + PAD_SIDE * h,
                box.bottom + PAD_BOTTOM * h,
            )
            out.setdefault(page, []).append(PageBox(padded, span.label, n == 0))
    return out


def kept_characters(
    document: Document, spans: Sequence[Redaction], areas: Sequence[Area] = ()
) -> dict[int, list[tuple[str, BBox]]]:
    """Per page, the characters outside every span and every area (a character an area
    touches goes with it), with their boxes."""
    kept: dict[int, list[tuple[str, BBox]]] = {}
    if document.char_boxes is None:
        return kept
    redacted = bytearray(len(document.text))
    for span in spans:
        redacted[span.start : span.end] = b"\x01" * (span.end - span.start)
    for index, cb in enumerate(document.char_boxes):
        if cb is None or redacted[index] or document.text[index].isspace():
            continue
        box = cb.box
        if any(
            a.page == cb.page and a.overlaps(box.x0, box.top, box.x1, box.bottom) for a in areas
        ):
            continue
        kept.setdefault(cb.page, []).append((document.text[index], box))
    return kept


def area_boxes(document: Document, areas: Sequence[Area], boxes: dict[int, list[PageBox]]) -> None:
    """Add the reviewer's boxes to ``boxes`` (their pages are rasterised with them black)."""
    for area in areas:
        if not 1 <= area.page <= (document.pages or 0):
            raise ValueError(f"框选区域在第 {area.page} 页，文件只有 {document.pages or 0} 页")
        box = BBox(area.x0, area.top, area.x1, area.bottom)
        boxes.setdefault(area.page, []).append(PageBox(box, area.label, True))


def redact_pdf(
    document: Document,
    data: bytes,
    spans: Sequence[Redaction],
    style: Style = "block",
    areas: Sequence[Area] = (),
) -> bytes:
    """The bytes of the redacted copy of the PDF ``data`` (read into ``document``), with
    ``areas`` (boxes a reviewer drew on the page images) black as well."""
    if document.char_boxes is None:
        raise ValueError("the document was not read from a PDF (no character boxes)")
    unread = [w for w in document.warnings if w.get("code") == "partial_text_layer"]
    if unread:
        pages = "、".join(str(n) for n in unread[0].get("pages", []))  # type: ignore[attr-defined]
        raise ValueError(
            f"page(s) {pages} are scanned images without a text layer: what they show was "
            "not read, so it cannot be redacted; OCR the file or export it from the original"
        )
    spans = all_occurrences(document.text, spans)
    values = values_of(document.text, spans)
    boxes = page_boxes(document, spans)
    if values:  # pages that cannot be proven clean are rasterised too, without boxes
        others = [n for n in range(1, (document.pages or 0) + 1) if n not in boxes]
        # (annotations are not looked at: all but links go, and links lose appearances)
        for page in page_texts(data, others, annotations=False):
            if page.unsure or page.hits(v.text for v in values):
                boxes[page.number] = []
    area_boxes(document, areas, boxes)
    kept = kept_characters(document, spans, areas)
    pdf = pikepdf.open(io.BytesIO(data))
    rendered = pdfium.PdfDocument(data)
    with pdfplumber.open(io.BytesIO(data)) as plumber:
        for number, page_box_list in sorted(boxes.items()):
            crop = plumber.pages[number - 1].cropbox
            _replace_page(
                pdf,
                number,
                _render_redacted(rendered[number - 1], page_box_list, crop, style),
                kept.get(number, []),
                crop,
            )
    rendered.close()
    _sanitise(pdf, values, rasterised=bool(boxes))
    out = io.BytesIO()
    pdf.save(
        out,
        compress_streams=True,
        stream_decode_level=pikepdf.StreamDecodeLevel.none,  # keep compressed streams as they are
        object_stream_mode=pikepdf.ObjectStreamMode.generate,
    )
    copy = out.getvalue()
    leaks = find_values(copy, [v.text for v in values])
    if leaks:
        raise RedactionLeak(f"redacted values still in the copy: {leaks}")
    return copy


def _render_redacted(
    page: pdfium.PdfPage,
    page_box_list: Sequence[PageBox],
    crop: tuple[float, float, float, float],
    style: Style,
) -> Image.Image:
    scale = DPI / 72
    # Annotations are not drawn: their appearance streams were not read by the detector.
    image = page.render(scale=scale, draw_annots=False).to_pil().convert("RGB")
    draw = ImageDraw.Draw(image)
    font_path = find_cjk_font() if style == "label" else None
    for pb in page_box_list:
        x0 = (pb.box.x0 - crop[0]) * scale
        y0 = (pb.box.top - crop[1]) * scale
        x1 = (pb.box.x1 - crop[0]) * scale
        y1 = (pb.box.bottom - crop[1]) * scale
        draw.rectangle((x0, y0, x1, y1), fill=(0, 0, 0))
        if font_path and pb.first:
            _draw_label(draw, font_path, placeholder(pb.label), (x0, y0, x1, y1))
    return image


def _draw_label(
    draw: ImageDraw.ImageDraw, font_path: str, text: str, box: tuple[float, float, float, float]
) -> None:
    """The span's label in white inside its black box, shrunk to fit."""
    x0, y0, x1, y1 = box
    size = int((y1 - y0) * 0.6)
    while size > 6:
        font = ImageFont.truetype(font_path, size)
        left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
        if right - left <= x1 - x0:
            draw.text(
                (
                    x0 + (x1 - x0 - (right - left)) / 2 - left,
                    y0 + (y1 - y0 - (bottom - top)) / 2 - top,
                ),
                text,
                font=font,
                fill=(255, 255, 255),
            )
            return
        size -= 1


def _replace_page(
    pdf: pikepdf.Pdf,
    number: int,
    image: Image.Image,
    characters: Sequence[tuple[str, BBox]],
    crop: tuple[float, float, float, float],
) -> None:
    """Swap the page's content for the image plus an invisible text layer, in place (the
    page object keeps its identity, so outline and link destinations still point to it)."""
    width, height = crop[2] - crop[0], crop[3] - crop[1]
    overlay = pikepdf.open(io.BytesIO(_image_page(image, characters, crop, width, height)))
    new = overlay.pages[0]
    page = pdf.pages[number - 1]
    page.obj.Contents = pdf.make_stream(new.obj.Contents.read_bytes())
    page.obj.Resources = pdf.copy_foreign(overlay.make_indirect(new.obj.Resources))
    page.obj.MediaBox = pikepdf.Array([0, 0, width, height])
    for key in (*_REPLACED_PAGE_KEYS, *_DROPPED_PAGE_KEYS, "/Annots"):
        if key in page.obj:
            del page.obj[key]


def _image_page(
    image: Image.Image,
    characters: Sequence[tuple[str, BBox]],
    crop: tuple[float, float, float, float],
    width: float,
    height: float,
) -> bytes:
    """A one-page PDF: the image over the whole page and the kept characters, invisible
    (text render mode 3), each scaled to its original box."""
    from reportlab import rl_config
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    rl_config.useA85 = 0  # binary streams: ASCII85 would cost a third more bytes and time
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), pageCompression=1)
    canvas.drawImage(ImageReader(image), 0, 0, width, height)
    font = reportlab_cjk_font()
    if font is not None:
        text = canvas.beginText()
        text.setTextRenderMode(3)
        for ch, box in characters:
            size = max(box.bottom - box.top, 1.0)
            advance = stringWidth(ch, font, size)
            text.setFont(font, size)
            text.setHorizScale(100.0 * (box.x1 - box.x0) / advance if advance else 100.0)
            text.setTextOrigin(box.x0 - crop[0], height - (box.bottom - crop[1]) + 0.12 * size)
            text.textOut(ch)
        canvas.drawText(text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _strings(obj: object, seen: set[tuple[int, int]] | None = None) -> Iterator[str]:
    """Every string object reachable from ``obj`` (dictionaries and arrays, not streams'
    data), decoded; indirect objects are visited once."""
    seen = set() if seen is None else seen
    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, pikepdf.Object) and item.is_indirect:
            if item.objgen in seen:
                continue
            seen.add(item.objgen)
        if isinstance(item, pikepdf.String):
            yield str(item)
        elif isinstance(item, pikepdf.Array):
            stack.extend(item)
        elif isinstance(item, pikepdf.Dictionary | pikepdf.Stream):
            stack.extend(v for k, v in item.items() if k not in ("/Parent", "/P", "/Dest"))


def _holds(obj: object, values: Sequence[Value]) -> bool:
    keys = [v.text for v in values]
    return any(folded_hits(s, keys) or folded_hits(unquote(s), keys) for s in _strings(obj))


def _sanitise(pdf: pikepdf.Pdf, values: Sequence[Value], rasterised: bool) -> None:
    """Clear metadata, attachments, scripts, form fields, every annotation but links
    (without their appearance streams), and links and outline entries that hold a
    redacted value."""
    root = pdf.Root
    pdf.trailer.Info = pdf.make_indirect(pikepdf.Dictionary(Producer=pikepdf.String(PRODUCER)))
    for key in _DROPPED_ROOT_KEYS:
        structure = key in ("/StructTreeRoot", "/MarkInfo")
        if key in root and (not structure or rasterised or _holds(root[key], values)):
            del root[key]
    if "/Names" in root:
        for key in ("/EmbeddedFiles", "/JavaScript"):
            if key in root.Names:
                del root.Names[key]
    if root.get("/PageMode") == "/UseAttachments":
        del root["/PageMode"]
    if "/AcroForm" in root:  # the fields' values and appearances were not read
        del root["/AcroForm"]
    for page in pdf.pages:
        for key in _DROPPED_PAGE_KEYS:
            if key in page.obj and key != "/StructParents":
                del page.obj[key]
        if "/Annots" not in page.obj:
            continue
        links = [
            a for a in page.obj.Annots if a.get("/Subtype") == "/Link" and not _holds(a, values)
        ]
        for link in links:
            for key in ("/AP", "/AS"):
                if key in link:
                    del link[key]
        page.obj.Annots = pikepdf.Array(links)
    if "/Outlines" in root and _holds(root.Outlines, values):
        del root["/Outlines"]


def find_values(data: bytes, values: Sequence[str]) -> list[str]:
    """``where: value`` for every value recoverable from the PDF ``data``, in any written
    form: in the text of any page (pdfium), in any text-showing operator of any page,
    Form XObject or appearance stream decoded through its font (``pdf_text``; a glyph
    that does not decode is reported too), in any string object (metadata, annotations,
    outline, form fields), or in any decompressed non-image stream as UTF-8, UTF-16BE or
    GB18030 bytes. The tests read the text again with pdfplumber and pdfminer."""
    values = [v for v in dict.fromkeys(values) if fold(v)]
    if not values:
        return []
    leaks: list[str] = []
    rendered = pdfium.PdfDocument(data)
    for number, page in enumerate(rendered, 1):
        text = page.get_textpage().get_text_range()
        leaks.extend(f"page {number} text: {v}" for v in folded_hits(text, values))
    rendered.close()
    for page_text in page_texts(data):
        leaks.extend(f"page {page_text.number} content: {v}" for v in page_text.hits(values))
        leaks.extend(f"page {page_text.number}: {why}" for why in page_text.unsure[:3])
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for s in _strings(pdf.trailer):  # a link's URI may be percent-encoded
            found = set(folded_hits(s, values)) | set(folded_hits(unquote(s), values))
            leaks.extend(f"string object: {v}" for v in values if v in found)
        for obj in pdf.objects:
            if not isinstance(obj, pikepdf.Stream) or obj.get("/Subtype") == "/Image":
                continue
            try:
                raw = obj.read_bytes()
            except pikepdf.PdfError:
                continue
            for v in values:
                encodings = ("utf-8", "utf-16-be", "gb18030")
                if any(f.encode(e) in raw for e in encodings for f in {v, fold(v)}):
                    leaks.append(f"stream {obj.objgen}: {v}")
    return leaks
