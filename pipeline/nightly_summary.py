"""A night's run in numbers, read back from the database (the ledger, not the tasks'
return values): what the CLI prints and the flow's markdown artifact shows, with the
依申请公开 cases that are overdue or due soon."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pipeline.nightly import InboxFile, Outcome, Plan


@dataclass
class Summary:
    """A run in numbers: what the CLI prints and the flow's markdown artifact shows."""

    discovered: int = 0
    stored: int = 0
    already_stored: int = 0
    copies: int = 0
    new_versions: int = 0
    not_stored: int = 0
    states: Counter[str] = field(default_factory=Counter)
    attributes: Counter[str] = field(default_factory=Counter)
    error_codes: Counter[str] = field(default_factory=Counter)
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # source, code, message
    missing: list[str] = field(default_factory=list)  # sources not stored (storage failed)
    ocr_pages: int = 0  # scanned pages read by OCR, and the seconds it took (in the workers)
    ocr_seconds: float = 0.0
    # 依申请公开 cases overdue or due soon (Markdown lines, no personal data), read back
    # from the database like the rest
    requests: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.not_stored == 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "discovered": self.discovered,
            "stored": self.stored,
            "already_stored": self.already_stored,
            "copies": self.copies,
            "new_versions": self.new_versions,
            "not_stored": self.not_stored,
            "states": dict(self.states),
            "attributes": dict(self.attributes),
            "error_codes": dict(self.error_codes),
            "errors": [list(e) for e in self.errors],
            "missing": self.missing,
            "ocr_pages": self.ocr_pages,
            "ocr_seconds": round(self.ocr_seconds, 1),
            "requests": self.requests,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Summary:
        """The inverse of :meth:`to_dict` (a flow's result travels as JSON)."""
        return cls(
            discovered=data["discovered"],
            stored=data["stored"],
            already_stored=data["already_stored"],
            copies=data["copies"],
            new_versions=data["new_versions"],
            not_stored=data["not_stored"],
            states=Counter(data["states"]),
            attributes=Counter(data["attributes"]),
            error_codes=Counter(data["error_codes"]),
            errors=[(a, b, c) for a, b, c in data["errors"]],
            missing=list(data["missing"]),
            ocr_pages=int(data.get("ocr_pages", 0)),
            ocr_seconds=float(data.get("ocr_seconds", 0.0)),
            requests=list(data.get("requests", [])),
        )

    def markdown(self, title: str = "公开审 夜间批处理") -> str:
        """The summary a clerk reads (terminal, Prefect artifact): Chinese, error codes
        kept beside their names for whoever looks them up; the detail stays in ``--json``."""
        from pipeline.report import ERROR_ADVICE, ERROR_NAMES
        from pipeline.store.workflow import STATE_NAMES

        lines = [
            f"# {title}",
            "",
            "| | 文件数 |",
            "|---|---:|",
            f"| 收件目录中发现 | {self.discovered} |",
            f"| 本次入库 | {self.stored} |",
            f"| 其中：已知文件的新版本 | {self.new_versions} |",
            f"| 已在数据库中（跳过） | {self.already_stored} |",
            f"| 与本次其他文件内容相同 | {self.copies} |",
            f"| **未入库（保存失败，下次运行时补做）** | {self.not_stored} |",
        ]
        if self.ocr_pages:
            lines.append(
                f"| 扫描页文字识别（页数 · 用时） | {self.ocr_pages} · {self.ocr_seconds:.0f} 秒 |"
            )

        def error_name(code: str) -> str:
            return f"{ERROR_NAMES.get(code, code)}（`{code}`）"

        errors = {code: error_name(code) for code in self.error_codes}
        for heading, counts, names in (
            ("状态", self.states, STATE_NAMES),
            ("建议公开属性", self.attributes, {}),
            ("读取失败原因", self.error_codes, errors),
        ):
            if counts:
                lines += ["", f"| {heading} | 文件数 |", "|---|---:|"]
                lines += [f"| {names.get(k, k)} | {n} |" for k, n in sorted(counts.items())]
        if self.errors:
            lines += ["", "## 读取失败的文件", ""]
            lines += [
                f"- {_md(source)}：{error_name(code)}。{ERROR_ADVICE.get(code, '')}"
                for source, code, _message in self.errors
            ]
        if self.missing:
            lines += ["", "## 未入库的文件（下次运行时补做）", ""]
            lines += [f"- {_md(source)}" for source in self.missing]
        if self.requests:
            lines += ["", "## 依申请公开", ""]
            lines += self.requests
        return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    """Plain text inside a markdown list item: no markup, one line."""
    return text.replace("\n", " ").replace("|", "\\|").replace("`", "'").replace("<", "&lt;")


def summarise(run: Plan, stored: Iterable[Outcome], missing: Iterable[InboxFile] = ()) -> Summary:
    """The run in numbers: the plan's skipped files beside what was stored of the rest."""
    summary = Summary(
        discovered=run.discovered, copies=len(run.duplicates), already_stored=len(run.seen)
    )
    for outcome in stored:
        summary.stored += 1
        summary.new_versions += outcome.previous_id is not None
        summary.states[outcome.state] += 1
        if outcome.attribute:
            summary.attributes[outcome.attribute] += 1
        summary.ocr_pages += outcome.ocr_pages
        summary.ocr_seconds += outcome.ocr_seconds
        if outcome.error_code:
            summary.error_codes[outcome.error_code] += 1
            summary.errors.append((outcome.source, outcome.error_code, outcome.error_message or ""))
    for item in missing:
        summary.not_stored += 1
        summary.missing.append(item.source)
    return summary


def request_lines(url: str, today: date | None = None) -> list[str]:
    """The 依申请公开 part of the summary: counts, then each overdue or due-soon case by
    number and due date (no applicant data)."""
    from pipeline.requests.views import nightly_lines
    from pipeline.store.db import open_db

    with open_db(url)() as session:
        return nightly_lines(session, today or date.today())
