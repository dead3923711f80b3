"""Rules fixed against an eighteenth hand (tests/fixtures/attribute_eighteenth*.py), each
pinned by small documents written here in other words, read through the scan path:

- a 定密 recorded outside the top corner withholds (第十四条, pipeline/doc_secrecy.py): a
  定密依据 line, a labelled 密级 line with its 知悉范围, a sentence classing the paper, a
  level whose period's unit a scan misread;
- a 征兵 task table (地区｜征集人数) is an unmarked secret like shares by 街道 (第十四条,
  pipeline/doc_defence.py); one total stays public;
- an audit's 工作底稿/取证单 is process information (第十六条, pipeline/doc_audit.py); its
  整改 公告 is published;
- a 评审报告 that scores each bid and recommends a 中标候选人 is the committee's record
  (第十六条, pipeline/doc_sent.py); the 中标结果公告 is published.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import Settings
from pipeline.doc_audit import workpaper_reason
from pipeline.doc_defence import conscription_reason
from pipeline.doc_secrecy import classified_line
from pipeline.metadata import Metadata
from pipeline.scan import scan_file

BASIS = (
    "关于汛期水库调度的安排\n　　各水库按附表时段泄洪，严格控制知悉范围。\n"
    "湖南省水利厅\n2025年5月6日\n\n定密依据：水利工作国家秘密目录第5项\n"
    "抄送：省防指。\n"
)
LABELLED = (
    "重点设施防护方案\n　　各单位按方案部署力量。\n某省公安厅\n2025年3月1日\n"
    "密级：机密，保密期限：长期，知悉范围：限厅领导\n"
)
CLASSED = "储备粮轮换计划\n　　轮换数量见附表。\n本件为秘密级，阅后收回。\n某省粮食和物资储备局\n2025年1月2日\n"
MISREAD = "机密★20乍\n\n防汛物资调运安排\n　　按附表调运。\n某市应急管理局\n2025年6月1日\n"
TASK_TABLE = (
    "关于分解今年兵员征集任务的通知\n各县（区）征兵办：\n　　任务分解如下：\n"
    "县区｜任务数\n东湖区｜320\n西湖区｜285\n青山湖区｜240\n某市征兵办公室\n2025年2月1日\n"
)
WORKPAPER = (
    "审计取证单\n　　被审计单位：某县交通运输局\n　　取证事项：公务用车运行费列支情况\n"
    "　　经核对凭证，发现超标准列支2.1万元。\n　　审计人员：某某　被审计单位意见：待核\n"
    "某省审计厅审计组\n2025年4月8日\n"
)
RECTIFIED = (
    "某县交通运输局关于审计整改情况的公告\n　　根据审计意见，对超标准列支公务用车运行费的问题，"
    "已收回资金并修订制度。现将整改结果公告如下。\n某县交通运输局\n2025年9月1日\n"
)
SCORES = (
    "评审报告\n　　项目名称：某市政务云租赁项目\n　　评标委员会对三家投标人的文件进行了评审：\n"
    "投标人\t技术得分\t价格得分\n甲科技有限公司\t52\t28\n乙信息有限公司\t47\t30\n"
    "　　推荐甲科技有限公司为第一中标候选人。\n评标委员会\n2025年7月1日\n"
)
AWARD = (
    "某市政务云租赁项目中标结果公告\n　　中标供应商：甲科技有限公司\n　　中标金额：318万元\n"
    "　　公告期限：一个工作日。\n某市公共资源交易中心\n2025年7月3日\n"
)


@pytest.mark.parametrize(
    ("text", "attribute", "article"),
    [
        (BASIS, "不予公开", "第十四条"),
        (LABELLED, "不予公开", "第十四条"),
        (CLASSED, "不予公开", "第十四条"),
        (MISREAD, "不予公开", "第十四条"),
        (TASK_TABLE, "不予公开", "第十四条"),
        (WORKPAPER, "不予公开", "第十六条"),
        (RECTIFIED, "主动公开", "第十九条"),
        (SCORES, "不予公开", "第十六条"),
        (AWARD, "主动公开", "第二十条"),
    ],
)
def test_eighteenth_kinds(tmp_path: Path, text: str, attribute: str, article: str) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    suggestion = scan_file(path, Settings())["suggestion"]
    assert suggestion["attribute"] == attribute, suggestion["reasons"]
    assert article in suggestion["legal_basis"], suggestion["legal_basis"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (BASIS, "定密依据：水利工作国家秘"),
        (LABELLED, "机密"),
        (CLASSED, "秘密"),
        (MISREAD, "机密★20"),
        ("关于加强定密工作的通知\n　　各单位要明确定密依据。\n", None),  # a word in a sentence
        ("密级：公开\n", None),
        ("保密工作会议纪要\n　　会议学习了秘密载体管理规定。\n", None),
    ],
)
def test_classified_line(text: str, found: str | None) -> None:
    assert classified_line(text) == found


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (TASK_TABLE, True),
        ("征兵工作总结\n地区｜入伍人数\n全市｜1200\n", False),  # one row, a total
        ("征兵宣传经费安排\n项目｜金额\n宣传册｜20\n横幅｜8\n", False),  # no task column
    ],
)
def test_conscription_table(text: str, secret: bool) -> None:
    assert (conscription_reason(text, Metadata()) is not None) is secret


@pytest.mark.parametrize(
    ("title", "withheld"),
    [
        ("审计工作底稿", True),
        ("审计取证单", True),
        ("关于审计工作底稿问题整改结果的公告", False),
        ("2024年度审计结果公告", False),
    ],
)
def test_workpaper(title: str, withheld: bool) -> None:
    assert (workpaper_reason(title, title + "\n正文\n") is not None) is withheld
