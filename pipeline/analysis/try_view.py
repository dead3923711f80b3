"""How a 试一试 trial (:class:`pipeline.analysis.try_edit.Trial`) looks in a notebook: the
suggestion before and after, the findings with where each one is, and the 公开稿 before
and after side by side, line by line, each redaction a dark 【label】 box and the ones the
edit changed outlined (red: new, amber: gone). Every string from the document is escaped.

The copy is drawn from the same merged spans and placeholders as
:func:`pipeline.redact.txt.redact_string` (label style), so its text is the 公开稿's
(:func:`copy_lines` joined by line ends equals ``redact_string`` for spans within a line).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from pipeline.analysis.wording import label_zh, recognizer_zh
from pipeline.labels import placeholder
from pipeline.redact.spans import Redaction

if TYPE_CHECKING:
    from pipeline.analysis.try_edit import Outcome, Trial

NEW, GONE = "#d62728", "#ff9f1a"
STYLE = (
    "<style>.try td,.try th{border:1px solid #ccc;padding:3px 6px;vertical-align:top;"
    "text-align:left}.try .mask{background:#222;color:#fff;padding:0 2px}"
    ".try table{border-collapse:collapse;margin:6px 0}</style>"
)
# A piece of a line of the copy: (text, span) — span is None for kept text.
Piece = tuple[str, tuple[int, int] | None]


def merged(spans: Sequence[Redaction]) -> list[Redaction]:
    """Overlapping or touching spans merged, the first one's label kept (as the copy does)."""
    out: list[Redaction] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if out and span.start <= out[-1].end:
            last = out[-1]
            out[-1] = Redaction(last.start, max(last.end, span.end), last.label, last.legal_basis)
        else:
            out.append(span)
    return out


def copy_lines(text: str, spans: Sequence[Redaction]) -> list[list[Piece]]:
    """The 公开稿 per line of ``text``: kept text and placeholders. A span crossing a line
    end puts its placeholder on the line where it starts and hides the rest of its text
    on the next lines (the copy itself joins those lines)."""
    spans = merged(spans)
    lines: list[list[Piece]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)  # the line's "\n" is at ``end``
        pieces: list[Piece] = []
        at = start
        for span in spans:
            if span.end <= start:
                continue
            if span.start > end:
                break
            if span.start >= start:
                pieces.append((text[at : span.start], None))
                pieces.append((placeholder(span.label), (span.start, span.end)))
            at = max(at, min(span.end, end))
        pieces.append((text[at:end], None))
        lines.append([p for p in pieces if p[0]])
        start = end + 1
    return lines


def _line_html(pieces: list[Piece], marked: set[tuple[int, int]], colour: str) -> str:
    out = []
    for text, span in pieces:
        if span is None:
            out.append(html.escape(text))
        elif span in marked:
            out.append(
                f"<span class='mask' style='outline:2px solid {colour}'>{html.escape(text)}</span>"
            )
        else:
            out.append(f"<span class='mask'>{html.escape(text)}</span>")
    return "".join(out) or "&nbsp;"


def _spans(outcome: Outcome) -> set[tuple[int, int]]:
    return {(r.start, r.end) for r in merged(outcome.redactions)}


def _lines(outcome: Outcome, text: str) -> list[list[Piece]] | None:
    """The copy's lines, or None when the document would be withheld whole."""
    return None if outcome.copy(text) is None else copy_lines(text, outcome.redactions)


def side_by_side(trial: Trial, all_lines: bool = False) -> str:
    """The 公开稿 before and after as an HTML table, one row per line of the document:
    the lines that differ (every line with ``all_lines``)."""
    before, after = _lines(trial.before, trial.text), _lines(trial.after, trial.text)
    gone = _spans(trial.before) - _spans(trial.after)
    new = _spans(trial.after) - _spans(trial.before)
    head = "<tr><th>行</th><th>修改前公开稿</th><th>修改后公开稿</th></tr>"
    if before is None or after is None:
        withheld = "<i>建议不予公开：整件不公开，不生成公开稿</i>"
        left = withheld if before is None else "<i>有公开稿（见下方修改后一栏的对照）</i>"
        right = withheld if after is None else "<i>有公开稿</i>"
        return f"<table>{head}<tr><td></td><td>{left}</td><td>{right}</td></tr></table>"
    rows = []
    for number, (old, fresh) in enumerate(zip(before, after, strict=True), 1):
        if not all_lines and old == fresh:
            continue
        rows.append(
            f"<tr><td>{number}</td><td>{_line_html(old, gone, GONE)}</td>"
            f"<td>{_line_html(fresh, new, NEW)}</td></tr>"
        )
    if not rows:
        return "<p>修改前后的公开稿相同。</p>"
    return f"<table>{head}{''.join(rows)}</table>"


def findings_html(trial: Trial) -> str:
    """Every finding of either side, with a ✓ where it is found; changed rows coloured."""
    table = trial.findings()
    if table.empty:
        return "<p>修改前后都没有发现。</p>"
    rows = []
    for r in table.itertuples():
        colour = {"new": "#fde0e0", "gone": "#fff1d6"}.get(str(r.change), "")
        word = {"new": "新增", "gone": "消失"}.get(str(r.change), "")
        style = f" style='background:{colour}'" if colour else ""
        official = "（机关公务信息，不删除）" if r.role == "official" else ""
        rows.append(
            f"<tr{style}><td>{word}</td><td>{html.escape(label_zh(r.label))}</td>"
            f"<td>{html.escape(str(r.text))}{official}</td>"
            f"<td>{'✓' if r.before else '—'}</td><td>{'✓' if r.after else '—'}</td>"
            f"<td>{html.escape(recognizer_zh(r.recognizer))}</td><td>{r.score:.2f}</td></tr>"
        )
    head = "".join(
        f"<th>{h}</th>" for h in ("变化", "类别", "文字", "修改前", "修改后", "识别器", "分数")
    )
    return f"<table><tr>{head}</tr>{''.join(rows)}</table>"


def _suggestion(outcome: Outcome) -> str:
    s = outcome.suggestion
    return f"{s.attribute}（置信度 {s.confidence:.2f}）"


def trial_html(trial: Trial) -> str:
    """The whole trial: what was edited, the suggestion, findings and the two copies."""
    changes = trial.changes()
    edits = "；".join(trial.edits) or "（未修改）"
    summary = (
        f"新增 {int((changes['change'] == 'new').sum())} 处发现，"
        f"消失 {int((changes['change'] == 'gone').sum())} 处"
        if len(changes)
        else "发现没有变化"
    )
    return (
        f"{STYLE}<div class='try'>"
        f"<p><b>修改：</b>{html.escape(edits)}</p>"
        f"<p><b>结果：</b>{summary}。建议公开属性：修改前 {html.escape(_suggestion(trial.before))}"
        f"，修改后 {html.escape(_suggestion(trial.after))}。</p>"
        f"<h4>发现（修改前 / 修改后）</h4>{findings_html(trial)}"
        f"<h4>公开稿对照（只列有变化的行）</h4>{side_by_side(trial)}</div>"
    )
