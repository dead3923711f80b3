"""Per-document rights on the clerks' pages (issue 18, item 8, with the uploads of issue
21): a drafter owns what they upload and nothing else — other documents cannot be
replaced, dismissed, watched or listed by id on the upload page; the admin sets who is
涉密人员 on the users page; the catalog page names a 密级 document only to those cleared."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from pipeline.store import workflow
from pipeline.store.models import AuditEvent, DocumentRow
from pipeline.store.users import find_user
from tests.review.conftest import csrf_of, doc_id_of, login
from tests.review.test_clerk_pages import _upload, clerk_for  # noqa: F401

Factory = sessionmaker[Session]
DRAFT = "关于开展安全生产检查的通知\n各单位：\n　　请于月底前报送检查情况。\n"


def _refused_routes(factory: Factory, name: str) -> list[str]:
    with factory() as session:
        events = session.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "access_refused", AuditEvent.actor == name
            )
        )
        return [e.detail["route"] for e in events]


def test_a_drafter_owns_what_they_upload_and_reaches_nothing_else(
    clerk_for: Callable[[str | None], TestClient],  # noqa: F811
    web_db: tuple[str, Factory],
) -> None:
    _url, factory = web_db
    drafter = clerk_for("钱拟稿")
    response = _upload(drafter, [("拟稿.txt", DRAFT.encode())])
    assert response.status_code == 303, response.text  # type: ignore[attr-defined]
    mine = doc_id_of(factory, "拟稿.txt")
    with factory() as session:
        document, user = session.get(DocumentRow, mine), find_user(session, "钱拟稿")
        assert document is not None and user is not None and document.owner_id == user.id
    assert drafter.get(f"/documents/{mine}").status_code == 200
    queue = drafter.get("/queue?state=all").text
    assert f'href="/documents/{mine}"' in queue and queue.count('href="/documents/') == 1

    secret, broken = doc_id_of(factory, "机密通知"), doc_id_of(factory, "损坏的文件.docx")
    listed = drafter.get(f"/upload?done={secret},{mine}").text  # ids typed into the URL
    assert "机密通知" not in listed and "拟稿.txt" in listed
    assert drafter.get("/upload", params={"replaces": broken}).status_code == 403
    token = csrf_of(drafter.get("/queue").text)
    watched = drafter.post(f"/documents/{secret}/presence", data={"csrf": token})
    assert watched.status_code == 403
    dismissed = drafter.post(f"/documents/{broken}/dismiss", data={"csrf": token, "reason": "重复"})
    assert dismissed.status_code == 403 and "无权查看文档" in dismissed.text
    with factory() as session:
        still = session.get(DocumentRow, broken)
        assert still is not None and still.state == "error"
    assert _refused_routes(factory, "钱拟稿") == [
        "GET /upload",
        f"POST /documents/{secret}/presence",
        f"POST /documents/{broken}/dismiss",
    ]
    assert clerk_for("孙审核").get(f"/documents/{mine}").status_code == 200  # reviewers see it


def test_the_users_page_sets_clearance_and_the_catalog_names_only_what_one_may_see(
    clerk_for: Callable[[str | None], TestClient],  # noqa: F811
    web_db: tuple[str, Factory],
) -> None:
    _url, factory = web_db
    admin = clerk_for("赵管理")
    for name, cleared in (("周批准", ""), ("吴批准", "1")):
        form = {
            "csrf": csrf_of(admin.get("/users").text),
            "name": name,
            "role": "approver",
            "password": "correct-horse-2",
            "password2": "correct-horse-2",
            **({"cleared": cleared} if cleared else {}),
        }
        assert admin.post("/users", data=form, follow_redirects=False).status_code == 303
    with factory() as session:
        plain, cleared_user = find_user(session, "周批准"), find_user(session, "吴批准")
        assert plain is not None and not plain.cleared
        assert cleared_user is not None and cleared_user.cleared
    assert "<td>吴批准</td><td>审批人</td><td>是</td>" in admin.get("/users").text

    secret = doc_id_of(factory, "机密通知")
    with factory() as session, session.begin():  # decided 不予公开 and approved: to register
        workflow.decide(session, secret, find_user(session, "李审核"), attribute="不予公开")  # type: ignore[arg-type]
        workflow.approve(session, secret, find_user(session, "王批准"))  # type: ignore[arg-type]
        title = str(session.get(DocumentRow, secret).doc_metadata["title"])  # type: ignore[union-attr]
    uncleared, cleared_client = clerk_for(None), clerk_for(None)
    login(uncleared, "周批准", "correct-horse-2")
    login(cleared_client, "吴批准", "correct-horse-2")
    hidden = uncleared.get("/catalog").text
    assert title not in hidden and "另有 1 件涉密文档一并发布或登记" in hidden
    shown = cleared_client.get("/catalog").text
    assert title in shown and "涉密文档一并发布" not in shown
