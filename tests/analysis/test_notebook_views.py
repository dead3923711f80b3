"""What the notebooks show: Chinese headers, which part of the devset split is measured
(and that the blind part is aggregates only by default), the reviewer's words beside each
error, and figures whose Chinese text is drawn with a CJK font, not boxes."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from typing import Any

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib import font_manager
from matplotlib.figure import Figure

from pipeline.analysis import plotting
from pipeline.analysis.detector_scores import compare
from pipeline.analysis.in_context import REJECTED
from pipeline.analysis.labelled_choice import (
    LabelledChoice,
    choose,
    other_part,
    pick,
    reviewer_note,
)
from pipeline.analysis.tuning import score_detectors
from pipeline.analysis.tuning_plots import before_after, pr_by_label, term_bars
from pipeline.analysis.wording import zh
from pipeline.fonts import find_cjk_font
from pipeline.training.labelled_set import DEVSET2, SPLIT_FILE, split_ids
from tests.conftest import DEVSET, need

TEXT = "申请人：李华，电话：13912345678。经办人：赵一鸣。\n"


def _export_record(**extra: Any) -> dict[str, Any]:
    """A record as ``triage export-labels`` writes it: the reviewer redacted the name and
    rejected the phone finding."""
    start = TEXT.index("李华")
    phone = TEXT.index("13912345678")
    return {
        "id": "r7",
        "text": TEXT,
        "spans": [{"start": start, "end": start + 2, "label": "PERSON", "text": "李华"}],
        "decided_by": "李审核",
        "decided_at": "2026-11-02T09:30:00+08:00",
        "comment": "电话是单位总机，不删除",
        "rejected": [{"start": phone, "end": phone + 11, "label": "PHONE", "text": "13912345678"}],
        "approval_notes": [],
        **extra,
    }


def _ascii_words(headers: list[str]) -> list[str]:
    return [h for h in headers if re.fullmatch(r"[A-Za-z_ ]+", h) and h != "F1"]


def test_tables_read_in_chinese() -> None:
    scores = score_detectors([_export_record()])
    labels = zh(scores.labels)
    assert _ascii_words(list(labels.columns)) == []
    assert labels.index.name == "类别" and "个人姓名（PERSON）" in labels.index
    assert set(zh(scores.recognizers).index) == {"电话识别（cn_phone）", "姓名识别（person_name）"}
    changes = zh(compare(scores.labels, scores.labels))
    assert "精确率（修改前）" in changes.columns and "召回率（变化）" in changes.columns
    outcomes = zh(scores.outcomes)
    assert set(outcomes["结果"]) <= {"正确", "误报", "漏报"}


def test_errors_in_context_carry_what_the_reviewer_said() -> None:
    scores = score_detectors([_export_record()])
    view = scores.context(("FP", "FN"))
    row = view.frame.set_index("span").loc["13912345678"]
    assert row["outcome"] == "FP"
    assert row["note"] == f"{REJECTED}；李审核（2026-11-02 09:30）：电话是单位总机，不删除"
    page = view._repr_html_()
    assert "<th>审核意见</th>" in page and "误报" in page and "电话是单位总机" in page
    # A devset record (no decision) has no note.
    plain = {k: v for k, v in _export_record().items() if k in ("id", "text", "spans")}
    assert set(score_detectors([plain]).context().frame["note"]) == {""}


def test_reviewer_note_names_who_when_what() -> None:
    note = reviewer_note(
        _export_record(
            comment="",
            approval_notes=[{"level": 0, "action": "return", "by": "王批准", "reason": "请核对"}],
        )
    )
    assert note == "李审核（2026-11-02 09:30）：（无意见）；退回（王批准）：请核对"
    assert reviewer_note({"id": "d001", "text": "x", "spans": []}) == ""


def test_the_blind_part_is_the_default_and_shown_in_aggregate() -> None:
    need(DEVSET2 / "corpus.jsonl")
    need(DEVSET / "corpus.jsonl")
    blind = choose()
    assert (blind.part, blind.caption, blind.blind) == ("not_tuned_on", "未用于调优", True)
    assert len(blind.records) == sum(len(v) for v in split_ids("not_tuned_on").values())
    assert not blind.errors_listed() and blind.errors_listed(show_blind_errors=True)
    tuned = other_part(blind)
    assert tuned is not None and (tuned.caption, tuned.blind) == ("调优所用", False)
    assert tuned.errors_listed() and tuned.label == f"调优所用（{len(tuned.records)} 件）"
    assert SPLIT_FILE.is_file()
    with pytest.raises(ValueError, match="PART 应为"):
        choose("everything")
    # 试一试 picks a tuned-on document, never a blind one (even from a set that holds it).
    first = tuned.records[0]["id"]
    assert pick(first, blind, tuned)["id"] == first
    hidden = split_ids("not_tuned_on")["devset2"][0]
    with pytest.raises(ValueError, match="未用于调优"):
        pick(hidden, blind, tuned)
    with pytest.raises(KeyError, match="没有文档"):
        pick("nope", tuned)


def test_an_export_is_named_as_such(tmp_path: Any) -> None:
    import json

    folder = tmp_path / "labels-2026-11"
    folder.mkdir()
    (folder / "corpus.jsonl").write_text(
        json.dumps(_export_record(), ensure_ascii=False) + "\n", encoding="utf-8"
    )
    chosen = choose("not_tuned_on", folder)
    assert (chosen.caption, chosen.part, chosen.blind, chosen.reviewed) == (
        "审核导出 labels-2026-11",
        None,
        False,
        True,
    )
    assert other_part(chosen) is None


def _glyph_warnings(make: Callable[[], Figure]) -> list[str]:
    """The "Glyph … missing from font(s)" warnings of making and drawing a figure."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure = make()
        figure.canvas.draw()
    plt.close(figure)
    return [str(w.message) for w in caught if "missing from" in str(w.message)]


def test_figures_draw_chinese_with_a_cjk_font() -> None:
    assert plotting.use_cjk_font() is not None, "no CJK font: `make apt` installs one"
    scores = score_detectors([_export_record()])
    parts = {"未用于调优（1 件）": scores.labels, "调优所用（1 件）": scores.labels}
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph fails here
        figure = pr_by_label(parts, title="各类别的精确率与召回率（未用于调优）")
    precision = figure.axes[0]
    labels = sorted(scores.labels.index)
    assert len(precision.patches) == len(labels) * len(parts)
    ticks = [t.get_text() for t in precision.get_yticklabels()]
    assert ticks == ["个人姓名（PERSON）", "电话（PHONE）"]
    (legend,) = figure.legends  # one legend for both panels: which part each colour is
    assert [t.get_text() for t in legend.get_texts()] == list(parts)
    # The first label at the top, the measured part's bar above the other's.
    assert precision.yaxis_inverted()
    first, second = (bar.get_y() for bar in precision.patches[:: len(labels)])
    assert first < second
    assert _glyph_warnings(lambda: pr_by_label(parts)) == []
    # Without the font the same figure shows boxes (the check above can fail).
    plt.rcParams["font.sans-serif"] = ["DejaVu Sans"]
    try:
        assert _glyph_warnings(lambda: pr_by_label(parts)) != []
    finally:
        plotting.use_cjk_font()


def test_the_pdf_font_serves_when_no_known_name_is_installed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = find_cjk_font()
    if path is None:
        pytest.skip("no CJK TrueType font installed (make apt installs fonts-wqy-zenhei)")
    name = plotting.use_cjk_font(candidates=("No Such Font",))
    assert name == font_manager.FontProperties(fname=path).get_name()
    assert plt.rcParams["font.sans-serif"][0] == name
    plotting.use_cjk_font()


def test_term_and_before_after_figures() -> None:
    plotting.use_cjk_font()
    terms = pd.DataFrame(  # as DetectorScores.terms gives it
        {
            "term": ["申请人", "被处罚人"],
            "occurrences": [3, 0],
            "fired_tp": [1, 0],
            "fired_fp": [2, 0],
            "gold_missed": [0, 0],
        }
    )
    figure = term_bars(terms, "private_person_roles（调优所用）")
    ticks = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert ticks == ["申请人"]  # a term that never occurs is not drawn
    assert _glyph_warnings(lambda: term_bars(terms, "private_person_roles（调优所用）")) == []
    scores = score_detectors([_export_record()])
    after = scores.labels.copy()
    after.loc["PERSON", "precision"] = 0.5
    changed = compare(scores.labels, after)
    moved = int((changed["precision_change"] != 0).sum())
    assert moved == 1 < len(changed)  # PERSON is drawn, PHONE (unchanged) is not
    figure = before_after(changed, "修改前后（调优所用）")
    assert len(figure.axes[0].patches) == 2 * moved
    assert _glyph_warnings(lambda: before_after(changed, "修改前后（调优所用）")) == []


def test_choice_dataclass_caption() -> None:
    choice = LabelledChoice([{"id": "a"}], "调优所用", "tuned_on", "x")
    assert choice.label == "调优所用（1 件）" and not choice.reviewed


def test_a_table_may_name_a_header_its_own_way() -> None:
    frame = pd.DataFrame({"gold": ["主动公开"], "predicted": ["部分公开"]})
    assert list(zh(frame).columns) == ["标注数", "模型预测"]
    assert list(zh(frame, names={"gold": "实际公开属性"}).columns) == ["实际公开属性", "模型预测"]
    roles = zh(pd.DataFrame({"role": ["private", "official", None]}))
    assert list(roles["角色"]) == ["个人", "公务", "—"]


def test_lines_name_periods_by_their_first_day() -> None:
    plotting.use_cjk_font()
    weeks = pd.period_range("2025-05-12", periods=3, freq="W")
    frame = zh(pd.DataFrame({"decided": [1, 3, 2], "backlog": [2, 2, 1]}, index=weeks))
    ax = plotting.lines(frame, title="每期处理量", ylabel="件数")
    ax.figure.canvas.draw()
    ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert ticks == ["2025-05-12", "2025-05-19", "2025-05-26"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["已决定", "期末待办"]
    plt.close(ax.figure)
