"""The nightly batch's plain functions (no Prefect): planning by content hash, one
transaction per file, rescue of a chunk whose worker died, the summary."""

from __future__ import annotations

import os
import re
import signal
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pipeline import nightly, nightly_summary
from pipeline.config import Settings
from pipeline.scan import CRASHED, Record, scan_file
from pipeline.store.audit import verify
from pipeline.store.db import open_db
from pipeline.store.models import DocumentRow
from tests.fixtures.generated_inbox import BAD_FILES, write_bad_files, write_inbox

SETTINGS = Settings()


def _run(inbox: Path, url: str, settings: Settings = SETTINGS) -> nightly_summary.Summary:
    """One nightly run without Prefect: plan, store every chunk, summarise."""
    run = nightly.plan([inbox], open_db(url), settings)
    for chunk in nightly.chunked(run.todo, 4):
        nightly.store_chunk(chunk, url, settings)
    stored, missing = nightly.collect(run.todo, url)
    return nightly_summary.summarise(run, stored, missing)


def _count(url: str) -> int:
    with open_db(url)() as session:
        return session.scalar(select(func.count(DocumentRow.id))) or 0


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    write_inbox(folder, 12, formats=("txt", "docx", "gb18030.txt"))
    write_bad_files(folder)
    return folder


def test_a_rerun_stores_nothing_twice_and_scans_nothing_again(inbox: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'triage.db'}"
    first = _run(inbox, url)
    assert (first.discovered, first.stored, first.already_stored) == (17, 17, 0)
    assert first.error_codes == {code: 1 for code in BAD_FILES.values()}
    assert first.states == {"suggested": 12, "error": 5}
    assert sum(first.attributes.values()) == 12
    second = _run(inbox, url)
    assert (second.discovered, second.stored, second.already_stored) == (17, 0, 17)
    assert _count(url) == 17
    assert verify(open_db(url)()).ok


def test_the_planned_key_is_the_stored_key_for_every_kind_of_file(
    inbox: Path, tmp_path: Path
) -> None:
    """Else a rerun would rescan a bad file forever (or store a duplicate)."""
    (inbox / "too-big.txt").write_text("通知" * 100, encoding="utf-8")
    settings = Settings(max_bytes=100)
    missing = tmp_path / "gone.docx"
    url = f"sqlite:///{tmp_path / 'triage.db'}"
    run = nightly.plan([inbox, missing], open_db(url), settings)
    nightly.store_chunk(run.todo, url, settings)
    stored, not_stored = nightly.collect(run.todo, url)
    assert not not_stored and len(stored) == len(run.todo) == 19
    codes = {Path(o.source).name: o.error_code for o in stored}
    assert codes["too-big.txt"] == "too_large" and codes["gone.docx"] == "unreadable"
    again = nightly.plan([inbox, missing], open_db(url), settings)
    assert not again.todo and len(again.seen) == 19


def test_a_changed_file_is_a_new_version_and_a_copy_is_not_stored_twice(
    inbox: Path, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'triage.db'}"
    _run(inbox, url)
    changed = sorted(inbox.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n（修改稿）", encoding="utf-8")
    (inbox / "副本.docx").write_bytes(sorted(inbox.glob("0*.docx"))[0].read_bytes())
    for name in ("新稿.txt", "新稿 副本.txt"):  # two copies of content never seen
        (inbox / name).write_text(
            "关于开展安全检查的通知\n各单位：请于月底前完成。", encoding="utf-8"
        )
    summary = _run(inbox, url)
    assert summary.discovered == 20
    assert (summary.stored, summary.new_versions, summary.copies) == (2, 1, 1)
    assert summary.already_stored == 17  # 16 unchanged files and the old file's copy
    with open_db(url)() as session:
        versions = session.scalars(
            select(DocumentRow).where(DocumentRow.source == str(changed)).order_by(DocumentRow.id)
        ).all()
    assert len(versions) == 2 and versions[1].previous_id == versions[0].id


def test_store_chunk_is_idempotent(inbox: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'triage.db'}"
    run = nightly.plan([inbox], open_db(url), SETTINGS)
    assert nightly.store_chunk(run.todo[:5], url, SETTINGS) == 5
    assert nightly.store_chunk(run.todo, url, SETTINGS) == len(run.todo) - 5  # a retry
    assert _count(url) == len(run.todo)


def scan_or_die(path: Path, settings: Settings) -> Record:
    """A reader that kills its own process on one file, as a segfault in a parser would."""
    if "crash" in path.name:
        os.kill(os.getpid(), signal.SIGKILL)
    return scan_file(path, settings, with_text=True)


def test_a_file_that_kills_its_worker_is_recorded_and_the_rest_are_stored(
    inbox: Path, tmp_path: Path
) -> None:
    (inbox / "crash-me.txt").write_text("关于某事项的通知\n正文。", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'triage.db'}"
    run = nightly.plan([inbox], open_db(url), SETTINGS)
    nightly.rescue(run.todo, url, SETTINGS, scan=scan_or_die)
    stored, missing = nightly.collect(run.todo, url)
    assert not missing and len(stored) == len(run.todo) == 18
    crashed = [o for o in stored if o.error_code == CRASHED]
    assert [Path(o.source).name for o in crashed] == ["crash-me.txt"]
    assert "crashed the worker process" in (crashed[0].error_message or "")
    # The crash record is keyed by content: the same bytes are not tried again.
    assert not nightly.plan([inbox], open_db(url), SETTINGS).todo


def test_the_worker_pool_replaces_its_processes_when_one_dies(inbox: Path, tmp_path: Path) -> None:
    (inbox / "crash-me.txt").write_text("关于某事项的通知\n正文。", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'triage.db'}"
    run = nightly.plan([inbox], open_db(url), SETTINGS)
    doomed = [i for i in run.todo if "crash" in i.path]
    others = [i for i in run.todo if "crash" not in i.path]
    with nightly.WorkerPool(2, scan=scan_or_die) as pool:
        with pytest.raises(BrokenProcessPool):
            pool.store(doomed, url, SETTINGS)
        assert pool.store(others, url, SETTINGS) == len(others)  # on fresh processes
    nightly.rescue(doomed, url, SETTINGS, scan=scan_or_die)
    stored, missing = nightly.collect(run.todo, url)
    assert not missing and [o.error_code for o in stored].count(CRASHED) == 1


def test_the_summary_reads_back_from_json_and_names_every_error(
    inbox: Path, tmp_path: Path
) -> None:
    summary = _run(inbox, f"sqlite:///{tmp_path / 'triage.db'}")
    assert nightly_summary.Summary.from_dict(summary.to_dict()) == summary
    text = summary.markdown()
    for name, code in BAD_FILES.items():
        assert f"（`{code}`）" in text and name in text
    assert "| 收件目录中发现 | 17 |" in text
    # what a clerk reads is Chinese: codes only in backticks, file names as they are
    prose = re.sub(r"`[a-z_]+`", "", text.replace(str(inbox), ""))
    for name in BAD_FILES:
        prose = prose.replace(name, "")
    words = set(re.findall(r"[A-Za-z]{3,}", prose)) - {
        "OCR",
        "PDF",
        "doc",
        "docx",
        "pdf",
        "txt",
        "wps",
    }
    assert not words, prose


def test_files_not_stored_are_counted_and_make_the_run_incomplete() -> None:
    plan = nightly.Plan(todo=[nightly.InboxFile("/in/a.txt", "/in/a.txt", "k")])
    summary = nightly_summary.summarise(plan, [], plan.todo)
    assert not summary.ok and summary.missing == ["/in/a.txt"]
    assert "未入库" in summary.markdown()


@pytest.mark.parametrize(
    ("count", "workers", "requested", "size"),
    [
        (0, 2, None, 5),
        (40, 2, None, 5),
        (1000, 2, None, 125),
        (1000, 8, None, 32),
        (100_000, 2, None, 250),
        (10, 2, 3, 3),
    ],
)
def test_chunk_size(count: int, workers: int, requested: int | None, size: int) -> None:
    assert nightly.chunk_size_for(count, workers, requested) == size


def test_the_summary_names_request_cases_due(tmp_path: Path) -> None:
    """The 依申请公开 cases that are overdue or due soon come into the nightly summary,
    counted and by case number only (no applicant data)."""
    url = f"sqlite:///{tmp_path / 'triage.db'}"
    nightly.open_store(url)
    lines = nightly_summary.request_lines(url)
    assert lines and lines[0].startswith("依申请公开：办理中 0 件")
    summary = nightly_summary.Summary(
        requests=[*lines, "- 超期 2026-依申请-00001：答复期限 2026-12-01"]
    )
    text = summary.markdown()
    assert "## 依申请公开" in text and "超期 2026-依申请-00001" in text
    assert nightly_summary.Summary.from_dict(summary.to_dict()) == summary
