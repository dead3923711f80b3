"""False positives and misses shown where they occur: the words before and after, the
span highlighted, what found it and why, and — for reviewers' decisions exported with
``triage export-labels`` — what the reviewer said about the document and whether they
rejected that very finding. A notebook displays :class:`ContextTable` as HTML
(``_repr_html_``, headers in Chinese); ``str()`` gives the same rows as plain text."""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from pipeline.analysis.wording import OUTCOME_NAMES, label_zh, recognizer_zh

COLOURS = {"TP": "#c8e6c9", "FP": "#ffcdd2", "FN": "#fff59d"}
MEANING = {"TP": "找到，且正确", "FP": "找到，但标注中没有", "FN": "标注中有，未找到"}
HEADERS = ("文档", "类别", "结果", "上下文", "识别器", "依据", "审核意见")
REJECTED = "审核人曾对此发现选择“不同意”"


def _visible(text: str) -> str:
    return text.replace("\n", "⏎")


@dataclass(frozen=True)
class ContextTable:
    # doc, label, outcome, before, span, after, recognizer, explanation, note
    frame: pd.DataFrame

    def __len__(self) -> int:
        return len(self.frame)

    def __str__(self) -> str:
        lines = [
            f"{r.doc} {r.label} {OUTCOME_NAMES.get(str(r.outcome), r.outcome)}："
            f"…{r.before}【{r.span}】{r.after}…  （{r.recognizer or '—'}）"
            + (f"  审核意见：{r.note}" if r.note else "")
            for r in self.frame.itertuples()
        ]
        return "\n".join(lines) if lines else "（无）"

    def _repr_html_(self) -> str:
        if self.frame.empty:
            return "<p><i>（无）</i></p>"
        rows = []
        for r in self.frame.itertuples():
            colour = COLOURS.get(str(r.outcome), "#eeeeee")
            why = html.escape(str(r.explanation or ""))
            rows.append(
                "<tr>"
                f"<td>{html.escape(str(r.doc))}</td><td>{html.escape(label_zh(r.label))}</td>"
                f"<td title='{MEANING.get(str(r.outcome), '')}'>"
                f"{html.escape(OUTCOME_NAMES.get(str(r.outcome), str(r.outcome)))}</td>"
                f"<td style='text-align:left'>…{html.escape(r.before)}"
                f"<mark style='background:{colour}' title='{why}'>{html.escape(r.span)}</mark>"
                f"{html.escape(r.after)}…</td>"
                f"<td>{html.escape(recognizer_zh(r.recognizer))}</td>"
                f"<td style='text-align:left'>{why}</td>"
                f"<td style='text-align:left'>{html.escape(str(r.note or ''))}</td>"
                "</tr>"
            )
        head = "".join(f"<th>{h}</th>" for h in HEADERS)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def in_context(
    frame: pd.DataFrame,
    texts: dict[str, str],
    outcomes: tuple[str, ...] = ("FP", "FN"),
    width: int = 25,
    limit: int | None = 100,
    notes: dict[str, str] | None = None,
    rejected: dict[str, set[tuple[int, int, str]]] | None = None,
) -> ContextTable:
    """The rows of ``frame`` (see :func:`pipeline.analysis.detector_scores.outcomes`)
    whose outcome is one of ``outcomes``, each with ``width`` characters either side;
    ``notes`` (document → what its reviewer said) and ``rejected`` (document → the
    findings its reviewer rejected, :func:`pipeline.analysis.labelled_choice.rejected_spans`)
    fill the 审核意见 column."""
    chosen = frame[frame["outcome"].isin(outcomes)]
    if limit is not None:
        chosen = chosen.head(limit)
    rows = []
    for r in chosen.itertuples():
        doc = str(r.doc)
        text = texts[doc]
        start, end = int(r.start), int(r.end)
        said = []
        if r.outcome == "FP" and (start, end, str(r.label)) in (rejected or {}).get(doc, set()):
            said.append(REJECTED)
        if notes and notes.get(doc):
            said.append(notes[doc])
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
                "note": "；".join(said),
            }
        )
    columns = [
        "doc",
        "label",
        "outcome",
        "before",
        "span",
        "after",
        "recognizer",
        "explanation",
        "note",
    ]
    return ContextTable(pd.DataFrame(rows, columns=columns))
