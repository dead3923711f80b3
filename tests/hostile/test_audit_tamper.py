"""Rewriting the audit log (issue 18, item 7), on SQLite and PostgreSQL: ``triage audit
verify`` must catch each of the red team's three rewrites — rows edited and every hash
after them recomputed with the project's own ``event_hash``, the tail deleted, a
decision's attribute changed in ``decisions`` — and an approval or a catalog entry
changed, the MACs stripped; and it must refuse a key file others may read or that
cannot be read."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.store import audit, workflow
from pipeline.store.audit import event_hash
from pipeline.store.audit_records import decision_digest, entry_digest
from pipeline.store.db import open_db
from pipeline.store.documents import add_record
from pipeline.store.models import Approval, AuditEvent, CatalogEntry, Decision
from pipeline.store.users import add_user

TEXT = "关于开展安全检查的通知\n各单位：\n　　请于月底前报送。\n"


def _record(name: str) -> dict[str, object]:
    """A scan-contract record as `triage scan --with-text` makes it (no models needed)."""
    return {
        "source": f"/inbox/{name}",
        "doc_id": name.encode().hex().ljust(64, "0")[:64],
        "status": "ok",
        "format": "txt",
        "text": TEXT,
        "metadata": {"title": "关于开展安全检查的通知"},
        "findings": [],
        "suggestion": {
            "attribute": "主动公开",
            "legal_basis": ["第十九条"],
            "confidence": 0.9,
            "needs_escalation": False,
            "reasons": [],
        },
        "redactions": [],
        "warnings": [],
    }


@pytest.fixture
def history(db_url: str) -> Iterator[tuple[str, sessionmaker[Session]]]:
    """Three users, a document decided 主动公开 and approved: nine keyed events."""
    factory = open_db(db_url)
    with factory() as session, session.begin():
        add_user(session, "李审核", "reviewer", "password-1", actor="test")
        add_user(session, "王批准", "approver", "password-2", actor="test")
        document, _ = add_record(session, _record("a.txt"), TEXT.encode())
        add_record(session, _record("b.txt"), TEXT.encode())
    with factory() as session, session.begin():
        reviewer = workflow_user(session, "李审核")
        workflow.start_review(session, document.id, reviewer)
        workflow.decide(session, document.id, reviewer, attribute="主动公开", comment="同意")
        workflow.approve(session, document.id, workflow_user(session, "王批准"))
    yield db_url, factory
    factory.kw["bind"].dispose()


def workflow_user(session: Session, name: str):  # type: ignore[no-untyped-def]
    from pipeline.store.users import find_user

    return find_user(session, name)


def _verify(url: str, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["audit", "verify", "--db", url, *extra])
    return result.exit_code, result.output


def test_an_untouched_log_verifies(history: tuple[str, sessionmaker[Session]]) -> None:
    url, _factory = history
    code, output = _verify(url)
    assert code == 0, output
    assert "audit log intact: 7 events" in output and "1 anchor(s) matched" in output


def test_rows_edited_and_every_hash_recomputed_are_caught_by_their_macs(
    history: tuple[str, sessionmaker[Session]],
) -> None:
    url, factory = history
    with factory() as session, session.begin():
        decision = session.scalars(select(Decision)).one()
        decision.attribute = "不予公开"  # the row and its event made to agree …
        session.flush()
        events = list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))
        start = next(i for i, e in enumerate(events) if e.action == "decide")
        events[start].detail = {
            **events[start].detail,
            "attribute": "不予公开",
            "digest": decision_digest(decision),
        }
        prev = events[start].prev_hash
        for event in events[start:]:  # … and the chain recomputed with the public function
            event.prev_hash = prev
            event.hash = event_hash(
                prev, event.at, event.actor, event.action, event.document_id, event.detail
            )
            prev = event.hash
    code, output = _verify(url)
    assert code == 1
    assert f"event {events[start].id}: its MAC does not match" in output
    assert "does not chain" not in output and "does not match its hash" not in output


def test_a_deleted_tail_is_caught_by_an_anchor(history: tuple[str, sessionmaker[Session]]) -> None:
    url, factory = history
    anchored = CliRunner().invoke(app, ["audit", "anchor", "--db", url])
    assert anchored.exit_code == 0 and "anchored event 7" in anchored.output
    with factory() as session, session.begin():
        session.execute(delete(AuditEvent).where(AuditEvent.id >= 6))
    code, output = _verify(url)
    assert code == 1
    assert "event 7 is missing (the log was cut back)" in output


def test_a_decision_changed_in_its_table_is_caught(
    history: tuple[str, sessionmaker[Session]],
) -> None:
    url, factory = history
    with factory() as session, session.begin():
        session.execute(update(Decision).values(attribute="不予公开"))
    code, output = _verify(url)
    assert code == 1
    assert "decision 1 (document 1) is not what audit event" in output and "不予公开" in output


def test_an_approval_changed_or_slipped_in_is_caught(
    history: tuple[str, sessionmaker[Session]],
) -> None:
    url, factory = history
    with factory() as session, session.begin():
        session.execute(update(Approval).values(reason="已核"))
        approval = session.scalars(select(Approval)).one()
        session.add(
            Approval(
                document_id=approval.document_id,
                decision_id=approval.decision_id,
                level=2,
                user_id=approval.user_id,
                action="approve",
                reason="",
            )
        )
    code, output = _verify(url)
    assert code == 1
    assert "approval 1 (approve, document 1) is not what audit event" in output
    assert "approval 2 (approve, document 1): no audit event records it" in output


def test_stripped_macs_are_caught_by_the_first_anchor(
    history: tuple[str, sessionmaker[Session]],
) -> None:
    url, factory = history
    with factory() as session, session.begin():
        session.execute(update(AuditEvent).values(mac=None))
    code, output = _verify(url)
    assert code == 1 and "event 1 has lost the MAC it had" in output


def test_a_catalog_entry_changed_after_publication_is_caught(
    history: tuple[str, sessionmaker[Session]],
) -> None:
    """A publication recorded as publish_document records it (the entry's digest)."""
    url, factory = history
    with factory() as session, session.begin():
        entry = CatalogEntry(
            index_number="11440203MB2D45678K/2026-00001",
            document_id=1,
            status="active",
            version=1,
            record={"title": "关于开展安全检查的通知"},
            file_sha256=None,
        )
        session.add(entry)
        session.flush()
        from pipeline.store import audit

        audit.record(
            session,
            "系统",
            "publish",
            1,
            {"index_number": entry.index_number, "version": 1, "digest": entry_digest(entry)},
        )
    assert _verify(url)[0] == 0
    with factory() as session, session.begin():
        session.execute(update(CatalogEntry).values(record={"title": "关于（已改）的通知"}))
    code, output = _verify(url)
    assert code == 1
    assert "catalog entry 11440203MB2D45678K/2026-00001 is not what audit event" in output


def test_a_key_file_others_may_read_or_that_cannot_be_read_is_refused(
    history: tuple[str, sessionmaker[Session]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, _factory = history
    monkeypatch.delenv("TRIAGE_AUDIT_KEY", raising=False)
    shared = tmp_path / "shared.key"
    shared.write_text("k" * 64)
    shared.chmod(0o644)
    monkeypatch.setenv("TRIAGE_AUDIT_KEY_FILE", str(shared))
    code, output = _verify(url)
    assert code == 2 and f"审计密钥文件 {shared.resolve()} 的权限过宽（0644）" in output
    assert f"chmod 600 {shared.resolve()}" in output
    folder = tmp_path / "not-a-file.key"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("TRIAGE_AUDIT_KEY_FILE", str(folder))
    code, output = _verify(url)
    assert (
        code == 2
        and f"审计密钥文件 {folder.resolve()} 无法读取（这是一个文件夹，不是文件" in output
    )
    other = tmp_path / "other.key"  # created on first use, private, and not the log's key
    monkeypatch.setenv("TRIAGE_AUDIT_KEY_FILE", str(other))
    code, output = _verify(url)
    assert oct(os.stat(other).st_mode & 0o777) == "0o600"
    assert code == 1 and "its MAC does not match" in output


def test_the_published_site_carries_the_head_and_catches_a_cut_back_log(
    history: tuple[str, sessionmaker[Session]], tmp_path: Path
) -> None:
    """Even with the anchor file gone, the public site's copy of the head shows the cut."""
    from pipeline.catalog.settings import CatalogSettings
    from pipeline.catalog.sweeps import write_public_site
    from pipeline.store.anchors import SITE_FILE
    from pipeline.store.audit_key import anchors_path

    url, factory = history
    with factory() as session, session.begin():
        # event 8, a login: it leaves no row (an account would: verify checks users)
        audit.record(session, "王批准", "login", None, {})
    site = tmp_path / "site"
    write_public_site(factory, CatalogSettings(agency_name="某某县人民政府办公室"), site)
    assert '"event": 8' in (site / SITE_FILE).read_text(encoding="utf-8")
    assert _verify(url, "--site", str(site))[0] == 0
    with factory() as session, session.begin():
        session.execute(delete(AuditEvent).where(AuditEvent.id == 8))
        anchors_path(session.get_bind().engine.url).unlink()
    assert _verify(url)[0] == 0  # the documented limit: a tail no anchor covers is not seen
    code, output = _verify(url, "--site", str(site))
    assert code == 1 and "(publication): event 8 is missing" in output
