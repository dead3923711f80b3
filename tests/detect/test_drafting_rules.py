"""Rules written from how offices draft (issue 19), one table per recognizer: names cut by
a line wrap, padded after a person noun, double surnames, a company's head, officials
known by a 执法证号 elsewhere, village cadres, short office names, comma-separated member
lists, a signature alone on its line; departments' opinions; a company the letter speaks
to; penalty 公示 that publish no names. Every text is written here."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.decide import suggest
from pipeline.detect.clauses import ClauseRecognizer
from pipeline.detect.judge import JudgedPersonRecognizer, official_near
from pipeline.detect.proposals import person_proposals
from pipeline.detect.registry import detect
from pipeline.metadata import extract_metadata
from pipeline.training.fake import resident_id

ID1 = resident_id("440205", date(1979, 3, 8), 123)
CONTEXT = f"申请人：王小红，身份证号码：{ID1}。\n"  # a document about private persons


def person_roles(text: str) -> dict[str, str]:
    return {f.text: f.role or "" for f in JudgedPersonRecognizer().analyze(text)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (CONTEXT + "所列联系人为你公司质量部员工郜晓\n鹏（联系电话：见附件）。", "郜晓\n鹏"),
        (CONTEXT + "相邻商户苑\u3000静证实，该店此前已被劝导两次。", "苑\u3000静"),
        (CONTEXT + "您父亲司马德福名下的房屋已登记。", "司马德福"),
        (CONTEXT + "经查，时任村党支部书记甄\u3000福知情。", "甄\u3000福"),
        (CONTEXT + "专班成员：黄国梁，邓慧敏，韦春燕，负责入户核查。", "邓慧敏"),
    ],
)
def test_private_names_offices_write(text: str, name: str) -> None:
    roles = person_roles(text)
    assert roles.get(name) == "private", roles


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("申请人：沈阳北方重型机械配套有限公司\n", "沈阳北"),  # a company's head
        ("您父亲司马德福名下的房屋已登记。", "马德"),  # a double surname read from its middle
    ],
)
def test_no_proposal_for_pieces_of_other_words(text: str, absent: str) -> None:
    assert absent not in [p.text for p in person_proposals(text)]


def test_an_official_marked_once_is_official_everywhere() -> None:
    text = (
        "被询问人：贾二锁\n询问人：崔卫东（执法证号：13011001227）\n问：房屋是谁建的？\n"
        "被询问人（签名）：贾二锁\n询问人（签名）：崔卫东\u3000席\u3000敏\n"
    )
    roles = person_roles(text)
    assert roles.get("贾二锁") == "private"
    assert roles.get("崔卫东") == "official", roles


@pytest.mark.parametrize(
    ("text", "name", "unit"),
    [
        ("城市更新办 何子健\n", "何子健", "城市更新办"),
        (
            "联系人：区医疗保障局待遇保障股\u3000白\u3000玛\u3000\u3000电话：0891-6412305",
            "白\u3000玛",
            "股",
        ),
        ("班组长令狐建军一同将其送往医院。", "令狐建军", None),  # an employee's title
        ("时任村党支部书记甄福作证。", "甄福", None),  # a village cadre
    ],
)
def test_official_near(text: str, name: str, unit: str | None) -> None:
    start = text.index(name)
    assert official_near(text, start, start + len(name)) == unit


@pytest.mark.parametrize(
    ("text", "label", "span"),
    [
        (  # departments' opinions on a matter not yet decided, across a semicolon
            "区工业和信息化局认为其研发的系统已实现量产，同意认定；区科技创新局认为其排名第五，"
            "不符合条件，不同意认定。",
            "INTERNAL",
            "区工业和信息化局认为其研发的系统已实现量产，同意认定；区科技创新局认为其排名第五，"
            "不符合条件，不同意认定",
        ),
        (  # a company the letter speaks to, named elsewhere; the secret after 载明
            "桂林市米粉食品有限公司：\n　　贵公司提交的《工艺流程说明》载明卤水按3∶2∶1配比慢火熬制6小时，"
            "米粉发酵时间控制在36至40小时。",
            "TRADE_SECRET",
            "卤水按3∶2∶1配比慢火熬制6小时，米粉发酵时间控制在36至40小时",
        ),
    ],
)
def test_clauses(text: str, label: str, span: str) -> None:
    assert (label, span) in [(f.label, f.text) for f in ClauseRecognizer().analyze(text)]


def test_a_policy_opinion_is_no_internal_clause() -> None:
    text = "　　国务院办公厅关于加强基层治理的意见指出，要提高服务水平。"
    assert [f for f in ClauseRecognizer().analyze(text) if f.label == "INTERNAL"] == []


def test_a_penalty_notice_publishes_no_names() -> None:
    """A 行政处罚 公示 publishes decisions; the natural persons' names are redacted."""
    text = (
        "某区城市管理综合行政执法局2024年8月行政处罚决定信息公示\n"
        "　　现将本局作出的行政处罚决定信息公示如下：\n"
        f"序号\t决定书文号\t当事人\t身份证号码\n1\t某城管罚〔2024〕0811号\t郭蕊\t{ID1}\n"
    )
    findings = detect(text)
    suggestion = suggest(text, extract_metadata(text), findings)
    assert not suggestion.keep_names
