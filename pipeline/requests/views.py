"""Cases as plain data for the CLI's JSON and the web pages: the facts, the clocks as of
a day, the linked documents and the proposal they make, the letters."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.requests.cases import STATE_NAMES, CaseClock, clock
from pipeline.requests.clock import Pause, due_by
from pipeline.requests.links import linked, proposal
from pipeline.store.request_rows import RequestCase


def summary(case: RequestCase, today: date) -> dict[str, Any]:
    """One line of the list: what the dashboard and `list --jsonl` show."""
    c = clock(case, today)
    return {
        "id": case.id,
        "number": case.number,
        "applicant": (case.applicant or {}).get("name", ""),
        "applicant_kind": case.applicant_kind,
        "content": case.content,
        "received": case.received_on,
        "state": case.state,
        "state_name": STATE_NAMES.get(case.state, case.state),
        "outcome": case.outcome,
        "closure": case.closure,
        **{k: v for k, v in c.to_dict().items() if k != "state"},
    }


def detail(session: Session, case: RequestCase, today: date) -> dict[str, Any]:
    """Everything about a case (for those who handle it: includes personal data)."""
    found = linked(session, case)
    return summary(case, today) | {
        "applicant": dict(case.applicant or {}),
        "described": dict(case.described or {}),
        "form_wanted": dict(case.form_wanted or {}),
        "channel": case.channel,
        "submitted": case.submitted,
        "receipt_note": case.receipt_note,
        "handler": case.handler,
        "supplement": {
            "asked": case.supplement_asked_on,
            "items": case.supplement_items,
            "due": case.supplement_due_on,
            "received": case.supplement_received_on,
        },
        "consultations": [
            {
                "id": c.id,
                "party": c.party,
                "kind": c.kind,
                "sent": c.sent_on,
                "answer_due": Pause(date.fromisoformat(c.sent_on)).answer_due.isoformat(),
                "answered": c.answered_on,
                "opinion": c.opinion,
            }
            for c in case.consultations
        ],
        "extension": {
            "days": case.extension_days,
            "reason": case.extension_reason,
            "approved_by": case.extension_approved_by,
            "on": case.extension_on,
            "requested": case.extension_requested,
        },
        "delay": {"until": case.delay_until, "reason": case.delay_reason},
        "links": [f.to_dict() for f in found],
        "proposal": proposal(found),
        "outcome_detail": dict(case.outcome_detail or {}),
        "replied": case.replied_on,
        "replied_by": case.replied_by,
        "closed": case.closed_on,
        "letters": [
            {
                "id": row.id,
                "kind": row.kind,
                "filename": row.filename,
                "by": row.created_by,
                "at": row.created_at.isoformat(),
            }
            for row in case.letters
        ],
        "version": case.version,
    }


def cases(
    session: Session,
    today: date,
    due_within: int | None = None,
    state: str | None = None,
) -> list[tuple[RequestCase, CaseClock]]:
    """Cases with their clocks, most urgent first: with ``due_within`` only those still
    to be answered and due (or overdue) by that many working days from ``today``."""
    query = select(RequestCase).order_by(RequestCase.id)
    if state:
        query = query.where(RequestCase.state == state)
    rows = [(case, clock(case, today)) for case in session.scalars(query)]
    if due_within is not None:
        limit = due_by(today, due_within)
        rows = [
            (c, k) for c, k in rows if k.due is not None and k.state == "open" and k.due <= limit
        ]
    rows.sort(key=lambda ck: (ck[1].due is None, ck[1].due or date.max, ck[0].id))
    return rows


def dashboard_counts(rows: list[tuple[RequestCase, CaseClock]]) -> dict[str, int]:
    """Overdue, due soon, paused, awaiting a supplement (lapsed ones too), open in all."""
    return {
        "open": sum(k.state in ("open", "supplement") for _c, k in rows),
        "overdue": sum(k.overdue for _c, k in rows),
        "due_soon": sum(k.due_soon for _c, k in rows),
        "paused": sum(k.paused for _c, k in rows),
        "supplement": sum(k.state == "supplement" for _c, k in rows),
        "lapsed": sum(k.supplement_lapsed for _c, k in rows),
    }


def nightly_lines(session: Session, today: date) -> list[str]:
    """The requests part of a nightly summary (Markdown lines): overdue and due-soon
    cases by number, with no personal data."""
    rows = cases(session, today)
    counts = dashboard_counts(rows)
    lines = [
        f"依申请公开：办理中 {counts['open']} 件，超期 {counts['overdue']} 件，"
        f"5 个工作日内到期 {counts['due_soon']} 件，征求意见中 {counts['paused']} 件，"
        f"待补正 {counts['supplement']} 件（补正期限已过 {counts['lapsed']} 件）"
    ]
    for case, k in rows:
        if k.overdue or k.due_soon:
            flag = "超期" if k.overdue else "即将到期"
            lines.append(
                f"- {flag} {case.number}：答复期限 {k.due}{'（预计）' if k.estimated else ''}"
            )
    return lines
