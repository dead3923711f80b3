"""The list drafts (pipeline/training/judge_drafts_lists.py): exact spans, the layouts
issue 19 lists, officials unmarked; and retraining one label of the judge leaves the
other's model as it was."""

from __future__ import annotations

import json
import re
from pathlib import Path

import joblib
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.training import judge as judge_training
from pipeline.training.judge_drafts import drafts
from pipeline.training.judge_drafts_lists import LIST_KINDS, list_drafts

DRAFTS = list_drafts(40)


def test_every_span_gives_its_text_and_every_kind_occurs() -> None:
    for record in DRAFTS:
        for span in record["spans"]:
            assert record["text"][span["start"] : span["end"]] == span["text"], record["id"]
    assert {r["id"].split(":")[1] for r in DRAFTS} == set(LIST_KINDS)
    assert list_drafts(4) == list_drafts(4)  # seeded


@pytest.mark.parametrize(
    "layout",
    [
        r"(?:家庭成员|参加人员|在场人员|村民代表|涉及农户)",  # members after a cue
        r"\n[ \u3000]*(?:[0-9]+[.．、）]|[（(][0-9]+[）)]|[①-⑨])",  # numbered items
        r"\n[^\n]*(?:\t|  )[^\n]*\n",  # rows of cells
        r"包保责任人|签发人：|制表人：|审核人：",  # officials beside them
    ],
)
def test_the_layouts_occur(layout: str) -> None:
    assert any(re.search(layout, r["text"]) for r in DRAFTS), layout


def test_officials_are_not_marked() -> None:
    for record in DRAFTS:
        starts = {s["start"] for s in record["spans"]}
        for m in re.finditer(
            r"签发人：|制表人：|审核人：|经办人：|联系人：|主持人：", record["text"]
        ):
            assert m.end() not in starts, (record["id"], record["text"][m.start() : m.end() + 6])


def test_an_unknown_label_is_refused() -> None:
    result = CliRunner().invoke(
        app, ["train", "judge", "--label", "EMAIL", "--out", "/nonexistent"]
    )
    assert result.exit_code == 2, result.output


def test_retraining_one_label_keeps_the_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = drafts(10, seed=5)  # PERSON and ADDRESS spans both
    monkeypatch.setattr(
        judge_training,
        "training_records",
        lambda labels=(): (records, [{"path": "x", "documents": 10}]),
    )
    first = judge_training.train(tmp_path, log=lambda _m: None, noise=False, generated=0)
    before = joblib.load(tmp_path / "model.joblib")["ADDRESS"]
    monkeypatch.setattr(
        judge_training,
        "training_records",
        lambda labels=(): (records[:7], [{"path": "x", "documents": 7}]),
    )
    judge_training.train(tmp_path, log=lambda _m: None, noise=False, generated=0, only=("PERSON",))
    after = joblib.load(tmp_path / "model.joblib")
    metrics = json.loads((tmp_path / "metrics.json").read_text(encoding="utf-8"))
    assert (after["ADDRESS"].steps[-1][1].coef_ == before.steps[-1][1].coef_).all()
    assert metrics["labels"]["ADDRESS"]["proposals"] == first["labels"]["ADDRESS"]["proposals"]
    assert metrics["labels"]["ADDRESS"]["kept"] is True
    assert metrics["labels"]["PERSON"]["proposals"] != first["labels"]["PERSON"]["proposals"]
    assert "not retrained" in (tmp_path / "MODEL_CARD.md").read_text(encoding="utf-8")
