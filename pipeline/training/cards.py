"""What every trained model leaves beside itself: ``metrics.json`` and ``MODEL_CARD.md``,
with the library versions it was trained with and a hash of its training data."""

from __future__ import annotations

import hashlib
import json
import platform
from collections.abc import Callable, Iterable
from importlib.metadata import version
from pathlib import Path
from typing import Any


def library_versions(*packages: str) -> dict[str, str]:
    return {"python": platform.python_version(), **{name: version(name) for name in packages}}


def data_hash(rows: Iterable[tuple[str, str]]) -> str:
    """A short hash of (text, label) rows: the card says exactly what was trained on."""
    digest = hashlib.sha256()
    for text, label in rows:
        digest.update(f"{label}\t{text}\n".encode())
    return digest.hexdigest()[:16]


def write_card(
    out_dir: Path, metrics: dict[str, Any], card: Callable[[dict[str, Any]], str]
) -> None:
    (out_dir / "metrics.json").write_text(
        json.dumps(metrics, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    (out_dir / "MODEL_CARD.md").write_text(card(metrics), encoding="utf-8")
