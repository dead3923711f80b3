"""Detection quality and speed on ../shared/devset.

    .venv/bin/python benchmarks/detection.py [--devset ../shared/devset]

Scans the devset texts with the real pipeline (ingest → detect → redaction proposal),
prints the per-label table (P/R/F1 at IoU >= 0.5; official-role findings not counted),
redaction character recall and over-redaction, then the speed of the rule recognizers
and of the whole detection on one core, over about a million characters of 公文 text.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.detect.base import number_regions  # noqa: E402
from pipeline.detect.chinese_name import tag_words  # noqa: E402
from pipeline.detect.registry import RECOGNIZERS, detect  # noqa: E402
from pipeline.evaluate import evaluate, scan_devset  # noqa: E402

# Recognizers that use lexicons and jieba rather than patterns alone.
LEXICON_RECOGNIZERS = {"person_name", "cn_address"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--devset", type=Path, default=ROOT.parent / "shared" / "devset")
    parser.add_argument("--chars", type=int, default=1_000_000, help="size of the speed corpus")
    args = parser.parse_args()
    scanned = scan_devset(args.devset)
    if scanned is None:
        print(f"no devset at {args.devset}: nothing to measure", file=sys.stderr)
        return 1
    gold, predictions = scanned
    report = evaluate(gold, predictions)
    print(f"devset: {len(gold)} documents")
    print(report.table())

    text = "\n".join(g["text"] for g in gold)
    big = (text + "\n") * max(1, args.chars // (len(text) + 1))
    print(f"\nspeed over {len(big):,} characters (the devset repeated), one process:")
    pattern_total = 0.0
    for recognizer in RECOGNIZERS:
        start = time.perf_counter()
        recognizer.analyze(big)
        seconds = time.perf_counter() - start
        if recognizer.name not in LEXICON_RECOGNIZERS:
            pattern_total += seconds
        print(f"  {recognizer.name:<22} {len(big) / seconds:>14,.0f} chars/s")
    print(
        f"  {'pattern recognizers':<22} {len(big) / pattern_total:>14,.0f} chars/s "
        "(ID, phone, card, e-mail, passport, plate, marking together; target >= 1,000,000)"
    )
    start = time.perf_counter()
    detect(big)
    seconds = time.perf_counter() - start
    print(f"  {'whole detection':<22} {len(big) / seconds:>14,.0f} chars/s (target >= 100,000)")
    rates = []
    for _round in range(5):
        tag_words.cache_clear()
        number_regions.cache_clear()
        start = time.perf_counter()
        for g in gold:
            detect(g["text"])
        rates.append(len(text) / (time.perf_counter() - start))
    print(
        f"  {'whole, 30 docs cold':<22} {statistics.median(rates):>14,.0f} chars/s "
        "(median of 5 rounds; each document once, jieba caches emptied; short documents "
        "pay the per-call cost of the NER model and the clause classifier)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
