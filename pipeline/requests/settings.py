"""How an office runs its applications, from ``TRIAGE_*`` variables: office hours (an
application that arrives after closing time or on a day off counts from the next working
day), the supplement period it grants, who reviews its answers in court and in
行政复议, how cases are numbered, which roles handle cases and which approve extensions,
and where its letter templates are."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import time
from pathlib import Path

from pipeline.catalog.settings import CatalogSettings

DEFAULT_NUMBER = "依申请〔{年份}〕{流水号}号"


def _time(text: str) -> time | None:
    if not text.strip():
        return None
    try:
        return time.fromisoformat(text.strip())
    except ValueError as exc:
        raise ValueError(f"TRIAGE_OFFICE_CLOSES={text!r} is not a time like 17:30") from exc


def _roles(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


@dataclass(frozen=True)
class RequestSettings:
    agency_name: str = CatalogSettings.agency_name
    closes: time | None = time(17, 30)  # None: the time of day does not matter
    next_working_day: bool = True  # after hours / on a day off → received next working day
    supplement_days: int = 15  # 合理的补正期限, in working days
    review_body: str = "依法有管辖权的行政复议机关"
    court: str = "有管辖权的人民法院"
    office_contact: str = ""  # address and telephone of the 政府信息公开工作机构, for letters
    number_format: str = DEFAULT_NUMBER
    handler_roles: tuple[str, ...] = ("reviewer", "approver", "admin")
    head_roles: tuple[str, ...] = ("approver", "admin")  # 政府信息公开工作机构负责人
    letter_dir: Path | None = None  # an office's own letter templates (same file names)

    def __post_init__(self) -> None:
        try:
            self.number_format.format(年份=2026, 流水号=1)
        except (KeyError, IndexError, ValueError) as exc:
            raise ValueError(
                f"TRIAGE_REQUEST_NUMBER {self.number_format!r} may use only {{年份}} and {{流水号}}"
            ) from exc
        if not 1 <= self.supplement_days <= 60:
            raise ValueError(f"TRIAGE_SUPPLEMENT_DAYS must be 1–60, not {self.supplement_days}")

    @classmethod
    def from_env(cls) -> RequestSettings:
        env = os.environ
        letters = env.get("TRIAGE_LETTER_TEMPLATES", "").strip()
        return cls(
            agency_name=env.get("TRIAGE_AGENCY_NAME", cls.agency_name),
            closes=_time(env.get("TRIAGE_OFFICE_CLOSES", "17:30")),
            next_working_day=env.get("TRIAGE_RECEIPT_NEXT_WORKING_DAY", "1") != "0",
            supplement_days=int(env.get("TRIAGE_SUPPLEMENT_DAYS", "15")),
            review_body=env.get("TRIAGE_REVIEW_BODY", cls.review_body),
            court=env.get("TRIAGE_COURT", cls.court),
            office_contact=env.get("TRIAGE_OFFICE_CONTACT", ""),
            number_format=env.get("TRIAGE_REQUEST_NUMBER", DEFAULT_NUMBER),
            handler_roles=_roles(env.get("TRIAGE_REQUEST_HANDLERS", "reviewer,approver,admin")),
            head_roles=_roles(env.get("TRIAGE_REQUEST_HEADS", "approver,admin")),
            letter_dir=Path(letters) if letters else None,
        )

    def case_number(self, year: int, number: int) -> str:
        return self.number_format.format(年份=year, 流水号=number)
