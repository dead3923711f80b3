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
DEFAULT_MAX_INFLATED_BYTES = 200 * 1024 * 1024
DEFAULT_MAX_XML_BYTES = 32 * 1024 * 1024
DEFAULT_MAX_RATIO = 100
DEFAULT_MAX_TEXT_CHARS = 5_000_000
DEFAULT_FILE_TIMEOUT = 300.0


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ValueError(f"environment variable {name}={raw!r} is not a whole number") from exc


def _env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return float(raw)
    except ValueError as exc:
        raise ValueError(f"environment variable {name}={raw!r} is not a number") from exc


@dataclass(frozen=True)
class Settings:
    """What a run may be tuned with.

    ``max_bytes``: files larger than this are recorded as ``too_large`` unread (a 2 GB
    scan would otherwise stall the nightly batch). ``data_dir``: where databases and
    outputs live by default. ``max_pages``: OFD files with more pages are ``too_large``
    (their glyphs are held in memory). ``convert_timeout``: seconds LibreOffice gets to
    convert a .doc/.wps before it is killed. ``ocr``: read scanned pages and images by OCR (~5 s a page);
    ``max_ocr_pages``: a file with more scanned pages is refused ``too_large`` before any
    OCR; ``max_image_pixels``: larger images are refused (a decompression bomb or a
    photograph, not a scan); ``ocr_progress``: a line per OCR'd page on stderr (the CLI
    sets TRIAGE_OCR_PROGRESS=1 when stderr is a terminal).

    What a file may cost once opened (a 6 MB .docx can inflate to 6 GB): its compressed
    parts or PDF streams together inflate to at most ``max_inflated_bytes`` (a .docx's
    XML parts to at most ``max_xml_bytes``: parsed, they take about 25 times their size
    in memory), no part of more than 1 MB inflates more than ``max_ratio`` times its
    compressed size, and its text
    has at most ``max_text_chars`` characters (else ``too_large``); reading and analysing
    it takes at most ``file_timeout`` seconds of wall-clock time (else ``timeout``; 0 for
    no limit).
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    data_dir: Path = Path("data")
    max_pages: int = DEFAULT_MAX_PAGES
    convert_timeout: int = DEFAULT_CONVERT_TIMEOUT
    ocr: bool = True
    max_ocr_pages: int = DEFAULT_MAX_OCR_PAGES
    max_image_pixels: int = DEFAULT_MAX_IMAGE_PIXELS
    ocr_progress: bool = False
    max_inflated_bytes: int = DEFAULT_MAX_INFLATED_BYTES
    max_xml_bytes: int = DEFAULT_MAX_XML_BYTES
    max_ratio: int = DEFAULT_MAX_RATIO
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS
    file_timeout: float = DEFAULT_FILE_TIMEOUT

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
            max_inflated_bytes=_env_int("TRIAGE_MAX_INFLATED_BYTES", DEFAULT_MAX_INFLATED_BYTES),
            max_xml_bytes=_env_int("TRIAGE_MAX_XML_BYTES", DEFAULT_MAX_XML_BYTES),
            max_ratio=_env_int("TRIAGE_MAX_RATIO", DEFAULT_MAX_RATIO),
            max_text_chars=_env_int("TRIAGE_MAX_TEXT_CHARS", DEFAULT_MAX_TEXT_CHARS),
            file_timeout=_env_float("TRIAGE_FILE_TIMEOUT", DEFAULT_FILE_TIMEOUT),
        )
