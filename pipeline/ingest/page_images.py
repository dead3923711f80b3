"""Page images for OCR: rendering PDF pages, opening image files safely, straightening.

Scanners tilt pages by a degree or so; a tilted line drifts across the line above or
below it and the OCR's lines (and our re-joining of wrapped lines) break apart. The skew
is estimated from the ink itself (the angle at which the rows of ink are sharpest, a
projection profile on a small copy: ~0.3 s a page) and the page rotated straight before
OCR; character boxes found on the straightened page are mapped back onto the page as
scanned, so the redactor paints them where the scan has them.

Image files are opened with limits: a decompression bomb or a 200-megapixel photograph
would take the worker's memory (and PIL's own bomb check only warns below 2× its limit),
a truncated file must be reported as such rather than half read.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageSequence, UnidentifiedImageError

from pipeline.ingest.errors import ErrorCode, IngestError

DPI = 200
MAX_SKEW = 3.0  # degrees searched either way; more is a photograph, not a scan
_SKEW_STEP = 0.25


@dataclass(frozen=True, slots=True)
class Straightened:
    """A page image rotated straight by ``angle`` degrees (counter-clockwise) about its
    centre, and the way back from its pixels to the original image's."""

    image: Image.Image
    angle: float

    def to_original(self, x: float, y: float) -> tuple[float, float]:
        if not self.angle:
            return x, y
        cx, cy = self.image.width / 2, self.image.height / 2
        theta = math.radians(self.angle)
        dx, dy = x - cx, y - cy
        return (
            cx + dx * math.cos(theta) - dy * math.sin(theta),
            cy + dx * math.sin(theta) + dy * math.cos(theta),
        )

    def box_to_original(
        self, x0: float, y0: float, x1: float, y1: float
    ) -> tuple[float, float, float, float]:
        """The axis-aligned box around the rotated-back corners (a little larger)."""
        corners = [self.to_original(x, y) for x in (x0, x1) for y in (y0, y1)]
        xs = [c[0] for c in corners]
        ys = [c[1] for c in corners]
        return min(xs), min(ys), max(xs), max(ys)


def skew_angle(image: Image.Image) -> float:
    """The angle (degrees, counter-clockwise positive as ``Image.rotate`` takes it) that
    makes the text lines of ``image`` horizontal; 0.0 for a page without enough ink."""
    small = image.convert("L")
    scale = 700 / max(small.size)
    if scale < 1:
        small = small.resize((max(1, int(small.width * scale)), max(1, int(small.height * scale))))
    ink = Image.fromarray(((np.asarray(small) < 160) * 255).astype(np.uint8))
    if np.count_nonzero(np.asarray(ink)) < 200:
        return 0.0

    def sharpness(angle: float) -> float:
        rows = np.asarray(ink.rotate(angle, resample=Image.Resampling.BILINEAR)).sum(axis=1)
        return float(np.square(np.diff(rows.astype(np.float64))).sum())

    angles = np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, _SKEW_STEP)
    scores = [sharpness(float(a)) for a in angles]
    best = float(angles[int(np.argmax(scores))])
    # Refine around the best coarse angle.
    fine = np.arange(best - _SKEW_STEP, best + _SKEW_STEP + 1e-9, 0.05)
    best = float(fine[int(np.argmax([sharpness(float(a)) for a in fine]))])
    return round(best, 3) if abs(best) >= 0.05 else 0.0


def straighten(image: Image.Image) -> Straightened:
    """The page rotated straight (white fill where the rotation uncovers the corners)."""
    grey = image.convert("L")
    angle = skew_angle(grey)
    if not angle:
        return Straightened(grey, 0.0)
    rotated = grey.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    return Straightened(rotated, angle)


def render_pdf_page(page: object, dpi: int = DPI) -> Image.Image:
    """A pypdfium2 page rendered in grey at ``dpi`` (what was scanned, as the scanner saw it)."""
    image: Image.Image = page.render(scale=dpi / 72, grayscale=True).to_pil()  # type: ignore[attr-defined]
    return image.convert("L")


def image_frames(data: bytes, source: str, max_pixels: int) -> list[tuple[Image.Image, float]]:
    """The pages of an image file (a multi-page TIFF has several) as greyscale images with
    their resolution in dpi (200 when the file does not say). Raises IngestError for a
    file that is not a readable image, truncated, or over ``max_pixels`` a page."""
    try:
        opened = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as exc:
        raise IngestError(
            ErrorCode.TOO_LARGE,
            f"{source}: the image is far over the limit of {max_pixels / 1e6:.0f} megapixels "
            f"({exc}); scan it again at 200–300 dpi",
        ) from exc
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise IngestError(
            ErrorCode.CORRUPT,
            f"{source}: the image cannot be read ({type(exc).__name__}: {exc}); scan or export it again",
        ) from exc
    frames: list[tuple[Image.Image, float]] = []
    with opened:
        for frame in ImageSequence.Iterator(opened):
            width, height = frame.size
            if width * height > max_pixels:
                raise IngestError(
                    ErrorCode.TOO_LARGE,
                    f"{source}: page {len(frames) + 1} of the image is {width}×{height} pixels "
                    f"({width * height / 1e6:.0f} megapixels), over the limit of "
                    f"{max_pixels / 1e6:.0f} megapixels (TRIAGE_MAX_IMAGE_PIXELS); "
                    "scan it again at 200–300 dpi",
                )
            try:
                frame.load()
                grey = frame.convert("L")
            except (OSError, ValueError, SyntaxError) as exc:
                raise IngestError(
                    ErrorCode.CORRUPT,
                    f"{source}: the image is truncated or damaged ({exc}); scan or copy it again",
                ) from exc
            frames.append((grey, _dpi(frame)))
    if not frames:
        raise IngestError(ErrorCode.EMPTY, f"{source}: the image file holds no picture")
    return frames


def _dpi(frame: Image.Image) -> float:
    dpi = frame.info.get("dpi")
    try:
        value = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        value = 0.0
    return value if 50 <= value <= 1200 else float(DPI)
