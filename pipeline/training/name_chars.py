"""Train the character-level name score (``models/name_chars``): how much a surname-led
string of two to four characters looks like a Chinese personal name.

Why: names in prose with no cue word (经查，张某某与李某某于…, 王建国和刘秀英夫妇) are
proposed by no model; a name slot (either side of 与/和/及, before 夫妇, before 反映 …)
says where one may stand, and this score says whether the characters there read as a
name (王建国) or as an everyday word that starts with a surname (王府井, 和平, 高新区).

Counts, from the public NER corpora in ``../shared/data`` (read at training time, never
copied in; :mod:`pipeline.training.ner_corpus`):

- positive: every PER span of People's Daily (dev), CLUENER (train, less the fixed held-out
  tenth), Resume (train) and Weibo (train) that starts with a surname of
  ``lexicons/surnames.txt``: its surname, its first and its second given character;
- negative: every two- and three-character window outside any PER span of the same
  sentences that starts with such a surname: the same three positions.

Each position's table holds the smoothed log-odds ``log P(c | name) − log P(c | other)``
(add-one), and a default for unseen characters. The score of a string is the sum over its
positions (:func:`pipeline.detect.name_score.name_score`). Quality: the area under the ROC
curve on the CLUENER held-out tenth and Resume test, names against windows, in the card.
"""

from __future__ import annotations

import json
import math
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pipeline.training.ner_corpus import (
    RESUME_LABELS,
    WEIBO_LABELS,
    Example,
    held_out,
    read_bmes,
    read_cluener,
)

POSITIONS = ("s", "g1", "g2")
PEOPLES_DAILY_LABELS = {"PER": "PER"}


def _cjk(text: str) -> bool:
    return bool(text) and all("\u4e00" <= c <= "\u9fff" for c in text)


def split_name(value: str, single: frozenset[str], double: frozenset[str]) -> tuple[str, str]:
    """(surname, given name) of a surname-led string, ("", "") when none leads it."""
    if value[:2] in double:
        return value[:2], value[2:]
    if value[:1] in single:
        return value[:1], value[1:]
    return "", ""


def _items(
    examples: Iterable[Example], single: frozenset[str], double: frozenset[str]
) -> Iterator[tuple[bool, str, str]]:
    """(is a name, surname, given name) of every PER span and every surname-led window."""
    for text, spans in examples:
        persons = [(s, e) for s, e, label in spans if label == "PER"]
        inside: set[int] = set()
        for s, e in persons:
            inside.update(range(s, e))
            surname, given = split_name(text[s:e], single, double)
            if surname and 1 <= len(given) <= 2 and _cjk(text[s:e]):
                yield True, surname, given
        for i in range(len(text)):
            for size in (2, 3):
                window = text[i : i + size]
                if len(window) < size or not _cjk(window) or inside & set(range(i, i + size)):
                    continue
                surname, given = split_name(window, single, double)
                if surname and given:
                    yield False, surname, given


def count(
    examples: Iterable[Example], single: frozenset[str], double: frozenset[str]
) -> dict[str, dict[bool, Counter[str]]]:
    tables: dict[str, dict[bool, Counter[str]]] = {
        p: {True: Counter(), False: Counter()} for p in POSITIONS
    }
    for is_name, surname, given in _items(examples, single, double):
        tables["s"][is_name][surname] += 1
        tables["g1"][is_name][given[0]] += 1
        if len(given) > 1:
            tables["g2"][is_name][given[1]] += 1
    return tables


def log_odds(tables: dict[str, dict[bool, Counter[str]]]) -> dict[str, dict[str, float]]:
    """Per position: {character: log-odds}, and "" for an unseen character (add-one)."""
    out: dict[str, dict[str, float]] = {}
    for position, by_kind in tables.items():
        names, others = by_kind[True], by_kind[False]
        vocabulary = set(names) | set(others)
        n_total = sum(names.values()) + len(vocabulary) + 1
        o_total = sum(others.values()) + len(vocabulary) + 1
        row = {
            c: round(math.log((names[c] + 1) / n_total) - math.log((others[c] + 1) / o_total), 3)
            for c in vocabulary
        }
        row[""] = round(math.log(1 / n_total) - math.log(1 / o_total), 3)
        out[position] = row
    return out


def auc(positives: list[float], negatives: list[float]) -> float:
    """Probability that a name scores above a window (ties count half)."""
    ranked = sorted([(s, 1) for s in positives] + [(s, 0) for s in negatives])
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        mean_rank = (i + j + 1) / 2
        rank_sum += mean_rank * sum(1 for _s, y in ranked[i:j] if y)
        i = j
    n_pos, n_neg = len(positives), len(negatives)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg) if n_pos and n_neg else 0.0


def _score(table: dict[str, dict[str, float]], surname: str, given: str) -> float:
    total = table["s"].get(surname, table["s"][""])
    for position, ch in zip(("g1", "g2"), given, strict=False):
        total += table[position].get(ch, table[position][""])
    return total


def evaluate(
    table: dict[str, dict[str, float]],
    examples: Iterable[Example],
    single: frozenset[str],
    double: frozenset[str],
) -> dict[str, Any]:
    positives: list[float] = []
    negatives: list[float] = []
    for is_name, surname, given in _items(examples, single, double):
        (positives if is_name else negatives).append(_score(table, surname, given))
    return {
        "names": len(positives),
        "windows": len(negatives),
        "auc": round(auc(positives, negatives), 4),
    }


def train(data: Path, out: Path) -> dict[str, Any]:
    """Count, write ``out/chars.json`` and ``out/metrics.json``; the figures."""
    from pipeline.detect.chinese_name import surnames

    started = time.perf_counter()
    single, double = surnames()
    cluener = list(read_cluener(data / "cluener2020" / "train.json"))
    train_sets = {
        "peoples_daily_ner/example.dev": list(
            read_bmes(data / "peoples_daily_ner" / "example.dev", PEOPLES_DAILY_LABELS)
        ),
        "cluener2020/train.json (less the held-out tenth)": [
            ex for ex in cluener if not held_out(ex[0])
        ],
        "resume_ner/train.char.bmes": list(
            read_bmes(data / "resume_ner" / "train.char.bmes", RESUME_LABELS)
        ),
        "weibo_ner/weiboNER_2nd_conll.train": list(
            read_bmes(data / "weibo_ner" / "weiboNER_2nd_conll.train", WEIBO_LABELS)
        ),
    }
    tables = count((ex for exs in train_sets.values() for ex in exs), single, double)
    table = log_odds(tables)
    metrics: dict[str, Any] = {
        "data": {name: len(exs) for name, exs in train_sets.items()},
        "counts": {
            p: {"names": sum(t[True].values()), "windows": sum(t[False].values())}
            for p, t in tables.items()
        },
        "evaluation": {
            "cluener2020 held-out tenth": evaluate(
                table, [ex for ex in cluener if held_out(ex[0])], single, double
            ),
            "resume_ner test": evaluate(
                table,
                read_bmes(data / "resume_ner" / "test.char.bmes", RESUME_LABELS),
                single,
                double,
            ),
        },
    }
    out.mkdir(parents=True, exist_ok=True)
    (out / "chars.json").write_text(
        json.dumps(table, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
        encoding="utf-8",
    )
    metrics["seconds"] = round(time.perf_counter() - started, 1)
    (out / "metrics.json").write_text(
        json.dumps(metrics, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return metrics


if __name__ == "__main__":  # python -m pipeline.training.name_chars (or: triage train name-chars)
    from pipeline.config import MODELS_DIR, SHARED_DATA

    print(json.dumps(train(SHARED_DATA, MODELS_DIR / "name_chars"), ensure_ascii=False, indent=1))
