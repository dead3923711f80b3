"""pipeline.detect.wrap_kinds.short_wrap: only a short, indented, unfinished line of a
paragraph wraps onto an unindented line that closes the sentence (a narrow cell, a PDF
text layer). Lines are written for these tests."""

from __future__ import annotations

import pytest

from pipeline.detect.wrap_kinds import short_wrap


@pytest.mark.parametrize(
    ("line", "following", "wraps"),
    [
        ("　　初稿曾考虑将个体工商户纳入", "范围，经研究暂未写入。", True),
        ("　　邓主任批示：此", "事由财政局牵头办理。", True),
        # a long line is a body line: clause_spans.wrapped judges it, not this kind
        ("　　初稿曾考虑将个体工商户和小微企业一并纳入补贴对象的", "范围。", False),
        # an unindented short line is no paragraph's indented line
        ("初稿曾考虑将个体工商户纳入", "范围，经研究暂未写入。", False),
        # the next line is indented, numbered or does not close the sentence
        ("　　初稿曾考虑将个体工商户纳入", "　　范围。", False),
        ("　　初稿曾考虑将个体工商户纳入", "二、工作要求。", False),
        ("　　初稿曾考虑将个体工商户纳入", "范围", False),
    ],
)
def test_short_wrap(line: str, following: str, wraps: bool) -> None:
    assert short_wrap(line, following, True) is wraps
