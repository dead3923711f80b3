"""The catalog's unattended sweeps as plain functions: publish what was approved and
rewrite the public site; put withheld items due for re-review back in the queue.

``triage catalog publish``, ``triage rereview`` and the Prefect flows (``pipeline.flows``)
call these, so a scheduled run does exactly what a clerk's command does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from pipeline.catalog.publish import SweepResult, publish_pending
from pipeline.catalog.record import CatalogRecord
from pipeline.catalog.settings import CatalogSettings
from pipeline.config import Settings
from pipeline.store import anchors
from pipeline.store.models import CatalogEntry, StoredFile


def catalog_records(session: Session) -> tuple[list[CatalogRecord], dict[str, bytes]]:
    """Every entry's public record and the released files by their names."""
    records, files = [], {}
    for entry in session.scalars(select(CatalogEntry).order_by(CatalogEntry.index_number)):
        record = CatalogRecord.from_dict(entry.record)
        records.append(record)
        if record.file_name and entry.file_sha256:
            stored = session.get(StoredFile, entry.file_sha256)
            if stored is not None:
                files[record.file_name] = stored.data
    return records, files


def write_public_site(factory: sessionmaker[Session], settings: CatalogSettings, out: Path) -> int:
    """Rewrite the public site from the catalog; returns the number of entries. The audit
    log's head goes with it (``audit-anchor.json``) and into the anchor file: a copy of
    the head that the public, not only the database, keeps."""
    from pipeline.catalog.site import write_site

    with factory() as session:
        records, files = catalog_records(session)
        anchor = anchors.anchor_head(session, "publication")
    extra = {anchors.SITE_FILE: (anchor.to_json() + "\n").encode()} if anchor else {}
    write_site(records, files, out, agency=settings.agency_name, extra=extra)
    return len(records)


@dataclass(frozen=True)
class PublishRun:
    result: SweepResult
    site: Path
    entries: int


def publish_and_write_site(
    factory: sessionmaker[Session], actor: str, site: Path | None = None
) -> PublishRun:
    """Publish every approved document (增加, or 变更 of an earlier version), register
    every withheld one, then rewrite the site (default ``TRIAGE_SITE_DIR``)."""
    settings = CatalogSettings.from_env()
    result = publish_pending(factory, actor, settings, Settings.from_env())
    out = site or settings.site_dir
    return PublishRun(result, out, write_public_site(factory, settings, out))


@dataclass(frozen=True)
class DueItem:
    rereview_on: str
    document_id: int
    legal_basis: tuple[str, ...]
    title: str
    rule: str


def rereview_due(
    factory: sessionmaker[Session], today: date, actor: str, *, requeue: bool = True
) -> list[DueItem]:
    """Withheld items whose re-review date has come, put back in the review queue unless
    ``requeue`` is false (all in one transaction: a crash requeues none or all)."""
    from pipeline.catalog import withheld

    listed = []
    with factory() as session, session.begin():
        for item in withheld.due(session, today):
            title = (item.document.doc_metadata or {}).get("title") or item.document.source
            listed.append(
                DueItem(
                    str(item.rereview_on),
                    item.document_id,
                    tuple(item.legal_basis),
                    title,
                    item.rereview_rule,
                )
            )
            if requeue:
                withheld.requeue(session, item, actor)
    return listed
