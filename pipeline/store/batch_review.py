"""同类批量审核: decide one document of a group, apply its pattern to the others.

Fifty 救助公示 from one 镇 with the same table are fifty times the same decision: names in
the 姓名 column kept (the rules publish them), IDs, phones and addresses removed. A
*group* is the documents still to decide that share a type (公示), an issuer and a layout
(the header row of their first table); documents without a type, an issuer or a table are
in no group, since nothing says they are alike. A *finding kind* is a label, a role and
where the finding sits: the table column (by its header) or the cue before it on its line
("经办人：", "电话："), else 正文 — "a name in the 姓名 column" is one kind, "a name after
经办人" another.

The *pattern* of a decided document is its attribute and one verdict per finding kind. It
fits another document of the group only cleanly: every finding of that document is of a
kind the model had, with one verdict (a kind the model decided both ways, or by marking
its own span, does not transfer), none is below :data:`SURE`, the machine suggested the
same attribute for both, and the document has no 密级 marking. Whatever does not fit is an
exception with its reasons in Chinese, left for a one-by-one look. Applying is an ordinary
:func:`pipeline.store.workflow.decide` per document — role, state and version checked,
audited — with the comment :data:`COMMENT` naming the model, so the approver sees where
the decision came from.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from pipeline.labels import LABEL_NAMES
from pipeline.redact.occurrences import group_verdicts, value_groups
from pipeline.store import rights, workflow
from pipeline.store.models import Decision, DocumentRow, FindingRow, SuggestionRow, User
from pipeline.store.rights import Reader
from pipeline.store.workflow import WorkflowError

# Below this score the machine is more unsure than sure of a finding: a person looks at it.
SURE = 0.5
COMMENT = "按同类文档 {model} 的审核意见批量处理"
ROLES = ("reviewer", "admin")  # who decides, so who may apply a pattern (workflow.decide)
BODY = "正文"
LAYOUT_CHARS = 20_000
ROLE_WORDS = {"private": "个人", "official": "公务"}
# The cue before a value on its line: "经办人：", "联系电话:" (the last one before it).
CUE = re.compile(r"([\u4e00-\u9fff]{1,10})\s*[：:][^：:]*$")


@dataclass(frozen=True, order=True)
class GroupKey:
    """What makes documents alike: type, issuer, and their first table's header cells."""

    doc_type: str
    issuer: str
    layout: tuple[str, ...]

    @property
    def title(self) -> str:
        return f"{self.doc_type} · {self.issuer} · 表头：{'｜'.join(self.layout)}"


@dataclass(frozen=True, order=True)
class FindingKind:
    label: str
    role: str
    cue: str

    @property
    def title(self) -> str:
        where = self.cue if self.cue == BODY else f"“{self.cue}”处"
        name = LABEL_NAMES.get(self.label, self.label).removeprefix("个人")
        if self.label == "PERSON" and self.role == "official":
            return f"{where}的公职人员姓名"
        return f"{where}的{ROLE_WORDS.get(self.role, '')}{name}"


@dataclass(frozen=True)
class Pattern:
    """A decided document's attribute and verdict per finding kind."""

    model_id: int
    key: GroupKey
    attribute: str
    suggested: str | None  # what the machine proposed for the model
    verdicts: dict[FindingKind, str]
    unsure: frozenset[FindingKind]  # decided both ways, or by a marked span: no transfer
    removed: frozenset[FindingKind] = frozenset()  # kinds the model's 公开稿 removes

    def outcome(self, kind: FindingKind) -> str:
        """What the pattern does to a kind, as the batch page says it."""
        verdict = "不同意" if self.verdicts.get(kind) == "reject" else "同意"
        return f"{verdict}：公开稿{'删除' if kind in self.removed else '保留'}"

    @property
    def comment(self) -> str:
        return COMMENT.format(model=self.model_id)


@dataclass
class Fit:
    """How the pattern fits one document: its verdicts, or the reasons it does not."""

    document_id: int
    version: int
    title: str
    verdicts: dict[str, str] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.reasons


@dataclass(frozen=True)
class Plan:
    pattern: Pattern
    fits: list[Fit]

    @property
    def clean(self) -> list[Fit]:
        return [f for f in self.fits if f.clean]

    @property
    def exceptions(self) -> list[Fit]:
        return [f for f in self.fits if not f.clean]


@dataclass(frozen=True)
class Group:
    key: GroupKey
    documents: list[DocumentRow]  # still to decide, queue order
    models: list[DocumentRow]  # decided (待审批) ones whose pattern can be applied


def _line(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def _cells(line: str) -> tuple[str, ...]:
    return tuple(cell.strip() for cell in line.split("\t"))


def _header_of(text: str, line_start: int) -> tuple[str, ...]:
    """The first row of the table (a run of tab-separated lines) holding ``line_start``."""
    start = line_start
    while start > 0:
        above = text.rfind("\n", 0, start - 1) + 1
        if "\t" not in text[above : start - 1]:
            break
        start = above
    return _cells(text[start : _line(text, start)[1]])


def layout_of(text: str) -> tuple[str, ...]:
    """The header cells of the document's first table, () without one. Only the first
    :data:`LAYOUT_CHARS` characters count (a table further in is not the layout), so the
    queue can read just that much of each text."""
    lines = text[:LAYOUT_CHARS].split("\n")
    for line in lines[:-1] if len(text) > LAYOUT_CHARS else lines:  # the last may be cut
        if "\t" in line:
            return _cells(line)
    return ()


def cue_of(text: str, start: int) -> str:
    """Where a value sits: its table column's header, else the cue before it on its line."""
    line_start, _ = _line(text, start)
    before = text[line_start:start]
    if "\t" in text[line_start : _line(text, start)[1]]:
        column = before.count("\t")
        header = _header_of(text, line_start)
        return header[column] if column < len(header) and header[column] else f"第{column + 1}列"
    found = CUE.search(before)
    return found.group(1) if found else BODY


def kind_of(text: str, finding: FindingRow) -> FindingKind:
    return FindingKind(finding.label, finding.role or "", cue_of(text, finding.start))


def group_key(document: DocumentRow) -> GroupKey | None:
    """The document's group, or None when its type, issuer or table is unknown."""
    return _key(document.doc_metadata, document.status, document.text or "")


def _key(meta: dict[str, Any] | None, status: str, text: str) -> GroupKey | None:
    doc_type, issuer = (meta or {}).get("doc_type"), (meta or {}).get("issuer")
    layout = layout_of(text)
    if not doc_type or not issuer or not layout or status != "ok":
        return None
    return GroupKey(str(doc_type), str(issuer), layout)


def _keys(
    session: Session, states: Sequence[str], reader: Reader
) -> dict[int, tuple[str, GroupKey]]:
    """Id → (state, group key) of the grouped documents in ``states`` that ``reader`` may
    see (the others are not listed, nor counted): one query reading the head of each
    text, not the whole text nor any finding."""
    head = func.substr(DocumentRow.text, 1, LAYOUT_CHARS + 1)
    rows = session.execute(
        select(
            DocumentRow.id, DocumentRow.state, DocumentRow.doc_metadata, DocumentRow.status, head
        ).where(DocumentRow.state.in_(states), rights.visible(reader))
    )
    out = {}
    for doc_id, state, meta, status, text in rows:
        key = _key(meta, status, text or "")
        if key is not None:
            out[doc_id] = (state, key)
    return out


def pending_sizes(session: Session, reader: Reader) -> dict[int, int]:
    """Document id → how many documents still to decide are in its group (two or more),
    for the queue's 同类 tag (500 pending documents: about 10 ms)."""
    keys = {d: key for d, (_state, key) in _keys(session, workflow.DECIDABLE, reader).items()}
    sizes = Counter(keys.values())
    return {d: sizes[k] for d, k in keys.items() if sizes[k] > 1}


def _title(document: DocumentRow) -> str:
    meta = document.doc_metadata or {}
    return str(meta.get("title") or document.source.replace("\\", "/").split("/")[-1])


def pattern_of(document: DocumentRow) -> Pattern:
    """The pattern of a decided document (WorkflowError when it has none to give)."""
    key = group_key(document)
    decision: Decision | None = document.decision
    if key is None:
        raise WorkflowError(f"文档 {document.id} 没有文种、发文机关或表格，不能作为同类文档的样板")
    if decision is None or document.state != "reviewed":
        raise WorkflowError(f"文档 {document.id} 还没有待审批的审核决定，不能作为样板")
    suggestion = document.suggestion
    seen: dict[FindingKind, set[str]] = {}
    text = document.text or ""
    cut = [(int(r["start"]), int(r["end"])) for r in decision.redactions]
    removed: set[FindingKind] = set()
    for finding in suggestion.findings if suggestion else []:
        kind = kind_of(text, finding)
        seen.setdefault(kind, set()).add(str(decision.verdicts.get(str(finding.id), "accept")))
        if any(s <= finding.start and finding.end <= e for s, e in cut):
            removed.add(kind)
    verdicts = {k: next(iter(v)) for k, v in seen.items() if len(v) == 1 and "modify" not in v}
    return Pattern(
        model_id=document.id,
        key=key,
        attribute=decision.attribute,
        suggested=suggestion.attribute if suggestion else None,
        verdicts=verdicts,
        unsure=frozenset(k for k in seen if k not in verdicts),
        removed=frozenset(removed),
    )


def fit(pattern: Pattern, document: DocumentRow) -> Fit:
    """The pattern's verdicts for ``document``, or why it must be looked at alone."""
    out = Fit(document.id, document.version, _title(document))
    reasons = out.reasons
    model = pattern.model_id
    if document.state not in workflow.DECIDABLE:
        reasons.append("当前状态不能作出审核决定")
    if group_key(document) != pattern.key:
        reasons.append(f"与文档 {model} 不是同类文档（文种、发文机关或表头不同）")
    if document.secret_mark or document.restricted:
        reasons.append("标有密级或含可能属于国家秘密的内容，须逐件审核")
    suggestion = document.suggestion
    if suggestion is None:
        reasons.append("没有机器建议")
        return out
    if suggestion.attribute != pattern.suggested:
        reasons.append(f"机器建议为{suggestion.attribute}，与文档 {model} 的建议不同")
    text = document.text or ""
    for finding in suggestion.findings:
        kind = kind_of(text, finding)
        if kind in pattern.unsure:
            reasons.append(f"文档 {model} 对{kind.title}意见不一或改了删除范围，不能套用")
        elif kind not in pattern.verdicts:
            reasons.append(f"有文档 {model} 没有的发现：{kind.title}")
        elif finding.score < SURE:
            reasons.append(f"{kind.title}把握度低（{finding.score:.0%}）")
        else:
            out.verdicts[str(finding.id)] = pattern.verdicts[kind]
    if not reasons:
        groups = value_groups(text, suggestion.findings, suggestion.redactions)
        _verdicts, disagree = group_verdicts(groups, out.verdicts)
        if disagree:
            reasons.append(f"同一内容在不同位置须作不同意见：{'、'.join(disagree[:3])}")
    out.reasons = list(dict.fromkeys(reasons))  # each reason once, in order
    return out


def _load(session: Session, ids: Sequence[int], findings: bool = False) -> list[DocumentRow]:
    """The documents, in id order; with ``findings`` their suggestions, findings and
    decisions too, in three queries rather than three per document."""
    query = select(DocumentRow).where(DocumentRow.id.in_(ids)).order_by(DocumentRow.id)
    if findings:
        query = query.options(
            selectinload(DocumentRow.suggestions).selectinload(SuggestionRow.findings),
            selectinload(DocumentRow.decisions),
        )
    return list(session.scalars(query))


def groups(session: Session, reader: Reader) -> list[Group]:
    """The groups with at least two documents still to decide, largest first."""
    keys = _keys(session, (*workflow.DECIDABLE, "reviewed"), reader)
    pending = Counter(key for state, key in keys.values() if state != "reviewed")
    wanted = [d for d, (_state, key) in keys.items() if pending[key] > 1]
    found: dict[GroupKey, Group] = {}
    for document in _load(session, wanted):
        key = keys[document.id][1]
        group = found.setdefault(key, Group(key, [], []))
        (group.models if document.state == "reviewed" else group.documents).append(document)
    return sorted(found.values(), key=lambda g: (-len(g.documents), g.key))


def plan(session: Session, model_id: int, reader: Reader) -> Plan:
    """The model's pattern and how it fits each document of its group still to decide
    (``rights.AccessRefused`` if ``reader`` may not see the model)."""
    model = workflow.get_document(session, model_id)
    rights.check(reader, model)
    pattern = pattern_of(model)
    keys = _keys(session, workflow.DECIDABLE, reader)
    members = [d for d, (_state, key) in keys.items() if key == pattern.key and d != model_id]
    return Plan(pattern, [fit(pattern, d) for d in _load(session, members, findings=True)])


def apply(
    session: Session, model_id: int, document_id: int, user: User, expected_version: int | None
) -> Decision:
    """Decide ``document_id`` by the model's pattern, if it still fits cleanly (the model
    or the document may have changed since the page was shown): WorkflowError if not."""
    pattern = pattern_of(workflow.get_document(session, model_id, user))
    document = workflow.get_document(session, document_id, user)
    workflow.check_version(document, expected_version)
    fitted = fit(pattern, document)
    if not fitted.clean:
        raise WorkflowError(f"文档 {document_id} 须逐件审核：{'；'.join(fitted.reasons)}")
    return workflow.decide(
        session,
        document_id,
        user,
        attribute=pattern.attribute,
        verdicts=fitted.verdicts,
        comment=pattern.comment,
        expected_version=expected_version,
    )
