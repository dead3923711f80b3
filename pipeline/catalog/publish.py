"""Publishing approved documents into the 公开目录, and the register of withheld ones.

``publish_pending`` sweeps the review database: every approved document becomes a catalog
entry (增加) — or, when it is a new version of a published document, a new version of
that entry under the same 索引号 (变更) — and every withheld one is registered
(登记备案). Each document is handled in its own transaction: one failure is reported and
the sweep goes on; a document another publisher took first is skipped, and its 索引号
reservation rolls back, so numbers stay without gaps. ``withdraw`` is 取消.

The entry's released file is the redacted copy of the decision, made and leak-checked
like every other copy, and checked once more here, on the very bytes that are stored and
copied to the site (``pipeline.redact.recheck``): a copy in which any decided value can
be found is not published (the site writer then checks each file's SHA-256 against its
entry). Its 内容概述 is built from the text with the redacted characters masked, so the
catalog cannot leak what the file removed.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import PurePath
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from pipeline.catalog import withheld
from pipeline.catalog.index_numbers import allocate
from pipeline.catalog.record import ACTIVE, WITHDRAWN, CatalogRecord, Change
from pipeline.catalog.settings import CatalogSettings
from pipeline.catalog.summary import summarize
from pipeline.catalog.topics import classify
from pipeline.config import Settings
from pipeline.deadlines import parse_iso_date
from pipeline.decide import ON_REQUEST
from pipeline.redact.recheck import decided_values, leaks
from pipeline.store import audit
from pipeline.store.audit_records import entry_digest
from pipeline.store.copies import CopyRefused, stored_copy
from pipeline.store.models import CatalogEntry, CatalogVersion, DocumentRow, StoredFile


class PublishError(ValueError):
    """A document that cannot be published as it stands (no copy, wrong state)."""


@dataclass
class SweepResult:
    published: list[str] = field(default_factory=list)  # 索引号 of new entries
    changed: list[str] = field(default_factory=list)  # 索引号 given a new version
    registered: list[int] = field(default_factory=list)  # withheld document ids
    skipped: list[int] = field(default_factory=list)  # taken by another publisher
    failed: list[tuple[int, str]] = field(default_factory=list)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def published_entry(session: Session, document: DocumentRow) -> CatalogEntry | None:
    """The entry an earlier version of this document was published under, if any."""
    previous_id = document.previous_id
    while previous_id is not None:
        entry = session.scalars(
            select(CatalogEntry).where(CatalogEntry.document_id == previous_id)
        ).first()
        if entry is None:
            mapped = session.get(CatalogVersion, previous_id)
            entry = session.get(CatalogEntry, mapped.entry_id) if mapped is not None else None
        if entry is not None:
            return entry
        previous = session.get(DocumentRow, previous_id)
        previous_id = previous.previous_id if previous is not None else None
    return None


def describe(
    document: DocumentRow, settings: CatalogSettings, index_number: str, version: int
) -> CatalogRecord:
    """The public record of an approved document (without file and history)."""
    meta: dict[str, Any] = document.doc_metadata or {}
    decision = document.decision
    if decision is None:
        raise PublishError(f"文档 {document.id} 没有审核决定")
    text = document.text or ""
    title = _masked(
        meta.get("title") or document.source.replace("\\", "/").rsplit("/", 1)[-1],
        text,
        decision.redactions,
    )
    summary = summarize(text, meta, decision.redactions)
    topic = classify(title, text, issuer=meta.get("issuer"))
    return CatalogRecord(
        index_number=index_number,
        title=title,
        summary=summary.text,
        keywords=list(summary.keywords),
        formed=meta.get("date"),
        doc_number=meta.get("doc_number"),
        issuer=meta.get("issuer") or settings.agency_name,
        topic=topic.topic,
        disclosure="依申请公开" if decision.attribute == ON_REQUEST else "主动公开",
        attribute=decision.attribute,
        published_at=_now(),
        version=version,
    )


def _masked(field_text: str, text: str, spans: list[Any]) -> str:
    """``field_text`` (the title) with every redacted value masked: a name the decision
    removed from the file must not come back in the catalog's 名称."""
    for value in sorted(
        {text[int(s["start"]) : int(s["end"])] for s in spans}, key=len, reverse=True
    ):
        if value.strip():
            field_text = field_text.replace(value, "■■■")
    return field_text


def _year(document: DocumentRow) -> int:
    formed = parse_iso_date((document.doc_metadata or {}).get("date"))
    return (formed or datetime.now(UTC).date()).year


def publish_document(
    session: Session,
    document: DocumentRow,
    actor: str,
    settings: CatalogSettings,
    scan_settings: Settings,
) -> tuple[CatalogEntry, bool]:
    """Publish one approved document: returns its entry and whether it is new (增加)
    rather than a new version of an existing one (变更)."""
    if document.state != "approved":
        raise PublishError(f"文档 {document.id} 当前状态为 {document.state}，不能发布")
    entry = published_entry(session, document)
    index_number = (
        entry.index_number if entry is not None else allocate(session, settings, _year(document))
    )
    version = entry.version + 1 if entry is not None else 1
    record = describe(document, settings, index_number, version)
    file_sha = file_name = None
    if record.disclosure == "主动公开":
        try:
            copy = stored_copy(session, document, "redacted", scan_settings)
        except CopyRefused as exc:
            raise PublishError(str(exc)) from exc
        assert document.decision is not None  # describe() refused a document without one
        found = leaks(
            document.format or "txt",
            copy.data,
            decided_values(document.text or "", document.decision.redactions),
        )
        if found:
            raise PublishError(
                f"文档 {document.id} 的公开稿复核未通过，未发布：仍可从文件中找到已决定删除的内容"
                f"（{'；'.join(found[:5])}{'等' if len(found) > 5 else ''}）；请报告系统维护人员"
            )
        file_sha = hashlib.sha256(copy.data).hexdigest()
        if session.get(StoredFile, file_sha) is None:
            session.add(StoredFile(sha256=file_sha, data=copy.data))
        file_name = f"{index_number.replace('/', '_')}{PurePath(copy.filename).suffix}"
    history = list(entry.record.get("history", [])) if entry is not None else []
    kind = "变更" if entry is not None else "增加"
    # The history is printed on the public entry page: a reason for the public, never the
    # review database's document number (an internal note).
    said = "发布修改后的新版本" if entry is not None else "首次公开"
    history.append(asdict(Change(version, record.published_at, kind, said)))
    values = record.to_dict() | {
        "file_name": file_name,
        "file_sha256": file_sha,
        "history": history,
    }
    if entry is None:
        entry = CatalogEntry(
            index_number=index_number,
            document_id=document.id,
            status=ACTIVE,
            version=1,
            record=values,
            file_sha256=file_sha,
        )
        session.add(entry)
    else:
        entry.document_id = document.id
        entry.version = version
        entry.status = ACTIVE
        entry.record = values
        entry.file_sha256 = file_sha
        entry.published_at = datetime.now(UTC)
    document.state = "published"
    session.flush()
    session.add(CatalogVersion(document_id=document.id, entry_id=entry.id, version=version))
    audit.record(
        session,
        actor,
        "publish",
        document.id,
        {
            "index_number": index_number,
            "version": version,
            "kind": kind,
            "file": file_sha,
            "digest": entry_digest(entry),
        },
    )
    return entry, kind == "增加"


def withdraw(session: Session, index_number: str, actor: str, reason: str) -> CatalogEntry:
    """取消: the entry stays in the catalog, marked withdrawn with the reason."""
    if not reason.strip():
        raise PublishError("取消必须写明理由")
    entry = session.scalars(
        select(CatalogEntry).where(CatalogEntry.index_number == index_number)
    ).first()
    if entry is None:
        raise PublishError(f"目录中没有索引号 {index_number}")
    if entry.status == WITHDRAWN:
        raise PublishError(f"{index_number} 已经取消")
    at = _now()
    history = [*entry.record.get("history", []), asdict(Change(entry.version, at, "取消", reason))]
    entry.status = WITHDRAWN
    entry.record = entry.record | {
        "status": WITHDRAWN,
        "withdrawn_reason": reason,
        "history": history,
    }
    audit.record(
        session,
        actor,
        "withdraw",
        entry.document_id,
        {"index_number": index_number, "reason": reason, "digest": entry_digest(entry)},
    )
    return entry


def publish_pending(
    factory: sessionmaker[Session],
    actor: str,
    settings: CatalogSettings,
    scan_settings: Settings,
    today: date | None = None,
) -> SweepResult:
    """Publish every approved document and register every unregistered withheld one,
    each in its own transaction. Refused (PublishError, nothing published, no 索引号
    used) while the agency settings are the examples."""
    if settings.placeholders():
        raise PublishError(
            "未发布：" + "；".join(settings.placeholders()) + "。请先设置本机关的名称和代码。"
        )
    today = today or date.today()
    result = SweepResult()
    with factory() as session:
        approved = list(
            session.scalars(select(DocumentRow.id).where(DocumentRow.state == "approved"))
        )
        held = list(
            session.scalars(
                select(DocumentRow.id)
                .where(DocumentRow.state == "withheld")
                .where(
                    ~DocumentRow.id.in_(
                        select(withheld.WithheldItem.document_id).where(
                            withheld.WithheldItem.status == "registered"
                        )
                    )
                )
            )
        )
    for doc_id in approved:
        try:
            with factory() as session, session.begin():
                document = session.get(DocumentRow, doc_id)
                if document is None or document.state != "approved":
                    result.skipped.append(doc_id)
                    continue
                entry, new = publish_document(session, document, actor, settings, scan_settings)
                (result.published if new else result.changed).append(entry.index_number)
        except (StaleDataError, IntegrityError):
            result.skipped.append(doc_id)  # another publisher took it; our number rolled back
        except PublishError as exc:
            result.failed.append((doc_id, str(exc)))
    for doc_id in held:
        try:
            with factory() as session, session.begin():
                document = session.get(DocumentRow, doc_id)
                item = session.scalars(
                    select(withheld.WithheldItem).where(withheld.WithheldItem.document_id == doc_id)
                ).first()
                taken = item is not None and item.status == "registered"
                if document is None or document.state != "withheld" or taken:
                    result.skipped.append(doc_id)
                    continue
                withheld.register(session, document, actor, settings.rereview_months, today)
                result.registered.append(doc_id)
        except (StaleDataError, IntegrityError):
            result.skipped.append(doc_id)
    return result
