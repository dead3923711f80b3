"""What the document page shows is what the 公开稿 removes (issue 21, fault 1).

A 答复书 names the applicant four times (four findings) and gives a phone number twice.
The page lists each value once; the reviewer keeps the name (不同意) and adds a phrase.
The page's text — each run blacked out or not — is compared character by character with
the redacted copy, for a .txt (offsets) and a .docx (values) of the same text, before the
decision (the proposals) and after it."""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from pipeline.review.app import create_app
from tests.fixtures.samples import build_plain_docx
from tests.review.conftest import csrf_of, doc_id_of, fill, login, scan_for_queue

LINES = [
    "政府信息公开申请答复书",
    "王小明：",
    "本机关于2024年3月1日收到王小明提交的政府信息公开申请（联系电话13812345678）。"
    "经查，申请人王小明申请的信息属于公开范围。如对本答复不服，王小明可在收到本答复之日起"
    "六十日内申请行政复议。电话13812345678已登记。",
    "某某市某某局",
    "2024年3月5日",
]
NAME, PHONE, ADDED = "王小明", "13812345678", "六十日内"
SEG = re.compile(r'<span class="seg([^"]*)"[^>]*>(.*?)</span>', re.S)
MASK = "■"


def page_text(page: str) -> str:
    """The document text as the page shows it: ■ for each character of a blacked-out
    run (line ends stay, as in the copy)."""
    body = page.split('id="doc-text"', 1)[1].split("</div>", 1)[0]
    out = []
    for classes, raw in SEG.findall(body):
        text = html.unescape(raw)
        out.append(
            "".join(c if c == "\n" else MASK for c in text)
            if "redacted" in classes.split()
            else text
        )
    return "".join(out)


def copy_text(client: TestClient, doc_id: int, fmt: str) -> str:
    response = client.get(f"/documents/{doc_id}/redacted-copy")
    assert response.status_code == 200, response.text
    if fmt == "txt":
        return response.content.decode("utf-8")
    import docx

    paragraphs = docx.Document(io.BytesIO(response.content)).paragraphs
    return "\n".join(p.text for p in paragraphs)


@pytest.fixture
def reply_db(tmp_path: Path) -> tuple[str, sessionmaker[Session]]:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "答复书.txt").write_text("\n".join(LINES) + "\n", encoding="utf-8")
    build_plain_docx(inbox / "答复书.docx", LINES)
    url = f"sqlite:///{tmp_path / 'review.db'}"
    return url, fill(url, scan_for_queue([inbox]))


def _same_lines(page: str, copy: str) -> None:
    """Line by line (the .docx reader and python-docx differ only in blank lines)."""
    lines = [line for line in page.splitlines() if line.strip()]
    assert lines == [line for line in copy.splitlines() if line.strip()]


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_the_page_shows_what_the_copy_removes(
    reply_db: tuple[str, sessionmaker[Session]], fmt: str
) -> None:
    url, factory = reply_db
    doc_id = doc_id_of(factory, f"答复书.{fmt}")
    with TestClient(create_app(url, secure_cookies=False), base_url="http://testserver") as client:
        login(client, "李审核")
        page = client.get(f"/documents/{doc_id}").text
        # one entry per value: the name's four findings are decided once
        assert page.count(f"<q>{NAME}</q>") == 1 and "（4 处）" in page
        before = page_text(page)
        assert NAME not in before and PHONE not in before  # proposed: every occurrence
        _same_lines(before, copy_text(client, doc_id, fmt))

        # the name's entry: its legend, then its 同意/不同意
        name_key = re.search(r'name="verdict-(\d+)"', page.split(f"<q>{NAME}</q>", 1)[1])
        assert name_key
        response = client.post(
            f"/documents/{doc_id}/decide",
            data={
                "csrf": csrf_of(page),
                "version": re.search(r'name="version" value="(\d+)"', page).group(1),  # type: ignore[union-attr]
                f"verdict-{name_key.group(1)}": "reject",
                "add_text": ADDED,
                "add_label": "PERSON",
                "attribute": "依申请公开",
                "comment": "",
            },
            follow_redirects=False,
        )
        assert response.status_code == 303, response.text
        after_page = client.get(f"/documents/{doc_id}").text
        after = page_text(after_page)
        assert after.count(NAME) == 4  # kept at every occurrence, on the page …
        assert PHONE not in after and ADDED not in after
        copy = copy_text(client, doc_id, fmt)
        assert copy.count(NAME) == 4  # … and in the copy
        _same_lines(after, copy)


def test_one_value_gets_one_verdict(reply_db: tuple[str, sessionmaker[Session]]) -> None:
    """Through the workflow (the CLI's way too): verdicts that disagree for one value are
    refused; one verdict for any of its findings is the value's."""
    from pipeline.store import workflow
    from pipeline.store.models import DocumentRow, User

    _url, factory = reply_db
    doc_id = doc_id_of(factory, "答复书.txt")
    with factory() as session, session.begin():
        document = session.get(DocumentRow, doc_id)
        assert document is not None and document.suggestion is not None
        user = session.query(User).filter_by(name="李审核").one()
        names = [f for f in document.suggestion.findings if f.text == NAME]
        assert len(names) == 4
        with pytest.raises(workflow.WorkflowError, match="同一内容须作同一审核意见"):
            workflow.decide(
                session,
                doc_id,
                user,
                attribute="依申请公开",
                verdicts={str(names[0].id): "reject", str(names[1].id): "accept"},
            )
        decision = workflow.decide(
            session, doc_id, user, attribute="依申请公开", verdicts={str(names[2].id): "reject"}
        )
        assert {decision.verdicts[str(f.id)] for f in names} == {"reject"}
        text = document.text or ""
        kept = [r for r in decision.redactions if text[r["start"] : r["end"]] == NAME]
        assert kept == []
        assert [text[r["start"] : r["end"]] for r in decision.redactions] == [PHONE, PHONE]
