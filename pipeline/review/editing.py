"""The document page's decision form and what an approver is shown of it.

- One entry per value (:mod:`pipeline.redact.occurrences`): the page strikes through or
  blacks out every occurrence of a value at once, as the copy removes it.
- A returned document (退回) reopens with the previous decision filled in — each value's
  同意/不同意, the spans the reviewer added, the attribute and the comment — and the
  approver's reason on top, so nothing is typed twice and nothing is silently dropped.
- The approver sees what the reviewer changed against the proposal: values kept that
  the machine would remove (yellow in the text), spans added by hand (red), the
  attribute changed, and every value the 公开稿 removes with where and why.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pipeline.reasons import as_choice
from pipeline.redact.occurrences import ValueGroup, every_occurrence, value_groups
from pipeline.redact.spans import area_of
from pipeline.review.forms import Form, form_field, form_text, reason_inputs
from pipeline.store.decided_reasons import reason_of_row
from pipeline.store.ledger import paragraph_numbers, reason_for
from pipeline.store.models import Approval, Decision, DocumentRow


@dataclass(frozen=True)
class FormState:
    """What the decision form starts from (empty, or the returned decision)."""

    verdicts: dict[str, str] = field(default_factory=dict)  # group key → accept | reject
    added: list[dict[str, Any]] = field(default_factory=list)  # start, end, label, text
    attribute: str | None = None
    comment: str = ""
    areas: list[dict[str, Any]] = field(default_factory=list)  # page, box, label
    reasons: dict[str, tuple[str, str]] = field(default_factory=dict)  # group key → choice, note


@dataclass(frozen=True)
class Changes:
    """A decision against the machine's proposal, for the approver."""

    kept: list[ValueGroup]  # proposed for removal, the reviewer said 不同意
    added: list[dict[str, Any]]  # removed by hand (start, end, label, text), one per value
    suggested: str | None
    decided: str
    areas: list[dict[str, Any]] = field(default_factory=list)  # boxes drawn on page images
    reasons: list[dict[str, Any]] = field(default_factory=list)  # reason rows changed

    @property
    def any(self) -> bool:
        changed = self.kept or self.added or self.areas or self.reasons
        return bool(changed) or self.suggested != self.decided


def groups_of(document: DocumentRow) -> list[ValueGroup]:
    suggestion = document.suggestion
    if suggestion is None:
        return []
    return value_groups(document.text or "", list(suggestion.findings), suggestion.redactions)


def group_verdict(group: ValueGroup, verdicts: dict[str, Any]) -> str:
    """A value's verdict in a decision: reject when any of its findings was rejected or
    modified (one decision per value; older decisions may differ per occurrence)."""
    given = [verdicts.get(str(i)) for i in group.finding_ids]
    return "reject" if any(v in ("reject", "modify") for v in given) else "accept"


def _chars(spans: Sequence[dict[str, Any]]) -> set[int]:
    return {i for s in spans for i in range(int(s["start"]), int(s["end"]))}


def hand_added(
    document: DocumentRow, groups: Sequence[ValueGroup], decision: Decision
) -> list[dict[str, Any]]:
    """The decision's spans that no kept proposal explains: what the reviewer added by
    hand, one entry per value (the copies remove every occurrence anyway)."""
    text = document.text or ""
    proposals = document.suggestion.redactions if document.suggestion else []
    verdict = {g.index: group_verdict(g, decision.verdicts or {}) for g in groups}
    kept = [
        {"start": s, "end": e}
        for g in groups
        if g.proposed and verdict[g.index] == "accept"
        for s, e in g.occurrences
    ]
    explained = _chars(
        every_occurrence(text, kept + [p for p in proposals if not _has_group(p, groups)])
    )
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for span in decision.redactions:
        start, end = int(span["start"]), int(span["end"])
        at = start
        while at < end:
            if at in explained:
                at += 1
                continue
            stop = at
            while stop < end and stop not in explained:
                stop += 1
            piece = text[at:stop]
            if piece.strip() and piece not in seen:
                seen.add(piece)
                out.append({"start": at, "end": stop, "text": piece, **_span_reason(span)})
            at = stop
    return out


def _span_reason(span: dict[str, Any]) -> dict[str, Any]:
    """A decided span's label and reason as the form sends them back (choice, note) and
    as the approver reads them (``why``)."""
    choice = str(span.get("reason") or as_choice(str(span["label"])))
    note = str(span.get("detail") or "") if choice == "other_personal" else ""
    why = reason_of_row(span) if span.get("category") else ""
    return {"label": span["label"], "reason": choice, "note": note, "why": why}


def _form_reasons(
    document: DocumentRow, groups: Sequence[ValueGroup], decision: Decision
) -> dict[str, tuple[str, str]]:
    """Each value entry's reason in a decision, to fill the form in again."""
    text = document.text or ""
    rows = {str(r.get("value")): r for r in decision.reasons or []}
    out = {}
    for g in groups:
        row = rows.get(g.value) or rows.get(text[g.occurrences[0][0] : g.occurrences[0][1]])
        if row and row.get("reason") and not row.get("by_hand"):
            choice = str(row["reason"])
            out[g.key] = (
                choice,
                str(row.get("detail") or "") if choice == "other_personal" else "",
            )
    return out


def _has_group(proposal: dict[str, Any], groups: Sequence[ValueGroup]) -> bool:
    start, end = int(proposal["start"]), int(proposal["end"])
    return any(start <= s and e <= end for g in groups for s, e in g.occurrences)


def form_state(document: DocumentRow, groups: Sequence[ValueGroup]) -> FormState:
    """The returned decision, filled in again; a fresh form when there is none."""
    decision = document.decision
    if decision is None:
        return FormState()
    return FormState(
        verdicts={g.key: group_verdict(g, decision.verdicts or {}) for g in groups},
        added=hand_added(document, groups, decision),
        attribute=decision.attribute,
        comment=decision.comment or "",
        areas=list(decision.areas or []),
        reasons=_form_reasons(document, groups, decision),
    )


def last_return(document: DocumentRow) -> Approval | None:
    """The approver's 退回 of the latest decision (with the reason), if it was returned."""
    decision = document.decision
    if decision is None or document.state not in ("returned", "in_review"):
        return None
    returns = [a for a in document.approvals if a.action == "return"]
    last = returns[-1] if returns else None
    return last if last is not None and last.decision_id == decision.id else None


def changes(document: DocumentRow, groups: Sequence[ValueGroup]) -> Changes | None:
    decision = document.decision
    if decision is None:
        return None
    suggestion = document.suggestion
    return Changes(
        kept=[
            g
            for g in groups
            if g.proposed and group_verdict(g, decision.verdicts or {}) == "reject"
        ],
        added=hand_added(document, groups, decision),
        suggested=suggestion.attribute if suggestion else None,
        decided=decision.attribute,
        areas=list(decision.areas or []),
        reasons=[r for r in decision.reasons or [] if isinstance(r.get("proposed"), dict)],
    )


def submitted_state(form: Form, document: DocumentRow) -> FormState:
    """The form as the user submitted it, for a refused or conflicting save (409): the
    page comes back with their verdicts, spans and comment to re-apply, not a blank."""
    text = document.text or ""
    verdicts = {
        key.removeprefix("verdict-"): value
        for key, value in form.multi_items()
        if key.startswith("verdict-") and value in ("accept", "reject")
    }
    added: list[dict[str, Any]] = []
    try:
        rows = json.loads(form_field(form, "added") or "[]")
    except json.JSONDecodeError:
        rows = []
    for row in rows if isinstance(rows, list) else []:
        try:
            start, end = int(row["start"]), int(row["end"])
        except (KeyError, TypeError, ValueError):
            continue
        if 0 <= start < end <= len(text):
            label = str(row.get("label", ""))
            added.append(
                {
                    "start": start,
                    "end": end,
                    "label": label,
                    "reason": str(row.get("reason") or as_choice(label)),
                    "note": str(row.get("note") or ""),
                    "text": text[start:end],
                }
            )
    phrase = form_field(form, "add_text").strip()
    at = text.find(phrase) if phrase else -1
    if at >= 0:
        label = form_field(form, "add_label")
        added.append(
            {
                "start": at,
                "end": at + len(phrase),
                "label": label,
                "reason": as_choice(label),
                "note": form_field(form, "add_note"),
                "text": phrase,
            }
        )
    return FormState(
        verdicts=verdicts,
        added=added,
        attribute=form_field(form, "attribute") or None,
        comment=form_text(form, "comment"),
        areas=_submitted_areas(form),
        reasons=reason_inputs(form),
    )


def _submitted_areas(form: Form) -> list[dict[str, Any]]:
    """The boxes of a refused form that still make sense, to draw and list again."""
    try:
        rows = json.loads(form_field(form, "areas") or "[]")
    except json.JSONDecodeError:
        return []
    out = []
    for row in rows if isinstance(rows, list) else []:
        try:
            keep = {k: str(row[k]) for k in ("reason", "note") if row.get(k)}
            out.append(area_of(row).to_dict() | keep)
        except (ValueError, AttributeError):
            continue
    return out


@dataclass(frozen=True)
class ChangeMarks:
    """Where the approver's view of the text marks the reviewer's changes: characters of
    values removed by hand (red) and of proposed values the reviewer kept (yellow)."""

    added: frozenset[int]
    kept: frozenset[int]


def change_marks(document: DocumentRow, found: Changes) -> ChangeMarks:
    text = document.text or ""
    return ChangeMarks(
        added=frozenset(_chars(every_occurrence(text, found.added))),
        kept=frozenset(i for g in found.kept for s, e in g.occurrences for i in range(s, e)),
    )


@dataclass(frozen=True)
class Removal:
    """One value the 公开稿 removes, as the table "公开稿删除的内容" lists it."""

    value: str
    label: str
    basis: str
    places: int
    paragraphs: tuple[int, ...]  # 1-based, counting non-empty lines
    by_hand: bool  # added by the reviewer, not proposed
    reason: str = ""  # 个人隐私（身份证号）
    proposed: str = ""  # the proposal's reason, when the reviewer changed it


def removals(document: DocumentRow, groups: Sequence[ValueGroup]) -> list[Removal]:
    """What the decided copy removes, value by value in order of first appearance: the
    decision's spans at every occurrence (as the writers remove them)."""
    decision = document.decision
    if decision is None:
        return []
    text = document.text or ""
    by_hand = {a["text"] for a in hand_added(document, groups, decision)}
    starts, numbers = paragraph_numbers(text)
    by_value: dict[str, list[dict[str, Any]]] = {}
    for span in every_occurrence(text, decision.redactions):
        value = text[int(span["start"]) : int(span["end"])]
        if value.strip():
            by_value.setdefault(value, []).append(span)
    rows = {str(r["value"]): r for r in decision.reasons or [] if r.get("value")}
    out = []
    for value, spans in by_value.items():
        lines = {numbers[bisect_right(starts, int(s["start"])) - 1] for s in spans}
        reason, proposed, _hand, _presumed = reason_for(value, spans[0], rows)
        out.append(
            Removal(
                value=value,
                label=str(spans[0]["label"]),
                basis=reason.cited,
                places=len(spans),
                paragraphs=tuple(sorted(lines)),
                by_hand=value in by_hand or any(piece in value for piece in by_hand),
                reason=reason.text,
                proposed=proposed,
            )
        )
    return out
