"""How the candidate ensemble's address spans are combined with the CRF's (issue 19).

The stacker of ``ner_ensemble`` keeps every candidate above its cut, the CRF's among
them; on the held-out split it read addresses worse than the CRF alone (ADDR F1 0.579
against 0.589, precision 0.530): its low cut (0.2) lets in spans of LAC, jieba and the
grammar whose boundaries CLUENER does not draw. So the CRF's Viterbi spans may be taken
first, as they are (their boundaries learned from CLUENER itself), and the stacker only
adds spans where the CRF is silent, above a cut of their own, and, if the rule asks,
only spans ending in an address unit (…路, …村, …大厦). A leading 在/位于/来自 is never
part of a CLUENER address and may be trimmed. Names (PER) keep the stacker's decision.

Which rule is used is chosen with ``benchmarks/ner.py --dev`` (the dev third of the
stacker part, crc32 % 10 == 1, 307 gold addresses; the stacker, tagger and CRF fitted
without it; never the held-out 10%). This is the benchmark's candidate ensemble only:
the pipeline's detection (``pipeline/detect/line_ner.py``, the judge) does not run it.

What the dev third said (2026-12-06, address F1): the stacker's own decision at 0.2 is
best, 0.586 (P 0.567 R 0.606), above the CRF alone (0.552, P 0.560 R 0.544), so on dev
the combination does not lose to the CRF as it did on the held-out (0.579 against
0.589: noise of a few hundred addresses, not a rule to fix). CRF first, the stacker
adding where the CRF is silent: at best 0.574 (CRF spans kept at stacker p >= 0.1,
additions >= 0.3), 0.559 when every CRF span is kept; an address tail on additions
0.549-0.568; trimming a leading 在/位于 changes nothing (the stacker already drops such
spans); stacker cuts 0.3/0.4/0.5: 0.569/0.535/0.492. On the same run's scores (``--dump``):
the stacker's spans with the CRF's boundaries wherever they overlap 0.567, the stacker
plus the CRF's spans where it is silent 0.588 (P 0.533 R 0.655, in the noise), cuts
0.1/0.15/0.25: 0.590/0.587/0.582. So the rule stays the stacker's at 0.2.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

Candidate = tuple[int, int, str]
Scores = Sequence[tuple[Candidate, float]]

PER_CUT = 0.4  # ner_ensemble.CUTS["PER"], chosen on the dev third
# Units an added address must end in when the rule asks for a tail: administrative,
# road, building and place units.
ADDRESS_TAILS = frozenset(
    "省市区县镇乡村街路道巷弄号楼栋幢室层院园苑厦城州岛湖山河江湾港站口桥场馆"
)
# Words that lead into a place and are not part of CLUENER's address span.
LEADS = ("位于", "来自", "住在", "前往", "地处", "在", "于", "从", "到", "至", "往")


@dataclass(frozen=True, slots=True)
class Rule:
    """``crf_first``: the CRF's address spans kept when the stacker gives them at least
    ``crf_cut``; the stacker's other spans added above ``cut`` where they overlap none
    kept (with ``tail`` only those ending in an address unit). Without ``crf_first`` the
    stacker's own decision at ``cut``. ``trim``: a leading 在/位于 … cut off."""

    name: str
    crf_first: bool
    cut: float
    crf_cut: float = 0.0
    tail: bool = False
    trim: bool = False


def _overlaps(span: Candidate, kept: Sequence[Candidate]) -> bool:
    return any(k[2] == span[2] and k[0] < span[1] and span[0] < k[1] for k in kept)


def trimmed(text: str, span: Candidate) -> Candidate:
    """The span without a leading 在/位于/来自 … (if two characters or more remain)."""
    a, b, label = span
    for lead in LEADS:
        if text.startswith(lead, a) and b - a - len(lead) >= 2:
            return a + len(lead), b, label
    return span


def combine_sentence(
    text: str, scores: Scores, crf: Sequence[Candidate], rule: Rule
) -> list[Candidate]:
    """One sentence's PER and ADDR spans under ``rule``."""
    ranked = sorted(scores, key=lambda x: -x[1])
    kept: list[Candidate] = []
    for cand, p in ranked:
        if cand[2] == "PER" and p >= PER_CUT and not _overlaps(cand, kept):
            kept.append(cand)
    if rule.crf_first:
        prob = dict(scores)
        for span in crf:
            keep = span[2] == "ADDR" and prob.get(span, 0.0) >= rule.crf_cut
            if keep and not _overlaps(span, kept):
                kept.append(span)
    for cand, p in ranked:
        if cand[2] != "ADDR" or p < rule.cut or _overlaps(cand, kept):
            continue
        if rule.crf_first and rule.tail and text[cand[1] - 1] not in ADDRESS_TAILS:
            continue
        kept.append(cand)
    if rule.trim:
        kept = [trimmed(text, c) if c[2] == "ADDR" else c for c in kept]
    return sorted(set(kept))


def combine(
    texts: Sequence[str],
    scores: Sequence[Scores],
    crfs: Sequence[Sequence[Candidate]],
    rule: Rule,
) -> list[list[Candidate]]:
    """Every sentence's spans under ``rule`` (``crfs``: the CRF's Viterbi spans)."""
    return [combine_sentence(t, s, c, rule) for t, s, c in zip(texts, scores, crfs, strict=True)]


def _grid() -> dict[str, Rule]:
    rules = [Rule(f"stacker cut {c}", False, c) for c in (0.2, 0.3, 0.4, 0.5)]
    for crf_cut in (0.0, 0.1, 0.2, 0.3):
        for cut in (0.3, 0.4, 0.5, 0.6, 0.7, 1.01):
            for tail in (False, True) if cut <= 1 else (False,):
                name = f"crf first >={crf_cut}, add >={cut}{' tail' if tail else ''}"
                rules.append(Rule(name, True, cut, crf_cut, tail))
    rules += [
        Rule(r.name + " trim", r.crf_first, r.cut, r.crf_cut, r.tail, True) for r in list(rules)
    ]
    return {r.name: r for r in rules}


GRID = _grid()
# Chosen on the dev third (above): the stacker's own decision.
RULE = GRID["stacker cut 0.2"]
