"""Tables of the review database.

One row per input file version (``documents``: the source, its sha256, the ingest
outcome), the machine's suggestion for it (``suggestions`` with their ``findings``,
versioned with the model and lexicon versions that made them), what people decided
(``decisions``, ``approvals``), who they are (``users``) and what happened, in order
(``audit_events``, append-only and hash-chained). Documents carry a ``version`` counter:
SQLAlchemy checks it on every update, so two reviewers saving the same document cannot
silently overwrite each other.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))  # drafter | reviewer | approver | admin
    password_hash: Mapped[str | None] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # 涉密人员: may see documents marked 密级 or holding state secrets (admins always may)
    cleared: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class LoginSession(Base):
    """A signed-in browser: the cookie holds a random token, the table only its SHA-256
    (a stolen database does not yield live sessions), the CSRF token forms must echo, and
    the times that expire it. Logging out or disabling the user deletes the row."""

    __tablename__ = "login_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    last_seen: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)

    user: Mapped[User] = relationship()


class StoredFile(Base):
    """The bytes of an input file, by content hash: the redacted and review copies are
    made from them, so nothing depends on the inbox still holding the file."""

    __tablename__ = "stored_files"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class DocumentRow(Base):
    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("sha256", name="uq_documents_sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    format: Mapped[str | None] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(8))  # ok | error (the ingest outcome)
    error_code: Mapped[str | None] = mapped_column(String(32))
    error_message: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str | None] = mapped_column(Text)
    doc_metadata: Mapped[dict[str, Any]] = mapped_column("metadata", JSON, default=dict)
    warnings: Mapped[list[Any]] = mapped_column(JSON, default=list)
    state: Mapped[str] = mapped_column(String(16), index=True)
    secret_mark: Mapped[bool] = mapped_column(Boolean, default=False)
    # 密级 or state secret: only cleared users see it (pipeline/store/rights.py)
    restricted: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    # the drafter it belongs to (drafters see only their own documents); None: nobody's
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    deadline: Mapped[str | None] = mapped_column(String(10))  # ISO date, set by the catalog
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    # 第 N 版: the file's version (1 + its previous version's), shown to people; ``version``
    # below only counts edits, for the optimistic lock
    file_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now, onupdate=now)

    suggestions: Mapped[list[SuggestionRow]] = relationship(
        back_populates="document", order_by="SuggestionRow.id", cascade="all, delete-orphan"
    )
    decisions: Mapped[list[Decision]] = relationship(
        back_populates="document", order_by="Decision.id", cascade="all, delete-orphan"
    )
    approvals: Mapped[list[Approval]] = relationship(
        back_populates="document", order_by="Approval.id", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads it as is)

    @property
    def suggestion(self) -> SuggestionRow | None:
        """The current (latest) suggestion."""
        return self.suggestions[-1] if self.suggestions else None

    @property
    def decision(self) -> Decision | None:
        return self.decisions[-1] if self.decisions else None


class SuggestionRow(Base):
    __tablename__ = "suggestions"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    attribute: Mapped[str] = mapped_column(String(8))
    legal_basis: Mapped[list[Any]] = mapped_column(JSON, default=list)
    confidence: Mapped[float] = mapped_column(Float)
    needs_escalation: Mapped[bool] = mapped_column(Boolean, default=False)
    reasons: Mapped[list[Any]] = mapped_column(JSON, default=list)
    redactions: Mapped[list[Any]] = mapped_column(JSON, default=list)
    versions: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # models, lexicons
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)

    document: Mapped[DocumentRow] = relationship(back_populates="suggestions")
    findings: Mapped[list[FindingRow]] = relationship(
        back_populates="suggestion", order_by="FindingRow.start", cascade="all, delete-orphan"
    )


class FindingRow(Base):
    __tablename__ = "findings"

    id: Mapped[int] = mapped_column(primary_key=True)
    suggestion_id: Mapped[int] = mapped_column(ForeignKey("suggestions.id"), index=True)
    label: Mapped[str] = mapped_column(String(16))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    score: Mapped[float] = mapped_column(Float)
    recognizer: Mapped[str] = mapped_column(String(64))
    explanation: Mapped[str] = mapped_column(Text)
    role: Mapped[str | None] = mapped_column(String(16))

    suggestion: Mapped[SuggestionRow] = relationship(back_populates="findings")


class Decision(Base):
    """A reviewer's decision: a verdict per finding, the final redactions and attribute."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    suggestion_id: Mapped[int | None] = mapped_column(ForeignKey("suggestions.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    attribute: Mapped[str] = mapped_column(String(8))
    legal_basis: Mapped[list[Any]] = mapped_column(JSON, default=list)
    verdicts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # finding id → verdict
    redactions: Mapped[list[Any]] = mapped_column(JSON, default=list)
    # Boxes drawn on page images (page, box in PDF points, label): removed as areas, not
    # as values; NULL on decisions made before 0008.
    areas: Mapped[list[Any] | None] = mapped_column(JSON, default=list)
    # Why each value is removed (pipeline/store/decided_reasons.py): category, article,
    # the reviewer's label; NULL on decisions made before 0009.
    reasons: Mapped[list[Any] | None] = mapped_column(JSON, default=list)
    comment: Mapped[str] = mapped_column(Text, default="")
    # What was taken over from the earlier file version's decision where the text around
    # it is unchanged (pipeline/review/versions.py): from, verdicts, added, attribute;
    # NULL when nothing was (and on decisions made before 0010).
    carried: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)

    document: Mapped[DocumentRow] = relationship(back_populates="decisions")
    user: Mapped[User] = relationship()


class Approval(Base):
    """One approval step (or a return, 退回, with its reason) at a level."""

    __tablename__ = "approvals"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id"))
    level: Mapped[int] = mapped_column(Integer)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(16))  # approve | return | override
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)

    document: Mapped[DocumentRow] = relationship(back_populates="approvals")
    user: Mapped[User] = relationship()


class AuditEvent(Base):
    """An append-only, hash-chained log row: ``hash`` covers the row and ``prev_hash``,
    ``mac`` is its HMAC under a key outside the database; ``prev_hash`` is unique, so the
    chain cannot fork even under concurrent writers."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[str] = mapped_column(String(32))  # ISO timestamp, exactly as hashed
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    document_id: Mapped[int | None] = mapped_column(Integer, index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    mac: Mapped[str | None] = mapped_column(String(64))  # HMAC of hash; None before 0004


class CatalogEntry(Base):
    """A 公开目录 entry: the public record (``record``, a CatalogRecord as JSON) of a
    published document, under a 索引号 that never changes. 变更 replaces the record and
    file and bumps ``version`` (history kept in the record); 取消 marks it withdrawn."""

    __tablename__ = "catalog_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    index_number: Mapped[str] = mapped_column(String(80), unique=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), unique=True)
    status: Mapped[str] = mapped_column(String(16))  # active | withdrawn
    version: Mapped[int] = mapped_column(Integer, default=1)
    record: Mapped[dict[str, Any]] = mapped_column(JSON)
    file_sha256: Mapped[str | None] = mapped_column(String(64))  # in stored_files
    published_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    pushed_version: Mapped[int] = mapped_column(Integer, default=0)  # the portal has this one

    document: Mapped[DocumentRow] = relationship()


class CatalogVersion(Base):
    """A later document version that changed a published entry (变更): maps it to the
    entry, so each document is published once and the 索引号 stays."""

    __tablename__ = "catalog_versions"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("catalog_entries.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)


class IndexCounter(Base):
    """The last 流水号 given out per agency and year: incremented in the publishing
    transaction, so numbers have no gaps (a rolled-back publish gives its number back)
    and no duplicates (the row is locked until commit)."""

    __tablename__ = "index_counters"

    scope: Mapped[str] = mapped_column(String(80), primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class WithheldItem(Base):
    """登记备案 of a withheld document: why, on what basis, until when; re-examined on
    ``rereview_on`` (None: 长期, never by date)."""

    __tablename__ = "withheld_register"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), unique=True)
    reason: Mapped[str] = mapped_column(Text)
    legal_basis: Mapped[list[Any]] = mapped_column(JSON, default=list)
    secret_level: Mapped[str | None] = mapped_column(String(8))
    secret_period: Mapped[str | None] = mapped_column(String(16))
    rereview_on: Mapped[str | None] = mapped_column(String(10))  # ISO date
    rereview_rule: Mapped[str] = mapped_column(Text, default="")  # how the date was set
    status: Mapped[str] = mapped_column(String(16), default="registered")  # | requeued
    registered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)

    document: Mapped[DocumentRow] = relationship()


class Presence(Base):
    """Who has a document open, and when their page last said so (a heartbeat every
    half minute while the page is open): the page shows "张三 也在看这份文档", so two
    reviewers see each other before one of them loses a save to the other's (409)."""

    __tablename__ = "presence"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), primary_key=True)
    last_seen: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now, index=True)

    user: Mapped[User] = relationship()
