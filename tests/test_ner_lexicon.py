"""The CRF's lexicon of CLUENER gold strings (pipeline/training/ner_lexicon.py): what it
counts, how a sentence's characters are marked, and that a training sentence does not
find its own answer in it."""

from __future__ import annotations

import pytest

from pipeline.training import ner_lexicon

TEXTS = ["他住在香港。", "香港国际电影节开幕。", "我去香港了。", "北京大学在海淀。"]
GOLDS: list[list[tuple[int, int, str]]] = [
    [(3, 5, "ADDR")],
    [(0, 7, "scene")],
    [(2, 4, "ADDR")],
    [(0, 4, "organization"), (5, 7, "ADDR")],
]


def test_the_lexicon_counts_gold_types_and_sentences_holding_the_string() -> None:
    lex = ner_lexicon.build(TEXTS, GOLDS)
    assert lex.gold["香港"] == {"ADDR": 2}
    assert lex.gold["香港国际电影节"] == {"scene": 1}
    assert lex.seen["香港"] == 3  # in three sentences, gold in two
    assert "电影" not in lex.gold


@pytest.mark.parametrize(
    ("text", "own", "index", "present", "absent"),
    [
        # a new sentence: 香港 was gold twice of three, an address mostly.
        ("飞往香港", None, 2, {"x:B|ADDR", "xr:B|mid", "xn:B|ADDR|2-4"}, set()),
        ("飞往香港", None, 3, {"x:E|ADDR"}, set()),
        # the longest string wins: the festival is a scene, not an address.
        ("看香港国际电影节", None, 1, {"x:B|scene", "xr:B|0"}, {"x:B|ADDR"}),
        ("看香港国际电影节", None, 4, {"x:I|scene"}, set()),
        # characters in no gold string carry nothing.
        ("飞往香港", None, 0, set(), {"x:B|ADDR", "x:I|ADDR"}),
        # a training sentence: its own 香港 is left out (once gold in two other sentences).
        ("他住在香港。", [(3, 5, "ADDR")], 3, {"x:B|ADDR", "xn:B|ADDR|1", "xr:B|mid"}, set()),
        # the organisation's only occurrence is its own: nothing left to find.
        (
            "北京大学在海淀。",
            [(0, 4, "organization"), (5, 7, "ADDR")],
            0,
            set(),
            {"x:B|organization"},
        ),
    ],
)
def test_marks_name_the_longest_string_its_type_and_share(
    text: str,
    own: list[tuple[int, int, str]] | None,
    index: int,
    present: set[str],
    absent: set[str],
) -> None:
    lex = ner_lexicon.build(TEXTS, GOLDS)
    marks = ner_lexicon.marks(text, lex, own)
    assert len(marks) == len(text)
    got = set(marks[index])
    assert present <= got, present - got
    assert not absent & got
    if not present:
        assert got == set()
