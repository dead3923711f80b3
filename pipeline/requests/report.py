"""Table 三 of the 政府信息公开工作年度报告 (收到和处理政府信息公开申请情况), in the
format of 国办公开办函〔2021〕30号, counted from the cases.

Columns: 自然人; 法人或其他组织 by kind (商业企业, 科研机构, 社会公益组织, 法律服务机构,
其他); 总计. A case is 新收 in the year its application was received; 上年结转 when it was
received before the year and not concluded before it; it is counted once in 办理结果 in
the year it was concluded (answered, or closed without an answer: 其他处理), in the row
of its outcome (部分公开 only there, 区分处理); 结转下年度继续办理 when it was received by
the year's end and not concluded in it. So 新收 + 上年结转 = 总计 + 结转下年度.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.requests.outcomes import APPLICANT_KINDS, CLOSURES, OUTCOMES, WITHHOLDINGS, report_row
from pipeline.store.request_rows import RequestCase

NEW = "一、本年新收政府信息公开申请数量"
CARRIED_IN = "二、上年结转政府信息公开申请数量"
RESULTS = "三、本年度办理结果"
TOTAL = "（七）总计"
CARRIED_OUT = "四、结转下年度继续办理"
COLUMNS = (*APPLICANT_KINDS, "总计")


def _result_rows() -> list[tuple[str, str]]:
    """(group, sub-row) of 办理结果, in the order of the official table."""
    rows: list[tuple[str, str]] = [("（一）予以公开", ""), ("（二）部分公开", "")]
    rows += [("（三）不予公开", w.row) for w in WITHHOLDINGS]
    for group in ("（四）无法提供", "（五）不予处理"):
        seen = [o.row for o in OUTCOMES if o.group == group]
        rows += [(group, r) for r in dict.fromkeys(seen)]
    rows += [group_row for group_row in CLOSURES.values()]
    return rows


RESULT_ROWS = _result_rows()
GROUP_NAMES = {
    "（二）部分公开": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
}


def concluded_on(case: RequestCase) -> str | None:
    return case.replied_on or (case.closed_on if case.closure else None)


@dataclass(frozen=True)
class TableThree:
    year: int
    counts: dict[tuple[str, str], Counter[str]]  # (group, sub-row) → applicant kind → count

    def value(self, group: str, row: str = "", kind: str = "总计") -> int:
        counter = self.counts.get((group, row), Counter())
        return sum(counter.values()) if kind == "总计" else counter.get(kind, 0)

    def rows(self) -> list[tuple[str, list[int | None]]]:
        """Label and the seven numbers per row, as printed (header rows without numbers)."""
        out: list[tuple[str, list[int | None]]] = []

        def line(label: str, key: tuple[str, str]) -> None:
            out.append((label, [self.value(*key, kind=k) for k in COLUMNS]))

        line(NEW, (NEW, ""))
        line(CARRIED_IN, (CARRIED_IN, ""))
        out.append((RESULTS, [None] * len(COLUMNS)))
        last_group = None
        for group, row in RESULT_ROWS:
            if not row:
                line(GROUP_NAMES.get(group, group), (group, ""))
                continue
            if group != last_group:
                out.append((group, [None] * len(COLUMNS)))
            last_group = group
            line(f"　　{row}", (group, row))
        line(TOTAL, (TOTAL, ""))
        line(CARRIED_OUT, (CARRIED_OUT, ""))
        return out

    def markdown(self) -> str:
        head = (
            "| 本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和 | "
            + " | ".join(("自然人", *(f"法人或其他组织：{k}" for k in APPLICANT_KINDS[1:]), "总计"))
            + " |"
        )
        lines = [
            f"### 三、收到和处理政府信息公开申请情况（{self.year} 年）",
            "",
            head,
            "|" + "---|" * (len(COLUMNS) + 1),
        ]
        for label, values in self.rows():
            cells = ["" if v is None else str(v) for v in values]
            lines.append(f"| {label.replace('　', '&emsp;')} | " + " | ".join(cells) + " |")
        return "\n".join(lines) + "\n"


def table_three(session: Session, year: int) -> TableThree:
    counts: dict[tuple[str, str], Counter[str]] = {}

    def add(key: tuple[str, str], kind: str) -> None:
        counts.setdefault(key, Counter())[kind] += 1

    first, last = f"{year}-01-01", f"{year}-12-31"
    for case in session.scalars(select(RequestCase).order_by(RequestCase.id)):
        received, done = case.received_on, concluded_on(case)
        if received > last:
            continue
        if received >= first:
            add((NEW, ""), case.applicant_kind)
        elif done is None or done >= first:
            add((CARRIED_IN, ""), case.applicant_kind)
        else:
            continue  # concluded in an earlier year
        if done is not None and done <= last:
            group, row = report_row(
                case.outcome, (case.outcome_detail or {}).get("reason"), case.closure
            )
            add((group, row), case.applicant_kind)
            add((TOTAL, ""), case.applicant_kind)
        else:
            add((CARRIED_OUT, ""), case.applicant_kind)
    return TableThree(year, counts)


def write_xlsx(table: TableThree, path: Path) -> Path:
    """The table as the report prints it: a two-row header (申请人情况 → 自然人,
    法人或其他组织 → its five kinds, 总计), the row labels, the numbers."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "三、收到和处理申请情况"
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.append([f"三、收到和处理政府信息公开申请情况（{table.year}年）"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS) + 1)
    sheet.cell(1, 1).font = Font(bold=True, size=14)
    sheet.append(["本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和", "申请人情况"])
    sheet.append(["", "自然人", "法人或其他组织", "", "", "", "", "总计"])
    sheet.append(["", "", *APPLICANT_KINDS[1:], ""])
    sheet.merge_cells(start_row=2, start_column=1, end_row=4, end_column=1)
    sheet.merge_cells(start_row=2, start_column=2, end_row=2, end_column=len(COLUMNS) + 1)
    sheet.merge_cells(start_row=3, start_column=2, end_row=4, end_column=2)
    sheet.merge_cells(start_row=3, start_column=3, end_row=3, end_column=7)
    sheet.merge_cells(start_row=3, start_column=8, end_row=4, end_column=8)
    for label, values in table.rows():
        sheet.append([label.strip("　"), *values])
    for row in sheet.iter_rows(min_row=2, max_row=sheet.max_row, max_col=len(COLUMNS) + 1):
        for cell in row:
            cell.border = box
            cell.alignment = (
                centre if cell.column > 1 or cell.row <= 4 else Alignment(wrap_text=True)
            )
    sheet.column_dimensions["A"].width = 46
    for letter in "BCDEFGH":
        sheet.column_dimensions[letter].width = 12
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path
