"""Plain-text lexicons from ``lexicons/``: one term per line, ``#`` lines are the header
(purpose, source, last tuning). Matched with pyahocorasick: one pass over the text finds
every term, whatever the size of the list (about 15 M chars/s here).

Everything read from a lexicon is cached; :func:`reload` empties those caches (and may
point the module at another folder), so an analyst's edited copy takes effect in the
running process without a restart (notebooks/1.0-lexicon-tuning.ipynb).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import ParamSpec, TypeVar

import ahocorasick

from pipeline.config import LEXICONS_DIR

LEXICON_DIR = Path(os.environ.get("TRIAGE_LEXICONS", LEXICONS_DIR))
P = ParamSpec("P")
R = TypeVar("R")
_CACHE_CLEARS: list[Callable[[], None]] = []


def lexicon_cache(function: Callable[P, R]) -> Callable[P, R]:
    """Cache a value computed from lexicons; :func:`reload` clears it. Every cache of
    lexicon content must use this, or an edited lexicon would be half applied."""
    cached = cache(function)
    _CACHE_CLEARS.append(cached.cache_clear)
    return cached  # type: ignore[return-value]


def reload(directory: Path | None = None) -> Path:
    """Read the lexicons afresh, from ``directory`` when given (else the current folder);
    returns the folder now in use."""
    global LEXICON_DIR
    if directory is not None:
        LEXICON_DIR = Path(directory)
    for clear in _CACHE_CLEARS:
        clear()
    return LEXICON_DIR


@lexicon_cache
def load_table(name: str) -> tuple[tuple[str, ...], ...]:
    """The tab-separated rows of ``lexicons/<name>.txt``, cells stripped, in file order;
    comment lines (# …) and blank lines skipped. The first cell is the term."""
    return table_rows((LEXICON_DIR / f"{name}.txt").read_text(encoding="utf-8"))


def table_rows(content: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a lexicon file's content as :func:`load_table` reads them (for a copy
    being edited, which is not in the lexicon folder in use)."""
    rows = []
    for line in content.splitlines():
        cells = tuple(cell.strip() for cell in line.split("\t"))
        if cells[0] and not cells[0].startswith("#"):
            rows.append(cells)
    return tuple(rows)


@lexicon_cache
def load_terms(name: str) -> tuple[str, ...]:
    """The terms of ``lexicons/<name>.txt`` in file order (comments and blanks skipped)."""
    return tuple(row[0] for row in load_table(name))


class Matcher:
    """All occurrences of a lexicon's terms, longest match first at each end position."""

    def __init__(self, terms: tuple[str, ...]) -> None:
        self.automaton = ahocorasick.Automaton()
        for term in terms:
            self.automaton.add_word(term, term)
        self.automaton.make_automaton()

    def find(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, term) for every occurrence; overlapping ones included."""
        for end_index, term in self.automaton.iter(text):
            end = end_index + 1
            yield end - len(term), end, term


@lexicon_cache
def matcher(name: str) -> Matcher:
    return Matcher(load_terms(name))
