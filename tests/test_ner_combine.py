"""The candidate ensemble's rule for combining its address spans with the CRF's
(benchmarks/ner_combine.py), on small written sentences."""

from __future__ import annotations

from typing import Any

from tests.fixtures.benchmark_module import load_benchmark


def _combine() -> Any:
    return load_benchmark("ner_combine")


def span(text: str, value: str, label: str = "ADDR") -> tuple[int, int, str]:
    a = text.index(value)
    return a, a + len(value), label


def test_the_crf_boundary_wins_over_a_wider_stacker_span() -> None:
    nc = _combine()
    text = "他家住在杭州市西湖区文三路附近，邻居王建国说。"
    crf = [span(text, "杭州市西湖区文三路")]
    scores = [
        (span(text, "住在杭州市西湖区"), 0.9),
        (span(text, "杭州市"), 0.7),
        (crf[0], 0.3),
        (span(text, "王建国", "PER"), 0.8),
    ]
    rule = nc.Rule("crf first", True, 0.5)
    assert nc.combine_sentence(text, scores, crf, rule) == sorted(
        [crf[0], span(text, "王建国", "PER")]
    )
    # the stacker alone keeps its own, wider span
    alone = nc.combine_sentence(text, scores, crf, nc.Rule("stacker", False, 0.2))
    assert span(text, "住在杭州市西湖区") in alone and crf[0] not in alone


def test_where_the_crf_is_silent_only_spans_with_an_address_tail_are_added() -> None:
    nc = _combine()
    text = "发布会在江南大厦举行，随后去了伦敦。"
    scores = [(span(text, "江南大厦"), 0.6), (span(text, "伦敦"), 0.6)]
    with_tail = nc.Rule("tail", True, 0.5, tail=True)
    assert nc.combine_sentence(text, scores, [], with_tail) == [span(text, "江南大厦")]
    without = nc.Rule("no tail", True, 0.5)
    assert len(nc.combine_sentence(text, scores, [], without)) == 2
    above = nc.Rule("high cut", True, 0.7)
    assert nc.combine_sentence(text, scores, [], above) == []


def test_a_crf_span_the_stacker_doubts_is_dropped_at_its_cut() -> None:
    nc = _combine()
    text = "这批货从宁波港发往上海。"
    crf = [span(text, "宁波港"), span(text, "上海")]
    scores = [(crf[0], 0.05), (crf[1], 0.4)]
    rule = nc.Rule("crf cut", True, 1.01, crf_cut=0.1)
    assert nc.combine_sentence(text, scores, crf, rule) == [crf[1]]


def test_a_leading_preposition_is_trimmed_from_an_address() -> None:
    nc = _combine()
    text = "门店位于城南路，在乡里很有名。"
    assert nc.trimmed(text, span(text, "位于城南路")) == span(text, "城南路")
    assert nc.trimmed(text, span(text, "在乡")) == span(text, "在乡")  # one char would remain
    rule = nc.Rule("trim", False, 0.2, trim=True)
    scores = [(span(text, "位于城南路"), 0.5)]
    assert nc.combine_sentence(text, scores, [], rule) == [span(text, "城南路")]


def test_the_chosen_rule_is_in_the_dev_grid() -> None:
    nc = _combine()
    assert nc.RULE in nc.GRID.values()
