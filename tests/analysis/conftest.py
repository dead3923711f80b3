"""Fixtures the analysis tests share."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline import lexicons
from pipeline.analysis.lexicon_workspace import Workspace

SHIPPED = lexicons.LEXICON_DIR


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    """A working copy of a copy of the shipped lexicons (saving never reaches lexicons/);
    the process reads the shipped folder again afterwards."""
    source = tmp_path / "lexicons"
    shutil.copytree(SHIPPED, source)
    ws = Workspace.open(source)
    yield ws
    ws.close()
    lexicons.reload(SHIPPED)
