"""The clerks' jobs in the browser, without the web framework: uploading files (and a
fixed file in place of an unreadable or returned one), the 公开目录 before and after
publishing, and the accounts page. ``clerk_routes.py`` keeps thin routes around these.

Nothing here publishes, numbers or stores by itself: publishing is the catalog's
``publish_pending`` (the same sweep as ``triage catalog publish``, refused while the
agency settings are the examples), withdrawing is its ``withdraw``, storing an upload
is the nightly intake the app was given, dismissing and replacing are store steps.
"""

from __future__ import annotations

import os
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.catalog.publish import PublishError, describe, published_entry
from pipeline.catalog.settings import CatalogSettings
from pipeline.review.logins import Viewer
from pipeline.review.security import Refused
from pipeline.store import rights
from pipeline.store.intake import CLERKS, NEW_VERSION_OF, REPLACEABLE
from pipeline.store.models import CatalogEntry, DocumentRow, User, WithheldItem
from pipeline.store.workflow import ROLES

UPLOAD_ROLES = (*CLERKS, "admin")
CATALOG_ROLES = ("approver", "admin")  # who publishes and withdraws
MAX_FILES = 20
UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')


def allow(viewer: Viewer, roles: tuple[str, ...], what: str) -> None:
    """Refuse (403, in Chinese) a page or step that is not for this viewer's role."""
    if viewer.role not in roles:
        raise Refused(403, f"您的角色不能{what}")


def safe_name(name: str) -> str:
    """The uploaded file's own name, without any folder, control or reserved character
    (a name like ``../../etc/passwd`` becomes ``passwd``); refused when nothing is left."""
    base = re.split(r"[/\\]", name or "")[-1]
    cleaned = UNSAFE.sub("_", base).strip(" .")[:120]
    if not cleaned:
        raise Refused(400, "文件名无效，请改名后重新上传")
    return cleaned


def save_upload(data_dir: Path, name: str, data: bytes) -> Path:
    """Write an uploaded file into its own new folder under ``<data dir>/uploads`` (so
    two uploads of one name never overwrite each other), readable by this user only."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    folder = data_dir.resolve() / "uploads" / f"{stamp}-{secrets.token_hex(4)}"
    folder.mkdir(parents=True, mode=0o700)
    path = folder / safe_name(name)
    with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as handle:
        handle.write(data)
    return path


def replaceable(session: Session, doc_id: int | None, viewer: Viewer) -> DocumentRow | None:
    """The unreadable, returned or decided document a fixed file or a new version is to
    follow, if one is named and the viewer may see it (else ``AccessRefused``)."""
    if doc_id is None:
        return None
    document = session.get(DocumentRow, doc_id)
    if document is None:
        raise Refused(404, f"文档 {doc_id} 不存在")
    rights.check(viewer.reader, document)
    if document.state not in (*REPLACEABLE, *NEW_VERSION_OF):
        raise Refused(
            409,
            f"文档 {doc_id} 不是读取失败、已退回或已作出审核决定的文件，不能用新文件替换",
        )
    return document


def upload_context(
    session: Session, viewer: Viewer, replaces: int | None, done: str, max_bytes: int
) -> dict[str, Any]:
    """The upload form (for a fixed file: which document it replaces) and what the last
    upload stored (``done``: the document ids, from the redirect after it)."""
    ids = [int(part) for part in done.split(",") if part.isdigit()][:MAX_FILES]
    stored = [
        d
        for d in (session.get(DocumentRow, i) for i in ids)
        if d is not None and rights.may_see(viewer.reader, d)  # ids come from the URL
    ]
    return {
        "viewer": viewer,
        "replaces": replaceable(session, replaces, viewer),
        "stored": stored,
        "max_mb": max_bytes // (1 << 20),
        "max_files": MAX_FILES,
    }


@dataclass(frozen=True)
class Pending:
    """An approved document as its catalog entry will read (索引号 given on publishing)."""

    document: DocumentRow
    kind: str  # 增加 | 变更
    index_number: str  # the entry's, for a 变更; else empty
    record: dict[str, Any] | None
    problem: str = ""


def pending(session: Session, settings: CatalogSettings) -> list[Pending]:
    """Every approved document, previewed with the catalog's own ``describe``."""
    out = []
    approved = select(DocumentRow).where(DocumentRow.state == "approved").order_by(DocumentRow.id)
    for document in session.scalars(approved):
        entry = published_entry(session, document)
        number = entry.index_number if entry is not None else ""
        try:
            version = entry.version + 1 if entry is not None else 1
            record = describe(document, settings, number or "（发布时分配）", version).to_dict()
            out.append(Pending(document, "变更" if entry else "增加", number, record))
        except PublishError as exc:
            out.append(Pending(document, "", number, None, str(exc)))
    return out


def catalog_context(session: Session, viewer: Viewer, settings: CatalogSettings) -> dict[str, Any]:
    """The catalog page: what publishing would do (approved documents previewed, withheld
    ones to register), whether the agency settings allow it, and the entries so far."""
    registered = select(WithheldItem.document_id).where(WithheldItem.status == "registered")
    withheld = list(
        session.scalars(
            select(DocumentRow)
            .where(DocumentRow.state == "withheld", ~DocumentRow.id.in_(registered))
            .order_by(DocumentRow.id)
        )
    )
    entries = list(session.scalars(select(CatalogEntry).order_by(CatalogEntry.published_at.desc())))
    previews = pending(session, settings)
    # 密级 documents the viewer is not cleared for are published and registered like the
    # others, but their titles are not shown here: only how many there are.
    shown = [p for p in previews if rights.may_see(viewer.reader, p.document)]
    listed = [d for d in withheld if rights.may_see(viewer.reader, d)]
    return {
        "viewer": viewer,
        "agency": settings.agency_name,
        "placeholders": settings.placeholders(),
        "pending": shown,
        "withheld": listed,
        "unshown": len(previews) - len(shown) + len(withheld) - len(listed),
        "entries": entries,
        "year": datetime.now(UTC).year,
    }


def users_context(session: Session, viewer: Viewer) -> dict[str, Any]:
    return {
        "viewer": viewer,
        "users": list(session.scalars(select(User).order_by(User.role, User.name))),
        "roles": ROLES,
    }
