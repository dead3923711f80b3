"""第十六条 in plain speech: what the fourteenth pass's families
(``pipeline/training/clause_families_fourteenth.py``) taught the clause model.

Sentences written for this test, not taken from the families or from the evaluation drafts
of ``benchmarks/clause_fourteenth.py``; each positive row was NONE for the model before the
pass (p 0.67–0.95) and no rule catches it.
"""

from __future__ import annotations

import pytest

from pipeline.detect.clauses import ClauseRecognizer

LEAD = "为认真贯彻落实上级有关部署要求，结合我县实际，现将有关情况报告如下。"


def labels(title: str, sentence: str) -> set[str]:
    text = f"安丰县某某局\n\n{title}\n\n县人民政府：\n\u3000\u3000{LEAD}\n\u3000\u3000{sentence}\n"
    start = text.index(sentence)
    return {
        f.label
        for f in ClauseRecognizer().analyze(text)
        if f.start < start + len(sentence) and start < f.end
    }


@pytest.mark.parametrize(
    ("title", "sentence", "label"),
    [
        ("专题会议记录", "组里几个人都觉得这个结论下得太早。", "INTERNAL"),
        ("关于有关情况的报告", "几位老同志私下议论，说他提拔得有点快。", "INTERNAL"),
        ("关于有关情况的报告", "这个说法只是我们内部的估计，先不要往外讲。", "INTERNAL"),
        ("关于有关情况的报告", "会后大家一致表示，要把好事办好、实事办实。", None),
        ("关于有关情况的报告", "工作人员不得对外透露评审情况。", None),
    ],
)
def test_plain_speech(title: str, sentence: str, label: str | None) -> None:
    assert labels(title, sentence) == ({label} if label else set())
