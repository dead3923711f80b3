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
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    data_dir: Path = Path("data")
    max_pages: int = DEFAULT_MAX_PAGES
    convert_timeout: int = DEFAULT_CONVERT_TIMEOUT

    @classmethod
    def from_env(cls) -> Settings:
        return cls(
            max_bytes=_env_int("TRIAGE_MAX_BYTES", DEFAULT_MAX_BYTES),
            data_dir=Path(os.environ.get("TRIAGE_DATA_DIR", "data")),
            max_pages=_env_int("TRIAGE_MAX_PAGES", DEFAULT_MAX_PAGES),
            convert_timeout=_env_int("TRIAGE_CONVERT_TIMEOUT", DEFAULT_CONVERT_TIMEOUT),
        )
