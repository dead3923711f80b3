"""The reviewers' web app (`triage serve`): FastAPI with server-rendered Chinese pages.

Every page but the login form needs a signed-in user (server-side session, HttpOnly
cookie); every POST carries the session's CSRF token and, when the browser sends one, a
same-origin ``Origin``; the pages allow only their own scripts and styles (CSP), so a
value that slipped into a comment or a file name is shown as text and never runs. What a
user may do is decided by ``workflow`` (the CLI goes through the same functions); the app
only shows or hides the buttons to match. Writes use the document version the page was
rendered from: a reviewer who saves over someone else's change gets a conflict message
and nothing is overwritten.
"""

from __future__ import annotations

import json
import secrets
import threading
from collections.abc import Awaitable, Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from pipeline.catalog.deadlines import AWAITING_PUBLICATION, DUE_SOON_DAYS, due_soon_until
from pipeline.config import Settings
from pipeline.decide import ATTRIBUTES
from pipeline.labels import label_name
from pipeline.redact.spans import REDACTABLE
from pipeline.requests.cases import RequestError
from pipeline.requests.letters import LetterError
from pipeline.review import logins, request_pages, workflow
from pipeline.review.downloads import CopyRefused, Kind, current_spans, make_copy
from pipeline.review.highlight import runs
from pipeline.review.queue import DEADLINES, QueueFilter, queue_page
from pipeline.review.workflow import ApprovalPolicy, Conflict, WorkflowError
from pipeline.store import audit
from pipeline.store.db import open_db, readers
from pipeline.store.models import AuditEvent, Document, User

HERE = Path(__file__).resolve().parent
SESSION_COOKIE = "triage_session"
LOGIN_COOKIE = "triage_login_csrf"
PAGE_SIZE = 50

ROLE_NAMES = {"drafter": "拟稿人", "reviewer": "审核人", "approver": "审批人", "admin": "管理员"}
STATE_NAMES = {
    "suggested": "待审核",
    "in_review": "审核中",
    "reviewed": "待审批",
    "approved": "已批准",
    "published": "已发布",
    "withheld": "不予公开（已登记）",
    "returned": "已退回",
    "error": "读取失败",
}
ACTION_NAMES = {
    "store": "入库",
    "start_review": "开始审核",
    "decide": "审核决定",
    "approve": "审批通过",
    "return": "退回",
    "secrecy_override": "保密审查意见",
    "download": "下载",
    "login": "登录",
    "logout": "退出",
    "login_failed": "登录失败",
    "login_locked": "登录锁定",
    "add_user": "添加用户",
}
# What a redirect after a successful POST may say: codes, never text from the request.
NOTICES = {
    "decided": "审核决定已保存，等待审批。",
    "approved": "已审批。",
    "returned": "已退回审核人。",
    "override": "保密审查意见已记录。",
    "signed_out": "您已退出登录。",
}
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


class NotSignedIn(Exception):
    """No valid session: pages redirect to the login form, other requests get 401."""


class Refused(Exception):
    """A request the user may not make (403) or that names nothing (404)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def create_app(
    url: str | None = None,
    *,
    policy: ApprovalPolicy | None = None,
    secure_cookies: bool = True,
    settings: Settings | None = None,
) -> FastAPI:
    """The app on the review database at ``url`` (default: ``TRIAGE_DB`` or the SQLite
    file). ``secure_cookies=False`` only for plain http on loopback (tests, one machine)."""
    factory = open_db(url)
    return ReviewApp(factory, policy or ApprovalPolicy(), secure_cookies, settings).app


class ReviewApp:
    """Routes and the little state they share (database, templates, policy)."""

    def __init__(
        self,
        factory: sessionmaker[Session],
        policy: ApprovalPolicy,
        secure_cookies: bool,
        settings: Settings | None,
    ) -> None:
        self.factory = factory
        self.reader = readers(factory)
        sqlite = factory.kw["bind"].dialect.name == "sqlite"
        self.writers: AbstractContextManager[object] = threading.Lock() if sqlite else nullcontext()
        self.policy = policy
        self.secure = secure_cookies
        self.settings = settings or Settings.from_env()
        self.templates = Jinja2Templates(directory=HERE / "templates")
        self.templates.env.globals.update(
            ROLE_NAMES=ROLE_NAMES,
            STATE_NAMES=STATE_NAMES,
            ACTION_NAMES={**ACTION_NAMES, **request_pages.ACTION_NAMES},
            ATTRIBUTES=ATTRIBUTES,
            may_handle_requests=request_pages.may_handle,
            label_name=label_name,
        )
        self.templates.env.filters["json"] = lambda v: json.dumps(v, ensure_ascii=False)
        app = FastAPI(title="公开审", docs_url=None, redoc_url=None, openapi_url=None)
        app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
        app.middleware("http")(self._headers)
        app.add_exception_handler(NotSignedIn, self._not_signed_in)  # type: ignore[arg-type]
        app.add_exception_handler(Refused, self._refused)  # type: ignore[arg-type]
        app.add_exception_handler(request_pages.PageRefused, self._refused)  # type: ignore[arg-type]
        app.get("/login", response_class=HTMLResponse)(self.login_form)
        app.post("/login")(self.login)
        app.post("/logout")(self.logout)
        app.get("/")(self.home)
        app.get("/queue", response_class=HTMLResponse)(self.queue)
        app.get("/documents/{doc_id}", response_class=HTMLResponse)(self.document)
        app.post("/documents/{doc_id}/decide")(self.decide)
        app.post("/documents/{doc_id}/approve")(self.approve)
        app.post("/documents/{doc_id}/return")(self.return_)
        app.post("/documents/{doc_id}/override")(self.override)
        app.get("/documents/{doc_id}/review-copy")(self.review_copy)
        app.get("/documents/{doc_id}/redacted-copy")(self.redacted_copy)
        app.get("/audit", response_class=HTMLResponse)(self.audit_log)
        app.get("/statistics", response_class=HTMLResponse)(self.statistics)
        app.get("/requests", response_class=HTMLResponse)(self.requests)
        app.get("/requests/new", response_class=HTMLResponse)(self.request_form)
        app.post("/requests")(self.request_add)
        app.get("/requests/report", response_class=HTMLResponse)(self.request_report)
        app.get("/requests/report.xlsx")(self.request_report_xlsx)
        app.get("/requests/{case_id:int}", response_class=HTMLResponse)(self.request_case)
        app.post("/requests/{case_id:int}/{step}")(self.request_step)
        app.get("/requests/{case_id:int}/letters/{letter_id:int}")(self.request_letter)
        self.app = app

    # --- plumbing ---------------------------------------------------------------------

    @contextmanager
    def tx(self) -> Iterator[Session]:
        """A writing transaction (on SQLite: holds the write lock; keep it short). On
        SQLite the threads of this process queue for it here, in order, rather than in
        SQLite's busy handler, which polls with growing sleeps and lets late arrivals
        overtake (measured: decide p95 3.4 s under 50 sessions)."""
        with self.writers, self.factory() as session, session.begin():
            yield session

    @contextmanager
    def rtx(self) -> Iterator[Session]:
        """A reading transaction: page views and checks, never queued behind writers."""
        with self.reader() as session, session.begin():
            yield session

    def _touch(self, token: str) -> None:
        with self.tx() as session:
            logins.touch(session, token)

    async def _headers(
        self, request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        token = getattr(request.state, "touch", None)
        if token:
            await run_in_threadpool(self._touch, token)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if not request.url.path.startswith("/static/"):
            response.headers["Cache-Control"] = "no-store"
        return response

    async def _not_signed_in(self, request: Request, _exc: NotSignedIn) -> Response:
        if request.method == "GET":
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            return RedirectResponse(f"/login?{urlencode({'next': target})}", status_code=303)
        return HTMLResponse("未登录或登录已过期，请重新登录。", status_code=401)

    async def _refused(self, request: Request, exc: Refused) -> Response:
        return self.templates.TemplateResponse(
            request,
            "error.html",
            {"viewer": None, "message": exc.message, "status": exc.status},
            status_code=exc.status,
        )

    def viewer(self, request: Request, session: Session) -> logins.Viewer:
        token = request.cookies.get(SESSION_COOKIE)
        viewer = logins.lookup(session, token)
        if viewer is None:
            raise NotSignedIn
        if viewer.needs_touch:
            request.state.touch = token  # written after the response, in its own transaction
        return viewer

    def _check_origin(self, request: Request) -> None:
        origin = request.headers.get("origin")
        if origin and origin != "null":
            parts = urlsplit(origin)
            if parts.netloc != request.headers.get("host", ""):
                raise Refused(403, "跨站请求被拒绝")

    async def posted(self, request: Request) -> tuple[FormData, str]:
        """The form of a POST by a signed-in user, after the CSRF and origin checks;
        returns it with the session token."""
        self._check_origin(request)
        form = await request.form()
        token = request.cookies.get(SESSION_COOKIE)

        def check() -> None:
            with self.rtx() as session:
                viewer = self.viewer(request, session)
                if not logins.csrf_matches(viewer, _field(form, "csrf")):
                    raise Refused(403, "表单已失效（CSRF 校验失败），请刷新页面后重试")

        await run_in_threadpool(check)
        return form, token or ""

    def render(
        self, request: Request, name: str, context: dict[str, Any], status: int = 200
    ) -> HTMLResponse:
        return self.templates.TemplateResponse(request, name, context, status_code=status)

    # --- login ------------------------------------------------------------------------

    def login_form(self, request: Request, next: str = "/queue") -> Response:
        with self.rtx() as session:
            if logins.lookup(session, request.cookies.get(SESSION_COOKIE)) is not None:
                return RedirectResponse(_safe_next(next), status_code=303)
        return self._login_page(request, next, "", 200)

    def _login_page(self, request: Request, next: str, error: str, status: int) -> Response:
        token = secrets.token_urlsafe(32)
        response = self.render(
            request,
            "login.html",
            {"viewer": None, "csrf": token, "next": _safe_next(next), "error": error},
            status,
        )
        response.set_cookie(
            LOGIN_COOKIE, token, httponly=True, samesite="strict", secure=self.secure, path="/login"
        )
        return response

    async def login(self, request: Request) -> Response:
        self._check_origin(request)
        form = await request.form()
        expected = request.cookies.get(LOGIN_COOKIE) or ""
        submitted = _field(form, "csrf")
        if not expected or not secrets.compare_digest(expected, submitted):
            raise Refused(403, "登录表单已失效（CSRF 校验失败），请刷新页面后重试")
        name, password = _field(form, "name"), _field(form, "password")
        next_page = _safe_next(_field(form, "next") or "/queue")

        def sign_in() -> logins.SignIn:
            with self.rtx() as session:  # argon2 runs here, outside the write lock
                attempt = logins.check_login(session, name, password)
            with self.tx() as session:
                return logins.record_login(session, attempt)

        outcome = await run_in_threadpool(sign_in)
        if outcome.refusal:
            return self._login_page(request, next_page, outcome.refusal, 401)
        token = outcome.token
        response = RedirectResponse(next_page, status_code=303)
        response.set_cookie(
            SESSION_COOKIE,
            token,
            httponly=True,
            samesite="lax",
            secure=self.secure,
            path="/",
            max_age=int(logins.SESSION_LIMIT.total_seconds()),
        )
        response.delete_cookie(LOGIN_COOKIE, path="/login")
        return response

    async def logout(self, request: Request) -> Response:
        _form, token = await self.posted(request)

        def sign_out() -> None:
            with self.tx() as session:
                logins.sign_out(session, token)

        await run_in_threadpool(sign_out)
        response = RedirectResponse("/login?notice=signed_out", status_code=303)
        response.delete_cookie(SESSION_COOKIE, path="/")
        return response

    # --- pages ------------------------------------------------------------------------

    def home(self, request: Request) -> Response:
        with self.rtx() as session:
            self.viewer(request, session)
        return RedirectResponse("/queue", status_code=303)

    def queue(
        self,
        request: Request,
        state: str = "",
        attribute: str = "",
        min_confidence: str = "",
        max_confidence: str = "",
        deadline: str = "",
        words: str = "",
        page: int = 1,
    ) -> Response:
        qf = QueueFilter(
            state=state if state in STATE_NAMES else None,
            attribute=attribute if attribute in ATTRIBUTES else None,
            min_confidence=_number(min_confidence),
            max_confidence=_number(max_confidence),
            deadline=deadline if deadline in DEADLINES else None,
            words=words.strip()[:100] or None,
        )
        page = max(page, 1)
        with self.rtx() as session:
            viewer = self.viewer(request, session)
            rows, total = queue_page(session, qf, page, PAGE_SIZE)
            params = {
                "state": state,
                "attribute": attribute,
                "min_confidence": min_confidence,
                "max_confidence": max_confidence,
                "deadline": deadline,
                "words": words,
            }
            return self.render(
                request,
                "queue.html",
                {
                    "viewer": viewer,
                    "rows": rows,
                    "total": total,
                    "page": page,
                    "pages": max(1, -(-total // PAGE_SIZE)),
                    "filters": params,
                    "query": lambda p: urlencode({**params, "page": p}),
                    "today": qf.today.isoformat(),
                    "soon": due_soon_until(qf.today).isoformat(),
                    "awaiting": AWAITING_PUBLICATION,
                    "soon_days": DUE_SOON_DAYS,
                },
            )

    def _document_context(
        self, session: Session, viewer: logins.Viewer, document: Document
    ) -> dict[str, Any]:
        suggestion = document.suggestion
        decision = document.decision
        findings = list(suggestion.findings) if suggestion else []
        history = list(
            session.scalars(
                select(AuditEvent)
                .where(AuditEvent.document_id == document.id)
                .order_by(AuditEvent.id)
            )
        )
        done = workflow.approvals_done(document, decision) if decision is not None else []
        level = len(done) + 1
        level_role = self.policy.levels[level - 1] if level <= len(self.policy.levels) else None
        reviewed = document.state == "reviewed" and decision is not None
        can_approve = can_override = False
        if reviewed and decision is not None:
            # The buttons follow the workflow's own rules, which enforce them again on POST.
            can_approve = (
                level_role is not None
                and viewer.role in (level_role, "admin")
                and not workflow.took_part(decision, done, viewer.user_id)
                and not workflow.awaits_override(document, decision)
            )
            can_override = (
                viewer.role == "admin"
                and document.secret_mark
                and not workflow.overridden(document, decision)
            )
        return {
            "viewer": viewer,
            "doc": document,
            "meta": document.doc_metadata or {},
            "suggestion": suggestion,
            "decision": decision,
            "findings": findings,
            "runs": runs(document.text or "", findings, current_spans(document)),
            "history": history,
            "level": level,
            "levels": len(self.policy.levels),
            "level_role": level_role,
            "can_decide": viewer.role in ("reviewer", "admin")
            and document.state in workflow.DECIDABLE
            and document.status == "ok",
            "can_approve": can_approve,
            "can_return": reviewed and viewer.role in ("approver", "admin"),
            "can_override": can_override,
            "redactable": [(label, label_name(label)) for label in sorted(REDACTABLE)],
        }

    def document(self, request: Request, doc_id: int, notice: str = "") -> Response:
        with self.rtx() as session:
            viewer = self.viewer(request, session)
            document = session.get(Document, doc_id)
            if document is None:
                raise Refused(404, f"文档 {doc_id} 不存在")
            context = self._document_context(session, viewer, document)
            context["notice"] = NOTICES.get(notice, "")
            return self.render(request, "document.html", context)

    async def _step(
        self,
        request: Request,
        doc_id: int,
        notice: str,
        action: Callable[[Session, User, FormData], object],
    ) -> Response:
        """Run a workflow step for the signed-in user on a checked POST; a refusal or a
        conflict re-renders the document (current state) with the message, nothing saved."""
        form, _token = await self.posted(request)

        def run() -> Response:
            try:
                with self.tx() as session:
                    viewer = self.viewer(request, session)
                    user = session.get(User, viewer.user_id)
                    assert user is not None
                    action(session, user, form)
            except (WorkflowError, StaleDataError) as exc:
                conflict = isinstance(exc, Conflict | StaleDataError)
                message = (
                    f"文档 {doc_id} 刚被他人修改，您的修改未保存。请刷新后重新审核。"
                    if isinstance(exc, StaleDataError)
                    else str(exc)
                )
                with self.rtx() as session:
                    viewer = self.viewer(request, session)
                    document = session.get(Document, doc_id)
                    if document is None:
                        raise Refused(404, f"文档 {doc_id} 不存在") from exc
                    context = self._document_context(session, viewer, document)
                    context["error"] = message
                    return self.render(request, "document.html", context, 409 if conflict else 403)
            return RedirectResponse(f"/documents/{doc_id}?notice={notice}", status_code=303)

        return await run_in_threadpool(run)

    async def decide(self, request: Request, doc_id: int) -> Response:
        def step(session: Session, user: User, form: FormData) -> None:
            verdicts, added = _decision_inputs(form, workflow.get_document(session, doc_id))
            workflow.decide(
                session,
                doc_id,
                user,
                attribute=_field(form, "attribute"),
                verdicts=verdicts,
                added=added,
                comment=_text(form, "comment"),
                expected_version=_version(form),
            )

        return await self._step(request, doc_id, "decided", step)

    async def approve(self, request: Request, doc_id: int) -> Response:
        return await self._step(
            request,
            doc_id,
            "approved",
            lambda session, user, form: workflow.approve(
                session,
                doc_id,
                user,
                self.policy,
                expected_version=_version(form),
                comment=_text(form, "comment"),
            ),
        )

    async def return_(self, request: Request, doc_id: int) -> Response:
        return await self._step(
            request,
            doc_id,
            "returned",
            lambda session, user, form: workflow.return_document(
                session, doc_id, user, _text(form, "reason"), expected_version=_version(form)
            ),
        )

    async def override(self, request: Request, doc_id: int) -> Response:
        return await self._step(
            request,
            doc_id,
            "override",
            lambda session, user, form: workflow.secrecy_override(
                session, doc_id, user, _text(form, "reason"), expected_version=_version(form)
            ),
        )

    def _download(self, request: Request, doc_id: int, kind: Kind) -> Response:
        with self.rtx() as session:  # the copy is made without holding the write lock
            viewer = self.viewer(request, session)
            document = session.get(Document, doc_id)
            if document is None:
                raise Refused(404, f"文档 {doc_id} 不存在")
            try:
                copy = make_copy(session, document, kind, self.settings)
            except CopyRefused as exc:
                raise Refused(409, str(exc)) from exc
        with self.tx() as session:
            audit.record(session, viewer.name, "download", doc_id, {"copy": kind})
        disposition = f"attachment; filename*=UTF-8''{quote(copy.filename)}"
        return Response(
            copy.data, media_type=copy.media_type, headers={"Content-Disposition": disposition}
        )

    def review_copy(self, request: Request, doc_id: int) -> Response:
        return self._download(request, doc_id, "review")

    def redacted_copy(self, request: Request, doc_id: int) -> Response:
        return self._download(request, doc_id, "redacted")

    def audit_log(self, request: Request, page: int = 1) -> Response:
        with self.rtx() as session:
            viewer = self.viewer(request, session)
            if viewer.role not in ("approver", "admin"):
                raise Refused(403, "只有审批人和管理员可以查看审计日志")
            check = audit.verify(session)
            page = max(page, 1)
            events = list(
                session.scalars(
                    select(AuditEvent)
                    .order_by(AuditEvent.id.desc())
                    .limit(PAGE_SIZE)
                    .offset((page - 1) * PAGE_SIZE)
                )
            )
            return self.render(
                request,
                "audit.html",
                {"viewer": viewer, "check": check, "events": events, "page": page},
            )

    def statistics(self, request: Request, year: int = 0) -> Response:
        """The annual report tables and charts (年度报告), for approvers and admins."""
        import base64
        import tempfile

        from pipeline.catalog.statistics import annual_statistics, write_charts

        with self.rtx() as session:
            viewer = self.viewer(request, session)
            if viewer.role not in ("approver", "admin"):
                raise Refused(403, "只有审批人和管理员可以查看年度统计")
            year = year if 2000 <= year <= 2100 else date.today().year
            stats = annual_statistics(session, year)
        with tempfile.TemporaryDirectory(prefix="triage-charts-") as folder:
            charts = [
                base64.b64encode(path.read_bytes()).decode("ascii")
                for path in write_charts(stats, Path(folder))
            ]
        tables = {
            name: table.to_html(index=False, escape=True, border=0, classes="queue")
            for name, table in stats.tables().items()
        }
        return self.render(
            request,
            "statistics.html",
            {"viewer": viewer, "year": year, "tables": tables, "charts": charts},
        )

    # --- 依申请公开 (page logic in request_pages) --------------------------------------

    def requests(self, request: Request, due_within: str = "", state: str = "") -> Response:
        with self.rtx() as session:
            viewer = self.viewer(request, session)
            context = request_pages.dashboard(session, viewer, due_within, state, date.today())
            return self.render(request, "requests.html", context)

    def request_form(self, request: Request) -> Response:
        with self.rtx() as session:
            viewer = self.viewer(request, session)
            return self.render(request, "request_new.html", request_pages.new_form(viewer))

    async def request_add(self, request: Request) -> Response:
        form, _token = await self.posted(request)

        def run() -> Response:
            try:
                with self.tx() as session:
                    viewer = self.viewer(request, session)
                    case_id = request_pages.create(session, viewer, form, date.today())
            except (RequestError, LetterError) as exc:
                with self.rtx() as session:
                    viewer = self.viewer(request, session)
                    context = request_pages.new_form(viewer, dict(form), str(exc))
                return self.render(request, "request_new.html", context, 422)
            return RedirectResponse(f"/requests/{case_id}?notice=added", status_code=303)

        return await run_in_threadpool(run)

    def request_case(
        self, request: Request, case_id: int, q: str = "", notice: str = ""
    ) -> Response:
        with self.rtx() as session:
            viewer = self.viewer(request, session)
            context = request_pages.case_page(
                session, viewer, case_id, date.today(), q[:100], notice
            )
            return self.render(request, "request.html", context)

    async def request_step(self, request: Request, case_id: int, step: str) -> Response:
        """A step of a case on a checked POST; a refusal re-renders the case with the
        reason (nothing saved)."""
        form, _token = await self.posted(request)

        def run() -> Response:
            try:
                with self.tx() as session:
                    viewer = self.viewer(request, session)
                    notice = request_pages.run_step(
                        session, viewer, case_id, step, form, date.today()
                    )
            except (RequestError, LetterError, StaleDataError) as exc:
                with self.rtx() as session:
                    viewer = self.viewer(request, session)
                    context = request_pages.case_page(
                        session, viewer, case_id, date.today(), error=str(exc)
                    )
                return self.render(request, "request.html", context, 409)
            return RedirectResponse(f"/requests/{case_id}?notice={notice}", status_code=303)

        return await run_in_threadpool(run)

    def request_letter(self, request: Request, case_id: int, letter_id: int) -> Response:
        with self.tx() as session:
            viewer = self.viewer(request, session)
            name, data = request_pages.letter_file(session, viewer, case_id, letter_id)
        return _attachment(name, data, "application/octet-stream")

    def request_report(self, request: Request, year: int = 0) -> Response:
        year = year if 2000 <= year <= 2100 else date.today().year
        with self.rtx() as session:
            viewer = self.viewer(request, session)
            context = request_pages.report_page(session, viewer, year)
            return self.render(request, "request_report.html", context)

    def request_report_xlsx(self, request: Request, year: int = 0) -> Response:
        year = year if 2000 <= year <= 2100 else date.today().year
        with self.rtx() as session:
            viewer = self.viewer(request, session)
            name, data = request_pages.report_xlsx(session, viewer, year)
        return _attachment(name, data, request_pages.XLSX)


def _attachment(name: str, data: bytes, media_type: str) -> Response:
    disposition = f"attachment; filename*=UTF-8''{quote(name)}"
    return Response(data, media_type=media_type, headers={"Content-Disposition": disposition})


# --- form helpers -----------------------------------------------------------------------


def _field(form: FormData, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


def _text(form: FormData, name: str, limit: int = 4000) -> str:
    """A free-text field (comment, reason), cut to a sane length."""
    return _field(form, name)[:limit]


def _version(form: FormData) -> int | None:
    """The document version the page was rendered from (for the conflict check)."""
    try:
        return int(_field(form, "version"))
    except ValueError:
        return None


def _number(text: str) -> float | None:
    try:
        return float(text) if text.strip() else None
    except ValueError:
        return None


def _safe_next(target: str) -> str:
    """Only a path on this site (no scheme, no host, no //evil.example)."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/queue"
    return target


def _decision_inputs(
    form: FormData, document: Document
) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """Per-finding verdicts and the spans the reviewer added: by selecting text (JSON in
    ``added``) or by typing a phrase (``add_text``: every occurrence). A rejected finding
    that an added span overlaps counts as modified."""
    text = document.text or ""
    verdicts = {
        key.removeprefix("verdict-"): value
        for key, value in form.multi_items()
        if key.startswith("verdict-") and isinstance(value, str)
    }
    added: list[dict[str, Any]] = []
    raw = _field(form, "added").strip()
    if raw:
        try:
            rows = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise WorkflowError(f"添加的删除范围无法读取：{exc}") from exc
        if not isinstance(rows, list):
            raise WorkflowError("添加的删除范围须为列表")
        for row in rows:
            if not isinstance(row, dict):
                raise WorkflowError(f"无效的删除范围：{row!r}")
            label = str(row.get("label", ""))
            if label not in REDACTABLE:
                raise WorkflowError(f"无效的删除类别：{label!r}")
            try:
                added.append({"start": int(row["start"]), "end": int(row["end"]), "label": label})
            except (KeyError, TypeError, ValueError) as exc:
                raise WorkflowError(f"无效的删除范围：{row!r}") from exc
    phrase = _field(form, "add_text").strip()
    if phrase:
        label = _field(form, "add_label")
        if label not in REDACTABLE:
            raise WorkflowError(f"无效的删除类别：{label!r}")
        at = text.find(phrase)
        if at < 0:
            raise WorkflowError(f"原文中没有“{phrase[:40]}”")
        while at >= 0:
            added.append({"start": at, "end": at + len(phrase), "label": label})
            at = text.find(phrase, at + len(phrase))
    suggestion = document.suggestion
    for finding in suggestion.findings if suggestion else []:
        key = str(finding.id)
        if verdicts.get(key) == "reject" and any(
            a["start"] < finding.end and finding.start < a["end"] for a in added
        ):
            verdicts[key] = "modify"
    return verdicts, added
