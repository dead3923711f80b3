"""OCR of one page image: characters, each with its box and the recogniser's confidence.

The engine is RapidOCR (PP-OCRv6 detection and recognition) on onnxruntime; its wheel
carries the ONNX models, so nothing is fetched at run time. Its per-line orientation
classifier is off: on upright scans it turned single lines over (a whole line of a
devset page was read as "人" and dropped); instead a page that reads badly is read
again turned over (a scan fed upside down), and the better reading kept. ``return_word_box=True`` gives one box per Chinese
character (a Latin or digit run may come as one box: it is split evenly). The engine is
loaded once per process (~1–4 s) and kept.

A page is straightened first (:mod:`pipeline.ingest.page_images`), recognised, and every
character box mapped back onto the page as it was scanned. Half-width punctuation read
in Chinese context is made full-width, and 0/1 read as O/l inside digit runs are put
back (:mod:`pipeline.ingest.ocr_text`); a rare character of a place name read as a
common one is put right from GB/T 2260 and the page's pixels (:mod:`pipeline.ingest.ocr_places`).
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from pipeline.ingest.ocr_places import correct_again, correct_line, normalise
from pipeline.ingest.ocr_text import restore_digits, restore_punctuation
from pipeline.ingest.page_images import straighten

# The page is scaled to at most this many pixels on its long side before detection: an A4
# page at 200 dpi is 2339 px; at 1600 px (137 dpi) body text is still ~23 px high, which
# the recogniser reads as well as at full size, and a page takes ~1/3 less time and
# ~130 MB less memory (RapidOCR's default is 2000).
MAX_SIDE = 1600
ENGINE = (
    f"rapidocr 3.10.0 (PP-OCRv6 det/rec small, onnxruntime, {MAX_SIDE} px, "
    "page turned when unreadable, no line orientation, every line scored)"
)
LOW_CONFIDENCE = 0.80  # a character read with less than this must be looked at by a person
KEEP_SCORE = 0.5  # a line read with less is dropped (RapidOCR's own default)
# A page whose lines read this badly on average is read again turned over: it was fed
# upside down (RapidOCR's per-line orientation classifier is off: it turned single
# lines of upright pages over, and they were read as garbage and dropped).
TURN_BELOW = 0.6


@dataclass(frozen=True, slots=True)
class OcrChar:
    """One recognised character: ``x0 … bottom`` on the straightened page (where lines are
    level: for laying out the text), ``box`` on the page image as given (for redaction);
    pixels, origin top-left."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float
    box: tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class OcrLine:
    """One detected text line: its characters left to right."""

    chars: list[OcrChar]


@dataclass(slots=True)
class OcrPage:
    """What OCR found on one page image."""

    width: int
    height: int
    lines: list[OcrLine] = field(default_factory=list)
    angle: float = 0.0  # the skew that was corrected, degrees
    seconds: float = 0.0
    corrections: list[dict[str, object]] = field(default_factory=list)  # place names

    @property
    def chars(self) -> list[OcrChar]:
        return [c for line in self.lines for c in line.chars]

    @property
    def mean_confidence(self) -> float | None:
        chars = self.chars
        return sum(c.confidence for c in chars) / len(chars) if chars else None

    @property
    def text(self) -> str:
        return "\n".join("".join(c.text for c in line.chars) for line in self.lines)

    def apply(self, corrections: list[dict[str, object]]) -> None:
        """A place name put right on one line (``ocr_places``) is the same misreading
        wherever else the file has it after the same parent division, however sure the
        recogniser was there."""
        for n, line in enumerate(self.lines):
            texts = [c.text for c in line.chars]
            above = "".join(c.text for c in self.lines[n - 1].chars) if n else ""
            if correct_again(texts, corrections, above):
                self.lines[n] = OcrLine(
                    [
                        OcrChar(t, c.x0, c.top, c.x1, c.bottom, c.confidence, c.box)
                        for t, c in zip(texts, line.chars, strict=True)
                    ]
                )


_lock = threading.Lock()
_engine: Any = None
_load_seconds: float | None = None


def load_engine() -> Any:
    """The process's RapidOCR engine, loaded on first use. ``TRIAGE_OCR_THREADS`` sets
    onnxruntime's threads per engine (0: its default, all cores; 1 suits one worker per
    core)."""
    global _engine, _load_seconds
    with _lock:
        if _engine is None:
            started = time.perf_counter()
            from rapidocr import RapidOCR

            threads = int(os.environ.get("TRIAGE_OCR_THREADS", "0") or 0)
            params: dict[str, Any] = {
                "Global.log_level": "error",
                "Global.max_side_len": MAX_SIDE,
                "Global.use_cls": False,
                "Global.text_score": 0.0,  # lines are judged here (KEEP_SCORE, TURN_BELOW)
            }
            if threads > 0:
                params["EngineConfig.onnxruntime.intra_op_num_threads"] = threads
                params["EngineConfig.onnxruntime.inter_op_num_threads"] = 1
            _engine = RapidOCR(params=params)
            _load_seconds = time.perf_counter() - started
        return _engine


def load_seconds() -> float | None:
    """How long loading the engine took in this process (None: not loaded yet)."""
    return _load_seconds


def recognise(image: Image.Image) -> OcrPage:
    """OCR a page image (any mode); boxes refer to ``image`` as given."""
    started = time.perf_counter()
    straight = straighten(image)
    reading, raw = straight.image, run_engine(straight.image)
    turned_over = False
    angle = straight.angle
    upright = _mean_score(raw)
    if upright is not None and upright < TURN_BELOW:
        turned = reading.rotate(180)
        raw_turned = run_engine(turned)
        score = _mean_score(raw_turned)
        if score is not None and score > upright:
            reading, raw, angle, turned_over = turned, raw_turned, angle + 180, True
    w, h = reading.size

    def to_original(
        x0: float, y0: float, x1: float, y1: float
    ) -> tuple[float, float, float, float]:
        """A box on the page as read back onto the page as given."""
        if turned_over:
            x0, y0, x1, y1 = w - x1, h - y1, w - x0, h - y0
        return straight.box_to_original(x0, y0, x1, y1)

    page = OcrPage(image.width, image.height, angle=angle)
    for words in raw:
        if (_mean_score([words]) or 0.0) < KEEP_SCORE:
            continue
        chars: list[OcrChar] = []
        for text, score, quad in words:
            xs = [float(p[0]) for p in quad]
            ys = [float(p[1]) for p in quad]
            top, bottom = min(ys), max(ys)
            pieces = [ch for ch in str(text) if not ch.isspace()]
            if not pieces:
                continue
            step = (max(xs) - min(xs)) / len(pieces)
            for k, ch in enumerate(pieces):
                x0 = min(xs) + k * step
                box = to_original(x0, top, x0 + step, bottom)
                chars.append(OcrChar(ch, x0, top, x0 + step, bottom, float(score), box))
        if not chars:
            continue
        chars.sort(key=lambda c: c.x0)
        restored = restore_digits(restore_punctuation([c.text for c in chars]))
        page.corrections.extend(
            correct_line(
                restored,
                [c.confidence for c in chars],
                LOW_CONFIDENCE,
                partial(_glyph_at, reading, chars),
            )
        )
        page.lines.append(
            OcrLine(
                [
                    OcrChar(t, c.x0, c.top, c.x1, c.bottom, c.confidence, c.box)
                    for t, c in zip(restored, chars, strict=True)
                ]
            )
        )
    page.lines.sort(key=lambda ln: (ln.chars[0].top, ln.chars[0].x0))
    page.apply(page.corrections)
    page.seconds = time.perf_counter() - started
    return page


def _mean_score(raw: list[list[tuple[str, float, list[list[float]]]]]) -> float | None:
    """The recogniser's mean score over the characters of ``raw`` (None: no text)."""
    total = weight = 0.0
    for words in raw:
        for text, score, _quad in words:
            n = len(str(text).strip())
            total += float(score) * n
            weight += n
    return total / weight if weight else None


def _glyph_at(image: Image.Image, chars: list[OcrChar], k: int) -> np.ndarray | None:
    """Character ``k``'s ink on the straightened page, ready to compare with drawn ones."""
    char = chars[k]
    box = (int(char.x0), int(char.top), int(char.x1) + 1, int(char.bottom) + 1)
    return normalise(255 - np.asarray(image.crop(box).convert("L"), dtype=np.int16))


def run_engine(image: Image.Image) -> list[list[tuple[str, float, list[list[float]]]]]:
    """The engine's per-line word boxes for a straightened page: for each detected line,
    ``(text, score, quadrilateral)`` per character or word.

    With ``TRIAGE_OCR_CACHE`` naming a folder, results are kept there by the image's
    hash: a rerun of the nightly after a crash, or the redaction of a document just
    scanned, does not OCR the same page again (the test suite shares one per session)."""
    cache = os.environ.get("TRIAGE_OCR_CACHE")
    path: Path | None = None
    if cache:
        digest = hashlib.sha256(f"{ENGINE}|{image.mode}|{image.size}".encode())
        digest.update(image.tobytes())
        path = Path(cache) / f"{digest.hexdigest()}.json"
        if path.is_file():
            try:
                cached = json.loads(path.read_text(encoding="utf-8"))
                return [[(str(t), float(s), q) for t, s, q in line] for line in cached]
            except (OSError, ValueError, TypeError):
                pass  # a damaged entry is recomputed
    engine = load_engine()
    result = engine(np.asarray(image.convert("RGB")), return_word_box=True)
    # A page without text gives no boxes (and placeholder word results): nothing to read.
    words = getattr(result, "word_results", None) or () if getattr(result, "txts", None) else ()
    lines = [
        [
            (str(w[0]), float(w[1]), [[float(x), float(y)] for x, y in w[2]])
            for w in line
            if isinstance(w, (tuple, list)) and len(w) == 3
        ]
        for line in words
        if isinstance(line, (tuple, list))
    ]
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(lines, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
    return lines
