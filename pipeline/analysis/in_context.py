"""False positives and misses shown where they occur: the words before and after, the
span highlighted, what found it and why. A notebook displays :class:`ContextTable` as
HTML (``_repr_html_``); ``str()`` gives the same rows as plain text for a terminal."""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

COLOURS = {"TP": "#c8e6c9", "FP": "#ffcdd2", "FN": "#fff59d"}
MEANING = {"TP": "found, right", "FP": "found, wrong", "FN": "missed"}


def _visible(text: str) -> str:
    return text.replace("\n", "⏎")


@dataclass(frozen=True)
class ContextTable:
    frame: pd.DataFrame  # doc, label, outcome, before, span, after, recognizer, explanation

    def __len__(self) -> int:
        return len(self.frame)

    def __str__(self) -> str:
        lines = [
            f"{r.doc} {r.label} {r.outcome}: …{r.before}【{r.span}】{r.after}…  ({r.recognizer or '—'})"
            for r in self.frame.itertuples()
        ]
        return "\n".join(lines) if lines else "(none)"

    def _repr_html_(self) -> str:
        if self.frame.empty:
            return "<p><i>(none)</i></p>"
        rows = []
        for r in self.frame.itertuples():
            colour = COLOURS.get(str(r.outcome), "#eeeeee")
            why = html.escape(str(r.explanation or ""))
            rows.append(
                "<tr>"
                f"<td>{html.escape(str(r.doc))}</td><td>{html.escape(str(r.label))}</td>"
                f"<td title='{MEANING.get(str(r.outcome), '')}'>{html.escape(str(r.outcome))}</td>"
                f"<td style='text-align:left'>…{html.escape(r.before)}"
                f"<mark style='background:{colour}' title='{why}'>{html.escape(r.span)}</mark>"
                f"{html.escape(r.after)}…</td>"
                f"<td>{html.escape(str(r.recognizer or '—'))}</td>"
                f"<td style='text-align:left'>{why}</td>"
                "</tr>"
            )
        head = "".join(
            f"<th>{h}</th>" for h in ("doc", "label", "outcome", "in context", "recognizer", "why")
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def in_context(
    frame: pd.DataFrame,
    texts: dict[str, str],
    outcomes: tuple[str, ...] = ("FP", "FN"),
    width: int = 25,
    limit: int | None = 100,
) -> ContextTable:
    """The rows of ``frame`` (see :func:`pipeline.analysis.detector_scores.outcomes`)
    whose outcome is one of ``outcomes``, each with ``width`` characters either side."""
    chosen = frame[frame["outcome"].isin(outcomes)]
    if limit is not None:
        chosen = chosen.head(limit)
    rows = []
    for r in chosen.itertuples():
        text = texts[str(r.doc)]
        start, end = int(r.start), int(r.end)
        rows.append(
            {
                "doc": r.doc,
                "label": r.label,
                "outcome": r.outcome,
                "before": _visible(text[max(0, start - width) : start]),
                "span": _visible(text[start:end]),
                "after": _visible(text[end : end + width]),
                "recognizer": r.recognizer,
                "explanation": r.explanation,
            }
        )
    columns = ["doc", "label", "outcome", "before", "span", "after", "recognizer", "explanation"]
    return ContextTable(pd.DataFrame(rows, columns=columns))
