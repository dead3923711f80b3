"""The candidate ensemble on CLUENER: our spaCy model + Baidu LAC + rules, stacked.

Candidates are the union of what each source proposes (spaCy PER/ADDR, LAC PER and runs
of adjacent LOC, the address grammar); a logistic regression over the judge's kind of
features (sources, shape, surname, the characters around, jieba's word boundaries and
part-of-speech flags) keeps or drops each one. It is
fitted on CLUENER train outside our held-out 10% (crc32 % 10 != 0), so the held-out
figures printed by benchmarks/ner.py are on sentences no part of it saw.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from pipeline.detect import lac
from pipeline.detect.address_grammar import parse
from pipeline.detect.chinese_name import surnames, word_frequency
from pipeline.detect.judge_features import char_class
from pipeline.nlp import entities as spacy_entities
from pipeline.nlp import jieba_posseg

Example = tuple[str, list[tuple[int, int, str]]]
Candidate = tuple[int, int, str]  # start, end, label (PER / ADDR)


def candidates(texts: Sequence[str]) -> list[dict[Candidate, set[str]]]:
    """Per text: candidate span → the sources that proposed it."""
    out: list[dict[Candidate, set[str]]] = []
    for text, ours, theirs in zip(texts, spacy_entities(texts), lac.entities(texts), strict=True):
        found: dict[Candidate, set[str]] = {}
        for a, b, label in ours:
            found.setdefault((a, b, label), set()).add("spacy")
        run: list[int] | None = None
        for a, b, tag in theirs:
            if tag == "PER":
                found.setdefault((a, b, "PER"), set()).add("lac")
            if tag == "LOC":
                found.setdefault((a, b, "ADDR"), set()).add("lac_loc")
                if run is not None and run[1] == a:
                    run[1] = b
                    found.setdefault((run[0], b, "ADDR"), set()).add("lac_loc_run")
                else:
                    run = [a, b]
            else:
                run = None
        for span in parse(text):
            found.setdefault((span.start, span.end, "ADDR"), set()).add("grammar")
        out.append(found)
    return out


def features(text: str, cand: Candidate, sources: set[str]) -> dict[str, int]:
    a, b, label = cand
    value = text[a:b]
    single, double = surnames()
    names = [f"label:{label}", f"len:{min(b - a, 12)}", "srcs:" + "+".join(sorted(sources))]
    names += [f"src:{s}" for s in sources]
    names += [f"p1:{text[a - 1 : a]}", f"n1:{text[b : b + 1]}", f"n2:{text[b : b + 2]}"]
    names += [f"p1c:{char_class(text[a - 1 : a])}", f"n1c:{char_class(text[b : b + 1])}"]
    names += [f"last:{value[-1:]}", f"first:{value[:1]}", f"last2:{value[-2:]}"]
    names += [
        f"p2:{text[max(0, a - 2) : a]}",
        f"edges:{char_class(text[a - 1 : a])}|{char_class(text[b : b + 1])}",
    ]
    names.append(f"len_srcs:{min(b - a, 8)}|{'+'.join(sorted(sources))}")
    if value[:2] in double or value[:1] in single:
        names.append("surname")
    names.append(f"freq:{min(word_frequency(value) // 50, 6)}")
    names += _word_features(text, a, b)
    return {f"{label}|{n}": 1 for n in names}


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[tuple[int, int, str], ...]:
    """jieba's words of the sentence with their part-of-speech flags (nr, ns, nt …)."""
    out, pos = [], 0
    for word in jieba_posseg().lcut(text, HMM=True):
        out.append((pos, pos + len(word.word), word.flag))
        pos += len(word.word)
    return tuple(out)


def _word_features(text: str, a: int, b: int) -> list[str]:
    """Whether the span's edges fall on jieba's word boundaries, the flags of the words
    inside it and of its neighbours: a third opinion beside spaCy's and LAC's spans."""
    words = _words(text)
    starts, ends = {s for s, _e, _f in words}, {e for _s, e, _f in words}
    inside = [f for s, e, f in words if s >= a and e <= b]
    before = next((f for _s, e, f in words if e == a), "-")
    after = next((f for s, _e, f in words if s == b), "-")
    names = [f"bound:{a in starts}{b in ends}", "tags:" + "+".join(inside[:3])]
    names += [f"tag:{f}" for f in set(inside)] + [f"ptag:{before}", f"ntag:{after}"]
    return names


def fit(train: Sequence[Example]) -> Any:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    x, y = [], []
    texts = [t for t, _s in train]
    for (text, gold), found in zip(train, candidates(texts), strict=True):
        wanted = set(gold)
        for cand, sources in found.items():
            x.append(features(text, cand, sources))
            y.append(int(cand in wanted))
    model = Pipeline([("v", DictVectorizer()), ("lr", LogisticRegression(C=1.0, max_iter=3000))])
    return model.fit(x, y)


def predict(model: Any, texts: Sequence[str], cut: float = 0.5) -> list[list[Candidate]]:
    """Kept candidates, non-overlapping within a label (the more probable first)."""
    out: list[list[Candidate]] = []
    for text, found in zip(texts, candidates(texts), strict=True):
        items = list(found.items())
        if not items:
            out.append([])
            continue
        probs = model.predict_proba([features(text, c, s) for c, s in items])[:, 1]
        kept: list[Candidate] = []
        for (cand, _s), p in sorted(zip(items, probs, strict=True), key=lambda x: -x[1]):
            if p >= cut and not any(
                k[2] == cand[2] and k[0] < cand[1] and cand[0] < k[1] for k in kept
            ):
                kept.append(cand)
        out.append(sorted(kept))
    return out
