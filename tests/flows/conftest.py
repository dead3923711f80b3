"""Fixtures of the Prefect flow tests: a private Prefect home and one local API per session.

Prefect reads ``PREFECT_HOME`` when it is first imported, so it is set here, before any
test imports ``pipeline.flows``. The flows' worker processes inherit the API's address.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="triage-prefect-home-")
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ["DO_NOT_TRACK"] = "1"
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


@pytest.fixture(scope="session")
def prefect_api() -> Iterator[str]:
    from pipeline import flows

    with flows.prefect_api():
        yield os.environ["PREFECT_API_URL"]


@pytest.fixture(scope="session")
def inbox_205(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """200 generated drafts (UTF-8 and GB18030 text, docx, PDF) and 5 bad files."""
    from tests.fixtures.generated_inbox import write_bad_files, write_inbox

    folder = tmp_path_factory.mktemp("inbox") / "收件箱"
    write_inbox(folder, 200)
    write_bad_files(folder)
    return folder


def stored_records(url: str, inbox: Path) -> dict[str, tuple[Any, ...]]:
    """Each stored document by its path under the inbox: what the pipeline made of it."""
    from pipeline.store.db import opened
    from pipeline.store.models import DocumentRow

    out: dict[str, tuple[Any, ...]] = {}
    with opened(url) as factory, factory() as session:
        query = select(DocumentRow).options(selectinload(DocumentRow.suggestions))
        for document in session.scalars(query):
            name = str(Path(document.source).relative_to(inbox))
            assert name not in out, f"{name} stored twice"
            suggestion = document.suggestion
            out[name] = (
                document.sha256,
                document.state,
                document.error_code,
                suggestion.attribute if suggestion else None,
                tuple(sorted((f.label, f.start, f.end) for f in suggestion.findings))
                if suggestion
                else (),
            )
    return out
