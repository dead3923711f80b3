"""Turn the PATHs a user gives into the list of input files, in a stable order.

Folders are walked recursively with hidden files and folders skipped; symbolic links to
folders are followed once (a link back up the tree would otherwise loop forever). A
PATH that does not exist, or a link that cannot be resolved, is still an input: it is
returned so that it ends as an ``unreadable`` record instead of vanishing.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path


def _hidden(name: str) -> bool:
    return name.startswith(".") or name.startswith("~$")  # ~$ = Word's lock files


def discover(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Yield every input file under ``paths`` once, sorted within each folder."""
    seen_files: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, seen_files, set())
        else:
            key = os.fspath(path)
            if key not in seen_files:
                seen_files.add(key)
                yield path


def _walk(folder: Path, seen_files: set[str], seen_dirs: set[str]) -> Iterator[Path]:
    try:
        real = os.path.realpath(folder)
    except OSError:
        return
    if real in seen_dirs:
        return
    seen_dirs.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        yield folder  # an unreadable folder becomes an unreadable record
        return
    for entry in entries:
        if _hidden(entry.name):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()  # follows links; a looping link raises or says False
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, seen_files, seen_dirs)
            continue
        key = os.fspath(path)
        if key not in seen_files:
            seen_files.add(key)
            yield path
