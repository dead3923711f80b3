"""The detectors' tunable thresholds, read from ``lexicons/thresholds.txt``.

A plain file beside the word lists, for the same reason: analysts change them in a
notebook, see precision and recall move, and save them with a header that says who, when
and why — no code change, no redeploy of the package. Names are checked: a misspelt
threshold is an error, not a silently ignored line.
"""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.labels import LABEL_NAMES
from pipeline.lexicons import lexicon_cache, load_table

NAMES = (
    "clause.alone",
    "clause.agree",
    "clause.trade_company",
    "clause.internal_position",
    "clause.state_detail",
    "clause.internal_context",
    *(f"min_score.{label}" for label in LABEL_NAMES),
    *(f"judge.{label}" for label in ("PERSON", "ADDRESS")),
    "judge.PERSON.plain_text",
    "judge.ADDRESS.home_cue",
    "judge.ADDRESS.estate_door",
    "judge.PERSON.layout",
)
REQUIRED = ("clause.alone", "clause.agree")


class ThresholdError(ValueError):
    """The thresholds file names an unknown threshold or holds a value outside 0–1."""


def parse(rows: Iterable[tuple[str, ...]]) -> dict[str, float]:
    """Name → value from the file's rows; raises ThresholdError naming the bad row."""
    values: dict[str, float] = {}
    for row in rows:
        name = row[0]
        if name not in NAMES:
            raise ThresholdError(f"thresholds.txt: unknown threshold {name!r} (known: {NAMES})")
        if name in values:
            raise ThresholdError(f"thresholds.txt: {name} is given twice")
        try:
            value = float(row[1]) if len(row) > 1 else float("nan")
        except ValueError:
            value = float("nan")
        if not 0.0 <= value <= 1.0:
            raise ThresholdError(f"thresholds.txt: {name} must be a number from 0 to 1")
        values[name] = value
    missing = [name for name in REQUIRED if name not in values]
    if missing:
        raise ThresholdError(f"thresholds.txt: missing {', '.join(missing)}")
    return values


@lexicon_cache
def thresholds() -> dict[str, float]:
    return parse(load_table("thresholds"))


def threshold(name: str) -> float:
    """The value of a threshold the file gives (the clause model's are required)."""
    values = thresholds()
    if name not in values:
        raise ThresholdError(f"threshold {name!r} is not set in thresholds.txt")
    return values[name]


def min_score(label: str) -> float:
    """The score below which findings of ``label`` are dropped (0 when not listed)."""
    return thresholds().get(f"min_score.{label}", 0.0)
