"""Page images on the document page: a scanned document (and any PDF or image file) is
shown as its pages, rendered from the stored original, with the boxes the copy will
black out drawn on them, beside the text OCR read from them; a reviewer drags on a page
to box an area for removal (``static/areas.js``; stored as the decision's ``areas``).

Rendering needs the file read again — for a scan, OCR again (seconds a page, unless
``TRIAGE_OCR_CACHE`` keeps the results) — to know where the proposed values are. So the
reading, each page's frame and each rendered page are kept in small per-process caches,
keyed by the file's hash (and, for an image, by the spans drawn on it): the first view
of a scan pays once, later views and other reviewers do not. Plain functions: the route
is in :mod:`pipeline.review.scan_routes`.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from sqlalchemy.orm import Session

from pipeline.config import Settings
from pipeline.document import Document
from pipeline.redact.page_views import (
    PAGED_FORMATS,
    PageFrame,
    page_frames,
    render_page,
    span_boxes,
)
from pipeline.redact.spans import Redaction
from pipeline.redact.stored import StoredDocument, reread
from pipeline.store import workflow
from pipeline.store.copies import current_spans, proposed_spans, stored_document
from pipeline.store.models import DocumentRow, StoredFile

K = TypeVar("K")
V = TypeVar("V")


class Lru(Generic[K, V]):
    """A small thread-safe least-recently-used cache. A missing value is computed once:
    threads asking for the same key meanwhile wait for it (the two page images of a scan
    asked for at once would otherwise OCR the file twice), other keys are not held up."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()
        self._making: dict[K, threading.Lock] = {}

    def get_or_make(self, key: K, make: Callable[[], V]) -> V:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
            making = self._making.setdefault(key, threading.Lock())
        with making:
            with self._lock:
                if key in self._items:
                    return self._items[key]
            try:
                value = make()
            except BaseException:
                with self._lock:
                    self._making.pop(key, None)
                raise
            with self._lock:
                self._items[key] = value
                self._making.pop(key, None)
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        return value


_frames: Lru[str, list[PageFrame]] = Lru(64)
_readings: Lru[str, Document] = Lru(8)  # a Document holds a box per character
_images: Lru[tuple[str, int, str], bytes] = Lru(48)  # ~150 KB each


def shows_pages(document: DocumentRow) -> bool:
    return document.status == "ok" and document.format in PAGED_FORMATS


def scanned(document: DocumentRow) -> bool:
    """Whether some page was read by OCR (its pages are then shown open)."""
    return document.format == "image" or any(
        isinstance(w, dict) and w.get("code") == "ocr" for w in document.warnings or []
    )


def shown_spans(document: DocumentRow) -> list[Redaction]:
    """What the page images outline: the proposals while a decision is being made (the
    text panel starts from them too), the decided spans afterwards."""
    if document.state in workflow.DECIDABLE:
        return proposed_spans(document)
    return current_spans(document)


def page_view(session: Session, document: DocumentRow) -> dict[str, Any] | None:
    """The pages for the template (frames in points), or None when the document has no
    page images to show (not a PDF or image, or its bytes were not kept)."""
    if not shows_pages(document):
        return None
    stored = session.get(StoredFile, document.sha256)
    if stored is None:
        return None
    data, fmt = stored.data, document.format
    try:
        frames = _frames.get_or_make(document.sha256, lambda: page_frames(data, fmt))
    except Exception:  # a file that renders no frames (damaged) shows its text only
        return None
    return {"frames": frames, "scanned": scanned(document)}


def page_source(session: Session, document: DocumentRow) -> tuple[StoredDocument, list[Redaction]]:
    """What a page image is made from: the stored document and the spans to outline.
    Raises CopyRefused (unread file, bytes not kept)."""
    return stored_document(session, document), shown_spans(document)


def page_png(
    stored: StoredDocument, sha256: str, spans: list[Redaction], number: int, settings: Settings
) -> bytes | None:
    """Page ``number`` as a PNG with ``spans`` outlined; None for a page the file does
    not have. Raises CopyRefused when the file no longer reads as it did at intake."""
    frames = _frames.get_or_make(sha256, lambda: page_frames(stored.data, stored.format))
    if not 1 <= number <= len(frames):
        return None
    frame = frames[number - 1]
    key = hashlib.sha256(
        json.dumps([r.to_dict() for r in spans], sort_keys=True).encode()
    ).hexdigest()

    def make() -> bytes:
        boxes: list[Any] = []
        if spans:
            reading = _readings.get_or_make(sha256, lambda: reread(stored, settings)[0])
            boxes = span_boxes(reading, spans).get(number, [])
        return render_page(stored.data, stored.format, frame, boxes)

    return _images.get_or_make((sha256, number, key), make)


def pages_of(
    session: Session, document: DocumentRow, settings: Settings
) -> Callable[[int, int], list[int]] | None:
    """For a paged document (PDF, OFD, image), the pages a span of its text lies on, from
    the file read again (cached as for the page images); None for other formats or a
    file that no longer reads as it did."""
    if document.status != "ok" or document.format not in ("pdf", "ofd", "image"):
        return None
    try:
        stored = stored_document(session, document)
        reading = _readings.get_or_make(document.sha256, lambda: reread(stored, settings)[0])
    except Exception:  # the 台账 still lists paragraphs without pages
        return None
    return lambda start, end: sorted({page for page, _box in reading.boxes_for(start, end)})
