"""The clerks' jobs without the command line (issue 21, items 5, 7 and 9), page by page
through HTTP: uploads (and a fixed file replacing an unreadable one, history kept),
dismissing an unreadable file, the 公开目录 preview, its refusal with the example agency
settings (in the browser and in `triage catalog publish`), publishing, withdrawing and
the downloads, the admins' users page; who else has a document open; a 409 that keeps
the loser's decision; the approver's view of what the reviewer changed."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from pipeline.cli import app as cli
from pipeline.config import Settings
from pipeline.labels import label_name
from pipeline.review.app import create_app
from pipeline.review.commands import upload_intake
from pipeline.store.models import AuditEvent, CatalogEntry, DocumentRow, IndexCounter, Presence
from tests.fixtures.samples import build_plain_docx
from tests.review.conftest import clients_of, csrf_of, doc_id_of, login
from tests.review.test_preview_is_copy import ADDED, LINES, NAME, PHONE, reply_db  # noqa: F401

Factory = sessionmaker[Session]
AGENCY = {"TRIAGE_AGENCY_NAME": "韶关市人民政府办公室", "TRIAGE_AGENCY_CODE": "11440200007019540X"}


@pytest.fixture
def clerk_for(
    web_db: tuple[str, Factory], tmp_path: Path
) -> Iterator[Callable[[str | None], TestClient]]:
    """Clients of an app that stores uploads through the nightly intake, as `triage
    serve` gives it one (``app.state.intake``)."""
    url, _factory = web_db
    app = create_app(url, secure_cookies=False, settings=Settings(data_dir=tmp_path / "data"))
    app.state.intake = partial(upload_intake, url, Settings())
    with clients_of(app) as make:
        yield make


def _version(page: str) -> str:
    found = re.search(r'name="version" value="(\d+)"', page)
    assert found
    return found.group(1)


def _upload(client: TestClient, files: list[tuple[str, bytes]], **fields: str) -> object:
    page = client.get("/upload", params={"replaces": fields["replaces"]} if fields else {}).text
    return client.post(
        "/upload",
        data={"csrf": csrf_of(page), **fields},
        files=[("files", (name, data, "application/octet-stream")) for name, data in files],
        follow_redirects=False,
    )


def _count(factory: Factory, model: type) -> int:
    with factory() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _verified(url: str) -> None:
    """`triage audit verify`: the chain, the MACs, and every decision, approval and
    catalog entry against its event, after the clerks' steps."""
    result = CliRunner().invoke(cli, ["audit", "verify", "--db", url])
    assert result.exit_code == 0, result.output


def test_upload_and_a_fixed_file_replacing_an_unreadable_one(
    clerk_for: Callable[[str | None], TestClient], web_db: tuple[str, Factory], tmp_path: Path
) -> None:
    url, factory = web_db
    clerk = clerk_for("李审核")
    reply = ("\n".join(LINES) + "\n").encode()
    before = _count(factory, DocumentRow)
    response = _upload(clerk, [("../../答复书.txt", reply)])
    assert response.status_code == 303, response.text  # type: ignore[attr-defined]
    page = clerk.get(response.headers["location"]).text  # type: ignore[attr-defined]
    assert "已入库（1 件）" in page and "答复书.txt" in page and "待审核" in page
    new_id = doc_id_of(factory, "答复书.txt")
    with factory() as session:
        document = session.get(DocumentRow, new_id)
        assert document is not None and document.state == "suggested"
        assert "/uploads/" in document.source and ".." not in document.source
        assert (tmp_path / "data" / "uploads") in Path(document.source).parents
        uploaded = session.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "upload", AuditEvent.document_id == new_id
            )
        ).one()
        assert uploaded.actor == "李审核" and uploaded.detail == {"file": "答复书.txt"}
    # the same bytes again: nothing stored twice
    again = _upload(clerk, [("答复书-副本.txt", reply)])
    assert again.headers["location"] == f"/upload?done={new_id}"  # type: ignore[attr-defined]
    assert _count(factory, DocumentRow) == before + 1

    # the unreadable sample: its page offers the resubmit; the fixed file replaces it
    broken = doc_id_of(factory, "损坏的文件.docx")
    assert 'href="/upload?replaces=' + str(broken) + '"' in clerk.get(f"/documents/{broken}").text
    form = clerk.get("/upload", params={"replaces": broken}).text
    assert f"重新提交：替换文档 {broken}" in form
    fixed = build_plain_docx(
        tmp_path / "修正.docx", ["关于开展防汛检查的通知", "各镇街：请做好检查。"]
    )
    response = _upload(
        clerk, [("损坏的文件.docx", fixed.read_bytes())], replaces=str(broken), version="1"
    )
    assert response.status_code == 303, response.text  # type: ignore[attr-defined]
    replacement = int(response.headers["location"].split("=")[1])  # type: ignore[attr-defined]
    with factory() as session:
        old, new = session.get(DocumentRow, broken), session.get(DocumentRow, replacement)
        assert old is not None and new is not None
        assert old.state == "superseded" and new.previous_id == broken
        assert new.state == "suggested"
        events = [
            e.action
            for e in session.scalars(
                select(AuditEvent).where(AuditEvent.document_id == broken).order_by(AuditEvent.id)
            )
        ]
        assert events == ["store", "replace"]  # the history is kept, the step recorded
    old_page = clerk.get(f"/documents/{broken}").text
    assert (
        "本件已被重新提交的文件替换" in old_page and f'href="/documents/{replacement}"' in old_page
    )
    assert f'href="/documents/{broken}"' in clerk.get(f"/documents/{replacement}").text
    # only an unreadable or returned document can be replaced, and only by a clerk
    refused = clerk.get("/upload", params={"replaces": replacement})
    assert refused.status_code == 409 and "不能用新文件替换" in refused.text
    boss = clerk_for("王批准")
    assert boss.get("/upload").status_code == 403
    assert clerk_for("钱拟稿").get("/upload").status_code == 200
    _verified(url)


def test_without_an_intake_uploads_are_off(client_for: Callable[..., TestClient]) -> None:
    clerk = client_for("李审核")
    page = clerk.get("/upload").text
    assert "暂不能上传" in page and 'id="upload"' not in page


def test_dismissing_an_unreadable_file(
    client_for: Callable[..., TestClient], web_db: tuple[str, Factory]
) -> None:
    url, factory = web_db
    broken = doc_id_of(factory, "损坏的文件.docx")
    clerk, boss = client_for("李审核"), client_for("王批准")
    page = clerk.get(f"/documents/{broken}").text
    assert 'id="dismiss"' in page and 'id="dismiss"' not in boss.get(f"/documents/{broken}").text
    data = {"csrf": csrf_of(page), "version": _version(page), "reason": "  "}
    refused = clerk.post(f"/documents/{broken}/dismiss", data=data, follow_redirects=False)
    assert refused.status_code == 403 and "理由" in refused.text
    boss_page = boss.get(f"/documents/{broken}").text
    by_boss = boss.post(
        f"/documents/{broken}/dismiss",
        data={"csrf": csrf_of(boss_page), "version": _version(page), "reason": "重复"},
    )
    assert by_boss.status_code == 403
    data["reason"] = "重复文件，原件已另行上传"
    done = clerk.post(f"/documents/{broken}/dismiss", data=data)
    assert done.status_code == 200 and "此文件不再处理" in done.text
    assert "不再处理此读取失败的文件" in done.text  # the history, as a sentence
    with factory() as session:
        document = session.get(DocumentRow, broken)
        assert document is not None and document.state == "dismissed"
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "dismiss")).one()
        assert event.actor == "李审核" and event.detail["reason"] == data["reason"]
    again = clerk.post(f"/documents/{broken}/dismiss", data=data)
    assert again.status_code == 409  # the version moved on: nothing done twice
    assert "不再处理" in clerk.get("/queue?state=dismissed").text
    _verified(url)


def _decide_and_approve(client_for: Callable[..., TestClient], doc_id: int) -> None:
    clerk, boss = client_for("李审核"), client_for("王批准")
    page = clerk.get(f"/documents/{doc_id}").text
    data = {"csrf": csrf_of(page), "version": _version(page), "attribute": "主动公开"}
    assert clerk.post(f"/documents/{doc_id}/decide", data=data).status_code == 200
    page = boss.get(f"/documents/{doc_id}").text
    data = {"csrf": csrf_of(page), "version": _version(page), "comment": ""}
    assert boss.post(f"/documents/{doc_id}/approve", data=data).status_code == 200


def test_catalog_preview_refusal_publish_withdraw_and_downloads(
    client_for: Callable[..., TestClient],
    web_db: tuple[str, Factory],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    url, factory = web_db
    for name in AGENCY:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TRIAGE_SITE_DIR", str(tmp_path / "site"))
    doc_id = doc_id_of(factory, "内涝防治方案")
    _decide_and_approve(client_for, doc_id)
    assert client_for("李审核").get("/catalog").status_code == 403
    boss = client_for("王批准")
    page = boss.get("/catalog").text
    assert "TRIAGE_AGENCY_NAME" in page and "TRIAGE_AGENCY_CODE" in page
    preview = page.split('id="pending"', 1)[1].split("</table>", 1)[0]
    assert (
        "城市内涝防治工作实施方案" in preview and "发布时分配" in preview and "主动公开" in preview
    )

    # the example agency: refused in the browser and on the command line, nothing used up
    refused = boss.post("/catalog/publish", data={"csrf": csrf_of(page)})
    assert refused.status_code == 409
    message = refused.text.split('id="error"', 1)[1].split("</p>", 1)[0]
    assert "未发布" in message and "TRIAGE_AGENCY_NAME" in message
    assert "TRIAGE_AGENCY_CODE" in message
    result = CliRunner().invoke(cli, ["catalog", "publish", "--db", url])
    assert result.exit_code == 1 and "TRIAGE_AGENCY_NAME" in result.output
    assert _count(factory, CatalogEntry) == 0 and _count(factory, IndexCounter) == 0

    for name, value in AGENCY.items():
        monkeypatch.setenv(name, value)
    page = boss.get("/catalog").text
    assert 'id="placeholders"' not in page
    done = boss.post("/catalog/publish", data={"csrf": csrf_of(page)}, follow_redirects=False)
    assert done.status_code == 303
    page = boss.get(done.headers["location"]).text
    assert "增加 1 条" in page
    with factory() as session:
        entry = session.scalars(select(CatalogEntry)).one()
        number = entry.index_number
        assert number.startswith(AGENCY["TRIAGE_AGENCY_CODE"] + "/")
        published = session.scalars(select(AuditEvent).where(AuditEvent.action == "publish")).one()
        assert published.actor == "王批准"
    assert number in page.split('id="entries"', 1)[1]
    assert (tmp_path / "site" / "index.html").exists()

    sheet = boss.get("/catalog/entries.xlsx")
    assert sheet.status_code == 200 and "attachment" in sheet.headers["content-disposition"]
    assert "xl/workbook.xml" in zipfile.ZipFile(io.BytesIO(sheet.content)).namelist()
    assert 'href="/statistics.xlsx?year=' in page
    assert boss.get("/statistics.xlsx").status_code == 200

    empty = boss.post(
        "/catalog/withdraw", data={"csrf": csrf_of(page), "index_number": number, "reason": ""}
    )
    assert empty.status_code == 409 and "理由" in empty.text
    gone = boss.post(
        "/catalog/withdraw",
        data={"csrf": csrf_of(page), "index_number": number, "reason": "已被新通知替代"},
    )
    assert gone.status_code == 200 and "目录条目已取消" in gone.text
    assert "已取消：已被新通知替代" in gone.text
    with factory() as session:
        assert session.scalars(select(CatalogEntry)).one().status == "withdrawn"
    _verified(url)


def test_the_users_page_is_for_admins(
    client_for: Callable[..., TestClient], web_db: tuple[str, Factory]
) -> None:
    _url, factory = web_db
    assert client_for("李审核").get("/users").status_code == 403
    assert client_for("王批准").get("/users").status_code == 403
    admin = client_for("赵管理")
    page = admin.get("/users").text
    assert "钱拟稿" in page and "拟稿人" in page
    form = {"csrf": csrf_of(page), "name": "周审核", "role": "reviewer"}
    mismatch = admin.post("/users", data=form | {"password": "long-enough-1", "password2": "x"})
    assert mismatch.status_code == 422 and "不一致" in mismatch.text
    assert 'value="周审核"' in mismatch.text  # what was typed stays
    short = admin.post("/users", data=form | {"password": "short", "password2": "short"})
    assert short.status_code == 422 and "至少 8" in short.text
    added = admin.post(
        "/users", data=form | {"password": "long-enough-1", "password2": "long-enough-1"}
    )
    assert added.status_code == 200 and "用户已添加" in added.text and "周审核" in added.text
    twice = admin.post(
        "/users", data=form | {"password": "long-enough-1", "password2": "long-enough-1"}
    )
    assert twice.status_code == 422 and "已存在" in twice.text
    login(client_for(None), "周审核", "long-enough-1")
    with factory() as session:
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "add_user").order_by(AuditEvent.id.desc())
        ).first()
        assert event is not None and event.actor == "赵管理" and event.detail["user"] == "周审核"


def test_who_else_has_the_document_open(
    client_for: Callable[..., TestClient], web_db: tuple[str, Factory]
) -> None:
    _url, factory = web_db
    doc_id = doc_id_of(factory, "内涝防治方案")
    first, second = client_for("李审核"), client_for("孙审核")
    page_first = first.get(f"/documents/{doc_id}").text
    assert "也在看这份文档" not in page_first.split('id="presence"', 1)[1].split("</p>", 1)[0]
    beat = f"/documents/{doc_id}/presence"
    assert first.post(beat, data={"csrf": csrf_of(page_first)}).json() == {"others": [], "line": ""}
    page_second = second.get(f"/documents/{doc_id}").text
    assert "李审核 也在看这份文档" in page_second
    answer = second.post(beat, data={"csrf": csrf_of(page_second)}).json()
    assert answer == {"others": ["李审核"], "line": "李审核 也在看这份文档"}
    assert first.post(beat, data={"csrf": csrf_of(page_first)}).json()["others"] == ["孙审核"]
    assert first.post(beat, data={"csrf": "forged"}).status_code == 403
    queue = second.get("/queue", params={"state": "all"}).text  # the queue says so too
    row = queue.split(f'<a href="/documents/{doc_id}">', 1)[1].split("</tr>", 1)[0]
    assert '<span class="tag viewing">李审核 也在看这份文档</span>' in row
    mine = first.get("/queue", params={"state": "all"}).text
    row = mine.split(f'<a href="/documents/{doc_id}">', 1)[1].split("</tr>", 1)[0]
    assert "孙审核 也在看这份文档" in row and "李审核 也在看" not in row  # never oneself
    # a page closed says goodbye; one that stopped beating drops out by itself
    first.post(beat, data={"csrf": csrf_of(page_first), "leaving": "1"})
    assert "也在看" not in second.get(f"/documents/{doc_id}").text.split('id="presence"')[1][:200]
    first.post(beat, data={"csrf": csrf_of(page_first)})
    with factory() as session, session.begin():
        session.execute(update(Presence).values(last_seen=datetime.now(UTC) - timedelta(minutes=5)))
    assert "李审核 也在看" not in second.get(f"/documents/{doc_id}").text


def _keep_name_add_phrase(page: str, attribute: str, comment: str = "") -> dict[str, str]:
    """The decision form as a reviewer posts it who keeps the applicant's name (不同意 on
    its value) and removes the phrase ADDED by hand."""
    field = re.search(r'name="(verdict-\d+)"', page.split(f"<q>{NAME}</q>", 1)[1])
    assert field
    return {
        "csrf": csrf_of(page),
        "version": _version(page),
        "attribute": attribute,
        field.group(1): "reject",
        "add_text": ADDED,
        "add_label": "PERSON",
        "comment": comment,
    }


def test_a_conflict_keeps_the_losers_decision(
    reply_db: tuple[str, Factory],  # noqa: F811
) -> None:
    url, factory = reply_db
    doc_id = doc_id_of(factory, "答复书.txt")
    with clients_of(create_app(url, secure_cookies=False)) as make:
        winner, loser = make("李审核"), make("孙审核")
        page_w, page_l = (
            winner.get(f"/documents/{doc_id}").text,
            loser.get(f"/documents/{doc_id}").text,
        )
        won = winner.post(
            f"/documents/{doc_id}/decide",
            data={"csrf": csrf_of(page_w), "version": _version(page_w), "attribute": "依申请公开"},
            follow_redirects=False,
        )
        assert won.status_code == 303
        comment = "申请人本人申请，姓名不删；复议期限删除"
        lost = loser.post(
            f"/documents/{doc_id}/decide", data=_keep_name_add_phrase(page_l, "部分公开", comment)
        )
        assert lost.status_code == 409 and "未保存" in lost.text
        kept = lost.text.split('id="unsaved"', 1)[1].split("</section>", 1)[0]
        assert comment in kept and "部分公开" in kept
        assert f"不同意删除：{label_name('PERSON')} <q>{NAME}</q>" in kept
        assert f"<q>{ADDED}</q>" in kept
    with factory() as session:
        document = session.get(DocumentRow, doc_id)
        assert document is not None and document.decision is not None
        assert document.decision.attribute == "依申请公开"  # the first save stands


def test_the_approver_sees_what_the_reviewer_changed(
    reply_db: tuple[str, Factory],  # noqa: F811
) -> None:
    url, factory = reply_db
    doc_id = doc_id_of(factory, "答复书.txt")
    with clients_of(create_app(url, secure_cookies=False)) as make:
        clerk, boss = make("李审核"), make("王批准")
        page = clerk.get(f"/documents/{doc_id}").text
        data = _keep_name_add_phrase(page, "依申请公开")
        assert clerk.post(f"/documents/{doc_id}/decide", data=data).status_code == 200
        shown = boss.get(f"/documents/{doc_id}").text
    segs = re.findall(r'<span class="seg([^"]*)"[^>]*>([^<]*)</span>', shown)
    added = "".join(text for classes, text in segs if "chg-added" in classes.split())
    kept = [text for classes, text in segs if "chg-kept" in classes.split()]
    assert added == ADDED  # red: removed by hand
    assert kept == [NAME] * 4  # yellow: proposed, kept at every place
    assert not [t for c, t in segs if "chg-added" in c.split() and PHONE in t]  # proposed
    table = shown.split('id="removals"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(
        r"<tr[^>]*><td><q>([^<]+)</q></td><td>([^<]+)</td><td>(\d+)</td>"
        r"<td>([^<]+)</td><td>([^<]+)</td></tr>",
        table,
    )
    assert [(r[0], r[2], r[4]) for r in rows] == [
        (PHONE, "2", "系统建议"),
        (ADDED, "1", "审核人添加"),
    ]
    assert rows[0][3] == "第 3 段"
    assert "公开稿删除的内容（2 项）" in shown


def test_a_returned_document_replaced_by_a_fixed_file_keeps_its_history(
    clerk_for: Callable[[str | None], TestClient], web_db: tuple[str, Factory], tmp_path: Path
) -> None:
    url, factory = web_db
    doc_id = doc_id_of(factory, "内涝防治方案")
    clerk, boss = clerk_for("李审核"), clerk_for("王批准")
    page = clerk.get(f"/documents/{doc_id}").text
    data = {"csrf": csrf_of(page), "version": _version(page), "attribute": "主动公开"}
    assert clerk.post(f"/documents/{doc_id}/decide", data=data).status_code == 200
    page = boss.get(f"/documents/{doc_id}").text
    data = {"csrf": csrf_of(page), "version": _version(page), "reason": "附件版本不对，请换文件"}
    assert boss.post(f"/documents/{doc_id}/return", data=data).status_code == 200
    page = clerk.get(f"/documents/{doc_id}").text
    assert f'href="/upload?replaces={doc_id}"' in page  # offered beside the reason
    fixed = build_plain_docx(
        tmp_path / "内涝防治方案（改）.docx", ["关于印发内涝防治方案的通知", "正文。"]
    )
    response = _upload(
        clerk, [(fixed.name, fixed.read_bytes())], replaces=str(doc_id), version=_version(page)
    )
    assert response.status_code == 303, response.text  # type: ignore[attr-defined]
    new_id = int(response.headers["location"].split("=")[1])  # type: ignore[attr-defined]
    with factory() as session:
        old = session.get(DocumentRow, doc_id)
        assert old is not None and old.state == "superseded"
        assert old.decision is not None and [a.action for a in old.approvals] == ["return"]
        new = session.get(DocumentRow, new_id)
        assert new is not None and new.previous_id == doc_id and new.state == "suggested"
    old_page = clerk.get(f"/documents/{doc_id}").text
    assert "附件版本不对" in old_page and "由重新提交的文件" in old_page  # its history, kept
    assert 'id="decide"' not in old_page  # nothing left to decide on the old one
    _verified(url)
