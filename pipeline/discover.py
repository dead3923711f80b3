"""Turn the PATHs a user gives into the list of input files, in a stable order.

Folders are walked recursively with hidden files and folders skipped; symbolic links to
folders are followed once (a link back up the tree would otherwise loop forever). A
PATH that does not exist, or a link that cannot be resolved, is still an input: it is
returned so that it ends as an ``unreadable`` record instead of vanishing.

Every input belongs to an inbox folder (:func:`discover_within`): the folder given, or
for a file given by name the folder it is in. A file must stay in its inbox once links
are resolved: ``passwd.txt → /etc/passwd`` or a linked folder leading to ``/etc`` is
returned (the folder itself, not walked) so that it ends as an ``outside_inbox`` record,
and the reader checks again on the file it opened (:func:`inside`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path


def _hidden(name: str) -> bool:
    return name.startswith(".") or name.startswith("~$")  # ~$ = Word's lock files


def discover(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Yield every input file under ``paths`` once, sorted within each folder."""
    for path, _root in discover_within(paths):
        yield path


def discover_within(paths: Iterable[str | Path]) -> Iterator[tuple[Path, Path]]:
    """Every input file under ``paths`` once, sorted within each folder, with the inbox
    folder it must resolve inside (resolved itself)."""
    seen_files: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            root = Path(os.path.realpath(path))
            for found in _walk(path, root, seen_files, set()):
                yield found, root
        else:
            key = os.fspath(path)
            if key not in seen_files:
                seen_files.add(key)
                yield path, Path(os.path.realpath(os.path.dirname(os.path.abspath(path))))


def inside(real: str | Path, root: str | Path) -> bool:
    """Whether the resolved path ``real`` is ``root`` or under it (both resolved)."""
    real, root = os.fspath(real), os.fspath(root)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _walk(folder: Path, root: Path, seen_files: set[str], seen_dirs: set[str]) -> Iterator[Path]:
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
        if is_dir and inside(os.path.realpath(path), root):
            yield from _walk(path, root, seen_files, seen_dirs)
            continue
        # A file, or a linked folder leading out of the inbox: one input (never walked),
        # recorded as outside_inbox by the reader.
        key = os.fspath(path)
        if key not in seen_files:
            seen_files.add(key)
            yield path
