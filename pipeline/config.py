"""Settings read from the environment (``TRIAGE_*``), with defaults that work embedded,
and the repository's folders (models, lexicons, schemas, ../shared).

One dataclass, passed explicitly: workers in other processes get a copy, and tests build
their own instead of patching globals.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_MAX_PAGES = 500
DEFAULT_CONVERT_TIMEOUT = 60
DEFAULT_MAX_OCR_PAGES = 100  # ~8 minutes of OCR on one core
DEFAULT_MAX_IMAGE_PIXELS = 60_000_000  # an A3 page at 600 dpi is 70 MP; at 300 dpi 17 MP

# The checkout's folders: one place that knows where the package sits in the repository.
REPO_ROOT = Path(__file__).resolve().parent.parent
MODELS_DIR = REPO_ROOT / "models"
LEXICONS_DIR = REPO_ROOT / "lexicons"
SCHEMAS_DIR = REPO_ROOT / "schemas"
DATA_DIR = REPO_ROOT / "data"
# ../shared beside the checkout: the devsets and public corpora (read, never copied).
SHARED_DIR = REPO_ROOT.parent / "shared"
SHARED_DATA = SHARED_DIR / "data"
DEVSET = SHARED_DIR / "devset"


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ValueError(f"environment variable {name}={raw!r} is not a whole number") from exc


@dataclass(frozen=True)
class Settings:
    """What a run may be tuned with.

    ``max_bytes``: files larger than this are recorded as ``too_large`` unread (a 2 GB
    scan would otherwise stall the nightly batch). ``data_dir``: where databases and
    outputs live by default. ``max_pages``: OFD files with more pages are ``too_large``
    (their glyphs are held in memory). ``convert_timeout``: seconds LibreOffice gets to
    convert a .doc/.wps before it is killed.
    outputs live by default. ``ocr``: read scanned pages and images by OCR (~5 s a page);
    ``max_ocr_pages``: a file with more scanned pages is refused ``too_large`` before any
    OCR; ``max_image_pixels``: larger images are refused (a decompression bomb or a
    photograph, not a scan); ``ocr_progress``: a line per OCR'd page on stderr (the CLI
    sets TRIAGE_OCR_PROGRESS=1 when stderr is a terminal).
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    data_dir: Path = Path("data")
    max_pages: int = DEFAULT_MAX_PAGES
    convert_timeout: int = DEFAULT_CONVERT_TIMEOUT
    ocr: bool = True
    max_ocr_pages: int = DEFAULT_MAX_OCR_PAGES
    max_image_pixels: int = DEFAULT_MAX_IMAGE_PIXELS
    ocr_progress: bool = False

    @classmethod
    def from_env(cls) -> Settings:
        return cls(
            max_bytes=_env_int("TRIAGE_MAX_BYTES", DEFAULT_MAX_BYTES),
            data_dir=Path(os.environ.get("TRIAGE_DATA_DIR", "data")),
            max_pages=_env_int("TRIAGE_MAX_PAGES", DEFAULT_MAX_PAGES),
            convert_timeout=_env_int("TRIAGE_CONVERT_TIMEOUT", DEFAULT_CONVERT_TIMEOUT),
            ocr=os.environ.get("TRIAGE_OCR", "1").strip() not in ("0", "false", "no"),
            max_ocr_pages=_env_int("TRIAGE_MAX_OCR_PAGES", DEFAULT_MAX_OCR_PAGES),
            max_image_pixels=_env_int("TRIAGE_MAX_IMAGE_PIXELS", DEFAULT_MAX_IMAGE_PIXELS),
            ocr_progress=os.environ.get("TRIAGE_OCR_PROGRESS", "").strip() == "1",
        )
