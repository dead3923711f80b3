"""A 退回 keeps the clerk's work (issue 21, fault 2): the returned document reopens with
the previous decision filled in — each value's verdict, the spans added by hand, the
attribute and the comment — the approver's reason on top, first in the queue with a
badge; submitting the form as it reopens gives back the same decision."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from pipeline.review.app import create_app
from pipeline.store.models import DocumentRow
from tests.review.conftest import csrf_of, doc_id_of, login
from tests.review.test_preview_is_copy import ADDED, NAME, reply_db  # noqa: F401

COMMENT = "申请人姓名不删除（本人申请）；复议期限一并删除"
REASON = "复议期限属公开内容，不应删除"


def form_of(page: str) -> dict[str, str]:
    """What the browser would submit from the decision form as rendered."""
    form = page.split('id="decide"', 1)[1].split("</form>", 1)[0]
    data = {
        name: html.unescape(value)
        for name, value in re.findall(
            r'<input type="hidden" name="(\w+)"[^>]*value="([^"]*)"', form
        )
    }
    for name, value in re.findall(
        r'<input type="radio" form="decide" name="([\w-]+)" value="(\w+)"[^>]*checked', page
    ):
        data[name] = value
    data["attribute"] = re.findall(r"<option selected>([^<]+)</option>", form)[0]
    data["comment"] = html.unescape(re.search(r"<textarea[^>]*>([^<]*)</textarea>", form).group(1))  # type: ignore[union-attr]
    return data


@contextmanager
def clerk_and_boss(url: str) -> Iterator[tuple[TestClient, TestClient]]:
    """Two browsers on one app: the reviewer signed in, the approver not yet."""
    app = create_app(url, secure_cookies=False)
    with (
        TestClient(app, base_url="http://testserver") as clerk,
        TestClient(app, base_url="http://testserver") as boss,
    ):
        login(clerk, "李审核")
        yield clerk, boss


def _decision(factory: sessionmaker[Session], doc_id: int) -> tuple[list[object], str, dict]:
    with factory() as session:
        document = session.get(DocumentRow, doc_id)
        assert document is not None and document.decision is not None
        d = document.decision
        spans = [(r["start"], r["end"], r["label"]) for r in d.redactions]
        return spans, d.comment, dict(d.verdicts)


def test_a_returned_document_reopens_with_the_decision_filled_in(
    reply_db: tuple[str, sessionmaker[Session]],  # noqa: F811
) -> None:
    url, factory = reply_db
    doc_id = doc_id_of(factory, "答复书.txt")
    with clerk_and_boss(url) as (clerk, boss):
        page = clerk.get(f"/documents/{doc_id}").text
        data = form_of(page)
        name_key = re.search(r'name="verdict-(\d+)"', page.split(f"<q>{NAME}</q>", 1)[1]).group(1)  # type: ignore[union-attr]
        data |= {f"verdict-{name_key}": "reject", "add_text": ADDED, "add_label": "PERSON"}
        data |= {"attribute": "依申请公开", "comment": COMMENT}
        assert clerk.post(f"/documents/{doc_id}/decide", data=data).status_code == 200
        first = _decision(factory, doc_id)

        login(boss, "王批准")
        page = boss.get(f"/documents/{doc_id}").text
        response = boss.post(
            f"/documents/{doc_id}/return",
            data={"csrf": csrf_of(page), "version": form_version(page), "reason": REASON},
        )
        assert "已退回审核人" in response.text

        queue = clerk.get("/queue").text
        rows = re.findall(r'<a href="/documents/(\d+)">', queue)
        assert rows[0] == str(doc_id)  # first in the queue …
        assert "已退回</span>" in queue  # … with a badge
        page = clerk.get(f"/documents/{doc_id}").text
        assert REASON in page.split('id="returned-reason"', 1)[1].split("</p>", 1)[0]
        again = form_of(page)
        assert again["comment"] == COMMENT and again["attribute"] == "依申请公开"
        assert again[f"verdict-{name_key}"] == "reject"
        added = json.loads(again["added"])
        assert [a["text"] for a in added] == [ADDED]
        # submitted unchanged, the decision is the same: nothing dropped
        assert clerk.post(f"/documents/{doc_id}/decide", data=again).status_code == 200
        second = _decision(factory, doc_id)
        assert second == first


def form_version(page: str) -> str:
    return re.search(r'name="version" value="(\d+)"', page).group(1)  # type: ignore[union-attr]


def test_a_returned_document_reopens_with_its_reasons(
    reply_db: tuple[str, sessionmaker[Session]],  # noqa: F811
) -> None:
    """The 删除理由 chosen (其他个人信息 with its label, and a hand-added span's) come back
    with the returned decision; resubmitted unchanged they are the same (fault 6)."""
    url, factory = reply_db
    doc_id = doc_id_of(factory, "答复书.txt")
    with clerk_and_boss(url) as (clerk, boss):
        page = clerk.get(f"/documents/{doc_id}").text
        data = form_of(page)
        key = re.search(r'name="reason-(\d+)"', page.split(f"<q>{NAME}</q>", 1)[1]).group(1)  # type: ignore[union-attr]
        data |= {f"reason-{key}": "other_personal", f"reason-note-{key}": "准考证号"}
        data |= {"add_text": ADDED, "add_label": "process"}
        assert clerk.post(f"/documents/{doc_id}/decide", data=data).status_code == 200
        with factory() as session:
            first = session.get(DocumentRow, doc_id).decision.reasons  # type: ignore[union-attr]
        login(boss, "王批准")
        page = boss.get(f"/documents/{doc_id}").text
        boss.post(
            f"/documents/{doc_id}/return",
            data={"csrf": csrf_of(page), "version": form_version(page), "reason": REASON},
        )
        page = clerk.get(f"/documents/{doc_id}").text
        entry = page.split(f"<q>{NAME}</q>", 1)[1].split("</fieldset>", 1)[0]
        assert '<option value="other_personal" selected>' in entry
        assert 'value="准考证号"' in entry
        data = form_of(page)
        data[f"reason-{key}"] = "other_personal"  # what the form holds as it reopens
        data[f"reason-note-{key}"] = "准考证号"
        assert json.loads(data["added"])[0]["reason"] == "process"
        assert clerk.post(f"/documents/{doc_id}/decide", data=data).status_code == 200
        with factory() as session:
            again = session.get(DocumentRow, doc_id).decision.reasons  # type: ignore[union-attr]
        assert again == first
