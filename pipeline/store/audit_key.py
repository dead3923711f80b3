"""The secret that keys the audit chain, and where its anchors are written: both kept
outside the database.

A plain hash chain proves nothing to someone who can write the database: they edit a
row and recompute every hash after it with the project's own ``event_hash``. Each event
therefore also carries an HMAC of its hash under a key the database does not hold:

- ``TRIAGE_AUDIT_KEY`` (at least 32 characters), e.g. from the service's secret store; or
- the key file ``TRIAGE_AUDIT_KEY_FILE`` (default ``audit.key`` beside the SQLite
  database, or in ``TRIAGE_DATA_DIR`` for another database), created on first use with
  32 random bytes and mode 0600. A key file others may read is refused, as is one that
  cannot be read: :class:`AuditKeyError` says which and what to do.

The anchors (:mod:`pipeline.store.anchors`) go to ``TRIAGE_AUDIT_ANCHORS`` or, by
default, one file per database beside it (SQLite) or under the data folder.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
from functools import lru_cache
from pathlib import Path

from sqlalchemy.engine import URL

from pipeline.config import Settings

MIN_LENGTH = 32


class AuditKeyError(RuntimeError):
    """The audit key is missing, unreadable, too short or readable by others."""


def _sqlite_file(url: URL) -> Path | None:
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database).resolve()
    return None


def key_path(url: URL) -> Path:
    """Where the key file is (whether or not it exists yet)."""
    if os.environ.get("TRIAGE_AUDIT_KEY_FILE"):
        return Path(os.environ["TRIAGE_AUDIT_KEY_FILE"])
    database = _sqlite_file(url)
    folder = database.parent if database else Settings.from_env().data_dir
    return folder / "audit.key"


def anchors_path(url: URL) -> Path:
    """The anchor file of the database at ``url``."""
    if os.environ.get("TRIAGE_AUDIT_ANCHORS"):
        return Path(os.environ["TRIAGE_AUDIT_ANCHORS"])
    database = _sqlite_file(url)
    if database is not None:
        return database.with_name(f"{database.stem}.anchors.jsonl")
    name = re.sub(
        r"[^A-Za-z0-9_.-]+", "_", f"{url.host or 'local'}-{url.port or ''}-{url.database}"
    )
    return Settings.from_env().data_dir / "audit-anchors" / f"{name}.jsonl"


def audit_key(url: URL) -> bytes:
    """The key for the database at ``url`` (see the module docstring)."""
    given = os.environ.get("TRIAGE_AUDIT_KEY")
    if given is not None:
        if len(given.strip()) < MIN_LENGTH:
            raise AuditKeyError(
                f"TRIAGE_AUDIT_KEY is shorter than {MIN_LENGTH} characters; use a long random "
                "value (e.g. `python -c 'import secrets; print(secrets.token_hex(32))'`)"
            )
        return given.strip().encode("utf-8")
    return _key_file(key_path(url).resolve())


@lru_cache(maxsize=8)
def _key_file(path: Path) -> bytes:
    if not path.exists():
        _create(path)
    try:
        mode = path.stat().st_mode
        text = path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise AuditKeyError(
            f"the audit key file {path} cannot be read ({exc.strerror or exc}); the audit log "
            "cannot be written or verified without it. Give this user read access (mode 0600), "
            "or set TRIAGE_AUDIT_KEY / TRIAGE_AUDIT_KEY_FILE"
        ) from exc
    if stat.S_IMODE(mode) & 0o077:
        raise AuditKeyError(
            f"the audit key file {path} may be read by others (mode {stat.S_IMODE(mode):04o}); "
            f"run `chmod 600 {path}`: whoever holds the key can rewrite the audit log"
        )
    if len(text) < MIN_LENGTH:
        raise AuditKeyError(
            f"the audit key file {path} holds fewer than {MIN_LENGTH} characters; "
            "restore it from its backup (events written with the old key no longer verify)"
        )
    return text.encode("utf-8")


def _create(path: Path) -> None:
    """Write a new random key with mode 0600, atomically: a reader never sees half of it,
    and of two processes creating it at once, one wins and both use its key."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(secrets.token_hex(32) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileExistsError):
            os.link(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
