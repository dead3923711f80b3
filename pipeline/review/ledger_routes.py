"""The 删除台账 of a document (``/documents/{id}/ledger``) and its 区分处理说明: a page to
print (``/documents/{id}/explanation``) and the same as a Word file or a PDF to attach to
a 部分公开 publication or an 依申请公开 reply. Mixed into the app's ``ReviewApp`` like
:mod:`pipeline.review.scan_routes`; the rows come from :mod:`pipeline.store.ledger`, the
files from :mod:`pipeline.catalog.explanation`.

Whoever may open the document page may open its 台账 (the same rights check, refusals
audited alike); the values are masked there too. A download is an audit event.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response

from pipeline.catalog.explanation import HEADER, Explanation, explanation, to_docx, to_pdf
from pipeline.catalog.settings import CatalogSettings
from pipeline.requests.letters import MEDIA_TYPE as DOCX
from pipeline.review.hosting import AppParts
from pipeline.review.scan_pages import pages_of
from pipeline.review.security import Refused
from pipeline.store import audit
from pipeline.store.ledger import Ledger, ledger
from pipeline.store.models import DocumentRow

if TYPE_CHECKING:
    from pipeline.review.logins import Viewer


class LedgerRoutes(AppParts):
    """The 删除台账 page, the printable 区分处理说明 and its downloads."""

    if TYPE_CHECKING:

        def readable(
            self, viewer: Viewer, document: DocumentRow | None, doc_id: int
        ) -> DocumentRow: ...

    def ledger_routes(self) -> list[tuple[str, str, Callable[..., Any], bool]]:
        """(method, path, handler, is an HTML page) for the app to register."""
        return [
            ("GET", "/documents/{doc_id}/ledger", self.ledger_page, True),
            ("GET", "/documents/{doc_id}/explanation", self.explanation_page, True),
            ("GET", "/documents/{doc_id}/explanation.docx", self.explanation_docx, False),
            ("GET", "/documents/{doc_id}/explanation.pdf", self.explanation_pdf, False),
        ]

    def _ledger(self, request: Request, doc_id: int) -> tuple[Viewer, Ledger]:
        """The viewer and the document's 台账 (plain values, read in one transaction)."""
        with self.rtx() as session:
            viewer = self.viewer(request, session)
            document = self.readable(viewer, session.get(DocumentRow, doc_id), doc_id)
            found = ledger(document, pages_of(session, document, self.settings))
        if found is None:
            raise Refused(409, f"文档 {doc_id} 尚未作出审核决定，还没有删除台账")
        if found.attribute == "不予公开":
            raise Refused(409, f"文档 {doc_id} 决定不予公开，整件不公开，没有区分处理")
        return viewer, found

    def _content(self, found: Ledger) -> Explanation:
        return explanation(found, CatalogSettings.from_env().agency_name)

    def ledger_page(self, request: Request, doc_id: int) -> Response:
        viewer, found = self._ledger(request, doc_id)
        return self.render(request, "ledger.html", {"viewer": viewer, "ledger": found})

    def explanation_page(self, request: Request, doc_id: int) -> Response:
        """The 说明 as a page made to print (no menus; the browser's 打印 gives paper)."""
        viewer, found = self._ledger(request, doc_id)
        content = self._content(found)
        context = {"viewer": viewer, "ledger": found, "content": content, "header": HEADER}
        return self.render(request, "explanation.html", context)

    def _file(self, request: Request, doc_id: int, kind: str) -> Response:
        viewer, found = self._ledger(request, doc_id)
        content = self._content(found)
        try:
            data = to_docx(content) if kind == "docx" else to_pdf(content)
        except RuntimeError as exc:
            raise Refused(409, str(exc)) from exc
        with self.tx() as session:
            audit.record(session, viewer.name, "download", doc_id, {"copy": "explanation"})
        stem = f"区分处理说明（文档{doc_id}）"
        media = DOCX if kind == "docx" else "application/pdf"
        return self.attachment(f"{stem}.{kind}", data, media)

    def explanation_docx(self, request: Request, doc_id: int) -> Response:
        return self._file(request, doc_id, "docx")

    def explanation_pdf(self, request: Request, doc_id: int) -> Response:
        return self._file(request, doc_id, "pdf")
