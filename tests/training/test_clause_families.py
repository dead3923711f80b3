"""The clause families (pipeline/training/clause_families.py): numbers in words, clauses
spread over two sentences, and folds that hold out whole families."""

from __future__ import annotations

import pytest

from pipeline.training.clause_corpus import LABELS
from pipeline.training.clause_families import FAMILIES, family_sentences, folds, in_words


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (2, "二"),
        (10, "十"),
        (12, "十二"),
        (105, "一百零五"),
        (1010, "一千零一十"),
        (3680, "三千六百八十"),
        (10005, "一万零五"),
        (120000, "十二万"),
        (36800, "三万六千八百"),
    ],
)
def test_numbers_in_words(number: int, words: str) -> None:
    assert in_words(number) == words


def test_every_label_has_families_and_near_misses_are_none() -> None:
    labels = {label for _name, label, _t in FAMILIES}
    assert labels == set(LABELS)
    assert len({name for name, _l, _t in FAMILIES}) == len(FAMILIES)
    assert all(name.startswith("none_") == (label == "NONE") for name, label, _t in FAMILIES)


def test_two_sentence_templates_give_one_row_per_sentence() -> None:
    two = [f for f in FAMILIES if f[0] == "int_two_sentences"]
    rows = family_sentences(two, 6, seed=3)
    assert len(rows) == 12
    assert all(label == "INTERNAL" and "||" not in text for text, label in rows)


def test_some_numbers_are_written_in_words() -> None:
    rows = family_sentences(FAMILIES, 20, seed=5)
    assert any("{" in text for text, _l in rows) is False
    assert any("百分之" in text or "千" in text for text, _l in rows)


def test_folds_hold_out_whole_families_of_every_label() -> None:
    parts = folds(4)
    names = [f[0] for part in parts for f in part]
    assert sorted(names) == sorted(f[0] for f in FAMILIES)
    for part in parts:
        assert {label for _n, label, _t in part} >= {"TRADE_SECRET", "INTERNAL", "STATE_SECRET"}


def test_later_pass_families_join_the_first_ones() -> None:
    from pipeline.training.clause_families import FIRST_FAMILIES
    from pipeline.training.clause_families_eleventh import FAMILIES_ELEVENTH
    from pipeline.training.clause_families_fourteenth import FAMILIES_FOURTEENTH
    from pipeline.training.clause_families_more import FAMILIES_MORE
    from pipeline.training.clause_families_ninth import FAMILIES_NINTH
    from pipeline.training.clause_families_seventh import FAMILIES_SEVENTH
    from pipeline.training.clause_families_sixth import FAMILIES_SIXTH
    from pipeline.training.clause_families_tenth import FAMILIES_TENTH
    from pipeline.training.clause_families_twelfth import FAMILIES_TWELFTH

    later = FAMILIES_MORE + FAMILIES_SIXTH + FAMILIES_SEVENTH + FAMILIES_NINTH + FAMILIES_TENTH
    since = FAMILIES_ELEVENTH + FAMILIES_TWELFTH + FAMILIES_FOURTEENTH
    assert FIRST_FAMILIES + later + since == FAMILIES
    # the fourteenth pass: plain-speech registers, no placeholder unfilled
    assert all(
        "{" not in t and "||" not in t for t, _l in family_sentences(FAMILIES_FOURTEENTH, 10, 3)
    )
    # the twelfth pass writes published near misses only, no placeholder left unfilled
    assert {label for _n, label, _t in FAMILIES_TWELFTH} == {"NONE"}
    assert all(
        "{" not in t and "||" not in t for t, _l in family_sentences(FAMILIES_TWELFTH, 10, 2)
    )
    # the eleventh pass widens 第十六条 alone, with published near misses
    assert {label for _n, label, _t in FAMILIES_ELEVENTH} == {"INTERNAL", "NONE"}
    assert all(
        "{" not in t and "||" not in t for t, _l in family_sentences(FAMILIES_ELEVENTH, 10, 2)
    )
    assert {label for _n, label, _t in FAMILIES_MORE} == set(LABELS)
    # the later passes widen 第十四条 and 第十六条, with published near misses
    for one in (FAMILIES_SIXTH, FAMILIES_SEVENTH, FAMILIES_NINTH, FAMILIES_TENTH):
        assert {label for _n, label, _t in one} == {"INTERNAL", "STATE_SECRET", "NONE"}
    for more in (FAMILIES_MORE, FAMILIES_SIXTH, FAMILIES_SEVENTH, FAMILIES_NINTH, FAMILIES_TENTH):
        rows = family_sentences(more, 10, seed=2)
        assert all("{" not in text and "||" not in text for text, _l in rows)


def test_the_new_families_are_also_held_out_together() -> None:
    from pipeline.training.clause_corpus import generated
    from pipeline.training.clauses import family_held_out

    result = family_held_out(generated(20, seed=3), per_family=6, seed=4)
    for key in (
        "new_families",
        "seventh_families",
        "ninth_families",
        "tenth_families",
        "eleventh_families",
        "earlier_families",
    ):
        newer = result[key]
        assert newer["test_sentences"] > 0
        assert set(newer["scores"]) == set(LABELS)
        assert sum(s["support"] for s in newer["scores"].values()) == newer["test_sentences"]
    # the earlier families' test sentences are the ones drawn before the seventh pass
    assert result["earlier_families"]["test_sentences"] < result["test_sentences"]


def test_no_tenth_template_repeats_an_earlier_one() -> None:
    from pipeline.training.clause_families_tenth import FAMILIES_TENTH

    earlier = {t for f in FAMILIES if f not in FAMILIES_TENTH for t in f[2]}
    assert not earlier & {t for f in FAMILIES_TENTH for t in f[2]}


def test_no_eleventh_template_repeats_an_earlier_one() -> None:
    from pipeline.training.clause_families_eleventh import FAMILIES_ELEVENTH

    earlier = {t for f in FAMILIES if f not in FAMILIES_ELEVENTH for t in f[2]}
    assert not earlier & {t for f in FAMILIES_ELEVENTH for t in f[2]}
    names = [name for name, _l, _t in FAMILIES]
    assert len(names) == len(set(names))
