"""The SQLite file is switched to WAL once, and a reader holding a new file at that moment
makes the first connection wait instead of failing (a kill-9 rerun test once failed with
"database is locked" while a monitor was counting rows in the file being created)."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from pipeline.store.db import _use_wal, make_engine


def _mode(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return str(connection.execute("PRAGMA journal_mode").fetchone()[0])


def test_a_new_file_is_switched_to_wal(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    engine = make_engine(f"sqlite:///{path}")
    with engine.connect():
        pass
    assert _mode(path) == "wal"


def test_the_switch_waits_for_a_reader_instead_of_failing(tmp_path: Path) -> None:
    path = tmp_path / "held.db"
    reader = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    reader.execute("CREATE TABLE t (x INTEGER)")
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM t").fetchone()  # a shared lock on a rollback-journal file
    threading.Timer(0.3, lambda: reader.execute("COMMIT")).start()
    writer = sqlite3.connect(path, timeout=0)
    started = time.monotonic()
    _use_wal(writer.cursor(), wait=10)
    assert time.monotonic() - started >= 0.2
    assert _mode(path) == "wal"
    writer.close()
    reader.close()


def test_it_gives_up_after_its_wait(tmp_path: Path) -> None:
    path = tmp_path / "stuck.db"
    reader = sqlite3.connect(path, isolation_level=None)
    reader.execute("CREATE TABLE t (x INTEGER)")
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM t").fetchone()
    writer = sqlite3.connect(path, timeout=0)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        _use_wal(writer.cursor(), wait=0.2)
    writer.close()
    reader.close()


def test_a_file_already_in_wal_is_not_switched_again(tmp_path: Path) -> None:
    path = tmp_path / "wal.db"
    with sqlite3.connect(path) as first:
        first.execute("PRAGMA journal_mode=WAL")
    statements: list[str] = []
    connection = sqlite3.connect(path)
    connection.set_trace_callback(statements.append)
    _use_wal(connection.cursor())
    assert statements == ["PRAGMA journal_mode"]
    connection.close()
