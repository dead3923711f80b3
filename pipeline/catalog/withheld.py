"""The register of withheld information (不予公开 登记备案) and its re-review dates.

A withheld document is registered with the reason, the legal basis and, for state
secrets, the 密级 and 保密期限, from which the re-review date follows:
- ``机密★5年`` (or months): the period counts from the 成文日期;
- a 密级 without a period: 绝密 30 years, 机密 20, 秘密 10 (《保密法》 第十九条 and the
  保密期限 rules: unmarked periods take these lengths);
- ``★长期``: no date (re-examined only when circumstances change, by hand);
- ``★启用前``: secret until the information is put to use; the date must be given by
  the reviewer, otherwise the default interval applies so it is not forgotten;
- not a state secret (personal data, process information…): every ``rereview_months``.
`triage rereview` lists the items that are due and puts them back in the review queue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta
from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.deadlines import parse_iso_date
from pipeline.store import audit
from pipeline.store.models import DocumentRow, WithheldItem

UNMARKED_YEARS = {"绝密": 30, "机密": 20, "秘密": 10}
_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
_PERIOD = re.compile(r"^(?P<n>[0-9]+|[零一二三四五六七八九十两]+)\s*(?P<unit>年|个月|月)$")


@dataclass(frozen=True)
class Rereview:
    on: date | None
    rule: str  # how the date was reached, in words for the register


def chinese_number(text: str) -> int:
    """十 → 10, 二十 → 20, 二十五 → 25, 两 → 2, 5 → 5 (what 保密期限 marks use)."""
    if text.isdigit():
        return int(text)
    text = text.replace("两", "二")
    if "十" in text:
        tens, _, units = text.partition("十")
        return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[units] if units else 0)
    return _DIGITS[text]


def rereview_date(
    secret_level: str | None,
    secret_period: str | None,
    formed: date | None,
    registered: date,
    default_months: int,
    given: date | None = None,
) -> Rereview:
    """When a withheld document is looked at again, and why then."""
    if given is not None:
        return Rereview(given, f"审核人指定于 {given.isoformat()} 复审")
    default = Rereview(
        registered + relativedelta(months=default_months),
        f"自登记之日起每 {default_months} 个月复审",
    )
    if not secret_level:
        return default
    start = formed or registered
    since = f"自成文日期 {start.isoformat()} 起算" if formed else "成文日期不明，自登记之日起算"
    if secret_period == "长期":
        return Rereview(None, f"{secret_level}★长期：不按日期复审，情况变化时由审核人提起")
    if secret_period == "启用前":
        return Rereview(
            default.on,
            f"{secret_level}★启用前：启用后即解密；未指定启用日期，按默认每 "
            f"{default_months} 个月复审",
        )
    if secret_period:
        m = _PERIOD.match(secret_period)
        if m is not None:
            n = chinese_number(m["n"])
            step = relativedelta(years=n) if m["unit"] == "年" else relativedelta(months=n)
            return Rereview(start + step, f"{secret_level}★{secret_period}，{since}")
    years = UNMARKED_YEARS.get(secret_level)
    if years is None:
        return default
    return Rereview(
        start + relativedelta(years=years),
        f"{secret_level}未标明保密期限，按 {years} 年计（《保密法》），{since}",
    )


def register(
    session: Session,
    document: DocumentRow,
    actor: str,
    default_months: int,
    today: date,
    given: date | None = None,
) -> WithheldItem:
    """登记备案 of a document decided 不予公开 (again, after a re-review: the row is
    updated with the new decision and date)."""
    meta = document.doc_metadata or {}
    decision, suggestion = document.decision, document.suggestion
    basis = list(
        (decision.legal_basis if decision and decision.legal_basis else None)
        or (suggestion.legal_basis if suggestion else [])
    )
    reasons = [decision.comment] if decision and decision.comment else []
    reasons += list(suggestion.reasons) if suggestion else []
    formed = parse_iso_date(meta.get("date"))
    when = rereview_date(
        meta.get("secret_level"), meta.get("secret_period"), formed, today, default_months, given
    )
    item = session.scalars(
        select(WithheldItem).where(WithheldItem.document_id == document.id)
    ).first()
    if item is None:
        item = WithheldItem(document_id=document.id)
        session.add(item)
    item.reason = "；".join(reasons) or "不予公开"
    item.legal_basis = basis
    item.secret_level = meta.get("secret_level")
    item.secret_period = meta.get("secret_period")
    item.rereview_on = when.on.isoformat() if when.on else None
    item.rereview_rule = when.rule
    item.status = "registered"
    session.flush()
    audit.record(
        session,
        actor,
        "register_withheld",
        document.id,
        {"basis": basis, "rereview_on": item.rereview_on, "rule": when.rule},
    )
    return item


def due(session: Session, today: date) -> list[WithheldItem]:
    """Registered items whose re-review date has come."""
    return list(
        session.scalars(
            select(WithheldItem)
            .where(WithheldItem.status == "registered")
            .where(WithheldItem.rereview_on.is_not(None))
            .where(WithheldItem.rereview_on <= today.isoformat())
            .order_by(WithheldItem.rereview_on, WithheldItem.id)
        )
    )


def requeue(session: Session, item: WithheldItem, actor: str) -> None:
    """Put a due item back in the review queue (state suggested), to be decided again."""
    document = item.document
    before = document.state
    document.state = "suggested"
    item.status = "requeued"
    audit.record(
        session,
        actor,
        "rereview",
        document.id,
        {"from": before, "to": "suggested", "rereview_on": item.rereview_on},
    )
