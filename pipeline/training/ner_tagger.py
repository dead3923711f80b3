"""A character tagger for the CLUENER candidate ensemble: one more, differently made voter.

Our spaCy model and LAC read characters through learned embeddings; this tagger reads
them through explicit features the stacker's span view cannot see: each character's
window (characters and bigrams two either side), the LAC and jieba word it sits in
(tag and position in the word, the words before and after), whether it lies in a GB/T
2260 division name (longest match) and in the address grammar's span. A multinomial
logistic regression over hashed features gives each character P(B/I-ADDR, B/I-PER, O),
the poor man's CRF that scikit-learn alone allows (no crfsuite in the environment).

It is cheap (seconds to fit on CLUENER train), so it is cross-fitted: on the stacker's
training sentences it speaks out-of-fold (``cross_fit``), as it will on new sentences,
and a span's score (``span_score``: B at its start, I inside, not I after it) and the
spans it decodes become the stacker's features and candidates.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

import numpy as np

Word = tuple[int, int, str]
Span = tuple[int, int, str]
TAGS = ("O", "B-ADDR", "I-ADDR", "B-PER", "I-PER")
N_FEATURES = 2**20


class Readable(Protocol):
    """What the tagger needs of an ensemble reading (read-only, as its frozen dataclass)."""

    @property
    def text(self) -> str: ...
    @property
    def lac(self) -> tuple[Word, ...]: ...
    @property
    def jieba(self) -> tuple[Word, ...]: ...
    @property
    def grammar(self) -> tuple[tuple[int, int], ...]: ...


def _word_marks(words: Sequence[Word], n: int, prefix: str) -> list[list[str]]:
    """Per character: the tag of its word with the character's place in it (B/I/E/S), and
    the tags of the words before and after."""
    out: list[list[str]] = [[] for _ in range(n)]
    for k, (a, b, tag) in enumerate(words):
        before = words[k - 1][2] if k else "^"
        after = words[k + 1][2] if k + 1 < len(words) else "$"
        for i in range(max(0, a), min(b, n)):
            pos = "S" if b - a == 1 else "B" if i == a else "E" if i == b - 1 else "I"
            out[i] += [
                f"{prefix}{tag}:{pos}",
                f"{prefix}p:{before}|{tag}",
                f"{prefix}n:{tag}|{after}",
                f"{prefix}w:{min(b - a, 6)}{pos}",
            ]
    return out


def _span_marks(spans: Iterable[tuple[int, int]], n: int, prefix: str) -> list[str]:
    marks = ["-"] * n
    for a, b in spans:
        for i in range(max(0, a), min(b, n)):
            marks[i] = "B" if i == a else "I"
    return [f"{prefix}{m}" for m in marks]


def division_matches(text: str, names: frozenset[str]) -> list[tuple[int, int]]:
    """Longest division names (北京市, 海淀区, 海淀) left to right."""
    out, i, n = [], 0, len(text)
    while i < n:
        for k in range(min(8, n - i), 1, -1):
            if text[i : i + k] in names:
                out.append((i, i + k))
                i += k
                break
        else:
            i += 1
    return out


def char_features(r: Readable, names: frozenset[str]) -> list[list[str]]:
    """Every character's feature names. (The clusters of character vectors learned from
    public text, two either side, were tried here: dev third PER 0.838 -> 0.816, ADDR
    0.580 -> 0.562; see benchmarks/ner_ensemble.py's fourth round.)"""
    text, n = r.text, len(r.text)
    pad = "^^" + text + "$$"
    lac_marks = _word_marks(r.lac, n, "l")
    jieba_marks = _word_marks(r.jieba, n, "j")
    div = _span_marks(division_matches(text, names), n, "d")
    gram = _span_marks(r.grammar, n, "g")
    out = []
    for i in range(n):
        j = i + 2
        feats = [
            "b",
            f"c0:{pad[j]}",
            f"c-1:{pad[j - 1]}",
            f"c+1:{pad[j + 1]}",
            f"c-2:{pad[j - 2]}",
            f"c+2:{pad[j + 2]}",
            f"b-1:{pad[j - 1 : j + 1]}",
            f"b+1:{pad[j : j + 2]}",
            f"b-2:{pad[j - 2 : j]}",
            f"b+2:{pad[j + 1 : j + 3]}",
            div[i],
            gram[i],
            f"dc:{div[i]}|{pad[j]}",
            f"dn:{div[i]}|{div[i + 1] if i + 1 < n else '$'}",
            f"dp:{div[i - 1] if i else '^'}|{div[i]}",
        ]
        out.append(feats + lac_marks[i] + jieba_marks[i])
    return out


def _labels(n: int, gold: Sequence[Span]) -> list[int]:
    tags = [0] * n
    for a, b, label in gold:
        if label not in ("ADDR", "PER"):
            continue
        for i in range(max(0, a), min(b, n)):
            tags[i] = TAGS.index(("B-" if i == a else "I-") + label)
    return tags


def _hash(rows: list[list[str]]) -> Any:
    from sklearn.feature_extraction import FeatureHasher

    return FeatureHasher(N_FEATURES, input_type="string", alternate_sign=False).transform(rows)


def fit(
    readings: Sequence[Readable], golds: Sequence[Sequence[Span]], names: frozenset[str]
) -> Any:
    """A logistic regression over every character of the sentences."""
    from sklearn.linear_model import SGDClassifier

    x_rows: list[list[str]] = []
    y: list[int] = []
    for r, gold in zip(readings, golds, strict=True):
        x_rows += char_features(r, names)
        y += _labels(len(r.text), gold)
    model = SGDClassifier(loss="log_loss", alpha=2e-6, max_iter=15, tol=None, random_state=0)
    return model.fit(_hash(x_rows), np.array(y))


def probabilities(model: Any, readings: Sequence[Readable], names: frozenset[str]) -> list[Any]:
    """Per sentence an (n, 5) array of tag probabilities (columns in TAGS order)."""
    rows: list[list[str]] = []
    sizes = []
    for r in readings:
        feats = char_features(r, names)
        rows += feats
        sizes.append(len(feats))
    if not rows:
        return [np.zeros((0, len(TAGS))) for _ in readings]
    probs = np.zeros((len(rows), len(TAGS)))
    probs[:, model.classes_] = model.predict_proba(_hash(rows))
    out, pos = [], 0
    for size in sizes:
        out.append(probs[pos : pos + size])
        pos += size
    return out


def cross_fit(
    readings: Sequence[Readable],
    golds: Sequence[Sequence[Span]],
    names: frozenset[str],
    folds: int = 5,
) -> list[Any]:
    """Out-of-fold probabilities for training sentences: each fold's from a model fitted
    on the other folds, so the stacker learns how far to trust the tagger on new text."""
    out: list[Any] = [None] * len(readings)
    for f in range(folds):
        train = [i for i in range(len(readings)) if i % folds != f]
        test = [i for i in range(len(readings)) if i % folds == f]
        model = fit([readings[i] for i in train], [golds[i] for i in train], names)
        for i, p in zip(
            test, probabilities(model, [readings[i] for i in test], names), strict=True
        ):
            out[i] = p
    return out


def span_score(probs: Any, a: int, b: int, label: str) -> float:
    """Geometric mean over the span's characters (and the one after it) of the tagger's
    probability of exactly this span: B at a, I inside, not I at b."""
    bi, ii = TAGS.index("B-" + label), TAGS.index("I-" + label)
    logs = [math.log(max(probs[a, bi], 1e-9))]
    logs += [math.log(max(probs[i, ii], 1e-9)) for i in range(a + 1, b)]
    if b < len(probs):
        logs.append(math.log(max(1.0 - probs[b, ii], 1e-9)))
    return math.exp(sum(logs) / len(logs))


def decode(probs: Any) -> list[Span]:
    """Spans from the most probable tag of each character (an I after O starts a span)."""
    best = probs.argmax(axis=1) if len(probs) else []
    out: list[Span] = []
    start, label = -1, ""
    for i, t in enumerate([*best, 0]):
        tag = TAGS[t]
        if start >= 0 and tag != "I-" + label:
            out.append((start, i, label))
            start = -1
        if tag != "O" and start < 0:
            start, label = i, tag[2:]
    return out


def voter_features(probs: Any, cand: Span, sources: set[str], prefix: str) -> dict[str, int]:
    """A character voter's (tagger's, CRF's) probability of exactly this span, binned,
    alone and crossed with the sources (a span only it proposes needs more of it) and the
    length."""
    a, b, label = cand
    level = min(int(span_score(probs, a, b, label) * 10), 9)
    kind = "multi" if len(sources) > 1 else next(iter(sources))
    names = [f"{prefix}:{level}", f"{prefix}_k:{kind}|{level}"]
    names.append(f"{prefix}_len:{min(b - a, 8)}|{level}")
    return {f"{label}|{n}": 1 for n in names}
