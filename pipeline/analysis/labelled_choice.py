"""Which labelled documents a notebook measures, named the way the analyst reads them.

The devset is split (``data/devset_split.json``): rules, lexicons and models are tuned on
"tuned_on" (调优所用) and the figures on "not_tuned_on" (未用于调优) are the evidence that a
change generalises. A tuning notebook therefore opens on the part nobody tuned on, and
shows it only in aggregate: reading its errors one by one and fixing them is tuning on it,
after which its figures prove nothing. The errors in context are listed for the tuned-on
part (or a reviewers' export); showing them for the blind part is a choice an analyst
makes knowingly (``show_blind_errors``), and the notebook says so.

A reviewers' export (``triage export-labels``) carries what people said about each
document; :func:`reviewer_notes` turns it into the line shown beside each error.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.training.labelled_set import load_labelled, load_part, split_ids

PART_NAMES = {"tuned_on": "调优所用", "not_tuned_on": "未用于调优"}
ACTION_WORDS = {"return": "退回", "approve": "审批通过", "override": "保密审查意见"}


@dataclass(frozen=True)
class LabelledChoice:
    """The records measured and how a table or figure names them."""

    records: list[dict[str, Any]]
    caption: str  # 未用于调优 / 调优所用 / 审核导出 …: the title of every figure
    part: str | None  # tuned_on | not_tuned_on | None (a corpus folder or file)
    source: str

    @property
    def blind(self) -> bool:
        """Nobody may tune on these documents: aggregates only, unless asked knowingly."""
        return self.part == "not_tuned_on"

    @property
    def reviewed(self) -> bool:
        """The records are reviewers' decisions (``triage export-labels``)."""
        return any("decided_by" in r for r in self.records)

    @property
    def label(self) -> str:
        """The caption with the number of documents, for legends."""
        return f"{self.caption}（{len(self.records)} 件）"

    def errors_listed(self, show_blind_errors: bool = False) -> bool:
        """Whether the errors in context are listed (never by default for the blind part)."""
        return not self.blind or show_blind_errors


def choose(part: str = "not_tuned_on", path: Path | str | None = None) -> LabelledChoice:
    """The labelled set at ``path`` (a corpus folder, e.g. an export, or a .jsonl) when
    given; otherwise ``part`` of the devset split."""
    if path:
        folder = Path(path)
        records = load_labelled(folder)
        kind = "审核导出" if any("decided_by" in r for r in records) else "标注集"
        return LabelledChoice(records, f"{kind} {folder.name}", None, str(folder))
    if part not in PART_NAMES:
        raise ValueError(f"PART 应为 {' 或 '.join(PART_NAMES)}，而不是 {part!r}")
    return LabelledChoice(load_part(part), PART_NAMES[part], part, "data/devset_split.json")


def other_part(choice: LabelledChoice) -> LabelledChoice | None:
    """The other part of the split, to draw beside ``choice``; None for a corpus folder."""
    if choice.part is None:
        return None
    return choose("tuned_on" if choice.part == "not_tuned_on" else "not_tuned_on")


def pick(doc: str, *choices: LabelledChoice | None) -> dict[str, Any]:
    """The record ``doc`` from the first choice that holds it, for 试一试. A document of
    the blind part is refused, whichever set it was loaded from: trying edits on it is
    tuning on it."""
    if doc in {i for ids in split_ids("not_tuned_on").values() for i in ids}:
        raise ValueError(f"文档 {doc} 属于未用于调优的部分：不在它上面试修改（请选调优所用的文档）")
    for choice in choices:
        for record in choice.records if choice is not None else []:
            if str(record["id"]) == doc:
                return record
    raise KeyError(f"没有文档 {doc}（可选调优所用的文档或审核导出中的文档）")


def reviewer_note(record: dict[str, Any]) -> str:
    """What people said about one exported document, as one line: who decided and when,
    their comment, and the approvers' notes. Empty for a devset record."""
    if "decided_by" not in record:
        return ""
    when = str(record.get("decided_at", ""))[:16].replace("T", " ")
    parts = [f"{record['decided_by']}（{when}）：{record.get('comment') or '（无意见）'}"]
    for note in record.get("approval_notes", []):
        action = ACTION_WORDS.get(str(note.get("action")), str(note.get("action")))
        parts.append(f"{action}（{note.get('by')}）：{note.get('reason')}")
    return "；".join(parts)


def reviewer_notes(records: list[dict[str, Any]]) -> dict[str, str]:
    """Document id → :func:`reviewer_note`, for the exported documents only."""
    return {str(r["id"]): note for r in records if (note := reviewer_note(r))}


def rejected_spans(records: list[dict[str, Any]]) -> dict[str, set[tuple[int, int, str]]]:
    """Document id → (start, end, label) of the findings its reviewer rejected."""
    return {
        str(r["id"]): {(int(s["start"]), int(s["end"]), str(s["label"])) for s in r["rejected"]}
        for r in records
        if r.get("rejected")
    }
