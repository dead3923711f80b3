"""The extent of clause findings (STATE_SECRET, TRADE_SECRET, INTERNAL) against gold.

    .venv/bin/python benchmarks/clause_extent.py [--seed 2718] [--per-kind 20]
        [--wording first,other,...] [--no-devset] [--show N] [--rewrap]

A span counts as found when its IoU with gold is ≥ 0.5, so a finding of the right label in
the right place can still be a miss: one gold clause found as two or three short pieces
(each under 0.5: a miss and several false findings), or a finding that runs over a whole
sentence, paragraph or table row where gold is one clause or cell (a miss, and characters
redacted that need not be). Printed per source and label:

- **gold / pred**, span **P** and **R** (IoU ≥ 0.5, one-to-one as in ``pipeline.evaluate``),
  **ovl R** (a gold span overlapped by a finding of its label) and the **gap** ovl R − R:
  gold spans found in the right place but with the wrong extent;
- **frag**: gold spans overlapped by two or more findings of their label;
- **long**: findings more than twice the length of the gold span they overlap most;
- **short**: findings overlapping a gold span but under half its length;
- **over**: the share of the characters found that lie in no gold span of any label
  (what a redaction of the findings would over-redact);
- how gold ends: at a sentence end (。！？), a ；, a ，/、, a line end or tab (a cell).

``--rewrap`` adds each wording with every line broken at a width drawn per line, as a
PDF's text layer gives a draft: the sentence is still the unit.

Sources: the tuned-on labelled documents (``data/devset_split.json`` "tuned_on" only; the
blind part is never read) and every wording of :mod:`tests.fixtures.clause_fourteenth`.
``--show`` prints that many examples of each kind of extent error (generated drafts and
tuned-on documents only).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.analysis.span_matching import iou, match_spans  # noqa: E402
from pipeline.detect.registry import CLAUSES  # noqa: E402
from pipeline.thresholds import min_score  # noqa: E402
from tests.fixtures.clause_fourteenth import fourteenth_documents  # noqa: E402

LABELS = ("INTERNAL", "TRADE_SECRET", "STATE_SECRET")
WORDINGS = ("first", "other", "third", "fourth", "fifth", "sixth")
ENDS = {"。": "sent", "！": "sent", "？": "sent", "；": "semi", ";": "semi", "，": "comma"}
ENDS |= {"、": "comma", ",": "comma", "\n": "line", "\t": "cell"}


def findings(text: str) -> list[tuple[str, int, int]]:
    """(label, start, end) of the clause findings the scan keeps."""
    return [
        (f.label, f.start, f.end)
        for f in CLAUSES.analyze(text)
        if f.label in LABELS and f.score >= min_score(f.label)
    ]


def _end_kind(text: str, start: int, end: int) -> str:
    """How a gold span is delimited: by the character it ends with or the one after it."""
    last = text[end - 1 : end]
    after = text[end : end + 1]
    for ch in (last, after):
        if ch in ENDS:
            return ENDS[ch]
    return "eof" if end >= len(text) else "other"


def measure(
    records: list[dict[str, Any]], counts: Counter[tuple[str, str]], show: int, name: str
) -> None:
    """Add the extent counts of ``records`` to ``counts`` (keyed (label, measure))."""
    shown: Counter[str] = Counter()
    for record in records:
        text = record["text"]
        found = findings(text)
        anywhere = {i for s in record["spans"] for i in range(s["start"], s["end"])}
        for label in LABELS:
            gold = [(s["start"], s["end"]) for s in record["spans"] if s["label"] == label]
            chars = {i for lab, a, b in found if lab == label for i in range(a, b)}
            counts[(label, "chars")] += len(chars)
            counts[(label, "over")] += len(chars - anywhere)
            pred = [(a, b) for lab, a, b in found if lab == label]
            counts[(label, "gold")] += len(gold)
            counts[(label, "pred")] += len(pred)
            counts[(label, "tp")] += len(match_spans(gold, pred))
            for g in gold:
                counts[(label, "end " + _end_kind(text, *g))] += 1
                over = [p for p in pred if p[0] < g[1] and g[0] < p[1]]
                counts[(label, "ovl")] += bool(over)
                if over and max(iou(g, p) for p in over) < 0.5:
                    _show(shown, show, "gap", name, label, text, g, over)
                if len(over) >= 2:
                    counts[(label, "frag")] += 1
                    _show(shown, show, "frag", name, label, text, g, over)
            for p in pred:
                over = [g for g in gold if p[0] < g[1] and g[0] < p[1]]
                if not over:
                    continue
                g = max(over, key=lambda g: iou(g, p))
                if p[1] - p[0] > 2 * (g[1] - g[0]):
                    counts[(label, "long")] += 1
                    _show(shown, show, "long", name, label, text, g, [p])
                elif 2 * (p[1] - p[0]) < g[1] - g[0]:
                    counts[(label, "short")] += 1
                    _show(shown, show, "short", name, label, text, g, [p])


def _show(
    shown: Counter[str],
    show: int,
    kind: str,
    name: str,
    label: str,
    text: str,
    gold: tuple[int, int],
    pred: list[tuple[int, int]],
) -> None:
    if shown[kind] >= show:
        return
    shown[kind] += 1
    print(f"  {kind.upper()} {name} {label}\n    gold {text[gold[0] : gold[1]]!r}")
    for a, b in pred:
        print(f"    pred {text[a:b]!r}")


def table(name: str, counts: Counter[tuple[str, str]]) -> None:
    print(
        f"{name:<16}{'label':<14}{'gold':>5}{'pred':>5}{'P':>7}{'R':>7}{'ovlR':>7}{'gap':>7}"
        f"{'frag':>5}{'long':>5}{'short':>6}{'over':>7}  gold ends"
    )
    for label in LABELS:
        c = {k: v for (lab, k), v in counts.items() if lab == label}
        gold, pred, tp = c.get("gold", 0), c.get("pred", 0), c.get("tp", 0)
        if not gold and not pred:
            continue
        r, o = tp / max(1, gold), c.get("ovl", 0) / max(1, gold)
        ends = " ".join(f"{k[4:]} {v}" for k, v in sorted(c.items()) if k.startswith("end "))
        print(
            f"{'':<16}{label:<14}{gold:>5}{pred:>5}{tp / max(1, pred):>7.3f}{r:>7.3f}{o:>7.3f}"
            f"{o - r:>7.3f}{c.get('frag', 0):>5}{c.get('long', 0):>5}{c.get('short', 0):>6}"
            f"{c.get('over', 0) / max(1, c.get('chars', 0)):>7.3f}  {ends}"
        )


def rewrap(record: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """``record`` as a PDF's text layer or a narrow draft gives it: every line longer than
    a width drawn per line (16–40 characters) broken at that width, wherever it falls
    (before a 。, after a ）, before 第七条), gold spans moved with the text."""
    text, cuts, at = record["text"], [], 0
    for line in text.split("\n"):
        width = rng.randint(16, 40)
        if "\t" not in line:
            cuts += range(at + width, at + len(line), width)
        at += len(line) + 1
    out = "".join(text[a:b] + "\n" for a, b in zip([0, *cuts], cuts, strict=False))
    out += text[cuts[-1] if cuts else 0 :]

    def moved(p: int, end: bool) -> int:
        return p + sum(c < p if end else c <= p for c in cuts)

    spans = [
        dict(s, start=moved(s["start"], False), end=moved(s["end"], True)) for s in record["spans"]
    ]
    return dict(record, text=out, spans=spans)


def tuned_on() -> list[dict[str, Any]]:
    """The tuned-on labelled documents (none of the blind part), [] when absent."""
    from pipeline.training.labelled_set import LabelledSetError, load_part

    try:
        return load_part("tuned_on")
    except (LabelledSetError, OSError) as exc:
        print(f"(tuned-on documents skipped: {exc})")
        return []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=2718)
    parser.add_argument("--per-kind", type=int, default=20)
    parser.add_argument("--wording", default=",".join(WORDINGS), help="comma-separated")
    parser.add_argument("--no-devset", action="store_true", help="generated drafts only")
    parser.add_argument("--show", type=int, default=0, help="examples of each extent error")
    parser.add_argument(
        "--rewrap", action="store_true", help="also every wording re-wrapped at 16–40 characters"
    )
    args = parser.parse_args()
    total: Counter[tuple[str, str]] = Counter()
    sources: list[tuple[str, list[dict[str, Any]]]] = []
    if not args.no_devset:
        sources.append(("tuned-on docs", tuned_on()))
    for wording in args.wording.split(","):
        records = fourteenth_documents(args.seed, args.per_kind, wording)
        sources.append((wording, records))
        if args.rewrap:
            rng = random.Random(args.seed)
            sources.append((f"{wording} wrapped", [rewrap(r, rng) for r in records]))
    print(f"seed {args.seed}, per kind {args.per_kind}")
    for name, records in sources:
        counts: Counter[tuple[str, str]] = Counter()
        measure(records, counts, args.show, name)
        table(name, counts)
        if name != "tuned-on docs":
            total.update(counts)
    table("all wordings", total)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
