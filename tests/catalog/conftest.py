"""The site tests' fixture: the records of site_records written once per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.catalog.site_records import write


@pytest.fixture
def out(tmp_path: Path) -> Path:
    out = tmp_path / "site"
    write(out)
    return out
