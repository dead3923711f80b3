"""ADDRESS precision on published look-alikes, with private homes as controls (issue 19).

    .venv/bin/python benchmarks/address_lookalikes.py [--seed 1919] [--per-kind 20] [--show N]

Drafts come from :mod:`tests.fixtures.address_lookalikes` (generated; no devset text).
For each kind: the private ADDRESS findings that match no gold span (false alarms — all
of them in the look-alike kinds) and, over the control kind, gold homes found (IoU ≥
0.5, one-to-one). The false alarms are also counted by the sources that proposed them
(the Explanation's ``source``), so a rule's share can be told. ``--show`` prints that many
false alarms in context.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.analysis.span_matching import match_spans  # noqa: E402
from pipeline.detect.registry import detect  # noqa: E402
from tests.fixtures.address_lookalikes import lookalike_drafts  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=1919)
    parser.add_argument("--per-kind", type=int, default=20)
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    false: Counter[str] = Counter()
    sources: Counter[str] = Counter()
    gold_n: Counter[str] = Counter()
    found_n: Counter[str] = Counter()
    shown: Counter[str] = Counter()
    records = lookalike_drafts(args.per_kind, args.seed)
    for record in records:
        text = record["text"]
        findings = [f for f in detect(text) if f.label == "ADDRESS" and f.role != "official"]
        gold = [(s["start"], s["end"]) for s in record["spans"] if s["label"] == "ADDRESS"]
        pred = [(f.start, f.end) for f in findings]
        pairs = match_spans(gold, pred)
        matched = {j for _i, j in pairs}
        for i, (a, b) in enumerate(gold):
            if args.show and i not in {i for i, _j in pairs}:
                print(f"  [{record['kind']}] missed {text[max(0, a - 15) : a]}【{text[a:b]}】")
        gold_n[record["kind"]] += len(gold)
        found_n[record["kind"]] += len(pairs)
        for j, f in enumerate(findings):
            if j in matched:
                continue
            false[record["kind"]] += 1
            sources[f.explanation_detail.source] += 1
            if shown[record["kind"]] < args.show:
                shown[record["kind"]] += 1
                lo = max(0, f.start - 15)
                print(
                    f"  [{record['kind']}] {text[lo : f.start]}【{f.text}】{text[f.end : f.end + 10]}"
                )
                print(f"      {f.explanation_detail.source} {f.score:.2f}")
    kinds = sorted({r["kind"] for r in records})
    print(f"seed {args.seed}, {args.per_kind} drafts per kind")
    print(f"{'kind':<16} false private ADDRESS")
    for kind in kinds:
        print(f"{kind:<16} {false[kind]:>4}")
    print(f"{'all':<16} {sum(false.values()):>4}")
    for kind in sorted(gold_n):
        print(f"control recall {kind}: {found_n[kind]}/{gold_n[kind]}")
    found, gold = sum(found_n.values()), sum(gold_n.values())
    print(f"control recall {found}/{gold} = {found / gold if gold else 0.0:.3f}")
    print("false alarms by source:")
    for source, n in sources.most_common():
        print(f"  {n:>4}  {source}")


if __name__ == "__main__":
    main()
