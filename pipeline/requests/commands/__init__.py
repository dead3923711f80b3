"""`triage requests …`: 依申请公开 cases from the command line, the same steps as the web
app's pages (each audited). Every command takes ``--db``; ``--as`` names the acting
user (default: the command line itself, recorded as ``cli``); ``--today`` fixes the day
for checks and tests. Refusals print the reason in Chinese and exit 1, bad options exit 2."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli_options import DbOption
from pipeline.requests.commands import answers  # noqa: F401  (registers reply, close, report …)
from pipeline.requests.commands.base import (
    AsOption,
    JsonOption,
    TodayOption,
    _acting,
    _date,
    _fail,
    _print,
    _today,
    requests_app,
)

__all__ = ["requests_app"]


@requests_app.command("add")
def add(
    applicant_type: Annotated[
        str,
        typer.Option(
            "--applicant-type", help="自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他"
        ),
    ],
    name: Annotated[str, typer.Option("--name", help="The applicant's name (姓名或名称).")],
    received: Annotated[
        str, typer.Option("--received", help="YYYY-MM-DD [HH:MM]: 提交/签收/双方确认之日.")
    ],
    content: Annotated[str, typer.Option("--content", help="The information asked for.")],
    channel: Annotated[str, typer.Option("--channel", help="当面|邮寄|网络|传真")] = "当面",
    id_number: Annotated[str, typer.Option("--id-number", help="Identity document number.")] = "",
    id_type: Annotated[str, typer.Option("--id-type", help="Identity document type.")] = "",
    phone: Annotated[str, typer.Option("--phone", help="The applicant's telephone.")] = "",
    email: Annotated[str, typer.Option("--email", help="The applicant's e-mail.")] = "",
    address: Annotated[str, typer.Option("--address", help="The applicant's postal address.")] = "",
    org_code: Annotated[str, typer.Option("--org-code", help="统一社会信用代码.")] = "",
    title: Annotated[str, typer.Option("--title", help="名称 of the information, if known.")] = "",
    doc_number: Annotated[str, typer.Option("--doc-number", help="文号, if known.")] = "",
    form: Annotated[str, typer.Option("--form", help="纸质|电子数据|其他")] = "",
    delivery: Annotated[
        str, typer.Option("--delivery", help="邮寄|电子邮件|自行领取|当场阅读、抄录|其他")
    ] = "",
    receipt: Annotated[
        Path | None, typer.Option("--receipt", help="Write the 登记回执 (.docx) here.")
    ] = None,
    as_json: JsonOption = False,
    as_user: AsOption = None,
    today: TodayOption = None,
    db: DbOption = None,
) -> None:
    """Register an application; prints its id, received day and due date."""
    from pipeline.requests.clock import parse_moment
    from pipeline.requests.intake import Intake, add_case, applicant_form
    from pipeline.requests.issued import letter_bytes
    from pipeline.requests.views import summary

    try:
        day, at = parse_moment(received)
    except ValueError as exc:
        raise _fail(str(exc), 2) from exc
    intake = Intake(
        applicant_kind=applicant_type,
        applicant=applicant_form(
            {
                "name": name,
                "id_type": id_type,
                "id_number": id_number,
                "phone": phone,
                "email": email,
                "address": address,
                "org_code": org_code,
            }
        ),
        content=content,
        received=day,
        received_at=at,
        channel=channel,
        described={"名称": title, "文号": doc_number},
        form_wanted={"载体形式": form, "获取方式": delivery},
    )
    now = _today(today)
    with _acting(db, as_user) as (session, user):
        case = add_case(session, user, intake, now)
        row = summary(case, now)
        if receipt is not None:
            receipt.parent.mkdir(parents=True, exist_ok=True)
            receipt.write_bytes(letter_bytes(session, case.letters[0]))
    out = {
        "id": row["id"],
        "number": row["number"],
        "received": row["received"],
        "due": row["due"],
        "estimated": row["estimated"],
    }
    if as_json:
        _print(out)
    else:
        typer.echo(
            f"{out['id']}\t{out['number']}\t收到 {out['received']}\t答复期限 {out['due']}"
            f"{'（预计）' if out['estimated'] else ''}"
        )


@requests_app.command("list")
def list_(
    due_within: Annotated[
        int | None,
        typer.Option(
            "--due-within", help="Only cases due within N working days (overdue ones too)."
        ),
    ] = None,
    state: Annotated[
        str | None, typer.Option("--state", help="open|supplement|replied|closed")
    ] = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON object per case.")] = False,
    today: TodayOption = None,
    db: DbOption = None,
) -> None:
    """Cases, most urgent first, with their due dates."""
    from pipeline.requests.views import cases, summary

    now = _today(today)
    with _acting(db, None) as (session, _user):
        for case, k in cases(session, now, due_within, state):
            row = summary(case, now)
            if jsonl:
                typer.echo(json.dumps(row, ensure_ascii=False))
            else:
                flag = "超期" if k.overdue else ("即将到期" if k.due_soon else "")
                typer.echo(
                    f"{case.id}\t{case.number}\t{row['state_name']}\t{row['due'] or '-'}"
                    f"{'（预计）' if k.estimated else ''}\t{flag}"
                )


@requests_app.command("show")
def show(
    case_id: Annotated[str, typer.Argument(help="The case's id or number.")],
    as_json: JsonOption = False,
    today: TodayOption = None,
    db: DbOption = None,
) -> None:
    """A case with its state, clocks, links, letters (and the applicant's data)."""
    from pipeline.requests.cases import get_case
    from pipeline.requests.views import detail

    now = _today(today)
    with _acting(db, None) as (session, _user):
        data = detail(session, get_case(session, case_id), now)
    if as_json:
        _print(data)
    else:
        for key in ("number", "state_name", "received", "due", "basis", "outcome"):
            typer.echo(f"{key}\t{data.get(key)}")


@requests_app.command("supplement")
def supplement(
    case_id: Annotated[str, typer.Argument(help="The case's id or number.")],
    asked: Annotated[
        str | None, typer.Option("--asked", help="Day the 补正 notice was sent.")
    ] = None,
    received: Annotated[
        str | None,
        typer.Option(
            "--received", help="Day the supplemented application arrived (restarts the clock)."
        ),
    ] = None,
    items: Annotated[str, typer.Option("--items", help="What is to be supplemented.")] = "",
    as_user: AsOption = None,
    today: TodayOption = None,
    db: DbOption = None,
) -> None:
    """补正 (第三十条): record the notice (once) and/or the supplement's arrival."""
    from pipeline.requests.cases import get_case
    from pipeline.requests.steps import ask_supplement, receive_supplement
    from pipeline.requests.views import summary

    asked_on, received_on = _date(asked, "--asked"), _date(received, "--received")
    if asked_on is None and received_on is None:
        raise _fail("请给出 --asked 或 --received", 2)
    now = _today(today)
    with _acting(db, as_user) as (session, user):
        case = get_case(session, case_id)
        if asked_on is not None and case.supplement_asked_on != asked_on.isoformat():
            ask_supplement(session, user, case.id, asked_on, items, now)
        if received_on is not None:
            receive_supplement(session, user, case.id, received_on, now)
        row = summary(case, now)
    typer.echo(
        f"{row['number']}\t{row['state_name']}\t补正期限 {row['supplement_due']}\t答复期限 {row['due'] or '-'}"
    )


@requests_app.command("consult")
def consult(
    case_id: Annotated[str, typer.Argument(help="The case's id or number.")],
    party: Annotated[str, typer.Option("--party", help="The third party or agency consulted.")],
    sent: Annotated[str, typer.Option("--sent", help="Day the 征求意见书 was sent.")],
    answered: Annotated[
        str | None, typer.Option("--answered", help="Day the answer arrived.")
    ] = None,
    kind: Annotated[
        str, typer.Option("--kind", help="第三方 (第三十二条) | 其他机关 (第三十四条)")
    ] = "第三方",
    opinion: Annotated[str, typer.Option("--opinion", help="The answer, in short.")] = "",
    as_user: AsOption = None,
    today: TodayOption = None,
    db: DbOption = None,
) -> None:
    """征求意见: send one (15 working days to answer, not counted), or record its answer."""
    from pipeline.requests.steps import consult as consult_step
    from pipeline.requests.views import summary

    sent_on = _date(sent, "--sent")
    assert sent_on is not None
    now = _today(today)
    with _acting(db, as_user) as (session, user):
        row = consult_step(
            session,
            user,
            case_id,
            party,
            sent_on,
            kind,
            _date(answered, "--answered"),
            opinion,
            now,
        )
        out = summary(row.case, now)
    typer.echo(
        f"{out['number']}\t征求意见：{party}\t答复期限 {out['due']}{'（征求意见中，计时暂停）' if out['paused'] else ''}"
    )


@requests_app.command("extend")
def extend(
    case_id: Annotated[str, typer.Argument(help="The case's id or number.")],
    approved_by: Annotated[
        str, typer.Option("--approved-by", help="The head (工作机构负责人) approving.")
    ],
    days: Annotated[int, typer.Option("--days", help="Working days (at most 20).")] = 20,
    reason: Annotated[
        str, typer.Option("--reason", help="Why (written into the 延期答复告知书).")
    ] = "需要检索的信息数量较多",
    letter: Annotated[
        Path | None, typer.Option("--letter", help="Write the 延期答复告知书 here.")
    ] = None,
    today: TodayOption = None,
    db: DbOption = None,
) -> None:
    """The one extension (第三十三条), approved by the head; a second one is refused."""
    from pipeline.requests.issued import letter_bytes
    from pipeline.requests.steps import approve_extension
    from pipeline.requests.views import summary

    now = _today(today)
    with _acting(db, approved_by) as (session, head):
        case = approve_extension(session, head, case_id, days, reason, now)
        out = summary(case, now)
        if letter is not None:
            letter.parent.mkdir(parents=True, exist_ok=True)
            letter.write_bytes(letter_bytes(session, case.letters[-1]))
    typer.echo(f"{out['number']}\t延期 {days} 个工作日\t答复期限 {out['due']}")


@requests_app.command("delay")
def delay(
    case_id: Annotated[str, typer.Argument(help="The case's id or number.")],
    until: Annotated[str, typer.Option("--until", help="The reasoned later date.")],
    reason: Annotated[str, typer.Option("--reason", help="Why (第三十五条).")],
    as_user: Annotated[str, typer.Option("--as", help="The head deciding.")],
    today: TodayOption = None,
    db: DbOption = None,
) -> None:
    """第三十五条: a reasoned 延迟 of a request of unreasonable volume, with its own date."""
    from pipeline.requests.steps import delay as delay_step

    until_on = _date(until, "--until")
    assert until_on is not None
    with _acting(db, as_user) as (session, head):
        case = delay_step(session, head, case_id, until_on, reason, _today(today))
    typer.echo(f"{case.number}\t延迟答复至 {case.delay_until}")


@requests_app.command("link")
def link(
    case_id: Annotated[str, typer.Argument(help="The case's id or number.")],
    doc: Annotated[
        int | None, typer.Option("--doc", help="A document id of the review store.")
    ] = None,
    index: Annotated[str | None, typer.Option("--index", help="A catalog entry's 索引号.")] = None,
    as_user: AsOption = None,
    db: DbOption = None,
) -> None:
    """Link the document that holds the information (a draft goes through review first)."""
    from pipeline.requests.links import describe
    from pipeline.requests.links import link as link_step
    from pipeline.store.models import DocumentRow

    with _acting(db, as_user) as (session, user):
        row = link_step(session, user, case_id, doc, index)
        document = session.get(DocumentRow, row.document_id)
        assert document is not None
        found = describe(session, document)
    typer.echo(
        f"{found.document_id}\t{found.where}\t{found.index_number or '-'}\t{found.state}\t"
        f"{found.attribute or '-'}\t{found.title}"
    )
