"""What each term of a detector lexicon does on a labelled set: where it occurs, which
findings it led to, whether those were right, and which gold spans near it were missed.

A term does not carry its findings with it (a 身份证号 is found by its check digit, a name
after a role word), so each lexicon says how its terms relate to the spans they serve:

- ``inside``: the term lies inside the span (trade-secret, internal and state-secret
  terms inside the flagged sentence);
- ``starts``: the span starts with the term (a surname starts the name);
- ``before``: the span starts right after the term, within a few characters (the role
  word or address cue, then the name or address);
- ``sentence``: the span lies in the same sentence as the term (the words that send a
  sentence to the NER model).

``catalog_topics`` and ``disclosure_topics`` feed the catalog and the legal basis, not the
detectors; ``official_person_roles`` marks names as officials (never redacted), so its
terms are scored by the official names they mark and the gold PERSON spans after them
(a private person wrongly taken for an official is a miss caused by the term).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from pipeline.lexicons import Matcher, matcher

WINDOW = 8  # characters between a ``before`` term and its span


@dataclass(frozen=True)
class LexiconUse:
    labels: tuple[str, ...]
    relation: str  # inside | starts | before | sentence
    official: bool = False  # its findings are the officials' names (role "official")
    trigger: bool = True  # a term alone sends text to a recognizer (so its share matters)


USES: dict[str, LexiconUse] = {
    "state_secret_terms": LexiconUse(("STATE_SECRET",), "inside"),
    "trade_secret_terms": LexiconUse(("TRADE_SECRET",), "inside"),
    "internal_terms": LexiconUse(("INTERNAL",), "inside"),
    "surnames": LexiconUse(("PERSON",), "starts", trigger=False),
    "regional_surnames": LexiconUse(("PERSON",), "starts", trigger=False),
    "private_person_roles": LexiconUse(("PERSON",), "before"),
    "official_person_roles": LexiconUse(("PERSON",), "before", official=True, trigger=False),
    "person_context": LexiconUse(("PERSON",), "sentence"),
    "address_cues": LexiconUse(("ADDRESS",), "before"),
}
SENTENCE_END = re.compile(r"[。！？；!?;\n]")

TERM_COLUMNS = [
    "term",
    "occurrences",
    "documents",
    "fired",  # occurrences that led to a finding of the lexicon's labels
    "fired_tp",
    "fired_fp",
    "precision",  # fired_tp / fired
    "gold_near",  # occurrences beside a gold span of the lexicon's labels
    "gold_missed",  # of those, gold spans no finding matched
    "recall",  # 1 − gold_missed / gold_near: of the gold spans beside the term, found
]


def _sentence(text: str, position: int) -> tuple[int, int]:
    start = max((m.end() for m in SENTENCE_END.finditer(text, 0, position)), default=0)
    end_match = SENTENCE_END.search(text, position)
    return start, end_match.start() if end_match else len(text)


def related(use: LexiconUse, text: str, term: tuple[int, int], span: tuple[int, int]) -> bool:
    """Whether a span is the kind of span the term at ``term`` serves."""
    (ts, te), (ss, se) = term, span
    if use.relation == "inside":
        return ss <= ts and te <= se
    if use.relation == "starts":
        return ss == ts
    if use.relation == "before":
        return te <= ss <= te + WINDOW and "\n" not in text[te:ss]
    if use.relation == "sentence":
        sentence = _sentence(text, ts)
        return sentence[0] <= ss and se <= sentence[1]
    raise ValueError(f"unknown relation {use.relation!r}")


@dataclass(frozen=True)
class Occurrence:
    doc: str
    term: str
    start: int
    end: int
    findings: tuple[dict[str, Any], ...]  # the related findings (with their outcome)
    gold: tuple[dict[str, Any], ...]  # the related gold spans (with "missed")


def occurrences(
    name: str,
    texts: dict[str, str],
    findings: dict[str, list[dict[str, Any]]],
    gold: dict[str, list[dict[str, Any]]] | None = None,
    terms: Sequence[str] | None = None,
) -> list[Occurrence]:
    """Every occurrence of the lexicon's terms (or of ``terms``) in ``texts``, with the
    findings (``outcome`` TP/FP when known) and gold spans (``missed``) it relates to."""
    use = USES[name]
    found_by = Matcher(tuple(terms)) if terms is not None else matcher(name)
    out = []
    for doc, text in texts.items():
        candidates = [
            f
            for f in findings.get(doc, [])
            if f["label"] in use.labels and (f.get("role") == "official") == use.official
        ]
        spans = [s for s in (gold or {}).get(doc, []) if s["label"] in use.labels]
        for start, end, term in found_by.find(text):
            position = (start, end)
            out.append(
                Occurrence(
                    doc,
                    term,
                    start,
                    end,
                    tuple(
                        f
                        for f in candidates
                        if related(use, text, position, (f["start"], f["end"]))
                    ),
                    tuple(s for s in spans if related(use, text, position, (s["start"], s["end"]))),
                )
            )
    return out


def term_table(found: Iterable[Occurrence], terms: Sequence[str] = ()) -> pd.DataFrame:
    """Per term: occurrences, documents, findings it led to (right / wrong), gold spans
    beside it and how many of those were missed. ``terms`` adds rows (zeros) for terms
    that never occurred, so a dead term shows."""
    rows: dict[str, dict[str, Any]] = {
        t: {c: 0 for c in TERM_COLUMNS} | {"term": t, "docs": set()} for t in terms
    }
    for o in found:
        row = rows.setdefault(
            o.term, {c: 0 for c in TERM_COLUMNS} | {"term": o.term, "docs": set()}
        )
        row["occurrences"] += 1
        row["docs"].add(o.doc)
        if o.findings:
            row["fired"] += 1
            if any(f.get("outcome") == "TP" for f in o.findings):
                row["fired_tp"] += 1
            else:
                row["fired_fp"] += 1
        if o.gold:
            row["gold_near"] += 1
            row["gold_missed"] += any(s.get("missed") for s in o.gold)
    for row in rows.values():
        row["documents"] = len(row.pop("docs"))
        row["precision"] = row["fired_tp"] / row["fired"] if row["fired"] else None
        row["recall"] = 1 - row["gold_missed"] / row["gold_near"] if row["gold_near"] else None
    frame = pd.DataFrame(list(rows.values()), columns=TERM_COLUMNS)
    return frame.sort_values(
        ["fired_fp", "gold_missed", "occurrences"], ascending=False, kind="stable"
    ).reset_index(drop=True)


def annotate(
    findings: dict[str, list[dict[str, Any]]],
    gold: dict[str, list[dict[str, Any]]],
    outcome_rows: pd.DataFrame,
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[dict[str, Any]]]]:
    """Findings with their ``outcome`` and gold spans with ``missed``, from the rows of
    :func:`pipeline.analysis.detector_scores.outcomes`. An official's name is right (TP)
    unless it overlaps a gold span of its label: a private person taken for an official."""
    verdict = {
        (r.doc, r.label, r.start, r.end): r.outcome
        for r in outcome_rows.itertuples()
        if r.outcome != "FN"
    }
    missed = {
        (r.doc, r.label, r.start, r.end) for r in outcome_rows.itertuples() if r.outcome == "FN"
    }
    marked = {
        doc: [
            f | {"outcome": _official_outcome(f, gold.get(doc, []))}
            if f.get("role") == "official"
            else f | {"outcome": verdict.get((doc, f["label"], f["start"], f["end"]))}
            for f in items
        ]
        for doc, items in findings.items()
    }
    spans = {
        doc: [s | {"missed": (doc, s["label"], s["start"], s["end"]) in missed} for s in items]
        for doc, items in gold.items()
    }
    return marked, spans


def _official_outcome(finding: dict[str, Any], spans: list[dict[str, Any]]) -> str:
    overlaps = any(
        s["label"] == finding["label"]
        and s["start"] < finding["end"]
        and finding["start"] < s["end"]
        for s in spans
    )
    return "FP" if overlaps else "TP"
