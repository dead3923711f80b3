"""A new file version of a decided or published document: what its review starts from.

When a changed file comes in — the nightly finds the same path with other bytes, or a
clerk uploads a 新版本 of a decided document — it is stored as the next version
(``documents.previous_id``, ``file_version``: the page's 第 N 版). Its reviewer should
look only at what changed, so the earlier version's decision is carried over where the
text around it is unchanged (``text_diff.text_map``: a paragraph identical in both
versions, in place or moved):

- a value's 同意/不同意 carries over when every place the new text holds it lies in an
  unchanged paragraph, where the earlier version held it too and proposed it alike; a
  value in an edited or new paragraph, or proposed differently, is left for a new look;
- a span the reviewer added by hand carries over when one of its places is unchanged
  (the copies remove a value everywhere, so one place is enough); one that is gone from
  every unchanged paragraph is listed for the reviewer to check;
- boxes drawn on page images carry over only when the whole text is unchanged (a box
  has no text to follow); otherwise they are listed as not carried;
- the attribute carries over as the form's choice, marked as such.

The form starts from that plan, each carried item marked 沿用上一版; what the reviewer
submits unchanged of it is recorded on the decision (``decisions.carried``) and shown to
the approver. Nothing is decided without a reviewer: carrying over fills the form only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.catalog.publish import published_entry
from pipeline.redact.occurrences import ValueGroup, occurrences
from pipeline.review.editing import FormState, group_verdict, groups_of, hand_added
from pipeline.review.text_diff import TextDiff, text_diff, text_map
from pipeline.store.models import CatalogEntry, Decision, DocumentRow, User
from pipeline.store.rights import Reader, may_see


@dataclass(frozen=True)
class EarlierDecision:
    """The earlier version's decision, as plain data."""

    text: str
    groups: Sequence[ValueGroup]
    verdicts: Mapping[str, str]  # group key → accept | reject (one per value)
    added: Sequence[dict[str, Any]]  # spans added by hand: start, end, label, text
    areas: Sequence[dict[str, Any]]
    attribute: str


@dataclass(frozen=True)
class CarryPlan:
    """What the new version's form starts from."""

    verdicts: dict[str, str]  # new group key → the carried verdict
    fresh: frozenset[str]  # new group keys to decide anew
    added: list[dict[str, Any]]  # carried hand-added spans, at their new places
    dropped: list[dict[str, Any]]  # hand-added values no unchanged paragraph holds now
    areas: list[dict[str, Any]]
    dropped_areas: int
    attribute: str

    def form(self) -> FormState:
        return FormState(
            verdicts=dict(self.verdicts),
            added=[dict(a) for a in self.added],
            attribute=self.attribute,
            comment="",
            areas=list(self.areas),
        )


def carry(earlier: EarlierDecision, new_text: str, new_groups: Sequence[ValueGroup]) -> CarryPlan:
    """The plan for ``new_text`` (whose findings grouped by value are ``new_groups``)."""
    mapping = text_map(earlier.text, new_text)
    before_of = {g.value: g for g in earlier.groups}
    verdicts: dict[str, str] = {}
    fresh: set[str] = set()
    for group in new_groups:
        before = before_of.get(group.value)
        if (
            before is None
            or before.key not in earlier.verdicts
            or before.proposed != group.proposed
        ):
            fresh.add(group.key)
            continue
        places = set(before.occurrences)
        if all(mapping.to_old(s, e) in places for s, e in group.occurrences):
            verdicts[group.key] = earlier.verdicts[before.key]
        else:
            fresh.add(group.key)
    added: list[dict[str, Any]] = []
    dropped: list[dict[str, Any]] = []
    for span in earlier.added:
        value = str(span["text"])
        moved = (mapping.to_new(s, e) for s, e in occurrences(earlier.text, value))
        place = next((m for m in moved if m is not None), None)
        if place is None:
            dropped.append({"label": span["label"], "text": value})
        else:
            start, end = place
            added.append(
                {"start": start, "end": end, "label": span["label"], "text": value, "carried": 1}
            )
    same = earlier.text == new_text
    return CarryPlan(
        verdicts=verdicts,
        fresh=frozenset(fresh),
        added=added,
        dropped=dropped,
        areas=[dict(a) for a in earlier.areas] if same else [],
        dropped_areas=0 if same else len(earlier.areas),
        attribute=earlier.attribute,
    )


def earlier_decision(previous: DocumentRow) -> EarlierDecision | None:
    """The earlier version's latest decision as plain data (None: it has none)."""
    decision = previous.decision
    if decision is None or previous.status != "ok":
        return None
    groups = groups_of(previous)
    return EarlierDecision(
        text=previous.text or "",
        groups=groups,
        verdicts={g.key: group_verdict(g, decision.verdicts or {}) for g in groups},
        added=hand_added(previous, groups, decision),
        areas=list(decision.areas or []),
        attribute=decision.attribute,
    )


@dataclass(frozen=True)
class VersionView:
    """The document page's facts about versions: the earlier version and what of it."""

    previous: DocumentRow
    visible: bool  # the viewer may open the earlier version (else: no text shown)
    entry: CatalogEntry | None  # the 公开目录 entry of the document's versions, if any
    diff: TextDiff | None
    decision: Decision | None  # the earlier version's
    plan: CarryPlan | None


def version_view(
    session: Session, document: DocumentRow, groups: Sequence[ValueGroup], reader: Reader
) -> VersionView | None:
    """None for a first version; else the earlier one, the diff, the carry-over plan."""
    previous = session.get(DocumentRow, document.previous_id) if document.previous_id else None
    if previous is None:
        return None
    visible = may_see(reader, previous)
    both = document.status == "ok" and previous.status == "ok"
    earlier = earlier_decision(previous) if document.status == "ok" else None
    return VersionView(
        previous=previous,
        visible=visible,
        entry=entry_of(session, document),
        diff=text_diff(previous.text or "", document.text or "") if visible and both else None,
        decision=previous.decision,
        plan=carry(earlier, document.text or "", groups) if earlier is not None else None,
    )


def entry_of(session: Session, document: DocumentRow) -> CatalogEntry | None:
    """The catalog entry this document or an earlier version of it is published under."""
    own = session.scalars(
        select(CatalogEntry).where(CatalogEntry.document_id == document.id)
    ).first()
    return own if own is not None else published_entry(session, document)


def chain(session: Session, document: DocumentRow) -> list[DocumentRow]:
    """Every version of the document, first to last (following ``previous_id`` back and
    the documents that name each one as their previous version forward)."""
    first = document
    seen = {first.id}
    while first.previous_id is not None and first.previous_id not in seen:
        earlier = session.get(DocumentRow, first.previous_id)
        if earlier is None:
            break
        first = earlier
        seen.add(first.id)
    out = [first]
    while True:
        following = session.scalars(
            select(DocumentRow)
            .where(DocumentRow.previous_id == out[-1].id)
            .order_by(DocumentRow.id)
        ).first()
        if following is None or following in out:
            return out
        out.append(following)


def carried_record(
    view: VersionView | None,
    text: str,
    verdicts: Mapping[str, str],
    added: Sequence[dict[str, Any]],
    areas: Sequence[dict[str, Any]],
    attribute: str,
) -> dict[str, Any] | None:
    """What a submitted decision kept of the carried plan, for ``decisions.carried``:
    the group keys whose carried verdict it kept, the carried hand-added values it still
    removes, the boxes, and the attribute if unchanged; None when nothing was carried."""
    if view is None or view.plan is None or view.decision is None:
        return None
    plan = view.plan
    kept = sorted(k for k, v in plan.verdicts.items() if verdicts.get(k, "accept") == v)
    values = {text[int(s["start"]) : int(s["end"])] for s in added}
    still = [a["text"] for a in plan.added if a["text"] in values]
    boxes = [a for a in plan.areas if a in areas]
    same_attribute = attribute == plan.attribute
    count = len(kept) + len(still) + len(boxes) + int(same_attribute)
    if not count:
        return None
    return {
        "from": view.previous.id,
        "from_version": view.previous.file_version,
        "decision": view.decision.id,
        "verdicts": kept,
        "added": still,
        "areas": len(boxes),
        "attribute": plan.attribute if same_attribute else None,
        "fresh": sorted(plan.fresh),
        "count": count,
    }


def carried_for(
    session: Session,
    document: DocumentRow,
    user: User,
    attribute: str,
    verdicts: Mapping[str, str],
    added: Sequence[dict[str, Any]],
    areas: Sequence[dict[str, Any]],
) -> dict[str, Any] | None:
    """``carried_record`` of a decision being submitted on ``document`` by ``user``."""
    view = version_view(session, document, groups_of(document), Reader.of(user))
    return carried_record(view, document.text or "", verdicts, added, areas, attribute)
