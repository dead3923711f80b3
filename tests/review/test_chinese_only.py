"""Everything a clerk, approver or drafter sees is Chinese (issue 21, fault 4): every page
and error page the app shows to non-admin roles — queue in every state filter, every
document in every state it reaches, a 退回, statistics, audit, login, 400/403/404 — is
walked and its visible text (and alt, title-less labels) checked for ASCII words. Allowed:
words that come from the documents themselves (their text, file names, metadata: data,
not the app's wording) and a short list of established abbreviations."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import select

from pipeline.store.documents import add_record
from pipeline.store.models import AuditEvent, DocumentRow
from tests.fixtures.similar_notices import write_notices
from tests.review.conftest import USERS, csrf_of, scan_for_queue
from tests.review.test_pages import ClientFor, Factory

WORD = re.compile(r"[A-Za-z][A-Za-z_]+")
# abbreviations and the keys' names as printed on a keyboard; the two settings the
# catalog page must name when it refuses to publish with the example agency
ALLOWED = {"OCR", "UTF", "PDF", "XLSX", "docx", "pdf", "txt", "doc", "wps", "ofd", "Ctrl", "Enter"}
SETTINGS = {"TRIAGE_AGENCY_NAME", "TRIAGE_AGENCY_CODE"}
SKIPPED_TAGS = {"script", "style", "textarea", "q"}  # code, the user's typing, quoted values
SKIPPED_IDS = {"doc-text"}  # the document's own text
SKIPPED_CLASSES = {"src", "comment"}  # its file name, a reviewer's comment


class Visible(HTMLParser):
    """The text a reader sees, outside the document's own content."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # per open element: inside a skipped part
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        skip = (
            (bool(self.stack) and self.stack[-1])
            or tag in SKIPPED_TAGS
            or a.get("id") in SKIPPED_IDS
            or bool(set((a.get("class") or "").split()) & SKIPPED_CLASSES)
        )
        if not skip:
            for name in ("alt", "placeholder", "aria-label"):
                if a.get(name):
                    self.parts.append(str(a[name]))
        if tag not in ("input", "meta", "link", "br", "img", "hr"):
            self.stack.append(skip)

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("input", "meta", "link", "br", "img", "hr") and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def english(html: str, allowed: set[str]) -> set[str]:
    parser = Visible()
    parser.feed(html)
    return {w for w in WORD.findall(" ".join(parser.parts)) if w not in allowed}


def data_words(factory: Factory) -> set[str]:
    """ASCII words of the documents themselves: text, file names, metadata, users."""
    words = set(ALLOWED)
    with factory() as session:
        for d in session.scalars(select(DocumentRow)):
            words |= set(WORD.findall(" ".join([d.text or "", d.source, str(d.doc_metadata)])))
            if d.suggestion is not None:
                words |= {w for f in d.suggestion.findings for w in WORD.findall(f.text)}
        actors = " ".join(session.scalars(select(AuditEvent.actor)))  # who: data too
    return words | set(WORD.findall(actors)) | {w for name in USERS for w in WORD.findall(name)}


def test_every_page_a_clerk_or_approver_sees_is_chinese(
    client_for: ClientFor, web_db: tuple[str, Factory], tmp_path: Path
) -> None:
    _url, factory = web_db
    with factory() as session, session.begin():  # a group for the 同类批量审核 pages
        for record, data in scan_for_queue(write_notices(tmp_path / "notices", 3)):
            add_record(session, record, data)
    allowed = data_words(factory)
    with factory() as session:
        ids = list(session.scalars(select(DocumentRow.id)))
    seen: dict[str, set[str]] = {}

    def look(client: TestClient, url: str, expect: int = 200) -> str:
        response = client.get(url)
        assert response.status_code == expect, (url, response.status_code)
        assert "application/json" not in response.headers["content-type"], url
        found = english(response.text, allowed)
        if found:
            seen[url] = found
        return response.text

    anonymous = client_for()
    look(anonymous, "/login")
    clerk, boss, drafter = client_for("李审核"), client_for("王批准"), client_for("钱拟稿")
    states = ["", "all", "suggested", "reviewed", "approved", "withheld", "returned", "error"]
    for state in states:
        look(clerk, f"/queue?state={state}")
    look(clerk, "/queue?mine=1")
    look(drafter, "/queue")
    for doc_id in ids:
        look(clerk, f"/documents/{doc_id}")
        look(drafter, f"/documents/{doc_id}", 403)  # owns none: refused, in Chinese
    # a decision, a 退回 and a second decision and approval: each state's page
    for doc_id in ids[:3]:
        page = clerk.get(f"/documents/{doc_id}").text
        if 'id="decide"' not in page:
            continue
        version = re.search(r'name="version" value="(\d+)"', page).group(1)  # type: ignore[union-attr]
        clerk.post(
            f"/documents/{doc_id}/decide",
            data={"csrf": csrf_of(page), "version": version, "attribute": "部分公开"},
        )
        shown = look(boss, f"/documents/{doc_id}")
        version = re.search(r'name="version" value="(\d+)"', shown).group(1)  # type: ignore[union-attr]
        step = "return" if doc_id == ids[0] else "approve"
        boss.post(
            f"/documents/{doc_id}/{step}",
            data={"csrf": csrf_of(shown), "version": version, "reason": "请补充", "comment": ""},
        )
        look(clerk, f"/documents/{doc_id}")
        look(boss, f"/documents/{doc_id}")
        look(clerk, f"/documents/{doc_id}/ledger")  # 删除台账 and 区分处理说明 (fault 6)
        look(boss, f"/documents/{doc_id}/explanation")
    look(clerk, f"/documents/{ids[-1]}/ledger", 409)  # no decision yet: no 台账
    look(boss, "/statistics")
    look(boss, "/audit")
    # the clerks' pages (issue 21, item 5): upload (off, then on), a resubmit, the
    # catalog with its refusal, the users page, a dismissed file, a kept 409
    look(clerk, "/upload")
    clerk.app.state.intake = lambda paths, owner_id: []  # type: ignore[attr-defined]
    look(clerk, "/upload")
    look(drafter, "/upload")
    with factory() as session:
        broken = list(session.scalars(select(DocumentRow.id).where(DocumentRow.state == "error")))
    look(clerk, f"/upload?done={','.join(map(str, ids))}")
    look(clerk, f"/upload?replaces={broken[0]}")
    page = clerk.get(f"/documents/{broken[0]}").text
    version = re.search(r'name="version" value="(\d+)"', page).group(1)  # type: ignore[union-attr]
    data = {"csrf": csrf_of(page), "version": version, "reason": "重复文件"}
    clerk.post(f"/documents/{broken[0]}/dismiss", data=data)
    look(clerk, f"/documents/{broken[0]}")
    look(clerk, "/queue?state=dismissed")
    shown = boss.get("/catalog").text
    refused = boss.post("/catalog/publish", data={"csrf": csrf_of(shown)})
    assert refused.status_code == 409
    if found := english(refused.text, allowed | SETTINGS):
        seen["/catalog/publish"] = found
    allowed |= SETTINGS
    look(boss, "/catalog")
    look(clerk, "/catalog", 403)
    look(client_for("赵管理"), "/users")
    look(clerk, "/users", 403)
    look(clerk, "/audit", 403)
    # 同类批量审核 (issue 21, item 3): the groups, a plan, its result, the refusals
    look(clerk, "/batches")
    with factory() as session:
        notices = list(
            session.scalars(select(DocumentRow.id).where(DocumentRow.source.contains("救助公示")))
        )
    look(clerk, f"/batches/{notices[0]}", 409)  # not decided yet: no pattern
    page = clerk.get(f"/documents/{notices[0]}").text
    version = re.search(r'name="version" value="(\d+)"', page).group(1)  # type: ignore[union-attr]
    clerk.post(
        f"/documents/{notices[0]}/decide",
        data={"csrf": csrf_of(page), "version": version, "attribute": "部分公开"},
    )
    assert 'id="batch-link"' in look(clerk, f"/documents/{notices[0]}")
    look(clerk, "/batches")
    shown = look(clerk, f"/batches/{notices[0]}")
    versions = dict(re.findall(r'name="version-(\d+)" value="(\d+)"', shown))
    assert sorted(map(int, versions)) == notices[1:]
    form = {"csrf": csrf_of(shown), "doc": list(versions)}
    form |= {f"version-{d}": v for d, v in versions.items()}
    done = clerk.post(f"/batches/{notices[0]}", data=form)
    assert done.status_code == 200 and "处理 2 件" in done.text
    look(clerk, f"/batches/{notices[0]}?done=2&failed=0")
    look(drafter, "/batches", 403)
    token = csrf_of(drafter.get("/queue").text)
    refused = drafter.post(f"/batches/{notices[0]}", data={"csrf": token, "doc": notices[1:]})
    assert refused.status_code == 403 and not english(refused.text, allowed)
    look(clerk, "/documents/999999", 404)
    look(clerk, "/no-such-page", 404)
    look(clerk, "/queue?page=abc", 400)
    assert not seen, seen


def test_the_walk_sees_english_where_there_is_some() -> None:
    """The checker itself: what the pages used to show is caught, tooltips are not."""
    assert english("<small>person_name · private</small>", ALLOWED) == {"person_name", "private"}
    assert english("<p>按时率 None</p>", ALLOWED) == {"None"}
    assert english('<small title="person_name">置信度 0.90</small>', ALLOWED) == set()
    assert english('<div id="doc-text"><span>GB18030</span></div>', ALLOWED) == set()
