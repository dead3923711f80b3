"""What the review app's pages show, computed from the store: the document page's context
(findings as runs of text, history, which buttons the workflow allows this viewer) and
the annual statistics. Plain functions the routes in ``app.py`` render."""

from __future__ import annotations

import base64
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from pipeline.deadlines import AWAITING_PUBLICATION, DUE_SOON_DAYS, due_soon_until
from pipeline.decide import ATTRIBUTES
from pipeline.labels import REDACTABLE, label_name
from pipeline.review.editing import (
    FormState,
    change_marks,
    changes,
    form_state,
    groups_of,
    last_return,
    removals,
    submitted_state,
)
from pipeline.review.forms import Form, form_field, parse_number
from pipeline.review.highlight import NOTE_NAMES, note_spans, runs
from pipeline.review.logins import Viewer
from pipeline.review.queue import DEADLINES, QueueFilter, queue_page
from pipeline.review.scan_pages import page_view
from pipeline.review.today import progress
from pipeline.review.versions import version_view
from pipeline.store import audit, batch_review, presence, workflow
from pipeline.store.copies import current_spans, proposed_spans
from pipeline.store.models import AuditEvent, DocumentRow
from pipeline.store.rights import Reader, visible
from pipeline.store.workflow import STATE_NAMES, ApprovalPolicy

QUEUE_PARAMS = (
    "state",
    "attribute",
    "min_confidence",
    "max_confidence",
    "deadline",
    "words",
    "mine",
)


def queue_context(
    session: Session, viewer: Viewer, query: Mapping[str, str], page: int, page_size: int
) -> dict[str, Any]:
    """One page of the queue under the filters of the query string (kept as typed so the
    form shows it again); values outside their lists are ignored. No state chosen means
    待审 (still to decide); ``all`` means every state; ``mine=1`` the viewer's decisions."""
    params = {key: str(query.get(key, ""))[:100] for key in QUEUE_PARAMS}
    mine = params["mine"] == "1"
    state = params["state"]
    qf = QueueFilter(
        state=state if state in STATE_NAMES else None,
        states=workflow.DECIDABLE if state == "" and not mine else None,
        decided_by=viewer.user_id if mine else None,
        attribute=params["attribute"] if params["attribute"] in ATTRIBUTES else None,
        min_confidence=parse_number(params["min_confidence"]),
        max_confidence=parse_number(params["max_confidence"]),
        deadline=params["deadline"] if params["deadline"] in DEADLINES else None,
        words=params["words"].strip()[:100] or None,
        reader=viewer.reader,
    )
    rows, total = queue_page(session, qf, page, page_size)
    return {
        "rows": rows,
        "total": total,
        "page": page,
        "pages": max(1, -(-total // page_size)),
        "filters": params,
        "query": lambda p: urlencode({**params, "page": p}),
        "today": qf.today.isoformat(),
        "soon": due_soon_until(qf.today).isoformat(),
        "awaiting": AWAITING_PUBLICATION,
        "soon_days": DUE_SOON_DAYS,
        "mine": mine,
        "progress": progress(session, viewer.user_id, reader=viewer.reader),
        "viewing": presence.viewing(session, [r.document.id for r in rows], viewer.user_id),
        "similar": batch_review.pending_sizes(session, viewer.reader) if qf.states and rows else {},
    }


def document_context(
    session: Session, viewer: Viewer, document: DocumentRow, policy: ApprovalPolicy
) -> dict[str, Any]:
    suggestion = document.suggestion
    decision = document.decision
    findings = list(suggestion.findings) if suggestion else []
    history = list(
        session.scalars(
            select(AuditEvent).where(AuditEvent.document_id == document.id).order_by(AuditEvent.id)
        )
    )
    done = workflow.approvals_done(document, decision) if decision is not None else []
    level = len(done) + 1
    level_role = policy.levels[level - 1] if level <= len(policy.levels) else None
    reviewed = document.state == "reviewed" and decision is not None
    can_approve = can_override = False
    if reviewed and decision is not None:
        # The buttons follow the workflow's own rules, which enforce them again on POST.
        can_approve = (
            level_role is not None
            and viewer.role in (level_role, "admin")
            and not workflow.took_part(decision, done, viewer.user_id)
            and not workflow.awaits_override(document, decision)
        )
        can_override = (
            viewer.role == "admin"
            and document.secret_mark
            and not workflow.overridden(document, decision)
        )
    can_decide = (
        viewer.role in ("reviewer", "admin")
        and document.state in workflow.DECIDABLE
        and document.status == "ok"
    )
    groups = groups_of(document)
    # While deciding, the text starts from the proposals and the form's verdicts and
    # added spans paint over it (review.js); afterwards it shows the stored decision.
    spans = proposed_spans(document) if can_decide else current_spans(document)
    form = form_state(document, groups) if can_decide else FormState()
    # A new file version starts from the earlier version's decision where the text is
    # unchanged (versions.py); a returned one from its own decision, as above.
    versions = version_view(session, document, groups, viewer.reader)
    if can_decide and document.decision is None and versions and versions.plan:
        form = versions.plan.form()
    found = changes(document, groups) if document.state == "reviewed" else None
    return {
        "viewer": viewer,
        "doc": document,
        "meta": document.doc_metadata or {},
        "suggestion": suggestion,
        "decision": decision,
        "findings": findings,
        "by_id": {f.id: f for f in findings},
        "groups": groups,
        "form": form,
        "page_view": page_view(session, document),
        "page_areas": form.areas if can_decide else list(decision.areas or []) if decision else [],
        "returned": last_return(document),
        "changes": found,
        "marks": change_marks(document, found) if found is not None else None,
        "removals": [] if can_decide else removals(document, groups),
        "reason_rows": {str(r.get("value")): r for r in (decision.reasons or [])}
        if decision is not None
        else {},
        "others": presence.others(session, document.id, viewer.user_id),
        "successor": session.scalars(
            select(DocumentRow.id).where(DocumentRow.previous_id == document.id)
        ).first(),
        "runs": runs(document.text or "", findings, spans, groups, note_spans(document.warnings)),
        "note_names": NOTE_NAMES,
        "versions": versions,
        "carry": versions.plan if versions and can_decide and document.decision is None else None,
        "progress": progress(session, viewer.user_id, reader=viewer.reader) if can_decide else None,
        "history": history,
        "level": level,
        "levels": len(policy.levels),
        "level_role": level_role,
        "can_decide": can_decide,
        "can_approve": can_approve,
        "can_return": reviewed and viewer.role in ("approver", "admin"),
        "can_override": can_override,
        "batch": reviewed
        and viewer.role in batch_review.ROLES
        and batch_review.group_key(document) is not None,
        "redactable": [(label, label_name(label)) for label in sorted(REDACTABLE)],
    }


def refused_context(
    session: Session,
    viewer: Viewer,
    document: DocumentRow,
    policy: ApprovalPolicy,
    form: Form,
    message: str,
) -> dict[str, Any]:
    """The document page again after a refused or conflicting step: the current state,
    the message, and the user's submitted decision kept in the form to re-apply."""
    context = document_context(session, viewer, document, policy)
    context["error"] = message
    if form_field(form, "attribute"):  # a decision that was not saved
        # Still open to decide: back in the form. Decided by someone else meanwhile:
        # shown beside their decision, to copy or to raise with the approver.
        context["form" if context["can_decide"] else "unsaved"] = submitted_state(form, document)
    return context


def failure(exc: Exception, doc_id: int) -> tuple[str, int]:
    """The message and status of a failed step: 409 when someone else changed the
    document first, 403 for a step the workflow refuses."""
    if isinstance(exc, StaleDataError):
        return f"文档 {doc_id} 刚被他人修改，您的修改未保存，已保留在下方表单中。", 409
    return str(exc), 409 if isinstance(exc, workflow.Conflict) else 403


def audit_context(session: Session, page: int, page_size: int, reader: Reader) -> dict[str, Any]:
    """The audit chain's state and one page of its events, newest first; what events say
    of a document the reader may not open (comments, reasons, file names) is left out."""
    events = list(
        session.scalars(
            select(AuditEvent)
            .order_by(AuditEvent.id.desc())
            .limit(page_size)
            .offset((page - 1) * page_size)
        )
    )
    ids = {e.document_id for e in events if e.document_id is not None}
    shown = set(
        session.scalars(select(DocumentRow.id).where(DocumentRow.id.in_(ids), visible(reader)))
    )
    hidden = ids - shown
    return {"check": audit.verify(session), "events": events, "page": page, "hidden": hidden}


def statistics_context(session: Session, year: int) -> dict[str, Any]:
    """The annual report's tables (HTML) and charts (PNG, base64) for ``year``."""
    from pipeline.catalog.statistics import annual_statistics, write_charts

    stats = annual_statistics(session, year)
    with tempfile.TemporaryDirectory(prefix="triage-charts-") as folder:
        charts = [
            base64.b64encode(path.read_bytes()).decode("ascii")
            for path in write_charts(stats, Path(folder))
        ]
    tables = {
        name: table.to_html(index=False, escape=True, border=0, classes="queue", na_rep="—")
        for name, table in stats.tables().items()
    }
    return {"year": year, "tables": tables, "charts": charts}


def statistics_workbook(session: Session, year: int) -> bytes:
    """The annual report's spreadsheet (XLSX), as ``triage catalog stats`` writes it."""
    from pipeline.catalog.statistics import annual_statistics, write_workbook

    with tempfile.TemporaryDirectory(prefix="triage-stats-") as folder:
        path = write_workbook(annual_statistics(session, year), Path(folder) / "stats.xlsx")
        return path.read_bytes()
