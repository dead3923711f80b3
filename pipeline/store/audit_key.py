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
import errno
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
    """The audit key is missing, unreadable, too short or readable by others; the message
    (Chinese, for the clerk or the operator) names the file, the reason and what to do."""


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
                f"环境变量 TRIAGE_AUDIT_KEY 少于 {MIN_LENGTH} 个字符，不能作审计日志的密钥。"
                "请换一个足够长的随机值（如 `python -c 'import secrets; "
                "print(secrets.token_hex(32))'` 的输出）"
            )
        return given.strip().encode("utf-8")
    return _key_file(key_path(url).resolve())


# Why a key file could not be used, in the clerk's words, by errno.
REASONS = {
    errno.EACCES: "权限不足，运行本程序的用户不能读取它",
    errno.EPERM: "权限不足，运行本程序的用户不能读取它",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ENOENT: "文件或其所在的文件夹不存在",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EEXIST: "路径中有一段是文件，不是文件夹",
    errno.EROFS: "所在的文件系统是只读的",
    errno.ENOSPC: "磁盘已满",
}


def reason(exc: OSError) -> str:
    """Why an ``OSError`` happened, in Chinese (the system's own words after it)."""
    words = REASONS.get(exc.errno or 0, "读写出错")
    return f"{words}；系统信息：{exc.strerror or exc}"


def _unreadable(path: Path, why: str) -> AuditKeyError:
    return AuditKeyError(
        f"审计密钥文件 {path} 无法读取（{why}）。审计日志没有密钥就不能写入或校验。"
        "请让运行本程序的用户可以读取它（权限 0600，属主为该用户），"
        "或设置 TRIAGE_AUDIT_KEY / TRIAGE_AUDIT_KEY_FILE"
    )


@lru_cache(maxsize=8)
def _key_file(path: Path) -> bytes:
    try:
        exists = path.exists()
    except OSError as exc:
        raise _unreadable(path, reason(exc)) from exc
    if not exists:
        try:
            _create(path)
        except OSError as exc:
            raise AuditKeyError(
                f"审计密钥文件 {path} 不存在，也无法创建（{reason(exc)}）。审计日志没有密钥"
                "就不能写入或校验。请让运行本程序的用户可以写入该文件夹，或用 "
                "TRIAGE_AUDIT_KEY_FILE 指定另一个位置，或设置 TRIAGE_AUDIT_KEY"
            ) from exc
    try:
        mode = path.stat().st_mode
        text = path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise _unreadable(path, reason(exc)) from exc
    except UnicodeDecodeError as exc:
        raise _unreadable(path, "内容不是文字，文件已损坏") from exc
    if stat.S_IMODE(mode) & 0o077:
        raise AuditKeyError(
            f"审计密钥文件 {path} 的权限过宽（{stat.S_IMODE(mode):04o}），其他用户也可以读取："
            f"持有密钥的人能改写审计日志。请运行 `chmod 600 {path}`"
        )
    if len(text) < MIN_LENGTH:
        raise AuditKeyError(
            f"审计密钥文件 {path} 的内容少于 {MIN_LENGTH} 个字符（文件被截断或替换）。"
            "请从备份恢复（用原密钥写入的记录，换了密钥就无法校验）"
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
