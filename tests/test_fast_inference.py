"""The fast inference path gives scikit-learn's probabilities: the compiled attribute and
clause models against ``predict_proba`` of the estimators they came from, on the devset,
the samples and generated drafts; unsupported shapes fall back; the compiled-model cache."""

from __future__ import annotations

import pickle
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from pipeline.classify import attribute_model, model_file
from pipeline.classify.fast_linear import compile_attribute_model, compile_clause_model
from pipeline.config import Settings
from pipeline.detect import clause_model, detect
from pipeline.detect.clauses import sentences
from pipeline.ingest import ingest_file
from pipeline.metadata import extract_metadata
from pipeline.training.documents import generate
from tests.conftest import DEVSET, SAMPLES

TOLERANCE = 1e-9  # in practice the same floats: the same operations in the same order


def _texts() -> Iterator[str]:
    """Our texts: the devset (txt, docx, pdf) when ../shared is there, the samples, and
    generated drafts of every kind."""
    paths = [*sorted(SAMPLES.glob("*"))]
    for folder in ("texts", "docs", "pdf"):
        paths += sorted((DEVSET / folder).glob("*"))
    for path in paths:
        document, _data, _error = ingest_file(path, Settings())
        if document is not None:
            yield document.text
    for draft in generate(60, seed=11):
        yield draft.text


TEXTS = list(_texts())


@pytest.fixture(scope="module")
def attribute_estimator() -> Any:
    model = attribute_model.load_model()
    assert model is not None, "models/attribute/model.joblib is missing"
    return model.estimator


@pytest.fixture(scope="module")
def clause_estimator() -> Any:
    model = clause_model.load_model()
    assert model is not None, "models/clauses/model.joblib is missing"
    return model.estimator


def test_the_corpus_is_not_trivial() -> None:
    assert len(TEXTS) >= 60 + len(list(SAMPLES.glob("*"))) - 3


def test_attribute_probabilities_equal_predict_proba(attribute_estimator: Any) -> None:
    fast = compile_attribute_model(attribute_estimator)
    assert fast is not None
    assert list(fast.classes) == list(attribute_estimator.classes_)
    for text in TEXTS:
        metadata = extract_metadata(text)
        row = {
            "text": attribute_model.head_text(text, metadata),
            "features": attribute_model.features(text, metadata, detect(text)),
        }
        expected = attribute_estimator.predict_proba([row])[0]
        got = fast.predict_proba(row)
        assert got is not None
        assert np.abs(got - expected).max() <= TOLERANCE, text[:60]


def test_clause_probabilities_equal_predict_proba(clause_estimator: Any) -> None:
    fast = compile_clause_model(clause_estimator)
    assert fast is not None
    tfidf, clf = clause_estimator.named_steps["tfidf"], clause_estimator.named_steps["clf"]
    for text in TEXTS:
        batch = [text[start:end] for start, end in sentences(text)] or [text]
        expected_x, got_x = tfidf.transform(batch), fast.features(batch)
        assert (expected_x != got_x).nnz == 0
        assert np.array_equal(expected_x.indices, got_x.indices)
        expected = clf.predict_proba(expected_x)
        assert np.abs(fast.predict_proba(got_x) - expected).max() <= TOLERANCE, text[:60]
    assert fast.feature_names == list(tfidf.get_feature_names_out())


@pytest.mark.parametrize(
    "doc",
    [
        "",
        "a",
        "ab",
        "  \t\n  ",
        "Ａ Ｂ\u3000C  d\n\ne",  # full width, ideographic space, runs of white space
        "费率４.２％，每吨３６８０元",
        "😀表情🀄与\U00020000扩展字",  # beyond the BMP
        "x" * 5,
    ],
)
def test_ngram_counts_equal_the_analyzer(clause_estimator: Any, doc: str) -> None:
    for vectorizer in (
        clause_estimator.named_steps["tfidf"],
        TfidfVectorizer(analyzer="char", ngram_range=(2, 3)).fit(["abc", doc + "z"]),
    ):
        model = compile_clause_model(
            Pipeline(
                [("tfidf", vectorizer), ("clf", _fitted_regression(len(vectorizer.vocabulary_)))]
            )
        )
        assert model is not None
        counts, columns, indptr = model.tfidf.counts([doc, doc + doc])
        for row, text in enumerate([doc, doc + doc]):
            grams = Counter(vectorizer.build_analyzer()(text))
            want = sorted(
                (vectorizer.vocabulary_[g], c)
                for g, c in grams.items()
                if g in vectorizer.vocabulary_
            )
            a, b = indptr[row], indptr[row + 1]
            assert list(zip(columns[a:b].tolist(), counts[a:b].tolist(), strict=True)) == want


def _fitted_regression(n_features: int) -> LogisticRegression:
    rng = np.random.default_rng(0)
    return LogisticRegression().fit(rng.random((9, n_features)), [0, 1, 2] * 3)


def test_unsupported_shapes_are_not_compiled(clause_estimator: Any) -> None:
    tfidf = clause_estimator.named_steps["tfidf"]
    binary = LogisticRegression().fit(np.eye(4)[:, :2], [0, 1, 0, 1])
    word = TfidfVectorizer().fit(["ab bc", "bc cd"])
    assert compile_clause_model(Pipeline([("tfidf", tfidf), ("clf", binary)])) is None
    assert compile_clause_model(Pipeline([("tfidf", word), ("clf", binary)])) is None
    assert compile_clause_model(object()) is None
    assert compile_attribute_model(clause_estimator) is None


def test_a_row_the_fast_path_cannot_take_falls_back(attribute_estimator: Any) -> None:
    fast = compile_attribute_model(attribute_estimator)
    assert fast is not None
    row = {"text": "通知", "features": {"addressees": [1, 2]}}  # an iterable value
    assert fast.predict_proba(row) is None


def test_scanning_probabilities_are_the_estimators(attribute_estimator: Any) -> None:
    text = TEXTS[0]
    metadata = extract_metadata(text)
    findings = detect(text)
    fast = attribute_model.probabilities(text, metadata, findings)
    slow = attribute_model.probabilities(
        text, metadata, findings, model=_Opaque(attribute_estimator)
    )
    assert fast is not None and slow is not None and fast.keys() == slow.keys()
    assert all(abs(fast[k] - slow[k]) <= TOLERANCE for k in fast)


class _Opaque:
    """An estimator fast_linear does not recognise: probabilities() uses predict_proba."""

    def __init__(self, estimator: Any) -> None:
        self.classes_ = estimator.classes_
        self.predict_proba = estimator.predict_proba


def test_model_file_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRIAGE_CACHE_DIR", str(tmp_path / "cache"))
    path = clause_model.MODEL_PATH
    first = model_file.ModelFile(path, compile_clause_model).fast
    (cached,) = (tmp_path / "cache").glob("clauses-model-*.pickle")
    second = model_file.ModelFile(path, _must_not_compile)
    assert second.fast is not None and "estimator" not in vars(second)  # read, not compiled
    assert second.fast.feature_names == first.feature_names
    stale = cached.with_name("clauses-model-0123.pickle")
    stale.write_bytes(b"not a pickle")
    cached.unlink()
    third = model_file.ModelFile(path, compile_clause_model)
    assert third.fast is not None and not stale.exists()  # the older version is dropped
    assert pickle.loads(cached.read_bytes()).classes.tolist() == list(third.classes_)


def _must_not_compile(_model: Any) -> None:
    raise AssertionError("compiled although the cache holds the model")


def test_models_outside_models_dir_are_not_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRIAGE_CACHE_DIR", str(tmp_path / "cache"))
    copy = tmp_path / "model.joblib"
    copy.write_bytes(clause_model.MODEL_PATH.read_bytes())
    assert model_file.ModelFile(copy, compile_clause_model).fast is not None
    assert not (tmp_path / "cache").exists()
