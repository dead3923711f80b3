"""The CRF voter of the CLUENER candidate ensemble (pipeline/training/ner_crf.py): its
character features, its BIO tags and spans, and a small train/read round trip."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest

from pipeline.training import ner_crf
from pipeline.training.ner_tagger import TAGS

pytest.importorskip("pycrfsuite")

Word = tuple[int, int, str]


@dataclass(frozen=True)
class Line:
    """A reading as the ensemble gives it (text, LAC and jieba words, grammar spans)."""

    text: str
    lac: tuple[Word, ...] = ()
    jieba: tuple[Word, ...] = ()
    grammar: tuple[tuple[int, int], ...] = ()


@pytest.mark.parametrize(
    ("index", "present", "absent"),
    [
        # 住 in 住在杭州市: the trigram, LAC's word and its place in it, the tagger's window.
        (2, {"t:孙住在", "word:住在", "lv:B", "c0:住", "k+1:-"}, {"k0:div"}),
        # 市 closes a division: its unit class, the division match, the grammar span.
        (6, {"k0:div", "k-1:div", "kk:div|digit", "dI", "gI", "word:杭州市"}, {"k0:-"}),
        # the door number's digits and the unit after them.
        (8, {"k0:digit", "kk:digit|door", "t:12号"}, set()),
        # the first character sees the sentence's start.
        (0, {"t:^王孙", "k-1:-", "c-1:^"}, set()),
    ],
)
def test_character_features_name_the_window_words_and_units(
    index: int, present: set[str], absent: set[str]
) -> None:
    text = "王孙住在杭州市12号"
    line = Line(
        text,
        lac=((0, 2, "PER"), (2, 4, "v"), (4, 7, "LOC"), (7, 9, "m"), (9, 10, "q")),
        jieba=((0, 2, "nr"), (2, 4, "v"), (4, 7, "ns"), (7, 10, "m")),
        grammar=((4, 10),),
    )
    feats = ner_crf.char_features(line, frozenset({"杭州市", "杭州"}))
    assert len(feats) == len(text)
    got = set(feats[index])
    assert present <= got, present - got
    assert not absent & got


def test_long_lac_words_are_not_features_of_their_own() -> None:
    text = "中华人民共和国国务院"
    feats = ner_crf.char_features(Line(text, lac=((0, 10, "ORG"),)), frozenset())
    assert not any(f.startswith("word:") for f in feats[3])


@pytest.mark.parametrize(
    ("n", "gold", "tags"),
    [
        (5, [(1, 3, "ADDR")], ["O", "B-ADDR", "I-ADDR", "O", "O"]),
        (
            4,
            [(0, 2, "organization"), (2, 3, "PER")],
            ["B-organization", "I-organization", "B-PER", "O"],
        ),
        (2, [], ["O", "O"]),
    ],
)
def test_bio_keeps_every_type(n: int, gold: list[tuple[int, int, str]], tags: list[str]) -> None:
    assert ner_crf.bio(n, gold) == tags


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["O", "B-ADDR", "I-ADDR", "O"], [(1, 3, "ADDR")]),
        (["B-PER", "I-PER", "B-PER"], [(0, 2, "PER"), (2, 3, "PER")]),
        (["I-ADDR", "O", "B-scene", "I-scene"], [(0, 1, "ADDR"), (2, 4, "scene")]),
        (["B-ADDR", "I-PER"], [(0, 1, "ADDR"), (1, 2, "PER")]),
        ([], []),
    ],
)
def test_spans_of_a_bio_path(tags: list[str], spans: list[tuple[int, int, str]]) -> None:
    assert ner_crf.spans(tags) == spans


def test_a_crf_learns_names_and_places_and_leaves_organisations_out() -> None:
    places = ["杭州", "苏州", "扬州", "温州", "福州", "台州", "常州", "泉州", "惠州", "柳州"]
    people = ["王明", "李华", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄丽", "周杰", "吴敏"]
    readings, golds = [], []
    for k in range(60):
        person, place = people[k % 10], places[(k * 3) % 10]
        if k % 2:
            text = f"{person}住在{place}市。"
            gold = [(0, 2, "PER"), (4, 7, "ADDR")]
        else:  # the same place inside an organisation's name is no address
            text = f"{person}就读{place}大学。"
            gold = [(0, 2, "PER"), (4, 8, "organization")]
        readings.append(Line(text))
        golds.append(gold)
    names: frozenset[str] = frozenset()
    crf = ner_crf.fit(readings, golds, names, max_iterations=50)
    got = ner_crf.read(crf, [Line("孙丽住在杭州市。"), Line("孙丽就读杭州大学。"), Line("")], names)
    (probs, spans), (_probs, org_spans), (empty, none) = got
    assert spans == [(0, 2, "PER"), (4, 7, "ADDR")]
    assert org_spans == [(0, 2, "PER")]  # the organisation is read, then left out
    assert probs.shape == (8, len(TAGS)) and empty.shape == (0, len(TAGS)) and none == []
    assert probs.sum(axis=1) == pytest.approx(1.0, abs=1e-6)
    assert probs[4, TAGS.index("B-ADDR")] > 0.5
    full, oof = ner_crf.fit_and_cross_fit(readings, golds, names, folds=3, workers=2)
    assert ner_crf.read(full, [Line("孙丽住在杭州市。")], names)[0][1] == spans
    shapes = [p.shape for p, _s in oof]
    assert shapes == [(len(r.text), len(TAGS)) for r in readings]


def _marginals(rows: list[tuple[float, float]]) -> np.ndarray:
    """(n, 5) marginals from (P(B-ADDR), P(I-ADDR)) per character, the rest O."""
    probs = np.zeros((len(rows), len(TAGS)))
    for i, (b, inside) in enumerate(rows):
        probs[i] = [1.0 - b - inside, b, inside, 0.0, 0.0]
    return probs


@pytest.mark.parametrize(
    ("rows", "path", "cut", "expected"),
    [
        # no cut: the Viterbi spans of the asked labels only.
        ([(0, 0), (1, 0), (0, 1)], [(1, 3, "ADDR"), (0, 1, "PER")], None, [(1, 3, "ADDR")]),
        # a doubtful last character: the shorter reading is proposed too (not 1-2: the
        # character after it is surely inside).
        (
            [(0, 0), (1, 0), (0, 1), (0, 0.45)],
            [(1, 4, "ADDR")],
            0.3,
            [(1, 4, "ADDR"), (1, 3, "ADDR")],
        ),
        # the committed cut when none is given (0.3: the shorter reading too).
        (
            [(0, 0), (1, 0), (0, 1), (0, 0.45)],
            [(1, 4, "ADDR")],
            "default",
            [(1, 4, "ADDR"), (1, 3, "ADDR")],
        ),
        # a start the path missed, confident enough (not 0-1: 1 is surely inside).
        ([(0.6, 0), (0, 0.9), (0, 0)], [], 0.5, [(0, 2, "ADDR")]),
        # below the cut: nothing beyond the path.
        ([(0.1, 0), (0, 0.1), (0, 0)], [], 0.5, []),
    ],
)
def test_proposals_add_probable_spans_off_the_viterbi_path(
    rows: list[tuple[float, float]],
    path: list[tuple[int, int, str]],
    cut: Any,
    expected: list[tuple[int, int, str]],
) -> None:
    assert ner_crf.proposals((_marginals(rows), path), ("ADDR",), cut) == expected


def test_a_crf_with_the_lexicon_keeps_it_and_reads_with_it() -> None:
    places = ["杭州", "苏州", "扬州", "温州", "福州"]
    readings = [Line(f"他住在{p}市。") for p in places * 4]
    golds = [[(3, 6, "ADDR")] for _ in readings]
    crf = ner_crf.fit(readings, golds, frozenset(), max_iterations=30, use_lexicon=True)
    assert crf.lexicon is not None and crf.lexicon.gold["杭州市"] == {"ADDR": 4}
    assert ner_crf.fit(readings, golds, frozenset(), 0.05, 0.01, 5, False).lexicon is None
    feats = ner_crf.char_features(Line("飞往杭州市"), frozenset(), crf.lexicon)
    assert "x:B|ADDR" in feats[2] and "x:E|ADDR" in feats[4]
    assert ner_crf.read(crf, [Line("她住在温州市。")], frozenset())[0][1] == [(3, 6, "ADDR")]
