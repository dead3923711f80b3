"""The character-level name score's training (pipeline/training/name_chars.py): counts of
names against surname-led windows, log-odds, and the AUC reported in its card."""

from __future__ import annotations

import pytest

from pipeline.training.name_chars import auc, count, log_odds, split_name

SINGLE, DOUBLE = frozenset("王李张和"), frozenset({"欧阳"})
# 王建国 and 李秀英 are names; the windows 王府, 张家, 和平 … are not.
EXAMPLES = [
    ("王建国到王府井。", [(0, 3, "PER")]),
    ("李秀英和平时一样去张家口。", [(0, 3, "PER")]),
]


@pytest.mark.parametrize(
    ("value", "parts"),
    [("欧阳明轩", ("欧阳", "明轩")), ("王东", ("王", "东")), ("阿依古丽", ("", ""))],
)
def test_split_name(value: str, parts: tuple[str, str]) -> None:
    assert split_name(value, SINGLE, DOUBLE) == parts


def test_names_and_windows_are_counted_apart() -> None:
    tables = count(EXAMPLES, SINGLE, DOUBLE)
    assert tables["s"][True] == {"王": 1, "李": 1}
    assert tables["g1"][True] == {"建": 1, "秀": 1}
    assert tables["g1"][False]["府"] == 2  # 王府 and 王府井
    assert "建" not in tables["g1"][False]  # inside the PER span: no window


def test_log_odds_favour_name_characters() -> None:
    table = log_odds(count(EXAMPLES, SINGLE, DOUBLE))
    assert table["g1"]["建"] > 0 > table["g1"]["府"]
    assert "" in table["g1"]  # the default for an unseen character


@pytest.mark.parametrize(
    ("positives", "negatives", "expected"),
    [([3.0, 2.0], [1.0, 0.0], 1.0), ([0.0], [1.0], 0.0), ([1.0], [1.0], 0.5)],
)
def test_auc(positives: list[float], negatives: list[float], expected: float) -> None:
    assert auc(positives, negatives) == pytest.approx(expected)
