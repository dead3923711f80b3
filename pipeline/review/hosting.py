"""What the route mixins (``request_routes.py``, ``clerk_routes.py``) use of the app they
are mixed into: ``ReviewApp`` in ``app.py`` defines these; declared here once, for the
type checker, so the mixins need not import the app (nor FastAPI)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker
    from starlette.requests import Request
    from starlette.responses import Response

    from pipeline.config import Settings
    from pipeline.review.logins import Viewer
    from pipeline.store.models import User


class AppParts:
    """The app's database, settings and helpers, as the route mixins call them."""

    if TYPE_CHECKING:
        factory: sessionmaker[Session]
        settings: Settings
        writers: AbstractContextManager[object]

        def viewer(self, request: Request, session: Session) -> Viewer: ...
        def tx(self) -> AbstractContextManager[Session]: ...
        def rtx(self) -> AbstractContextManager[Session]: ...
        async def posted(self, request: Request) -> tuple[Any, str]: ...
        def render(
            self, request: Request, name: str, context: dict[str, Any], status: int = 200
        ) -> Response: ...
        def attachment(self, name: str, data: bytes, media_type: str) -> Response: ...
        async def _step(
            self,
            request: Request,
            doc_id: int,
            notice: str,
            action: Callable[[Session, User, Any], object],
            go_next: bool = False,
        ) -> Response: ...
