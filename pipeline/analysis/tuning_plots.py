"""The lexicon-tuning notebook's figures: precision and recall per label and per
recognizer (one colour per part of the devset split, so 调优所用 and 未用于调优 sit side by
side), what each term of a lexicon led to, and a label's rates before and after an edit.

Each function takes the tables :mod:`pipeline.analysis.tuning` computes and returns the
matplotlib Figure, titled with what it measured; axes, legends and labels are Chinese
(call :func:`pipeline.analysis.plotting.use_cjk_font` first).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from pipeline.analysis.wording import label_zh, recognizer_zh

# One colour per part (the first is the part the notebook measures).
PART_COLOURS = ("#4c78a8", "#f58518", "#54a24b", "#b279a2")
RATES = {"precision": "精确率", "recall": "召回率"}


def _grouped_barh(
    ax: Axes,
    names: Sequence[str],
    groups: Mapping[str, Sequence[float]],
    counts: Mapping[str, Sequence[int]] | None = None,
) -> None:
    """Horizontal bars: one row per name, one bar per group within it (0–1 scale), the
    value (and n) written at the bar's end; the first name at the top."""
    y = np.arange(len(names))
    height = 0.8 / max(len(groups), 1)
    for index, (group, values) in enumerate(groups.items()):
        offset = (index - (len(groups) - 1) / 2) * height
        colour = PART_COLOURS[index % len(PART_COLOURS)]
        ax.barh(y + offset, values, height=height, color=colour, label=group)
        numbers = counts.get(group) if counts else None
        for row, value in enumerate(values):
            if np.isnan(value):
                ax.text(0.01, row + offset, "无", va="center", fontsize=8, color="grey")
                continue
            text = f"{value:.2f}" + (f"（n={numbers[row]}）" if numbers is not None else "")
            ax.text(min(value, 1.0) + 0.01, row + offset, text, va="center", fontsize=8)
    ax.set_yticks(y, list(names))
    ax.set_xlim(0, 1.3)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
    if not ax.yaxis_inverted():  # shared y axes: inverting twice would undo it
        ax.invert_yaxis()


def _rates(
    parts: Mapping[str, pd.DataFrame], keys: Sequence[str], rate: str, count: str
) -> tuple[dict[str, list[float]], dict[str, list[int]]]:
    values: dict[str, list[float]] = {}
    counts: dict[str, list[int]] = {}
    for caption, table in parts.items():
        values[caption] = [
            float(table.loc[k, rate]) if k in table.index else float("nan") for k in keys
        ]
        counts[caption] = [int(table.loc[k, count]) if k in table.index else 0 for k in keys]
    return values, counts


def pr_by_label(parts: Mapping[str, pd.DataFrame], title: str = "各类别的精确率与召回率") -> Figure:
    """Precision (left) and recall (right) per label, one bar per part; ``parts`` maps a
    caption ("未用于调优（30 件）") to its :attr:`DetectorScores.labels` table. n is the
    number of findings (precision) or gold spans (recall) the rate rests on."""
    keys = sorted({k for table in parts.values() for k in table.index})
    return _pr_figure(parts, keys, [label_zh(k) for k in keys], title, "found", "gold")


def pr_by_recognizer(
    parts: Mapping[str, pd.DataFrame], title: str = "各识别器的精确率与召回率"
) -> Figure:
    """The same per recognizer (:attr:`DetectorScores.recognizers`): recall is the share
    of its labels' gold spans it found."""
    keys = sorted({k for table in parts.values() for k in table.index})
    return _pr_figure(parts, keys, [recognizer_zh(k) for k in keys], title, "found", "gold")


def _pr_figure(
    parts: Mapping[str, pd.DataFrame],
    keys: Sequence[str],
    names: Sequence[str],
    title: str,
    found: str,
    gold: str,
) -> Figure:
    rows = max(len(keys), 1)
    fig, axes = plt.subplots(
        1, 2, figsize=(12, 0.35 * rows * max(len(parts), 1) + 1.6), sharey=True
    )
    for ax, (rate, word), count in zip(axes, RATES.items(), (found, gold), strict=True):
        values, counts = _rates(parts, keys, rate, count)
        _grouped_barh(ax, names, values, counts)
        ax.set_xlabel(word)
        ax.set_title(word)
    if not keys:
        axes[0].text(0.5, 0.5, "暂无数据", ha="center", va="center", transform=axes[0].transAxes)
    handles, captions = axes[0].get_legend_handles_labels()
    fig.legend(handles, captions, loc="lower center", ncol=max(len(captions), 1), fontsize=9)
    fig.suptitle(title)
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig


def term_bars(table: pd.DataFrame, title: str, top: int = 15) -> Figure:
    """What the terms of one lexicon led to (:meth:`DetectorScores.terms`): right
    findings, wrong findings and gold spans missed beside the term, stacked; the ``top``
    terms in the table's order (worst first), terms that never occur left out."""
    shown = table[table["occurrences"] > 0].head(top)
    fig, ax = plt.subplots(figsize=(9, 0.32 * max(len(shown), 1) + 1.4))
    ax.set_title(title)
    if shown.empty:
        ax.text(0.5, 0.5, "这些文档中没有出现该词表的词", ha="center", va="center")
        ax.set_axis_off()
        return fig
    y = np.arange(len(shown))
    left = np.zeros(len(shown))
    for column, word, colour in (
        ("fired_tp", "触发正确", "#54a24b"),
        ("fired_fp", "触发误报", "#e45756"),
        ("gold_missed", "旁有漏报", "#eeca3b"),
    ):
        values = shown[column].to_numpy(dtype=float)
        ax.barh(y, values, left=left, color=colour, label=word)
        left += values
    terms = shown["term"] if "term" in shown.columns else shown.index
    ax.set_yticks(y, [str(term) for term in terms])
    ax.invert_yaxis()
    ax.set_xlabel("次数")
    ax.legend(loc="lower right", fontsize=9)
    fig.tight_layout()
    return fig


def before_after(changes: pd.DataFrame, title: str) -> Figure:
    """Precision and recall per label before and after an edit, from
    :func:`pipeline.analysis.detector_scores.compare`; only the labels the edit changed
    (all of them when it changed none, so the figure is never empty)."""
    moved = changes[
        (changes["precision_change"].abs() > 1e-9) | (changes["recall_change"].abs() > 1e-9)
    ]
    shown = moved if len(moved) else changes
    parts = {
        "修改前": shown.rename(
            columns={"precision_before": "precision", "recall_before": "recall"}
        ).assign(found=shown["found_before"], gold=shown["tp_before"] + shown["fn_before"]),
        "修改后": shown.rename(
            columns={"precision_after": "precision", "recall_after": "recall"}
        ).assign(found=shown["found_after"], gold=shown["tp_after"] + shown["fn_after"]),
    }
    keys = list(shown.index)
    return _pr_figure(parts, keys, [label_zh(k) for k in keys], title, "found", "gold")
