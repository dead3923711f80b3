"""`triage catalog …` and `triage rereview`: publishing, the public site, deadlines,
exports, annual statistics and the re-review of withheld items, from the command line."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy import select

from pipeline.catalog.settings import CatalogSettings
from pipeline.catalog.sweeps import (
    catalog_records,
    publish_and_write_site,
    rereview_due,
    write_public_site,
)
from pipeline.cli_options import DbOption
from pipeline.store.db import opened
from pipeline.store.models import CatalogEntry, DocumentRow
from pipeline.store.workflow import STATE_NAMES

catalog_app = typer.Typer(
    help="The disclosure catalog (公开目录): publish, site, status, export, statistics.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
ActorOption = Annotated[
    str, typer.Option("--as", help="Who publishes (recorded in the audit log).")
]
TodayOption = Annotated[
    str | None, typer.Option("--today", help="Take this ISO date as today (for checks and tests).")
]


def _today(text: str | None) -> date:
    try:
        return date.fromisoformat(text) if text else date.today()
    except ValueError as exc:
        raise typer.BadParameter(f"--today must be an ISO date, not {text!r}") from exc


@catalog_app.command("publish")
def catalog_publish(
    as_user: ActorOption = "系统",
    site: Annotated[
        Path | None,
        typer.Option("--site", help="Write the public site here (default TRIAGE_SITE_DIR)."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Publish every approved document (增加, or 变更 of an earlier version), register
    every withheld one, and rewrite the public catalog site."""
    from pipeline.catalog.publish import PublishError

    with opened(db) as factory:
        try:
            run = publish_and_write_site(factory, as_user, site)
        except PublishError as exc:
            typer.echo(f"triage: {exc}", err=True)
            raise typer.Exit(1) from exc
    result = run.result
    for number in result.published:
        typer.echo(f"增加\t{number}")
    for number in result.changed:
        typer.echo(f"变更\t{number}")
    for doc_id in result.registered:
        typer.echo(f"登记\t文档 {doc_id}（不予公开）")
    for doc_id, message in result.failed:
        typer.echo(f"失败\t文档 {doc_id}：{message}", err=True)
    typer.echo(
        f"增加 {len(result.published)} 条，变更 {len(result.changed)} 条，"
        f"登记不予公开 {len(result.registered)} 件，失败 {len(result.failed)} 件；"
        f"公开目录网站共 {run.entries} 条 → {run.site}"
    )
    if result.failed:
        raise typer.Exit(1)


@catalog_app.command("withdraw")
def catalog_withdraw(
    index_number: str,
    reason: Annotated[str, typer.Option("--reason", help="Why it is withdrawn (required).")],
    as_user: ActorOption = "系统",
    db: DbOption = None,
) -> None:
    """取消: withdraw an entry (its page stays and says why), then rewrite the site."""
    from pipeline.catalog.publish import PublishError, withdraw

    settings = CatalogSettings.from_env()
    with opened(db) as factory:
        try:
            with factory() as session, session.begin():
                withdraw(session, index_number, as_user, reason)
        except PublishError as exc:
            typer.echo(f"triage: {exc}", err=True)
            raise typer.Exit(1) from exc
        write_public_site(factory, settings, settings.site_dir)
    typer.echo(f"{index_number} 已取消")


@catalog_app.command("status")
def catalog_status(today: TodayOption = None, db: DbOption = None) -> None:
    """Deadlines: 主动公开 items overdue or due within 5 working days, and the share
    published within 20 working days."""
    from pipeline.catalog.record import first_published
    from pipeline.deadlines import (
        AWAITING_PUBLICATION,
        DUE_SOON_DAYS,
        due_soon_until,
        published_on_time,
    )

    now = _today(today)
    soon = due_soon_until(now)
    overdue, due = [], []
    on_time = late = 0
    with opened(db) as factory, factory() as session:
        entries = {e.document_id: e for e in session.scalars(select(CatalogEntry))}
        for d in session.scalars(select(DocumentRow).where(DocumentRow.deadline.is_not(None))):
            deadline = d.deadline or ""
            entry = entries.get(d.id)
            if entry is not None:
                timely = published_on_time(first_published(entry.record), deadline)
                on_time += timely is True
                late += timely is not True
            elif d.state in AWAITING_PUBLICATION and deadline < now.isoformat():
                overdue.append(d)
            elif d.state in AWAITING_PUBLICATION and deadline <= soon.isoformat():
                due.append(d)
        for label, rows in (("超期", overdue), ("即将到期", due)):
            for d in sorted(rows, key=lambda d: d.deadline or ""):
                title = (d.doc_metadata or {}).get("title") or d.source
                state = STATE_NAMES.get(d.state, d.state)
                typer.echo(f"{label}\t{d.deadline}\t{d.id}\t{state}\t{title}")
    published = on_time + late
    share = f"{on_time / published:.1%}" if published else "—"
    typer.echo(
        f"超期 {len(overdue)} 件，{soon.isoformat()} 前到期 {len(due)} 件"
        f"（{DUE_SOON_DAYS} 个工作日内）；按时公开 {on_time}/{published}（{share}）"
    )


@catalog_app.command("export")
def catalog_export(
    fmt: Annotated[str, typer.Option("--format", help="csv | xlsx | json | html")],
    out: Annotated[Path, typer.Option("--out", help="The file to write.")],
    db: DbOption = None,
) -> None:
    """Export the catalog (all entries, withdrawn ones marked)."""
    from pipeline.catalog.exports import FORMATS, export

    if fmt not in FORMATS:
        typer.echo(f"triage: --format must be one of {', '.join(FORMATS)}", err=True)
        raise typer.Exit(2)
    with opened(db) as factory, factory() as session:
        records, _files = catalog_records(session)
    export(records, fmt, out)
    typer.echo(f"{len(records)} entries → {out}")


@catalog_app.command("stats")
def catalog_stats(
    year: Annotated[int, typer.Option("--year", help="The report year.")] = date.today().year,
    out: Annotated[Path, typer.Option("--out", help="Folder for the XLSX and charts.")] = Path(
        "data/annual-report"
    ),
    db: DbOption = None,
) -> None:
    """Annual report tables (XLSX) and charts (PNG)."""
    from pipeline.catalog.statistics import annual_statistics, write_charts, write_workbook

    with opened(db) as factory, factory() as session:
        stats = annual_statistics(session, year)
    book = write_workbook(stats, out / f"{year}-年度报告统计.xlsx")
    charts = write_charts(stats, out)
    for name, table in stats.tables().items():
        typer.echo(f"== {name}\n{table.to_string(index=False)}")
    typer.echo(f"→ {book}, {len(charts)} charts in {out}")


def rereview(
    today: TodayOption = None,
    list_only: Annotated[
        bool, typer.Option("--list", help="Only list the due items; do not requeue them.")
    ] = False,
    as_user: ActorOption = "系统",
    db: DbOption = None,
) -> None:
    """Withheld items whose re-review date has come: listed, and put back in the review
    queue unless --list."""
    now = _today(today)
    with opened(db) as factory:
        items = rereview_due(factory, now, as_user, requeue=not list_only)
    for item in items:
        typer.echo(
            f"{item.rereview_on}\t{item.document_id}\t{'、'.join(item.legal_basis)}\t"
            f"{item.title}\t{item.rule}"
        )
    action = "仅列出" if list_only else "已放回待审队列"
    typer.echo(f"截至 {now.isoformat()} 到期复审的不予公开事项 {len(items)} 件，{action}")


@catalog_app.command("push")
def catalog_push(
    endpoint: Annotated[
        str, typer.Option("--endpoint", help="The portal's URL to POST entries to.")
    ],
    retries: Annotated[int, typer.Option("--retries", help="Retries per entry.")] = 5,
    db: DbOption = None,
) -> None:
    """Push new and changed entries to a portal (Idempotency-Key 索引号@v版本, retries with
    backoff); the bearer token, if any, comes from TRIAGE_PORTAL_TOKEN."""
    import os

    from pipeline.catalog.http_publisher import push_pending

    with opened(db) as factory:
        report = push_pending(
            factory, endpoint, token=os.environ.get("TRIAGE_PORTAL_TOKEN"), retries=retries
        )
    for key in report.pushed:
        typer.echo(f"pushed\t{key}")
    for key, why in report.failed:
        typer.echo(f"failed\t{key}\t{why}", err=True)
    typer.echo(
        f"{len(report.pushed)} pushed, {len(report.failed)} failed, {report.attempts} requests"
    )
    if report.failed:
        raise typer.Exit(1)
