"""Table tests of the thirteenth pass's 第十六条 and 第十五条 rows (issue 19): an office's own
review opinion on a draft (:mod:`pipeline.detect.review_opinion`), the remarks of a report on
the 考核 of 领导班子 and 领导干部 (an evaluation paper by its title), and a firm's customers
said to be undisclosed (a negated 披露 is no disclosure). Sentences are written for this
project; names and figures are invented.
"""

from __future__ import annotations

import pytest

from pipeline.detect.clauses import ClauseRecognizer

RECOGNIZER = ClauseRecognizer()


def _labels(text: str) -> set[str]:
    return {f.label for f in RECOGNIZER.analyze(text)}


def _memo(sentence: str) -> str:
    return f"法规科便函\n\n关于有关文件的意见\n\n业务科：\n\u3000\u3000{sentence}。\n"


REVIEW = [
    ("经审核，草案第9条设定的审批条件于法无据，我科意见是删去该条", "INTERNAL"),
    ("我处初步认为，该办法施行后可能引发较多行政复议案件", "INTERNAL"),
    ("征求意见稿第12条的保证金规定属变相收费，本处建议起草部门重新研究", "INTERNAL"),
    ("经合法性审核，该文件符合法律法规规定，现予公布", None),
    ("全年共提出审核意见120条，均已被起草单位采纳", None),
    ("起草部门应当将送审稿报送司法行政部门进行合法性审核", None),
    # a 处罚决定's finding cites a law's article: no draft is under review
    ("本局认为，当事人的行为违反了《广告法》第二十八条的规定，依法应予处罚", None),
    ("我局认为，该公司未按第十二条规定办理备案，责令限期改正", None),
]


@pytest.mark.parametrize(("sentence", "label"), REVIEW, ids=[str(i) for i in range(len(REVIEW))])
def test_review_opinion(sentence: str, label: str | None) -> None:
    labels = _labels(_memo(sentence)) & {"INTERNAL", "STATE_SECRET", "TRADE_SECRET"}
    assert labels == ({label} if label else set())


APPRAISAL = [
    (
        "关于2025年度科级领导班子和领导干部考核情况的汇报\n\n\u3000\u3000经考核，"
        "县交通局局长赵某某群众评价一般，测评“好”的比例仅41%。\n",
        True,
    ),
    (
        "2025年度科级领导班子考核结果公示\n\n\u3000\u3000县交通局领导班子考核等次为优秀，现予公示。\n",
        False,
    ),
    (
        "关于2025年度领导班子和领导干部考核情况的报告\n\n\u3000\u3000近年来，全县干部考核工作"
        "总体平稳有序，但仍存在一些薄弱环节。\n",
        False,
    ),
]


@pytest.mark.parametrize(("text", "internal"), APPRAISAL, ids=["report", "notice", "whole-work"])
def test_appraisal_report(text: str, internal: bool) -> None:
    assert ("INTERNAL" in _labels(text)) is internal


def test_undisclosed_customers_are_the_firms() -> None:
    text = (
        "企业运行专报\n\n关于华信新材料有限公司经营情况的报告\n\n"
        "\u3000\u3000该企业主要客户为北辰化工有限公司和东盛电子有限公司，年销量分别为300吨和200吨，"
        "合同价格未对外披露。\n"
    )
    assert "TRADE_SECRET" in _labels(text)
