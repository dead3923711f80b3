"""Rules fixed against an eighteenth hand (tests/fixtures/attribute_eighteenth*.py) and a
seventeenth's miss, each pinned by small documents written here in other words, read
through the scan path:

- a published 抽查/检查 result list (firm | outcome) is no trade secret (第二十条（六）,
  pipeline/detect/check_results.py), whatever the table's cells are set with;
- a four-character division's short name opening a firm's name (齐齐哈尔顺丰…有限公司) is a
  place, not a person (pipeline/detect/place_trades.py);
- a letter-spaced title wrapped across two lines ("行 政 处 ⏎罚 决 定 书") is read as one
  (pipeline/doc_spacing.head_lines): an enterprise's penalty is published (第二十条).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.detect.check_results import check_results, published_outcome
from pipeline.doc_spacing import head_lines
from pipeline.finding import Finding
from tests.decide_support import scanned_suggestion


def _check_list(title: str, rows: list[str]) -> str:
    return (
        f"{title}\n\n　　根据年度检查计划，某市生态环境局随机抽取检查对象、随机选派执法人员，"
        "对下列单位开展了监督检查，现将检查结果公布如下：\n"
        + "\n".join(rows)
        + "\n　　请各单位对照整改。\n\n某市生态环境局\n2025年6月3日\n"
    )


TAB_ROWS = [
    "序号\t检查对象\t检查事项\t检查结果",
    "1\t南平华鑫纸业有限公司\t排污许可执行\t未发现问题",
    "2\t南平宏盛陶瓷有限公司\t危废贮存\t责令限期整改",
    "3\t南平华鑫纸业有限公司\t在线监测\t未发现问题",
]
BAR_ROWS = [
    "序号｜企业名称｜抽查结果",
    "1｜绵阳恒通机械制造有限公司｜合格",
    "2｜绵阳长丰食品有限公司｜责令整改",
    "3｜绵阳瑞达包装有限公司｜未发现问题",
    "4｜绵阳长丰食品有限公司｜立案查处",
]
SPACE_ROWS = [
    "　　序号  单位名称  处理结果",
    "　　1  宜宾金江化工有限公司  未发现问题",
    "　　2  宜宾鼎盛物流有限公司  已责令整改",
    "　　3  宜宾金江化工有限公司  未发现问题",
]
ACCIDENT = (
    "齐齐哈尔市“6·12”较大坍塌事故调查报告\n\n"
    "　　2025年6月12日，齐齐哈尔安泰建设工程有限公司承建的厂房发生坍塌，造成2人死亡。\n"
    "　　一、事故单位概况\n　　齐齐哈尔安泰建设工程有限公司成立于2012年。\n"
    "　　二、事故死亡人员\n　　王某某，男，41岁，齐齐哈尔安泰建设工程有限公司作业人员\n"
    "　　三、处理建议。建议由齐齐哈尔市应急管理局对齐齐哈尔安泰建设工程有限公司处以罚款。\n\n"
    "齐齐哈尔市事故调查组\n2025年9月1日\n"
)
WRAPPED_PENALTY = (
    "襄州区市场监督管理局\n襄州市监罚决〔2025〕41号\n\n行 政 处 \n罚 决 定 书\n\n"
    "　　当事人：襄阳顺达物流有限公司\n　　统一社会信用代码：91420607MA4B6C7D8E\n"
    "　　法定代表人：刘某\n　　经查，当事人未按规定对车辆进行安全检查，违反了相关法律规定。\n"
    "　　依据相关规定，本局决定：罚款人民币3万元。\n"
    "　　当事人应自收到本决定书之日起十五日内缴纳罚款。\n\n襄州区市场监督管理局\n2025年10月9日\n"
)


@pytest.mark.parametrize(
    ("text", "attribute", "article"),
    [
        (_check_list("2025年度“双随机、一公开”检查结果公示", TAB_ROWS), "主动公开", "第十九条"),
        (_check_list("双随机抽查结果公告", BAR_ROWS), "主动公开", "第十九条"),
        (_check_list("关于2025年第二批随机抽查情况的通报", SPACE_ROWS), "主动公开", "第十九条"),
        (ACCIDENT, "主动公开", "第十九条"),
        (WRAPPED_PENALTY, "主动公开", "第二十条"),
    ],
)
def test_eighteenth_kinds(tmp_path: Path, text: str, attribute: str, article: str) -> None:
    suggestion = scanned_suggestion(tmp_path, text)
    assert suggestion["attribute"] == attribute, suggestion["reasons"]
    assert article in suggestion["legal_basis"], suggestion["legal_basis"]


@pytest.mark.parametrize(
    ("title", "results"),
    [
        ("2025年度“双随机、一公开”抽查结果公示", True),
        ("关于2025年第一批双随机抽查情况的通报", True),
        ("关于公布2025年食品安全监督抽检结果的公告", True),
        ("检 查 结 果 公 示", True),
        ("关于开展2025年安全生产检查的通知", False),  # a check to come: no results
        ("关于宏泰新材料有限公司的检查报告", False),  # one firm's report, not a published list
    ],
)
def test_check_results_title(title: str, results: bool) -> None:
    assert check_results(title) is results


def _secret(text: str, label: str = "TRADE_SECRET") -> Finding:
    return Finding(
        label=label,
        start=0,
        end=len(text),
        text=text,
        score=0.9,
        recognizer="clause_model",
        explanation="",
    )


@pytest.mark.parametrize(
    ("row", "label", "published"),
    [
        ("2｜桂林绿源食品有限公司｜未发现问题", "TRADE_SECRET", True),
        ("1\t南平宏盛陶瓷有限公司\t危废贮存\t责令限期整改", "TRADE_SECRET", True),
        ("3  宜宾金江化工有限公司  不合格", "TRADE_SECRET", True),
        # the firm's business beside the outcome stays the firm's
        ("2｜绵阳长丰食品有限公司｜配方不符合备案，责令整改", "TRADE_SECRET", False),
        ("4｜绵阳恒通机械制造有限公司｜检查中", "TRADE_SECRET", False),  # no outcome
        ("2｜桂林绿源食品有限公司｜未发现问题", "INTERNAL", False),  # not this rule's label
    ],
)
def test_published_outcome(row: str, label: str, published: bool) -> None:
    assert published_outcome(_secret(row, label), row) is published


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("某局\n\n行 政 处 \n罚 决 定 书\n", "行 政 处 罚 决 定 书"),
        ("某局\n行  政  处  罚\n决  定  书\n", "行  政  处  罚 决  定  书"),
        ("某局\n行政处罚决定书\n当事人：某公司\n", None),  # not spaced: nothing joined
        ("某局\n行 政 处\n罚决定书\n", "行 政 处 罚决定书"),  # the scan closed the second half
        ("某局\n主 送 ： 各 单 位\n罚 决 定 书\n", None),  # a field line is no title half
        ("某局\n通 知\n当事人：某公司\n", None),  # a field line follows: no title's end
    ],
)
def test_wrapped_spaced_title(text: str, joined: str | None) -> None:
    lines = head_lines(text, 8)
    extra = [line for line in lines if line not in text.split("\n")]
    assert extra == ([joined] if joined else [])
