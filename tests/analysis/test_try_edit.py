"""试一试: an edit parsed and made in a working copy, one document before and after
(findings, suggestion, 公开稿 side by side), and the reviewed documents it would change."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from pipeline import lexicons
from pipeline.analysis.lexicon_workspace import Workspace
from pipeline.analysis.try_edit import (
    affected,
    apply_edits,
    edited_terms,
    parse_edits,
    try_edit,
)
from pipeline.analysis.try_view import copy_lines, side_by_side
from pipeline.analysis.wording import zh
from pipeline.redact.spans import Redaction
from pipeline.redact.txt import redact_string

SHIPPED = lexicons.LEXICON_DIR
# 陈述人 is not a role word of the shipped lexicon: the name after it is found only once
# the analyst adds it. The decision is published (a 行政处罚决定书), so the copy shows it.
DECISION = (
    "某区城市管理局\n行政处罚决定书\n某城管罚〔2025〕8号\n陈述人：王建华\n"
    "经查，你在某路段违规设置户外广告，决定罚款500元。\n"
)
EDIT = "+private_person_roles:陈述人"


def test_edits_are_parsed_or_refused_in_chinese() -> None:
    edits = parse_edits(
        "+private_person_roles:陈述人,听证申请人；-person_context:群众\nmin_score.PERSON=0.8"
    )
    assert [(e.lexicon, e.add, e.remove, e.value) for e in edits] == [
        ("private_person_roles", ("陈述人", "听证申请人"), (), None),
        ("person_context", (), ("群众",), None),
        ("min_score.PERSON", (), (), 0.8),
    ]
    assert edits[0].describe() == "在词表 private_person_roles 中加入“陈述人”、“听证申请人”"
    assert edited_terms(edits) is None  # a threshold may change any document
    assert edited_terms(edits[:2]) == {"陈述人", "听证申请人", "群众"}
    with pytest.raises(ValueError, match="看不懂的修改"):
        parse_edits("private_person_roles 陈述人")


def test_apply_says_what_it_did(workspace: Workspace) -> None:
    done = apply_edits(workspace, parse_edits("+private_person_roles:陈述人,申请人"))
    assert done == [
        "词表 private_person_roles 已有申请人，未重复加入",
        "在词表 private_person_roles 中加入“陈述人”、“申请人”",
    ]
    assert "陈述人" in workspace.terms("private_person_roles")
    apply_edits(workspace, parse_edits("-private_person_roles:陈述人;min_score.PHONE=0.9"))
    assert "陈述人" not in workspace.terms("private_person_roles")
    assert workspace.threshold("min_score.PHONE") == 0.9
    with pytest.raises(KeyError, match="not listed"):
        apply_edits(workspace, parse_edits("-private_person_roles:没有这个词"))


def test_a_role_word_added_redacts_the_name_after_it(workspace: Workspace) -> None:
    done = apply_edits(workspace, parse_edits(EDIT))
    trial = replace(try_edit(DECISION, workspace), edits=tuple(done))
    changes = trial.changes()
    assert [(c.change, c.label, c.text) for c in changes.itertuples()] == [
        ("new", "PERSON", "王建华")
    ]
    assert lexicons.LEXICON_DIR == SHIPPED  # the working copy was active only for "after"
    before, after = trial.before.copy(DECISION), trial.after.copy(DECISION)
    assert before is not None and after is not None
    assert "王建华" in before and "王建华" not in after and "陈述人：【姓名】" in after
    page = trial._repr_html_()
    assert "在词表 private_person_roles 中加入“陈述人”" in page
    assert "新增 1 处发现" in page and "修改前公开稿" in page and "修改后公开稿" in page
    # Only the changed line is shown, the new redaction outlined.
    table = side_by_side(trial)
    assert table.count("<tr>") == 2 and "陈述人：王建华" in table
    assert "outline:2px solid" in table and "某区城市管理局" not in table
    assert "某区城市管理局" in side_by_side(trial, all_lines=True)


def test_the_copy_by_line_is_the_redacted_copy() -> None:
    text = "甲乙丙丁\n<b>戊</b>己庚\n辛壬"
    spans = [
        Redaction(1, 3, "PERSON"),
        Redaction(2, 4, "PHONE"),  # overlaps: merged, the first label kept
        Redaction(8, 9, "ADDRESS"),
    ]
    lines = copy_lines(text, spans)
    assert "\n".join("".join(t for t, _ in line) for line in lines) == redact_string(
        text, spans, "label"
    )
    assert lines[0] == [("甲", None), ("【姓名】", (1, 4))]
    # A span over a line end: its placeholder where it starts, its text hidden after.
    crossing = copy_lines("甲乙\n丙丁", [Redaction(1, 4, "PERSON")])
    assert crossing == [[("甲", None), ("【姓名】", (1, 4))], [("丁", None)]]


def _record(doc: str, text: str, gold: list[str], **extra: Any) -> dict[str, Any]:
    spans = []
    for value in gold:
        start = text.index(value)
        spans.append({"start": start, "end": start + len(value), "label": "PERSON", "text": value})
    return {"id": doc, "text": text, "spans": spans, **extra}


def test_affected_lists_the_reviewed_documents_the_edit_changes(workspace: Workspace) -> None:
    records = [
        # The reviewer redacted the name: the new finding agrees with them.
        _record(
            "r1",
            DECISION,
            ["王建华"],
            decided_by="李审核",
            decided_at="2026-11-02T09:30:00+08:00",
            comment="陈述人姓名应删除",
        ),
        # The reviewer kept this name (a public hearing record): the new finding does not.
        _record(
            "r2",
            DECISION.replace("王建华", "赵立新"),
            [],
            decided_by="张审核",
            decided_at="2026-11-03T10:00:00+08:00",
            comment="",
            approval_notes=[{"level": 0, "action": "return", "by": "王批准", "reason": "请核对"}],
        ),
        _record("r3", "某区城市管理局关于户外广告整治的通知\n各街道：\n请做好整治工作。\n", []),
    ]
    edits = parse_edits(EDIT)
    apply_edits(workspace, edits)
    table = affected(records, workspace, edited_terms(edits))
    rows = {r.doc: r for r in table.itertuples()}
    assert set(rows) == {"r1", "r2"}
    assert (rows["r1"].change, rows["r1"].outcome, rows["r1"].agrees) == ("new", "TP", True)
    assert rows["r1"].against_review == "新增，审核人也删除了此处"
    assert rows["r1"].note == "李审核（2026-11-02 09:30）：陈述人姓名应删除"
    assert (rows["r2"].outcome, rows["r2"].agrees, rows["r2"].reviewer_rejected) == (
        "FP",
        False,
        False,
    )
    shown = zh(table)
    assert list(shown.columns[-4:]) == ["与审核一致", "识别器", "审核人曾不同意", "审核意见"]
    assert set(shown["与审核一致"]) == {"是", "否"}
    assert rows["r2"].note == "张审核（2026-11-03 10:00）：（无意见）；退回（王批准）：请核对"
    # Documents without the term are not run: none is listed for an edit they lack.
    assert affected(records[2:], workspace, edited_terms(edits)).empty
