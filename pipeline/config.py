"""Settings read from the environment (``TRIAGE_*``), with defaults that work embedded.

One dataclass, passed explicitly: workers in other processes get a copy, and tests build
their own instead of patching globals.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
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
    outputs live by default.

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
            max_inflated_bytes=_env_int("TRIAGE_MAX_INFLATED_BYTES", DEFAULT_MAX_INFLATED_BYTES),
            max_xml_bytes=_env_int("TRIAGE_MAX_XML_BYTES", DEFAULT_MAX_XML_BYTES),
            max_ratio=_env_int("TRIAGE_MAX_RATIO", DEFAULT_MAX_RATIO),
            max_text_chars=_env_int("TRIAGE_MAX_TEXT_CHARS", DEFAULT_MAX_TEXT_CHARS),
            file_timeout=_env_float("TRIAGE_FILE_TIMEOUT", DEFAULT_FILE_TIMEOUT),
        )
