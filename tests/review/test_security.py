"""Security of the reviewers' app: no page or action without a session, no POST without
the session's CSRF token, roles enforced on the server, injected markup and SQL inert."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from pipeline.review.app import SESSION_COOKIE, create_app
from pipeline.review.logins import MAX_FAILURES
from pipeline.store.models import Approval, AuditEvent, Decision, DocumentRow, User
from pipeline.store.users import add_user
from tests.review.conftest import PASSWORD, Scanned, csrf_of, doc_id_of, fill, login

PUBLIC = {("GET", "/login"), ("POST", "/login")}
Factory = sessionmaker[Session]
ClientFor = Callable[..., TestClient]


def _routes(client: TestClient) -> list[tuple[str, str]]:
    app = client.app
    found = []
    for route in app.routes:  # type: ignore[attr-defined]
        if isinstance(route, APIRoute):
            found += [(method, route.path) for method in sorted(route.methods)]
    return found


def _fill(path: str, doc_id: int) -> str:
    """A route's path with its parameters filled in (a document; case 1, letter 1, page 1)."""
    fills = (("{doc_id}", doc_id), ("{case_id:int}", 1), ("{letter_id:int}", 1), ("{number}", 1))
    for name, value in fills:
        path = path.replace(name, str(value))
    return path.replace("{step}", "reply")


def _count(factory: Factory, model: type) -> int:
    with factory() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_every_route_refuses_anonymous_access(
    client_for: ClientFor, web_db: tuple[str, Factory]
) -> None:
    _url, factory = web_db
    doc_id = doc_id_of(factory, "内涝防治方案")
    client = client_for()
    routes = _routes(client)
    assert len(routes) >= 13, routes  # the walk covers every route the app declares
    events = _count(factory, AuditEvent)
    checked = 0
    for method, path in routes:
        if (method, path) in PUBLIC:
            continue
        url = _fill(path, doc_id)
        response = client.request(method, url, follow_redirects=False, data={"csrf": "x"})
        if method == "GET":
            assert response.status_code == 303, (method, url, response.status_code)
            assert response.headers["location"].startswith("/login?next="), url
        else:
            assert response.status_code in (401, 403), (method, url, response.status_code)
        assert "内涝" not in response.text, f"{method} {url} leaked document content"
        checked += 1
    assert checked == len(routes) - len(PUBLIC)
    assert _count(factory, AuditEvent) == events  # nothing happened
    # the static files are the page's own CSS and JS, nothing else
    assert client.get("/static/app.css").status_code == 200
    assert client.get("/static/../app.py").status_code == 404


def test_a_forged_or_expired_session_cookie_is_refused(client_for: ClientFor) -> None:
    client = client_for()
    client.cookies.set(SESSION_COOKIE, "forged-token")
    response = client.get("/queue", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/login")


def test_logout_ends_the_session_on_the_server(client_for: ClientFor) -> None:
    client = client_for("李审核")
    token = client.cookies.get(SESSION_COOKIE)
    assert token
    page = client.get("/queue")
    response = client.post("/logout", data={"csrf": csrf_of(page.text)}, follow_redirects=False)
    assert response.status_code == 303
    replay = client_for()
    replay.cookies.set(SESSION_COOKIE, token)  # the old cookie, kept by an attacker
    assert replay.get("/queue", follow_redirects=False).status_code == 303


def test_session_cookie_flags(web_db: tuple[str, Factory]) -> None:
    url, _factory = web_db
    fresh = TestClient(create_app(url, secure_cookies=True), base_url="https://testserver")
    form = fresh.get("/login")
    assert "secure" in form.headers["set-cookie"].lower()
    response = fresh.post(
        "/login",
        data={"name": "李审核", "password": PASSWORD, "csrf": csrf_of(form.text)},
        follow_redirects=False,
    )
    cookie = response.headers["set-cookie"].lower()
    assert SESSION_COOKIE in cookie
    for flag in ("httponly", "secure", "samesite=lax", "path=/"):
        assert flag in cookie, cookie
    assert response.headers["content-security-policy"].startswith("default-src 'self'")
    assert response.headers["x-frame-options"] == "DENY"


def test_posts_without_the_csrf_token_are_refused(
    client_for: ClientFor, web_db: tuple[str, Factory]
) -> None:
    _url, factory = web_db
    doc_id = doc_id_of(factory, "内涝防治方案")
    admin = client_for("赵管理")
    good = csrf_of(admin.get(f"/documents/{doc_id}").text)
    before = (_count(factory, AuditEvent), _count(factory, Decision), _count(factory, Approval))
    posts = [(m, p) for m, p in _routes(admin) if m == "POST" and (m, p) not in PUBLIC]
    assert {p for _m, p in posts} >= {
        "/logout",
        "/documents/{doc_id}/decide",
        "/documents/{doc_id}/approve",
        "/documents/{doc_id}/return",
        "/documents/{doc_id}/override",
    }
    fields = {"attribute": "主动公开", "version": "1", "reason": "理由", "comment": "意见"}
    for _method, path in posts:
        url = _fill(path, doc_id)
        for csrf in (None, "", "wrong-" + good[6:]):
            data = dict(fields) if csrf is None else {**fields, "csrf": csrf}
            response = admin.post(url, data=data, follow_redirects=False)
            assert response.status_code == 403, (url, csrf, response.status_code)
            assert "CSRF" in response.text
    # a cross-site page posting with the right token (stolen) is still refused by Origin
    response = admin.post(
        f"/documents/{doc_id}/decide",
        data={**fields, "csrf": good},
        headers={"Origin": "https://evil.example"},
        follow_redirects=False,
    )
    assert response.status_code == 403
    after = (_count(factory, AuditEvent), _count(factory, Decision), _count(factory, Approval))
    assert after == before
    assert admin.get("/queue").status_code == 200  # still signed in: logout was refused too
    # the login form has its own token
    anonymous = client_for()
    response = anonymous.post(
        "/login", data={"name": "李审核", "password": PASSWORD}, follow_redirects=False
    )
    assert response.status_code == 403


def test_a_reviewer_cannot_approve_at_the_approver_level(
    client_for: ClientFor, web_db: tuple[str, Factory]
) -> None:
    _url, factory = web_db
    doc_id = doc_id_of(factory, "内涝防治方案")
    reviewer = client_for("李审核")
    page = reviewer.get(f"/documents/{doc_id}").text
    response = reviewer.post(
        f"/documents/{doc_id}/decide",
        data={"csrf": csrf_of(page), "version": "1", "attribute": "主动公开"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    other = client_for("孙审核")
    page = other.get(f"/documents/{doc_id}").text
    assert 'id="approve"' not in page  # no button for them
    version = re.search(r'name="version" value="(\d+)"', page)
    response = other.post(
        f"/documents/{doc_id}/approve",
        data={"csrf": csrf_of(page), "version": version.group(1) if version else ""},
        follow_redirects=False,
    )
    assert response.status_code == 403
    assert "无权" in response.text
    drafter = client_for("钱拟稿")
    response = drafter.post(
        f"/documents/{doc_id}/approve",
        data={"csrf": csrf_of(drafter.get("/queue").text)},
        follow_redirects=False,
    )
    assert response.status_code == 403
    with factory() as session:
        document = session.get(DocumentRow, doc_id)
        assert document is not None and document.state == "reviewed"
        assert not document.approvals
    # and a reviewer may not read the audit log
    assert reviewer.get("/audit").status_code == 403


def test_login_is_throttled_after_repeated_failures(client_for: ClientFor) -> None:
    client = client_for()
    for _ in range(MAX_FAILURES):
        token = csrf_of(client.get("/login").text)
        response = client.post(
            "/login", data={"name": "李审核", "password": "guess", "csrf": token}
        )
        assert response.status_code == 401
        assert "用户名或密码错误" in response.text
    token = csrf_of(client.get("/login").text)
    response = client.post("/login", data={"name": "李审核", "password": PASSWORD, "csrf": token})
    assert response.status_code == 401 and "锁定" in response.text
    assert SESSION_COOKIE not in client.cookies
    # another account is not affected
    login(client_for(), "孙审核")


def test_login_does_not_redirect_off_site(client_for: ClientFor) -> None:
    client = client_for()
    for target in ("//evil.example/x", "https://evil.example/", "javascript:alert(1)"):
        token = csrf_of(client.get("/login").text)
        response = client.post(
            "/login",
            data={"name": "李审核", "password": PASSWORD, "csrf": token, "next": target},
            follow_redirects=False,
        )
        assert response.headers["location"] == "/queue", target
        client.cookies.clear()


INJECTIONS = (
    "<script>alert('xss')</script>",
    '"><img src=x onerror=alert(1)>',
    "'; DROP TABLE documents; --",
    "' OR '1'='1",
)


def test_injected_markup_and_sql_are_stored_and_shown_inert(
    tmp_path_factory: pytest.TempPathFactory, sample_scans: Scanned
) -> None:
    folder = tmp_path_factory.mktemp("inject")
    evil_name = "<b>x</b>'; DROP TABLE users; --"
    source = folder / "<b>x<_b>'; DROP TABLE users; --<img src=y onerror=alert(2)>.txt"
    source.write_text("某某局关于公开的通知\n联系人：张三，电话 13812345678。\n", encoding="utf-8")
    from tests.review.conftest import scan_for_queue

    url = f"sqlite:///{folder / 'review.db'}"
    factory = fill(url, sample_scans[:1] + scan_for_queue([source]))
    with factory() as session, session.begin():
        add_user(session, evil_name, "reviewer", PASSWORD, actor="test")
    client = TestClient(create_app(url, secure_cookies=False))
    login(client, evil_name)
    doc_id = doc_id_of(factory, "alert(2)")
    queue = client.get("/queue").text
    page = client.get(f"/documents/{doc_id}").text
    comment = " ".join(INJECTIONS)
    response = client.post(
        f"/documents/{doc_id}/decide",
        data={
            "csrf": csrf_of(page),
            "version": "1",
            "attribute": "部分公开",
            "comment": comment,
        },
    )
    assert response.status_code == 200  # the next document in the queue
    shown = client.get(f"/documents/{doc_id}").text
    for html in (queue, page, shown):
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert "<b>x</b>" not in html
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in shown
    assert "&lt;b&gt;x&lt;/b&gt;" in shown  # the user name, escaped
    assert "&lt;img src=y onerror=alert(2)&gt;" in queue  # the file name, escaped
    assert "<img src=y" not in queue + page
    with factory() as session:
        decision = session.scalars(select(Decision)).one()
        assert decision.comment == comment  # stored exactly as typed
        assert session.scalar(select(func.count()).select_from(User)) == 6  # table intact
        assert session.scalar(select(func.count()).select_from(DocumentRow)) == 2
    # the filter box takes SQL metacharacters as words
    result = client.get("/queue", params={"words": "' OR '1'='1"})
    assert result.status_code == 200 and "共 0 件" in result.text
    assert "共 0 件" in client.get("/queue", params={"words": "%"}).text  # LIKE escaped
    found = client.get("/queue", params={"words": "DROP TABLE users", "state": "all"})
    assert "共 1 件" in found.text
    factory.kw["bind"].dispose()


def test_an_idle_session_expires_and_activity_keeps_it(
    client_for: ClientFor, web_db: tuple[str, Factory]
) -> None:
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import update

    from pipeline.review.logins import IDLE_LIMIT
    from pipeline.store.models import LoginSession

    _url, factory = web_db
    client = client_for("李审核")
    recent = datetime.now(UTC) - timedelta(minutes=30)
    with factory() as session, session.begin():
        session.execute(update(LoginSession).values(last_seen=recent))
    assert client.get("/queue").status_code == 200  # within the idle hour: still signed in
    with factory() as session:
        touched = session.scalars(select(LoginSession)).one().last_seen
    assert touched.replace(tzinfo=UTC) > recent + timedelta(minutes=29)  # the clock moved
    with factory() as session, session.begin():
        session.execute(update(LoginSession).values(last_seen=datetime.now(UTC) - IDLE_LIMIT * 2))
    response = client.get("/queue", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/login")
