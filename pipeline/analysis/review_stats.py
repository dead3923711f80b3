"""What reviewers' decisions say about the machine: throughput, precision per label,
agreement on the disclosure attribute, and how these move from week to week.

Plain functions over :class:`~pipeline.analysis.review_data.ReviewData` (``load`` it once,
then call these in turn from a notebook or the CLI). The rules they share:

- the judgement on a document is its **latest decision** (a return, 退回, sends it back
  and the next decision replaces the earlier one); a finding is *judged* when that
  decision gave it a verdict, so the findings of undecided documents are not counted;
- a decision is **final** when it was approved at every level: it has approvals, no
  return, and its document is no longer waiting at a further level (state ``reviewed``);
- a document is **open** (in the backlog) from its ingest until its final approval, and
  again from a re-review requeue (the audit log's ``rereview``); unreadable files are not
  in the review queue and so not in the backlog.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from pipeline.analysis.review_data import ReviewData, load
from pipeline.decide import ATTRIBUTES, WITHHELD

__all__ = [
    "Z95",
    "AttributeComparison",
    "Drift",
    "ReviewData",
    "acceptance",
    "compare_attributes",
    "drift",
    "final_approvals",
    "hand_marked",
    "judged_findings",
    "latest_decisions",
    "load",
    "throughput",
    "wilson_interval",
]

Z95 = 1.959963984540054  # the normal quantile of a two-sided 95% interval
THROUGHPUT = (
    "ingested",
    "unreadable",
    "decided",
    "approved",
    "withheld",
    "published",
    "returned",
    "hours_to_decision",
    "hours_to_approval",
    "backlog",
)
DISAGREEMENTS = (
    "document_id",
    "title",
    "suggested",
    "final",
    "confidence",
    "reviewer",
    "comment",
    "decided_at",
)


def wilson_interval(
    successes: np.ndarray | float, trials: np.ndarray | float, z: float = Z95
) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval of a proportion: unlike p ± z·√(p(1−p)/n) it stays inside
    [0, 1] and does not collapse to a point at 0 or n successes, which matters for labels
    judged only a handful of times. NaN where there were no trials."""
    k = np.asarray(successes, dtype=float)
    n = np.asarray(trials, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = k / n
        denominator = 1 + z**2 / n
        centre = (p + z**2 / (2 * n)) / denominator
        half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / denominator
    return centre - half, centre + half


def latest_decisions(data: ReviewData) -> pd.DataFrame:
    """Each decided document's latest decision, with the attribute its suggestion had."""
    decisions = data.decisions.sort_values("decision_id").drop_duplicates(
        "document_id", keep="last"
    )
    suggested = data.suggestions[["suggestion_id", "attribute", "confidence", "suggested_at"]]
    return decisions.merge(
        suggested.rename(columns={"attribute": "suggested"}), on="suggestion_id", how="left"
    )


def final_approvals(data: ReviewData) -> pd.DataFrame:
    """Decisions approved at every level: ``document_id``, ``decision_id``, ``outcome``
    (approved, or withheld for 不予公开) and ``at`` (the last approval's time)."""
    approvals = data.approvals
    returned = set(approvals.loc[approvals["action"] == "return", "decision_id"])
    steps = approvals[approvals["action"] == "approve"]
    last = steps.groupby("decision_id", as_index=False)["at"].max()
    final = last.merge(
        data.decisions[["decision_id", "document_id", "attribute"]], on="decision_id"
    )
    latest = latest_decisions(data)[["document_id", "decision_id"]]
    waiting = set(
        latest.merge(data.documents[["document_id", "state"]], on="document_id").query(
            "state == 'reviewed'"
        )["decision_id"]
    )
    final = final[~final["decision_id"].isin(returned | waiting)]
    outcome = np.where(final["attribute"] == WITHHELD, "withheld", "approved")
    return final.assign(outcome=outcome)[["document_id", "decision_id", "outcome", "at"]]


def throughput(data: ReviewData, freq: str = "W") -> pd.DataFrame:
    """Per period (``freq``: a pandas period alias, ``"D"`` days or ``"W"`` weeks from
    Monday): files ingested (and how many of them were unreadable), decisions made,
    decisions finally approved / withheld, document versions published, returns (退回);
    the median hours from ingest to a document's first decision and from a final
    decision to its last approval (in the period the decision / approval happened); and
    the backlog, the documents open at the period's end."""
    documents = data.documents
    first = data.decisions.sort_values("decision_id").drop_duplicates("document_id")
    first = first.merge(documents[["document_id", "ingested_at"]], on="document_id")
    final = final_approvals(data).merge(
        data.decisions[["decision_id", "decided_at"]], on="decision_id"
    )
    returns = data.approvals[data.approvals["action"] == "return"]
    columns = {
        "ingested": _count(documents["ingested_at"], freq),
        "unreadable": _count(documents.loc[documents["status"] != "ok", "ingested_at"], freq),
        "decided": _count(data.decisions["decided_at"], freq),
        "approved": _count(final.loc[final["outcome"] == "approved", "at"], freq),
        "withheld": _count(final.loc[final["outcome"] == "withheld", "at"], freq),
        "published": _count(data.publications["published_at"], freq),
        "returned": _count(returns["at"], freq),
        "hours_to_decision": _median_hours(first["ingested_at"], first["decided_at"], freq),
        "hours_to_approval": _median_hours(final["decided_at"], final["at"], freq),
        "backlog": _backlog(data, final, freq),
    }
    periods = _all_periods(
        pd.concat(
            [
                documents["ingested_at"],
                data.decisions["decided_at"],
                data.approvals["at"],
                data.publications["published_at"],
            ]
        ),
        freq,
    )
    table = pd.DataFrame(
        {name: series.reindex(periods) for name, series in columns.items()}, index=periods
    )
    counts = [c for c in THROUGHPUT if not c.startswith("hours_") and c != "backlog"]
    table[counts] = table[counts].fillna(0).astype(int)
    table["backlog"] = table["backlog"].ffill().fillna(0).astype(int)
    table[["hours_to_decision", "hours_to_approval"]] = table[
        ["hours_to_decision", "hours_to_approval"]
    ].astype(float)
    return table[list(THROUGHPUT)]


def _all_periods(times: pd.Series, freq: str) -> pd.PeriodIndex:
    """Every period from the first to the last of ``times`` (none when there are none)."""
    times = times.dropna()
    if times.empty:
        return pd.PeriodIndex([], freq=freq, name="period")
    return pd.period_range(times.min(), times.max(), freq=freq, name="period")


def _periods(times: pd.Series, freq: str) -> pd.PeriodIndex:
    """The period of each time, as an index to group by."""
    return pd.DatetimeIndex(times).to_period(freq).rename("period")


def _count(times: pd.Series, freq: str) -> pd.Series:
    times = times.dropna()
    return times.groupby(_periods(times, freq)).size()


def _median_hours(start: pd.Series, end: pd.Series, freq: str) -> pd.Series:
    hours = (end - start).dt.total_seconds() / 3600
    return hours.groupby(_periods(end, freq)).median()


def _backlog(data: ReviewData, final: pd.DataFrame, freq: str) -> pd.Series:
    """Open documents at each period end: +1 at ingest (readable files) and at a
    re-review requeue, −1 at a final approval; the running sum by period."""
    documents = data.documents[data.documents["status"] == "ok"]
    events = data.events
    reopened = events.loc[events["action"] == "rereview", "at"]
    changes = pd.concat(
        [
            pd.Series(1, index=_periods(documents["ingested_at"], freq)),
            pd.Series(1, index=_periods(reopened, freq)),
            pd.Series(-1, index=_periods(final["at"], freq)),
        ]
    )
    return changes.groupby(level=0).sum().sort_index().cumsum()


def judged_findings(data: ReviewData) -> pd.DataFrame:
    """Every finding the latest decision of its document judged, with its verdict and
    the time its suggestion was made."""
    latest = latest_decisions(data)[["decision_id", "suggested_at"]]
    verdicts = data.verdicts.merge(latest, on="decision_id")
    return verdicts.merge(data.findings.drop(columns=["document_id"]), on="finding_id", how="inner")


def acceptance(data: ReviewData, by: str | list[str] = "label") -> pd.DataFrame:
    """Per label (or recognizer, role, or a list of these): findings judged, accepted,
    rejected, modified, and the acceptance rate — the precision people measured — with
    its Wilson 95% interval (``low``, ``high``); lowest acceptance first. A modified
    finding counts against: the kind was right, but the span the machine proposed was
    not the one to redact."""
    keys = [by] if isinstance(by, str) else list(by)
    return _acceptance_table(judged_findings(data), keys)


SCORE_BANDS = (0.0, 0.5, 0.7, 0.8, 0.9, 1.0)


def acceptance_by_score(data: ReviewData, bands: Sequence[float] = SCORE_BANDS) -> pd.DataFrame:
    """Acceptance per label and score band (``score_band`` like "(0.7, 0.8]"): where the
    findings reviewers reject sit low in a label's scores, a ``min_score.<LABEL>`` in
    lexicons/thresholds.txt just above them drops them before anyone reads them."""
    judged = judged_findings(data)
    judged["score_band"] = pd.cut(judged["score"], list(bands), include_lowest=True).astype(str)
    table = _acceptance_table(judged, ["label", "score_band"])
    return table.sort_values(["label", "score_band"]).reset_index(drop=True)


def _acceptance_table(judged: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    verdict = judged["verdict"]
    marks = judged[keys].assign(
        accepted=verdict == "accept", rejected=verdict == "reject", modified=verdict == "modify"
    )
    table = marks.groupby(keys, dropna=False).agg(
        judged=("accepted", "size"),
        accepted=("accepted", "sum"),
        rejected=("rejected", "sum"),
        modified=("modified", "sum"),
    )
    table = table.astype(int)
    table["acceptance"] = table["accepted"] / table["judged"]
    table["low"], table["high"] = wilson_interval(table["accepted"], table["judged"])
    order = ["acceptance", "judged", *keys]
    return (
        table.reset_index()
        .sort_values(order, ascending=[True, False, *[True] * len(keys)])
        .reset_index(drop=True)
    )


@dataclass(frozen=True)
class AttributeComparison:
    """Suggested against final attribute over decided documents."""

    crosstab: pd.DataFrame  # rows: suggested, columns: final (all four attributes)
    agreement: float  # share on the diagonal; NaN when nothing is decided
    disagreements: pd.DataFrame  # one row per document decided otherwise (DISAGREEMENTS)


def compare_attributes(data: ReviewData) -> AttributeComparison:
    """The machine's suggested attribute against the reviewer's (the latest decision)."""
    latest = latest_decisions(data).dropna(subset=["suggested"])
    crosstab = (
        pd.crosstab(latest["suggested"], latest["attribute"])
        .reindex(index=list(ATTRIBUTES), columns=list(ATTRIBUTES), fill_value=0)
        .astype(int)
    )
    crosstab.index.name, crosstab.columns.name = "suggested", "final"
    total = int(crosstab.to_numpy().sum())
    agreement = float(np.trace(crosstab.to_numpy()) / total) if total else float("nan")
    differ = latest[latest["suggested"] != latest["attribute"]].merge(
        data.documents[["document_id", "title"]], on="document_id"
    )
    disagreements = (
        differ.rename(columns={"attribute": "final"})
        .sort_values("document_id")[list(DISAGREEMENTS)]
        .reset_index(drop=True)
    )
    return AttributeComparison(crosstab, agreement, disagreements)


def hand_marked(data: ReviewData) -> pd.DataFrame:
    """Spans reviewers redacted that the machine neither proposed nor found (what the
    recognizers missed), per label: ``spans`` and the ``documents`` they are in. Latest
    decisions only; a hand-marked span touching a proposal was merged into it on saving
    and is not counted."""
    latest = latest_decisions(data)[["decision_id", "suggestion_id"]]
    spans = data.redactions.merge(latest, on="decision_id").reset_index(drop=True)
    machine = pd.concat(
        [
            data.proposals[["suggestion_id", "start", "end"]],
            data.findings[["suggestion_id", "start", "end"]],
        ]
    )
    pairs = spans.reset_index().merge(machine, on="suggestion_id", suffixes=("", "_m"))
    overlapping = pairs[(pairs["start"] < pairs["end_m"]) & (pairs["start_m"] < pairs["end"])]
    added = spans.drop(index=overlapping["index"].unique())
    table = added.groupby("label").agg(
        spans=("start", "size"), documents=("document_id", "nunique")
    )
    ordered = table.reset_index().sort_values(["spans", "label"], ascending=[False, True])
    return ordered.reset_index(drop=True)


@dataclass(frozen=True)
class Drift:
    """The machine's output and the reviewers' judgement of it, per period in which the
    suggestions were made (the model and lexicon versions of that time)."""

    # suggestions, mean_confidence, findings_per_document, decided, disagreement
    overview: pd.DataFrame
    attributes: pd.DataFrame  # share of each suggested attribute (rows sum to 1)
    acceptance: pd.DataFrame  # acceptance rate per label, one column each (NaN: none judged)


def drift(data: ReviewData, freq: str = "W") -> Drift:
    """How suggestions and their judgement change over time, grouped by when each
    suggestion was made: a step in a rate after a lexicon or model update shows here.
    ``decided`` and ``disagreement`` (suggested ≠ final attribute) count the documents
    decided so far, so the latest periods fill in as reviewers catch up."""
    suggestions = data.suggestions
    periods = _all_periods(suggestions["suggested_at"], freq)
    made = _periods(suggestions["suggested_at"], freq)
    found = data.findings.groupby("suggestion_id").size()
    per_suggestion = suggestions["suggestion_id"].map(found).fillna(0).astype(float)
    latest = latest_decisions(data).dropna(subset=["suggested"])
    decided = _periods(latest["suggested_at"], freq)
    differ = (latest["suggested"] != latest["attribute"]).astype(float)
    overview = pd.DataFrame(
        {
            "suggestions": suggestions.groupby(made).size().reindex(periods),
            "mean_confidence": suggestions["confidence"].groupby(made).mean().reindex(periods),
            "findings_per_document": per_suggestion.groupby(made).mean().reindex(periods),
            "decided": latest.groupby(decided).size().reindex(periods),
            "disagreement": differ.groupby(decided).mean().reindex(periods),
        },
        index=periods,
    )
    overview[["suggestions", "decided"]] = (
        overview[["suggestions", "decided"]].fillna(0).astype(int)
    )
    counts = suggestions.groupby([made, suggestions["attribute"]]).size()
    shares = counts.unstack(fill_value=0).reindex(
        index=periods, columns=list(ATTRIBUTES), fill_value=0
    )
    shares = shares.div(shares.sum(axis=1).replace(0, np.nan), axis=0)
    shares.columns.name = "suggested"
    judged = judged_findings(data)
    accepted = (judged["verdict"] == "accept").astype(float)
    rates = accepted.groupby([_periods(judged["suggested_at"], freq), judged["label"]]).mean()
    labels = sorted(judged["label"].unique())
    table = rates.unstack() if len(rates) else pd.DataFrame(columns=labels)
    table = table.reindex(index=periods, columns=labels)
    table.columns.name = "label"
    return Drift(overview, shares, table)
