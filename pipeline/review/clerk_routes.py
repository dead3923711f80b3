"""The clerks' routes: upload files (and a fixed file in place of an unreadable or
returned one), dismiss an unreadable file, publish to the 公开目录 after a preview,
withdraw an entry, download the catalog and the statistics, add users — all without
the command line — and the heartbeat that tells a document page who else has it open.

Thin handlers over :mod:`pipeline.review.clerk_pages` and the catalog's and store's own
functions (the CLI calls the same ones), mixed into the app's ``ReviewApp`` like the
request routes. Storing an upload needs the nightly intake, which sits above the app in
the layers: whoever starts the app gives it as ``app.state.intake`` (`triage serve`
does); without one the upload page says uploads are off.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from pipeline.catalog.exports import export
from pipeline.catalog.publish import PublishError, withdraw
from pipeline.catalog.settings import CatalogSettings
from pipeline.catalog.sweeps import catalog_records, publish_and_write_site, write_public_site
from pipeline.review import clerk_pages
from pipeline.review.clerk_pages import CATALOG_ROLES, UPLOAD_ROLES, allow
from pipeline.review.forms import form_field, form_text, form_version
from pipeline.review.hosting import AppParts
from pipeline.review.names import NOTICES
from pipeline.review.security import Refused
from pipeline.review.wording import watching
from pipeline.store import audit, intake, presence, rights
from pipeline.store.models import DocumentRow, User
from pipeline.store.users import add_user
from pipeline.store.workflow import WorkflowError

if TYPE_CHECKING:
    from pipeline.review.logins import Viewer

# stored files (and who uploaded them: the owner of new documents) → their document ids
Intake = Callable[[Sequence[Path], int], list[int]]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ClerkRoutes(AppParts):
    """Routes under ``/upload``, ``/catalog``, ``/users`` and two document steps."""

    def clerk_routes(self) -> list[tuple[str, str, Callable[..., Any], bool]]:
        """(method, path, handler, is an HTML page) for the app to register."""
        return [
            ("GET", "/upload", self.upload_form, True),
            ("POST", "/upload", self.upload, False),
            ("POST", "/documents/{doc_id}/dismiss", self.dismiss, False),
            ("POST", "/documents/{doc_id}/presence", self.presence, False),
            ("GET", "/catalog", self.catalog, True),
            ("POST", "/catalog/publish", self.catalog_publish, False),
            ("POST", "/catalog/withdraw", self.catalog_withdraw, False),
            ("GET", "/catalog/entries.xlsx", self.catalog_xlsx, False),
            ("GET", "/users", self.users, True),
            ("POST", "/users", self.user_add, False),
        ]

    def _who(self, request: Request, roles: tuple[str, ...], what: str) -> Viewer:
        with self.rtx() as session:
            viewer = self.viewer(request, session)
        allow(viewer, roles, what)
        return viewer

    # --- upload -----------------------------------------------------------------------

    def upload_form(
        self, request: Request, replaces: int | None = None, done: str = ""
    ) -> Response:
        return self._upload_page(request, replaces, done[:200])

    def _upload_page(
        self,
        request: Request,
        replaces: int | None,
        done: str = "",
        error: str = "",
        status: int = 200,
    ) -> Response:
        with self.rtx() as session:
            viewer = self.viewer(request, session)
            allow(viewer, UPLOAD_ROLES, "上传文件")
            context = clerk_pages.upload_context(
                session, viewer, replaces, done, self.settings.max_bytes
            )
            context |= {"error": error, "enabled": _intake(request) is not None}
            return self.render(request, "upload.html", context, status)

    async def upload(self, request: Request) -> Response:
        """Store the posted files through the nightly intake, each upload in a folder of
        its own; with ``replaces``, the one fixed file takes the unreadable or returned
        document's place (that document is kept as its previous version)."""
        form, _token = await self.posted(request)
        await run_in_threadpool(self._who, request, UPLOAD_ROLES, "上传文件")
        replaces_text = form_field(form, "replaces")
        replaces = int(replaces_text) if replaces_text.isdigit() else None
        limit = self.settings.max_bytes
        files: list[tuple[str, bytes]] = []
        for part in form.getlist("files"):
            if isinstance(part, UploadFile) and part.filename:
                data = await part.read(limit + 1)
                if len(data) > limit:
                    return await run_in_threadpool(
                        self._upload_page,
                        request,
                        replaces,
                        "",
                        f"文件 {part.filename} 超过 {limit // (1 << 20)} 兆上限，未上传",
                        413,
                    )
                files.append((part.filename, data))
        store = _intake(request)
        problem = (
            "本服务没有配置文件入库，暂不能上传，请联系管理员"
            if store is None
            else "请选择要上传的文件"
            if not files
            else f"一次最多上传 {clerk_pages.MAX_FILES} 个文件"
            if len(files) > clerk_pages.MAX_FILES
            else "替换时只能上传一个修正后的文件"
            if replaces is not None and len(files) != 1
            else ""
        )
        if problem or store is None:
            return await run_in_threadpool(self._upload_page, request, replaces, "", problem, 422)

        def run() -> Response:
            with self.rtx() as session:
                uploader = self.viewer(request, session)
                # refused before storing anything (unknown, not replaceable, not theirs)
                clerk_pages.replaceable(session, replaces, uploader)
            paths = [clerk_pages.save_upload(self.settings.data_dir, n, d) for n, d in files]
            ids = store(paths, uploader.user_id)
            with self.tx() as session:  # who uploaded what, whatever the replacing does
                viewer = self.viewer(request, session)
                for doc_id in ids:
                    stored = session.get(DocumentRow, doc_id)
                    name = stored.source.replace("\\", "/").rsplit("/", 1)[-1] if stored else ""
                    audit.record(session, viewer.name, "upload", doc_id, {"file": name})
            try:
                with self.tx() as session:
                    if replaces is not None and ids:
                        user = session.get(User, viewer.user_id)
                        new = session.get(DocumentRow, ids[0])
                        assert user is not None and new is not None
                        intake.replace(
                            session, replaces, new, user, expected_version=form_version(form)
                        )
            except WorkflowError as exc:
                done = ",".join(map(str, ids))
                return self._upload_page(
                    request, replaces, done, f"{exc}（文件已入库，未替换）", 409
                )
            return RedirectResponse(f"/upload?done={','.join(map(str, ids))}", status_code=303)

        return await run_in_threadpool(run)

    async def dismiss(self, request: Request, doc_id: int) -> Response:
        return await self._step(
            request,
            doc_id,
            "dismissed",
            lambda session, user, form: intake.dismiss(
                session,
                doc_id,
                user,
                form_text(form, "reason"),
                expected_version=form_version(form),
            ),
        )

    async def presence(self, request: Request, doc_id: int) -> Response:
        """The document page's heartbeat (and its goodbye, ``leaving=1``): answers with
        who else has the document open."""
        form, _token = await self.posted(request)
        leaving = form_field(form, "leaving") == "1"

        def run() -> Response:
            with self.tx() as session:
                viewer = self.viewer(request, session)
                document = session.get(DocumentRow, doc_id)
                if document is None:
                    raise Refused(404, f"文档 {doc_id} 不存在")
                rights.check(viewer.reader, document)  # who has it open is not theirs to know
                if leaving:
                    presence.left(session, viewer.user_id, doc_id)
                    return JSONResponse({"others": [], "line": ""})
                presence.seen(session, viewer.user_id, doc_id)
                names = presence.others(session, doc_id, viewer.user_id)
            return JSONResponse({"others": names, "line": watching(names)})

        return await run_in_threadpool(run)

    # --- catalog ----------------------------------------------------------------------

    def catalog(
        self,
        request: Request,
        notice: str = "",
        added: int = -1,
        changed: int = 0,
        registered: int = 0,
    ) -> Response:
        viewer = self._who(request, CATALOG_ROLES, "查看和发布公开目录")
        message = NOTICES.get(notice, "")
        if added >= 0:
            message = (
                f"已发布：增加 {added} 条，变更 {changed} 条，登记不予公开 {registered} 件；"
                "公开目录网站已更新。"
            )
        return self._catalog_page(request, viewer, notice=message)

    def _catalog_page(
        self, request: Request, viewer: Viewer, notice: str = "", error: str = "", status: int = 200
    ) -> Response:
        with self.rtx() as session:
            context = clerk_pages.catalog_context(session, viewer, CatalogSettings.from_env())
        context |= {"notice": notice, "error": error}
        return self.render(request, "catalog.html", context, status)

    async def catalog_publish(self, request: Request) -> Response:
        """`triage catalog publish` from the browser: refused (409, nothing published, no
        索引号 used) while the agency settings are the examples."""
        await self.posted(request)

        def run() -> Response:
            viewer = self._who(request, CATALOG_ROLES, "发布公开目录")
            try:
                with self.writers:  # on SQLite: the app's other writes wait, in order
                    result = publish_and_write_site(self.factory, viewer.name).result
            except PublishError as exc:
                return self._catalog_page(request, viewer, error=str(exc), status=409)
            if result.failed:
                failed = "；".join(f"文档 {i}：{m}" for i, m in result.failed)
                return self._catalog_page(request, viewer, error=f"部分文档未发布：{failed}")
            return RedirectResponse(
                f"/catalog?added={len(result.published)}&changed={len(result.changed)}"
                f"&registered={len(result.registered)}",
                status_code=303,
            )

        return await run_in_threadpool(run)

    async def catalog_withdraw(self, request: Request) -> Response:
        """取消 an entry (its page stays and says why), then rewrite the site."""
        form, _token = await self.posted(request)

        def run() -> Response:
            viewer = self._who(request, CATALOG_ROLES, "取消目录条目")
            settings = CatalogSettings.from_env()
            try:
                with self.tx() as session:
                    withdraw(
                        session,
                        form_field(form, "index_number"),
                        viewer.name,
                        form_text(form, "reason"),
                    )
            except PublishError as exc:
                return self._catalog_page(request, viewer, error=str(exc), status=409)
            with self.writers:
                write_public_site(self.factory, settings, settings.site_dir)
            return RedirectResponse("/catalog?notice=withdrawn", status_code=303)

        return await run_in_threadpool(run)

    def catalog_xlsx(self, request: Request) -> Response:
        """The whole catalog as a spreadsheet (`triage catalog export --format xlsx`)."""
        self._who(request, CATALOG_ROLES, "下载公开目录")
        with self.rtx() as session:
            records, _files = catalog_records(session)
        with tempfile.TemporaryDirectory(prefix="triage-catalog-") as folder:
            data = export(records, "xlsx", Path(folder) / "catalog.xlsx").read_bytes()
        return self.attachment("政府信息公开目录.xlsx", data, XLSX)

    # --- users ------------------------------------------------------------------------

    def users(self, request: Request, notice: str = "") -> Response:
        return self._users_page(request, notice=NOTICES.get(notice, ""))

    def _users_page(
        self,
        request: Request,
        notice: str = "",
        error: str = "",
        typed: dict[str, str] | None = None,
        status: int = 200,
    ) -> Response:
        with self.rtx() as session:
            viewer = self.viewer(request, session)
            allow(viewer, ("admin",), "管理用户")
            context = clerk_pages.users_context(session, viewer)
        context |= {"notice": notice, "error": error, "typed": typed or {}}
        return self.render(request, "users.html", context, status)

    async def user_add(self, request: Request) -> Response:
        """`triage users add` for an admin in the browser (the password typed twice)."""
        form, _token = await self.posted(request)
        name, role = form_field(form, "name").strip(), form_field(form, "role")
        password = form_field(form, "password")
        cleared = form_field(form, "cleared") == "1"  # 涉密人员 (pipeline.store.rights)

        def run() -> Response:
            self._who(request, ("admin",), "管理用户")
            typed = {"name": name, "role": role, "cleared": "1" if cleared else ""}
            if password != form_field(form, "password2"):
                return self._users_page(
                    request, error="两次输入的密码不一致", typed=typed, status=422
                )
            try:
                with self.tx() as session:
                    viewer = self.viewer(request, session)
                    add_user(session, name, role, password, actor=viewer.name, cleared=cleared)
            except WorkflowError as exc:
                return self._users_page(request, error=str(exc), typed=typed, status=422)
            return RedirectResponse("/users?notice=user_added", status_code=303)

        return await run_in_threadpool(run)


def _intake(request: Request) -> Intake | None:
    return getattr(request.app.state, "intake", None)
