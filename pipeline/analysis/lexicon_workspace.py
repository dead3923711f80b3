"""An analyst's working copy of ``lexicons/``: edit terms and thresholds, run the
detectors on the copy, compare, then save back with the header saying who, when and why.

The copy lives in a temporary folder; :meth:`Workspace.active` points the process at it
(:func:`pipeline.lexicons.reload`) and back, so "before" and "after" are measured in the
same kernel without touching the shipped files. :meth:`Workspace.save` writes only the
files that changed, replaces their ``# Last tuning:`` line, and returns the diff.
"""

from __future__ import annotations

import difflib
import shutil
import tempfile
import textwrap
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pipeline import lexicons
from pipeline.lexicons import table_rows
from pipeline.thresholds import ThresholdError, parse

LAST_TUNING = "# Last tuning:"


def normal_term(term: str) -> str:
    """The form a term is stored in: NFKC, no surrounding or inner whitespace runs."""
    return " ".join(unicodedata.normalize("NFKC", term).split())


def _header_length(lines: list[str]) -> int:
    n = 0
    while n < len(lines) and lines[n].startswith("#"):
        n += 1
    return n


def tuning_line(when: date, who: str, why: str, change: str) -> list[str]:
    """The new ``# Last tuning:`` line(s), wrapped at 90 characters like the headers."""
    text = f"{when.isoformat()} by {who}{f' ({change})' if change else ''}: {why}"
    wrapped = textwrap.wrap(text, 90 - len(LAST_TUNING) - 1) or [""]
    return [f"{LAST_TUNING} {wrapped[0]}", *(f"#   {part}" for part in wrapped[1:])]


def with_tuning(content: str, line: list[str]) -> str:
    """``content`` with its ``# Last tuning:`` block (and its ``#   `` continuation lines)
    replaced by ``line``; added at the end of the header when there is none."""
    lines = content.splitlines()
    header = _header_length(lines)
    at = next((i for i in range(header) if lines[i].startswith(LAST_TUNING)), None)
    if at is None:
        lines[header:header] = line
    else:
        end = at + 1
        while end < header and lines[end].startswith("#   "):
            end += 1
        lines[at:end] = line
    return "\n".join(lines) + "\n"


@dataclass
class Workspace:
    source: Path  # the lexicon folder saved to (the shipped lexicons/ by default)
    folder: Path  # the working copy
    _before: Path | None = field(default=None, repr=False)

    @classmethod
    def open(cls, source: Path | None = None) -> Workspace:
        """A fresh copy of ``source`` (default: the lexicon folder in use)."""
        source = Path(source or lexicons.LEXICON_DIR).resolve()
        folder = Path(tempfile.mkdtemp(prefix="lexicons-")) / "lexicons"
        shutil.copytree(source, folder)
        return cls(source, folder)

    def path(self, name: str) -> Path:
        path = self.folder / f"{name}.txt"
        if not path.is_file():
            known = ", ".join(sorted(p.stem for p in self.folder.glob("*.txt")))
            raise KeyError(f"no lexicon {name!r} (known: {known})")
        return path

    def terms(self, name: str) -> list[str]:
        """The terms of the working copy, read as the detectors read them."""
        return [row[0] for row in self._rows(name)]

    def _rows(self, name: str) -> tuple[tuple[str, ...], ...]:
        return table_rows(self.path(name).read_text(encoding="utf-8"))

    def add(self, name: str, *rows: str) -> list[str]:
        """Append rows (``term`` or ``term<TAB>cells…``) at the end of the list; the term
        is stored NFKC-normalised; terms already listed are skipped. Returns the added."""
        present = set(self.terms(name))
        added = []
        for row in rows:
            cells = row.split("\t")
            term = normal_term(cells[0])
            if not term or term.startswith("#") or term in present:
                continue
            present.add(term)
            added.append("\t".join([term, *cells[1:]]))
        if added:
            path = self.path(name)
            content = path.read_text(encoding="utf-8").rstrip("\n")
            path.write_text(content + "\n" + "\n".join(added) + "\n", encoding="utf-8")
        return [row.split("\t")[0] for row in added]

    def remove(self, name: str, *terms: str) -> list[str]:
        """Delete the rows of these terms; a term not in the list is an error (a typo
        would otherwise pass for a removal)."""
        wanted = {normal_term(t) for t in terms}
        missing = wanted - set(self.terms(name))
        if missing:
            raise KeyError(f"{name}: not listed: {', '.join(sorted(missing))}")
        path = self.path(name)
        lines = path.read_text(encoding="utf-8").splitlines()
        kept = [
            line
            for line in lines
            if line.startswith("#") or line.split("\t")[0].strip() not in wanted
        ]
        path.write_text("\n".join(kept) + "\n", encoding="utf-8")
        return sorted(wanted)

    def set_threshold(self, name: str, value: float) -> None:
        """Change one threshold of ``thresholds.txt`` (checked: known name, 0–1)."""
        path = self.path("thresholds")
        lines = path.read_text(encoding="utf-8").splitlines()
        found = False
        for i, line in enumerate(lines):
            cells = line.split("\t")
            if not line.startswith("#") and cells[0].strip() == name:
                lines[i] = "\t".join([name, f"{value:g}", *cells[2:]])
                found = True
        if not found:
            lines.append(f"{name}\t{value:g}")
        parse(table_rows("\n".join(lines)))  # raises ThresholdError before anything is written
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    def threshold(self, name: str) -> float:
        values = parse(self._rows("thresholds"))
        if name not in values:
            raise ThresholdError(f"{name} is not set in thresholds.txt")
        return values[name]

    @contextmanager
    def active(self) -> Iterator[Workspace]:
        """Detection in the block reads the working copy; the folder in use before is
        restored after, even on error."""
        before = lexicons.LEXICON_DIR
        lexicons.reload(self.folder)
        try:
            yield self
        finally:
            lexicons.reload(before)

    def changed(self) -> list[str]:
        """Names of the lexicons whose working copy differs from the source."""
        names = {p.stem for p in self.folder.glob("*.txt")} | {
            p.stem for p in self.source.glob("*.txt")
        }
        return sorted(
            n for n in names if _read(self.source / f"{n}.txt") != _read(self.folder / f"{n}.txt")
        )

    def diff(self, name: str | None = None) -> str:
        """Unified diff source → working copy, of one lexicon or of every changed one."""
        names = [name] if name else self.changed()
        return "".join(
            "".join(
                difflib.unified_diff(
                    _read(self.source / f"{n}.txt").splitlines(keepends=True),
                    _read(self.folder / f"{n}.txt").splitlines(keepends=True),
                    f"a/lexicons/{n}.txt",
                    f"b/lexicons/{n}.txt",
                )
            )
            for n in names
        )

    def save(self, who: str, why: str, when: date | None = None) -> str:
        """Write the changed lexicons to the source folder, each header's ``# Last
        tuning:`` saying when, who, what (terms added/removed) and why; returns the diff
        of what was written. Nothing changed → nothing written, empty diff."""
        if not who.strip() or not why.strip():
            raise ValueError("say who tunes and why: both go into the lexicon's header")
        when = when or date.today()
        names = self.changed()
        for name in names:
            target = self.folder / f"{name}.txt"
            change = _summary(_read(self.source / f"{name}.txt"), _read(target))
            target.write_text(
                with_tuning(_read(target), tuning_line(when, who.strip(), why.strip(), change)),
                encoding="utf-8",
            )
        written = "".join(self.diff(name) for name in names)
        for name in names:
            shutil.copyfile(self.folder / f"{name}.txt", self.source / f"{name}.txt")
        if names:
            lexicons.reload()  # a process reading the source folder sees the saved lists
        return written

    def close(self) -> None:
        """Delete the working copy (unsaved edits are lost)."""
        shutil.rmtree(self.folder.parent, ignore_errors=True)


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def _rows(content: str) -> dict[str, str]:
    return {
        line.split("\t")[0].strip(): line
        for line in content.splitlines()
        if line.strip() and not line.startswith("#")
    }


def _summary(before: str, after: str) -> str:
    """ "+战备油料; −研究; 2 changed" for the tuning line (at most five terms named)."""
    old, new = _rows(before), _rows(after)
    added = [t for t in new if t not in old]
    removed = [t for t in old if t not in new]
    changed = [
        f"{t} {old[t].split(chr(9))[1].strip()}→{new[t].split(chr(9))[1].strip()}"
        if len(old[t].split("\t")) > 1 and len(new[t].split("\t")) > 1
        else t
        for t in new
        if t in old and new[t] != old[t]
    ]
    parts = []
    for sign, terms in (("+", added), ("−", removed), ("", changed)):
        if terms:
            shown = "、".join(terms[:5]) + (f" and {len(terms) - 5} more" if len(terms) > 5 else "")
            parts.append(f"{sign}{shown}")
    return "; ".join(parts)
