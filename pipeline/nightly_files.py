"""One inbox file of a nightly run, from its planned key to the record stored under it.

The planner keys each file by the hash of the bytes it saw (:func:`pipeline.nightly.file_key`)
and skips keys already stored. So every record of the file must be stored under exactly
that key — an ok record, an error record, a crash — or the next run does not see it
stored and tries again, forever (an ``internal_error`` record stored under a hash of the
path made ``triage nightly`` exit 1 every night). And what is stored must be what was
planned: a file whose bytes changed since planning (being copied in, edited) is recorded
once, under the planned key, as ``changed_during_scan``; its new bytes are another key,
planned and scanned next night.

Before anything is read, a file that resolves outside its inbox folder is recorded as
``outside_inbox``; the scan runs within the per-file budget (:mod:`pipeline.file_budget`).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.config import Settings
from pipeline.discover import inside
from pipeline.file_budget import FileTimeout, time_limit
from pipeline.ingest import read_bytes
from pipeline.ingest.errors import ErrorCode, IngestError
from pipeline.scan import Record, error_record, timeout_record

if TYPE_CHECKING:
    from pipeline.nightly import InboxFile


def scan_item(item: InboxFile, settings: Settings, scan: Any, *, takes_root: bool) -> Record:
    """The file's record, before settling its key. A ``scan`` that ``takes_root`` is given
    the inbox folder (it checks it again on the file it opens)."""
    path = Path(item.path)
    root = Path(item.root) if item.root else None
    if root is not None and not inside(os.path.realpath(path), root):
        return error_record(
            item.source,
            IngestError(
                ErrorCode.OUTSIDE_INBOX,
                f"{item.source}: is a symbolic link (or inside a linked folder) that leads "
                f"out of the inbox {root}; it was not read. Put the file itself into the inbox",
            ),
            None,
        )
    try:
        with time_limit(settings.file_timeout):
            if takes_root and root is not None:
                return scan(path, settings, root=root)
            return scan(path, settings)
    except FileTimeout:
        return timeout_record(item.source, settings.file_timeout)


def settle(item: InboxFile, record: Record, settings: Settings) -> tuple[Record, bytes | None]:
    """The record to store under the planned key, and the bytes to keep with it (only
    for a file read whole, whose bytes are still the planned ones)."""
    data = _bytes(item, settings) if record["status"] == "ok" else None
    read = record.get("doc_id")
    if (read and read != item.key) or (
        data is not None and hashlib.sha256(data).hexdigest() != item.key
    ):
        record, data = changed_record(item.source), None
    return {**record, "doc_id": item.key}, data


def stopped_record(item: InboxFile, settings: Settings) -> Record:
    """The record of a file whose worker was stopped from outside (:mod:`pipeline.stall`)."""
    return {**timeout_record(item.source, settings.file_timeout), "doc_id": item.key}


def changed_record(source: str) -> Record:
    return error_record(
        source,
        IngestError(
            ErrorCode.CHANGED,
            f"{source}: the file changed while the batch was reading it; it was recorded and "
            "will be read again by the next run (do not edit files in the inbox during a run)",
        ),
        None,
    )


def _bytes(item: InboxFile, settings: Settings) -> bytes | None:
    """The file's bytes again, kept for the copies made later (read as the scan read them:
    within the size limit and the inbox)."""
    root = Path(item.root) if item.root else None
    try:
        return read_bytes(Path(item.path), item.source, settings, root)
    except IngestError:
        return None  # gone or locked since the scan: the record stays, its copies cannot
