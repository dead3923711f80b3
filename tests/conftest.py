"""Shared fixtures. Tests that read ../shared skip with a reason when it is absent."""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, make_url, text

ROOT = Path(__file__).resolve().parent.parent
# A database opened without a URL, and what the store keeps beside a PostgreSQL database
# (the audit key, its anchor files), go to a throwaway folder, not the checkout's data/.
os.environ.setdefault("TRIAGE_DATA_DIR", tempfile.mkdtemp(prefix="triage-test-data-"))
SAMPLES = ROOT / "data" / "samples"


def readme_shot(name: str) -> Path:
    """Where a browser test leaves a screenshot the README shows: build/screenshots/, and
    docs/ only when asked (`make screenshots`), so a test run leaves the checkout clean."""
    folder = ROOT / ("docs" if os.environ.get("TRIAGE_README_SHOTS") else "build/screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


SHARED = ROOT.parent / "shared"
DEVSET = SHARED / "devset"
GOVDOC = SHARED / "data" / "govdoc_cn_sample" / "GovDoc-CN_Sample" / "397"


def need(path: Path) -> Path:
    """Skip the calling test when a file of ../shared is not there."""
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is not checked out beside the repo)")
    return path


@pytest.fixture(scope="session", autouse=True)
def ocr_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """OCR takes ~5 s a page: each distinct page image is read once in the whole run,
    worker processes included (they inherit the environment), through the engine's own
    result cache (TRIAGE_OCR_CACHE; a folder already named there is used as it is, so a
    developer's reruns need no OCR at all)."""
    previous = os.environ.get("TRIAGE_OCR_CACHE")
    folder = Path(previous) if previous else tmp_path_factory.mktemp("ocr-cache")
    os.environ["TRIAGE_OCR_CACHE"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("TRIAGE_OCR_CACHE", None)
    else:
        os.environ["TRIAGE_OCR_CACHE"] = previous


@pytest.fixture(scope="session")
def devset_records() -> dict[str, dict[str, Any]]:
    corpus = need(DEVSET / "corpus.jsonl")
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line]
    return {r["id"]: r for r in records}


# A fresh database per test, on SQLite (a file) and on PostgreSQL (a new database in the
# cluster ``TRIAGE_TEST_PG`` points at: `make test` starts one on loopback with
# scripts/test-postgres.sh).
PG_UNSET = "TRIAGE_TEST_PG not set: run through `make test`, which starts a local PostgreSQL"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with fresh_database(request.param, tmp_path) as url:
        yield url


@contextmanager
def fresh_database(kind: str, folder: Path) -> Iterator[str]:
    """The URL of an empty database of ``kind`` (sqlite: a file in ``folder``), dropped
    afterwards; skips the test when PostgreSQL is asked for and not configured. For
    fixtures of any scope (``db_url`` is one per test)."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'triage.db'}"
        return
    server = os.environ.get("TRIAGE_TEST_PG")
    if not server:
        pytest.skip(PG_UNSET)
    name = f"triage_test_{uuid.uuid4().hex[:12]}"
    # CREATE/DROP DATABASE cannot run inside a transaction.
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
        with admin.connect() as connection:
            # FORCE: connections the code under test left open would block the drop.
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright (no browser download): headless, no
    sandbox (tests run as root in CI), no background traffic on a closed network."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent (make test apt-installs the chromium package)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield chromium
        chromium.close()
