"""The versions page of a document (``/documents/{id}/versions``): every file version of
it, first to last — 第 N 版, its state, decision and 公开目录 索引号 — each against the
one before as a text diff (新增/删除), and the catalog entry's history, which keeps one
索引号 across versions. The document page shows the latest change; this page all.

A thin handler over :mod:`pipeline.review.versions`, mixed into the app's ``ReviewApp``
like the other route modules. A version the viewer may not open is listed without its
text or its diff.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import Response

from pipeline.review.hosting import AppParts
from pipeline.review.security import Refused
from pipeline.review.text_diff import TextDiff, text_diff
from pipeline.review.versions import chain, entry_of
from pipeline.store import rights
from pipeline.store.models import DocumentRow
from pipeline.store.rights import Reader


@dataclass(frozen=True)
class VersionRow:
    document: DocumentRow
    visible: bool
    diff: TextDiff | None  # against the version before, when both are readable and seen


def version_rows(session: Session, document: DocumentRow, reader: Reader) -> list[VersionRow]:
    rows: list[VersionRow] = []
    before: DocumentRow | None = None
    for version in chain(session, document):
        seen = rights.may_see(reader, version)
        both = (
            before is not None
            and seen
            and rights.may_see(reader, before)
            and before.status == "ok"
            and version.status == "ok"
        )
        diff = text_diff(before.text or "", version.text or "") if both and before else None
        rows.append(VersionRow(version, seen, diff))
        before = version
    return rows


class VersionRoutes(AppParts):
    """The route under ``/documents/{id}/versions``."""

    def version_routes(self) -> list[tuple[str, str, Callable[..., Any], bool]]:
        """(method, path, handler, is an HTML page) for the app to register."""
        return [("GET", "/documents/{doc_id}/versions", self.versions, True)]

    def versions(self, request: Request, doc_id: int) -> Response:
        with self.rtx() as session:
            viewer = self.viewer(request, session)
            document = session.get(DocumentRow, doc_id)
            if document is None:
                raise Refused(404, f"文档 {doc_id} 不存在")
            rights.check(viewer.reader, document)
            rows = version_rows(session, document, viewer.reader)
            entry = next(
                (e for r in reversed(rows) if (e := entry_of(session, r.document)) is not None),
                None,
            )
            context = {"viewer": viewer, "doc": document, "rows": rows, "entry": entry}
            return self.render(request, "versions.html", context)
