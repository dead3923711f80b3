"""What a clerk does about a file that came in wrong: dismiss an unreadable one (不再处理),
replace an unreadable or returned one by the fixed file uploaded again (重新提交), or
bring in a new version (新版本) of a decided or published one.

Both are workflow steps like the others: they check the user's role and the document
version the page showed, move the document to a recorded state (``dismissed``,
``superseded``) and write their audit event in the caller's transaction. A replaced
document is not deleted: the new one points to it (``previous_id``), so its history —
the read error, the decision and the approver's 退回 — stays one click away. A new
version of a published or withheld document leaves that one as it is (the 公开目录 entry
still shows it until the new version is published under the same 索引号); one of a
document still waiting for approval takes its place, so the outdated file is never
approved. Either way the new file is 第 N+1 版 and its review starts from the earlier
decision where the text is unchanged (``pipeline.review.versions``).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from pipeline.store import audit
from pipeline.store.models import DocumentRow, User
from pipeline.store.workflow import (
    Conflict,
    WorkflowError,
    check_version,
    get_document,
    require_role,
)

REPLACEABLE = ("error", "returned")  # 读取失败, 已退回: a fixed file may take their place
RELEASED = ("published", "withheld")  # a new version leaves these as they are
NEW_VERSION_OF = (*RELEASED, "reviewed", "approved")  # decided: a new file version follows
CLERKS = ("drafter", "reviewer")  # who uploads and dismisses (admins may too)


def dismiss(
    session: Session,
    document_id: int,
    user: User,
    reason: str,
    *,
    expected_version: int | None = None,
) -> DocumentRow:
    """不再处理: an unreadable file leaves the list of files to fix, with a reason."""
    require_role(user, *CLERKS)
    if not reason.strip():
        raise WorkflowError("不再处理必须写明理由")
    document = get_document(session, document_id, user)
    check_version(document, expected_version)
    if document.state != "error":
        raise WorkflowError(f"文档 {document.id} 不是读取失败的文件，不能作不再处理")
    document.state = "dismissed"
    audit.record(
        session,
        user.name,
        "dismiss",
        document.id,
        {"from": "error", "to": "dismissed", "reason": reason, "error": document.error_code},
    )
    return document


def replace(
    session: Session,
    old_id: int,
    new: DocumentRow,
    user: User,
    *,
    expected_version: int | None = None,
) -> DocumentRow:
    """重新提交 / 新版本: the newly stored ``new`` becomes the next file version of
    ``old_id``. An unreadable, returned or not yet approved document is kept as
    ``superseded``; a published or withheld one keeps its state (and its catalog entry)."""
    require_role(user, *CLERKS)
    old = get_document(session, old_id, user)
    check_version(old, expected_version)
    if old.state not in (*REPLACEABLE, *NEW_VERSION_OF):
        raise WorkflowError(
            f"文档 {old.id} 不是读取失败、已退回或已作出审核决定的文件，不能用新文件替换"
            "（可直接上传为新文件）"
        )
    if new.id == old.id or new.sha256 == old.sha256:
        raise Conflict(f"上传的文件与文档 {old.id} 完全相同，请上传修改后的文件")
    if new.previous_id not in (None, old.id):
        raise WorkflowError(
            f"上传的文件已是文档 {new.previous_id} 的新版本，不能再替换文档 {old.id}"
        )
    new.previous_id = old.id
    new.file_version = old.file_version + 1
    before = old.state
    if before in RELEASED:
        audit.record(
            session,
            user.name,
            "new_version",
            old.id,
            {"state": before, "new_version": new.id, "file_version": new.file_version},
        )
        return new
    old.state = "superseded"
    audit.record(
        session,
        user.name,
        "replace",
        old.id,
        {"from": before, "to": "superseded", "replaced_by": new.id, "source": new.source},
    )
    return new
