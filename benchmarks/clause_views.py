"""Does a second view of the sentence make the clause model generalise? (issue 19, tenth pass)

    .venv/bin/python benchmarks/clause_views.py [--views char,words,vectors] [--data ../shared/data]

The clause model (``pipeline/training/clauses.py``) reads a sentence as character 1–3-grams.
Each other view is stacked beside them in a ``FeatureUnion``: ``words`` — jieba words and
pairs of neighbouring words (TF-IDF); ``unigrams`` — jieba words alone; ``vectors`` — the
mean of the committed character vectors (``models/char_vectors``) over the sentence.
Every view is scored the way the model card scores the model: the families held out by
fold (``family_held_out``: each fold predicted by a model that never saw its families) and
each pass's families held out together (a model of every family before them). A view is
worth keeping when INTERNAL and STATE_SECRET F1 rise on the folds without losing NONE
precision (false alarms on published text). Generated data only: no devset is read.
About three minutes a view on one core.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pipeline.training.clauses as clauses  # noqa: E402
from pipeline.detect.clause_model import normalise  # noqa: E402
from pipeline.training.clause_corpus import generated, public_sentences  # noqa: E402


def _jieba() -> Any:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


def words(text: str) -> list[str]:
    """jieba words of the normalised sentence and pairs of neighbouring words."""
    tokens = [t for t in _jieba().lcut(normalise(text)) if not t.isspace()]
    return tokens + [f"{a} {b}" for a, b in pairwise(tokens)]


def unigrams(text: str) -> list[str]:
    return [t for t in _jieba().lcut(normalise(text)) if not t.isspace()]


@lru_cache(maxsize=1)
def _vectors() -> dict[str, Any]:
    from pipeline.training.char_vectors import load

    return load()


def mean_vectors(texts: Any) -> Any:
    """Each sentence as the unit-length mean of its characters' vectors."""
    import numpy as np

    table = _vectors()
    width = len(next(iter(table.values()))) if table else 0
    out = np.zeros((len(texts), width))
    for row, text in enumerate(texts):
        found = [table[c] for c in normalise(text) if c in table]
        if found:
            mean = np.mean(np.asarray(found, dtype=np.float64), axis=0)
            norm = np.linalg.norm(mean)
            out[row] = mean / norm if norm else mean
    return out


def builder(view: str) -> Callable[[], Any]:
    """A ``build_pipeline`` for ``view``: characters alone, or characters and the view."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.preprocessing import FunctionTransformer

    def build() -> Any:
        chars = clauses.char_vectorizer()
        if view == "char":
            features: Any = chars
        else:
            other: Any
            if view == "vectors":
                other = FunctionTransformer(mean_vectors)
            else:
                analyzer = words if view == "words" else unigrams
                other = TfidfVectorizer(
                    analyzer=analyzer, min_df=2, sublinear_tf=True, max_features=40000
                )
            features = FeatureUnion([("tfidf", chars), (view, other)])
        clf = LogisticRegression(C=8.0, class_weight="balanced", max_iter=3000)
        return Pipeline([("features", features), ("clf", clf)])

    return build


def _line(name: str, scores: dict[str, dict[str, float]]) -> str:
    cells = "  ".join(
        f"{label[:5]:5} P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}"
        for label, s in scores.items()
        if s["support"]
    )
    return f"  {name:22} {cells}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--views", default="char,words,vectors")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    # The data of `triage train clauses` (the same seeds as the model card).
    base = generated(1500, seed=args.seed)
    if (args.data / "peoples_daily_ner").is_dir():
        base += public_sentences(args.data)
    for view in args.views.split(","):
        clauses.build_pipeline = builder(view)
        result = clauses.family_held_out(base, 150, args.seed + 7)
        print(f"view: {view}")
        print(_line(f"{result['families']} families, folds", result["scores"]))
        for key in ("new_families", "seventh_families", "ninth_families", "tenth_families"):
            print(_line(key.replace("_families", " pass together"), result[key]["scores"]))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
