"""The attribute-model notebook's tables: confusion, calibration and its error figures,
errors first by confidence, and promotion that refuses an incomplete model folder."""

from __future__ import annotations

from pathlib import Path

import joblib
import pandas as pd
import pytest

from pipeline.analysis import attribute_report as report
from pipeline.decide import ATTRIBUTES


def _frame(rows: list[tuple[str, str, float]]) -> pd.DataFrame:
    """(gold, predicted, probability of the predicted); the rest shared evenly."""
    out = []
    for gold, predicted, p in rows:
        rest = (1 - p) / 3
        out.append(
            {
                "kind": "k",
                "gold": gold,
                "predicted": predicted,
                "confidence": p,
                "rules": gold,
                **{f"p_{a}": p if a == predicted else rest for a in ATTRIBUTES},
                "opening": "",
            }
        )
    return pd.DataFrame(out)


FRAME = _frame(
    [
        ("主动公开", "主动公开", 0.9),
        ("主动公开", "主动公开", 0.9),
        ("主动公开", "部分公开", 0.6),
        ("不予公开", "主动公开", 0.95),
        ("不予公开", "不予公开", 0.7),
    ]
)


def test_confusion_has_every_attribute() -> None:
    table = report.confusion(FRAME)
    assert list(table.index) == list(ATTRIBUTES)
    assert list(table.columns) == list(ATTRIBUTES)
    assert table.loc["主动公开", "主动公开"] == 2
    assert table.loc["不予公开", "主动公开"] == 1
    assert int(table.to_numpy().sum()) == len(FRAME)
    assert report.confusion(FRAME, "rules").to_numpy().trace() == len(FRAME)


def test_calibration_bins_and_errors() -> None:
    curve = report.calibration(FRAME, bins=5)
    public = curve[curve["attribute"] == "主动公开"].set_index("bin")
    # p(主动公开) = 0.9, 0.9, 0.95 fall in the top bin: two of the three really were.
    top = public.loc["(0.8, 1.0]"]
    assert top["drafts"] == 3
    assert top["observed"] == pytest.approx(2 / 3)
    assert top["mean_probability"] == pytest.approx((0.9 + 0.9 + 0.95) / 3)
    assert curve.groupby("attribute")["drafts"].sum().tolist() == [5, 5, 5, 5]
    errors = report.calibration_error(FRAME, bins=5)
    truth = (FRAME["gold"] == "主动公开").astype(float)
    assert errors.loc["主动公开", "brier"] == pytest.approx(
        float(((FRAME["p_主动公开"] - truth) ** 2).mean())
    )
    # Two bins hold 主动公开's probabilities: [0, 0.2] (0.133, 0.1; one of two was 主动公开)
    # and (0.8, 1] (0.9, 0.9, 0.95; two of three): gaps weighted by their drafts.
    low_gap = abs((0.4 / 3 + 0.1) / 2 - 0.5)
    high_gap = abs((0.9 + 0.9 + 0.95) / 3 - 2 / 3)
    assert errors.loc["主动公开", "ece"] == pytest.approx((2 * low_gap + 3 * high_gap) / 5)


def test_errors_most_confident_first() -> None:
    wrong = report.errors(FRAME)
    assert list(wrong["confidence"]) == [0.95, 0.6]


def test_summary_compares_model_and_rules() -> None:
    figures = report.summary(FRAME)
    assert figures["documents"] == 5
    assert figures["model_accuracy"] == pytest.approx(3 / 5)
    assert figures["rules_accuracy"] == 1.0


def test_promote_copies_a_complete_model(tmp_path: Path) -> None:
    new, target = tmp_path / "new", tmp_path / "models" / "attribute"
    new.mkdir()
    joblib.dump({"a": 1}, new / "model.joblib")
    (new / "metrics.json").write_text("{}", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match=r"MODEL_CARD\.md"):
        report.promote(new, target)
    assert not target.exists()
    (new / "MODEL_CARD.md").write_text("# card", encoding="utf-8")
    written = report.promote(new, target)
    assert sorted(Path(p).name for p in written) == sorted(report.MODEL_FILES)
    assert (target / "MODEL_CARD.md").read_text(encoding="utf-8") == "# card"


def test_the_devset_parts_as_drafts() -> None:
    from pipeline.training.labelled_set import DEVSET2, split_ids
    from tests.conftest import DEVSET, need

    need(DEVSET)
    need(DEVSET2)
    for part in ("tuned_on", "not_tuned_on"):
        drafts = report.part_drafts(part)
        expected = split_ids(part)
        assert len(drafts) == sum(len(ids) for ids in expected.values())
        assert {d.kind for d in drafts} == set(expected)  # devset / devset2
        assert {d.attribute for d in drafts} <= set(ATTRIBUTES)


def test_reliability_diagram_per_attribute() -> None:
    import warnings

    import matplotlib.pyplot as plt

    from pipeline.analysis.plotting import reliability, use_cjk_font

    assert use_cjk_font() is not None
    curve = report.calibration(FRAME, bins=5)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a Chinese glyph drawn as a box fails
        figure = reliability(curve, FRAME, title="重训模型 · 未用于调优")
        figure.canvas.draw()
    top = figure.axes[: len(ATTRIBUTES)]
    assert [ax.get_title() for ax in top] == list(ATTRIBUTES)
    model_line = top[0].get_lines()[1]  # after the diagonal
    part = curve[curve["attribute"] == ATTRIBUTES[0]]
    assert list(model_line.get_xdata()) == list(part["mean_probability"])
    # Below each curve, the spread of its probabilities: five drafts per attribute.
    assert sum(p.get_height() for p in figure.axes[len(ATTRIBUTES)].patches) == len(FRAME)
    assert figure.axes[0].get_ylabel() == "实际比例"
    plt.close(figure)
