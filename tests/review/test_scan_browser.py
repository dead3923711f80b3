"""A scanned document in the reviewers' app, in real Chromium (Playwright): its page is
shown as an image (proposals outlined) beside the OCR text; the reviewer drags a box on
the page, draws a second and removes it with its 删除 button, decides; the decision holds
the box in points where it was drawn, the audit log records it, and the redacted copy
the app hands out is black there (pixels of the rendered copy). axe-core finds no
serious or critical violation on the page with the boxes listed."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image
from sqlalchemy import select

from pipeline.review.app import create_app
from pipeline.store import audit
from pipeline.store.db import open_db
from pipeline.store.models import AuditEvent, Decision, DocumentRow
from tests.conftest import ROOT, SAMPLES
from tests.review.conftest import axe_violations, browser_login, fill, scan_for_queue, served_app

SCAN = SAMPLES / "扫描件 专题会议纪要.pdf"
SHOTS = ROOT / "build" / "screenshots"
# The drag, as fractions of the page picture: a band across the middle of the page.
DRAG = ((0.20, 0.40), (0.70, 0.46))
SECOND = ((0.20, 0.60), (0.40, 0.65))


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """The app on a free loopback port over a database holding the scanned sample."""
    url = f"sqlite:///{tmp_path / 'review.db'}"
    scans = scan_for_queue([SCAN])
    assert scans[0][0]["status"] == "ok" and scans[0][0].get("ocr"), scans[0][0].get("error")
    fill(url, scans).kw["bind"].dispose()
    with served_app(create_app(url, secure_cookies=False)) as base:
        yield base, url


def _open_as_reviewer(browser: Any, base: str, url: str, **options: Any) -> tuple[Any, Any, int]:
    """A browser context signed in as 李审核 on the scanned document's page: the context,
    the page and the document id."""
    context = browser.new_context(
        viewport={"width": 1400, "height": 1000}, locale="zh-CN", **options
    )
    page = context.new_page()
    browser_login(page, base, "李审核")
    factory = open_db(url)
    with factory() as session:
        doc_id = session.scalars(select(DocumentRow.id)).one()
    factory.kw["bind"].dispose()
    page.goto(f"{base}/documents/{doc_id}")
    return context, page, doc_id


def _drag(page: Any, svg: Any, frm: tuple[float, float], to: tuple[float, float]) -> None:
    box = svg.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + frm[0] * box["width"], box["y"] + frm[1] * box["height"])
    page.mouse.down()
    steps = [
        (frm[0] + (to[0] - frm[0]) * k / 5, frm[1] + (to[1] - frm[1]) * k / 5)
        for k in (1, 2, 3, 4, 5)
    ]
    for x, y in steps:
        page.mouse.move(box["x"] + x * box["width"], box["y"] + y * box["height"])
    page.mouse.up()


def test_a_box_drawn_on_a_scanned_page_is_black_in_the_copy(
    served: tuple[str, str], browser: Any
) -> None:
    base, url = served
    context, page, doc_id = _open_as_reviewer(browser, base, url)

    # the page beside the OCR text, its picture loaded (rendered from the stored scan)
    svg = page.locator("svg.page-svg[data-page='1']")
    svg.wait_for()
    assert page.locator("#pages details[open]").count() == 1  # a scan: shown open
    assert page.locator(".text-col.with-pages #doc-text").count() == 1
    page.wait_for_function(
        "() => { const i = document.querySelector('svg.page-svg image');"
        " return i && i.getBBox().width > 0; }"
    )
    picture = page.request.get(f"{base}/documents/{doc_id}/pages/1.png")
    assert picture.ok and picture.headers["content-type"] == "image/png"
    assert Image.open(io.BytesIO(picture.body())).size[0] > 500
    assert page.request.get(f"{base}/documents/{doc_id}/pages/9.png").status == 404

    # draw a box, draw a second and remove it with its button
    page.select_option("#area-label", "privacy:PERSON")  # a 删除理由 (fault 6)
    _drag(page, svg, *DRAG)
    assert page.inner_text("#area-count") == "1"
    _drag(page, svg, *SECOND)
    assert page.inner_text("#area-count") == "2"
    assert svg.locator("rect.area").count() == 2
    page.locator("#area-list li").nth(1).get_by_role("button", name="删除").click()
    assert page.inner_text("#area-count") == "1"
    assert svg.locator("rect.area").count() == 1
    assert "第 1 页：个人隐私·个人姓名" in page.inner_text("#area-list")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "scan-boxes.png"), full_page=False)
    view = page.evaluate(
        "() => { const v = document.querySelector('svg.page-svg').viewBox.baseVal;"
        " return [v.x, v.y, v.width, v.height]; }"
    )
    page.select_option("#attribute", "部分公开")
    page.click("#decide-submit")
    page.wait_for_selector("text=审核决定已保存")

    # the decision holds the box where it was drawn, in points; the log records it
    factory = open_db(url)
    expected = [
        view[0] + DRAG[0][0] * view[2],
        view[1] + DRAG[0][1] * view[3],
        view[0] + DRAG[1][0] * view[2],
        view[1] + DRAG[1][1] * view[3],
    ]
    with factory() as session:
        decision = session.scalars(select(Decision).where(Decision.document_id == doc_id)).one()
        assert decision.areas is not None and len(decision.areas) == 1
        area = decision.areas[0]
        assert area["page"] == 1 and area["label"] == "PERSON"
        assert all(abs(a - b) < 3 for a, b in zip(area["box"], expected, strict=True)), area
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "decide")).one()
        assert event.detail["areas"] == decision.areas
        assert audit.verify(session).ok
    factory.kw["bind"].dispose()

    # the redacted copy, as the app hands it out, is black in the box
    page.goto(f"{base}/documents/{doc_id}")
    assert "框选 1 处" in page.inner_text("main")
    copy = page.request.get(f"{base}/documents/{doc_id}/redacted-copy")
    assert copy.ok, copy.text()
    pdf = pdfium.PdfDocument(copy.body())
    scale = 100 / 72
    image = pdf[0].render(scale=scale, grayscale=True).to_pil().convert("L")
    pdf.close()
    x0, top, x1, bottom = area["box"]
    inside = image.crop(
        (
            int((x0 - view[0]) * scale) + 2,
            int((top - view[1]) * scale) + 2,
            int((x1 - view[0]) * scale) - 2,
            int((bottom - view[1]) * scale) - 2,
        )
    )
    assert float((np.asarray(inside) < 40).mean()) > 0.97
    below = image.crop((int((x0 - view[0]) * scale), int((bottom - view[1]) * scale) + 30,
                        int((x1 - view[0]) * scale), int((bottom - view[1]) * scale) + 60))  # fmt: skip
    assert float((np.asarray(below) < 40).mean()) < 0.5  # the rest of the page is not black
    context.close()


def test_the_scanned_page_passes_axe(served: tuple[str, str], browser: Any) -> None:
    base, url = served
    context, page, _doc_id = _open_as_reviewer(browser, base, url, bypass_csp=True)
    svg = page.locator("svg.page-svg[data-page='1']")
    svg.wait_for()
    _drag(page, svg, *DRAG)
    assert page.locator("#area-list li button").inner_text() == "删除"
    assert axe_violations(page) == []
    context.close()
