"""The 同类批量审核 pages: the groups of alike documents in the queue, and for a decided
document of a group the plan of applying its pattern — the documents it fits, ticked,
and the exceptions with their reasons, each a link to review it alone.

Thin handlers over :mod:`pipeline.store.batch_review`, mixed into the app's ``ReviewApp``
like the clerk routes. Each ticked document is decided in a transaction of its own, so a
document someone changed meanwhile (a conflict) or that no longer fits is reported and
skipped while the others are saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.orm.exc import StaleDataError
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from pipeline.review.clerk_pages import allow
from pipeline.review.hosting import AppParts
from pipeline.store import batch_review
from pipeline.store.models import User
from pipeline.store.rights import AccessRefused
from pipeline.store.workflow import WorkflowError


class BatchRoutes(AppParts):
    """Routes under ``/batches``."""

    def batch_routes(self) -> list[tuple[str, str, Callable[..., Any], bool]]:
        """(method, path, handler, is an HTML page) for the app to register."""
        return [
            ("GET", "/batches", self.batches, True),
            ("GET", "/batches/{doc_id}", self.batch, True),
            ("POST", "/batches/{doc_id}", self.batch_apply, False),
        ]

    def batches(self, request: Request) -> Response:
        with self.rtx() as session:
            viewer = self.viewer(request, session)
            allow(viewer, batch_review.ROLES, "批量审核")
            found = batch_review.groups(session, viewer.reader)
            return self.render(request, "batches.html", {"viewer": viewer, "groups": found})

    def batch(self, request: Request, doc_id: int, done: int = -1, failed: int = 0) -> Response:
        """The plan of applying the pattern of ``doc_id`` (the model) to its group."""
        with self.rtx() as session:
            viewer = self.viewer(request, session)
            allow(viewer, batch_review.ROLES, "批量审核")
            try:
                planned = batch_review.plan(session, doc_id, viewer.reader)
            except WorkflowError as exc:
                return self.render(
                    request,
                    "error.html",
                    {"viewer": viewer, "message": str(exc), "status": 409},
                    409,
                )
            context = {"viewer": viewer, "plan": planned, "done": done, "failed": failed}
            return self.render(request, "batch.html", context)

    async def batch_apply(self, request: Request, doc_id: int) -> Response:
        """Decide each ticked document by the pattern of ``doc_id`` (the model), one
        transaction each."""
        form, _token = await self.posted(request)
        chosen = [int(v) for v in form.getlist("doc") if isinstance(v, str) and v.isdigit()]
        versions = {d: form.get(f"version-{d}") for d in chosen}

        def run() -> Response:
            with self.rtx() as session:
                allow(self.viewer(request, session), batch_review.ROLES, "批量审核")
            done = failed = 0
            for member in chosen:
                version = versions[member]
                try:
                    with self.tx() as session:
                        user = session.get(User, self.viewer(request, session).user_id)
                        assert user is not None
                        expected = int(version) if isinstance(version, str) else None
                        batch_review.apply(session, doc_id, member, user, expected)
                    done += 1
                except (WorkflowError, StaleDataError, ValueError, AccessRefused):
                    failed += 1
            target = f"/batches/{doc_id}?done={done}&failed={failed}"
            return RedirectResponse(target, status_code=303)

        return await run_in_threadpool(run)
