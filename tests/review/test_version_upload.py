"""A new version uploaded from the browser (issue 21, item 7), through HTTP: a clerk
uploads a changed file as the new version of a published document (which stays
published, its 索引号 kept for the new one), and of a document waiting for approval
(which is superseded, so the outdated file is never approved); the versions page; the
0010 migration numbering the versions of a database made before it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from pipeline.catalog.publish import publish_pending
from pipeline.catalog.settings import CatalogSettings
from pipeline.config import Settings
from pipeline.review.app import create_app
from pipeline.review.commands import upload_intake
from pipeline.store import workflow
from pipeline.store.db import MIGRATIONS, make_engine, open_db
from pipeline.store.models import AuditEvent, CatalogEntry, DocumentRow, User
from tests.review.conftest import clients_of, csrf_of
from tests.review.test_chinese_only import data_words, english
from tests.review.test_versions_browser import V1, V2

Factory = sessionmaker[Session]
AGENCY = CatalogSettings(agency_name="韶关市人民政府办公室", agency_code="11440200007019540X")


@pytest.fixture
def clerk_for(
    web_db: tuple[str, Factory], tmp_path: Path
) -> Iterator[Callable[[str | None], TestClient]]:
    url, _factory = web_db
    app = create_app(url, secure_cookies=False, settings=Settings(data_dir=tmp_path / "data"))
    app.state.intake = partial(upload_intake, url, Settings())
    with clients_of(app) as make:
        yield make


def _upload(client: TestClient, name: str, text: list[str], replaces: int | None = None) -> int:
    params = {"replaces": replaces} if replaces is not None else {}
    page = client.get("/upload", params=params).text
    fields = {"csrf": csrf_of(page)} | ({"replaces": str(replaces)} if replaces else {})
    if replaces:
        found = page.split('name="version" value="', 1)[1].split('"', 1)[0]
        fields["version"] = found
    response = client.post(
        "/upload",
        data=fields,
        files=[("files", (name, ("\n".join(text) + "\n").encode(), "text/plain"))],
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return int(response.headers["location"].split("=")[1])


def _first_version(clerk: TestClient, factory: Factory, approve: bool) -> int:
    """第 1 版 uploaded by the clerk and decided (and approved, if ``approve``)."""
    doc_id = _upload(clerk, "救助公示.txt", V1)
    with factory() as session, session.begin():
        clerk = session.scalars(select(User).where(User.name == "孙审核")).one()
        boss = session.scalars(select(User).where(User.name == "王批准")).one()
        workflow.decide(session, doc_id, clerk, attribute="部分公开")
        if approve:
            workflow.approve(session, doc_id, boss, workflow.ApprovalPolicy())
    return doc_id


def test_a_new_version_of_a_published_document_uploaded(
    clerk_for: Callable[[str | None], TestClient], web_db: tuple[str, Factory]
) -> None:
    clerk, factory = clerk_for("李审核"), web_db[1]
    v1 = _first_version(clerk, factory, approve=True)
    assert publish_pending(factory, "发布人", AGENCY, Settings()).published
    with factory() as session:
        number = session.scalars(select(CatalogEntry.index_number)).one()
    page = clerk.get(f"/documents/{v1}").text
    assert f'href="/upload?replaces={v1}"' in page and "上传本件的新版本" in page
    form = clerk.get("/upload", params={"replaces": v1}).text
    assert f"上传新版本：文档 {v1} 的第 2 版" in form and "沿用同一索引号" in form

    v2 = _upload(clerk, "救助公示（更正）.txt", V2, replaces=v1)
    with factory() as session:
        old, new = session.get(DocumentRow, v1), session.get(DocumentRow, v2)
        assert old is not None and new is not None
        assert old.state == "published"  # still the catalog's file until v2 is published
        assert (new.previous_id, new.file_version, new.state) == (v1, 2, "suggested")
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "new_version")).one()
        assert event.document_id == v1 and event.detail["new_version"] == v2
    page = clerk.get(f"/documents/{v2}").text
    assert "第 2 版" in page and number in page and "本版发布时沿用此索引号" in page
    assert "修改 1 段、新增 1 段" in page and "沿用第 1 版的审核决定" in page
    assert "收到新版本（第 2 版" in clerk.get(f"/documents/{v1}").text
    versions = clerk.get(f"/documents/{v2}/versions").text
    assert versions.count("<td>第 ") >= 2 and number in versions
    assert "第 2 版与上一版相比：修改 1 段、新增 1 段" in versions
    allowed = data_words(factory)  # every new page and form says it in Chinese
    for shown in (page, versions, form, clerk.get(f"/documents/{v1}").text):
        assert not english(shown, allowed)

    # decided with what was carried, approved, published: the same entry, version 2
    reviewer = clerk_for("孙审核")
    page = reviewer.get(f"/documents/{v2}").text
    response = reviewer.post(
        f"/documents/{v2}/decide",
        data={
            "csrf": csrf_of(page),
            "version": page.split('name="version" value="', 1)[1].split('"', 1)[0],
            "attribute": "部分公开",
            "added": "[]",
            "comment": "",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    with factory() as session, session.begin():
        boss = session.scalars(select(User).where(User.name == "王批准")).one()
        workflow.approve(session, v2, boss, workflow.ApprovalPolicy())
    result = publish_pending(factory, "发布人", AGENCY, Settings())
    assert result.changed == [number] and not result.published
    with factory() as session:
        entry = session.scalars(select(CatalogEntry)).one()
        assert (entry.document_id, entry.version, entry.index_number) == (v2, 2, number)
        decision = session.get(DocumentRow, v2).decision  # type: ignore[union-attr]
        assert decision is not None and decision.carried and decision.carried["from"] == v1


def test_a_new_version_of_a_document_awaiting_approval_supersedes_it(
    clerk_for: Callable[[str | None], TestClient], web_db: tuple[str, Factory]
) -> None:
    clerk, factory = clerk_for("李审核"), web_db[1]
    v1 = _first_version(clerk, factory, approve=False)
    v2 = _upload(clerk, "救助公示.txt", V2, replaces=v1)
    with factory() as session:
        old, new = session.get(DocumentRow, v1), session.get(DocumentRow, v2)
        assert old is not None and new is not None
        assert old.state == "superseded" and new.file_version == 2
    # a document still to decide is no "new version" case: upload it as a new file
    refused = clerk.get("/upload", params={"replaces": v2})
    assert refused.status_code == 409 and "不能用新文件替换" in refused.text


def test_the_migration_numbers_existing_versions(tmp_path: Path) -> None:
    """A database at 0008 with a chain of three versions of one file and another file:
    after the upgrade they are 第 1/2/3 版 and 第 1 版."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0008")
        for doc_id, previous in ((1, None), (2, None), (3, 1), (4, 3)):
            connection.execute(
                sa.text(
                    "INSERT INTO documents (id, source, sha256, status, state, metadata,"
                    " warnings, previous_id, version, secret_mark, restricted,"
                    " created_at, updated_at)"
                    " VALUES (:id, 'a.txt', :sha, 'ok', 'suggested', '{}', '[]', :prev, 1, 0, 0,"
                    " '2026-01-01', '2026-01-01')"
                ),
                {"id": doc_id, "sha": f"{doc_id:064d}", "prev": previous},
            )
    engine.dispose()
    factory = open_db(url)  # upgrades to the head
    with factory() as session:
        numbers = dict(session.execute(select(DocumentRow.id, DocumentRow.file_version)).all())
    factory.kw["bind"].dispose()
    assert numbers == {1: 1, 2: 1, 3: 2, 4: 3}
