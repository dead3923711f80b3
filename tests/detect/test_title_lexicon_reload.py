"""The readers built from lexicons/official_person_roles.txt (spaced signature titles, the
title that opens a 、-run of names) follow an analyst's edited copy after
``lexicons.reload``, as every lexicon cache must (``lexicons.lexicon_cache``)."""

from __future__ import annotations

import shutil
from pathlib import Path

from pipeline import lexicons
from pipeline.detect.name_offices import title_before_run
from pipeline.detect.spaced_titles import spaced_titles

SPACED = "调　度　员　王东"
RUN = "调度员王东、李明"


def test_a_title_added_by_an_analyst_reaches_both_readers_after_reload(tmp_path: Path) -> None:
    shipped = lexicons.LEXICON_DIR
    # read with the shipped list first, so that a cache outside reload's reach would hold it
    assert spaced_titles(SPACED) == []
    assert title_before_run(RUN, RUN.index("李明")) is None
    folder = tmp_path / "lexicons"
    shutil.copytree(shipped, folder)
    roles = folder / "official_person_roles.txt"
    roles.write_text(roles.read_text(encoding="utf-8") + "调度员\n", encoding="utf-8")
    lexicons.reload(folder)
    try:
        assert spaced_titles(SPACED) == [(0, 5)]
        assert title_before_run(RUN, RUN.index("李明")) == "调度员"
    finally:
        lexicons.reload(shipped)
