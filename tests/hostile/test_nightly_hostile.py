"""The nightly run of a hostile inbox (issue 18, item 5): every record under its planned
key, a file changed during the run recorded once and read again the next night, XXE
and undefined entities ``corrupt``, a file over its budget ``timeout`` — and
``triage nightly`` exiting 0 on the first and on the second run."""

from __future__ import annotations

import json
import os
import re
import signal
import tempfile
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select

import pipeline.stall
from pipeline import nightly
from pipeline.config import Settings
from pipeline.ingest.errors import ErrorCode, IngestError
from pipeline.scan import Record, error_record, scan_file
from pipeline.store.db import open_db, opened
from pipeline.store.models import DocumentRow
from tests.hostile.bomb_recipes import MB, Part, document_xml, paragraphs, write_docx
from tests.hostile.measure import GB, TRIAGE, measured

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XXE = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def _inbox(folder: Path) -> Path:
    inbox = folder / "收件箱"
    inbox.mkdir()
    write_docx(inbox / "公示.docx")
    (inbox / "通知.txt").write_text("关于开展检查的通知\n各单位：\n　　请于月底前报送。\n", "utf-8")
    write_docx(inbox / "外部实体.docx", document_xml(paragraphs("关于的通知", "&xxe;"), XXE))
    write_docx(
        inbox / "未定义实体.docx",
        header=f'<w:hdr xmlns:w="{W}"><w:p><w:r><w:t>&nbsp;页眉</w:t></w:r></w:p></w:hdr>',
    )
    write_docx(inbox / "图片炸弹.docx", extra=[Part.zeros("word/media/image1.png", 2048 * MB)])
    os.symlink("/etc/passwd", inbox / "passwd.txt")
    os.symlink("../../../../../../../../etc/hostname", inbox / "hostname.txt")
    os.symlink("/etc", inbox / "etc")
    return inbox


def _stored(url: str) -> dict[str, list[tuple[str, str | None]]]:
    """Each stored file by name: its records' (key, error code), in order."""
    found: dict[str, list[tuple[str, str | None]]] = {}
    with opened(url) as factory, factory() as session:
        for document in session.scalars(select(DocumentRow).order_by(DocumentRow.id)):
            name = Path(document.source).name
            found.setdefault(name, []).append((document.sha256, document.error_code))
    return found


def _run(inbox: Path, url: str, settings: Settings, scan: nightly.Scan = nightly._scan) -> None:
    run = nightly.plan([inbox], open_db(url), settings)
    nightly.store_chunk(run.todo, url, settings, scan)


def test_every_record_under_its_planned_key_and_a_changed_file_read_next_night(
    tmp_path: Path,
) -> None:
    inbox = _inbox(tmp_path)
    changing = inbox / "正在写入.txt"
    changing.write_text("关于开展检查的通知\n", "utf-8")
    url = f"sqlite:///{tmp_path / 'triage.db'}"
    settings = Settings()
    run = nightly.plan([inbox], open_db(url), settings)
    with changing.open("a", encoding="utf-8") as handle:  # written to after planning
        handle.write("　　补充内容。\n")
    nightly.store_chunk(run.todo, url, settings)
    stored, missing = nightly.collect(run.todo, url)
    assert not missing and len(stored) == len(run.todo) == 9  # nothing left unstored
    codes = {Path(o.source).name: o.error_code for o in stored}
    assert codes == {
        "公示.docx": None,
        "通知.txt": None,
        "外部实体.docx": "corrupt",
        "未定义实体.docx": "corrupt",
        "图片炸弹.docx": "too_large",
        "passwd.txt": "outside_inbox",
        "hostname.txt": "outside_inbox",
        "etc": "outside_inbox",
        "正在写入.txt": "changed_during_scan",
    }
    again = nightly.plan([inbox], open_db(url), settings)
    assert [Path(i.path).name for i in again.todo] == ["正在写入.txt"]  # its new bytes
    nightly.store_chunk(again.todo, url, settings)
    records = _stored(url)
    assert all(len(rows) == 1 for name, rows in records.items() if name != "正在写入.txt")
    assert [code for _key, code in records["正在写入.txt"]] == ["changed_during_scan", None]
    assert not nightly.plan([inbox], open_db(url), settings).todo
    with opened(url) as factory, factory() as session:
        texts = [t or "" for t in session.scalars(select(DocumentRow.text))]
    assert not any("root:" in t or "&xxe;" in t for t in texts)  # nothing read from /etc


def _stuck(path: Path, settings: Settings) -> Record:
    """A scan stuck in Python on one file and in the regular-expression engine on another."""
    if "loop" in path.name:
        while True:
            pass
    if "backtrack" in path.name:
        re.match(r"(a+)+$", "a" * 64 + "b")
    return scan_file(path, settings, with_text=True)


def test_a_file_over_its_budget_is_recorded_as_timeout_and_the_chunk_goes_on(
    tmp_path: Path,
) -> None:
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    for name in ("a.txt", "loop.txt", "b.txt", "backtrack.txt"):
        (inbox / name).write_text(f"关于{name}的通知\n正文。\n", "utf-8")
    url = f"sqlite:///{tmp_path / 'triage.db'}"
    started = time.monotonic()
    _run(inbox, url, Settings(file_timeout=1), _stuck)
    assert time.monotonic() - started < 20
    records = _stored(url)
    assert {name: rows[0][1] for name, rows in records.items()} == {
        "a.txt": None,
        "b.txt": None,
        "loop.txt": "timeout",
        "backtrack.txt": "timeout",
    }
    assert not nightly.plan([inbox], open_db(url), Settings()).todo  # not tried again


def test_triage_nightly_exits_0_on_the_second_run_of_a_hostile_inbox(tmp_path: Path) -> None:
    """The red team's inbox (an XXE .docx, a file written to while the batch runs, links
    out of the inbox, a bomb): the first run stored everything (here without Prefect,
    to save its start), the second — through the CLI and Prefect, the file now being
    written to — exits 0 and stores only its new bytes, as changed_during_scan."""
    inbox = _inbox(tmp_path)
    changing = inbox / "正在写入.txt"
    changing.write_text("关于开展检查的通知\n", "utf-8")
    url = f"sqlite:///{tmp_path / 'triage.db'}"
    _run(inbox, url, Settings())
    env = {
        "PREFECT_HOME": tempfile.mkdtemp(prefix="triage-prefect-home-"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "PREFECT_API_URL": "",
        "TRIAGE_FILE_TIMEOUT": "60",
    }
    writing = threading.Event()
    writing.set()

    def keep_writing() -> None:  # a file still being copied in while the batch runs
        with changing.open("a", encoding="utf-8") as handle:
            while writing.is_set():
                handle.write("　　补充内容。\n")
                handle.flush()
                time.sleep(0.01)

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        second = measured(
            [*TRIAGE, "nightly", str(inbox), "--db", url, "--workers", "1", "--json"], env=env
        )
    finally:
        writing.clear()
        writer.join()
    assert second.rc == 0, second.stderr
    summary = json.loads(second.stdout)
    assert (summary["stored"], summary["already_stored"], summary["not_stored"]) == (1, 8, 0)
    assert summary["error_codes"] == {"changed_during_scan": 1}
    assert [code for _key, code in _stored(url)["正在写入.txt"]] == [None, "changed_during_scan"]
    assert second.peak_bytes < 1.5 * GB


def _deaf(path: Path, settings: Settings) -> Record:
    """Stuck where no alarm reaches it (SIGALRM blocked, as in C code that never returns
    to Python) on "deaf" files; others get a record at once (no models loaded)."""
    if "deaf" in path.name:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(3600)
    record = error_record(str(path), IngestError(ErrorCode.EMPTY, "stub"), None)
    return {**record, "status": "ok", "error": None}


def test_a_worker_deaf_to_its_alarm_is_killed_and_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    for name in ("a.txt", "deaf.txt", "b.txt"):
        (inbox / name).write_text(f"关于{name}的通知\n正文。\n", "utf-8")
    url = f"sqlite:///{tmp_path / 'triage.db'}"
    settings = Settings(file_timeout=1)
    monkeypatch.setattr(pipeline.stall, "STALL_GRACE", 6.0)  # room to start a process
    run = nightly.plan([inbox], open_db(url), settings)
    started = time.monotonic()
    nightly.rescue(run.todo, url, settings, scan=_deaf)
    assert time.monotonic() - started < 40
    records = _stored(url)
    assert {name: rows[0][1] for name, rows in records.items()} == {
        "a.txt": None,
        "deaf.txt": "timeout",
        "b.txt": None,
    }
