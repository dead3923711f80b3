"""The analysts' review statistics against a database whose every decision is known
(tests/analysis/review_db.py), on SQLite and PostgreSQL, and on an empty database."""

from __future__ import annotations

import dataclasses
import statistics
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
import pytest
from scipy.optimize import brentq

from pipeline.analysis import review_stats as rs
from pipeline.analysis.review_data import ReviewData
from pipeline.decide import ATTRIBUTES
from tests.analysis.review_db import BuiltDocument, BuiltReview, build_review_db
from tests.conftest import fresh_database

BEIJING = ZoneInfo("Asia/Shanghai")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def built(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[BuiltReview, ReviewData]]:
    with fresh_database(request.param, tmp_path_factory.mktemp("review")) as url:
        review = build_review_db(url)
        yield review, rs.load(url)


def _week(moment: datetime) -> pd.Period:
    return pd.Period(moment.astimezone(BEIJING).replace(tzinfo=None), freq="W")


def _per_week(moments: list[datetime]) -> dict[pd.Period, int]:
    return dict(Counter(_week(m) for m in moments))


def _nonzero(column: pd.Series) -> dict[pd.Period, int]:
    return {period: int(value) for period, value in column.items() if value}


def test_the_builder_made_a_database_worth_measuring(built: tuple[BuiltReview, ReviewData]) -> None:
    review, _data = built
    verdicts = Counter(v for d in review.documents for v in d.verdicts.values())
    fates = Counter(d.fate for d in review.documents)
    assert verdicts["accept"] and verdicts["reject"] and verdicts["modify"]
    assert {"approved", "withheld", "returned", "reviewed", "in_review", "open"} <= set(fates)
    assert sum(s != f for (s, f), n in review.crosstab().items()) >= 2
    assert sum(review.hand_marked().values()) >= 2
    assert len({_week(d.ingested_at) for d in review.documents}) >= 5


def test_acceptance_per_label_is_what_the_reviewers_decided(
    built: tuple[BuiltReview, ReviewData],
) -> None:
    review, data = built
    for key in ("label", "recognizer"):
        table = rs.acceptance(data, by=key).set_index(key)
        expected = review.judged(key)
        assert set(table.index) == set(expected)
        for name, counts in expected.items():
            row = table.loc[name]
            assert (row.accepted, row.rejected, row.modified) == (
                counts["accept"],
                counts["reject"],
                counts["modify"],
            )
            assert row.judged == counts.total()
            assert row.acceptance == pytest.approx(counts["accept"] / counts.total())
            low, high = rs.wilson_interval(counts["accept"], counts.total())
            assert (row.low, row.high) == pytest.approx((float(low), float(high)))
        assert list(table["acceptance"]) == sorted(table["acceptance"])


def test_acceptance_by_score_band_splits_each_label(
    built: tuple[BuiltReview, ReviewData],
) -> None:
    review, data = built
    bands = rs.acceptance_by_score(data)
    expected = review.judged("label")
    for label, counts in expected.items():
        rows = bands[bands["label"] == label]
        assert rows["judged"].sum() == counts.total()
        assert rows["accepted"].sum() == counts["accept"]
    scores = rs.judged_findings(data).groupby("label")["score"]
    for row in bands.itertuples():
        low, high = (float(x) for x in row.score_band.strip("([]").split(", "))
        judged = scores.get_group(row.label)
        assert row.judged == int(((judged > low) & (judged <= high)).sum())


def test_findings_of_undecided_documents_are_not_judged(
    built: tuple[BuiltReview, ReviewData],
) -> None:
    review, data = built
    undecided = {d.document_id for d in review.documents if d.fate in ("open", "in_review")}
    findings = data.findings
    assert findings["document_id"].isin(undecided).any()  # there is something to leave out
    judged = rs.judged_findings(data)
    assert (
        not judged["finding_id"]
        .isin(findings.loc[findings["document_id"].isin(undecided), "finding_id"])
        .any()
    )
    assert int(rs.acceptance(data)["judged"].sum()) == sum(
        len(d.verdicts) for d in review.documents
    )


def test_suggested_against_final_attribute(built: tuple[BuiltReview, ReviewData]) -> None:
    review, data = built
    comparison = rs.compare_attributes(data)
    expected = review.crosstab()
    assert list(comparison.crosstab.index) == list(ATTRIBUTES)
    assert list(comparison.crosstab.columns) == list(ATTRIBUTES)
    for suggested in ATTRIBUTES:
        for final in ATTRIBUTES:
            assert comparison.crosstab.loc[suggested, final] == expected[(suggested, final)]
    agreeing = sum(n for (s, f), n in expected.items() if s == f)
    assert comparison.agreement == pytest.approx(agreeing / expected.total())
    differing = [d for d in review.documents if d.final and d.final != d.suggested]
    table = comparison.disagreements
    assert list(table.columns) == list(rs.DISAGREEMENTS)
    assert list(table["document_id"]) == [d.document_id for d in differing]
    assert list(table["final"]) == [d.final for d in differing]
    assert list(table["reviewer"]) == [d.reviewer for d in differing]
    assert all(
        comment == f"改为{final}"
        for comment, final in zip(table["comment"], table["final"], strict=True)
    )
    assert table["title"].map(bool).all()


def test_spans_marked_by_hand_are_counted_per_label(built: tuple[BuiltReview, ReviewData]) -> None:
    review, data = built
    table = rs.hand_marked(data).set_index("label")
    expected = review.hand_marked()
    assert table["spans"].to_dict() == dict(expected)
    marked = Counter(label for d in review.documents for label in set(d.hand_marked))
    assert table["documents"].to_dict() == dict(marked)


def _backlog_at(documents: list[BuiltDocument], end: datetime) -> int:
    return sum(
        d.ingested_at < end and (d.approved_at is None or d.approved_at >= end) for d in documents
    )


def test_weekly_throughput(built: tuple[BuiltReview, ReviewData]) -> None:
    review, data = built
    documents = review.documents
    table = rs.throughput(data, "W")
    assert table.index.freqstr == "W-SUN"
    assert _nonzero(table["ingested"]) == _per_week([d.ingested_at for d in documents])
    assert _nonzero(table["decided"]) == _per_week([t for d in documents for t in d.decided_at])
    for outcome in ("approved", "withheld"):
        done = [d.approved_at for d in documents if d.fate == outcome and d.approved_at]
        assert _nonzero(table[outcome]) == _per_week(done)
    published = [d.published_at for d in documents if d.published_at]
    assert _nonzero(table["published"]) == _per_week(published)
    assert _nonzero(table["returned"]) == _per_week(
        [d.returned_at for d in documents if d.returned_at]
    )
    assert table["unreadable"].sum() == 0
    for period, value in table["backlog"].items():
        end = period.end_time.to_pydatetime().replace(tzinfo=BEIJING) + timedelta(microseconds=1)
        assert value == _backlog_at(documents, end), period
    assert table["backlog"].iloc[-1] == review.open
    first: dict[pd.Period, list[float]] = {}
    for d in documents:
        if d.decided_at:
            first.setdefault(_week(d.decided_at[0]), []).append(
                (d.decided_at[0] - d.ingested_at) / timedelta(hours=1)
            )
    assert table["hours_to_decision"].dropna().to_dict() == {
        week: statistics.median(hours) for week, hours in first.items()
    }
    approving: dict[pd.Period, list[float]] = {}
    for d in documents:
        if d.approved_at:
            approving.setdefault(_week(d.approved_at), []).append(
                (d.approved_at - d.decided_at[-1]) / timedelta(hours=1)
            )
    assert table["hours_to_approval"].dropna().to_dict() == {
        week: statistics.median(hours) for week, hours in approving.items()
    }


def test_daily_throughput_adds_up_to_the_weekly(built: tuple[BuiltReview, ReviewData]) -> None:
    _review, data = built
    days, weeks = rs.throughput(data, "D"), rs.throughput(data, "W")
    counts = ["ingested", "decided", "approved", "withheld", "published", "returned"]
    assert (days[counts].sum() == weeks[counts].sum()).all()
    assert days["backlog"].iloc[-1] == weeks["backlog"].iloc[-1]
    assert len(days) > len(weeks) >= 5


def test_a_requeued_document_is_open_again(built: tuple[BuiltReview, ReviewData]) -> None:
    review, data = built
    withheld = next(d for d in review.documents if d.fate == "withheld")
    week = rs.throughput(data).index[-1]
    requeue = pd.DataFrame(
        {
            "event_id": pd.array([10_000], dtype="Int64"),
            "actor": ["系统"],
            "action": ["rereview"],
            "document_id": pd.array([withheld.document_id], dtype="Int64"),
            "at": [week.start_time + timedelta(hours=1)],
        }
    )
    requeued = dataclasses.replace(data, events=pd.concat([data.events, requeue]))
    before, after = rs.throughput(data)["backlog"], rs.throughput(requeued)["backlog"]
    assert list(after.iloc[:-1]) == list(before.iloc[:-1])
    assert after.iloc[-1] == before.iloc[-1] + 1


def test_weekly_drift(built: tuple[BuiltReview, ReviewData]) -> None:
    review, data = built
    drift = rs.drift(data, "W")
    documents = review.documents
    overview = drift.overview
    assert _nonzero(overview["suggestions"]) == _per_week([d.ingested_at for d in documents])
    decided = [d for d in documents if d.final]
    assert _nonzero(overview["decided"]) == _per_week([d.ingested_at for d in decided])
    differ = _per_week([d.ingested_at for d in decided if d.final != d.suggested])
    for week, value in overview["disagreement"].dropna().items():
        assert value == pytest.approx(differ.get(week, 0) / overview.loc[week, "decided"])
    found: Counter[pd.Period] = Counter()
    per_document = data.findings.groupby("document_id").size()
    for d in documents:
        found[_week(d.ingested_at)] += int(per_document.get(d.document_id, 0))
    for week, value in overview["findings_per_document"].items():
        assert value == pytest.approx(found[week] / overview.loc[week, "suggestions"])
    assert np.allclose(drift.attributes.sum(axis=1), 1.0)
    suggested = Counter((_week(d.ingested_at), d.suggested) for d in documents)
    for (week, attribute), share in drift.attributes.stack().items():
        assert share == pytest.approx(
            suggested[(week, attribute)] / overview.loc[week, "suggestions"]
        )
    accepted: Counter[tuple[pd.Period, str]] = Counter()
    judged: Counter[tuple[pd.Period, str]] = Counter()
    for d in documents:
        for finding_id, verdict in d.verdicts.items():
            key = (_week(d.ingested_at), review.findings[finding_id][0])
            judged[key] += 1
            accepted[key] += verdict == "accept"
    rates = drift.acceptance.stack().dropna()
    assert {k: pytest.approx(v) for k, v in rates.items()} == {
        k: accepted[k] / n for k, n in judged.items()
    }


EMPTY: dict[str, Callable[[ReviewData], pd.DataFrame]] = {
    "throughput": rs.throughput,
    "acceptance": rs.acceptance,
    "crosstab": lambda d: rs.compare_attributes(d).crosstab,
    "disagreements": lambda d: rs.compare_attributes(d).disagreements,
    "hand_marked": rs.hand_marked,
    "drift": lambda d: rs.drift(d).overview,
    "drift_attributes": lambda d: rs.drift(d).attributes,
    "drift_acceptance": lambda d: rs.drift(d).acceptance,
}


def test_an_empty_database_gives_empty_tables_with_their_columns(tmp_path: Path) -> None:
    data = rs.load(f"sqlite:///{tmp_path / 'empty.db'}")
    assert all(frame.empty for frame in dataclasses.asdict(data).values())
    assert list(rs.throughput(data).columns) == list(rs.THROUGHPUT)
    assert list(rs.acceptance(data).columns) == [
        "label",
        "judged",
        "accepted",
        "rejected",
        "modified",
        "acceptance",
        "low",
        "high",
    ]
    assert list(rs.hand_marked(data).columns) == ["label", "spans", "documents"]
    assert list(rs.compare_attributes(data).disagreements.columns) == list(rs.DISAGREEMENTS)
    assert rs.compare_attributes(data).crosstab.to_numpy().sum() == 0
    assert np.isnan(rs.compare_attributes(data).agreement)
    assert list(rs.drift(data).overview.columns) == [
        "suggestions",
        "mean_confidence",
        "findings_per_document",
        "decided",
        "disagreement",
    ]
    for name, table in EMPTY.items():
        frame = table(data)
        assert frame.empty or (name == "crosstab" and frame.shape == (4, 4)), name


def test_wilson_interval_known_values() -> None:
    # Published values (Newcombe 1998, table I; Brown, Cai & DasGupta 2001).
    assert np.allclose(rs.wilson_interval(8, 10), (0.4902, 0.9433), atol=5e-5)
    assert np.allclose(rs.wilson_interval(0, 10), (0.0, 0.2775), atol=5e-5)
    assert np.allclose(rs.wilson_interval(10, 10), (0.7225, 1.0), atol=5e-5)
    low, high = rs.wilson_interval(np.array([1, 0]), np.array([0, 0]))
    assert np.isnan(low).all() and np.isnan(high).all()


@pytest.mark.parametrize(("k", "n"), [(1, 3), (7, 13), (40, 41), (0, 2)])
def test_wilson_bounds_are_where_the_score_test_stops_rejecting(k: int, n: int) -> None:
    # The Wilson interval inverts the score test: p is in it when |k/n − p| ≤ z·√(p(1−p)/n).
    def score(p: float) -> float:
        return abs(k / n - p) - rs.Z95 * np.sqrt(p * (1 - p) / n)

    low, high = (float(b) for b in rs.wilson_interval(k, n))
    expected_low = brentq(score, 1e-12, k / n) if k else 0.0
    expected_high = brentq(score, max(k / n, 1e-12), 1 - 1e-12) if k < n else 1.0
    assert (low, high) == pytest.approx((expected_low, expected_high), abs=1e-9)
