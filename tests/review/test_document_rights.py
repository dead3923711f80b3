"""Per-document rights in the review app (issue 18, item 8): a document marked 密级 or
holding a state secret is shown only to cleared users (and admins), a drafter sees only
their own documents, and every refused access is a 403 page in Chinese and an
``access_refused`` event in the keyed audit chain.

The table below is the rule, role by role and kind by kind; each cell is checked on the
document page and both downloads, in the queue (listed or not), and the refusals in the
audit log, which ``triage audit verify`` then finds intact.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from pipeline.cli import app as cli
from pipeline.review.app import create_app
from pipeline.store import audit
from pipeline.store.db import open_db
from pipeline.store.documents import add_record
from pipeline.store.models import AuditEvent, Decision, DocumentRow
from pipeline.store.users import add_user, find_user
from tests.review.conftest import PASSWORD, Scanned, csrf_of, login

Factory = sessionmaker[Session]

# name → (role, cleared)
PEOPLE = {
    "钱拟稿": ("drafter", False),
    "郑拟稿": ("drafter", True),
    "李审核": ("reviewer", False),
    "周审核": ("reviewer", True),
    "王批准": ("approver", False),
    "吴批准": ("approver", True),
    "赵管理": ("admin", False),  # admins see every document, cleared or not
}
# kind → (source fragment, owner)
KINDS = {
    "ordinary_own": ("内涝防治方案", "钱拟稿"),
    "ordinary_other": ("答复书（GB18030）", None),
    "secret_marked": ("机密通知", "钱拟稿"),  # 机密★5年 — the drafter's own, yet refused
    "state_secret": ("国家秘密内容", "郑拟稿"),  # no marking, a STATE_SECRET finding
}
Y, N = True, False
# Who sees what: the rule of pipeline/store/rights.py, written out.
SEES = {
    #            ordinary_own ordinary_other secret_marked state_secret
    "钱拟稿": (Y, N, N, N),
    "郑拟稿": (N, N, N, Y),
    "李审核": (Y, Y, N, N),
    "周审核": (Y, Y, Y, Y),
    "王批准": (Y, Y, N, N),
    "吴批准": (Y, Y, Y, Y),
    "赵管理": (Y, Y, Y, Y),
}
CELLS = [(person, kind, SEES[person][i]) for person in PEOPLE for i, kind in enumerate(KINDS)]


def _state_secret(scans: Scanned) -> tuple[dict[str, Any], bytes | None]:
    """A document with no 密级 marking whose text holds a STATE_SECRET finding: the
    GB18030 reply's record under another name and hash, with such a finding added."""
    record, data = next((r, d) for r, d in scans if "答复书" in r["source"])
    text = record["text"]
    finding = {
        "label": "STATE_SECRET",
        "start": 0,
        "end": min(8, len(text)),
        "text": text[: min(8, len(text))],
        "score": 0.9,
        "recognizer": "test",
        "explanation": "测试",
        "role": None,
    }
    made = {
        **record,
        "source": record["source"].replace("答复书", "国家秘密内容"),
        "doc_id": "f" * 64,
        "findings": [*record["findings"], finding],
    }
    return made, data


@pytest.fixture(scope="module")
def rights_db(
    tmp_path_factory: pytest.TempPathFactory, sample_scans: Scanned
) -> Iterator[tuple[str, Factory, dict[str, int]]]:
    folder = tmp_path_factory.mktemp("rights")
    url = f"sqlite:///{folder / 'review.db'}"
    factory = open_db(url)
    ids: dict[str, int] = {}
    with factory() as session, session.begin():
        for name, (role, cleared) in PEOPLE.items():
            add_user(session, name, role, PASSWORD, actor="test", cleared=cleared)
        records = [*sample_scans, _state_secret(sample_scans)]
        for kind, (fragment, owner) in KINDS.items():
            record, data = next((r, d) for r, d in records if fragment in r["source"])
            user = find_user(session, owner) if owner else None
            document, _new = add_record(session, record, data, owner_id=user.id if user else None)
            ids[kind] = document.id
    yield url, factory, ids
    factory.kw["bind"].dispose()


@pytest.fixture(scope="module")
def clients(rights_db: tuple[str, Factory, dict[str, int]]) -> Iterator[dict[str, TestClient]]:
    url, _factory, _ids = rights_db
    web = create_app(url, secure_cookies=False)
    signed_in = {}
    for name in PEOPLE:
        client = TestClient(web, base_url="http://testserver")
        login(client, name)
        signed_in[name] = client
    yield signed_in
    for client in signed_in.values():
        client.close()


def _refusals(factory: Factory, name: str, doc_id: int) -> list[AuditEvent]:
    with factory() as session:
        return list(
            session.scalars(
                select(AuditEvent).where(
                    AuditEvent.action == "access_refused",
                    AuditEvent.actor == name,
                    AuditEvent.document_id == doc_id,
                )
            )
        )


def test_the_kinds_are_what_the_table_says(rights_db: tuple[str, Factory, dict[str, int]]) -> None:
    """The fixture's documents: two restricted (one by its marking, one by a finding),
    two not; owners as in KINDS."""
    _url, factory, ids = rights_db
    with factory() as session:
        got = {kind: session.get(DocumentRow, doc_id) for kind, doc_id in ids.items()}
        assert {k: d.restricted for k, d in got.items() if d} == {
            "ordinary_own": False,
            "ordinary_other": False,
            "secret_marked": True,
            "state_secret": True,
        }
        for kind, (_fragment, owner) in KINDS.items():
            document = got[kind]
            assert document is not None
            user = find_user(session, owner) if owner else None
            assert document.owner_id == (user.id if user else None), kind


PATHS = ("", "/review-copy", "/redacted-copy", "/pages/1.png")  # a document's GET routes


@pytest.mark.parametrize(("person", "kind", "sees"), CELLS, ids=[f"{p}-{k}" for p, k, _ in CELLS])
def test_document_page_and_copies_by_role_and_kind(
    clients: dict[str, TestClient],
    rights_db: tuple[str, Factory, dict[str, int]],
    person: str,
    kind: str,
    sees: bool,
) -> None:
    _url, factory, ids = rights_db
    doc_id = ids[kind]
    client = clients[person]
    before = len(_refusals(factory, person, doc_id))
    with factory() as session:
        document = session.get(DocumentRow, doc_id)
        assert document is not None
        secret_words = (document.doc_metadata or {}).get("title") or document.text[:12]
    for path in PATHS:
        response = client.get(f"/documents/{doc_id}{path}", follow_redirects=False)
        if sees:
            # the page, or the copy (a withheld document has no 公开稿: 409, not a refusal;
            # a file without pages has no page image: 404)
            assert response.status_code in (200, 404, 409), (path, response.status_code)
        else:
            assert response.status_code == 403, (path, response.status_code)
            assert "text/html" in response.headers["content-type"]
            assert "无权查看文档" in response.text and "请联系管理员" in response.text
            assert secret_words not in response.text  # nothing of the document leaks
    refusals = _refusals(factory, person, doc_id)[before:]
    assert len(refusals) == (0 if sees else len(PATHS))
    for event, path in zip(refusals, PATHS, strict=False):
        assert event.detail["route"] == f"GET /documents/{doc_id}{path}"
        assert event.detail["why"] in ("restricted", "not_owner")
        assert event.detail["role"] == PEOPLE[person][0]
        assert event.mac  # keyed like every other event


@pytest.mark.parametrize("person", list(PEOPLE))
def test_the_queue_lists_only_what_the_user_may_open(
    clients: dict[str, TestClient], rights_db: tuple[str, Factory, dict[str, int]], person: str
) -> None:
    _url, _factory, ids = rights_db
    page = clients[person].get("/queue?state=all").text
    listed = {int(i) for i in re.findall(r'href="/documents/(\d+)"', page)}
    expected = {ids[kind] for i, kind in enumerate(KINDS) if SEES[person][i]}
    assert listed == expected
    words = clients[person].get("/queue?state=all&words=嘉兴市公安局").text
    assert ("嘉兴市公安局" in words and "机密通知" in words) == SEES[person][2]


def test_refusals_are_in_the_verified_chain(
    clients: dict[str, TestClient], rights_db: tuple[str, Factory, dict[str, int]]
) -> None:
    url, factory, ids = rights_db
    assert clients["钱拟稿"].get(f"/documents/{ids['secret_marked']}").status_code == 403
    with factory() as session:
        check = audit.verify(session)
        assert check.ok, check.problems
        refused = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "access_refused")
        ).all()
        assert any(e.actor == "钱拟稿" and e.document_id == ids["secret_marked"] for e in refused)
    result = CliRunner().invoke(cli, ["audit", "verify", "--db", url])
    assert result.exit_code == 0, result.output
    assert "audit log intact" in result.output


def test_a_refused_decision_saves_nothing_and_is_audited(
    clients: dict[str, TestClient], rights_db: tuple[str, Factory, dict[str, int]]
) -> None:
    """An uncleared reviewer who posts a decision on a 密级 document (a form kept from
    elsewhere) gets 403; a cleared one decides it."""
    _url, factory, ids = rights_db
    doc_id = ids["secret_marked"]
    uncleared, cleared = clients["李审核"], clients["周审核"]
    token = csrf_of(uncleared.get("/queue").text)
    response = uncleared.post(
        f"/documents/{doc_id}/decide",
        data={"csrf": token, "attribute": "不予公开"},
        follow_redirects=False,
    )
    assert response.status_code == 403 and "无权查看文档" in response.text
    assert "机密" not in response.text  # not the document page re-rendered with an error
    with factory() as session:
        assert not session.scalars(select(Decision).where(Decision.document_id == doc_id)).all()
    event = _refusals(factory, "李审核", doc_id)[-1]
    assert event.detail["route"] == f"POST /documents/{doc_id}/decide"
    page = cleared.get(f"/documents/{doc_id}").text
    version = re.search(r'name="version" value="(\d+)"', page)
    assert version is not None
    response = cleared.post(
        f"/documents/{doc_id}/decide",
        data={"csrf": csrf_of(page), "version": version.group(1), "attribute": "不予公开"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    # the next document offered after a decision is one the reviewer may open
    target = response.headers["location"]
    following = re.match(r"/documents/(\d+)", target)
    assert following is not None
    assert cleared.get(target).status_code == 200


def test_an_uncleared_approver_sees_the_audit_log_without_secret_details(
    clients: dict[str, TestClient], rights_db: tuple[str, Factory, dict[str, int]]
) -> None:
    _url, _factory, ids = rights_db
    doc_id = ids["state_secret"]
    clients["钱拟稿"].get(f"/documents/{doc_id}")  # an event on it on the first page
    row = re.compile(rf'href="/documents/{doc_id}">{doc_id}</a></td>\s*<td([^>]*)>([^<]*)<')
    plain = row.findall(clients["王批准"].get("/audit?page=1").text)
    assert plain and all("涉密文档，详情仅对涉密人员显示" in text for _attrs, text in plain)
    full = row.findall(clients["吴批准"].get("/audit?page=1").text)
    assert full and not any("详情仅对涉密人员显示" in text for _attrs, text in full)
    assert any("拒绝访问" in text for _attrs, text in full)


def test_drafter_client_for_the_shared_fixture_sees_nothing_unowned(
    client_for: Callable[..., TestClient], web_db: tuple[str, Factory]
) -> None:
    """On the shared review database (nothing owned), a drafter's queue is empty and
    every document is refused."""
    _url, factory = web_db
    drafter = client_for("钱拟稿")
    assert 'href="/documents/' not in drafter.get("/queue?state=all").text
    with factory() as session:
        some = session.scalars(select(DocumentRow.id)).first()
    assert drafter.get(f"/documents/{some}").status_code == 403


def test_ownership_follows_a_new_version(tmp_path: Path, sample_scans: Scanned) -> None:
    """A new version of a drafter's file (the nightly stores it without an owner) stays
    the drafter's."""
    factory = open_db(f"sqlite:///{tmp_path / 'v.db'}")
    record, data = next((r, d) for r, d in sample_scans if "答复书" in r["source"])
    with factory() as session, session.begin():
        drafter = add_user(session, "钱拟稿", "drafter", PASSWORD, actor="test")
        first, _ = add_record(session, record, data, owner_id=drafter.id)
        second, _ = add_record(session, {**record, "doc_id": "e" * 64}, data)
        assert second.previous_id == first.id and second.owner_id == drafter.id
    factory.kw["bind"].dispose()


def test_request_pages_show_and_link_only_what_the_handler_may_see(
    clients: dict[str, TestClient], rights_db: tuple[str, Factory, dict[str, int]]
) -> None:
    """依申请公开: a search finds a 密级 document only for a cleared handler; linked by
    one, it shows to an uncleared handler without its title; linking it is refused."""
    _url, factory, ids = rights_db
    uncleared, cleared = clients["李审核"], clients["周审核"]
    form = {
        "applicant_kind": "自然人",
        "name": "赵申请",
        "content": "某某方案",
        "channel": "当面",
        "received": "2025-09-30",
        "received_at": "10:00",
        "csrf": csrf_of(uncleared.get("/requests/new").text),
    }
    made = uncleared.post("/requests", data=form, follow_redirects=False)
    assert made.status_code == 303, made.text
    case_url = made.headers["location"].split("?")[0]
    secret = ids["secret_marked"]
    title = "加强重点目标安全保卫工作"
    assert title not in uncleared.get(f"{case_url}?q=嘉兴市公安局").text
    assert title in cleared.get(f"{case_url}?q=嘉兴市公安局").text
    page = cleared.get(case_url).text
    linked = cleared.post(
        f"{case_url}/link", data={"csrf": csrf_of(page), "doc": str(secret)}, follow_redirects=False
    )
    assert linked.status_code == 303, linked.text
    shown = uncleared.get(case_url).text
    assert "（涉密文档，标题不显示）" in shown and title not in shown
    other = ids["state_secret"]
    refused = uncleared.post(
        f"{case_url}/link", data={"csrf": csrf_of(shown), "doc": str(other)}, follow_redirects=False
    )
    assert refused.status_code == 403 and "无权查看文档" in refused.text
    event = _refusals(factory, "李审核", other)[-1]
    assert event.detail["route"] == f"POST {case_url}/link"
