"""The reason of every removal a reviewer decides (:mod:`pipeline.reasons`).

Each span of a decision gets its reason written into it — its label becomes the reason's
(a name the reviewer calls 其他个人信息（准考证号） is redacted and exported as that, not
as a name) and its ``legal_basis`` the reason's article — and the decision keeps one row
per removed value (``decisions.reasons``, migration 0009): value, first place, reason,
whether the reviewer added it by hand, and the proposal's reason when the reviewer
changed it. The rows are the 删除台账's "why", kept apart from the spans because the spans
of neighbouring values merge (the first part's keys win) and a 台账 must not lose one.

A proposed value's reason is the reviewer's choice for its entry on the page, else the
default of its finding's label; a span added by hand carries its own (``reason`` and,
for 其他个人信息, ``note``); a proposal no finding explains takes its label's default.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pipeline.reasons import Reason, as_choice, presumed, reason_of
from pipeline.redact.occurrences import ValueGroup

Choice = tuple[str, str]  # (choice, note)


class ReasonError(ValueError):
    """A reason that is not on the list, or 其他个人信息 without its label."""


def _reason(choice: str, note: str) -> Reason:
    try:
        return reason_of(choice, note)
    except ValueError as exc:
        raise ReasonError(str(exc)) from exc


def _note(row: Mapping[str, Any]) -> str:
    """The free label of a row: as the form sent it, or as a stored (refilled) row keeps it."""
    stored = row.get("detail") if row.get("reason") == "other_personal" else ""
    return str(row.get("note") or stored or "")


def apply_reasons(
    text: str,
    groups: Sequence[ValueGroup],
    proposed: Sequence[dict[str, Any]],
    added: Sequence[dict[str, Any]],
    choices: Mapping[str, Choice],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(spans with their reasons written in, one reason row per removed value).

    ``proposed`` are the kept proposals, ``added`` the reviewer's spans, ``choices`` the
    reviewer's reason per value entry (group key → (choice, note)). Raises ReasonError."""
    by_value = {g.value: g for g in groups}
    unknown = sorted(set(choices) - {g.key for g in groups})
    if unknown:
        raise ReasonError(f"删除理由对应的识别结果不存在：{'、'.join(unknown[:5])}")
    spans: list[dict[str, Any]] = []
    rows: dict[str, dict[str, Any]] = {}
    for span, by_hand in [(s, False) for s in proposed] + [(s, True) for s in added]:
        start, end = int(span["start"]), int(span["end"])
        value = text[start:end]
        group = by_value.get(value)
        default = presumed(group.label if group else str(span.get("label", "")))
        if span.get("reason"):
            reason = _reason(str(span["reason"]), _note(span))
        elif group is not None and group.key in choices:
            reason = _reason(*choices[group.key])
        else:
            reason = _reason(as_choice(str(span.get("label", ""))) or default.choice, "")
        out = {**span, **reason.to_dict(), "start": start, "end": end}
        out.pop("note", None)
        spans.append(out)
        if value.strip() and value not in rows:
            row: dict[str, Any] = {"value": value, "start": start, "end": end}
            row |= {**reason.to_dict(), "by_hand": by_hand}
            if group is not None and group.proposed and reason.choice != default.choice:
                row["proposed"] = {"reason": default.choice, "text": default.text}
            rows[value] = row
    return spans, list(rows.values())


def area_reason(row: Mapping[str, Any]) -> dict[str, Any]:
    """A box drawn on a page image with its reason written in (the box's ``reason`` and
    ``note``, or its label's default). Raises ReasonError."""
    choice = str(row.get("reason") or "") or as_choice(str(row.get("label", "")))
    reason = _reason(choice, _note(row))
    return {**{k: v for k, v in row.items() if k != "note"}, **reason.to_dict()}


def changed_reasons(rows: Sequence[Mapping[str, Any]]) -> list[dict[str, str]]:
    """What the audit event says of the reasons: each one the reviewer changed against
    the proposal (before → after, no value: the log holds no personal data)."""
    out = []
    for row in rows:
        proposed = row.get("proposed")
        if isinstance(proposed, Mapping):
            after = reason_of_row(row)
            out.append({"from": str(proposed.get("text", "")), "to": after})
    return out


def reason_of_row(row: Mapping[str, Any]) -> str:
    """A stored row's reason as words: 个人隐私（身份证号）."""
    name, detail = str(row.get("category") or ""), str(row.get("detail") or "")
    return name if not detail or detail == name else f"{name}（{detail}）"
