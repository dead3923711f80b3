"""A small, realistic review database built through the real code, with what was done.

Tests of the analysts' statistics (and the notebook that shows them) need a database in
which people have worked for weeks: findings accepted and rejected, attributes changed,
spans marked by hand, documents returned (退回), approved, withheld and published, and a
backlog still open. ``build_review_db`` makes one the way production does — generated
drafts (``pipeline.training.documents``, our own fixtures) written as .txt, scanned and
stored as ``triage review add`` stores them, then decided and approved through
``pipeline.store.workflow`` — and afterwards moves the times of documents, suggestions,
decisions, approvals and publications back over ``weeks`` weeks with plain UPDATEs (the
workflow stamps "now"). The audit log keeps its real times: rewriting them would break
its hash chain.

Every choice is a deterministic function of the document's position and ``seed``, and
the returned :class:`BuiltReview` says what was decided, so tests assert exact figures.
About 30 documents take a few seconds, mostly scanning.
"""

from __future__ import annotations

import random
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from pipeline.catalog.publish import publish_document
from pipeline.catalog.settings import CatalogSettings
from pipeline.config import Settings
from pipeline.decide import ON_REQUEST, PARTIAL, PUBLIC, WITHHELD
from pipeline.nightly import collect, open_store, plan, store_chunk
from pipeline.store import workflow
from pipeline.store.db import opened
from pipeline.store.models import Approval, CatalogEntry, Decision, DocumentRow, SuggestionRow, User
from pipeline.store.users import add_user, find_user
from pipeline.training.documents import BUILDERS, generate

UNTIL = datetime(2025, 6, 29, 12, 0, tzinfo=UTC)  # a Sunday, 20:00 in Beijing
REVIEWERS = ("李审核", "张审核")
APPROVERS = ("王批准", "陈批准")
ADMIN = "赵管理"
# What a reviewer does with a changed attribute: the usual corrections of a clerk.
CHANGED = {PUBLIC: PARTIAL, PARTIAL: PUBLIC, ON_REQUEST: PUBLIC, WITHHELD: ON_REQUEST}
# Share of findings rejected / modified per label (others: REJECT_DEFAULT, no modify):
# different per label, so precision differs per label as in real reviews.
REJECT = {"PERSON": 0.35, "INTERNAL": 0.4, "ADDRESS": 0.25, "PHONE": 0.15}
MODIFY = {"ADDRESS": 0.25, "PERSON": 0.1}
REJECT_DEFAULT = 0.1
HAND_LABELS = ("PERSON", "ADDRESS")


@dataclass
class BuiltDocument:
    """One stored document and what the builder did with it (times in UTC)."""

    document_id: int
    kind: str
    suggested: str | None
    secret_mark: bool
    ingested_at: datetime
    fate: str  # open | in_review | reviewed | returned | approved | withheld
    decided_at: list[datetime] = field(default_factory=list)  # every decision, in order
    final: str | None = None  # the latest decision's attribute
    reviewer: str | None = None  # who made the latest decision
    returned_at: datetime | None = None
    approved_at: datetime | None = None  # the final approval (approved or withheld)
    published_at: datetime | None = None
    verdicts: dict[int, str] = field(default_factory=dict)  # latest decision: finding → verdict
    hand_marked: list[str] = field(default_factory=list)  # labels of spans marked by hand


@dataclass
class BuiltReview:
    """What ``build_review_db`` stored and decided."""

    url: str
    documents: list[BuiltDocument]
    findings: dict[int, tuple[str, str]]  # finding id → (label, recognizer), all documents

    def judged(self, key: str = "label") -> dict[str, Counter[str]]:
        """Verdict counts per label (or ``"recognizer"``) over the latest decisions."""
        index = 0 if key == "label" else 1
        counts: dict[str, Counter[str]] = {}
        for document in self.documents:
            for finding_id, verdict in document.verdicts.items():
                name = self.findings[finding_id][index]
                counts.setdefault(name, Counter())[verdict] += 1
        return counts

    def crosstab(self) -> Counter[tuple[str, str]]:
        """(suggested, final) → decided documents."""
        return Counter((d.suggested, d.final) for d in self.documents if d.final and d.suggested)

    def hand_marked(self) -> Counter[str]:
        return Counter(label for d in self.documents for label in d.hand_marked)

    @property
    def open(self) -> int:
        """Documents not finally approved or withheld at the end."""
        return sum(d.approved_at is None for d in self.documents)


def build_review_db(
    url: str,
    *,
    count: int = 30,
    seed: int = 7,
    weeks: int = 6,
    until: datetime = UNTIL,
    inbox: Path | None = None,
) -> BuiltReview:
    """Build the review database at ``url`` (migrated first; it should hold no documents).

    ``count`` generated drafts (``generate(count, seed)``) are written as .txt into
    ``inbox`` (default: a temporary folder, removed afterwards; the database keeps the
    bytes) and stored like ``triage review add``. In file order, the last three stay
    untouched, the fourth-last is opened for review, the fifth-last is decided and waits
    for approval, the sixth-last is returned (退回) and waits; every other document is
    decided and approved at one level (every seventh after a return and a second
    decision), withheld when decided 不予公开, and the approved ones are published except
    the last two. Verdicts are drawn per finding with ``random.Random(seed)`` at the
    rates of ``REJECT``/``MODIFY``; every fifth decided document gets another attribute
    (``CHANGED``; 密级-marked ones stay 不予公开); every fourth one released gets a span
    marked by hand. Ingests are spread over ``weeks`` weeks ending at ``until``, each
    step following the last by hours.
    """
    if weeks < 2 or count < 7:
        raise ValueError("build_review_db needs weeks >= 2 and count >= 7")
    settings = Settings()
    with tempfile.TemporaryDirectory() as scratch:
        folder = inbox or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        drafts = generate(count, seed, builders=BUILDERS)
        paths = []
        for number, draft in enumerate(drafts):
            path = folder / f"{number:03d}-{draft.kind}.txt"
            path.write_text(draft.text, encoding="utf-8")
            paths.append(path)
        run = plan(paths, open_store(url), settings)
        store_chunk(run.todo, url, settings)
        stored, _missing = collect(run.todo, url)
    kinds = {str(p): d.kind for p, d in zip(paths, drafts, strict=True)}
    ids = [(o.document_id, kinds.get(o.source, "?")) for o in stored]
    start = until - timedelta(weeks=weeks)
    spread = (weeks * 7 * 24 - 200) / len(ids)  # hours between ingests; the last steps fit
    rng = random.Random(seed)
    with opened(url) as factory, factory() as session, session.begin():
        users = _users(session)
        built = [
            _work(
                session,
                users,
                rng,
                position,
                len(ids),
                document_id,
                kind,
                start + timedelta(hours=position * spread),
            )
            for position, (document_id, kind) in enumerate(ids)
        ]
        findings = _findings(session, [b.document_id for b in built])
    latest = max(_times(b)[-1] for b in built)
    if latest >= until:
        raise ValueError(f"the planned steps run past until ({latest} >= {until})")
    with opened(url) as factory, factory() as session, session.begin():
        _backdate(session, built)
    return BuiltReview(url, built, findings)


def _times(document: BuiltDocument) -> list[datetime]:
    later = (document.returned_at, document.approved_at, document.published_at)
    return sorted([document.ingested_at, *document.decided_at, *(t for t in later if t)])


def _users(session: Session) -> dict[str, User]:
    users = {}
    for name, role in (
        *((n, "reviewer") for n in REVIEWERS),
        *((n, "approver") for n in APPROVERS),
        (ADMIN, "admin"),
    ):
        users[name] = find_user(session, name) or add_user(
            session, name, role, None, "builder", cleared=True
        )
    return users


def _fate(position: int, count: int) -> str:
    from_end = count - position
    if from_end <= 3:
        return "open"
    return {4: "in_review", 5: "reviewed", 6: "returned"}.get(from_end, "approved")


def _work(
    session: Session,
    users: dict[str, User],
    rng: random.Random,
    position: int,
    count: int,
    document_id: int,
    kind: str,
    ingested: datetime,
) -> BuiltDocument:
    """Take one document as far as its fate says, recording the times it will be given."""
    document = workflow.get_document(session, document_id)
    suggestion = document.suggestion
    built = BuiltDocument(
        document_id,
        kind,
        suggestion.attribute if suggestion else None,
        document.secret_mark,
        ingested,
        _fate(position, count),
    )
    if built.fate == "open" or suggestion is None:
        return built
    reviewer = users[REVIEWERS[position % 2]]
    approver = users[APPROVERS[position % 2]]
    workflow.start_review(session, document_id, reviewer)
    if built.fate == "in_review":
        return built
    final = suggestion.attribute
    if position % 5 == 1:
        final = CHANGED[final]
    if document.secret_mark:
        final = WITHHELD
    at = ingested + timedelta(hours=4 + (position * 37) % 60)
    if built.fate == "returned" or position % 7 == 3:
        workflow.decide(session, document_id, reviewer, attribute=suggestion.attribute)
        built.decided_at.append(at)
        workflow.return_document(session, document_id, approver, "请核对删除范围")
        built.returned_at = at + timedelta(hours=3 + (position * 11) % 20)
        if built.fate == "returned":  # waits with its first decision (all findings accepted)
            built.final, built.reviewer = suggestion.attribute, reviewer.name
            built.verdicts = {f.id: "accept" for f in suggestion.findings}
            return built
        at = built.returned_at + timedelta(hours=5 + (position * 13) % 30)
    verdicts = {f.id: _verdict(rng, f.label) for f in suggestion.findings}
    added = [
        {"start": f.start, "end": f.end - 1, "label": f.label}
        for f in suggestion.findings
        if verdicts[f.id] == "modify" and f.end - f.start > 1
    ]
    if final != WITHHELD and position % 4 == 2:
        span = _free_span(document.text or "", suggestion)
        if span is not None:
            label = HAND_LABELS[position % len(HAND_LABELS)]
            added.append({"start": span[0], "end": span[1], "label": label})
            built.hand_marked.append(label)
    workflow.decide(
        session,
        document_id,
        reviewer,
        attribute=final,
        verdicts={str(k): v for k, v in verdicts.items()},
        added=added,
        comment="与建议一致" if final == suggestion.attribute else f"改为{final}",
    )
    built.decided_at.append(at)
    built.final, built.reviewer, built.verdicts = final, reviewer.name, verdicts
    if built.fate == "reviewed":
        return built
    workflow.approve(session, document_id, approver)
    built.approved_at = at + timedelta(hours=2 + (position * 17) % 40)
    built.fate = "withheld" if final == WITHHELD else "approved"
    if built.fate == "approved" and position < count - 8:
        publish_document(session, document, "发布", CatalogSettings(), Settings())
        built.published_at = built.approved_at + timedelta(hours=20)
    return built


def _verdict(rng: random.Random, label: str) -> str:
    draw = rng.random()
    if draw < REJECT.get(label, REJECT_DEFAULT):
        return "reject"
    if draw < REJECT.get(label, REJECT_DEFAULT) + MODIFY.get(label, 0.0):
        return "modify"
    return "accept"


def _free_span(text: str, suggestion: SuggestionRow) -> tuple[int, int] | None:
    """Three CJK characters in the second half of the text at least one character away
    from everything the machine found or proposed (so saving does not merge them in),
    occurring once (a decision covers every occurrence of a value: one span each)."""
    taken = [(f.start, f.end) for f in suggestion.findings]
    taken += [(int(s["start"]), int(s["end"])) for s in suggestion.redactions]
    for start in range(len(text) // 2, len(text) - 3):
        end = start + 3
        if (
            all("\u4e00" <= c <= "\u9fff" for c in text[start:end])
            and all(end < a or b < start for a, b in taken)
            and text.count(text[start:end]) == 1
        ):
            return start, end
    return None


def _findings(session: Session, document_ids: list[int]) -> dict[int, tuple[str, str]]:
    found = {}
    for document_id in document_ids:
        suggestion = workflow.get_document(session, document_id).suggestion
        for finding in suggestion.findings if suggestion else []:
            found[finding.id] = (finding.label, finding.recognizer)
    return found


def _backdate(session: Session, built: list[BuiltDocument]) -> None:
    """Give rows the times the builder planned (plain UPDATEs: the workflow wrote now)."""
    for document in built:
        at = document.ingested_at
        session.execute(
            update(DocumentRow).where(DocumentRow.id == document.document_id).values(created_at=at)
        )
        session.execute(
            update(SuggestionRow)
            .where(SuggestionRow.document_id == document.document_id)
            .values(created_at=at)
        )
        decisions = session.scalars(
            select(Decision.id)
            .where(Decision.document_id == document.document_id)
            .order_by(Decision.id)
        ).all()
        for decision_id, decided in zip(decisions, document.decided_at, strict=True):
            session.execute(
                update(Decision).where(Decision.id == decision_id).values(created_at=decided)
            )
        steps = [t for t in (document.returned_at, document.approved_at) if t is not None]
        approvals = session.scalars(
            select(Approval.id)
            .where(Approval.document_id == document.document_id)
            .order_by(Approval.id)
        ).all()
        for approval_id, acted in zip(approvals, steps, strict=True):
            session.execute(
                update(Approval).where(Approval.id == approval_id).values(created_at=acted)
            )
        if document.published_at is not None:
            _backdate_entry(session, document.document_id, document.published_at)


def _backdate_entry(session: Session, document_id: int, at: datetime) -> None:
    entry = session.scalars(
        select(CatalogEntry).where(CatalogEntry.document_id == document_id)
    ).one()
    stamp = at.isoformat(timespec="seconds")
    record: dict[str, Any] = dict(entry.record)
    record["published_at"] = stamp
    record["history"] = [{**change, "at": stamp} for change in record.get("history", [])]
    entry.record = record
    entry.published_at = at
