"""A linear-chain CRF over characters for the CLUENER candidate ensemble: one more voter.

The character tagger (``ner_tagger``) decides each character alone; a CRF decides the
sentence's tags jointly (an I follows its B, a name does not run into an address), from
the same explicit features and a few more: the character trigram, the LAC word itself,
what kind of unit a character is (省/市/区 … 路/街/号 … 楼/室), digits and latin letters.
It learns all ten CLUENER types, not only names and addresses: 北京大学 is an
organisation, 香港国际电影节 a scene, so their characters are not an address's. The other
types are context only and are collapsed to O when read (``marginals``, ``spans``).

python-crfsuite (MIT; CRFsuite and liblbfgs inside, BSD/MIT) trains it by L-BFGS with L1
(``c1``) and L2 (``c2``) penalties; the model lives in memory as the bytes crfsuite wrote.
Like the tagger it is cross-fitted (``fit_and_cross_fit``) so that the stacker learns from its
out-of-fold word on its own training sentences.

Sixth round (issue 19: can a better CRF lift the ensemble's addresses?), on the dev third
(crc32 % 10 == 1, fitted on the rest of train without the held-out tenth), CRF alone,
address F1 against 0.552 (PER 0.798): 300 L-BFGS iterations 0.544, 60 0.543; c2 0.1
0.528, 0.001 0.545; c1 0.02 0.515; a window of three either side with the skip bigram
and side trigrams 0.550; k-means classes (32/128/512) of ``models/char_vectors`` one
either side 0.517; the lexicon of CLUENER's gold strings (``ner_lexicon``) 0.550 (PER
0.813; in the ensemble PER 0.821 -> 0.834, ADDR 0.586 -> 0.584). None moves addresses
beyond the dev third's noise (307 gold), so the settings above stay and the lexicon is
off (``USE_LEXICON``). Of the ensemble's dev address errors (lexicon run) 27 of 236 are
boundaries; the rest are whether CLUENER tags a place at all (117 kept spans with no
gold overlap, 92 gold missed), which no character feature here decides. 41 of the 307
gold addresses were no candidate at all, so the CRF now also proposes spans off its
Viterbi path whose probability reaches ``PROPOSAL_CUT`` (``proposals``): dev ADDR F1
0.586 -> 0.594, PER 0.821 -> 0.820, in the noise but the best of the cuts tried.
On the held-out tenth, run once after these choices (benchmarks/ner.py, 2026-12-06):
ensemble PER 0.844 -> 0.847, ADDR 0.579 -> 0.598 (P 0.546 R 0.660); the CRF alone
unchanged (0.825 / 0.589): issue 19's 0.60 not quite reached.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from pipeline.training import ner_lexicon, ner_tagger
from pipeline.training.ner_lexicon import Lexicon
from pipeline.training.ner_tagger import TAGS, Readable, Span

# Chosen on the dev third of the CLUENER stacker part (benchmarks/ner_ensemble.py: with
# c1 0.2 the CRF alone reads addresses as well, 0.540 against 0.536, and names worse).
C1 = 0.05
C2 = 0.01
MAX_ITERATIONS = 100
# Whether the CRF reads the lexicon of CLUENER's gold strings (``ner_lexicon``).
USE_LEXICON = False
# Administrative, road and building units: where an address's parts end.
UNIT_CLASSES = {
    "div": "省市区县州盟旗",
    "town": "镇乡村屯寨庄组",
    "road": "路街道巷弄胡同里大",
    "door": "号栋幢座单元楼层室户院",
    "place": "城岛湖山河江湾港站口桥园苑场馆府",
    "dir": "东南西北中内外侧旁边",
}
_UNIT = {ch: name for name, chars in UNIT_CLASSES.items() for ch in chars}
# The labels LAC words can carry as themselves: short words only (long ones are rare).
MAX_WORD = 6


@dataclass(frozen=True, slots=True)
class Crf:
    """A trained CRF: the model file's bytes (crfsuite opens them in memory) and the
    lexicon of its training sentences' gold strings (None: read without one)."""

    model: bytes
    lexicon: Lexicon | None = None


def _kind(ch: str) -> str:
    if ch.isdigit():
        return "digit"
    if ch.isascii() and ch.isalpha():
        return "latin"
    return _UNIT.get(ch, "-")


def char_features(
    r: Readable,
    names: frozenset[str],
    lexicon: Lexicon | None = None,
    own: Sequence[Span] | None = None,
) -> list[list[str]]:
    """Every character's feature names: the tagger's (window, bigrams, LAC and jieba word
    marks, division and grammar matches) and the CRF's own (trigram, LAC word, unit
    classes of the character and its neighbours; with a ``lexicon`` its marks, ``own``
    the sentence's gold spans when it is one the lexicon was built from)."""
    text, n = r.text, len(r.text)
    pad = "^^" + text + "$$"
    base = ner_tagger.char_features(r, names)
    word_of = [""] * n
    for a, b, _tag in r.lac:
        if b - a <= MAX_WORD:
            for i in range(max(0, a), min(b, n)):
                word_of[i] = text[a:b]
    lex = ner_lexicon.marks(text, lexicon, own) if lexicon is not None else [[]] * n
    out = []
    for i in range(n):
        j = i + 2
        kinds = [_kind(pad[k]) for k in (j - 1, j, j + 1)]
        extra = [
            f"t:{pad[j - 1 : j + 2]}",
            f"k0:{kinds[1]}",
            f"k-1:{kinds[0]}",
            f"k+1:{kinds[2]}",
            f"kk:{kinds[1]}|{kinds[2]}",
        ]
        if word_of[i]:
            extra.append(f"word:{word_of[i]}")
        out.append(base[i] + extra + lex[i])
    return out


def bio(n: int, gold: Sequence[Span]) -> list[str]:
    """BIO tags of every character (any label: the other CLUENER types are context)."""
    tags = ["O"] * n
    for a, b, label in gold:
        for i in range(max(0, a), min(b, n)):
            tags[i] = ("B-" if i == a else "I-") + label
    return tags


def fit(
    readings: Sequence[Readable],
    golds: Sequence[Sequence[Span]],
    names: frozenset[str],
    c1: float = C1,
    c2: float = C2,
    max_iterations: int = MAX_ITERATIONS,
    use_lexicon: bool | None = None,
) -> Crf:
    """A CRF over every character of the sentences (empty sentences are skipped), with
    the lexicon of their gold strings unless ``use_lexicon`` is False (default
    ``USE_LEXICON``)."""
    lexicon = None
    if USE_LEXICON if use_lexicon is None else use_lexicon:
        lexicon = ner_lexicon.build([r.text for r in readings], golds)
    rows = (
        (char_features(r, names, lexicon, gold), bio(len(r.text), gold))
        for r, gold in zip(readings, golds, strict=True)
        if r.text
    )
    return Crf(trained_model(rows, c1, c2, max_iterations), lexicon)


def trained_model(
    rows: Iterable[tuple[list[list[str]], list[str]]],
    c1: float = C1,
    c2: float = C2,
    max_iterations: int = MAX_ITERATIONS,
) -> bytes:
    """The model crfsuite writes for (features per character, tag per character) rows,
    as bytes: crfsuite trains only to a file, which is removed once read."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for features, tags in rows:
        trainer.append(features, tags)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations})
    handle, path = tempfile.mkstemp(suffix=".crfsuite")
    os.close(handle)
    try:
        trainer.train(path)
        with open(path, "rb") as stream:
            return stream.read()
    finally:
        os.unlink(path)


def read(
    crf: Crf, readings: Sequence[Readable], names: frozenset[str]
) -> list[tuple[np.ndarray, list[Span]]]:
    """Per sentence: an (n, 5) array of marginal tag probabilities in the tagger's TAGS
    order (the other types' mass is O), and the Viterbi path's PER and ADDR spans."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(crf.model)
    known = set(tagger.labels())
    out: list[tuple[np.ndarray, list[Span]]] = []
    for r in readings:
        n = len(r.text)
        probs = np.zeros((n, len(TAGS)))
        if not n:
            out.append((probs, []))
            continue
        path = tagger.tag(char_features(r, names, crf.lexicon))
        for k, tag in enumerate(TAGS[1:], start=1):
            if tag in known:
                probs[:, k] = [tagger.marginal(tag, i) for i in range(n)]
        probs[:, 0] = np.clip(1.0 - probs[:, 1:].sum(axis=1), 0.0, 1.0)
        out.append((probs, [s for s in spans(path) if s[2] in ("PER", "ADDR")]))
    tagger.close()
    return out


def spans(tags: Sequence[str]) -> list[Span]:
    """Spans of a BIO path (an I without its B starts a span)."""
    out: list[Span] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if start >= 0 and tag != "I-" + label:
            out.append((start, i, label))
            start = -1
        if tag != "O" and start < 0:
            start, label = i, tag[2:]
    return out


def _fit_job(job: tuple[list[Readable], list[Sequence[Span]], frozenset[str], float, float]) -> Crf:
    readings, golds, names, c1, c2 = job
    return fit(readings, golds, names, c1, c2)


def fit_and_cross_fit(
    readings: Sequence[Readable],
    golds: Sequence[Sequence[Span]],
    names: frozenset[str],
    folds: int = 3,
    workers: int = 2,
    c1: float = C1,
    c2: float = C2,
) -> tuple[Crf, list[tuple[np.ndarray, list[Span]]]]:
    """The CRF fitted on all the sentences, and their out-of-fold readings, each fold's
    from a CRF fitted on the other folds (as the tagger's ``cross_fit``). crfsuite trains
    on one core, so the ``folds + 1`` fits run in ``workers`` processes (the same models
    as one after the other, in about half the time on two cores)."""
    from concurrent.futures import ProcessPoolExecutor

    parts = [[i for i in range(len(readings)) if i % folds == f] for f in range(folds)]
    jobs = [(list(readings), list(golds), names, c1, c2)]
    for f in range(folds):
        train = [i for i in range(len(readings)) if i % folds != f]
        jobs.append(([readings[i] for i in train], [golds[i] for i in train], names, c1, c2))
    if workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            models = list(pool.map(_fit_job, jobs))
    else:
        models = [_fit_job(job) for job in jobs]
    empty: tuple[np.ndarray, list[Span]] = (np.zeros((0, len(TAGS))), [])
    out = [empty] * len(readings)
    for crf, test in zip(models[1:], parts, strict=True):
        for i, got in zip(test, read(crf, [readings[i] for i in test], names), strict=True):
            out[i] = got
    return models[0], out


# Spans off the Viterbi path proposed too when their probability reaches this (None:
# the Viterbi spans only). Chosen on the dev third (benchmarks/ner.py --dev, the stacker
# at its 0.2 cut): ADDR F1 0.586 (None) / 0.584 (0.15) / 0.594 (0.3) / 0.586 (0.4) /
# 0.584 (0.5), PER 0.821 / 0.818 / 0.820 / 0.823 / 0.822: a gain within the dev third's
# noise (307 gold addresses), the best there.
PROPOSAL_CUT: float | None = 0.3
MAX_SPAN = 24


def proposals(
    reading: tuple[np.ndarray, Sequence[Span]],
    labels: Sequence[str],
    cut: float | Literal["default"] | None = "default",
) -> list[Span]:
    """The CRF's candidate spans of ``labels`` for the ensemble: its Viterbi spans and,
    with a ``cut`` (``PROPOSAL_CUT`` unless given; None: none), every other span whose
    probability (``ner_tagger.span_score`` over the marginals) reaches it: the
    second-best boundary of an address the Viterbi path drew too long or too short."""
    probs, path = reading
    out = [s for s in path if s[2] in labels]
    cut = PROPOSAL_CUT if cut == "default" else cut
    if cut is None:
        return out
    n = len(probs)
    for label in labels:
        bi, ii = TAGS.index("B-" + label), TAGS.index("I-" + label)
        for a in np.flatnonzero(probs[:, bi] >= cut / 2):
            for b in range(int(a) + 1, min(n, int(a) + MAX_SPAN) + 1):
                if b > a + 1 and probs[b - 1, ii] < cut / 2:
                    break
                span = (int(a), b, label)
                if span not in out and ner_tagger.span_score(probs, *span) >= cut:
                    out.append(span)
    return out
