"""PERSON recall and precision per kind of generated draft, and a per-finding comparison
between two versions of the detectors.

    .venv/bin/python benchmarks/person_kinds.py [--per-kind 30] [--seed 2027]
        [--dump FILE] [--compare FILE]

Drafts come from the generators the judge learns from (:mod:`pipeline.training.judge_drafts`
and its siblings, :mod:`pipeline.training.judge_drafts_lists`, :mod:`pipeline.training.judge_drafts_prose`), written with a seed of
their own (2027 by default: the judge trains on 19 and 23), so the figures are on drafts
it never saw. For every kind: gold PERSON spans, how many a private finding covers (IoU ≥
0.5, the benchmark's rule), precision, and where the misses were lost (no source proposed
them, the judge dropped them, or they came out with role "official").

``--dump`` writes every private PERSON finding over the drafts and over the tuned-on part
of ``data/devset_split.json``; ``--compare`` reads such a file written by another version
(main) and counts the findings it kept that this one drops — a change meant to add names
must drop none that matched a gold span. The not-tuned-on part is never read here.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.analysis.span_matching import iou  # noqa: E402
from pipeline.detect.judge import PROPOSERS  # noqa: E402
from pipeline.detect.registry import RECOGNIZERS, detect  # noqa: E402
from pipeline.training.fake import Fake  # noqa: E402
from pipeline.training.judge_drafts import KINDS, People, wrapped  # noqa: E402
from pipeline.training.judge_drafts_lists import LIST_KINDS  # noqa: E402
from pipeline.training.judge_drafts_prose import PROSE_KINDS  # noqa: E402
from pipeline.training.judge_drafts_public import PUBLIC_KINDS  # noqa: E402
from pipeline.training.labelled_set import load_part  # noqa: E402

ALL_KINDS: dict[str, Callable[[People], Any]] = {
    **KINDS,
    **PUBLIC_KINDS,
    **LIST_KINDS,
    **PROSE_KINDS,
}
Span = tuple[int, int]


def held_out_drafts(per_kind: int, seed: int) -> list[dict[str, Any]]:
    """``per_kind`` drafts of every kind, a third of them wrapped at a fixed width."""
    fake = Fake(seed)
    people = People(fake)
    out = []
    for kind, write in sorted(ALL_KINDS.items()):
        for i in range(per_kind):
            record = write(people).record(f"eval:{kind}:{i}")
            if fake.rng.random() < 0.35:
                record = wrapped(record, fake.rng.choice((24, 28, 33, 40)))
            out.append(dict(record, kind=kind))
    return out


def person_findings(text: str) -> tuple[list[Span], list[Span]]:
    """(private, official) PERSON spans of the detectors (without the clause model)."""
    found = [f for f in detect(text, tuple(RECOGNIZERS)) if f.label == "PERSON"]
    private = [(f.start, f.end) for f in found if f.role != "official"]
    return private, [(f.start, f.end) for f in found if f.role == "official"]


def score(records: list[dict[str, Any]]) -> tuple[dict[str, dict[str, int]], dict[str, list[Span]]]:
    """Counts per kind and the private findings of every record."""
    table: dict[str, dict[str, int]] = {}
    kept: dict[str, list[Span]] = {}
    for record in records:
        text = record["text"]
        gold = [(s["start"], s["end"]) for s in record["spans"] if s["label"] == "PERSON"]
        private, official = person_findings(text)
        kept[record["id"]] = private
        row = table.setdefault(
            record.get("kind", "tuned_on"),
            dict.fromkeys(
                ("gold", "found", "pred", "false", "unproposed", "dropped", "official"), 0
            ),
        )
        row["gold"] += len(gold)
        row["pred"] += len(private)
        row["false"] += sum(1 for f in private if not any(iou(f, g) >= 0.5 for g in gold))
        proposals = [(p.start, p.end) for p in PROPOSERS["PERSON"](text)]
        for span in gold:
            if any(iou(span, f) >= 0.5 for f in private):
                row["found"] += 1
            elif any(iou(span, f) >= 0.5 for f in official):
                row["official"] += 1
            elif any(iou(span, p) >= 0.5 for p in proposals):
                row["dropped"] += 1
            else:
                row["unproposed"] += 1
    return table, kept


def print_table(table: dict[str, dict[str, int]]) -> None:
    print(
        f"{'kind':<16} {'gold':>5} {'R':>6} {'P':>6} {'false':>6} {'unprop':>6} {'dropped':>7} {'offic':>5}"
    )
    total = dict.fromkeys(("gold", "found", "pred", "false"), 0)
    for kind, row in sorted(table.items()):
        for key in total:
            total[key] += row[key]
        recall = row["found"] / row["gold"] if row["gold"] else 1.0
        precision = (row["pred"] - row["false"]) / row["pred"] if row["pred"] else 1.0
        print(
            f"{kind:<16} {row['gold']:>5} {recall:>6.3f} {precision:>6.3f} {row['false']:>6} "
            f"{row['unproposed']:>6} {row['dropped']:>7} {row['official']:>5}"
        )
    recall = total["found"] / total["gold"] if total["gold"] else 1.0
    precision = (total["pred"] - total["false"]) / total["pred"] if total["pred"] else 1.0
    print(f"{'all':<16} {total['gold']:>5} {recall:>6.3f} {precision:>6.3f} {total['false']:>6}")


def compare(
    before: dict[str, list[list[int]]], after: dict[str, list[Span]], gold: dict[str, list[Span]]
) -> None:
    """Findings the other version kept that this one drops, split by whether they matched a
    gold span; and the findings this one adds."""
    lost_gold: list[tuple[str, int, int]] = []
    lost_false: list[tuple[str, int, int]] = []
    added_gold = added_false = 0
    for doc, spans in before.items():
        now = after.get(doc, [])
        for start, end in spans:
            if not any(iou((start, end), f) >= 0.5 for f in now):
                matched = any(iou((start, end), g) >= 0.5 for g in gold.get(doc, []))
                (lost_gold if matched else lost_false).append((doc, start, end))
        for span in now:
            if not any(iou(span, (a, b)) >= 0.5 for a, b in spans):
                if any(iou(span, g) >= 0.5 for g in gold.get(doc, [])):
                    added_gold += 1
                else:
                    added_false += 1
    print(f"kept before, dropped now: {len(lost_gold)} gold names, {len(lost_false)} false alarms")
    for doc, start, end in lost_gold:
        print(f"  lost gold: {doc} {start}-{end}")
    print(f"added now: {added_gold} gold names, {added_false} false alarms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-kind", type=int, default=30)
    parser.add_argument("--seed", type=int, default=2027)
    parser.add_argument("--dump", type=Path, help="write the private findings here")
    parser.add_argument("--compare", type=Path, help="a --dump of another version")
    args = parser.parse_args()
    records = held_out_drafts(args.per_kind, args.seed)
    table, kept = score(records)
    print(f"generated drafts, {args.per_kind} per kind, seed {args.seed}:")
    print_table(table)
    tuned = load_part("tuned_on")
    tuned_table, tuned_kept = score(tuned)
    print("tuned-on part:")
    print_table(tuned_table)
    kept |= tuned_kept
    if args.dump:
        args.dump.write_text(json.dumps(kept), encoding="utf-8")
    if args.compare:
        gold = {
            r["id"]: [(s["start"], s["end"]) for s in r["spans"] if s["label"] == "PERSON"]
            for r in [*records, *tuned]
        }
        compare(json.loads(args.compare.read_text(encoding="utf-8")), kept, gold)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
