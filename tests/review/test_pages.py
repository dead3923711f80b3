"""The reviewers' app, page by page, through HTTP: queue filters and order, deciding with
verdicts and added redactions, conflicts, approval, 退回, 保密 override, downloads."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from itertools import pairwise

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from pipeline.store.models import Decision, DocumentRow
from tests.review.conftest import csrf_of, doc_id_of

Factory = sessionmaker[Session]
ClientFor = Callable[..., TestClient]


def _ids(html: str) -> list[int]:
    return [int(i) for i in re.findall(r'<a href="/documents/(\d+)">', html)]


def _version(html: str) -> str:
    found = re.search(r'name="version" value="(\d+)"', html)
    assert found
    return found.group(1)


def _decide(client: TestClient, doc_id: int, **fields: str) -> tuple[int, str]:
    page = client.get(f"/documents/{doc_id}").text
    data = {"csrf": csrf_of(page), "version": _version(page), **fields}
    response = client.post(f"/documents/{doc_id}/decide", data=data, follow_redirects=False)
    return response.status_code, response.text


def test_queue_is_sorted_by_risk_and_filters(
    client_for: ClientFor, web_db: tuple[str, Factory]
) -> None:
    _url, factory = web_db
    client = client_for("李审核")
    html = client.get("/queue", params={"state": "all"}).text
    ids = _ids(html)
    with factory() as session:
        documents = {
            d.id: {
                "secret": d.secret_mark,
                "state": d.state,
                "deadline": d.deadline,
                "attribute": d.suggestion.attribute if d.suggestion else None,
                "confidence": d.suggestion.confidence if d.suggestion else None,
            }
            for d in session.scalars(select(DocumentRow))
        }
    assert sorted(ids) == sorted(documents)  # every input has its row, errors included
    secret = [i for i in ids if documents[i]["secret"]]
    errors = [i for i in ids if documents[i]["state"] == "error"]
    assert secret and ids[: len(secret)] == secret  # 密级-marked first
    assert errors and ids[-len(errors) :] == errors  # unreadable last
    readable = [i for i in ids if i not in errors and i not in secret]
    confidences = [documents[i]["confidence"] for i in readable]
    assert confidences == sorted(confidences)  # type: ignore[type-var]
    only_errors = _ids(client.get("/queue", params={"state": "error"}).text)
    assert sorted(only_errors) == sorted(errors)
    partial = _ids(client.get("/queue", params={"attribute": "部分公开"}).text)
    assert partial and all(documents[i]["attribute"] == "部分公开" for i in partial)
    sure = _ids(client.get("/queue", params={"min_confidence": "0.95"}).text)
    assert all(documents[i]["confidence"] >= 0.95 for i in sure)  # type: ignore[operator]
    words = _ids(client.get("/queue", params={"words": "内涝"}).text)
    assert words == [doc_id_of(factory, "内涝防治方案")]
    # every sample formed in 2024 is long past its 20-working-day deadline
    overdue = _ids(client.get("/queue", params={"deadline": "overdue"}).text)
    dated = [i for i, d in documents.items() if d["deadline"]]
    assert overdue and sorted(overdue) == sorted(dated)
    assert _ids(client.get("/queue", params={"deadline": "soon"}).text) == []
    # bad filter values are ignored, not errors
    assert client.get("/queue", params={"min_confidence": "abc", "state": "x"}).status_code == 200
    # the default is 待审: only what is still to decide, unreadable files out of it
    waiting = _ids(client.get("/queue").text)
    assert waiting and not set(waiting) & set(errors)
    assert all(documents[i]["state"] in ("suggested", "in_review", "returned") for i in waiting)


def test_decide_with_rejected_findings_and_added_redactions(
    client_for: ClientFor, web_db: tuple[str, Factory]
) -> None:
    _url, factory = web_db
    doc_id = doc_id_of(factory, "答复书")
    with factory() as session:
        document = session.get(DocumentRow, doc_id)
        assert document is not None and document.suggestion is not None
        text = document.text or ""
        findings = list(document.suggestion.findings)
        proposals = list(document.suggestion.redactions)
    rejected = next(f for f in findings if any(p["start"] <= f.start < p["end"] for p in proposals))
    modified = next(
        f
        for f in findings
        if f is not rejected and any(p["start"] <= f.start < p["end"] for p in proposals)
    )
    phrase = "答复"
    selection = {"start": modified.start, "end": modified.end + 2, "label": modified.label}
    client = client_for("李审核")
    page = client.get(f"/documents/{doc_id}").text
    assert f'id="finding-{rejected.id}"' in page and "拟稿人标注" in page
    status, _html = _decide(
        client,
        doc_id,
        attribute="部分公开",
        comment="同意删除个人信息",
        added=f'[{{"start": {selection["start"]}, "end": {selection["end"]}, "label": "{selection["label"]}"}}]',
        add_text=phrase,
        add_label="TRADE_SECRET",
        **{f"verdict-{rejected.id}": "reject", f"verdict-{modified.id}": "reject"},
    )
    assert status == 303
    with factory() as session:
        decision = session.scalars(select(Decision)).one()
        assert decision.attribute == "部分公开"
        assert decision.verdicts[str(rejected.id)] == "reject"
        assert decision.verdicts[str(modified.id)] == "modify"  # replaced by the selection
        spans = decision.redactions
    covered = {i for s in spans for i in range(s["start"], s["end"])}
    expected = set(range(selection["start"], selection["end"]))
    for at in (m.start() for m in re.finditer(phrase, text)):
        expected |= set(range(at, at + len(phrase)))
    for p in proposals:
        inside = [f for f in findings if p["start"] <= f.start and f.end <= p["end"]]
        if not inside or any(f not in (rejected, modified) for f in inside):
            expected |= set(range(p["start"], p["end"]))
    assert covered == expected
    assert not set(range(rejected.start, rejected.end)) & covered  # its proposal dropped
    assert spans == sorted(spans, key=lambda s: s["start"])
    assert all(a["end"] < b["start"] for a, b in pairwise(spans))  # merged
    shown = client.get(f"/documents/{doc_id}?notice=decided").text
    assert "审核决定已保存" in shown and "同意删除个人信息" in shown


def test_bad_added_spans_are_refused_with_a_message(
    client_for: ClientFor, web_db: tuple[str, Factory]
) -> None:
    _url, factory = web_db
    doc_id = doc_id_of(factory, "答复书")
    client = client_for("李审核")
    for added, message in (
        ('[{"start": 5, "end": 999999, "label": "PERSON"}]', "超出文档"),
        ('[{"start": 1, "end": 3, "label": "NOPE"}]', "无效的删除类别"),
        ("not json", "无法读取"),
    ):
        status, html = _decide(client, doc_id, attribute="部分公开", added=added)
        assert status == 403 and message in html, (added, status)
    status, html = _decide(
        client, doc_id, attribute="部分公开", add_text="原文里没有这句话", add_label="PERSON"
    )
    assert status == 403 and "原文中没有" in html
    with factory() as session:
        assert session.scalar(select(func.count()).select_from(Decision)) == 0


def test_two_reviewers_on_one_document_the_second_gets_a_conflict(
    client_for: ClientFor, web_db: tuple[str, Factory]
) -> None:
    _url, factory = web_db
    doc_id = doc_id_of(factory, "内涝防治方案")
    first, second = client_for("李审核"), client_for("孙审核")
    page_first = first.get(f"/documents/{doc_id}").text
    page_second = second.get(f"/documents/{doc_id}").text  # both see version 1
    ok = first.post(
        f"/documents/{doc_id}/decide",
        data={
            "csrf": csrf_of(page_first),
            "version": _version(page_first),
            "attribute": "主动公开",
            "comment": "第一位",
        },
        follow_redirects=False,
    )
    assert ok.status_code == 303
    late = second.post(
        f"/documents/{doc_id}/decide",
        data={
            "csrf": csrf_of(page_second),
            "version": _version(page_second),
            "attribute": "不予公开",
            "comment": "第二位",
        },
        follow_redirects=False,
    )
    assert late.status_code == 409
    assert "已被他人修改" in late.text and "未保存" in late.text
    with factory() as session:
        decisions = list(session.scalars(select(Decision)))
        assert [(d.attribute, d.comment) for d in decisions] == [("主动公开", "第一位")]


def test_approve_return_and_secrecy_override(
    client_for: ClientFor, web_db: tuple[str, Factory]
) -> None:
    _url, factory = web_db
    plain = doc_id_of(factory, "内涝防治方案")
    secret = doc_id_of(factory, "机密通知")
    reviewer, approver, admin = client_for("李审核"), client_for("王批准"), client_for("赵管理")
    assert _decide(reviewer, plain, attribute="主动公开")[0] == 303
    page = approver.get(f"/documents/{plain}").text
    assert 'id="approve"' in page
    # an approver cannot add redactions: the selection bar is there but hidden
    assert re.search(r'id="sel-bar"\s+hidden', page)
    assert not re.search(r'id="sel-bar"\s+hidden', reviewer.get(f"/documents/{secret}").text)
    response = approver.post(
        f"/documents/{plain}/return",
        data={"csrf": csrf_of(page), "version": _version(page), "reason": "请核对发文字号"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert "已退回" in approver.get(response.headers["location"]).text
    assert _decide(reviewer, plain, attribute="主动公开", comment="已核对")[0] == 303
    page = approver.get(f"/documents/{plain}").text
    response = approver.post(
        f"/documents/{plain}/approve",
        data={"csrf": csrf_of(page), "version": _version(page), "comment": "同意"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    # the 密级-marked document: released only after the admin's 保密 override
    assert _decide(reviewer, secret, attribute="部分公开")[0] == 303
    page = approver.get(f"/documents/{secret}").text
    refused = approver.post(
        f"/documents/{secret}/approve",
        data={"csrf": csrf_of(page), "version": _version(page)},
        follow_redirects=False,
    )
    assert refused.status_code == 403 and "保密审查意见" in refused.text
    page = admin.get(f"/documents/{secret}").text
    assert "记录保密审查意见" in page
    response = admin.post(
        f"/documents/{secret}/override",
        data={"csrf": csrf_of(page), "version": _version(page), "reason": "已解密，见解密通知"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    page = approver.get(f"/documents/{secret}").text
    response = approver.post(
        f"/documents/{secret}/approve",
        data={"csrf": csrf_of(page), "version": _version(page)},
        follow_redirects=False,
    )
    assert response.status_code == 303
    with factory() as session:
        states = {d.id: d.state for d in session.scalars(select(DocumentRow))}
    assert states[plain] == "approved" and states[secret] == "approved"
    history = admin.get(f"/documents/{secret}").text
    for words in ("审核决定", "保密审查意见", "已解密，见解密通知", "审批通过"):
        assert words in history


def test_downloads_review_and_redacted_copies(
    client_for: ClientFor, web_db: tuple[str, Factory]
) -> None:
    _url, factory = web_db
    doc_id = doc_id_of(factory, "答复书")
    docx_id = doc_id_of(factory, "内涝防治方案")
    client = client_for("李审核")
    with factory() as session:
        document = session.get(DocumentRow, doc_id)
        assert document is not None and document.suggestion is not None
        values = [
            (document.text or "")[r["start"] : r["end"]] for r in document.suggestion.redactions
        ]
    assert values
    redacted = client.get(f"/documents/{doc_id}/redacted-copy")
    assert redacted.status_code == 200
    assert "attachment" in redacted.headers["content-disposition"]
    assert "%E5%85%AC%E5%BC%80%E7%A8%BF" in redacted.headers["content-disposition"]  # 公开稿
    body = redacted.content.decode("gb18030")  # the sample's own encoding is kept
    assert all(v not in body for v in values)
    review = client.get(f"/documents/{doc_id}/review-copy").content.decode("gb18030")
    assert "审核稿 不得公开" in review and all(v in review for v in values)
    copy = client.get(f"/documents/{docx_id}/review-copy")
    assert copy.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert "审核稿" in zipfile.ZipFile(io.BytesIO(copy.content)).read("word/document.xml").decode()
    # decided 不予公开: there is no release copy
    assert _decide(client, docx_id, attribute="不予公开")[0] == 303
    refused = client.get(f"/documents/{docx_id}/redacted-copy")
    assert refused.status_code == 409 and "不予公开" in refused.text
    decided = client.get(f"/documents/{docx_id}").text
    assert 'id="dl-redacted"' not in decided and "不予公开：没有公开稿" in decided
    error_id = doc_id_of(factory, "损坏的文件")
    page = client.get(f"/documents/{error_id}").text
    assert "文件未能读取" in page and 'id="decide"' not in page
    assert client.get(f"/documents/{error_id}/review-copy").status_code == 409
    assert client.get("/documents/99999").status_code == 404
    audit = client_for("王批准").get("/audit").text
    assert "哈希链完整" in audit and "下载" in audit


def test_annual_statistics_page_for_approvers(
    client_for: ClientFor, web_db: tuple[str, Factory]
) -> None:
    _url, factory = web_db
    doc_id = doc_id_of(factory, "内涝防治方案")
    assert _decide(client_for("李审核"), doc_id, attribute="主动公开")[0] == 303
    page = client_for("王批准").get("/statistics").text
    assert "年度报告统计" in page
    assert page.count('src="data:image/png;base64,') == 3
    for table in ("公开属性", "目录变动", "主题分类", "不予公开依据", "发布时效"):
        assert f"<h2>{table}</h2>" in page
    assert re.search(r"<td>主动公开</td>\s*<td>1</td>", page)  # the decision just made
    assert client_for("李审核").get("/statistics").status_code == 403


def test_comments_and_tracked_deletions_are_marked_in_the_text(
    client_for: ClientFor, web_db: tuple[str, Factory]
) -> None:
    """A .docx's comment and its tracked deletion are read and checked with the body, but
    on the page they say what they are (issue 21, item 8): each is its own run with a
    〔批注〕 / 〔已删除的修订〕 name, and the body's own text carries no such mark."""
    _url, factory = web_db
    page = client_for("李审核").get(f"/documents/{doc_id_of(factory, '内涝防治方案')}").text
    marked: dict[str, str] = {}
    for classes, attrs, text in re.findall(
        r'<span class="seg([^"]*)"([^>]*)>([^<]*)</span>', page.split('id="doc-text"')[1]
    ):
        for kind in ("comment", "deletion", "insertion"):
            if f"note-{kind}" in classes:
                marked[kind] = marked.get(kind, "") + text
        if "note-first" in classes:
            assert 'data-note="' in attrs
        if "请各单位于2024年1月31日前报送联络员名单" in text:
            assert "note" not in classes  # the body stays unmarked
    assert "请核实方案名称" in marked["comment"]
    assert "原联络员陈美玲" in marked["deletion"]
    assert 'data-note="批注"' in page and 'data-note="已删除的修订"' in page
