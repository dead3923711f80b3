"""The NER model: loaded offline from models/ner, optional, and trainable end to end."""

from __future__ import annotations

from pathlib import Path

from pipeline.nlp import MODEL_DIR, entities, load_ner
from pipeline.training import char_vectors
from pipeline.training.ner import CLUENER_BASELINES, train
from pipeline.training.ner_corpus import _spans_from_tags, generated, held_out
from tests.conftest import SHARED, need


def test_committed_model_tags_names_and_addresses() -> None:
    assert load_ner() is not None, f"{MODEL_DIR} holds no trained model"
    (ents,) = entities(["申请人陈嘉豪，住广东省韶关市曲江区马坝镇人民路12号。"])
    labels = {label for _s, _e, label in ents}
    assert "PER" in labels and "ADDR" in labels


def test_without_a_model_there_are_no_entities(tmp_path: Path) -> None:
    assert load_ner(tmp_path) is None
    assert entities(["张伟"], nlp=None) in ([[]], [[(0, 2, "PER")]])  # committed model or none


def test_bmes_and_bio_tags_become_spans() -> None:
    assert _spans_from_tags(["B-NAME", "M-NAME", "E-NAME", "O", "S-NAME"], {"NAME": "PER"}) == [
        (0, 3, "PER"),
        (4, 5, "PER"),
    ]
    assert _spans_from_tags(["B-PER.NAM", "I-PER.NAM", "O", "B-LOC.NAM"], {"PER.NAM": "PER"}) == [
        (0, 2, "PER")
    ]


def test_held_out_split_is_fixed() -> None:
    assert held_out("浙商银行企业信贷部叶老桂博士") == held_out("浙商银行企业信贷部叶老桂博士")
    assert sum(held_out(f"句子{i}") for i in range(2000)) in range(150, 250)


def test_generated_sentences_mark_names_and_addresses() -> None:
    for text, spans in generated(50):
        for start, end, label in spans:
            assert label in ("PER", "ADDR") and 0 <= start < end <= len(text)


def test_training_writes_model_and_card(tmp_path: Path) -> None:
    data = need(SHARED / "data" / "cluener2020").parent
    metrics = train(data, tmp_path, epochs=1, limit=60, log=lambda _line: None)
    card = (tmp_path / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "cluener_heldout" in metrics["scores"] and "resume_test" in metrics["scores"]
    assert all(model in card for model in CLUENER_BASELINES)
    assert load_ner.__wrapped__(tmp_path) is not None


def test_training_with_static_vectors_keeps_them_in_the_model(tmp_path: Path) -> None:
    data = need(SHARED / "data" / "cluener2020").parent
    chars, vecs = char_vectors.build(["他住在杭州市西湖区", "她住在苏州市姑苏区"] * 3, dim=4)
    char_vectors.save(tmp_path / "v.npz", chars, vecs)
    out = tmp_path / "model"
    metrics = train(
        data, out, epochs=1, limit=30, log=lambda _line: None, vectors=tmp_path / "v.npz"
    )
    assert metrics["vectors"] == len(chars)
    nlp = load_ner.__wrapped__(out)
    assert nlp is not None and nlp.vocab.has_vector("市")
    assert nlp.get_pipe_config("ner")["model"]["tok2vec"]["pretrained_vectors"] is True
    card = (out / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "--vectors models/char_vectors/vectors.npz" in card and "static vectors" in card
