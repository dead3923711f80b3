"""Plain-text lexicons from ``lexicons/``: one term per line, ``#`` lines are the header
(purpose, source, last tuning). Matched with pyahocorasick: one pass over the text finds
every term, whatever the size of the list (about 15 M chars/s here).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import ahocorasick

LEXICON_DIR = Path(
    os.environ.get("TRIAGE_LEXICONS", Path(__file__).resolve().parent.parent / "lexicons")
)


@cache
def load_table(name: str) -> tuple[tuple[str, ...], ...]:
    """The tab-separated rows of ``lexicons/<name>.txt``, cells stripped, in file order;
    comment lines (# …) and blank lines skipped. The first cell is the term."""
    path = LEXICON_DIR / f"{name}.txt"
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = tuple(cell.strip() for cell in line.split("\t"))
        if cells[0] and not cells[0].startswith("#"):
            rows.append(cells)
    return tuple(rows)


@cache
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


@cache
def matcher(name: str) -> Matcher:
    return Matcher(load_terms(name))
