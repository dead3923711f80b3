"""The lexicon-tuning API the notebook calls: tables that agree with ``triage eval``, a
working copy whose edits apply and are saved with who/when/why, and the context view."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pipeline import lexicons
from pipeline.analysis.detector_scores import compare
from pipeline.analysis.lexicon_workspace import Workspace, tuning_line, with_tuning
from pipeline.analysis.tuning import score_detectors
from pipeline.evaluate import evaluate
from pipeline.training.labelled_set import LabelledSetError, load_labelled

SHIPPED = lexicons.LEXICON_DIR
# Our own small labelled set: a party line, an applicant, phones and an ID, an official
# (经办人) nobody labels, and an address after a cue word that the detectors miss.
TEXTS = {
    "t1": "行政处罚决定书\n当事人：王小明，身份证号：11010519491231002X，联系电话：13800138000。\n",
    "t2": "申请人：李华，家住幸福里。经办人：赵一鸣，电话：13912345678。\n",
}
GOLD = {
    "t1": [("PERSON", "王小明"), ("ID_CARD", "11010519491231002X"), ("PHONE", "13800138000")],
    "t2": [("PERSON", "李华"), ("ADDRESS", "幸福里"), ("PHONE", "13912345678")],
}


def _records() -> list[dict[str, Any]]:
    records = []
    for doc, text in TEXTS.items():
        spans = []
        for label, value in GOLD[doc]:
            start = text.index(value)
            spans.append({"start": start, "end": start + len(value), "label": label, "text": value})
        records.append({"id": doc, "text": text, "attribute": "部分公开", "spans": spans})
    return records


@pytest.fixture
def labelled(tmp_path: Path) -> Path:
    path = tmp_path / "set" / "corpus.jsonl"
    path.parent.mkdir()
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in _records()) + "\n", encoding="utf-8"
    )
    return path.parent


def test_tables_agree_with_triage_eval(labelled: Path) -> None:
    records = load_labelled(labelled)
    scores = score_detectors(records)
    report = evaluate(records, [{"id": d, "findings": f} for d, f in scores.run.findings.items()])
    table = scores.labels
    for label, expected in report.labels.items():
        assert table.loc[label, "gold"] == expected.gold
        assert table.loc[label, "found"] == expected.pred
        assert table.loc[label, "precision"] == pytest.approx(expected.precision)
        assert table.loc[label, "recall"] == pytest.approx(expected.recall)
    outcome = scores.outcomes
    assert set(outcome["outcome"]) <= {"TP", "FP", "FN"}
    assert scores.micro["tp"] == int((outcome["outcome"] == "TP").sum())
    # Every TP/FP row names its recognizer; misses have none.
    assert outcome[outcome["outcome"] != "FN"]["recognizer"].notna().all()
    assert outcome[outcome["outcome"] == "FN"]["recognizer"].isna().all()
    assert scores.recognizers.loc["cn_phone", "tp"] == 2


def test_term_table_credits_the_role_word(labelled: Path) -> None:
    scores = score_detectors(load_labelled(labelled))
    terms = scores.terms("private_person_roles").set_index("term")
    assert terms.loc["当事人", "fired_tp"] == 1
    assert terms.loc["申请人", "gold_near"] == 1
    assert terms.loc["当事人", "precision"] == 1.0
    assert terms.loc["当事人", "recall"] == 1.0
    cues = scores.terms("address_cues").set_index("term")
    assert (cues.loc["家住", "gold_near"], cues.loc["家住", "gold_missed"]) == (1, 1)
    assert cues.loc["家住", "recall"] == 0.0
    # A listed term that never occurs is still a row (a dead term shows).
    assert terms.loc["被处罚人", "occurrences"] == 0


def test_context_highlights_and_escapes() -> None:
    records = [{"id": "x", "text": "申请人：<b>张三</b>，电话：13800138000", "spans": []}]
    view = score_detectors(records).context(outcome=("FP",))
    html = view._repr_html_()
    assert "<mark" in html
    assert "&lt;b&gt;" in html  # the document's text is escaped, never markup
    assert "13800138000" in str(view)


def test_an_edit_applies_only_while_active(labelled: Path, workspace: Workspace) -> None:
    records = load_labelled(labelled)
    before = score_detectors(records)
    workspace.set_threshold("min_score.PHONE", 1.0)
    workspace.remove("private_person_roles", "当事人")
    with workspace.active():
        after = score_detectors(records)
    changes = compare(before.labels, after.labels)
    assert changes.loc["PHONE", "found_after"] == 0
    assert changes.loc["PHONE", "recall_change"] == pytest.approx(-1.0)
    assert lexicons.LEXICON_DIR == SHIPPED  # restored
    again = score_detectors(records)
    assert again.labels.equals(before.labels)


def test_add_normalises_and_skips_what_is_listed(workspace: Workspace) -> None:
    assert workspace.add("internal_terms", "内部讨论意见", " ＡＢ测试 ", "不宜评定") == [
        "内部讨论意见",
        "AB测试",
    ]
    assert "AB测试" in workspace.terms("internal_terms")
    with pytest.raises(KeyError, match="not listed"):
        workspace.remove("internal_terms", "没有这个词")
    with pytest.raises(ValueError, match="from 0 to 1"):
        workspace.set_threshold("clause.alone", 1.5)
    assert workspace.threshold("clause.alone") == 0.85  # nothing written


def test_save_writes_header_and_returns_the_diff(workspace: Workspace) -> None:
    workspace.add("internal_terms", "内部讨论意见")
    workspace.remove("internal_terms", "诫勉谈话")
    with pytest.raises(ValueError, match="who"):
        workspace.save("", "because")
    diff = workspace.save("李分析", "devset d021: 讨论意见 missed", when=date(2026, 11, 23))
    assert "+内部讨论意见" in diff
    assert "-诫勉谈话" in diff
    saved = (workspace.source / "internal_terms.txt").read_text(encoding="utf-8")
    assert (
        "# Last tuning: 2026-11-23 by 李分析 (+内部讨论意见; −诫勉谈话): devset d021: 讨论意见 missed"
        in saved
    )
    assert "(initial list)" not in saved  # the old line is replaced, not kept beside it
    assert workspace.changed() == []
    assert workspace.save("李分析", "again") == ""  # nothing changed, nothing written


def test_tuning_line_replaces_continuations() -> None:
    content = "# a\n# Last tuning: old\n#   more old\n# Source: x\n词\n"
    new = with_tuning(content, tuning_line(date(2026, 1, 2), "me", "why", ""))
    assert new == "# a\n# Last tuning: 2026-01-02 by me: why\n# Source: x\n词\n"
    assert with_tuning("# a\n词\n", ["# Last tuning: x"]) == "# a\n# Last tuning: x\n词\n"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "not JSON"),
        ('{"text": "x"}', "needs an id"),
        ('{"id": 1, "text": "abc", "spans": [{"start": 0, "end": 9, "label": "P"}]}', "outside"),
        (
            '{"id": 1, "text": "abc", "spans": [{"start": 0, "end": 1, "label": "P", "text": "b"}]}',
            "not 'b'",
        ),
    ],
)
def test_bad_labelled_sets_name_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": 0, "text": "ok"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(LabelledSetError, match=rf"c\.jsonl:2: .*{message}"):
        load_labelled(path)
