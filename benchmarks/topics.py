"""主题分类 accuracy on our own labelled cases, the devset's topics, and speed.

    .venv/bin/python benchmarks/topics.py [--cases tests/catalog/topic_cases.tsv]
        [--devset ../shared/devset] [--taxonomy lexicons/catalog_topics.txt] [--errors]

Cases: title<TAB>first sentence<TAB>topic lines written for this project (not the
devset). Target: accuracy >= 0.85. The devset has no gold topic: its table is printed for
reading (tests/catalog/test_topics.py holds the topics we accept). Speed: classify() on
the devset texts and the catalog summary (summarize) per document.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.catalog.summary import summarize  # noqa: E402
from pipeline.catalog.topics import DEFAULT_TAXONOMY, classify, load_taxonomy  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=Path, default=ROOT / "tests/catalog/topic_cases.tsv")
    parser.add_argument("--devset", type=Path, default=ROOT.parent / "shared" / "devset")
    parser.add_argument("--taxonomy", type=Path, default=DEFAULT_TAXONOMY)
    parser.add_argument("--errors", action="store_true", help="list every miss")
    args = parser.parse_args()
    taxonomy = load_taxonomy(args.taxonomy)

    rows = [
        line.split("\t")
        for line in args.cases.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for title, first, want in rows:
        result = classify(title, first, taxonomy=taxonomy)
        totals[want.strip()] += 1
        if result.topic == want.strip():
            hits[want.strip()] += 1
        elif args.errors:
            print(f"  miss: {title} → {result.topic} (want {want.strip()}): {result.explanation}")
    right = sum(hits.values())
    print(f"own cases: {right}/{len(rows)} = {right / len(rows):.3f}  ({args.cases.name})")
    for topic in taxonomy.topics:
        if totals[topic]:
            print(f"  {topic:<8} {hits[topic]}/{totals[topic]}")

    corpus = args.devset / "corpus.jsonl"
    if not corpus.exists():
        print(f"no devset at {args.devset}: devset table and speed skipped", file=sys.stderr)
        return 0 if right / len(rows) >= 0.85 else 1
    records = [json.loads(x) for x in corpus.read_text(encoding="utf-8").splitlines() if x]
    print("\ndevset: id  topic  score  runner-up  why")
    for record in records:
        meta = record["metadata"]
        result = classify(meta["title"], record["text"], issuer=meta.get("issuer"))
        print(
            f"  {record['id']}  {result.topic}  {result.score:.2f}  {result.runner_up}  "
            f"{result.explanation}"
        )

    chars = sum(len(r["text"]) for r in records)
    rounds = 20
    start = time.perf_counter()
    for _ in range(rounds):
        for r in records:
            classify(r["metadata"]["title"], r["text"], issuer=r["metadata"].get("issuer"))
    elapsed = time.perf_counter() - start
    docs = rounds * len(records)
    print(
        f"\nclassify: {docs / elapsed:,.0f} documents/s, "
        f"{rounds * chars / elapsed / 1e6:.1f} M chars/s"
    )
    summarize(records[0]["text"], records[0]["metadata"])  # jieba loaded before timing
    start = time.perf_counter()
    for r in records:
        summarize(r["text"], r["metadata"], r["spans"])
    elapsed = time.perf_counter() - start
    print(f"summarize: {len(records) / elapsed:,.0f} documents/s")
    return 0 if right / len(rows) >= 0.85 else 1


if __name__ == "__main__":
    raise SystemExit(main())
