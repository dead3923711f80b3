"""The review database as pandas frames, for analysts' statistics.

One read-only pass over the tables the workflow writes (documents, suggestions with their
findings and proposed redactions, decisions with their verdicts and final redactions,
approvals, the catalog's publications, and the audit log's actions) into long, flat
frames: pandas then answers the questions with groupby and merges instead of each
statistic walking ORM objects. Times become naive local times (``Asia/Shanghai`` by
default) because an office's days and weeks end at its own midnight, not at UTC's.
An empty database gives frames with the same columns and no rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import PurePath
from typing import Any

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from pipeline.store.models import (
    Approval,
    AuditEvent,
    CatalogEntry,
    CatalogVersion,
    Decision,
    DocumentRow,
    FindingRow,
    SuggestionRow,
    User,
)

LOCAL_TZ = "Asia/Shanghai"

DOCUMENTS = ("document_id", "title", "source", "format", "status", "state", "secret_mark")
SUGGESTIONS = ("suggestion_id", "document_id", "attribute", "confidence", "needs_escalation")
FINDINGS = (
    "finding_id",
    "suggestion_id",
    "document_id",
    "label",
    "recognizer",
    "role",
    "score",
    "start",
    "end",
)
SPANS = ("document_id", "start", "end", "label")
DECISIONS = ("decision_id", "document_id", "suggestion_id", "reviewer", "attribute", "comment")
VERDICTS = ("decision_id", "document_id", "finding_id", "verdict")
APPROVALS = ("approval_id", "document_id", "decision_id", "level", "approver", "action", "reason")
EVENTS = ("event_id", "actor", "action", "document_id")
PUBLICATIONS = ("document_id", "index_number", "version")
INTEGERS = ("start", "end", "level", "version")
FLOATS = ("confidence", "score")
FLAGS = ("secret_mark", "needs_escalation")


@dataclass(frozen=True)
class ReviewData:
    """The review database, one frame per kind of row (ids as columns, not indexes).

    - ``documents``: one row per stored file version; ``ingested_at``.
    - ``suggestions``: the machine's suggestions; ``suggested_at``.
    - ``findings``: what the recognizers found, with the document they are in.
    - ``proposals``: the redactions the machine proposed, per suggestion.
    - ``decisions``: reviewers' decisions (``reviewer`` is the user's name); ``decided_at``.
    - ``verdicts``: one row per finding a decision judged (accept / reject / modify).
    - ``redactions``: the final redacted spans of each decision (merged, as saved).
    - ``approvals``: approve / return (退回) / override steps; ``at``.
    - ``publications``: each document version published in the 公开目录; ``published_at``.
    - ``events``: the audit log's actions (e.g. ``rereview`` requeues); ``at``.
    """

    documents: pd.DataFrame
    suggestions: pd.DataFrame
    findings: pd.DataFrame
    proposals: pd.DataFrame
    decisions: pd.DataFrame
    verdicts: pd.DataFrame
    redactions: pd.DataFrame
    approvals: pd.DataFrame
    publications: pd.DataFrame
    events: pd.DataFrame


Source = str | Session | sessionmaker[Session]


def load(source: Source, tz: str = LOCAL_TZ) -> ReviewData:
    """Read the whole review database at ``source`` (a URL, a session factory or an open
    session) into frames; times in ``tz``. A URL is opened like every command opens it
    (migrated to the current schema, so a fresh or old file works) and closed after."""
    if isinstance(source, Session):
        return _read(source, tz)
    if isinstance(source, sessionmaker):
        with source() as session:
            return _read(session, tz)
    from pipeline.store.db import opened, readers

    with opened(source) as factory, readers(factory)() as session:
        return _read(session, tz)


def _read(session: Session, tz: str) -> ReviewData:
    """All frames from one session (one snapshot on SQLite's WAL reads)."""
    documents: list[tuple[Any, ...]] = []
    for row in session.execute(
        select(
            DocumentRow.id,
            DocumentRow.doc_metadata,
            DocumentRow.source,
            DocumentRow.format,
            DocumentRow.status,
            DocumentRow.state,
            DocumentRow.secret_mark,
            DocumentRow.created_at,
        ).order_by(DocumentRow.id)
    ):
        title = (row.doc_metadata or {}).get("title") or _file_name(row.source)
        documents.append(
            (
                row.id,
                title,
                row.source,
                row.format,
                row.status,
                row.state,
                bool(row.secret_mark),
                row.created_at,
            )
        )
    suggestions: list[tuple[Any, ...]] = []
    proposals: list[tuple[Any, ...]] = []
    for s in session.execute(
        select(
            SuggestionRow.id,
            SuggestionRow.document_id,
            SuggestionRow.attribute,
            SuggestionRow.confidence,
            SuggestionRow.needs_escalation,
            SuggestionRow.redactions,
            SuggestionRow.created_at,
        ).order_by(SuggestionRow.id)
    ):
        suggestions.append(
            (
                s.id,
                s.document_id,
                s.attribute,
                s.confidence,
                bool(s.needs_escalation),
                s.created_at,
            )
        )
        proposals += [(s.id, *_span(s.document_id, span)) for span in s.redactions or []]
    findings = session.execute(
        select(
            FindingRow.id,
            FindingRow.suggestion_id,
            SuggestionRow.document_id,
            FindingRow.label,
            FindingRow.recognizer,
            FindingRow.role,
            FindingRow.score,
            FindingRow.start,
            FindingRow.end,
        )
        .join(SuggestionRow, FindingRow.suggestion_id == SuggestionRow.id)
        .order_by(FindingRow.id)
    ).all()
    decisions: list[tuple[Any, ...]] = []
    verdicts: list[tuple[Any, ...]] = []
    redactions: list[tuple[Any, ...]] = []
    for d in session.execute(
        select(
            Decision.id,
            Decision.document_id,
            Decision.suggestion_id,
            User.name,
            Decision.attribute,
            Decision.comment,
            Decision.verdicts,
            Decision.redactions,
            Decision.created_at,
        )
        .join(User, Decision.user_id == User.id)
        .order_by(Decision.id)
    ):
        decisions.append(
            (
                d.id,
                d.document_id,
                d.suggestion_id,
                d.name,
                d.attribute,
                d.comment or "",
                d.created_at,
            )
        )
        verdicts += [(d.id, d.document_id, int(k), v) for k, v in (d.verdicts or {}).items()]
        redactions += [(d.id, *_span(d.document_id, span)) for span in d.redactions or []]
    approvals = session.execute(
        select(
            Approval.id,
            Approval.document_id,
            Approval.decision_id,
            Approval.level,
            User.name,
            Approval.action,
            Approval.reason,
            Approval.created_at,
        )
        .join(User, Approval.user_id == User.id)
        .order_by(Approval.id)
    ).all()
    events = session.execute(
        select(
            AuditEvent.id,
            AuditEvent.actor,
            AuditEvent.action,
            AuditEvent.document_id,
            AuditEvent.at,
        ).order_by(AuditEvent.id)
    ).all()
    return ReviewData(
        documents=_frame(documents, DOCUMENTS, "ingested_at", tz),
        suggestions=_frame(suggestions, SUGGESTIONS, "suggested_at", tz),
        findings=_frame(findings, FINDINGS, None, tz),
        proposals=_frame(proposals, ("suggestion_id", *SPANS), None, tz),
        decisions=_frame(decisions, DECISIONS, "decided_at", tz),
        verdicts=_frame(verdicts, VERDICTS, None, tz),
        redactions=_frame(redactions, ("decision_id", *SPANS), None, tz),
        approvals=_frame(approvals, APPROVALS, "at", tz),
        publications=_frame(_publications(session), PUBLICATIONS, "published_at", tz),
        events=_frame(events, EVENTS, "at", tz),
    )


def _publications(session: Session) -> list[tuple[Any, ...]]:
    """Each published document version with the time its version of the entry was
    published (the entry's history: a later 变更 does not move an earlier version's time)."""
    rows = []
    for version in session.scalars(select(CatalogVersion).order_by(CatalogVersion.document_id)):
        entry = session.get(CatalogEntry, version.entry_id)
        if entry is None:
            continue
        times = [
            change.get("at")
            for change in entry.record.get("history", [])
            if change.get("version") == version.version and change.get("kind") != "取消"
        ]
        at = times[0] if times else entry.record.get("published_at")
        rows.append((version.document_id, entry.index_number, version.version, at))
    return rows


def _span(document_id: int, span: dict[str, Any]) -> tuple[Any, ...]:
    return (document_id, int(span["start"]), int(span["end"]), str(span.get("label") or ""))


def _file_name(source: str) -> str:
    return PurePath(source.replace("\\", "/")).name


def _frame(
    rows: Iterable[Sequence[Any]], columns: Sequence[str], time: str | None, tz: str
) -> pd.DataFrame:
    """A frame of ``rows`` (the time, when there is one, last), typed even when there are
    no rows: ``.dt`` and merges on ids then work the same on an empty database."""
    names = [*columns, time] if time else list(columns)
    frame = pd.DataFrame([tuple(r) for r in rows], columns=names)
    for name in columns:
        if name.endswith("_id") or name in INTEGERS:
            frame[name] = frame[name].astype("Int64")  # nullable: events without a document
        elif name in FLOATS:
            frame[name] = frame[name].astype(float)
        elif name in FLAGS:
            frame[name] = frame[name].astype(bool)
    if time:
        frame[time] = local_times(frame[time], tz)
    return frame


def local_times(values: pd.Series, tz: str = LOCAL_TZ) -> pd.Series:
    """Datetimes or ISO strings, naive (SQLite: stored as UTC) or aware, as naive local
    times in ``tz``."""
    utc = [_as_utc(v) for v in values]
    stamps = pd.to_datetime(pd.Series(utc, index=values.index, dtype=object), utc=True)
    return stamps.dt.tz_convert(tz).dt.tz_localize(None)


def _as_utc(value: Any) -> datetime | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
