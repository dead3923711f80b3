"""Disclosure attribute suggestions on ../shared/devset.

    .venv/bin/python benchmarks/attribute.py [--devset ../shared/devset]

Scans the devset texts with the real pipeline (ingest → metadata → detect → decide) and
prints attribute accuracy, macro-F1, the confusion matrix (rows gold, columns suggested),
critical errors (a secret suggested for publication; personal data suggested 主动公开
without redactions), the redaction figures, and the suggestions that differ from gold.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.classify.attribute_model import probabilities  # noqa: E402
from pipeline.detect import detect  # noqa: E402
from pipeline.evaluate import evaluate, scan_devset  # noqa: E402
from pipeline.metadata import extract_metadata  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--devset", type=Path, default=ROOT.parent / "shared" / "devset")
    args = parser.parse_args()
    scanned = scan_devset(args.devset)
    if scanned is None:
        print(f"no devset at {args.devset}: nothing to measure", file=sys.stderr)
        return 1
    gold, predictions = scanned
    report = evaluate(gold, predictions)
    print(f"devset: {len(gold)} documents")
    print(
        f"attribute accuracy {report.attribute_right / max(1, report.attribute_total):.4f}  "
        f"macro-F1 {report.attribute_macro_f1:.4f}  (targets 0.90 / 0.85)"
    )
    print(report.confusion())
    print(f"critical errors: {len(report.attribute_critical)}")
    for line in report.attribute_critical:
        print(f"  {line}")
    print(
        f"redaction recall {report.redaction_recall:.4f}  over-redaction {report.over_redaction:.4f}"
    )
    model_alone = []
    for g in gold:
        text = g["text"]
        probs = probabilities(text, extract_metadata(text), detect(text))
        if probs is not None:
            model_alone.append(max(probs, key=lambda a: probs[a]) == g["attribute"])
    if model_alone:
        print(
            f"attribute model alone (no rules): accuracy {sum(model_alone) / len(model_alone):.4f}"
        )
    confidences = [float((p.get("suggestion") or {}).get("confidence", 0)) for p in predictions]
    print(
        f"confidence: min {min(confidences):.2f}, median {sorted(confidences)[len(confidences) // 2]:.2f}"
    )
    print("\ndifferences (id: gold → suggested, confidence, reasons):")
    for g, p in zip(gold, predictions, strict=True):
        s = p.get("suggestion") or {}
        if s.get("attribute") != g.get("attribute"):
            print(f"  {g['id']}: {g['attribute']} → {s.get('attribute')} ({s.get('confidence')})")
            for reason in s.get("reasons", []):
                print(f"      {reason}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
