"""`triage users`, `triage review` and `triage audit`: the review workflow from the command
line, mirroring the web app (../shared/spec/cli.md). Every command takes ``--db URL``.
The accounts' commands are in :mod:`pipeline.review.commands.users`."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from sqlalchemy.orm import Session

from pipeline.cli_options import AsOption, DbOption, command_path
from pipeline.config import Settings
from pipeline.review.commands.base import _fail, _session, _user
from pipeline.review.commands.users import users_app as users_app  # `triage users`
from pipeline.store import workflow
from pipeline.store.models import DocumentRow, User
from pipeline.store.workflow import ApprovalPolicy, WorkflowError

review_app = typer.Typer(
    help="The review queue: list, show, decide, approve, return.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
audit_app = typer.Typer(
    help="The keyed, hash-chained audit log.", no_args_is_help=True, rich_markup_mode=None
)


@contextmanager
def _acting(db: str | None, as_user: str) -> Iterator[tuple[Session, User]]:
    """A transaction on behalf of ``as_user``; workflow refusals become a message and exit
    1 (3 for a conflict: someone else changed the document; 4 for a document the user
    may not see, the refusal audited)."""
    from pipeline.store.rights import AccessRefused, record_refusal

    try:
        with _session(db) as session:
            yield session, _user(session, as_user)
    except WorkflowError as exc:
        raise _fail(str(exc), 3 if isinstance(exc, workflow.Conflict) else 1) from exc
    except AccessRefused as exc:  # recorded although the step's transaction rolled back
        with _session(db) as session:
            record_refusal(session, exc, command_path())
        raise _fail(exc.message, 4) from exc


def _policy() -> ApprovalPolicy:
    return ApprovalPolicy.parse(os.environ.get("TRIAGE_APPROVAL_LEVELS", "approver"))


@review_app.command("add")
def review_add(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to scan and queue.")],
    owner: Annotated[
        str | None,
        typer.Option("--owner", help="The drafter these documents belong to (they see them)."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Scan files and put them in the review queue (each file version once), in this
    process; `triage nightly` does the same as a Prefect flow on worker processes.
    Drafters see only documents they own: give --owner for a drafter's files."""
    from pipeline.nightly import collect, open_store, plan, store_chunk
    from pipeline.store.db import default_url

    settings = Settings.from_env()
    url = db or default_url(settings)
    owner_id = None
    if owner is not None:
        with _session(url) as session:
            owner_id = _user(session, owner).id
    run = plan(paths, open_store(url), settings)
    added = store_chunk(run.todo, url, settings, owner_id=owner_id)
    stored, _missing = collect(run.todo, url)
    for outcome in stored:
        typer.echo(f"{outcome.document_id}\t{outcome.state}\t{outcome.source}")
    typer.echo(f"{added} queued, {len(run.seen) + len(run.duplicates)} already in the database")


def _row(document: DocumentRow) -> dict[str, Any]:
    suggestion = document.suggestion
    decision = document.decision
    return {
        "id": document.id,
        "source": document.source,
        "doc_id": document.sha256,
        "state": document.state,
        "attribute": (decision.attribute if decision else None)
        or (suggestion.attribute if suggestion else None),
        "suggested": suggestion.attribute if suggestion else None,
        "confidence": suggestion.confidence if suggestion else None,
        "secret_mark": document.secret_mark,
        "restricted": document.restricted,  # only cleared users and admins see it
        "owner": document.owner_id,
        "version": document.version,
        "error": document.error_code,
    }


@review_app.command("list")
def review_list(
    state: Annotated[str | None, typer.Option("--state", help="Only this state.")] = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON object per document.")] = False,
    db: DbOption = None,
) -> None:
    """The queue, riskiest first (密级 marked, then 须报送确定, then least confident;
    unreadable files last), in the same order as the web app's queue page."""
    from pipeline.review.queue import QueueFilter, whole_queue

    with _session(db) as session:
        for queued in whole_queue(session, QueueFilter(state=state)):
            row = _row(queued.document)
            if jsonl:
                typer.echo(json.dumps(row, ensure_ascii=False))
            else:
                typer.echo(
                    f"{row['id']}\t{row['state']}\t{row['attribute'] or '-'}\t"
                    f"{row['confidence'] if row['confidence'] is not None else '-'}\t{row['source']}"
                )


@review_app.command("show")
def review_show(document_id: int, db: DbOption = None) -> None:
    """A document with its suggestion, findings, decisions and approvals (JSON)."""
    with _session(db) as session:
        try:
            document = workflow.get_document(session, document_id)
        except WorkflowError as exc:
            raise _fail(str(exc), 2) from exc
        suggestion = document.suggestion
        out = _row(document) | {
            "metadata": document.doc_metadata,
            "suggestion": None
            if suggestion is None
            else {
                "attribute": suggestion.attribute,
                "legal_basis": suggestion.legal_basis,
                "confidence": suggestion.confidence,
                "reasons": suggestion.reasons,
                "redactions": suggestion.redactions,
            },
            "findings": [
                {
                    "id": f.id,
                    "label": f.label,
                    "start": f.start,
                    "end": f.end,
                    "text": f.text,
                    "score": f.score,
                    "explanation": f.explanation,
                    "role": f.role,
                }
                for f in (suggestion.findings if suggestion else [])
            ],
            "decisions": [
                {
                    "id": d.id,
                    "user": d.user.name,
                    "attribute": d.attribute,
                    "redactions": d.redactions,
                    "areas": d.areas or [],
                    "reasons": d.reasons or [],
                    "verdicts": d.verdicts,
                    "comment": d.comment,
                    "at": d.created_at.isoformat(),
                }
                for d in document.decisions
            ],
            "approvals": [
                {
                    "level": a.level,
                    "user": a.user.name,
                    "action": a.action,
                    "reason": a.reason,
                    "at": a.created_at.isoformat(),
                }
                for a in document.approvals
            ],
        }
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))


@review_app.command("decide")
def review_decide(
    document_id: int,
    as_user: AsOption,
    attribute: Annotated[
        str, typer.Option("--attribute", help="主动公开|部分公开|依申请公开|不予公开")
    ],
    accept_all: Annotated[
        bool, typer.Option("--accept-all", help="Accept every proposed redaction.")
    ] = False,
    redactions: Annotated[
        Path | None,
        typer.Option(
            "--redactions",
            help="JSON list of {start, end, label[, reason, note]}: the final spans "
            "(reason: a 删除理由 such as privacy:ID_CARD or other_personal with its note).",
        ),
    ] = None,
    reject: Annotated[
        list[int] | None, typer.Option("--reject", help="A finding id to reject (repeatable).")
    ] = None,
    areas: Annotated[
        Path | None,
        typer.Option(
            "--areas",
            help="JSON list of {page, box: [x0, top, x1, bottom], label}: boxes on page "
            "images to black out, in PDF points from the page's top left.",
        ),
    ] = None,
    comment: Annotated[str, typer.Option("--comment", help="The reviewer's comment.")] = "",
    version: Annotated[
        int | None, typer.Option("--version", help="The version you reviewed (conflict check).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Record a reviewer's decision on a document."""
    from pipeline.redact.spans import load_decisions

    if accept_all and (redactions is not None or reject):
        raise _fail("--accept-all excludes --redactions and --reject", 2)
    spans = None
    if redactions is not None:
        try:
            spans = [r.to_dict() for r in load_decisions(redactions)]
        except ValueError as exc:
            raise _fail(str(exc), 2) from exc
    verdicts = {str(i): "reject" for i in reject or []}
    try:
        boxes = json.loads(areas.read_text(encoding="utf-8")) if areas is not None else []
    except (OSError, ValueError) as exc:
        raise _fail(f"{areas}: not a readable JSON file ({exc})", 2) from exc
    if not isinstance(boxes, list):
        raise _fail(f"{areas}: expected a JSON list of areas", 2)
    with _acting(db, as_user) as (session, user):
        decision = workflow.decide(
            session,
            document_id,
            user,
            attribute=attribute,
            redactions=spans,
            verdicts=verdicts,
            areas=boxes,
            comment=comment,
            expected_version=version,
        )
        typer.echo(
            f"document {document_id}: {decision.attribute}, "
            f"{len(decision.redactions)} redaction(s), decided by {user.name}"
        )


@review_app.command("approve")
def review_approve(
    document_id: int,
    as_user: AsOption,
    comment: Annotated[str, typer.Option("--comment", help="The approver's comment.")] = "",
    version: Annotated[
        int | None, typer.Option("--version", help="The version you approved (conflict check).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Approve a reviewed document at the next approval level (TRIAGE_APPROVAL_LEVELS)."""
    with _acting(db, as_user) as (session, user):
        approval = workflow.approve(
            session, document_id, user, _policy(), expected_version=version, comment=comment
        )
        state = workflow.get_document(session, document_id).state
        typer.echo(
            f"document {document_id}: level {approval.level} approved by {user.name} → {state}"
        )


@review_app.command("return")
def review_return(
    document_id: int,
    as_user: AsOption,
    reason: Annotated[str, typer.Option("--reason", help="Why it goes back (required).")],
    version: Annotated[
        int | None, typer.Option("--version", help="The version you returned (conflict check).")
    ] = None,
    db: DbOption = None,
) -> None:
    """退回: send a reviewed document back to the reviewers with a reason."""
    with _acting(db, as_user) as (session, user):
        workflow.return_document(session, document_id, user, reason, expected_version=version)
        typer.echo(f"document {document_id}: returned")


@review_app.command("override")
def review_override(
    document_id: int,
    as_user: AsOption,
    reason: Annotated[str, typer.Option("--reason", help="The 保密审查 opinion (required).")],
    db: DbOption = None,
) -> None:
    """An admin's 保密审查 override: a 密级-marked document may be released as decided."""
    with _acting(db, as_user) as (session, user):
        workflow.secrecy_override(session, document_id, user, reason)
        typer.echo(f"document {document_id}: secrecy override recorded")


@audit_app.command("verify")
def audit_verify(
    db: DbOption = None,
    site: Annotated[
        Path | None,
        typer.Option("--site", help="Also check the anchor of this published catalog site."),
    ] = None,
) -> None:
    """Check the audit log: its hash chain and the MAC of every event (the audit key),
    the anchors copied out of the database, and that decisions, approvals and catalog
    entries are what their events recorded; exit 1 naming each problem."""
    from pipeline.store.audit import verify
    from pipeline.store.audit_key import AuditKeyError

    try:
        with _session(db) as session:
            result = verify(session, site=site)
    except AuditKeyError as exc:
        raise _fail(str(exc), 2) from exc
    if not result.ok:
        for problem in result.problems[:50]:
            typer.echo(problem, err=True)
        raise _fail(
            f"audit log tampered: {len(result.problems)} problem(s) in {result.events} events"
        )
    legacy = f", {result.unkeyed} from before the keyed chain" if result.unkeyed else ""
    typer.echo(
        f"audit log intact: {result.events} events{legacy}, {result.anchors} anchor(s) "
        f"matched, head {result.head[:16]}…"
    )


@audit_app.command("anchor")
def audit_anchor(db: DbOption = None) -> None:
    """Append the log's head to the anchor file (TRIAGE_AUDIT_ANCHORS, default beside the
    database): run it from cron, keep the file append-only or on another machine."""
    from pipeline.store.anchors import anchor_head
    from pipeline.store.audit_key import AuditKeyError, anchors_path

    try:
        with _session(db) as session:
            anchor = anchor_head(session, "manual")
            path = anchors_path(session.get_bind().engine.url)
    except AuditKeyError as exc:
        raise _fail(str(exc), 2) from exc
    if anchor is None:
        typer.echo("audit log empty: nothing to anchor")
    else:
        typer.echo(f"anchored event {anchor.event} ({anchor.hash[:16]}…) in {path}")


LOOPBACK = ("127.0.0.1", "localhost", "::1")


def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    secure_cookies: Annotated[
        bool | None,
        typer.Option(
            "--secure-cookies/--no-secure-cookies",
            help="Send the session cookie only over HTTPS (default: on unless listening on "
            "loopback; behind an HTTPS reverse proxy keep it on).",
        ),
    ] = None,
    workers: Annotated[int, typer.Option("--workers", help="Server processes.")] = 1,
    db: DbOption = None,
) -> None:
    """The reviewers' web app. Approval levels from TRIAGE_APPROVAL_LEVELS."""
    import uvicorn

    from pipeline.store.db import default_url, open_db

    url = db or default_url()
    open_db(url)  # migrate once here, not in every worker
    os.environ["TRIAGE_DB"] = url
    secure = secure_cookies if secure_cookies is not None else host not in LOOPBACK
    os.environ["TRIAGE_SECURE_COOKIES"] = "1" if secure else "0"
    typer.echo(f"公开审 review app on http://{host}:{port}/ (database {url.split('@')[-1]})")
    uvicorn.run(
        "pipeline.review.commands:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        http="pipeline.review.serving:NoDelayH11Protocol",
    )


def app_from_env() -> Any:
    """The app as `triage serve` configured it (uvicorn's factory, in each worker)."""
    from functools import partial

    from pipeline.review.app import create_app
    from pipeline.store.db import default_url

    url = os.environ.get("TRIAGE_DB") or default_url()
    app = create_app(
        url,
        policy=_policy(),
        secure_cookies=os.environ.get("TRIAGE_SECURE_COOKIES", "1") == "1",
    )
    app.state.intake = partial(upload_intake, url, Settings.from_env())
    return app


def upload_intake(
    url: str, settings: Settings, paths: list[Path], owner_id: int | None = None
) -> list[int]:
    """The web app's uploads go through the nightly intake (scan, store each file version
    once), in the server's process: the ids of the documents the files became, new ones
    owned by the uploader."""
    from pipeline.nightly import add_files

    return [outcome.document_id for outcome in add_files(paths, url, settings, owner_id)]
