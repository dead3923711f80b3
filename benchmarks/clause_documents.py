"""Clause findings on pseudo-documents of held-out clause families, and what a
corroboration rule for the model's own findings would do to them.

    .venv/bin/python benchmarks/clause_documents.py [--per-family 6] [--tenth-pass-families]

The families of ``pipeline/training/clause_families*.py`` are split into the four folds of
the model card; for each fold a model is fitted on the generated fragments, People's Daily
sentences and the other folds' families, and documents are made of the held-out fold's
sentences: published documents of one NONE family (six sentences), and documents holding
one or two sentences of an INTERNAL or STATE_SECRET family among published ones. The whole
clause detector (rules and the fold model) reads them; a finding counts for the sentence
it starts in. Printed per label: precision and recall as the detector stands, then with a
model-only INTERNAL/STATE_SECRET finding kept only when corroborated — by another clause
finding in the document, by a rule's finding, or by another finding or a cue word — and
the model-only findings by probability band. Generated text is easier than drafts: the
figures compare variants, they do not measure a new office's documents.
``--tenth-pass-families`` makes documents of the 143 families up to the tenth pass only
(the fold models still learn every family), so that passes which add families compare on
the same documents.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pipeline.detect.clauses as clauses  # noqa: E402
from pipeline.config import SHARED_DIR  # noqa: E402
from pipeline.detect.clause_model import classify  # noqa: E402
from pipeline.finding import Finding  # noqa: E402
from pipeline.training.clause_corpus import generated, public_sentences  # noqa: E402
from pipeline.training.clause_families import family_sentences, folds  # noqa: E402
from pipeline.training.clause_families_eleventh import FAMILIES_ELEVENTH  # noqa: E402
from pipeline.training.clause_families_fourteenth import FAMILIES_FOURTEENTH  # noqa: E402
from pipeline.training.clause_families_twelfth import FAMILIES_TWELFTH  # noqa: E402
from pipeline.training.clauses import _fit  # noqa: E402

LABELS = ("INTERNAL", "STATE_SECRET")
CLAUSE_LABELS = (*LABELS, "TRADE_SECRET")
Doc = tuple[int, list[tuple[str, str]]]  # (fold, [(sentence, label)])
# Cue words a model-only finding might be corroborated by (the "cue" variant).
CUE = {
    "STATE_SECRET": re.compile(
        r"储备|库存|存放|坐标|东经|北纬|试题|试卷|命题|审题|押运|征集|新兵|兵员|部队|营区|阵地|"
        r"弹药|人防|掩蔽|动员|战时|预案|方案|路线|调运|输送|集结"
    ),
    "INTERNAL": re.compile(
        r"认为|主张|倾向|建议|意见|分歧|不同意|测评|考察|谈话|反映|酝酿|动议|拟|尚|待|暂|初步|"
        r"测算|讨论|研究|审核|审批|会签|批示|阅示|表决"
    ),
}


def _model_only(f: Finding) -> bool:
    return f.label in LABELS and f.explanation_detail.source == "model:clauses"


def _others(f: Finding, found: list[Finding], rule: bool = False) -> bool:
    return any(
        g is not f and g.label in CLAUSE_LABELS and not (rule and _model_only(g)) for g in found
    )


VARIANTS: dict[str, Callable[[Finding, list[Finding]], bool]] = {
    "as it stands": lambda f, found: True,
    "another clause finding": lambda f, found: _others(f, found),
    "a rule's clause finding": lambda f, found: _others(f, found, rule=True),
    "another finding or a cue": lambda f, found: (
        _others(f, found) or bool(CUE[f.label].search(f.text))
    ),
}


def documents(
    per_family: int, seed: int, tenth_pass: bool = False
) -> tuple[list[Doc], dict[int, Any]]:
    data = SHARED_DIR / "data"
    base = generated(1500, seed=11)
    if (data / "peoples_daily_ner").is_dir():
        base += public_sentences(data)
    rng = random.Random(seed)
    docs: list[Doc] = []
    models: dict[int, Any] = {}
    for k, held in enumerate(folds(4)):
        rest = [f for i, fold in enumerate(folds(4)) if i != k for f in fold]
        models[k] = _fit(base + family_sentences(rest, 150, 18))
        if tenth_pass:
            later = FAMILIES_ELEVENTH + FAMILIES_TWELFTH + FAMILIES_FOURTEENTH
            held = [f for f in held if f not in later]
        published = [family_sentences([f], 40, 1000 + k) for f in held if f[1] == "NONE"]
        for family in held:
            rows = family_sentences([family], 40, 500 + k)
            if family[1] == "NONE":
                docs += [(k, rng.sample(rows, 6)) for _ in range(max(1, per_family - 1))]
            elif family[1] in LABELS:
                for d in range(per_family):
                    secret = 1 if d % 2 else 2
                    doc = rng.sample(rows, secret) + rng.sample(rng.choice(published), 6 - secret)
                    rng.shuffle(doc)
                    docs.append((k, doc))
    return docs, models


def text_of(doc: list[tuple[str, str]]) -> tuple[str, list[tuple[int, int, str]]]:
    parts, spans, at = [], [], 0
    for sentence, label in doc:
        sentence = sentence.rstrip("。") + "。"
        spans.append((at, at + len(sentence), label))
        parts.append(sentence)
        at += len(sentence) + 1
    return "\n".join(parts), spans


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-family", type=int, default=6, help="documents per family")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument(
        "--tenth-pass-families",
        action="store_true",
        help="documents of the families up to the tenth pass only",
    )
    args = parser.parse_args()
    docs, models = documents(args.per_family, args.seed, args.tenth_pass_families)
    counts: dict[str, Counter[tuple[str, str]]] = {name: Counter() for name in VARIANTS}
    bands: Counter[tuple[str, str, bool]] = Counter()
    for k, doc in docs:
        text, spans = text_of(doc)
        with mock.patch.object(
            clauses, "classify", lambda s, model=None, m=models[k]: classify(s, m)
        ):
            found = clauses.ClauseRecognizer().analyze(text)
        gold_of = {id(f): next((g for a, b, g in spans if a <= f.start < b), "NONE") for f in found}
        for f in found:
            if _model_only(f):
                p = (f.score - 0.5) / 0.3  # the model-only score is 0.5 + 0.3 p
                band = next(
                    c
                    for c in ("0.95", "0.90", "0.85", "0.80", "0.70", "0.60", "0")
                    if p >= float(c) - 1e-9
                )
                bands[(f.label, band, gold_of[id(f)] == f.label)] += 1
        for name, keep in VARIANTS.items():
            kept = [f for f in found if not _model_only(f) or keep(f, found)]
            for f in kept:
                if f.label in LABELS:
                    counts[name][(f.label, "TP" if gold_of[id(f)] == f.label else "FP")] += 1
            for a, b, label in spans:
                if label in LABELS and not any(f.label == label and a <= f.start < b for f in kept):
                    counts[name][(label, "FN")] += 1
    print(f"{len(docs)} pseudo-documents of held-out families (4 folds)")
    for name, c in counts.items():
        row = []
        for label in LABELS:
            tp, fp, fn = c[(label, "TP")], c[(label, "FP")], c[(label, "FN")]
            row.append(f"{label} P {tp / max(1, tp + fp):.3f} R {tp / max(1, tp + fn):.3f}")
        print(f"  {name:<26} " + "   ".join(row))
    print("model-only findings by probability band, from its lower bound (hits / false alarms):")
    for label in LABELS:
        cells = [
            f"{band}–: {bands[(label, band, True)]}/{bands[(label, band, False)]}"
            for band in ("0.95", "0.90", "0.85", "0.80", "0.70", "0.60")
        ]
        print(f"  {label:<13} " + "  ".join(cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
