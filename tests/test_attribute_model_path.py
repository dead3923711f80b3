"""TRIAGE_ATTRIBUTE_MODEL: another attribute model for a run, without replacing
models/attribute, and a clear stop when it names no file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.classify import attribute_model
from pipeline.classify.attribute_model import MODEL_ENV, MODEL_PATH, ModelNotFound, load_model
from pipeline.config import Settings
from pipeline.scan import scan_file


def test_the_variable_chooses_the_model_at_every_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "model.joblib"
    shutil.copyfile(MODEL_PATH, copy)
    monkeypatch.delenv(MODEL_ENV, raising=False)
    default = load_model()
    assert default is not None and default.path == MODEL_PATH
    monkeypatch.setenv(MODEL_ENV, str(copy))
    chosen = load_model()
    assert chosen is not None and chosen.path == copy
    assert load_model() is chosen  # one per path and process: loaded once
    monkeypatch.setenv(MODEL_ENV, " ")
    assert load_model() is default


def test_a_missing_file_stops_the_scan_instead_of_scanning_without_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = tmp_path / "通知.txt"
    draft.write_text(
        "韶关市人民政府关于做好防汛工作的通知\n各单位：\n　　请做好防汛准备。\n", "utf-8"
    )
    monkeypatch.setenv(MODEL_ENV, str(tmp_path / "absent.joblib"))
    with pytest.raises(
        ModelNotFound, match=r"TRIAGE_ATTRIBUTE_MODEL=.*absent\.joblib: no such model file"
    ):
        attribute_model.model_path()
    with pytest.raises(ModelNotFound):
        scan_file(draft, Settings())
    monkeypatch.delenv(MODEL_ENV)
    assert scan_file(draft, Settings())["status"] == "ok"


def test_scan_stops_with_one_clear_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from pipeline.cli import app

    (tmp_path / "a.txt").write_text("关于做好春季防火工作的通知", encoding="utf-8")
    monkeypatch.setenv(MODEL_ENV, str(tmp_path / "missing.joblib"))
    result = CliRunner().invoke(app, ["scan", str(tmp_path / "a.txt")])
    assert result.exit_code == 2
    assert f"triage scan: {MODEL_ENV}={tmp_path / 'missing.joblib'}: no such model file" in (
        result.output
    )
    assert "Traceback" not in result.output
