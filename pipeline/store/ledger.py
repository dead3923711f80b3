"""The 删除台账 of a decided document: what its published copy removes (masked), where
(page, paragraph, the character it starts at), why (category and 条例 article) and who
(the reviewer who decided, the approvers who signed) — the record 第三十七条's 区分处理
asks an office to keep, and what the 区分处理说明 printed beside a 部分公开 publication or
an 依申请公开 reply says.

Rows come from what the copies remove (the decision's spans at every occurrence of their
values, as the writers remove them) and the boxes drawn on page images; each value's
reason from the decision's reason rows (``decisions.reasons``), else from its span, else
— a decision made before reasons existed — the default of its label, marked 推定.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pipeline.decide import ARTICLE_ORDER, WITHHELD
from pipeline.reasons import Reason, mask, presumed, stored_reason
from pipeline.redact.occurrences import every_occurrence
from pipeline.store.models import Decision, DocumentRow
from pipeline.store.workflow import approvals_done

# (start, end) → the 1-based pages a span lies on (paged formats); None: no pages known
PagesOf = Callable[[int, int], Sequence[int]]


@dataclass(frozen=True)
class LedgerRow:
    number: int
    masked: str  # 王＊＊
    what: str  # 文字 | 页面区域
    places: int
    paragraphs: tuple[int, ...]  # 1-based, counting non-empty lines
    pages: tuple[int, ...]
    first_char: int  # 1-based position of the first occurrence in the text (0: an area)
    reason: Reason
    by_hand: bool
    proposed: str = ""  # the proposal's reason, when the reviewer changed it
    presumed: bool = False  # a decision from before reasons: the label's default

    @property
    def where(self) -> str:
        parts = []
        if self.pages:
            parts.append(f"第 {'、'.join(map(str, self.pages))} 页")
        if self.paragraphs:
            parts.append(f"第 {'、'.join(map(str, self.paragraphs))} 段")
        if self.first_char:
            parts.append(f"首处第 {self.first_char} 字起")
        return "，".join(parts)


@dataclass(frozen=True)
class Signature:
    name: str
    role: str  # 审核人 | 审批人（第 N 级）
    at: datetime


@dataclass(frozen=True)
class Ledger:
    document_id: int
    title: str
    doc_number: str
    issuer: str
    date: str
    attribute: str
    state: str
    rows: list[LedgerRow] = field(default_factory=list)
    signatures: list[Signature] = field(default_factory=list)
    approved: bool = False  # every approval level signed

    @property
    def articles(self) -> list[str]:
        """The articles cited, each once, in the 条例's order."""
        rank = {a: i for i, a in enumerate(ARTICLE_ORDER)}
        cited = {(row.reason.basis, row.reason.cited) for row in self.rows}
        return [c for _a, c in sorted(cited, key=lambda p: (rank.get(p[0], len(rank)), p[1]))]


def paragraph_numbers(text: str) -> tuple[list[int], list[int]]:
    """Line starts and, per line, its paragraph number (non-empty lines counted)."""
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    number, numbers = 0, []
    for at, start in enumerate(starts):
        end = starts[at + 1] - 1 if at + 1 < len(starts) else len(text)
        number += bool(text[start:end].strip())
        numbers.append(number)
    return starts, numbers


def reason_for(
    value: str, span: dict[str, Any], rows: dict[str, dict[str, Any]]
) -> tuple[Reason, str, bool, bool]:
    """(reason, the proposal's reason if changed, by hand, presumed) of a removed value."""
    row = rows.get(value) or next((r for v, r in rows.items() if v in value), None)
    if row is not None:
        stored = stored_reason(row)
        if stored is not None:
            proposed = row.get("proposed")
            changed = str(proposed.get("text", "")) if isinstance(proposed, dict) else ""
            return stored, changed, bool(row.get("by_hand")), False
    stored = stored_reason(span)
    if stored is not None:
        return stored, "", False, False
    return presumed(str(span.get("label", ""))), "", False, True


def ledger_rows(
    document: DocumentRow, decision: Decision, pages_of: PagesOf | None = None
) -> list[LedgerRow]:
    """What the decided copy removes, value by value in order of first appearance, then
    the boxes drawn on page images."""
    if decision.attribute == WITHHELD:
        return []
    text = document.text or ""
    starts, numbers = paragraph_numbers(text)
    stored_rows = {str(r["value"]): r for r in decision.reasons or [] if r.get("value")}
    by_value: dict[str, list[dict[str, Any]]] = {}
    for span in every_occurrence(text, decision.redactions or []):
        value = text[int(span["start"]) : int(span["end"])]
        if value.strip():
            by_value.setdefault(value, []).append(span)
    out: list[LedgerRow] = []
    for value, spans in by_value.items():
        reason, changed, by_hand, guessed = reason_for(value, spans[0], stored_rows)
        pages: set[int] = set()
        for span in spans if pages_of is not None else []:
            pages.update(pages_of(int(span["start"]), int(span["end"])))  # type: ignore[misc]
        out.append(
            LedgerRow(
                number=len(out) + 1,
                masked=mask(value),
                what="文字",
                places=len(spans),
                paragraphs=tuple(
                    sorted({numbers[bisect_right(starts, int(s["start"])) - 1] for s in spans})
                ),
                pages=tuple(sorted(pages)),
                first_char=int(spans[0]["start"]) + 1,
                reason=reason,
                by_hand=by_hand,
                proposed=changed,
                presumed=guessed,
            )
        )
    for area in decision.areas or []:
        stored = stored_reason(area)
        reason = stored or presumed(str(area.get("label", "")))
        out.append(
            LedgerRow(
                number=len(out) + 1,
                masked="（页面区域）",
                what="页面区域",
                places=1,
                paragraphs=(),
                pages=(int(area["page"]),),
                first_char=0,
                reason=reason,
                by_hand=True,
                presumed=stored is None,
            )
        )
    return out


def ledger(document: DocumentRow, pages_of: PagesOf | None = None) -> Ledger | None:
    """The document's 删除台账, or None before a decision."""
    decision = document.decision
    if decision is None:
        return None
    meta = document.doc_metadata or {}
    signatures = [Signature(decision.user.name, "审核人", decision.created_at)]
    done = approvals_done(document, decision)
    signatures += [Signature(a.user.name, f"审批人（第 {a.level} 级）", a.created_at) for a in done]
    return Ledger(
        document_id=document.id,
        title=str(meta.get("title") or document.source.replace("\\", "/").split("/")[-1]),
        doc_number=str(meta.get("doc_number") or ""),
        issuer=str(meta.get("issuer") or ""),
        date=str(meta.get("date") or ""),
        attribute=decision.attribute,
        state=document.state,
        rows=ledger_rows(document, decision, pages_of),
        signatures=signatures,
        approved=document.state in ("approved", "published"),
    )
