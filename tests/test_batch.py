"""scan_many: records in input order from worker processes that warm up as they start;
a file that kills its worker is recorded as worker_crashed and the batch goes on."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

import pipeline.scan
from pipeline.batch import scan_many
from pipeline.config import Settings
from pipeline.scan import Record, scan_file
from tests.conftest import SAMPLES
from tests.fixtures.scans import untimed


def _files(folder: Path, count: int) -> list[Path]:
    paths = []
    for i in range(count):
        path = folder / f"f{i:02}.txt"
        path.write_text(
            f"关于第{i}号事项的通知\n各单位：\n　　请于月底前报送。\n", encoding="utf-8"
        )
        paths.append(path)
    return paths


@pytest.mark.parametrize("count", [6, 60])
def test_workers_give_the_records_of_one_process_in_order(tmp_path: Path, count: int) -> None:
    paths = [*_files(tmp_path, count), *sorted(SAMPLES.glob("*"))]
    alone = list(scan_many(paths, Settings(), workers=1))
    done: list[Record] = []
    pooled = list(scan_many(paths, Settings(), workers=2, on_done=done.append))
    assert untimed(pooled) == untimed(alone) == untimed(done)  # OCR's time varies
    assert [r["source"] for r in pooled] == [str(p) for p in paths]


def _scan_or_die(path: Path, settings: Settings, **options: bool) -> Record:
    """A reader that kills its own process on one file, as a segfault in a parser would."""
    if "crash" in path.name:
        os.kill(os.getpid(), signal.SIGKILL)
    return scan_file(path, settings, **options)


@pytest.mark.parametrize("count", [4, 40])
def test_a_file_that_kills_its_worker_is_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int
) -> None:
    paths = _files(tmp_path, count)
    crash = tmp_path / "crash.txt"
    crash.write_text("通知", encoding="utf-8")
    paths.insert(2, crash)
    monkeypatch.setattr(pipeline.scan, "scan_file", _scan_or_die)  # workers are forked
    records = list(scan_many(paths, Settings(), workers=2))
    assert [r["source"] for r in records] == [str(p) for p in paths]
    assert [r["status"] for r in records] == ["ok"] * 2 + ["error"] + ["ok"] * (count - 2)
    assert records[2]["error"]["code"] == "worker_crashed"


def test_warm_up_loads_the_models() -> None:
    from pipeline.classify import attribute_model
    from pipeline.nlp import jieba_posseg, load_ner

    pipeline.scan.warm_up()
    assert load_ner.cache_info().currsize == 1
    assert jieba_posseg.cache_info().currsize == 1
    model = attribute_model.load_model()
    assert model is not None and "fast" in vars(model)
