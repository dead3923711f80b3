"""Publishing into the catalog: end to end from the command line on the devset, eight
concurrent publishers, 变更 and 取消."""

from __future__ import annotations

import io
import json
import re
import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import jsonschema
import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from pipeline.catalog.publish import SweepResult, publish_pending
from pipeline.catalog.settings import CatalogSettings
from pipeline.cli import app
from pipeline.config import Settings
from pipeline.store import workflow
from pipeline.store.db import open_db
from pipeline.store.models import CatalogEntry, DocumentRow, User
from pipeline.store.users import add_user
from tests.conftest import DEVSET, ROOT, need
from tests.review.conftest import scan_for_queue

AGENCY = "11440203MB2D45678K"
ENV_SETTINGS = CatalogSettings(agency_name="韶关市武江区人民政府办公室", agency_code=AGENCY)


def _run(*args: str, stdin: str | None = None) -> str:
    """The `triage` command line, in-process (the same typer app the console script runs)."""
    env = {"TRIAGE_AGENCY_CODE": AGENCY, "TRIAGE_AGENCY_NAME": ENV_SETTINGS.agency_name}
    result = CliRunner().invoke(app, list(args), input=stdin, env=env)
    assert result.exit_code == 0, f"triage {' '.join(args)}: {result.output}"
    return result.stdout


def _docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        raw = "".join(
            package.read(n).decode("utf-8", "replace")
            for n in package.namelist()
            if n.endswith((".xml", ".rels"))
        )
    return raw + re.sub(r"<[^>]+>", "", raw)


def test_devset_reviewed_from_the_cli_is_published_with_sequential_numbers(
    tmp_path: Path,
) -> None:
    docs = need(DEVSET / "docs")
    url = f"sqlite:///{tmp_path / 'triage.db'}"
    _run("review", "add", str(docs), "--db", url)
    for name, role in (("李审核", "reviewer"), ("王批准", "approver")):
        _run(
            "users",
            "add",
            name,
            "--role",
            role,
            "--cleared",  # the devset has 密级-marked drafts
            "--password-stdin",
            "--db",
            url,
            stdin="password-123\n",
        )
    queued = [
        json.loads(line) for line in _run("review", "list", "--jsonl", "--db", url).splitlines()
    ]
    assert queued and all(r["state"] == "suggested" for r in queued)
    for row in queued:
        _run(
            "review",
            "decide",
            str(row["id"]),
            "--as",
            "李审核",
            "--attribute",
            row["suggested"],
            "--accept-all",
            "--db",
            url,
        )
        _run("review", "approve", str(row["id"]), "--as", "王批准", "--db", url)
    site = tmp_path / "site"
    out = _run("catalog", "publish", "--site", str(site), "--db", url)
    released = [r for r in queued if r["suggested"] != "不予公开"]
    assert f"增加 {len(released)} 条" in out

    feed = json.loads((site / "feed.json").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "schemas" / "catalog-feed.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(feed, schema, format_checker=jsonschema.FormatChecker())
    numbers = [e["index_number"] for e in feed["entries"]]
    assert len(numbers) == len(set(numbers)) == len(released)
    by_year: dict[str, list[int]] = {}
    for number in numbers:
        assert number.startswith(f"{AGENCY}/")
        year, serial = number.split("/", 1)[1].split("-")
        by_year.setdefault(year, []).append(int(serial))
    for serials in by_year.values():
        assert sorted(serials) == list(range(1, len(serials) + 1))  # sequential, no gaps

    factory = open_db(url)
    with factory() as session:
        for entry in session.scalars(select(CatalogEntry)):
            document = entry.document
            assert document.state == "published"
            decision = document.decision
            assert decision is not None
            values = {(document.text or "")[r["start"] : r["end"]] for r in decision.redactions}
            public = json.dumps(entry.record, ensure_ascii=False)
            assert not [v for v in values if v in public], entry.index_number
            name = entry.record["file_name"]
            if name is None:
                assert entry.record["disclosure"] == "依申请公开"
                continue
            page = next(e for e in feed["entries"] if e["index_number"] == entry.index_number)
            published = site / "files" / Path(page["file_url"]).name
            data = published.read_bytes()
            assert data[:2] == b"PK"
            text = _docx_text(data)
            leaked = [v for v in values if v in text]
            assert not leaked, f"{entry.index_number}: {leaked}"
            html = (site / page["url"]).read_text(encoding="utf-8")
            assert (
                entry.record["title"].replace("<", "&lt;") in html or entry.record["title"] in html
            )
    factory.kw["bind"].dispose()
    index = (site / "index.html").read_text(encoding="utf-8")
    assert all(n in index for n in numbers)
    # the withheld ones are in the register, not the catalog
    registered = _run("rereview", "--list", "--today", "2100-01-01", "--db", url)
    assert f"到期复审的不予公开事项 {len(queued) - len(released)} 件" in registered


# --- concurrency, 变更 and 取消 on our own documents -----------------------------------

NOTICE = """武江区人民政府办公室
武府办函〔2026〕{n}号
关于做好第{n}批农村道路养护工作的通知
各镇人民政府：
    为做好农村道路日常养护，现将有关事项通知如下。第{n}批养护路段由各镇负责组织实施，联系人：陈建国，电话13800138{n:03d}。
武江区人民政府办公室
2026年3月{day}日
"""


def _queue_notices(url: str, folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(1, count + 1):
        (folder / f"notice-{n:02d}.txt").write_text(
            NOTICE.format(n=n, day=2 + n % 20), encoding="utf-8"
        )
    _queue_and_approve(url, scan_for_queue([folder]))


def _queue_and_approve(url: str, scans: list[tuple[dict, bytes | None]]) -> list[int]:  # type: ignore[type-arg]
    from pipeline.store.documents import add_record

    factory = open_db(url)
    ids = []
    with factory() as session, session.begin():
        for name, role in (("李审核", "reviewer"), ("王批准", "approver")):
            if session.scalars(select(User).where(User.name == name)).first() is None:
                add_user(session, name, role, "password-123", actor="test", cleared=True)
        for record, data in scans:
            document, _new = add_record(session, record, data)
            ids.append(document.id)
        reviewer = session.scalars(select(User).where(User.name == "李审核")).one()
        approver = session.scalars(select(User).where(User.name == "王批准")).one()
        for doc_id in ids:
            workflow.decide(session, doc_id, reviewer, attribute="部分公开")
            workflow.approve(session, doc_id, approver)
    factory.kw["bind"].dispose()
    return ids


def _publish(url: str) -> SweepResult:
    factory = open_db(url)
    try:
        return publish_pending(factory, "publisher", ENV_SETTINGS, Settings())
    finally:
        factory.kw["bind"].dispose()


def test_eight_concurrent_publishers_give_each_document_one_number(
    db_url: str, tmp_path: Path
) -> None:
    _queue_notices(db_url, tmp_path / "inbox", 24)
    with ProcessPoolExecutor(8) as pool:
        results = list(pool.map(_publish, [db_url] * 8))
    published = [n for r in results for n in r.published]
    assert not [f for r in results for f in r.failed]
    assert len(published) == len(set(published)) == 24  # each once, by one publisher
    serials = sorted(int(n.rsplit("-", 1)[1]) for n in published)
    assert serials == list(range(1, 25))  # no gaps: losers' reservations rolled back
    factory = open_db(db_url)
    with factory() as session:
        entries = list(session.scalars(select(CatalogEntry)))
        states = {d.state for d in session.scalars(select(DocumentRow))}
    factory.kw["bind"].dispose()
    assert sorted(e.index_number for e in entries) == sorted(published)
    assert states == {"published"}


def test_a_new_version_changes_the_entry_and_withdrawal_keeps_it(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'triage.db'}"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    path = inbox / "notice.txt"
    path.write_text(NOTICE.format(n=7, day=9), encoding="utf-8")
    _queue_and_approve(url, scan_for_queue([path]))
    first = _publish(url)
    assert len(first.published) == 1
    number = first.published[0]
    path.write_text(NOTICE.format(n=7, day=9) + "（2026年3月12日修订）\n", encoding="utf-8")
    _queue_and_approve(url, scan_for_queue([path]))
    second = _publish(url)
    assert second.changed == [number] and not second.published  # 变更 keeps the 索引号
    factory = open_db(url)
    with factory() as session:
        entry = session.scalars(select(CatalogEntry)).one()
        assert entry.version == 2
        assert [h["kind"] for h in entry.record["history"]] == ["增加", "变更"]
        # printed on the public entry page: no review-database number (issue 21, item 8)
        assert [h["reason"] for h in entry.record["history"]] == ["首次公开", "发布修改后的新版本"]
        assert "陈建国" not in json.dumps(entry.record, ensure_ascii=False)
    with factory() as session, session.begin():
        from pipeline.catalog.publish import withdraw

        withdraw(session, number, "王批准", "已被新通知替代")
    with factory() as session:
        entry = session.scalars(select(CatalogEntry)).one()
        assert entry.status == "withdrawn"
        assert entry.record["withdrawn_reason"] == "已被新通知替代"
        assert [h["kind"] for h in entry.record["history"]] == ["增加", "变更", "取消"]
    factory.kw["bind"].dispose()


def test_publishing_with_the_example_agency_is_refused(tmp_path: Path) -> None:
    """The placeholder agency (示例市人民政府办公室, 11000000000000000X) would appear on
    the public site and use up 索引号: the sweep refuses before touching anything."""
    from pipeline.catalog.publish import PublishError, publish_pending
    from pipeline.store.db import open_db

    factory = open_db(f"sqlite:///{tmp_path / 'review.db'}")
    with pytest.raises(PublishError, match="示例值"):
        publish_pending(factory, "publisher", CatalogSettings(), Settings())
    named = CatalogSettings(agency_name=ENV_SETTINGS.agency_name)
    with pytest.raises(PublishError, match="TRIAGE_AGENCY_CODE"):
        publish_pending(factory, "publisher", named, Settings())
    assert publish_pending(factory, "publisher", ENV_SETTINGS, Settings()).failed == []
    result = CliRunner().invoke(app, ["catalog", "publish", "--db", str(factory.kw["bind"].url)])
    assert result.exit_code == 1 and "示例值" in result.output
    factory.kw["bind"].dispose()
