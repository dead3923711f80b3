"""lexicons/thresholds.txt: parsed strictly, applied by the detectors, and reloaded with
the word lists when an analyst points the process at an edited copy."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline import lexicons
from pipeline.detect.registry import detect
from pipeline.thresholds import ThresholdError, parse, threshold

TEXT = "经办人：王小明，联系电话：13800138000，身份证号：11010519491231002X。"
SHIPPED = lexicons.LEXICON_DIR


@pytest.fixture
def lexicon_copy(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "lexicons"
    shutil.copytree(SHIPPED, folder)
    lexicons.reload(folder)
    yield folder
    lexicons.reload(SHIPPED)


def test_shipped_values() -> None:
    assert threshold("clause.alone") == 0.85
    assert threshold("clause.agree") == 0.5
    assert threshold("min_score.PHONE") == 0.0


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([("clause.alone", "0.8")], "missing clause.agree"),
        ([("clause.alone", "0.8"), ("clause.agree", "1.5")], "from 0 to 1"),
        ([("clause.alone", "x"), ("clause.agree", "0.5")], "from 0 to 1"),
        ([("clause.alone", "0.8"), ("clause.agree", "0.5"), ("clause.alone", "0.7")], "twice"),
        ([("clause.alone", "0.8"), ("clause.agree", "0.5"), ("min_score.NAME", "0.1")], "unknown"),
    ],
)
def test_bad_files_are_refused(rows: list[tuple[str, ...]], message: str) -> None:
    with pytest.raises(ThresholdError, match=message):
        parse(rows)


def test_min_score_drops_a_label(lexicon_copy: Path) -> None:
    assert {f.label for f in detect(TEXT)} >= {"PHONE", "ID_CARD", "PERSON"}
    path = lexicon_copy / "thresholds.txt"
    path.write_text(
        path.read_text(encoding="utf-8").replace("min_score.PHONE\t0\t", "min_score.PHONE\t1\t"),
        encoding="utf-8",
    )
    lexicons.reload()
    labels = {f.label for f in detect(TEXT)}
    assert "PHONE" not in labels
    assert {"ID_CARD", "PERSON"} <= labels


def test_reload_applies_an_edited_word_list(lexicon_copy: Path) -> None:
    text = "申请人：王小明住在幸福里小区。"
    before = [(f.text, f.score) for f in detect(text) if f.label == "PERSON"]
    assert [name for name, _score in before] == ["王小明"]
    path = lexicon_copy / "surnames.txt"
    kept = [line for line in path.read_text(encoding="utf-8").splitlines() if line != "王"]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    lexicons.reload()
    assert lexicon_copy == lexicons.LEXICON_DIR
    assert "王" not in lexicons.load_terms("surnames")
    # The models still propose the name; the judge now weighs a string without a known
    # surname (without a trained judge, the rules no longer read it at all).
    assert [(f.text, f.score) for f in detect(text) if f.label == "PERSON"] != before
