"""Page images on the document page, without a browser: the document page of a PDF lists
its pages, the page image is a PNG of the page for signed-in users only, a page the file
does not have is 404, a form with boxes that make no sense is refused and keeps the
document as it was; the per-process cache computes a page once for threads asking
together."""

from __future__ import annotations

import io
import json
import threading
import time
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy.orm import Session, sessionmaker

from pipeline.review.scan_pages import Lru
from pipeline.store.models import DocumentRow
from tests.review.conftest import csrf_of, doc_id_of

PDF = "公示（第二批）.pdf"
Opened = tuple[TestClient, int, str, sessionmaker[Session]]


@pytest.fixture
def opened(
    client_for: Callable[..., TestClient], web_db: tuple[str, sessionmaker[Session]]
) -> Opened:
    """A reviewer's client on the 公示 PDF's page: client, document id, page, database."""
    _url, factory = web_db
    doc_id = doc_id_of(factory, PDF)
    reviewer = client_for("李审核")
    return reviewer, doc_id, reviewer.get(f"/documents/{doc_id}").text, factory


def test_a_pdf_shows_its_pages_to_signed_in_users(
    opened: Opened, client_for: Callable[..., TestClient]
) -> None:
    reviewer, doc_id, page, _factory = opened
    assert "页面图像（1 页）" in page and f"/documents/{doc_id}/pages/1.png" in page
    assert 'id="area-list"' in page  # the decision form lists drawn boxes
    image = reviewer.get(f"/documents/{doc_id}/pages/1.png")
    assert image.status_code == 200 and image.headers["content-type"] == "image/png"
    assert Image.open(io.BytesIO(image.content)).size[0] > 500
    missing = reviewer.get(f"/documents/{doc_id}/pages/2.png")
    assert missing.status_code == 404 and "没有第 2 页" in missing.text
    anonymous = client_for().get(f"/documents/{doc_id}/pages/1.png", follow_redirects=False)
    assert anonymous.status_code == 303 and "/login" in anonymous.headers["location"]


def test_a_box_that_makes_no_sense_is_refused(opened: Opened) -> None:
    reviewer, doc_id, page, factory = opened
    tiny = [{"page": 1, "box": [10, 10, 11, 11], "label": "PERSON"}]
    response = reviewer.post(
        f"/documents/{doc_id}/decide",
        data={"csrf": csrf_of(page), "attribute": "部分公开", "areas": json.dumps(tiny)},
        follow_redirects=False,
    )
    assert response.status_code == 403 and "框选区域太小" in response.text
    with factory() as session:
        document = session.get(DocumentRow, doc_id)
        assert document is not None and document.state == "suggested" and not document.decisions


def test_the_page_cache_makes_a_value_once_for_threads_asking_together() -> None:
    cache: Lru[str, int] = Lru(2)
    calls: list[int] = []

    def make() -> int:
        calls.append(1)
        time.sleep(0.2)
        return 7

    threads = [threading.Thread(target=cache.get_or_make, args=("a", make)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert calls == [1] and cache.get_or_make("a", make) == 7
    cache.get_or_make("b", lambda: 1)
    cache.get_or_make("c", lambda: 2)  # "a" is the least recently used: dropped
    assert cache.get_or_make("a", lambda: 8) == 8
