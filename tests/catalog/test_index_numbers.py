"""索引号 allocation: sequential per agency and year, no gaps and no duplicates with eight
processes allocating at once, and a rolled-back publish gives its number back."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor

import pytest

from pipeline.catalog.index_numbers import allocate
from pipeline.catalog.settings import CatalogSettings
from pipeline.store.db import open_db

SETTINGS = CatalogSettings(agency_code="11440200MB2C12345X")


class Abort(Exception):
    pass


def _allocate_many(url: str, worker: int, count: int) -> list[str]:
    factory = open_db(url)
    got = []
    for n in range(count):
        try:
            with factory() as session, session.begin():
                number = allocate(session, SETTINGS, 2026)
                if (worker + n) % 5 == 0:
                    raise Abort  # the publish failed after reserving: rolled back
                got.append(number)
        except Abort:
            pass
    factory.kw["bind"].dispose()
    return got


def test_eight_processes_get_numbers_without_gaps_or_duplicates(db_url: str) -> None:
    open_db(db_url).kw["bind"].dispose()
    with ProcessPoolExecutor(8) as pool:
        results = list(pool.map(_allocate_many, [db_url] * 8, range(8), [15] * 8))
    numbers = [n for got in results for n in got]
    assert len(numbers) == len(set(numbers))  # no duplicates
    sequence = sorted(int(n.rsplit("-", 1)[1]) for n in numbers)
    assert sequence == list(range(1, len(numbers) + 1))  # no gaps: rollbacks gave theirs back
    assert len(numbers) == 8 * 15 - sum(1 for w in range(8) for n in range(15) if (w + n) % 5 == 0)
    assert all(n.startswith("11440200MB2C12345X/2026-") for n in numbers)


def test_numbers_restart_each_year_and_follow_the_format(db_url: str) -> None:
    factory = open_db(db_url)
    custom = CatalogSettings(agency_code="A1", index_format="{机构代码}-{年份}-{流水号:03d}")
    with factory() as session, session.begin():
        assert allocate(session, SETTINGS, 2025).endswith("/2025-00001")
        assert allocate(session, SETTINGS, 2026).endswith("/2026-00001")
        assert allocate(session, SETTINGS, 2026).endswith("/2026-00002")
        assert allocate(session, custom, 2026) == "A1-2026-001"
    factory.kw["bind"].dispose()


@pytest.mark.parametrize("bad", ["{机构代码}/{年份}", "{机构代码}/{单位}-{流水号}", "{流水号:zz}"])
def test_a_bad_format_is_refused_with_the_reason(bad: str) -> None:
    with pytest.raises(ValueError, match="TRIAGE_INDEX_FORMAT"):
        CatalogSettings(index_format=bad)
