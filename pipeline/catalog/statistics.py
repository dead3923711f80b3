"""Annual report statistics (政府信息公开工作年度报告) from the review database.

Tables for a calendar year: documents decided by attribute; catalog activity (增加,
变更, 取消) and entries by 主题分类; withholding by legal basis (register and redactions);
and the share of 主动公开 items published within their 20-working-day deadline. Written
as an XLSX workbook (one sheet per table) and as PNG bar charts; the web app shows the
same tables.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.catalog.record import first_published
from pipeline.deadlines import published_on_time
from pipeline.decide import ATTRIBUTES
from pipeline.store.models import CatalogEntry, Decision, DocumentRow, WithheldItem


@dataclass(frozen=True)
class AnnualStatistics:
    year: int
    attributes: pd.DataFrame  # 公开属性, 件数
    activity: pd.DataFrame  # 类型 (增加/变更/取消), 条数
    topics: pd.DataFrame  # 主题分类, 条数
    bases: pd.DataFrame  # 依据, 件数 (不予公开) , 处数 (部分公开 redactions)
    timeliness: pd.DataFrame  # 按时发布, 超期发布, 时限未知, 按时率

    def tables(self) -> dict[str, pd.DataFrame]:
        return {
            "公开属性": self.attributes,
            "目录变动": self.activity,
            "主题分类": self.topics,
            "不予公开依据": self.bases,
            "发布时效": self.timeliness,
        }


def _in_year(moment: datetime | str | None, year: int) -> bool:
    if moment is None:
        return False
    text = moment.isoformat() if isinstance(moment, datetime) else str(moment)
    return text[:4] == str(year)


def annual_statistics(session: Session, year: int) -> AnnualStatistics:
    decisions = [
        d
        for d in session.scalars(select(Decision).order_by(Decision.id))
        if _in_year(d.created_at, year)
    ]
    latest = {d.document_id: d for d in decisions}  # a document counts once, as last decided
    by_attribute = Counter(d.attribute for d in latest.values())
    attributes = pd.DataFrame(
        {"公开属性": list(ATTRIBUTES), "件数": [by_attribute.get(a, 0) for a in ATTRIBUTES]}
    )
    entries = list(session.scalars(select(CatalogEntry)))
    activity: Counter[str] = Counter()
    topics: Counter[str] = Counter()
    for entry in entries:
        for change in entry.record.get("history", []):
            if _in_year(change.get("at"), year):
                activity[change["kind"]] += 1
        if _in_year(entry.record.get("published_at"), year):
            topics[entry.record.get("topic") or "未分类"] += 1
    activity_table = pd.DataFrame(
        {
            "类型": ["增加", "变更", "取消"],
            "条数": [activity.get(k, 0) for k in ("增加", "变更", "取消")],
        }
    )
    topic_table = pd.DataFrame(
        sorted(topics.items(), key=lambda kv: (-kv[1], kv[0])), columns=["主题分类", "条数"]
    )
    withheld: Counter[str] = Counter()
    for item in session.scalars(select(WithheldItem)):
        if _in_year(item.registered_at, year):
            for article in item.legal_basis or ["未注明"]:
                withheld[article] += 1
    redacted: Counter[str] = Counter()
    for decision in latest.values():
        for span in decision.redactions:
            redacted[str(span.get("legal_basis") or "第十五条")] += 1
    articles = sorted(set(withheld) | set(redacted))
    bases = pd.DataFrame(
        {
            "依据": articles,
            "不予公开（件）": [withheld.get(a, 0) for a in articles],
            "部分公开删除（处）": [redacted.get(a, 0) for a in articles],
        }
    )
    on_time = late = unknown = 0
    for entry in entries:
        first = first_published(entry.record)
        if not _in_year(first, year) or entry.record.get("disclosure") != "主动公开":
            continue
        document = session.get(DocumentRow, entry.document_id)
        timely = published_on_time(first, document.deadline if document is not None else None)
        if timely is None:
            unknown += 1
        elif timely:
            on_time += 1
        else:
            late += 1
    timed = on_time + late
    timeliness = pd.DataFrame(
        {
            "按时发布": [on_time],
            "超期发布": [late],
            "时限未知": [unknown],
            "按时率": [round(on_time / timed, 4) if timed else None],
        }
    )
    return AnnualStatistics(year, attributes, activity_table, topic_table, bases, timeliness)


def write_workbook(stats: AnnualStatistics, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, table in stats.tables().items():
            table.to_excel(writer, sheet_name=name, index=False)
    return path


def write_charts(stats: AnnualStatistics, folder: Path) -> list[Path]:
    """Bar charts of the attribute, topic and withholding tables, in a CJK font."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib import pyplot as plt
    from matplotlib.ticker import MaxNLocator

    from pipeline.fonts import find_cjk_font

    font = find_cjk_font()
    prop = font_manager.FontProperties(fname=str(font)) if font else None
    folder.mkdir(parents=True, exist_ok=True)
    charts = [
        (
            "attributes.png",
            f"{stats.year} 年审核决定（按公开属性）",
            stats.attributes,
            "公开属性",
            "件数",
        ),
        ("topics.png", f"{stats.year} 年目录新增（按主题分类）", stats.topics, "主题分类", "条数"),
        ("bases.png", f"{stats.year} 年不予公开（按依据）", stats.bases, "依据", "不予公开（件）"),
    ]
    written = []
    for name, title, table, x, y in charts:
        with plt.rc_context({"axes.unicode_minus": False}):  # CJK fonts lack U+2212
            fig, ax = plt.subplots(figsize=(7, 3.6), dpi=120)
            ax.bar(table[x].astype(str), table[y], color="#8e1b14")
            ax.set_title(title, fontproperties=prop)
            for label in ax.get_xticklabels():
                label.set_fontproperties(prop)
                label.set_rotation(20 if len(table) > 4 else 0)
            ax.set_ylabel(y, fontproperties=prop)
            ax.yaxis.set_major_locator(MaxNLocator(integer=True))
            fig.tight_layout()
            fig.savefig(folder / name)
            plt.close(fig)
        written.append(folder / name)
    return written


def this_year() -> int:
    return date.today().year
