"""Where PERSON names are lost: proposed by no source, or proposed and dropped by the judge,
grouped by the context the name stands in.

    .venv/bin/python benchmarks/person_proposals.py [--per-kind 20] [--seed 6173]
        [--public-limit 400] [--only twelfth,cluener] [--examples N]

Detection proposes generously and a trained judge decides (:mod:`pipeline.detect.proposals`,
:mod:`pipeline.detect.judge`). Aggregate figures say most missed names are *unproposed*;
this tells in which kinds of context, so a new source is written for a kind, not for an
instance. Texts read:

- every generated private hand (:mod:`tests.fixtures.private_twelfth` … ``fifteenth``), at
  ``--seed`` (use a seed you will not fix against);
- the held-out parts of public NER corpora in ``../shared/data`` (CLUENER's fixed 10%,
  People's Daily ``example.dev``, Resume ``test``, Weibo ``dev``: no model was trained on
  them), PER spans only, at most ``--public-limit`` sentences holding a name each; a corpus
  that is absent is skipped with a note. Their names are mostly public figures: a name
  found with role "official" counts as found there.

A gold name is *found* when a PERSON finding covers it (IoU ≥ 0.5; on the private hands
only a finding whose role is not "official"), *official* when only an official finding
does, *dropped* when a proposal covers it but no finding, else *unproposed*. A name is
counted in every context kind it stands in (so rows overlap); "prose" is a name in none of
the others; "published" counts the hands' names labelled with role "public" (表彰, 公示
lists), whose loss redacts nothing wrongly. No devset document is read.

Measured 2026-12-07 (defaults: --per-kind 20 --seed 6173 --public-limit 400), main →
with :mod:`pipeline.detect.wrapped_names`: unproposed names twelfth 3 → 3, thirteenth
4 → 2, fourteenth 7 → 4, fifteenth 6 → 6 (4 of them published); dropped 1, 8, 24 → 25,
71 (70 published). The hands lose few private names at the proposal stage; what is left
unproposed in public NER text is mostly foreign and nick names and a surname before
先生/老师 (CLUENER 24 of 380, People's Daily 55 of 611, Weibo 6 of 90, Resume 0), which a
surname+given-name scan would not reach without reading policy prose as names.

With :mod:`pipeline.detect.prose_names` (transliterated names framed by a title, a speech
verb or a person noun), same defaults: People's Daily unproposed 55 → 51, found 55 → 64;
CLUENER unproposed 24 → 24, found 38 → 42 (an extra source on names already proposed);
the hands, Resume and Weibo unchanged. A bare surname before 先生/老师/小姐 was tried as a
one-character source (People's Daily 51 → 44) and dropped: it made 深圳市的王女士 a
private finding in the public PBC texts (9 → 10), and a bare surname identifies nobody.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.analysis.span_matching import iou  # noqa: E402
from pipeline.detect.chinese_name import surnames  # noqa: E402
from pipeline.detect.judge import PROPOSERS  # noqa: E402
from pipeline.detect.registry import RECOGNIZERS, detect  # noqa: E402
from pipeline.training.ner_corpus import (  # noqa: E402
    RESUME_LABELS,
    WEIBO_LABELS,
    held_out,
    read_bmes,
    read_cluener,
)
from tests.fixtures.private_fifteenth import fifteenth_drafts  # noqa: E402
from tests.fixtures.private_fourteenth import fourteenth_drafts  # noqa: E402
from tests.fixtures.private_thirteenth import thirteenth_drafts  # noqa: E402
from tests.fixtures.private_twelfth import twelfth_drafts  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
GENERATORS = {
    "twelfth": twelfth_drafts,
    "thirteenth": thirteenth_drafts,
    "fourteenth": fourteenth_drafts,
    "fifteenth": fifteenth_drafts,
}
PUBLIC = {
    "cluener": ("cluener2020/train.json", None),
    "peoples_daily": ("peoples_daily_ner/example.dev", {"PER": "PER"}),
    "resume": ("resume_ner/test.char.bmes", RESUME_LABELS),
    "weibo": ("weibo_ner/weiboNER_2nd_conll.dev", WEIBO_LABELS),
}
OUTCOMES = ("found", "official", "dropped", "unproposed")
KINDS = (
    "prose",
    "list_sep",
    "numbered",
    "table_row",
    "line_end",
    "given1",
    "dotted",
    "fuxing",
    "digit_adj",
    "title_after",
    "verb_before",
    "published",
)
NUMBERED = re.compile(
    r"^[ \u3000]*(?:[（(][一二三四五六七八九十0-9]+[）)]|[0-9０-９]+[、.．)）]|[一二三四五六七八九十]+、)"
)
TABLE = re.compile(r"\t|[ \u3000]{2,}|\|")
TITLES = ("同志", "先生", "女士", "老人", "老师", "大爷", "大妈", "阿姨", "师傅", "小朋友")
VERBS = set("经由向与和对及跟同给被让请")
SEPARATORS = set("、，, \u3000")
Span = tuple[int, int]


def kinds_of(text: str, start: int, end: int) -> list[str]:
    """Every context kind the name text[start:end] stands in ("prose" if none)."""
    name = text[start:end]
    flat = re.sub(r"[\s\u3000]", "", name)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    before, after = text[max(0, start - 1) : start], text[end : end + 2]
    _single, double = surnames()
    out = []
    if before in SEPARATORS or after[:1] in SEPARATORS:
        out.append("list_sep")
    if NUMBERED.match(line):
        out.append("numbered")
    if TABLE.search(line.strip(" \u3000")):
        out.append("table_row")
    if "\n" in name or after[:1] in ("\n", "") or text[end : end + 1] == "\n":
        out.append("line_end")
    if any(c in flat for c in "·•・"):
        out.append("dotted")
    elif flat[:2] in double:
        out.append("fuxing")
        if len(flat) == 3:
            out.append("given1")
    elif len(flat) == 2:
        out.append("given1")
    if re.match(r"[0-9０-９]", before) or re.match(r"[0-9０-９]", after[:1]):
        out.append("digit_adj")
    if any(text.startswith(t, end) for t in TITLES):
        out.append("title_after")
    if before in VERBS:
        out.append("verb_before")
    return out or ["prose"]


def public_texts(name: str, limit: int) -> Iterator[tuple[str, list[Span]]]:
    """Up to ``limit`` held-out sentences of a public corpus that hold a PER span."""
    relative, labels = PUBLIC[name]
    path = DATA / relative
    if not path.exists():
        print(f"[{name}] skipped: {path} is absent")
        return
    rows = (
        ((t, s) for t, s in read_cluener(path) if held_out(t))
        if labels is None
        else read_bmes(path, labels)
    )
    count = 0
    for text, spans in rows:
        per = [(a, b) for a, b, label in spans if label == "PER"]
        if per and count < limit:
            count += 1
            yield text, per


def judge(text: str, gold: list[Span], public: bool) -> list[tuple[Span, str]]:
    """The outcome of every gold name of one text."""
    found = [f for f in detect(text, tuple(RECOGNIZERS)) if f.label == "PERSON"]
    private = [(f.start, f.end) for f in found if public or f.role != "official"]
    official = [(f.start, f.end) for f in found if f.role == "official"]
    proposed = [(p.start, p.end) for p in PROPOSERS["PERSON"](text)]
    out = []
    for span in gold:
        if any(iou(span, f) >= 0.5 for f in private):
            out.append((span, "found"))
        elif any(iou(span, f) >= 0.5 for f in official):
            out.append((span, "official"))
        elif any(iou(span, p) >= 0.5 for p in proposed):
            out.append((span, "dropped"))
        else:
            out.append((span, "unproposed"))
    return out


def tally(
    texts: list[tuple[str, list[Span]]],
    public: bool,
    examples: int,
    show: str = "unproposed",
    published: frozenset[tuple[int, Span]] = frozenset(),
) -> dict[str, dict[str, int]]:
    """Counts per context kind and outcome; print ``examples`` names per kind whose
    outcome is ``show``."""
    table = {k: dict.fromkeys(OUTCOMES, 0) for k in (*KINDS, "all")}
    shown: dict[str, int] = {}
    for n, (text, gold) in enumerate(texts):
        for (start, end), outcome in judge(text, gold, public):
            extra = ("published",) if (n, (start, end)) in published else ()
            for kind in (*kinds_of(text, start, end), *extra, "all"):
                table[kind][outcome] += 1
                if outcome == show and kind != "all" and shown.get(kind, 0) < examples:
                    shown[kind] = shown.get(kind, 0) + 1
                    left = text[max(0, start - 12) : start].replace("\n", "⏎")
                    right = text[end : end + 12].replace("\n", "⏎")
                    print(f"    {kind:<11} {left}[{text[start:end]}]{right}")
    return table


def print_table(title: str, table: dict[str, dict[str, int]]) -> None:
    print(title)
    print(
        f"  {'kind':<12} {'gold':>5} {'found':>6} {'offic':>6} {'dropped':>7} {'unprop':>6} {'R':>6}"
    )
    for kind, row in table.items():
        gold = sum(row.values())
        if not gold:
            continue
        print(
            f"  {kind:<12} {gold:>5} {row['found']:>6} {row['official']:>6} "
            f"{row['dropped']:>7} {row['unproposed']:>6} {row['found'] / gold:>6.3f}"
        )


def private_texts(
    generator: str, per_kind: int, seed: int
) -> tuple[list[tuple[str, list[Span]]], frozenset[tuple[int, Span]]]:
    """The hand's drafts with their PERSON spans, and the names labelled published (role
    "public": 表彰 and 公示 lists), counted in a row of their own: the judge may drop
    those without any over- or under-redaction."""
    records: list[dict[str, Any]] = GENERATORS[generator](per_kind, seed)
    texts = [
        (r["text"], [(s["start"], s["end"]) for s in r["spans"] if s["label"] == "PERSON"])
        for r in records
    ]
    published = frozenset(
        (n, (s["start"], s["end"]))
        for n, r in enumerate(records)
        for s in r["spans"]
        if s["label"] == "PERSON" and s.get("role") == "public"
    )
    return texts, published


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-kind", type=int, default=20)
    parser.add_argument("--seed", type=int, default=6173)
    parser.add_argument("--public-limit", type=int, default=400)
    parser.add_argument("--only", default="", help="comma-separated sources to read")
    parser.add_argument("--examples", type=int, default=0, help="names shown per kind")
    parser.add_argument("--show", choices=OUTCOMES, default="unproposed", help="which names")
    args = parser.parse_args()
    only = set(filter(None, args.only.split(",")))
    for generator in GENERATORS:
        if not only or generator in only:
            texts, published = private_texts(generator, args.per_kind, args.seed)
            table = tally(texts, False, args.examples, args.show, published)
            print_table(f"{generator} drafts, {args.per_kind} per kind, seed {args.seed}:", table)
    for corpus in PUBLIC:
        if not only or corpus in only:
            texts = list(public_texts(corpus, args.public_limit))
            if texts:
                table = tally(texts, True, args.examples, args.show)
                print_table(f"{corpus} (held-out, {len(texts)} sentences with a name):", table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
