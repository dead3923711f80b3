"""The public catalog site (政府信息公开目录) as static files: an index with every entry,
a page per entry, the released (redacted) files and a JSON feed.

Static, because the public side should hold no database, session or code that a visitor
can reach: any web server (or a folder opened from disk) can publish it, and what is
published is exactly what was reviewed. Every value comes from reviewers' and drafters'
input, so the pages autoescape everything, allow only their own scripts and styles (a
Content-Security-Policy meta tag; no inline script or style), and file names are reduced
to one plain name inside ``files/``. The feed is validated against
``schemas/catalog-feed.schema.json`` before anything is written: a record that breaks the
contract stops the run instead of publishing a broken catalog.

The site is built in a temporary sibling folder and swapped in as a whole (one atomic
exchange on Linux, two renames elsewhere), so a reader never sees half of it and entries
removed since the last run disappear with their files. The same records, files and
``generated_at`` give byte-identical output, so a re-run that changes nothing changes no
bytes (and a mirror or a diff shows only real changes).
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
import markupsafe
from jsonschema import Draft202012Validator

from pipeline.catalog.record import WITHDRAWN, CatalogRecord
from pipeline.config import SCHEMAS_DIR

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "site_templates"
STATIC = HERE / "site_static"
SCHEMA = SCHEMAS_DIR / "catalog-feed.schema.json"
BEIJING = timezone(timedelta(hours=8))
FEED = "feed.json"  # also the mark of a folder that write_site may replace
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "base-uri 'none'; form-action 'none'"
)
STATUS_NAMES = {"active": "有效", WITHDRAWN: "已取消"}
MAX_NAME_BYTES = 200  # file systems allow 255 bytes a name; leave room for the temp folder


class FeedError(ValueError):
    """The feed does not match the schema: nothing was written."""


@dataclass(frozen=True)
class SiteReport:
    """What `write_site` published: the folder and how many entries and files it holds."""

    out: Path
    entries: int
    withdrawn: int
    files: int


@dataclass(frozen=True)
class _Entry:
    """A record with the names it is published under."""

    record: CatalogRecord
    page: str  # entries/<slug>.html, the path in the site
    file_name: str | None  # the sanitised name inside files/, None when not linked
    file_sha256: str | None

    @property
    def withdrawn(self) -> bool:
        return self.record.status == WITHDRAWN

    @property
    def page_url(self) -> str:
        return quote(self.page, safe="/")

    @property
    def file_url(self) -> str | None:
        return None if self.file_name is None else "files/" + quote(self.file_name, safe="")

    @property
    def year(self) -> str:
        return (self.record.formed or self.record.published_at)[:4]


def write_site(
    records: Sequence[CatalogRecord],
    files: Mapping[str, bytes],
    out: Path,
    *,
    agency: str,
    generated_at: str | None = None,
    extra: Mapping[str, bytes] | None = None,
) -> SiteReport:
    """Write the catalog of `records` into the folder `out`, replacing what is there.

    `files` maps a record's ``file_name`` to the released bytes; an active record whose
    file is missing, or whose bytes do not match its ``file_sha256``, is an error, and a
    withdrawn record's file is not published. `generated_at` (ISO timestamp, default now in
    Beijing time) is the only value not taken from the input: pass it for identical bytes.
    `extra` files are written at the site's top (the audit log's anchor).
    Raises `FeedError` when the feed breaks the schema, `ValueError` for inconsistent
    input and `FileExistsError` when `out` is a folder this function did not write.
    """
    if not agency.strip():
        raise ValueError("the agency name is empty")
    if generated_at is None:
        generated_at = datetime.now(BEIJING).isoformat(timespec="seconds")
    entries = _entries(records, files)
    feed = _feed(agency, generated_at, entries)
    validate_feed(feed)
    contents = _render(agency, generated_at, entries, feed, files) | dict(extra or {})
    _publish(Path(out), contents)
    return SiteReport(
        out=Path(out),
        entries=len(entries),
        withdrawn=sum(e.withdrawn for e in entries),
        files=sum(1 for name in contents if name.startswith("files/")),
    )


@cache
def feed_schema() -> dict[str, Any]:
    """The feed's JSON Schema (draft 2020-12), read once."""
    schema: dict[str, Any] = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return schema


def validate_feed(feed: Mapping[str, Any]) -> None:
    """Raise `FeedError` listing every place where `feed` breaks the schema."""
    validator = Draft202012Validator(
        feed_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(feed), key=lambda e: [str(p) for p in e.absolute_path])
    if errors:
        lines = [
            f"{'/'.join(str(p) for p in e.absolute_path) or '(feed)'}: {e.message}" for e in errors
        ]
        raise FeedError("the catalog feed does not match its schema:\n" + "\n".join(lines))


def safe_file_name(name: str) -> str:
    """One plain file name for `name`: its last path part, without control characters or
    characters that are special to file systems or URLs, never starting with a dot.

    The store hands over names it was given; a name like ``../x`` or ``/etc/passwd``
    must land inside ``files/`` rather than beside or above the site.
    """
    name = unicodedata.normalize("NFC", name)
    last = re.split(r"[/\\]", name)[-1]
    last = "".join(c for c in last if unicodedata.category(c)[0] != "C")
    last = re.sub(r'[<>:"|?*#%]', "_", last).strip().lstrip(".").strip()
    if not last:
        return "file"
    if len(last.encode()) > MAX_NAME_BYTES:
        before, dot, ext = last.rpartition(".")
        suffix = dot + ext if before and len(ext) <= 10 else ""
        stem = last[: len(last) - len(suffix)]
        while len((stem + suffix).encode()) > MAX_NAME_BYTES:
            stem = stem[:-1]
        last = stem + suffix
    return last


def page_slug(index_number: str) -> str:
    """The entry page's file name stem for a 索引号: ``/`` becomes ``-``, anything but
    letters, digits, ``.``, ``_`` and ``-`` becomes ``_`` (the 索引号 format is the
    agency's choice, so letters may be Chinese)."""
    text = unicodedata.normalize("NFC", index_number).replace("/", "-")
    slug = re.sub(r"[^\w.-]", "_", text).lstrip(".")
    return slug or "_"


def _natural(text: str) -> list[tuple[int, int | str]]:
    """Sort key that orders the numbers inside a 索引号 by value (2024-9 before 2024-10)."""
    return [(0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"(\d+)", text) if p]


def _entries(records: Sequence[CatalogRecord], files: Mapping[str, bytes]) -> list[_Entry]:
    """The records newest 索引号 first, with their page and file names, checked for
    clashes, missing files and checksum mismatches."""
    entries: list[_Entry] = []
    pages: dict[str, str] = {}
    published: dict[str, bytes] = {}
    for record in sorted(records, key=lambda r: _natural(r.index_number), reverse=True):
        slug = page_slug(record.index_number)
        if slug.lower() in pages:  # case-insensitive file systems would merge them
            raise ValueError(
                f"索引号 {record.index_number!r} and {pages[slug.lower()]!r} share the page name {slug!r}"
            )
        pages[slug.lower()] = record.index_number
        name = digest = None
        if record.file_name is not None:
            name = safe_file_name(record.file_name)
            if record.status != WITHDRAWN:
                if record.file_name not in files:
                    raise ValueError(
                        f"{record.index_number}: no bytes for file {record.file_name!r}"
                    )
                data = files[record.file_name]
                digest = hashlib.sha256(data).hexdigest()
                if record.file_sha256 is not None and record.file_sha256 != digest:
                    raise ValueError(
                        f"{record.index_number}: file {record.file_name!r} has SHA-256 {digest}, "
                        f"the record says {record.file_sha256}"
                    )
                other = published.setdefault(name.lower(), data)
                if other != data:
                    raise ValueError(
                        f"{record.index_number}: file {record.file_name!r} would be published as "
                        f"{name!r}, which another entry's different file already uses"
                    )
            else:
                digest = record.file_sha256
        entries.append(_Entry(record, f"entries/{slug}.html", name, digest))
    return entries


def _feed(agency: str, generated_at: str, entries: Sequence[_Entry]) -> dict[str, Any]:
    """The JSON feed: every entry's fields as published, with its page and file URLs
    (relative to the feed, so the site can be served from any address)."""
    items = []
    for e in entries:
        item = e.record.to_dict()
        item["file_name"] = e.file_name
        item["file_sha256"] = e.file_sha256
        item["url"] = e.page_url
        item["file_url"] = None if e.withdrawn else e.file_url
        items.append(item)
    return {"agency": agency, "generated_at": generated_at, "count": len(items), "entries": items}


def _when(value: str | None) -> str:
    """An ISO timestamp as Beijing time to the minute; a date as it is."""
    if not value:
        return ""
    if len(value) <= 10:
        return value
    at = datetime.fromisoformat(value)
    if at.tzinfo is not None:
        at = at.astimezone(BEIJING)
    return at.strftime("%Y-%m-%d %H:%M")


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["when"] = _when
    env.globals["CSP"] = markupsafe.Markup(CSP)  # our constant: shown as it is
    return env


def _filters(entries: Sequence[_Entry]) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """The index's filters as (row attribute, label, [(value, shown)]): only values that
    some entry has, so no choice leads to an empty list."""

    def present(values: Iterable[str], *, reverse: bool = False) -> list[tuple[str, str]]:
        return [(v, v) for v in sorted({v for v in values if v}, reverse=reverse)]

    return [
        ("topic", "主题分类", present(e.record.topic for e in entries)),
        ("year", "年份", present((e.year for e in entries), reverse=True)),
        ("disclosure", "公开方式", present(e.record.disclosure for e in entries)),
        ("status", "状态", list(STATUS_NAMES.items())),
    ]


def _render(
    agency: str,
    generated_at: str,
    entries: Sequence[_Entry],
    feed: Mapping[str, Any],
    files: Mapping[str, bytes],
) -> dict[str, bytes]:
    """Every file of the site by its path inside the site."""
    env = _environment()
    common = {"agency": agency, "generated_at": generated_at}
    contents: dict[str, bytes] = {}
    contents["index.html"] = (
        env.get_template("index.html")
        .render(
            root="",
            entries=entries,
            withdrawn=sum(e.withdrawn for e in entries),
            filters=_filters(entries),
            **common,
        )
        .encode()
    )
    page = env.get_template("entry.html")
    for e in entries:
        history = sorted(e.record.history, key=lambda c: (c.version, c.at))
        contents[e.page] = page.render(root="../", entry=e, history=history, **common).encode()
        if e.file_name is not None and not e.withdrawn and e.record.file_name is not None:
            contents[f"files/{e.file_name}"] = bytes(files[e.record.file_name])
    contents[FEED] = (json.dumps(feed, ensure_ascii=False, indent=2) + "\n").encode()
    for path in sorted(STATIC.iterdir()):
        if path.is_file():
            contents[f"static/{path.name}"] = path.read_bytes()
    return contents


def _publish(out: Path, contents: Mapping[str, bytes]) -> None:
    """Write `contents` into a new sibling folder and swap it in for `out`."""
    out = out.absolute()
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise FileExistsError(f"{out} is not a folder")
    if out.exists() and any(out.iterdir()) and not (out / FEED).is_file():
        raise FileExistsError(
            f"{out} holds files but no {FEED}: not a catalog site, not replacing it"
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".new", dir=out.parent))
    try:
        os.chmod(new, 0o755)  # mkdtemp makes it private; the web server must read it
        root = new.resolve()
        for name, data in sorted(contents.items()):
            path = new / name
            if not path.resolve().is_relative_to(root):  # the names are made here; belt and braces
                raise ValueError(f"{name!r} would be written outside the site")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        if not out.exists():
            os.rename(new, out)
        elif _exchange(new, out):
            shutil.rmtree(new)  # now the old site
        else:
            old = new.with_suffix(".old")
            os.rename(out, old)
            try:
                os.rename(new, out)
            except OSError:
                os.rename(old, out)
                raise
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux ``renameat2`` with ``RENAME_EXCHANGE``), so
    that `b` is never missing. False where the system or file system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    renameat2.restype = ctypes.c_int
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))
