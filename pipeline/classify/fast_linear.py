"""Exact, fast inference for the fitted linear scikit-learn models we ship.

scikit-learn validates its input on every call (parameter checks, dataframe detection,
finiteness checks, label encoding); for one document that costs ~15 ms, three quarters
of a whole scan. Our models are linear: character TF-IDF (plus a DictVectorizer) into a
logistic regression, for the attribute model wrapped in a sigmoid-calibrated
``CalibratedClassifierCV``. This module takes the fitted arrays out once and repeats
scikit-learn's arithmetic with the same numpy/scipy primitives, in the same order and on
arrays of the same shapes, so the probabilities come out as the same floats
(``tests/test_fast_inference.py`` compares them with ``predict_proba``).

``compile_attribute_model`` and ``compile_clause_model`` return None for any model shape
they do not know; callers then use ``predict_proba`` as before.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from numbers import Number
from typing import Any

import numpy as np
import scipy.sparse as sp
from scipy.special import expit

Row = tuple[list[int], list[float]]  # a sparse row: column indices (sorted) and values


# An n-gram of up to three characters as one int64: each character's code point + 1
# (at most 0x110000, 21 bits) shifted in; lengths 1, 2 and 3 fall in disjoint ranges.
CODE_BITS = 21
MAX_NGRAM = 3


@dataclass(frozen=True)
class TfidfRows:
    """A fitted ``TfidfVectorizer`` (analyzer ``char``, n-grams of at most three
    characters, ``l2`` norm) as plain data, its vocabulary as sorted n-gram codes."""

    preprocess: Callable[[str], str]
    white_spaces: Any  # the vectorizer's compiled ``\\s\\s+`` pattern
    ngram_range: tuple[int, int]
    codes: np.ndarray  # int64, sorted: the vocabulary's n-grams as codes
    columns: np.ndarray  # the column of each code
    idf: np.ndarray | None
    sublinear_tf: bool
    n_features: int

    def counts(self, docs: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The n-gram counts of ``CountVectorizer.transform(docs)`` as CSR parts (counts,
        columns, indptr), columns sorted within each row.

        The same text normalisation (the preprocessor, then runs of white space to one
        space) and the same n-grams as ``_char_ngrams``, found and counted with numpy
        over all documents at once instead of one Python string per n-gram."""
        texts = [self.white_spaces.sub(" ", self.preprocess(doc)) for doc in docs]
        points = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), np.uint32)
        chars = points.astype(np.int64) + 1
        lengths = np.array([len(text) for text in texts], dtype=np.int64)
        row_of = np.repeat(np.arange(len(texts)), lengths)
        end_of = np.repeat(np.cumsum(lengths), lengths)  # where each character's text ends
        found_codes, found_rows = [], []
        low, high = self.ngram_range
        codes = chars
        for n in range(1, high + 1):
            if n > 1:  # the code of text[i : i + n] from that of text[i : i + n - 1]
                codes = (codes[:-1] << CODE_BITS) | chars[n - 1 :]
            if n >= low:
                inside = np.arange(len(codes)) + n <= end_of[: len(codes)]
                found_codes.append(codes[inside])
                found_rows.append(row_of[: len(codes)][inside])
        every = np.concatenate(found_codes)
        at = np.minimum(np.searchsorted(self.codes, every), len(self.codes) - 1)
        known = self.codes[at] == every
        cells = np.concatenate(found_rows)[known] * self.n_features + self.columns[at[known]]
        cells, counts = np.unique(cells, return_counts=True)
        rows, columns = np.divmod(cells, self.n_features)
        indptr = np.searchsorted(rows, np.arange(len(texts) + 1))
        return counts, columns, indptr

    def rows(self, docs: Sequence[str]) -> tuple[np.ndarray, np.ndarray, list[int]]:
        """``TfidfVectorizer.transform(docs)`` as CSR parts (data, indices, indptr):
        counts → 1 + log → × idf → each row scaled to unit l2 norm."""
        counts, columns, indptr = self.counts(docs)
        data = counts.astype(np.float64)
        indices = columns.astype(np.int32)
        if self.sublinear_tf:
            np.log(data, data)
            data += 1.0
        if self.idf is not None:
            data *= self.idf[indices]
        bounds = indptr.tolist()
        _normalise_rows_l2(data, bounds)
        return data, indices, bounds

    def transform(self, docs: Sequence[str]) -> sp.csr_matrix:
        """The TF-IDF matrix of ``docs``, one row each."""
        data, indices, indptr = self.rows(docs)
        return sp.csr_matrix(
            (data, indices, np.asarray(indptr, dtype=np.int32)),
            shape=(len(docs), self.n_features),
        )

    def feature_names(self) -> list[str]:
        """Column → n-gram, as ``get_feature_names_out`` gives them."""
        names = [""] * self.n_features
        for code, column in zip(self.codes.tolist(), self.columns.tolist(), strict=True):
            names[column] = _decode(code)
        return names


def _encode(gram: str) -> int:
    """The code of an n-gram of up to :data:`MAX_NGRAM` characters (see :data:`CODE_BITS`)."""
    code = 0
    for char in gram:
        code = (code << CODE_BITS) | (ord(char) + 1)
    return code


def _decode(code: int) -> str:
    chars = []
    while code:
        chars.append(chr((code & ((1 << CODE_BITS) - 1)) - 1))
        code >>= CODE_BITS
    return "".join(reversed(chars))


def _normalise_rows_l2(data: np.ndarray, indptr: Sequence[int]) -> None:
    """``sklearn.utils.sparsefuncs_fast.inplace_csr_row_normalize_l2``: a sequential sum of
    squares per row in double precision (Python floats are IEEE doubles, so the same
    roundings), its square root, one division per value; empty rows stay as they are."""
    for start, end in pairwise(indptr):
        total = 0.0
        for value in data[start:end].tolist():
            total += value * value
        if total != 0.0:
            data[start:end] /= math.sqrt(total)


@dataclass(frozen=True)
class DictRows:
    """A fitted ``DictVectorizer`` (sparse, float64) as plain data."""

    vocabulary: Mapping[str, int]
    separator: str
    n_features: int

    def row(self, features: Mapping[str, Any]) -> Row | None:
        """``DictVectorizer.transform([features])``: string values one-hot, numbers as
        they are, unknown names dropped, columns sorted. None for what this does not
        repeat exactly (iterable values, two values for one column)."""
        found: dict[int, float] = {}
        for name, value in features.items():
            if isinstance(value, str):
                name, value = f"{name}{self.separator}{value}", 1
            elif not isinstance(value, Number):
                return None
            column = self.vocabulary.get(name)
            if column is not None:
                if column in found:
                    return None
                found[column] = float(np.float64(value))
        columns = sorted(found)
        return columns, [found[c] for c in columns]


@dataclass(frozen=True)
class Linear:
    """A logistic regression's decision function, ``X @ coef_.T + intercept_``."""

    coef_t: np.ndarray  # (n_features, n_classes), C-contiguous
    intercept: np.ndarray

    def decision(self, X: sp.csr_matrix) -> np.ndarray:
        """Same as ``safe_sparse_dot(X, coef_.T) + intercept_`` (scipy's csr × dense)."""
        return np.asarray(X @ self.coef_t) + self.intercept


def _linear(estimator: Any) -> Linear | None:
    """The decision function of a fitted multiclass ``LogisticRegression``, else None."""
    from sklearn.linear_model import LogisticRegression

    if type(estimator) is not LogisticRegression or estimator.coef_.ndim != 2:
        return None
    if len(estimator.classes_) <= 2 or estimator.coef_.dtype != np.float64:
        return None
    return Linear(np.ascontiguousarray(estimator.coef_.T), estimator.intercept_)


def _tfidf(vectorizer: Any) -> TfidfRows | None:
    """The vectorizer's fitted state, when it is a configuration :class:`TfidfRows` repeats."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    if type(vectorizer) is not TfidfVectorizer:
        return None
    low, high = vectorizer.ngram_range
    if (
        vectorizer.analyzer != "char"
        or vectorizer.input != "content"
        or vectorizer.binary
        or vectorizer.norm != "l2"
        or vectorizer.dtype not in (np.float64, "float64")
        or not 1 <= low <= high <= MAX_NGRAM
        or any(not low <= len(gram) <= high for gram in vectorizer.vocabulary_)
    ):
        return None
    if vectorizer.preprocessor is not None:
        preprocess = vectorizer.preprocessor  # ours (a module function), pickled by name
    elif vectorizer.strip_accents is None:
        preprocess = str.lower if vectorizer.lowercase else _unchanged
    else:
        preprocess = vectorizer.build_preprocessor()
    terms = sorted((_encode(gram), column) for gram, column in vectorizer.vocabulary_.items())
    idf = np.asarray(vectorizer.idf_, dtype=np.float64) if vectorizer.use_idf else None
    return TfidfRows(
        preprocess=preprocess,
        white_spaces=vectorizer._white_spaces,
        ngram_range=(low, high),
        codes=np.array([code for code, _ in terms], dtype=np.int64),
        columns=np.array([column for _, column in terms], dtype=np.int64),
        idf=idf,
        sublinear_tf=bool(vectorizer.sublinear_tf),
        n_features=len(vectorizer.vocabulary_),
    )


def _unchanged(doc: str) -> str:
    """The preprocessor of a vectorizer that neither lowercases nor strips accents."""
    return doc


@dataclass(frozen=True)
class ClauseModel:
    """``Pipeline([("tfidf", TfidfVectorizer), ("clf", LogisticRegression)])``, multiclass."""

    tfidf: TfidfRows
    linear: Linear
    classes: np.ndarray

    def features(self, sentences: Sequence[str]) -> sp.csr_matrix:
        """The TF-IDF rows, kept by the caller to name each sentence's strongest cues."""
        return self.tfidf.transform(sentences)

    def predict_proba(self, X: sp.csr_matrix) -> np.ndarray:
        """``LogisticRegression.predict_proba``: the softmax of the decision function, as
        ``sklearn.utils.extmath.softmax`` computes it in place."""
        scores = self.linear.decision(X)
        scores -= np.reshape(np.max(scores, axis=1), (-1, 1))
        np.exp(scores, out=scores)
        scores /= np.reshape(np.sum(scores, axis=1), (-1, 1))
        return scores

    @cached_property
    def feature_names(self) -> list[str]:
        return self.tfidf.feature_names()


def compile_clause_model(model: Any) -> ClauseModel | None:
    """The fast form of the clause pipeline, or None when its shape is not supported."""
    from sklearn.pipeline import Pipeline

    if type(model) is not Pipeline or [name for name, _ in model.steps] != ["tfidf", "clf"]:
        return None
    tfidf = _tfidf(model.named_steps["tfidf"])
    linear = _linear(model.named_steps["clf"])
    if tfidf is None or linear is None:
        return None
    return ClauseModel(tfidf, linear, model.named_steps["clf"].classes_)


@dataclass(frozen=True)
class SigmoidMember:
    """One of ``CalibratedClassifierCV.calibrated_classifiers_``: a regression and one
    Platt sigmoid per class, in the order of the calibrated model's classes."""

    linear: Linear
    class_index: np.ndarray  # column of each estimator class among the model's classes
    a: np.ndarray
    b: np.ndarray


@dataclass(frozen=True)
class AttributeModel:
    """``Pipeline([("features", FeatureUnion([text → tfidf, features → dict])),
    ("clf", CalibratedClassifierCV(LogisticRegression, method="sigmoid"))])``."""

    select_text: Callable[[list[Any]], list[str]]
    tfidf: TfidfRows
    select_features: Callable[[list[Any]], list[Mapping[str, Any]]]
    dict_rows: DictRows
    members: tuple[SigmoidMember, ...]
    classes: np.ndarray

    def features(self, row: Any) -> sp.csr_matrix | None:
        """The FeatureUnion's output for one row: the TF-IDF columns, then the dict's."""
        (text,) = self.select_text([row])
        (features,) = self.select_features([row])
        text_data, text_columns, _ = self.tfidf.rows([text])
        structured = self.dict_rows.row(features)
        if structured is None:
            return None
        indices, values = structured
        data = np.concatenate([text_data, np.asarray(values, dtype=np.float64)])
        columns = np.concatenate(
            [text_columns, np.asarray(indices, dtype=np.int32) + self.tfidf.n_features]
        )
        width = self.tfidf.n_features + self.dict_rows.n_features
        return sp.csr_matrix(
            (data, columns.astype(np.int32), np.array([0, len(data)], dtype=np.int32)),
            shape=(1, width),
        )

    def predict_proba(self, row: Any) -> np.ndarray | None:
        """``CalibratedClassifierCV.predict_proba([row])[0]``: each member's sigmoids of
        its decision function, normalised to sum 1, then the mean over the members.
        None when the row holds a feature value :class:`DictRows` does not handle."""
        X = self.features(row)
        if X is None:
            return None
        n_classes = len(self.classes)
        mean = np.zeros((1, n_classes))
        for member in self.members:
            scores = member.linear.decision(X)
            proba = np.zeros((1, n_classes))
            for k, column in enumerate(member.class_index):
                proba[:, column] = expit(-(member.a[k] * scores[:, k] + member.b[k]))
            denominator = np.sum(proba, axis=1)[:, np.newaxis]
            uniform = np.full_like(proba, 1 / n_classes)
            proba = np.divide(proba, denominator, out=uniform, where=denominator != 0)
            proba[(proba > 1.0) & (proba <= 1.0 + 1e-5)] = 1.0
            mean += proba
        mean /= len(self.members)
        return mean[0]


def _selector(step: Any) -> Callable[[list[Any]], Any] | None:
    """A ``FunctionTransformer`` that only picks a column out of the rows: its function."""
    from sklearn.preprocessing import FunctionTransformer

    if type(step) is not FunctionTransformer or step.validate or step.kw_args:
        return None
    return step.func if callable(step.func) else None


def _branch(branch: Any, last: type) -> tuple[Callable[[list[Any]], Any], Any] | None:
    """A ``Pipeline([("select", FunctionTransformer), (_, last)])`` of the union."""
    from sklearn.pipeline import Pipeline

    if type(branch) is not Pipeline or len(branch.steps) != 2:
        return None
    select = _selector(branch.steps[0][1])
    step = branch.steps[1][1]
    if select is None or type(step) is not last:
        return None
    return select, step


def _members(calibrated: Any) -> tuple[SigmoidMember, ...] | None:
    """The members of a sigmoid-calibrated classifier over a multiclass regression."""
    from sklearn.calibration import CalibratedClassifierCV, _SigmoidCalibration

    if type(calibrated) is not CalibratedClassifierCV or len(calibrated.classes_) <= 2:
        return None
    members = []
    for member in calibrated.calibrated_classifiers_:
        linear = _linear(member.estimator)
        if (
            member.method != "sigmoid"
            or linear is None
            or any(type(c) is not _SigmoidCalibration for c in member.calibrators)
            or len(member.calibrators) != len(member.estimator.classes_)
            or list(member.classes) != list(calibrated.classes_)
        ):
            return None
        position = {c: i for i, c in enumerate(sorted(member.classes))}
        members.append(
            SigmoidMember(
                linear=linear,
                class_index=np.array([position[c] for c in member.estimator.classes_]),
                a=np.array([c.a_ for c in member.calibrators], dtype=np.float64),
                b=np.array([c.b_ for c in member.calibrators], dtype=np.float64),
            )
        )
    return tuple(members) if members else None


def compile_attribute_model(model: Any) -> AttributeModel | None:
    """The fast form of the attribute pipeline, or None when its shape is not supported."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion, Pipeline

    if type(model) is not Pipeline or len(model.steps) != 2:
        return None
    union, calibrated = model.steps[0][1], model.steps[1][1]
    if (
        type(union) is not FeatureUnion
        or len(union.transformer_list) != 2
        or union.transformer_weights
    ):
        return None
    text = _branch(union.transformer_list[0][1], TfidfVectorizer)
    structure = _branch(union.transformer_list[1][1], DictVectorizer)
    members = _members(calibrated)
    if text is None or structure is None or members is None:
        return None
    tfidf = _tfidf(text[1])
    vectorizer = structure[1]
    if tfidf is None or not vectorizer.sparse or vectorizer.dtype not in (np.float64, float):
        return None
    dict_rows = DictRows(vectorizer.vocabulary_, vectorizer.separator, len(vectorizer.vocabulary_))
    return AttributeModel(text[0], tfidf, structure[0], dict_rows, members, calibrated.classes_)
