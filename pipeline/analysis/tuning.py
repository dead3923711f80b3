"""One call for the lexicon-tuning notebook: score the detectors on a labelled set and
keep everything the tables need (per label, per recognizer, per lexicon term, in context).

    before = score_detectors(records)
    with workspace.active():
        after = score_detectors(records)
    compare(before.labels, after.labels)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import pandas as pd

from pipeline.analysis.detector_scores import (
    DetectorRun,
    by_label,
    by_recognizer,
    micro,
    outcomes,
    run_detectors,
)
from pipeline.analysis.in_context import ContextTable, in_context
from pipeline.analysis.labelled_choice import rejected_spans, reviewer_notes
from pipeline.analysis.lexicon_terms import USES, annotate, occurrences, term_table
from pipeline.lexicons import load_terms
from pipeline.training.labelled_set import gold_spans


@dataclass(frozen=True)
class DetectorScores:
    run: DetectorRun
    terms_in_use: dict[str, tuple[str, ...]]  # each detector lexicon's terms when scored

    @cached_property
    def outcomes(self) -> pd.DataFrame:
        return outcomes(self.run)

    @property
    def labels(self) -> pd.DataFrame:
        return by_label(self.outcomes)

    @property
    def recognizers(self) -> pd.DataFrame:
        return by_recognizer(self.outcomes)

    @property
    def micro(self) -> dict[str, float]:
        return micro(self.outcomes)

    @cached_property
    def _annotated(
        self,
    ) -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[dict[str, Any]]]]:
        """Findings with their outcome, gold spans with "missed": once for every lexicon."""
        return annotate(self.run.findings, gold_spans(list(self.run.records)), self.outcomes)

    def terms(self, lexicon: str) -> pd.DataFrame:
        """Per term of a detector lexicon (see :mod:`pipeline.analysis.lexicon_terms`),
        as the lexicon was when scored; terms that never occur are listed with zeros."""
        findings, gold = self._annotated
        terms = self.terms_in_use[lexicon]
        found = occurrences(lexicon, self.run.texts, findings, gold, terms=terms)
        return term_table(found, terms)

    def context(
        self,
        outcome: Sequence[str] = ("FP", "FN"),
        label: str | None = None,
        width: int = 25,
        limit: int | None = 100,
    ) -> ContextTable:
        """The errors where they occur; for reviewers' decisions (``triage export-labels``)
        with what the reviewer said beside each."""
        frame = self.outcomes
        if label is not None:
            frame = frame[frame["label"] == label]
        records = list(self.run.records)
        return in_context(
            frame,
            self.run.texts,
            tuple(outcome),
            width,
            limit,
            notes=reviewer_notes(records),
            rejected=rejected_spans(records),
        )


def score_detectors(records: Sequence[dict[str, Any]]) -> DetectorScores:
    """Run the detectors with the lexicons and thresholds now in use and score them."""
    return DetectorScores(run_detectors(records), {name: load_terms(name) for name in USES})
