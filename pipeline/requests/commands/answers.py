"""`triage requests search|reply|close|sweep|report|letters`: finding the information,
the answer and what follows it (registered on the group of ``commands``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli_options import DbOption
from pipeline.requests.commands.base import AsOption, TodayOption, _acting, _today, requests_app


@requests_app.command("search")
def search(
    words: Annotated[str, typer.Argument(help="索引号, 文号, 名称 or words of the text.")],
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON object per hit.")] = False,
    db: DbOption = None,
) -> None:
    """Search the catalog, the withheld register and the review store together."""
    from pipeline.requests.links import search as search_step

    with _acting(db, None) as (session, _user):
        for found in search_step(session, words):
            if jsonl:
                typer.echo(json.dumps(found.to_dict(), ensure_ascii=False))
            else:
                typer.echo(
                    f"{found.document_id}\t{found.where}\t{found.index_number or '-'}\t"
                    f"{found.doc_number or '-'}\t{found.title}"
                )


@requests_app.command("reply")
def reply(
    case_id: Annotated[str, typer.Argument(help="The case's id or number.")],
    outcome: Annotated[
        str,
        typer.Option(
            "--outcome",
            help="已主动公开|予以公开|部分公开|不予公开|信息不存在|非本机关掌握|需另行制作|补正后仍不明确|信访举报投诉类|重复申请|公开出版物|大量反复申请|要求确认或重新出具",
        ),
    ],
    out: Annotated[
        Path, typer.Option("--out", help="Write the 答复书 (.docx) here; attachments beside it.")
    ],
    reason: Annotated[
        str | None,
        typer.Option(
            "--reason",
            help="不予公开 reason: 国家秘密|法律法规禁止|三安全一稳定|第三方合法权益|内部事务|过程性信息|执法案卷|行政查询",
        ),
    ] = None,
    where: Annotated[
        str, typer.Option("--where", help="Where to get it (已主动公开, 公开出版物).")
    ] = "",
    agency: Annotated[
        str, typer.Option("--agency", help="The agency that holds it (非本机关掌握).")
    ] = "",
    note: Annotated[str, typer.Option("--note", help="A further paragraph for the letter.")] = "",
    as_user: AsOption = None,
    today: TodayOption = None,
    db: DbOption = None,
) -> None:
    """Answer: the 答复书 from the template (scanned before it is issued), the released
    copies attached; nothing is written when anything is wrong."""
    from pipeline.requests.issued import letter_bytes
    from pipeline.requests.replies import reply as reply_step

    files: list[tuple[Path, bytes]] = []
    with _acting(db, as_user) as (session, user):
        answer = reply_step(
            session, user, case_id, outcome, reason, where, agency, note, _today(today)
        )
        files.append((out, letter_bytes(session, answer.letter)))
        for row in answer.attachments:
            files.append(
                (
                    out.with_name(f"{out.stem} {row.filename.split(' ', 1)[-1]}"),
                    letter_bytes(session, row),
                )
            )
    for path, data in files:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        typer.echo(f"→ {path}")
    typer.echo(
        f"{answer.case.number}\t{outcome}\t{'、'.join(answer.case.outcome_detail['articles'])}"
    )


@requests_app.command("close")
def close(
    case_id: Annotated[str, typer.Argument(help="The case's id or number.")],
    reason: Annotated[
        str | None, typer.Option("--reason", help="Without an answer: 逾期不补正|逾期未缴费|其他")
    ] = None,
    as_user: AsOption = None,
    today: TodayOption = None,
    db: DbOption = None,
) -> None:
    """办结 an answered case, or close one not processed further (其他处理)."""
    from pipeline.requests.steps import close as close_step

    with _acting(db, as_user) as (session, user):
        case = close_step(session, user, case_id, reason, _today(today))
    typer.echo(
        f"{case.number}\t已办结{f'（{case.closure}）' if case.closure else ''}\t{case.closed_on}"
    )


@requests_app.command("sweep")
def sweep(today: TodayOption = None, db: DbOption = None) -> None:
    """Close as 逾期不补正 the cases whose supplement period has passed (nightly)."""
    from pipeline.requests.steps import sweep as sweep_step

    with _acting(db, None) as (session, _user):
        closed = sweep_step(session, _today(today))
    for number in closed:
        typer.echo(f"{number}\t逾期不补正，已办结")
    typer.echo(f"{len(closed)} case(s) closed")


@requests_app.command("report")
def report(
    year: Annotated[int, typer.Option("--year", help="The report year.")],
    out: Annotated[Path, typer.Option("--out", help="Folder for the .xlsx and .md.")] = Path(
        "data/annual-report"
    ),
    db: DbOption = None,
) -> None:
    """Table 三 of the annual report (国办公开办函〔2021〕30号) as .xlsx and Markdown."""
    from pipeline.requests.report import table_three, write_xlsx

    with _acting(db, None) as (session, _user):
        table = table_three(session, year)
    book = write_xlsx(table, out / f"{year}-依申请公开情况.xlsx")
    markdown = out / f"{year}-依申请公开情况.md"
    markdown.write_text(table.markdown(), encoding="utf-8")
    typer.echo(table.markdown())
    typer.echo(f"→ {book}, {markdown}")


@requests_app.command("letters")
def letters(
    case_id: Annotated[str, typer.Argument(help="The case's id or number.")],
    out: Annotated[Path, typer.Option("--out", help="Folder to write the case's letters to.")],
    db: DbOption = None,
) -> None:
    """Write every letter and attachment issued in a case."""
    from pipeline.requests.cases import get_case
    from pipeline.requests.issued import letter_bytes

    out.mkdir(parents=True, exist_ok=True)
    with _acting(db, None) as (session, _user):
        for row in get_case(session, case_id).letters:
            path = out / row.filename.replace("/", "-")
            path.write_bytes(letter_bytes(session, row))
            typer.echo(f"{row.kind}\t→ {path}")
