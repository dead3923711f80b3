"""The 依申请公开 pages' routes: thin handlers over :mod:`pipeline.review.request_pages`
(which holds the page logic), mixed into the app's ``ReviewApp``.

Only ``app.py`` imports FastAPI; these handlers take starlette's ``Request`` (which FastAPI
injects by that annotation) and answer through the app's own helpers (``render``,
``attachment``, ``viewer``, the transactions), declared in ``hosting.py`` for the type
checker.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy.orm.exc import StaleDataError
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from pipeline.requests.cases import RequestError
from pipeline.requests.letters import LetterError
from pipeline.review import request_pages
from pipeline.review.hosting import AppParts


class RequestRoutes(AppParts):
    """Routes under ``/requests``; ``routes()`` says which path each answers."""

    def request_routes(self) -> list[tuple[str, str, Callable[..., Any], bool]]:
        """(method, path, handler, is an HTML page) for the app to register."""
        return [
            ("GET", "/requests", self.requests, True),
            ("GET", "/requests/new", self.request_form, True),
            ("POST", "/requests", self.request_add, False),
            ("GET", "/requests/report", self.request_report, True),
            ("GET", "/requests/report.xlsx", self.request_report_xlsx, False),
            ("GET", "/requests/{case_id:int}", self.request_case, True),
            ("POST", "/requests/{case_id:int}/{step}", self.request_step, False),
            ("GET", "/requests/{case_id:int}/letters/{letter_id:int}", self.request_letter, False),
        ]

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
        return self.attachment(name, data, "application/octet-stream")

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
        return self.attachment(name, data, request_pages.XLSX)
