"""Symbolic links out of the inbox are not followed (issue 18, item 6): ``passwd.txt →
/etc/passwd``, a relative ``../../etc/hostname``, a linked folder leading to /etc, and a
file swapped for such a link after the folder was walked — each one ``outside_inbox``
record, nothing read; links that stay inside the inbox are followed as before."""

from __future__ import annotations

import json
import os
from pathlib import Path

from typer.testing import CliRunner

from pipeline import nightly
from pipeline.cli import app
from pipeline.config import Settings
from pipeline.discover import discover_within
from pipeline.scan import scan_file
from pipeline.store.db import open_db
from pipeline.store.documents import unread_key

NOTICE = "关于开展检查的通知\n各单位：\n　　请于月底前报送。\n"
UP = "../" * 12  # more than enough to reach / from any temporary folder


def _inbox(folder: Path) -> Path:
    inbox = folder / "收件箱"
    (inbox / "子目录").mkdir(parents=True)
    (inbox / "通知.txt").write_text(NOTICE, "utf-8")
    (inbox / "子目录" / "答复.txt").write_text(NOTICE, "utf-8")
    os.symlink("/etc/passwd", inbox / "passwd.txt")
    os.symlink(f"{UP}etc/hostname", inbox / "hostname.txt")
    os.symlink("/etc", inbox / "配置")  # a linked folder out of the inbox: not walked
    os.symlink("子目录", inbox / "链接目录")  # inside: followed, its files are 子目录's, read once
    os.symlink("通知.txt", inbox / "同一通知.txt")  # a linked file inside: read
    return inbox


def test_scan_records_every_way_out_as_outside_inbox(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path)
    out = tmp_path / "scan.jsonl"
    result = CliRunner().invoke(app, ["scan", str(inbox), "--jsonl", "--out", str(out)])
    assert result.exit_code == 0, result.output
    records = {
        Path(r["source"]).relative_to(inbox).as_posix(): r
        for r in map(json.loads, out.read_text("utf-8").splitlines())
    }
    codes = {name: (r["error"] or {}).get("code") for name, r in records.items()}
    assert codes == {
        "hostname.txt": "outside_inbox",
        "passwd.txt": "outside_inbox",
        "同一通知.txt": None,
        "子目录/答复.txt": None,
        "通知.txt": None,
        "配置": "outside_inbox",
    }
    for name, record in records.items():
        if codes[name]:
            assert record["doc_id"] is None and record["text_length"] == 0
            assert name.split("/")[-1] in record["error"]["message"]
            assert "inbox" in record["error"]["message"]


def test_a_file_swapped_for_a_link_after_the_walk_is_refused_on_opening(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path)
    found = dict(discover_within([inbox]))
    target = inbox / "通知.txt"
    root = found[target]
    target.unlink()
    os.symlink("/etc/passwd", target)  # between discovery and reading
    record = scan_file(target, Settings(), root=root, with_text=True)
    assert record["error"]["code"] == "outside_inbox" and "text" not in record


def test_nightly_neither_hashes_nor_reads_what_lies_outside(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path)
    url = f"sqlite:///{tmp_path / 'triage.db'}"
    run = nightly.plan([inbox], open_db(url), Settings())
    keys = {Path(i.path).name: i.key for i in run.todo}
    for name in ("passwd.txt", "hostname.txt", "配置"):
        assert keys[name] == unread_key(str(inbox / name))  # the planner did not read it
    nightly.store_chunk(run.todo, url, Settings())
    stored, missing = nightly.collect(run.todo, url)
    assert not missing
    codes = {Path(o.source).name: o.error_code for o in stored}
    assert [codes[n] for n in ("passwd.txt", "hostname.txt", "配置")] == ["outside_inbox"] * 3
    assert not nightly.plan([inbox], open_db(url), Settings()).todo
