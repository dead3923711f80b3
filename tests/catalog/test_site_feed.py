"""The public catalog site's feed and writing: the feed valid against its schema (and a
broken one not), bad input refused before anything is written, and the same input
written twice giving the same bytes, swapped in whole."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from jsonschema import Draft202012Validator

from pipeline.catalog import site
from pipeline.catalog.record import WITHDRAWN, CatalogRecord
from pipeline.catalog.site import FeedError, validate_feed, write_site
from tests.catalog.site_records import (
    AGENCY,
    CHANGED,
    CODE,
    FILES,
    FLOOD,
    GENERATED,
    ON_REQUEST,
    RECORDS,
    WITHDRAWN_RECORD,
    page_of,
    tree_of,
    write,
)


def test_feed_validates_against_the_schema(out: Path) -> None:
    schema = json.loads(site.SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    feed = json.loads((out / "feed.json").read_text(encoding="utf-8"))
    validate_feed(feed)
    Draft202012Validator(schema).validate(feed)
    assert feed["agency"] == AGENCY and feed["generated_at"] == GENERATED and feed["count"] == 5
    by_number = {e["index_number"]: e for e in feed["entries"]}
    flood = by_number[FLOOD.index_number]
    assert flood["url"] == f"entries/{CODE}-2024-00009.html"
    assert unquote(flood["file_url"]) == "files/防汛抗旱通知.pdf"
    assert (out / unquote(flood["file_url"])).is_file() and (out / flood["url"]).is_file()
    assert flood["history"] == [
        {"version": 1, "at": "2024-04-15T09:30:00+08:00", "kind": "增加", "reason": ""}
    ]
    withdrawn = by_number[WITHDRAWN_RECORD.index_number]
    assert withdrawn["status"] == WITHDRAWN and withdrawn["file_url"] is None
    # the feed round-trips to the records (but for the names it is published under)
    back = {k: v for k, v in flood.items() if k not in ("url", "file_url")}
    assert CatalogRecord.from_dict(back) == FLOOD


def _broken(feed: dict[str, Any], change: Any) -> dict[str, Any]:
    broken = copy.deepcopy(feed)
    change(broken)
    return broken


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda f: f["entries"][0].pop("title"), id="missing-title"),
        pytest.param(lambda f: f.pop("generated_at"), id="missing-generated_at"),
        pytest.param(lambda f: f["entries"][0].update(extra=1), id="extra-field"),
        pytest.param(lambda f: f.update(more="x"), id="extra-top-level"),
        pytest.param(lambda f: f["entries"][0].update(formed="2024/04/12"), id="date-format"),
        pytest.param(lambda f: f["entries"][0].update(formed="2024-02-30"), id="no-such-date"),
        pytest.param(lambda f: f["entries"][0].update(published_at="昨天"), id="timestamp"),
        pytest.param(lambda f: f["entries"][0].update(status="deleted"), id="status"),
        pytest.param(lambda f: f["entries"][0].update(version="2"), id="version-type"),
        pytest.param(lambda f: f["entries"][0].update(file_name="../x.pdf"), id="file-name-path"),
        pytest.param(
            lambda f: f["entries"][0]["history"].append({"version": 1}), id="history-item"
        ),
        pytest.param(lambda f: f["entries"][0].update(title="  "), id="blank-title"),
        pytest.param(lambda f: f.update(count="5"), id="count-type"),
    ],
)
def test_broken_feed_does_not_validate(out: Path, change: Any) -> None:
    feed = json.loads((out / "feed.json").read_text(encoding="utf-8"))
    with pytest.raises(FeedError):
        validate_feed(_broken(feed, change))


def test_withdrawn_entry_in_feed_must_say_why_and_drop_its_file(out: Path) -> None:
    feed = json.loads((out / "feed.json").read_text(encoding="utf-8"))
    at = next(i for i, e in enumerate(feed["entries"]) if e["status"] == WITHDRAWN)
    for change in (
        lambda f: f["entries"][at].update(withdrawn_reason=""),
        lambda f: f["entries"][at].update(file_url="files/x.pdf"),
    ):
        with pytest.raises(FeedError, match="entries/"):
            validate_feed(_broken(feed, change))


def test_invalid_record_fails_before_anything_is_written(out: Path) -> None:
    before = tree_of(out)
    bad = replace(FLOOD, formed="2024年4月12日")
    with pytest.raises(FeedError, match="formed"):
        write(out, [bad, CHANGED])
    assert tree_of(out) == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["site"]


@pytest.mark.parametrize(
    ("records", "message"),
    [
        ([replace(FLOOD, file_name="nope.pdf")], "no bytes"),
        ([replace(FLOOD, file_sha256="0" * 64)], "SHA-256"),
        (
            [
                FLOOD,
                replace(CHANGED, index_number=FLOOD.index_number),
            ],
            "page name",
        ),
        (
            [
                FLOOD,
                replace(CHANGED, file_name="../防汛抗旱通知.pdf", file_sha256=None),
            ],
            "another entry",
        ),
    ],
    ids=["missing-file", "checksum", "same-index-number", "file-name-clash"],
)
def test_inconsistent_input_fails_loudly(
    tmp_path: Path, records: list[CatalogRecord], message: str
) -> None:
    files = {**FILES, "../防汛抗旱通知.pdf": b"other bytes"}
    with pytest.raises(ValueError, match=message):
        write_site(records, files, tmp_path / "site", agency=AGENCY, generated_at=GENERATED)
    assert list(tmp_path.iterdir()) == []


def test_same_input_gives_identical_bytes(tmp_path: Path) -> None:
    write(tmp_path / "one")
    write(tmp_path / "two", list(reversed(RECORDS)))  # input order does not matter
    first = tree_of(tmp_path / "one")
    assert first == tree_of(tmp_path / "two")
    write(tmp_path / "one")  # rewriting in place
    assert tree_of(tmp_path / "one") == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one", "two"]


def test_rewrite_swaps_in_the_whole_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "site"
    write(out)
    (out / "stale.txt").write_text("left by someone")
    report = write(out, [FLOOD])
    assert report.entries == 1 and report.files == 1
    assert sorted(tree_of(out)) == [
        f"entries/{CODE}-2024-00009.html",
        "feed.json",
        "files/防汛抗旱通知.pdf",
        "index.html",
        "static/catalog.js",
        "static/favicon.svg",
        "static/site.css",
    ]
    assert out.stat().st_mode & 0o755 == 0o755  # readable by the web server
    # where the atomic exchange is not available, two renames do it
    monkeypatch.setattr(site, "_exchange", lambda a, b: False)
    write(out)
    assert json.loads((out / "feed.json").read_bytes())["count"] == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_refuses_to_replace_a_folder_it_did_not_write(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep me")
    with pytest.raises(FileExistsError, match="not a catalog site"):
        write(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert write(empty).entries == 5  # an empty folder is fine


def test_empty_catalog(tmp_path: Path) -> None:
    report = write(tmp_path / "site", [])
    assert report.entries == report.files == 0
    assert "目录中尚无条目" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    validate_feed(json.loads((tmp_path / "site" / "feed.json").read_bytes()))


def test_generated_at_defaults_to_now_in_beijing_time(tmp_path: Path) -> None:
    write_site([FLOOD], FILES, tmp_path / "site", agency=AGENCY)
    stamp = json.loads((tmp_path / "site" / "feed.json").read_bytes())["generated_at"]
    assert stamp.endswith("+08:00") and len(stamp) == len("2024-06-30T18:00:00+08:00")


def test_index_numbers_in_the_agency_s_own_format(tmp_path: Path) -> None:
    """TRIAGE_INDEX_FORMAT may put Chinese into the 索引号, and serials may be unpadded:
    pages keep readable names behind percent-encoded links, and 2024-10 sorts above 2024-9."""
    records = [
        replace(ON_REQUEST, index_number=f"武政办/2024-{n}", title=f"第{n}号") for n in (9, 10, 100)
    ]
    out = tmp_path / "site"
    write(out, records)
    rows = page_of(out / "index.html").xpath("//tr[@data-search]")
    assert [r.xpath("string(td[1])").strip() for r in rows] == [
        "武政办/2024-100",
        "武政办/2024-10",
        "武政办/2024-9",
    ]
    href = rows[0].xpath("string(td[2]/a/@href)")
    assert href == "entries/%E6%AD%A6%E6%94%BF%E5%8A%9E-2024-100.html"
    assert (out / unquote(href)).is_file() and (out / "entries" / "武政办-2024-100.html").is_file()
    assert json.loads((out / "feed.json").read_bytes())["entries"][0]["url"] == href
    with pytest.raises(FeedError, match="index_number"):
        write(
            tmp_path / "other",
            [replace(FLOOD, index_number="2024 - 9")],
        )
