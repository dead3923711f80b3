"""Charts the analysts' notebooks share: a CJK font, precision bars, a count heatmap,
lines per period, a reliability diagram.

Labels, attributes and titles in our charts are Chinese; matplotlib's default DejaVu Sans
has no CJK glyphs and draws empty boxes, so notebooks call :func:`use_cjk_font` first.
The charts themselves live here rather than in each notebook so every notebook draws the
same figure the same way (cookiecutter-data-science: code that repeats moves into the
package).
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib import font_manager, rcParams
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from pipeline.fonts import find_cjk_font
from pipeline.labels import label_name

# Simplified-Chinese faces first: Noto Sans CJK and WenQuanYi are what `make` installs on
# Debian; the others are their usual names on analysts' Windows and macOS machines.
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Noto Sans CJK JP",
)


def use_cjk_font(candidates: Sequence[str] = CJK_FONTS) -> str | None:
    """Make the first installed CJK font matplotlib's sans-serif font; its name, or None
    when none is installed (charts still draw, with boxes for Chinese characters).

    Failing the known names, the TrueType font the PDF writers use
    (:func:`pipeline.fonts.find_cjk_font`, WenQuanYi from ``make``) is registered with
    matplotlib by its path: its font cache may predate the font's installation."""
    installed = {font.name for font in font_manager.fontManager.ttflist}
    name = next((n for n in candidates if n in installed), None)
    if name is None and (path := find_cjk_font()) is not None:
        font_manager.fontManager.addfont(path)
        name = font_manager.FontProperties(fname=path).get_name()
    if name is None:
        return None
    rcParams["font.family"] = "sans-serif"
    rcParams["font.sans-serif"] = [name, *[f for f in rcParams["font.sans-serif"] if f != name]]
    rcParams["axes.unicode_minus"] = False  # CJK fonts often lack U+2212 (minus)
    return name


def acceptance_bars(table: pd.DataFrame, by: str = "label", ax: Axes | None = None) -> Axes:
    """Horizontal bars of ``acceptance`` (from ``review_stats.acceptance``) with their
    Wilson intervals as error bars and the number judged beside each; in the table's
    order (lowest first at the top). Labels show their Chinese names."""
    ax = ax or plt.subplots(figsize=(7, 0.45 * max(len(table), 2) + 1))[1]
    names = [f"{label_name(str(v))}（{v}）" if by == "label" else str(v) for v in table[by]]
    rate = table["acceptance"].to_numpy(dtype=float)
    errors = np.vstack([rate - table["low"].to_numpy(float), table["high"].to_numpy(float) - rate])
    y = np.arange(len(table))
    ax.barh(y, rate, xerr=errors, color="#4c78a8", ecolor="#333333", capsize=3)
    for row, (value, judged) in enumerate(zip(rate, table["judged"], strict=True)):
        ax.text(1.02, row, f"{value:.0%}，n={judged}", va="center", fontsize=9)
    ax.set_yticks(y, names)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("采纳率（人工判定的精确率，95% Wilson 区间）")
    return ax


def crosstab_heatmap(crosstab: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """A count matrix (e.g. suggested × final attribute) as an image with each count
    written in its cell; the axis titles are the index and column names."""
    ax = ax or plt.subplots(figsize=(6, 5))[1]
    counts = crosstab.to_numpy(dtype=float)
    image = ax.imshow(counts, cmap="Blues")
    ax.figure.colorbar(image, ax=ax, shrink=0.8)
    ax.set_xticks(range(len(crosstab.columns)), [str(c) for c in crosstab.columns])
    ax.set_yticks(range(len(crosstab.index)), [str(i) for i in crosstab.index])
    ax.set_xlabel(str(crosstab.columns.name or ""))
    ax.set_ylabel(str(crosstab.index.name or ""))
    middle = counts.max() / 2 if counts.size else 0
    for (row, column), value in np.ndenumerate(counts):
        colour = "white" if value > middle else "black"
        ax.text(column, row, f"{value:g}", ha="center", va="center", color=colour)
    return ax


def lines(frame: pd.DataFrame, ax: Axes | None = None, title: str = "", ylabel: str = "") -> Axes:
    """One line per column over the frame's index (periods), with a point per period so
    a single week still shows; an empty frame draws a note instead of raising as
    ``DataFrame.plot`` does, so a notebook runs through on a new database."""
    ax = ax or plt.subplots(figsize=(9, 3.5))[1]
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    if frame.empty or frame.isna().all().all():
        ax.text(0.5, 0.5, "暂无数据", ha="center", va="center", transform=ax.transAxes)
        return ax
    if isinstance(frame.index, pd.PeriodIndex):
        # pandas writes a period axis with English month names ("Jun 2025"): name each
        # period by the day it starts instead.
        frame = frame.set_axis(list(frame.index.start_time.strftime("%Y-%m-%d")), axis=0)
    frame.astype(float).plot(ax=ax, marker="o")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=9)
    return ax


def reliability(curve: pd.DataFrame, probabilities: pd.DataFrame, title: str = "") -> Figure:
    """A reliability diagram per attribute: above, the observed share against the mean
    predicted probability per bin (``attribute_report.calibration``; the diagonal is
    calibrated, below it overconfident), each point with its number of drafts; below,
    how the predicted probabilities spread (``p_<attribute>`` columns of
    ``attribute_report.predictions``), since a bin of three drafts proves little."""
    attributes = list(dict.fromkeys(curve["attribute"])) or [
        c.removeprefix("p_") for c in probabilities.columns if c.startswith("p_")
    ]
    fig, axes = plt.subplots(
        2,
        max(len(attributes), 1),
        figsize=(4 * max(len(attributes), 1), 6.5),
        sharex=True,
        squeeze=False,
        gridspec_kw={"height_ratios": [3, 1]},
    )
    for column, attribute in enumerate(attributes):
        top, bottom = axes[0][column], axes[1][column]
        part = curve[curve["attribute"] == attribute]
        top.plot([0, 1], [0, 1], linestyle=":", color="grey", label="完全校准")
        top.plot(part["mean_probability"], part["observed"], marker="o", label="模型")
        for row in part.itertuples():
            top.annotate(
                f"{row.drafts}件",
                (row.mean_probability, row.observed),
                fontsize=8,
                xytext=(3, 3),
                textcoords="offset points",
            )
        top.set_title(attribute)
        top.set_ylim(-0.02, 1.02)
        values = probabilities.get(f"p_{attribute}", pd.Series(dtype=float)).dropna()
        bottom.hist(values, bins=10, range=(0, 1), color="#4c78a8")
        bottom.set_xlabel("预测概率")
    axes[0][0].set_ylabel("实际比例")
    axes[1][0].set_ylabel("文稿数")
    axes[0][0].legend(loc="upper left", fontsize=8)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig
