"""试一试: one lexicon edit tried on one document, and on the documents reviewers decided.

An analyst pastes or picks a document, writes an edit (``+private_person_roles:陈述人``,
``-person_context:群众``, ``min_score.PERSON=0.8``), and sees what the pipeline would do
with it before and after: the findings, the suggested 公开属性 and the 公开稿 (the copy
with the proposed redactions, in the ``label`` style a published notice uses), side by
side. :func:`affected` then runs the edit over a reviewers' export (``triage
export-labels``) and lists the past documents whose findings it would change, each with
whether the change agrees with what the reviewer decided.

Nothing here writes ``lexicons/``: the edit goes into a
:class:`~pipeline.analysis.lexicon_workspace.Workspace` (a working copy), active only
while the "after" side is computed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.analysis.detector_scores import difference, outcomes, run_detectors
from pipeline.analysis.labelled_choice import rejected_spans, reviewer_notes
from pipeline.analysis.lexicon_workspace import Workspace, normal_term
from pipeline.decide import WITHHELD, Suggestion, suggest
from pipeline.detect import detect
from pipeline.finding import Finding
from pipeline.ingest.text import read_text
from pipeline.metadata import extract_metadata
from pipeline.redact.proposals import proposed_redactions
from pipeline.redact.spans import Redaction
from pipeline.redact.txt import redact_string

EDIT = re.compile(r"^\s*(?:(?P<sign>[+-])\s*(?P<lexicon>\w+)\s*[:：]\s*(?P<terms>.+?)|"
                  r"(?P<threshold>[\w.]+)\s*=\s*(?P<value>[0-9.]+))\s*$")  # fmt: skip
# What a changed finding means against the reviewer's decision (change, outcome).
AGAINST_REVIEW = {
    ("new", "TP"): ("新增，审核人也删除了此处", True),
    ("new", "FP"): ("新增，审核人未删除此处", False),
    ("gone", "TP"): ("消失，审核人删除过此处", False),
    ("gone", "FP"): ("消失，审核人未删除此处", True),
}


@dataclass(frozen=True)
class Edit:
    """One change to the working copy: terms added to or removed from a lexicon, or a
    threshold set."""

    lexicon: str
    add: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()
    value: float | None = None  # a threshold (lexicon is its name, e.g. min_score.PERSON)

    def describe(self) -> str:
        if self.value is not None:
            return f"阈值 {self.lexicon} 设为 {self.value:g}"
        verb, terms = ("加入", self.add) if self.add else ("删去", self.remove)
        return f"在词表 {self.lexicon} 中{verb}{'、'.join(f'“{t}”' for t in terms)}"


def parse_edits(spec: str) -> list[Edit]:
    """Edits written one per line or separated by ``;``: ``+lexicon:term,term``,
    ``-lexicon:term`` or ``threshold=value``; ValueError (in Chinese) for anything else."""
    edits = []
    for part in re.split(r"[;；\n]", spec):
        if not part.strip():
            continue
        match = EDIT.match(part)
        if match is None:
            raise ValueError(
                f"看不懂的修改：{part.strip()!r}（应写作 +词表:词、-词表:词 或 阈值名=数值）"
            )
        if match["threshold"]:
            edits.append(Edit(match["threshold"], value=float(match["value"])))
            continue
        terms = tuple(normal_term(t) for t in re.split(r"[,，、]", match["terms"]) if t.strip())
        if match["sign"] == "+":
            edits.append(Edit(match["lexicon"], add=terms))
        else:
            edits.append(Edit(match["lexicon"], remove=terms))
    return edits


def apply_edits(workspace: Workspace, edits: Sequence[Edit]) -> list[str]:
    """Make the edits in the working copy; what was done, in Chinese (a term already
    listed is not added again, and says so)."""
    done = []
    for edit in edits:
        if edit.value is not None:
            workspace.set_threshold(edit.lexicon, edit.value)
        elif edit.add:
            added = workspace.add(edit.lexicon, *edit.add)
            skipped = [t for t in edit.add if t not in added]
            if skipped:
                done.append(f"词表 {edit.lexicon} 已有{'、'.join(skipped)}，未重复加入")
                if not added:
                    continue
        else:
            workspace.remove(edit.lexicon, *edit.remove)
        done.append(edit.describe())
    return done


def edited_terms(edits: Sequence[Edit]) -> set[str] | None:
    """The terms the edits touch; None when a threshold changes (every document may)."""
    if any(e.value is not None for e in edits):
        return None
    return {t for e in edits for t in (*e.add, *e.remove)}


@dataclass(frozen=True)
class Outcome:
    """What the pipeline makes of a text: findings, the suggestion, the proposed
    redactions (as ``triage scan`` does for a .txt)."""

    findings: list[Finding]
    suggestion: Suggestion
    redactions: list[Redaction]

    def copy(self, text: str) -> str | None:
        """The 公开稿 (label style); None when the document would be withheld whole."""
        if self.suggestion.attribute == WITHHELD:
            return None
        return redact_string(text, self.redactions, "label")


def analyse_text(text: str) -> Outcome:
    """metadata → detect → decide → proposals for a pasted text, read as a .txt file is
    (line ends normalised), with the lexicons now in use."""
    document = read_text(Path("试一试.txt"), text.encode("utf-8"), "试一试.txt")
    findings = detect(document)
    suggestion = suggest(document.text, extract_metadata(document), findings)
    return Outcome(findings, suggestion, proposed_redactions(suggestion, findings))


def _key(finding: Finding) -> tuple[int, int, str]:
    return (finding.start, finding.end, finding.label)


@dataclass(frozen=True)
class Trial:
    """One document before and after the edit (``before``/``after``)."""

    text: str
    before: Outcome
    after: Outcome
    edits: tuple[str, ...]  # what was done, in Chinese

    def findings(self) -> pd.DataFrame:
        """Every finding of either side: ``before``/``after`` say where it is, ``change``
        is new / gone / "" (in both)."""
        old = {_key(f): f for f in self.before.findings}
        new = {_key(f): f for f in self.after.findings}
        rows = []
        for key in sorted(old.keys() | new.keys()):
            finding = new.get(key) or old[key]
            change = "" if key in old and key in new else "new" if key in new else "gone"
            rows.append(
                {
                    "change": change,
                    "label": finding.label,
                    "text": finding.text,
                    "start": finding.start,
                    "end": finding.end,
                    "before": key in old,
                    "after": key in new,
                    "recognizer": finding.recognizer,
                    "role": finding.role,
                    "score": round(finding.score, 3),
                }
            )
        columns = ["change", "label", "text", "start", "end", "before", "after"]
        return pd.DataFrame(rows, columns=[*columns, "recognizer", "role", "score"])

    def changes(self) -> pd.DataFrame:
        """The findings the edit brought (new) or removed (gone)."""
        table = self.findings()
        return table[table["change"] != ""].reset_index(drop=True)

    def _repr_html_(self) -> str:
        from pipeline.analysis.try_view import trial_html

        return trial_html(self)


def try_edit(text: str, workspace: Workspace) -> Trial:
    """``text`` analysed with the lexicons in use, then with ``workspace`` active (its
    edits already made)."""
    before = analyse_text(text)
    with workspace.active():
        after = analyse_text(text)
    return Trial(text.replace("\r\n", "\n").replace("\r", "\n"), before, after, ())


def affected(
    records: Sequence[dict[str, Any]],
    workspace: Workspace,
    terms: set[str] | None = None,
) -> pd.DataFrame:
    """The reviewed documents (an export's records) whose findings the working copy
    changes: one row per finding gained or lost, with what it means against the
    reviewer's decision (``against_review``, ``agrees``), whether the reviewer rejected
    it, and what they said. ``terms``: only documents containing one of them are run (a
    term can change only a document it occurs in); None runs every document."""
    chosen = [r for r in records if terms is None or any(t in str(r["text"]) for t in terms if t)]
    columns = ["doc", "change", "label", "text", "outcome", "against_review", "agrees"]
    if not chosen:
        return pd.DataFrame(columns=[*columns, "recognizer", "reviewer_rejected", "note"])
    before = outcomes(run_detectors(chosen))
    with workspace.active():
        after = outcomes(run_detectors(chosen))
    changed = difference(before, after)
    changed = changed[changed["outcome"].isin(["TP", "FP"])].copy()
    meaning = [
        AGAINST_REVIEW[(c, o)] for c, o in zip(changed["change"], changed["outcome"], strict=True)
    ]
    changed["against_review"] = [m[0] for m in meaning]
    changed["agrees"] = [m[1] for m in meaning]
    said = rejected_spans(list(chosen))
    changed["reviewer_rejected"] = [
        (int(s), int(e), str(lab)) in said.get(str(d), set())
        for d, s, e, lab in zip(
            changed["doc"], changed["start"], changed["end"], changed["label"], strict=True
        )
    ]
    notes = reviewer_notes(list(chosen))
    changed["note"] = changed["doc"].map(lambda d: notes.get(str(d), ""))
    ordered = changed[[*columns, "recognizer", "reviewer_rejected", "note"]]
    return ordered.sort_values(["doc", "change", "label"]).reset_index(drop=True)
