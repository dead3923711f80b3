"""The route of the document page's page images (``/documents/{id}/pages/{n}.png``),
mixed into the app's ``ReviewApp`` like :mod:`pipeline.review.request_routes`; what it
draws and caches is in :mod:`pipeline.review.scan_pages`.

Only ``app.py`` imports FastAPI; this handler takes starlette's ``Request`` and answers
through the app's own helpers, declared below for the type checker.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import Response

from pipeline.config import Settings
from pipeline.review.scan_pages import page_png, page_source
from pipeline.review.security import Refused
from pipeline.store.copies import CopyRefused
from pipeline.store.models import DocumentRow

if TYPE_CHECKING:
    from pipeline.review.logins import Viewer


class ScanRoutes:
    """Page images of a document; ``scan_routes()`` says which path each answers."""

    if TYPE_CHECKING:
        settings: Settings

        def viewer(self, request: Request, session: Session) -> Viewer: ...
        def rtx(self) -> AbstractContextManager[Session]: ...
        def readable(
            self, viewer: Viewer, document: DocumentRow | None, doc_id: int
        ) -> DocumentRow: ...

    def scan_routes(self) -> list[tuple[str, str, Callable[..., Any], bool]]:
        """(method, path, handler, is an HTML page) for the app to register."""
        return [("GET", "/documents/{doc_id}/pages/{number}.png", self.page_image, False)]

    def page_image(self, request: Request, doc_id: int, number: int) -> Response:
        """Page ``number`` of the stored original with the boxes the copy blacks out
        outlined: for every signed-in user who may open the document page (the same
        rights check, refusals audited alike)."""
        with self.rtx() as session:
            viewer = self.viewer(request, session)
            document = self.readable(viewer, session.get(DocumentRow, doc_id), doc_id)
            sha256 = document.sha256
            try:
                stored, spans = page_source(session, document)
            except CopyRefused as exc:
                raise Refused(409, str(exc)) from exc
        try:  # read (OCR) and rendered outside the transaction
            png = page_png(stored, sha256, spans, number, self.settings)
        except (CopyRefused, ValueError) as exc:
            raise Refused(409, f"页面图像无法生成：{exc}") from exc
        if png is None:
            raise Refused(404, f"文档 {doc_id} 没有第 {number} 页")
        return Response(png, media_type="image/png")
