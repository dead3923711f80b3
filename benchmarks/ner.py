"""The committed NER model (models/ner) on public data, against the CLUENER2020 baselines.

    .venv/bin/python benchmarks/ner.py [--data ../shared/data]

Prints exact-match PER and ADDR precision/recall/F1 on the fixed held-out 10% of CLUENER
train (crc32(text) % 10 == 0, never trained on) and PER on the Resume NER test set for our
spaCy model; on the CLUENER held-out also Baidu LAC alone (PER; ADDR from its LOC) and
the candidate ensemble of benchmarks/ner_ensemble.py (ours + LAC + the address grammar,
stacked by a logistic regression fitted on CLUENER train outside the held-out part, issue
19's target PER F1 >= 0.80, ADDR F1 >= 0.60); the published baselines beside them, and the
model's tagging speed on one core.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import ner_ensemble  # noqa: E402

from pipeline.detect import lac  # noqa: E402
from pipeline.nlp import MODEL_DIR, load_ner  # noqa: E402
from pipeline.training.ner import (  # noqa: E402
    CLUENER_BASELINES,
    evaluate_sets,
    measure_speed,
    score_spans,
)
from pipeline.training.ner_corpus import RESUME_LABELS, held_out, read_bmes, read_cluener  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument(
        "--ensemble-train",
        type=int,
        default=9000,
        help="CLUENER train sentences (outside the held-out 10%%) the ensemble's stacker learns from",
    )
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
    sets = {
        "CLUENER held-out 10%": [ex for ex in read_cluener(cluener) if held_out(ex[0])],
        "Resume test": list(read_bmes(resume, RESUME_LABELS)),
    }
    results = evaluate_sets(nlp, sets)
    held = sets["CLUENER held-out 10%"]
    texts = [text for text, _spans in held]
    lac_alone = [
        [(a, b, {"PER": "PER", "LOC": "ADDR"}[t]) for a, b, t in ents if t in ("PER", "LOC")]
        for ents in lac.entities(texts)
    ]
    train = [ex for ex in read_cluener(cluener) if not held_out(ex[0])][: args.ensemble_train]
    stacked = ner_ensemble.predict(ner_ensemble.fit(train), texts)
    for name, predicted in (("LAC alone", lac_alone), ("ensemble (ours+LAC+rules)", stacked)):
        results[f"CLUENER {name}"] = {
            label: score_spans(held, predicted, label).as_dict() for label in ("PER", "ADDR")
        }
    print(f"{'set':36} {'label':5} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for name, by_label in results.items():
        for label, s in by_label.items():
            print(
                f"{name:36} {label:5} {s['support']:5d} {s['precision']:6.3f} "
                f"{s['recall']:6.3f} {s['f1']:6.3f}"
            )
    print("\npublished CLUENER2020 baselines (per-entity F1, CLUEbenchmark/CLUENER2020 README):")
    for model, b in CLUENER_BASELINES.items():
        print(f"  {model:24} name {b['PER']:.3f}  address {b['ADDR']:.3f}")
    speed = measure_speed(nlp, sets["CLUENER held-out 10%"])
    print(f"\nspeed: {speed:,} chars/s on one core")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
