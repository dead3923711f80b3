"""The 删除台账 page of a PDF says on which page each removal is; documents without a
decision or withheld whole have none (a Chinese 409); a drafter who may not open the
document may not open its 台账 either (issue 21, fault 6)."""

from __future__ import annotations

import re

from tests.review.conftest import doc_id_of
from tests.review.test_pages import ClientFor, Factory, _decide


def test_the_ledger_of_a_pdf_names_pages_and_refuses_what_has_none(
    client_for: ClientFor, web_db: tuple[str, Factory]
) -> None:
    _url, factory = web_db
    pdf = doc_id_of(factory, "补贴公示（第二批）.pdf")
    secret = doc_id_of(factory, "机密通知.txt")
    clerk = client_for("李审核")
    refused = clerk.get(f"/documents/{pdf}/ledger")
    assert refused.status_code == 409 and "尚未作出审核决定" in refused.text
    assert _decide(clerk, pdf, attribute="部分公开")[0] == 303
    page = clerk.get(f"/documents/{pdf}/ledger").text
    rows = re.findall(r"<tr>\s*<td>\d+</td>.*?</tr>", page, re.S)
    assert rows and all("第 1 页，第 " in row and "第十五条" in row for row in rows)
    assert "＊＊" in page
    assert _decide(clerk, secret, attribute="不予公开")[0] == 303
    withheld = clerk.get(f"/documents/{secret}/explanation.docx")
    assert withheld.status_code == 409 and "没有区分处理" in withheld.text
    assert client_for("钱拟稿").get(f"/documents/{pdf}/ledger").status_code == 403
