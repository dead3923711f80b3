"""Folder walking: recursive, sorted, hidden files skipped, link loops survived."""

from __future__ import annotations

import os
from pathlib import Path

from pipeline.discover import discover


def test_walks_recursively_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("b/2.txt", "a.pdf", ".hidden.txt", ".git/x.txt", "~$lock.docx"):
        (tmp_path / name).write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path])] == [
        "a.pdf",
        "b/2.txt",
    ]


def test_directory_link_loop_terminates(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "f.txt").write_text("x")
    os.symlink(tmp_path, tmp_path / "sub" / "up")
    found = [p.name for p in discover([tmp_path])]
    assert found.count("f.txt") == 1


def test_missing_path_is_kept_as_an_input(tmp_path: Path) -> None:
    missing = tmp_path / "nope.pdf"
    assert list(discover([missing])) == [missing]


def test_same_file_given_twice_is_one_input(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("x")
    assert list(discover([f, f, tmp_path])) == [f]
