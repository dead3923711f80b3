"""The extent convention of clause findings (pipeline.detect.clause_extent): one table per
rule, each with the case it settles and the look-alike it must leave alone. The texts
are written from how drafts are laid out (a narrow draft's wrapped lines, a table's key
column), not taken from the generated evaluation drafts."""

from __future__ import annotations

import pytest

from pipeline.detect.clause_extent import (
    across_wraps,
    join_wrapped,
    row_values,
    settle,
    split_restated,
    trade_tail,
)
from pipeline.detect.clauses import ClauseRecognizer
from pipeline.finding import Finding


def _found(text: str, label: str, piece: str) -> Finding:
    start = text.index(piece)
    return Finding(label, start, start + len(piece), piece, 0.7, "clauses", "")


def _texts(findings: list[Finding]) -> list[str]:
    return [f.text for f in findings]


@pytest.mark.parametrize(
    ("text", "pieces", "expected"),
    [
        (  # a sentence wrapped mid-clause: one finding
            "　　在座谈中有干部反映，个别班子成员\n下基层调研走过场，群众意见较大。\n",
            ["在座谈中有干部反映，个别班子成员", "下基层调研走过场，群众意见较大"],
            ["在座谈中有干部反映，个别班子成员\n下基层调研走过场，群众意见较大"],
        ),
        (  # a lead's colon at a line's end opens what the next line says
            "对王建华同志：\n抓落实有时急于求成，对科室的难处体谅不够。\n",
            ["对王建华同志：", "抓落实有时急于求成，对科室的难处体谅不够"],
            ["对王建华同志：\n抓落实有时急于求成，对科室的难处体谅不够"],
        ),
        (  # two sentences on two lines stay two
            "　　有干部反映调研走过场。\n有同志认为考核流于形式。\n",
            ["有干部反映调研走过场", "有同志认为考核流于形式"],
            ["有干部反映调研走过场", "有同志认为考核流于形式"],
        ),
    ],
)
def test_a_wrapped_sentence_is_one_finding(
    text: str, pieces: list[str], expected: list[str]
) -> None:
    found = [_found(text, "INTERNAL", p) for p in pieces]
    assert _texts(join_wrapped(text, found)) == expected


@pytest.mark.parametrize(
    ("text", "piece", "expected"),
    [
        (  # the line stops at a comma: the sentence goes on below
            "　　会上县财政局持保留态度。分管副县长插话说，\n这个口子一开，其他乡镇都会来要。\n",
            "分管副县长插话说，",
            "分管副县长插话说，\n这个口子一开，其他乡镇都会来要",
        ),
        (  # a figure going on at the next line's start is no item number
            "　　其年度采购合同显示，主要原料进价为每吨\n9.8万元，比上年下降一成。\n",
            "其年度采购合同显示，主要原料进价为每吨",
            "其年度采购合同显示，主要原料进价为每吨\n9.8万元，比上年下降一成",
        ),
        (  # the next line opens an item of its own
            "　　分管副县长插话说，\n（二）关于资金来源。\n",
            "分管副县长插话说，",
            "分管副县长插话说，",
        ),
        (  # a line that ends at a sentence mark ends the sentence
            "　　会议认为方案尚需论证。\n下一步由发改局牵头。\n",
            "会议认为方案尚需论证",
            "会议认为方案尚需论证",
        ),
    ],
)
def test_a_finding_stopped_by_a_wrap_goes_on(text: str, piece: str, expected: str) -> None:
    assert across_wraps(text, _found(text, "INTERNAL", piece)).text == expected


@pytest.mark.parametrize(
    ("text", "label", "piece", "expected"),
    [
        (  # the line before stops mid-clause: the sentence started there
            "　　会上对收费定价仍有顾虑，财政局与交通局未能达\n成一致意见，待会后再议。\n",
            "INTERNAL",
            "成一致意见，待会后再议",
            "会上对收费定价仍有顾虑，财政局与交通局未能达\n成一致意见，待会后再议",
        ),
        (  # an opinion is its whole sentence, also after a comma at the line's end
            "　　考虑到当事人曾多次到市里上访，\n建议由镇党委书记亲自包案。\n",
            "INTERNAL",
            "建议由镇党委书记亲自包案",
            "考虑到当事人曾多次到市里上访，\n建议由镇党委书记亲自包案",
        ),
        (  # a trade secret goes back to its sentence, then after its company's name
            "　　经核查，宏泰机电设备有限公司的关键工序采用自行改\n造的真空浸渍设备，浸渍压力为6兆帕。\n",
            "TRADE_SECRET",
            "造的真空浸渍设备，浸渍压力为6兆帕",
            "关键工序采用自行改\n造的真空浸渍设备，浸渍压力为6兆帕",
        ),
        (  # a state secret's clause after a comma is where the rule started it
            "　　轮换工作按计划推进，\n3号库现存稻谷2.4万吨。\n",
            "STATE_SECRET",
            "3号库现存稻谷2.4万吨",
            "3号库现存稻谷2.4万吨",
        ),
        (  # nor is a title under a blank line
            "安办〔2025〕12号\n\n关于下达兵员征集指标的通知\n",
            "STATE_SECRET",
            "关于下达兵员征集指标的通知",
            "关于下达兵员征集指标的通知",
        ),
        (  # a title over a line of its own is no wrapped sentence
            "关于3号库稻谷轮换出库的请示\n县人民政府：\n",
            "STATE_SECRET",
            "关于3号库稻谷轮换出库的请示",
            "关于3号库稻谷轮换出库的请示",
        ),
    ],
)
def test_a_finding_started_by_a_wrap_goes_back(
    text: str, label: str, piece: str, expected: str
) -> None:
    assert across_wraps(text, _found(text, label, piece)).text == expected


@pytest.mark.parametrize(
    ("piece", "expected"),
    [
        (  # a figure restated: its own sentence
            "经比较倾向于方案二。上述5200万元只是按去年单价匡算的数",
            ["经比较倾向于方案二", "上述5200万元只是按去年单价匡算的数"],
        ),
        (  # a note that goes on about the opinion stays with it
            "经初步研究倾向于暂缓认定。上述倾向性意见尚未经党组会议研究",
            ["经初步研究倾向于暂缓认定。上述倾向性意见尚未经党组会议研究"],
        ),
    ],
)
def test_a_restated_figure_is_a_sentence_of_its_own(piece: str, expected: list[str]) -> None:
    text = f"　　{piece}。\n"
    parts = split_restated(text, _found(text, "INTERNAL", piece))
    assert _texts(parts if isinstance(parts, list) else [parts]) == expected


@pytest.mark.parametrize(
    ("text", "piece", "expected"),
    [
        (  # the rest of the sentence is more of the company's own content
            "　　该公司所报主机的额定效率为96.5%，冷却系统采用其独有的双回路结构。\n",
            "该公司所报主机的额定效率为96.5%",
            "该公司所报主机的额定效率为96.5%，冷却系统采用其独有的双回路结构",
        ),
        (  # a tail on disclosure stays readable
            "　　该公司所报主机的额定效率为96.5%，该公司申请不予公开。\n",
            "该公司所报主机的额定效率为96.5%",
            "该公司所报主机的额定效率为96.5%",
        ),
        (  # the published score stays readable
            "　　投标报价为386万元，综合得分排在第二位。\n",
            "投标报价为386万元",
            "投标报价为386万元",
        ),
    ],
)
def test_a_trade_secret_runs_to_its_sentence_end(text: str, piece: str, expected: str) -> None:
    assert trade_tail(text, _found(text, "TRADE_SECRET", piece)).text == expected


@pytest.mark.parametrize(
    ("text", "label", "piece", "expected"),
    [
        (  # the first cell names the row: the secret is the values
            "乡镇\t任务数\t其中大学生\n石门乡\t18名\t6名\n",
            "STATE_SECRET",
            "石门乡\t18名\t6名",
            "18名\t6名",
        ),
        (  # a two-cell row (label⇥text) is left to its cell rule
            "情况\t甲库现存稻谷3.2万吨\n",
            "STATE_SECRET",
            "情况\t甲库现存稻谷3.2万吨",
            "情况\t甲库现存稻谷3.2万吨",
        ),
        (  # a finding inside a row already is left alone
            "工程名称\t所在位置\t面积\n3号工程\t中心小学操场下方\t900平方米\n",
            "STATE_SECRET",
            "中心小学操场下方",
            "中心小学操场下方",
        ),
    ],
)
def test_a_row_finding_leaves_out_its_key_cell(
    text: str, label: str, piece: str, expected: str
) -> None:
    assert row_values(text, _found(text, label, piece)).text == expected


def test_settle_passes_other_labels_through() -> None:
    text = "　　联系人：王建华，电话13800000000。\n"
    person = _found(text, "PERSON", "王建华")
    assert settle(text, [person]) == [person]


def test_the_recognizer_settles_a_trade_secret() -> None:
    """End to end: the clause detector's span runs to the sentence's end (the hook)."""
    text = "　　经评审，宏泰机电设备有限公司所报主机的额定效率为96.5%，冷却系统采用其自研的双回路结构。\n"
    spans = [f.text for f in ClauseRecognizer().analyze(text) if f.label == "TRADE_SECRET"]
    assert spans == ["所报主机的额定效率为96.5%，冷却系统采用其自研的双回路结构"]
