"""The address parser voter of the CLUENER ensemble (pipeline/training/ner_address_parse.py):
reading the public corpus's token-per-line files, learning an address's components, and
the features the stacker reads of a candidate's parse. The addresses are written here."""

from __future__ import annotations

from pathlib import Path

from pipeline.training import ner_address_parse as nap

# Token-per-line like the corpus: a blank line ends an address; digits may be one token.
CORPUS = """浙 B-prov
江 I-prov
省 I-prov
杭 B-city
州 I-city
市 I-city
文 B-road
一 I-road
路 I-road
18 B-roadno
号 I-roadno

江 B-prov
苏 I-prov
省 I-prov
南 B-city
京 I-city
市 I-city
中 B-road
山 I-road
路 I-road
7 B-roadno
号 I-roadno
张 B-person
三 I-person

"""


def _corpus(tmp_path: Path) -> Path:
    path = tmp_path / "train.txt"
    path.write_text(CORPUS * 5, encoding="utf-8")
    return path


def test_corpus_tokens_become_characters_with_bio_tags(tmp_path: Path) -> None:
    rows = list(nap.read_corpus(_corpus(tmp_path)))
    assert len(rows) == 10
    text, tags = rows[0]
    assert text == "浙江省杭州市文一路18号"
    assert tags[9:12] == ["B-roadno", "I-roadno", "I-roadno"]  # 18 is one token
    assert len(tags) == len(text)
    assert rows[1][0].endswith("7号张三") and rows[1][1][-2:] == ["B-person", "I-person"]


def test_the_parser_learns_components_and_names_them(tmp_path: Path) -> None:
    parser = nap.fit(nap.read_corpus(_corpus(tmp_path)), max_iterations=30)
    feats = nap.features(parser, "江苏省南京市中山路7号")
    assert {"ap_first:prov", "ap_last:roadno", "ap_n:4", "ap_clean:True"} <= set(feats)
    assert not any(f.startswith("ap_has:") for f in feats)
    person = nap.features(parser, "江苏省南京市中山路7号张三")
    assert "ap_has:person" in person and "ap_last:person" in person
    assert "江苏省南京市中山路7号" in parser.seen  # parsed once, kept
    assert nap.features(parser, "") == []
