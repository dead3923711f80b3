"""Shared fixtures. Tests that read ../shared skip with a reason when it is absent."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
SHARED = ROOT.parent / "shared"
DEVSET = SHARED / "devset"
GOVDOC = SHARED / "data" / "govdoc_cn_sample" / "GovDoc-CN_Sample" / "397"


def need(path: Path) -> Path:
    """Skip the calling test when a file of ../shared is not there."""
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is not checked out beside the repo)")
    return path


@pytest.fixture(scope="session")
def devset_records() -> dict[str, dict[str, Any]]:
    corpus = need(DEVSET / "corpus.jsonl")
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line]
    return {r["id"]: r for r in records}
