"""Image files (.png, .jpg/.jpeg, .tif/.tiff, one page per TIFF frame) read by OCR.

Each picture is a page: its characters get boxes in points at the image's resolution
(200 dpi when the file does not say), laid out by the PDF reader's rules, so an image
and the same page in a scanned PDF give the same text.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pipeline.document import Document
from pipeline.ingest.errors import ErrorCode, IngestError
from pipeline.ingest.page_images import image_frames
from pipeline.ingest.pdf import assemble, layout_page
from pipeline.ingest.scanned import OcrOptions, ocr_images

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")


def read_image(
    path: Path, data: bytes, source: str, options: OcrOptions, max_pixels: int
) -> Document:
    """Read an image file by OCR into a Document with a page box per character."""
    if not options.enabled:
        raise IngestError(
            ErrorCode.NO_TEXT_LAYER,
            f"{source}: an image is read only by OCR, which is turned off (TRIAGE_OCR=0)",
        )
    frames = image_frames(data, source, max_pixels)
    chars, report, sizes = ocr_images(frames, source, options)
    items = []
    furniture = []
    for number, page_chars in sorted(chars.items()):
        page_items, page_furniture = layout_page(page_chars, [], number, sizes[number - 1][1])
        items.extend(page_items)
        furniture.extend(page_furniture)
    document = assemble(
        items, furniture, source, hashlib.sha256(data).hexdigest(), len(frames), fmt="image"
    )
    document.ocr = report.to_dict()
    if not document.text.strip():
        raise IngestError(
            ErrorCode.EMPTY,
            f"{source}: no text was recognised in the image; check that it is a document scan",
        )
    return document
