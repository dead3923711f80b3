"""Character vectors from public text (pipeline/training/char_vectors.py): what they are
built from, that they place characters used alike near each other, the shipped file and
the clusters the ensemble's stacker reads."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np

from pipeline.training import char_vectors
from pipeline.training.ner_corpus import held_out
from tests.conftest import SHARED, need


def _corpus() -> list[str]:
    """Places named the same way with 镇 or 乡, people's names before 说: a toy text."""
    towns, counties = "甲乙丙丁戊", "子丑寅卯辰"
    out = []
    for (t, c), unit in itertools.product(itertools.product(towns, counties), "镇乡"):
        out += [f"他住在{t}{unit}{c}村里", f"我们去{t}{unit}{c}村看看", f"老{t}说{c}好"]
    return out


def test_build_places_characters_used_alike_near_each_other() -> None:
    chars, vecs = char_vectors.build(_corpus(), dim=8, min_count=2)
    assert vecs.shape == (len(chars), 8)
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    v = {c: vecs[chars.index(c)] for c in chars}
    assert v["镇"] @ v["乡"] > v["镇"] @ v["说"]
    assert v["甲"] @ v["乙"] > v["甲"] @ v["镇"]


def test_build_leaves_out_rare_characters() -> None:
    chars, _vecs = char_vectors.build([*_corpus(), "独一无二"], dim=4, min_count=2)
    assert "独" not in chars and "镇" in chars


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    chars, vecs = char_vectors.build(_corpus(), dim=4, min_count=2)
    path = tmp_path / "v.npz"
    char_vectors.save(path, chars, vecs)
    table = char_vectors.load(path)
    assert list(table) == chars
    np.testing.assert_allclose(table["镇"], vecs[chars.index("镇")], atol=1e-3)
    assert char_vectors.load(tmp_path / "none.npz") == {}


def test_corpus_reads_every_source_but_the_held_out_tenth() -> None:
    data = need(SHARED / "data" / "cluener2020").parent
    sources: set[str] = set()
    for source, line in char_vectors.corpus_lines(data):
        sources.add(source)
        assert line.strip()
        if source == "cluener":
            assert not held_out(line)
    assert {"cluener", "resume", "weibo", "address_parsing", "cail2021", "pbc"} <= sources


def test_shipped_vectors_place_units_and_surnames() -> None:
    table = char_vectors.load()
    assert len(table) > 3000, "run the build in models/char_vectors/MODEL_CARD.md"
    assert table["镇"] @ table["乡"] > table["镇"] @ table["说"]
    assert table["张"] @ table["李"] > table["张"] @ table["镇"]
