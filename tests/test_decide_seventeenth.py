"""Rules fixed against a seventeenth hand (tests/fixtures/attribute_seventeenth*.py), each
pinned by small documents written here in other words, read through the scan path:

- a scan's letter-spaced lines are closed up before the kind rules and the recognizers read
  them (pipeline/doc_spacing.py): a spaced 征兵 title or a spaced ID no longer hides;
- a 密级 with its star between the glyphs (秘★密) or a bare level in the running header
  beside the page number withholds (第十四条, pipeline/doc_marks.py);
- 征兵 numbers split by 街道/乡镇 and the location of a 人防 command post are unmarked
  state secrets (第十四条, pipeline/doc_defence.py); a 征兵公告 and a 警报试鸣 notice stay public;
- a 督查通报 to every unit is published (第十九条), a 问责 deliberation is process
  information (第十六条, pipeline/doc_oversight.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.doc_defence import civil_defence_reason, conscription_reason
from pipeline.doc_marks import header_level, starred_mark
from pipeline.doc_oversight import accountability_reason, bulletin_reason
from pipeline.doc_spacing import is_letter_spaced, unspaced
from pipeline.document import Document
from pipeline.metadata import Metadata
from pipeline.scan import analyse
from tests.decide_support import scanned_suggestion

SPACED_DRAFT = (
    "临 湘 市 人 民 政 府 征 兵 办 公 室\n\n2 0 2 5 年 下 半 年 征 兵 任 务 分 解 表\n\n"
    "　　长安街道：18名\n　　五里牌街道：15名\n　　羊楼司镇：9名\n"
    "临湘市人民政府征兵办公室\n2025年7月2日\n"
)
STAR_MARK = "机★密\n\n国庆安保力量部署\n　　各派出所按方案布警。\n岳阳市公安局\n2025年9月1日\n"
HEADER_BARE = (
    "岳阳市应急管理局　秘密　第2页\n\n汛期值守力量调配\n"
    "　　各队按表到岗。\n岳阳市应急管理局\n2025年6月1日\n"
)
SHARES = (
    "关于分配2025年兵员征集任务的通知\n各乡镇人民政府：\n"
    "　　现将今年任务分配如下：\n　　城关镇　12名\n　　新墙镇　8名\n　　杨林街道　6名\n"
    "岳阳县人民政府征兵办公室\n2025年3月2日\n"
)
CONSCRIPTION_CALL = (
    "2025年征兵公告\n　　年满18至22周岁的男性青年均可报名应征，报名截止时间为6月30日。\n"
    "　　咨询电话：0730-8222111。\n岳阳县人民政府征兵办公室\n2025年1月5日\n"
)
COMMAND_POST = (
    "战时指挥保障预案\n　　一、市人防指挥所设在北门公园地下一层。\n"
    "　　二、通信由联通公司保障。\n岳阳市人民防空办公室\n2025年4月9日\n"
)
SIREN_TEST = (
    "关于2025年防空警报试鸣的公告\n　　定于9月18日10时在全市试鸣防空警报，请市民不要惊慌。\n"
    "岳阳市人民防空办公室\n2025年9月10日\n"
)
INSPECTION = (
    "关于第二季度重点项目督查情况的通报\n各乡镇人民政府，县直各单位：\n"
    "　　县政府督查室对重点项目开展了督查。督查发现，新墙镇安置房项目进度滞后，"
    "分管负责同志履职不力；县住建局窗口办件超时，相关科室负责人被约谈。\n　　请于十日内报送整改情况。\n岳阳县人民政府办公室\n2025年7月20日\n"
)
ACCOUNTABILITY = (
    "关于对某同志问责的初步意见\n　　经调查，该同志在防汛值守中脱岗。"
    "会上有同志认为应予诫勉，有同志认为批评教育即可，待县委审定。\n"
    "中共岳阳县纪律检查委员会\n2025年8月3日\n"
)


@pytest.mark.parametrize(
    ("text", "attribute", "article"),
    [
        (SPACED_DRAFT, "不予公开", "第十四条"),
        (STAR_MARK, "不予公开", "第十四条"),
        (HEADER_BARE, "不予公开", "第十四条"),
        (SHARES, "不予公开", "第十四条"),
        (CONSCRIPTION_CALL, "主动公开", "第十九条"),
        (COMMAND_POST, "不予公开", "第十四条"),
        (SIREN_TEST, "主动公开", "第十九条"),
        (INSPECTION, "主动公开", "第十九条"),
        (ACCOUNTABILITY, "不予公开", "第十六条"),
    ],
)
def test_seventeenth_kinds(tmp_path: Path, text: str, attribute: str, article: str) -> None:
    suggestion = scanned_suggestion(tmp_path, text)
    assert suggestion["attribute"] == attribute, suggestion["reasons"]
    assert article in suggestion["legal_basis"], suggestion["legal_basis"]


@pytest.mark.parametrize(
    ("line", "spaced"),
    [
        ("被 申 请 人 ： 某 区 卫 生 健 康 局", True),
        ("2  0  2  6  年  度  征  兵", True),
        ("樊城区人民政府办公室　秘密　第1页", False),
        ("申请人：张三  男  汉族", False),
        ("A B", False),
    ],
)
def test_letter_spacing(line: str, spaced: bool) -> None:
    assert is_letter_spaced(line) is spaced


@pytest.mark.parametrize(
    ("text", "closed"),
    [
        ("　　征 兵 任 务 分 配\n正文", "　　征兵任务分配\n正文"),  # the indent kept
        ("第1页　秘 密 ★ 1 年\n正文", "第1页　秘密★1年\n正文"),  # the header's gap kept
        ("1  2  3  4\n", "1234\n"),
    ],
)
def test_unspaced(text: str, closed: str) -> None:
    assert unspaced(text) == closed


@pytest.mark.parametrize(
    ("text", "starred", "header"),
    [
        ("秘★密\n正文", "秘★密", None),
        ("某局　机☆密★1年　第1页\n正文", "机☆密★1年", None),
        ("某某市人民政府办公室　秘密　第1页\n正文", None, "秘密"),
        ("第3页　绝密\n正文", None, "绝密"),
        ("关于做好秘密文件清理的通知\n正文", None, None),  # a title's words
        ("保密工作　秘密\n正文", None, None),  # no page, no organ beside it
        # a word of the line's prose, set off by an OCR's stray spaces (review21)
        ("某局关于印发《商业 秘密 保护指引》的通知\n正文", None, None),
        ("关于 机密 文件 定密 的 通知 某局\n正文", None, None),
        ("某区保密局 机密 级 文件 管理 办法\n正文", None, None),
        ("某区人民政府办公室 保守 秘密 工作 要点\n正文", None, None),
        ("某某区市场监督管　秘密　第1页\n正文", None, "秘密"),  # the organ cut, the page beside
        ("秘密　某某区人民政府办公室　第2页\n正文", None, "秘密"),
    ],
)
def test_odd_marks(text: str, starred: str | None, header: str | None) -> None:
    assert starred_mark(text) == starred
    assert header_level(text) == header


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (SHARES, True),
        (CONSCRIPTION_CALL, False),
        ("征兵工作总结\n　　全县共输送新兵120名。\n", False),  # one total, no shares
    ],
)
def test_conscription_shares(text: str, secret: bool) -> None:
    assert (conscription_reason(text, Metadata()) is not None) is secret


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (COMMAND_POST, True),
        (SIREN_TEST, False),
        ("人防工程易地建设费收费标准\n正文\n", False),
        # a published 防汛应急预案's 现场指挥所 (review21): no 人防 or wartime word
        (
            "某区防汛应急预案\n　　发生险情时，现场指挥所设在事发地附近安全区域，"
            "由区应急管理局负责同志任指挥长。\n",
            False,
        ),
        ("人防工作要点\n　　应急指挥所设在区政府地下一层。\n", True),
    ],
)
def test_civil_defence(text: str, secret: bool) -> None:
    assert (civil_defence_reason(text, Metadata()) is not None) is secret


def test_bulletin_and_accountability() -> None:
    assert bulletin_reason("", INSPECTION) is not None
    assert bulletin_reason("", ACCOUNTABILITY) is None
    assert accountability_reason(Metadata(), ACCOUNTABILITY) is not None
    assert accountability_reason(Metadata(), INSPECTION) is None


SPACED_PENALTY = (
    "某区卫生健康局行政处罚决定书\n某卫罚〔2024〕12号\n"
    "被 处 罚 人 ： 张 建 国\n身 份 证 号 ： 3 5 0 5 0 2 1 9 9 0 0 3 0 7 1 0 1 5\n"
    "经查，当事人未取得医师执业证书擅自执业。\n某区卫生健康局\n2024年5月6日\n"
)


def test_a_spaced_line_is_redacted_where_it_stands() -> None:
    """What the recognizers read in a closed-up line is redacted in the line as printed:
    the whole spaced ID and name, not the piece a recognizer of the spaced text took for a
    phone number (review21)."""
    document = Document(
        source="x.txt", sha256="0", format="txt", text=SPACED_PENALTY, body_end=len(SPACED_PENALTY)
    )
    analysis = analyse(document)
    redacted = {SPACED_PENALTY[r.start : r.end] for r in analysis.redactions}
    assert "3 5 0 5 0 2 1 9 9 0 0 3 0 7 1 0 1 5" in redacted
    assert "张 建 国" in redacted
    assert all(SPACED_PENALTY[f.start : f.end] == f.text for f in analysis.findings)
