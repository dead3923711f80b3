"""Table 三 of the annual report counted from the cases: a varied set of cases over three
years is recounted here by hand from the case rows, and the .xlsx and Markdown say the
same; 新收 + 上年结转 = 总计 + 结转下年度 in every column. Also: the migration creates
exactly the tables the models describe, roles are enforced, the sweep closes lapsed
supplements as 逾期不补正."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from pipeline.requests.cases import RequestError
from pipeline.requests.intake import Intake, add_case
from pipeline.requests.links import link
from pipeline.requests.outcomes import APPLICANT_KINDS, OUTCOMES, WITHHOLDINGS
from pipeline.requests.replies import reply
from pipeline.requests.report import CARRIED_IN, CARRIED_OUT, NEW, TOTAL, table_three, write_xlsx
from pipeline.requests.steps import ask_supplement, close, request_extension, sweep
from pipeline.store.models import Base
from pipeline.store.request_rows import RequestCase
from pipeline.store.users import find_user
from tests.requests.helpers import queue_draft, review_and_approve

YEAR = 2025


def _build(factory: sessionmaker[Session], folder: Path, count: int = 48) -> None:
    """Cases received 2024–2026 by every kind of applicant, answered in every way, closed
    without an answer, or still open."""
    doc_id = queue_draft(factory, folder)
    review_and_approve(factory, doc_id)
    rng = random.Random(7)
    endings = [o.key for o in OUTCOMES] + ["逾期不补正", "逾期未缴费", "其他", None, None]
    with factory() as session, session.begin():
        clerk = find_user(session, "李办理")
        assert clerk is not None
        for i in range(count):
            received = date(2024, 10, 1) + timedelta(days=rng.randrange(0, 800))
            kind = APPLICANT_KINDS[i % len(APPLICANT_KINDS)]
            today = received + timedelta(days=60)
            case = add_case(
                session, clerk, Intake(kind, {"name": f"申请人{i}"}, f"信息{i}", received), today
            )
            ending = endings[i % len(endings)]
            counted = date.fromisoformat(case.received_on)  # a day off moves it on
            answered = counted + timedelta(days=rng.randrange(1, 40))
            if ending in ("逾期不补正",):
                ask_supplement(session, clerk, case.id, counted, "", today)
                sweep(session, counted + timedelta(days=rng.randrange(25, 60)))
            elif ending in ("逾期未缴费", "其他"):
                close(session, clerk, case.id, ending, answered)
            elif ending is not None:
                outcome = next(o for o in OUTCOMES if o.key == ending)
                if ending == "补正后仍不明确":
                    continue  # needs a supplement first; left open
                if outcome.needs_documents:
                    link(session, clerk, case.id, doc_id)
                reason = WITHHOLDINGS[i % len(WITHHOLDINGS)].key if outcome.needs_reason else None
                reply(
                    session,
                    clerk,
                    case.id,
                    ending,
                    reason,
                    where="门户网站",
                    today=answered,
                    check_letter=False,
                )  # the letter scan is tested in test_letters
                if i % 3:
                    close(session, clerk, case.id, None, answered + timedelta(days=3))


def _recount(session: Session, year: int) -> dict[str, Counter[str]]:
    """Table 三 by hand from the rows: the row name (as the report words it) → kind."""
    out: dict[str, Counter[str]] = {}
    first, last = f"{year}-01-01", f"{year}-12-31"
    for case in session.scalars(select(RequestCase)):
        done = case.replied_on or (case.closed_on if case.closure else None)
        if case.received_on > last or (
            case.received_on < first and done is not None and done < first
        ):
            continue
        key = NEW if case.received_on >= first else CARRIED_IN
        out.setdefault(key, Counter())[case.applicant_kind] += 1
        if done is None or done > last:
            out.setdefault(CARRIED_OUT, Counter())[case.applicant_kind] += 1
            continue
        out.setdefault(TOTAL, Counter())[case.applicant_kind] += 1
        if case.closure:
            row = {
                "逾期不补正": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "逾期未缴费": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                "其他": "3.其他",
            }[case.closure]
        elif case.outcome in ("已主动公开", "予以公开"):
            row = "（一）予以公开"
        elif case.outcome == "部分公开":
            row = "（二）部分公开"
        elif case.outcome == "不予公开":
            row = next(w.row for w in WITHHOLDINGS if w.key == case.outcome_detail["reason"])
        else:
            row = next(o.row for o in OUTCOMES if o.key == case.outcome)
        out.setdefault(row, Counter())[case.applicant_kind] += 1
    return out


def test_table_three_recounts_from_the_cases(
    sqlite_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    factory = sqlite_factory
    _build(factory, tmp_path)
    with factory() as session:
        for year in (2024, YEAR, 2026):
            table = table_three(session, year)
            expected = _recount(session, year)
            printed = {
                label.strip("　").split("（区分")[0]: values for label, values in table.rows()
            }
            for row, kinds in expected.items():
                values = printed[row]
                assert values[:-1] == [kinds.get(k, 0) for k in APPLICANT_KINDS], (year, row)
                assert values[-1] == sum(kinds.values()), (year, row)
            assert sum(
                v[-1] or 0
                for label, v in printed.items()
                if label not in (NEW, CARRIED_IN, TOTAL, CARRIED_OUT)
            ) == table.value(TOTAL)
            for i in range(len(APPLICANT_KINDS) + 1):  # 新收 + 上年结转 = 总计 + 结转下年度
                got, carried, total, out = (
                    int(printed[key][i] or 0) for key in (NEW, CARRIED_IN, TOTAL, CARRIED_OUT)
                )
                assert got + carried == total + out
        table = table_three(session, YEAR)
        assert table.value(NEW) > 10 and table.value(TOTAL) > 10 and table.value(CARRIED_IN) > 0
    book = load_workbook(write_xlsx(table, tmp_path / "t.xlsx"))
    sheet = book.active
    assert sheet is not None
    rows = {
        str(r[0]).strip(): list(r[1:]) for r in sheet.iter_rows(min_row=5, values_only=True) if r[0]
    }
    for label, values in table.rows():
        assert rows[label.strip("　")] == values
    assert sheet["B2"].value == "申请人情况" and sheet["C3"].value == "法人或其他组织"
    new = next(values for label, values in table.rows() if label == NEW)
    assert f"| {NEW} | " + " | ".join(str(v) for v in new) + " |" in table.markdown()


def test_the_migration_matches_the_models(factory: sessionmaker[Session]) -> None:
    engine = factory.kw["bind"]
    with engine.connect() as connection:
        diffs = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    ours = [d for d in diffs if "request_" in repr(d)]
    assert ours == []


def test_roles_and_the_supplement_sweep(factory: sessionmaker[Session]) -> None:
    with factory() as session, session.begin():
        drafter, clerk = find_user(session, "钱拟稿"), find_user(session, "李办理")
        assert drafter is not None and clerk is not None
        with pytest.raises(RequestError, match="无权登记"):
            add_case(
                session,
                drafter,
                Intake("自然人", {"name": "张三"}, "x", date(2025, 3, 3)),
                date(2025, 3, 4),
            )
        case = add_case(
            session,
            clerk,
            Intake("自然人", {"name": "张三"}, "x", date(2025, 3, 3)),
            date(2025, 3, 4),
        )
        ask_supplement(session, clerk, case.id, date(2025, 3, 4), "", date(2025, 3, 4))
        with pytest.raises(RequestError, match="一次性告知"):
            ask_supplement(session, clerk, case.id, date(2025, 3, 5), "", date(2025, 3, 5))
        with pytest.raises(RequestError, match="等待补正"):
            request_extension(session, clerk, case.id, 10, "x", date(2025, 3, 5))
        with pytest.raises(RequestError, match="尚未届满"):
            close(session, clerk, case.id, "逾期不补正", date(2025, 3, 10))
        assert sweep(session, date(2025, 3, 25)) == []  # due 3-25: not passed yet
        assert sweep(session, date(2025, 3, 26)) == [case.number]
        assert case.state == "closed" and case.closure == "逾期不补正"
        with pytest.raises(RequestError, match="已于 2025-03-26 办结"):
            reply(session, clerk, case.id, "信息不存在", today=date(2025, 3, 27))
