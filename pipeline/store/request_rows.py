"""Tables of 依申请公开 cases, on the same metadata as ``pipeline.store.models``.

A case (``request_cases``) keeps the facts as they happened — when and how it arrived,
when a 补正 was asked for and came back, an extension and who approved it, a 第三十五条
delay, the answer and its date, the closing — never a stored due date: the clocks are
computed from these facts (``pipeline.requests.clock``). The applicant's personal data
sits in its own JSON column so that it is read only where a case is handled and never
copied into the catalog or the audit log. Consultations of third parties and other
agencies, the documents linked to a case and the letters issued (their bytes in
``stored_files``) are rows of their own.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pipeline.store.models import Base, now


class RequestCase(Base):
    __tablename__ = "request_cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(80), unique=True)  # 案件编号
    applicant_kind: Mapped[str] = mapped_column(String(16))  # 自然人 | 商业企业 | …
    applicant: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # personal data
    content: Mapped[str] = mapped_column(Text)  # the information described
    described: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # 名称, 文号, 特征
    form_wanted: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # 载体, 获取方式
    channel: Mapped[str] = mapped_column(String(8))  # 当面 | 邮寄 | 网络 | 传真
    submitted: Mapped[str] = mapped_column(String(16))  # the day (and time) as given
    received_on: Mapped[str] = mapped_column(String(10), index=True)  # 收到申请之日, ISO
    receipt_note: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(
        String(16), index=True
    )  # open | supplement | replied | closed
    handler: Mapped[str] = mapped_column(String(64))
    supplement_asked_on: Mapped[str | None] = mapped_column(String(10))
    supplement_due_on: Mapped[str | None] = mapped_column(String(10))
    supplement_items: Mapped[str] = mapped_column(Text, default="")
    supplement_received_on: Mapped[str | None] = mapped_column(String(10))
    extension_requested: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # awaiting the head
    extension_days: Mapped[int] = mapped_column(Integer, default=0)
    extension_reason: Mapped[str] = mapped_column(Text, default="")
    extension_approved_by: Mapped[str | None] = mapped_column(String(64))
    extension_on: Mapped[str | None] = mapped_column(String(10))
    delay_until: Mapped[str | None] = mapped_column(String(10))  # 第三十五条
    delay_reason: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str | None] = mapped_column(String(16))
    outcome_detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    replied_on: Mapped[str | None] = mapped_column(String(10), index=True)
    replied_by: Mapped[str | None] = mapped_column(String(64))
    closure: Mapped[str | None] = mapped_column(String(16))  # 其他处理 without an answer
    closed_on: Mapped[str | None] = mapped_column(String(10), index=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now, onupdate=now)

    consultations: Mapped[list[RequestConsultation]] = relationship(
        back_populates="case", order_by="RequestConsultation.id", cascade="all, delete-orphan"
    )
    links: Mapped[list[RequestLink]] = relationship(
        back_populates="case", order_by="RequestLink.id", cascade="all, delete-orphan"
    )
    letters: Mapped[list[RequestLetter]] = relationship(
        back_populates="case", order_by="RequestLetter.id", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads it as is)


class RequestConsultation(Base):
    """征求意见 of a third party (第三十二条) or another agency (第三十四条)."""

    __tablename__ = "request_consultations"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("request_cases.id"), index=True)
    party: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(8))  # 第三方 | 其他机关
    sent_on: Mapped[str] = mapped_column(String(10))
    answered_on: Mapped[str | None] = mapped_column(String(10))
    opinion: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)

    case: Mapped[RequestCase] = relationship(back_populates="consultations")


class RequestLink(Base):
    """A document of the review store (a catalog entry's, a withheld one's, a draft) that
    holds the information asked for."""

    __tablename__ = "request_links"
    __table_args__ = (UniqueConstraint("case_id", "document_id", name="uq_request_links_doc"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("request_cases.id"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    index_number: Mapped[str | None] = mapped_column(String(80))  # when linked by 索引号
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)

    case: Mapped[RequestCase] = relationship(back_populates="links")


class RequestLetter(Base):
    """A letter or attachment issued in a case (登记回执, 补正告知书, 延期答复告知书,
    答复书, a redacted copy …): its bytes are in ``stored_files`` by hash."""

    __tablename__ = "request_letters"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("request_cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    filename: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)

    case: Mapped[RequestCase] = relationship(back_populates="letters")
