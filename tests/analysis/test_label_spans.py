"""The gold a decision implies: which findings and redactions become spans, and when a
document's names are a public list."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest

from pipeline.analysis.label_spans import GoldSpan, Reviewed, gold_spans, public_persons


def F(
    start: int, end: int, label: str, verdict: str = "accept", role: str | None = "private"
) -> Reviewed:
    return Reviewed(start, end, label, role, verdict)


def R(start: int, end: int, label: str) -> dict[str, Any]:
    return {"start": start, "end": end, "label": label, "legal_basis": "第十五条"}


CASES = [
    pytest.param([F(0, 3, "PERSON")], [R(0, 3, "PERSON")], [(0, 3, "PERSON")], id="accepted"),
    pytest.param([F(0, 3, "PERSON", "reject")], [], [], id="rejected-absent"),
    pytest.param(
        [F(0, 3, "PERSON", "modify")], [R(0, 5, "PERSON")], [(0, 5, "PERSON")], id="modified"
    ),
    pytest.param([F(0, 3, "PHONE", role="official")], [], [], id="official-not-personal-data"),
    pytest.param(
        [F(0, 3, "PHONE", role="official")],
        [R(0, 3, "PHONE")],
        [(0, 3, "PHONE")],
        id="official-redacted-by-hand",
    ),
    pytest.param([], [R(10, 14, "ADDRESS")], [(10, 14, "ADDRESS")], id="hand-marked"),
    pytest.param(
        [F(0, 3, "PERSON"), F(3, 21, "ID_CARD")],
        [R(0, 21, "PERSON")],  # the review's merge joined the touching pair under the first label
        [(0, 3, "PERSON"), (3, 21, "ID_CARD")],
        id="merged-neighbours-keep-their-labels",
    ),
    pytest.param(
        [F(5, 8, "PERSON")],
        [R(0, 20, "TRADE_SECRET")],
        [(0, 20, "TRADE_SECRET")],
        id="widened-keeps-the-longer",
    ),
    pytest.param(
        [F(0, 30, "TRADE_SECRET"), F(10, 13, "PERSON")],
        [R(0, 30, "TRADE_SECRET")],
        [(0, 30, "TRADE_SECRET")],
        id="overlapping-findings-keep-the-longer",
    ),
    pytest.param(
        [F(0, 4, "PERSON"), F(2, 6, "ADDRESS")],
        [],
        [(0, 4, "PERSON")],
        id="equal-length-earlier-start",
    ),
    pytest.param(
        [F(0, 4, "PHONE")],
        [R(0, 2, "PHONE"), R(2, 6, "EMAIL")],
        [(0, 4, "PHONE")],
        id="equal-length-finding-beats-reviewer",
    ),
    pytest.param(
        [F(0, 2, "SECRET_MARK")], [], [(0, 2, "SECRET_MARK")], id="withheld-keeps-markings"
    ),
    pytest.param(
        [F(8, 10, "PERSON"), F(0, 3, "PHONE", verdict="reject")],
        [R(20, 22, "PHONE"), R(0, 3, "PHONE")],
        [(0, 3, "PHONE"), (8, 10, "PERSON"), (20, 22, "PHONE")],
        id="rejected-but-redacted-is-the-reviewers-span-sorted",
    ),
]


@pytest.mark.parametrize(("findings", "redactions", "expected"), CASES)
def test_gold_spans(
    findings: list[Reviewed], redactions: list[dict[str, Any]], expected: list[tuple[int, int, str]]
) -> None:
    spans = gold_spans(findings, redactions)
    assert spans == [GoldSpan(*e) for e in expected]
    assert all(a.end <= b.start for a, b in pairwise(spans))


def test_gold_spans_do_not_depend_on_input_order() -> None:
    findings = [F(0, 4, "PERSON"), F(2, 6, "ADDRESS"), F(6, 9, "PHONE"), F(5, 12, "EMAIL")]
    redactions = [R(0, 9, "PERSON"), R(20, 24, "PHONE")]
    expected = gold_spans(findings, redactions)
    assert gold_spans(findings[::-1], redactions[::-1]) == expected


def test_span_text_is_cut_from_the_text() -> None:
    assert GoldSpan(1, 3, "PERSON").to_dict("王张三丰") == {
        "start": 1,
        "end": 3,
        "label": "PERSON",
        "text": "张三",
    }


PERSONS = [
    pytest.param([F(0, 3, "PERSON")], [], "主动公开", True, id="names-published"),
    pytest.param(
        [F(0, 3, "PERSON")], [R(20, 31, "PHONE")], "部分公开", True, id="other-data-redacted"
    ),
    pytest.param([F(0, 3, "PERSON")], [R(0, 3, "PERSON")], "部分公开", False, id="name-redacted"),
    pytest.param(
        [F(0, 3, "PERSON")], [R(2, 9, "PHONE")], "部分公开", False, id="name-partly-redacted"
    ),
    pytest.param([F(0, 3, "PERSON")], [], "不予公开", False, id="withheld"),
    pytest.param([F(0, 3, "PERSON", "reject")], [], "主动公开", False, id="name-rejected"),
    pytest.param([F(0, 3, "PERSON", role="official")], [], "主动公开", False, id="official"),
    pytest.param([F(0, 18, "ID_CARD")], [], "主动公开", False, id="no-names"),
]


@pytest.mark.parametrize(("findings", "redactions", "attribute", "expected"), PERSONS)
def test_public_persons(
    findings: list[Reviewed], redactions: list[dict[str, Any]], attribute: str, expected: bool
) -> None:
    assert public_persons(findings, redactions, attribute) is expected
