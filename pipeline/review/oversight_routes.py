"""The overseers' pages (the audit log, the annual statistics) and the two refusals every
route may end in: a document the viewer may not see (403, audited) and an audit key that
cannot be used (503). Mixed into the app's ``ReviewApp`` as the request routes are.

Only ``app.py`` imports FastAPI; these handlers take starlette's ``Request`` and answer
through the app's helpers (``hosting.AppParts``).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from pipeline.review import pages
from pipeline.review.hosting import AppParts
from pipeline.review.security import Refused
from pipeline.store import rights
from pipeline.store.audit_key import AuditKeyError

if TYPE_CHECKING:
    from pipeline.review.logins import Viewer

PAGE_SIZE = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
OVERSEERS = ("approver", "admin")


class OversightRoutes(AppParts):
    """``/audit``, ``/statistics``, ``/statistics.xlsx`` and the refusal handlers."""

    if TYPE_CHECKING:

        async def _refused(self, request: Request, exc: Refused) -> Response: ...

    async def access_refused(self, request: Request, exc: rights.AccessRefused) -> Response:
        """403 in Chinese; the refusal is an audit event of its own transaction (the
        request's own transaction, if any, was rolled back)."""

        def log() -> None:
            with self.tx() as session:
                rights.record_refusal(session, exc, f"{request.method} {request.url.path}")

        await run_in_threadpool(log)
        return await self._refused(request, Refused(403, exc.message))

    async def audit_key_error(self, request: Request, exc: AuditKeyError) -> Response:
        """The audit log cannot be written without its key: say which file and why,
        instead of a server error; nothing was saved."""
        return await self._refused(
            request, Refused(503, f"{exc}（本次操作未保存，请联系系统管理员。）")
        )

    def _overseer(self, request: Request, session: Session, what: str) -> Viewer:
        """The signed-in viewer if an approver or admin, else a 403 saying what they
        may not do."""
        viewer = self.viewer(request, session)
        if viewer.role not in OVERSEERS:
            raise Refused(403, f"只有审批人和管理员可以{what}")
        return viewer

    def audit_log(self, request: Request, page: int = 1) -> Response:
        with self.rtx() as session:
            viewer = self._overseer(request, session, "查看审计日志")
            context = pages.audit_context(session, max(page, 1), PAGE_SIZE, viewer.reader)
            return self.render(request, "audit.html", {"viewer": viewer, **context})

    def statistics(self, request: Request, year: int = 0) -> Response:
        """The annual report tables and charts (年度报告), for approvers and admins: counts
        only, no document's title."""
        with self.rtx() as session:
            viewer = self._overseer(request, session, "查看年度统计")
            context = pages.statistics_context(session, _year(year))
        return self.render(request, "statistics.html", {"viewer": viewer, **context})

    def statistics_xlsx(self, request: Request, year: int = 0) -> Response:
        """The annual report's spreadsheet, for approvers and admins."""
        with self.rtx() as session:
            self._overseer(request, session, "下载年度统计")
            data = pages.statistics_workbook(session, _year(year))
        name = f"{_year(year)}年政府信息公开工作年度报告统计.xlsx"
        return self.attachment(name, data, XLSX)


def _year(year: int) -> int:
    """The year asked for, or this year when it is missing or absurd."""
    return year if 2000 <= year <= 2100 else date.today().year
