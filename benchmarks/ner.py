"""The committed NER models on public data, against the CLUENER2020 baselines.

    .venv/bin/python benchmarks/ner.py [--data ../shared/data]

Prints exact-match PER and ADDR precision/recall/F1 on the fixed held-out 10% of CLUENER
train (crc32(text) % 10 == 0, never trained on) and PER on the Resume NER test set for the
pipeline's spaCy model (models/ner); on the CLUENER held-out also each member of the
candidate ensemble alone — the fold model (models/ner_fold, our model retrained without
the CLUENER stacker part) and Baidu LAC (PER; ADDR from its LOC) — and the ensemble of
benchmarks/ner_ensemble.py (fold model + LAC + jieba + the address grammar + a character
tagger and a CRF, both printed alone too, and an address parser trained on the public
chinese_address_parsing corpus, stacked by a logistic regression fitted on the stacker part,
crc32 % 10 in 1-3, and on the rest of train without our model, with its choices made
on that part's dev third; issue 19's target PER F1 >= 0.80, ADDR F1 >= 0.60); the
published baselines beside them, and the model's tagging speed on one core. About 7 min
on two cores (the CRF's four fits share them). The ensemble's address spans are combined
with the CRF's by ``ner_combine.RULE``; the CRF proposes its Viterbi spans and those off
its path above ``ner_crf.PROPOSAL_CUT`` (sixth round, see ``pipeline/training/ner_crf.py``).

    .venv/bin/python benchmarks/ner.py --dev [--dump scores.pkl]

fits everything without the dev third (crc32 % 10 == 1) and prints each member and every
combination rule of ``ner_combine.GRID`` on it: where the rule is chosen.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import ner_combine  # noqa: E402
import ner_ensemble  # noqa: E402

from pipeline.detect import lac  # noqa: E402
from pipeline.nlp import MODEL_DIR, load_ner  # noqa: E402
from pipeline.nlp import entities as spacy_entities  # noqa: E402
from pipeline.training import ner_address_parse, ner_crf, ner_tagger  # noqa: E402
from pipeline.training.ner import (  # noqa: E402
    CLUENER_BASELINES,
    evaluate_sets,
    measure_speed,
    score_spans,
)
from pipeline.training.ner_address_parse import read_corpus  # noqa: E402
from pipeline.training.ner_corpus import (  # noqa: E402
    RESUME_LABELS,
    cluener_dev,
    held_out,
    read_bmes,
    read_cluener,
    stacker_part,
)

FOLD_DIR = ROOT / "models" / "ner_fold"
# The address parser's public corpus (``ner_address_parse``), under --data.
ADDRESS_CORPUS = Path("chinese_address_parsing") / "train.txt"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument(
        "--dev",
        action="store_true",
        help="score on the dev third of the stacker part (crc32 %% 10 == 1, fitted without"
        " it) with every combination rule of ner_combine.GRID, never the held-out 10%%",
    )
    parser.add_argument("--dump", type=Path, help="pickle the scores and CRF spans here")
    args = parser.parse_args()
    cluener = args.data / "cluener2020" / "train.json"
    resume = args.data / "resume_ner" / "test.char.bmes"
    if not cluener.exists() or not resume.exists():
        print(f"no CLUENER/Resume data under {args.data}: nothing to measure", file=sys.stderr)
        return 1
    nlp = load_ner()
    if nlp is None:
        print(f"no trained model in {MODEL_DIR}: run `triage train ner`", file=sys.stderr)
        return 1
    fold = load_ner(FOLD_DIR)
    if fold is None:
        print(f"no fold model in {FOLD_DIR}: run `triage train ner --fold`", file=sys.stderr)
        return 1
    train = [ex for ex in read_cluener(cluener) if not held_out(ex[0])]
    if args.dev:
        held = [ex for ex in train if cluener_dev(ex[0])]
        train = [ex for ex in train if not cluener_dev(ex[0])]
        results: dict[str, dict[str, Any]] = {}
    else:
        held = [ex for ex in read_cluener(cluener) if held_out(ex[0])]
        sets = {"CLUENER held-out 10% (models/ner)": held}
        sets["Resume test"] = list(read_bmes(resume, RESUME_LABELS))
        results = evaluate_sets(nlp, sets)
    texts = [text for text, _spans in held]
    lac_alone = [
        [(a, b, {"PER": "PER", "LOC": "ADDR"}[t]) for a, b, t in ents if t in ("PER", "LOC")]
        for ents in lac.entities(texts)
    ]
    fold_alone = [list(ents) for ents in spacy_entities(texts, fold)]
    measured = members(cluener, train, held, fold, lac_alone, fold_alone, args.dev, args.dump)
    where = "dev third" if args.dev else "CLUENER"
    for name, by_label in measured.items():
        results[f"{where} {name}"] = by_label
    print(f"{'set':52} {'label':5} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for name, by_label in results.items():
        for label, s in by_label.items():
            print(
                f"{name:52} {label:5} {s['support']:5d} {s['precision']:6.3f} "
                f"{s['recall']:6.3f} {s['f1']:6.3f}"
            )
    if args.dev:
        return 0
    print("\npublished CLUENER2020 baselines (per-entity F1, CLUEbenchmark/CLUENER2020 README):")
    for model, b in CLUENER_BASELINES.items():
        print(f"  {model:24} name {b['PER']:.3f}  address {b['ADDR']:.3f}")
    speed = measure_speed(nlp, held)
    print(f"\nspeed: {speed:,} chars/s on one core")
    return 0


def members(
    cluener: Path,
    train: list[Any],
    evaluated: list[Any],
    fold: Any,
    lac_alone: list[Any],
    fold_alone: list[Any],
    dev: bool = False,
    dump: Path | None = None,
) -> dict[str, dict[str, dict[str, Any]]]:
    """Each member alone and the ensemble on ``evaluated``, the stacker fitted on ``train``
    (its stacker part read with the fold model, the rest without); the ensemble's address
    spans combined with the CRF's by ``ner_combine.RULE`` (chosen with ``--dev``)."""
    part = [ex for ex in train if stacker_part(ex[0])]
    rest = [ex for ex in train if not stacker_part(ex[0])]
    every_type = dict(read_cluener(cluener, context=True))  # the CRF's context labels
    addresses = cluener.parent.parent / ADDRESS_CORPUS
    parser = ner_address_parse.fit(read_corpus(addresses)) if addresses.exists() else None
    readings = ner_ensemble.read([t for t, _s in part], fold)
    readings += ner_ensemble.read([t for t, _s in rest], ask_model=False)
    stacker = ner_ensemble.fit(
        readings,
        [s for _t, s in part + rest],
        crf_golds=[every_type[t] for t, _s in part + rest],
        parser=parser,
    )
    texts = [t for t, _s in evaluated]
    held_readings = ner_ensemble.read(texts, fold)
    scores = ner_ensemble.scored(stacker, held_readings)
    stacked = ner_ensemble.decide(scores)
    tagger_alone = [
        ner_tagger.decode(p)
        for p in ner_tagger.probabilities(
            stacker.tagger, held_readings, ner_ensemble.division_names_set()
        )
    ]
    crf_alone = [
        spans
        for _p, spans in ner_crf.read(stacker.crf, held_readings, ner_ensemble.division_names_set())
    ]
    if dump is not None:
        dump.write_bytes(pickle.dumps((evaluated, scores, crf_alone)))
    predictions = {
        "fold model alone": fold_alone,
        "LAC alone": lac_alone,
        "char tagger alone": tagger_alone,
        "CRF alone": crf_alone,
        "stacker alone (ADDR cut 0.2)": stacked,
    }
    rules = ner_combine.GRID if dev else {ner_combine.RULE.name: ner_combine.RULE}
    for rule in rules.values():
        predictions[f"ensemble {rule.name}"] = ner_combine.combine(texts, scores, crf_alone, rule)
    return {
        name: {label: score_spans(evaluated, pred, label).as_dict() for label in ("PER", "ADDR")}
        for name, pred in predictions.items()
    }


if __name__ == "__main__":
    raise SystemExit(main())
