"""The clause classifier (``models/clauses``) applied sentence by sentence.

It works beside the lexicon rules in :mod:`pipeline.detect.clauses`: a rule finding the
model agrees with gets a higher score and the model's reason; a sentence no rule caught
is flagged only when the model is confident (``clause.alone`` in lexicons/thresholds.txt). The reason names
the character n-grams of the sentence that weighed most for the label, so a clerk sees
why ("依据：投标报价、费率、每吨"). The probabilities come from
:mod:`pipeline.classify.fast_linear`: the same floats as ``predict_proba``, without
scikit-learn's per-call input validation.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.config import MODELS_DIR

if TYPE_CHECKING:
    from pipeline.classify.fast_linear import ClauseModel
    from pipeline.classify.model_file import ModelFile


MODEL_PATH = MODELS_DIR / "clauses" / "model.joblib"
DIGIT = re.compile(r"\d")


def normalise(text: str) -> str:
    """NFKC (full-width → ASCII) and every digit → 0: amounts differ, shapes repeat."""
    return DIGIT.sub("0", unicodedata.normalize("NFKC", text))


@dataclass(frozen=True)
class ClauseVerdict:
    label: str  # NONE, TRADE_SECRET, INTERNAL or STATE_SECRET
    probability: float
    cues: tuple[str, ...]  # the sentence's n-grams that weighed most for the label


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> ModelFile | None:
    """The trained pipeline, or None when the model file is absent (rules only). Scanning
    uses its compiled form (``.fast``, cached: no scikit-learn import); the estimator
    loads on first use."""
    if not path.is_file():
        return None
    from pipeline.classify.fast_linear import compile_clause_model
    from pipeline.classify.model_file import ModelFile

    return ModelFile(path, compile_clause_model)


def compiled(model: Any) -> ClauseModel | None:
    """The model's compiled form for :mod:`pipeline.classify.fast_linear`, or None."""
    from pipeline.classify.fast_linear import compile_clause_model
    from pipeline.classify.model_file import compiled

    return compiled(model, compile_clause_model)


def classify(sentences: list[str], model: Any | None = None) -> list[ClauseVerdict]:
    """One verdict per sentence (empty when no model is available)."""
    model = model if model is not None else load_model()
    if model is None or not sentences:
        return []
    fast = compiled(model)
    if fast is not None:
        features = fast.features(sentences)
        probabilities = fast.predict_proba(features)
        classes, coef = list(fast.classes), fast.linear.coef_t.T
    else:
        tfidf, clf = model.named_steps["tfidf"], model.named_steps["clf"]
        features = tfidf.transform(sentences)
        probabilities = clf.predict_proba(features)
        classes, coef = list(clf.classes_), clf.coef_
    verdicts = []
    for row, probs in enumerate(probabilities):
        best = int(probs.argmax())
        label = classes[best]
        cues: tuple[str, ...] = ()
        if label != "NONE":
            vector = features.getrow(row)
            weights = coef[best]
            vocabulary = (
                fast.feature_names
                if fast is not None
                else _inverse_vocabulary(model.named_steps["tfidf"])
            )
            ranked = sorted(
                zip(vector.indices, vector.data, strict=True),
                key=lambda item: -item[1] * weights[item[0]],
            )
            cues = _distinct(vocabulary[i] for i, value in ranked if value * weights[i] > 0)
        verdicts.append(ClauseVerdict(str(label), float(probs[best]), cues))
    return verdicts


CUE = re.compile(r"[\u4e00-\u9fff]{2,3}")
# Fragments of company names and filler: true of the sentence, but no reason to a clerk.
NOT_A_CUE = re.compile(r"公司|有限|限公|股份|集团|该公|司的|目前|其中|放于|为每|分别")


def _distinct(ngrams: Any, limit: int = 4) -> tuple[str, ...]:
    """Readable cues: Chinese n-grams only, none inside another one already chosen."""
    chosen: list[str] = []
    for gram in ngrams:
        if not CUE.fullmatch(gram) or NOT_A_CUE.search(gram):
            continue
        if any(gram in c or c in gram for c in chosen):
            continue
        chosen.append(gram)
        if len(chosen) == limit:
            break
    return tuple(chosen)


@lru_cache(maxsize=2)
def _inverse_vocabulary(tfidf: Any) -> list[str]:
    """Feature index → n-gram (estimators hash by identity, so one entry per model)."""
    return list(tfidf.get_feature_names_out())
