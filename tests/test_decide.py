"""The decision rules, one small document each, and the safety property: nothing that
carries a 密级 marking, in any of its written forms, is ever suggested for publication."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.decide import suggest
from pipeline.detect import detect
from pipeline.metadata import extract_metadata
from pipeline.redact.proposals import proposed_redactions
from tests.conftest import ROOT

POLICY = (
    "韶关市武江区人民政府办公室关于切实做好2024年春季森林防灭火工作的通知\n"
    "各镇人民政府，区直有关单位：\n"
    "　　为切实做好森林防灭火工作，现就有关事项通知如下。\n"
    "　　一、各镇要落实森林防灭火责任制，加强巡山护林。\n"
    "韶关市武江区人民政府办公室\n2024年2月20日\n"
)


def _suggest(text: str):  # type: ignore[no-untyped-def]
    findings = detect(text)
    suggestion = suggest(text, extract_metadata(text), findings)
    return suggestion, proposed_redactions(suggestion, findings)


@pytest.mark.parametrize(
    ("text", "attribute", "basis", "escalate"),
    [
        (POLICY, "主动公开", ["第十九条", "第二十条"], False),
        ("机密★5年\n" + POLICY, "不予公开", ["第十四条"], False),
        (
            "内部资料　注意保存\n舆情专报\n2024年第6期\n　　近期网络出现关于收费定价的讨论。\n",
            "不予公开",
            ["第十六条"],
            False,
        ),
        (
            "宜昌市粮食和物资储备局关于下达2024年市级储备粮轮换计划的通知\n各承储企业：\n"
            "　　截至2024年5月31日，市级储备粮实际库存小麦3.82万吨、稻谷5.16万吨，存放于夷陵区鸦鹊岭直属库。\n",
            "不予公开",
            ["第十四条"],
            True,
        ),
        (
            "武江区人民政府专题会议纪要\n武府专纪〔2024〕15号\n"
            "　　会议讨论时，区自然资源局对该地块规划用途调整存在不同意见，会上未形成一致意见。\n",
            "不予公开",
            ["第十六条"],
            False,
        ),
        (
            "韶关市住房和城乡建设局\n政府信息公开申请答复书\n韶建依复〔2024〕27号\n陈嘉豪：\n"
            "　　本机关于2024年3月1日收到你提出的政府信息公开申请，现答复如下。\n",
            "依申请公开",
            ["第十五条"],
            False,
        ),
        (
            "韶关市交通运输局\n行政处罚决定书\n韶交执罚〔2024〕0218号\n"
            "当事人：谭永辉　性别：男　年龄：41岁\n身份证号码：44022119821108455X\n"
            "　　本机关决定对当事人处以罚款5000元。\n",
            "依申请公开",
            ["第十五条"],
            False,
        ),
        (
            "清远市清城区应急管理局\n行政处罚决定书\n（清城）应急罚〔2024〕08号\n"
            "被处罚单位：清远市鑫源五金制品有限公司\n统一社会信用代码：91441802MA4W8K3T2B\n"
            "法定代表人：钟永康　身份证号码：441802197805141232\n"
            "　　本机关决定对你单位处以罚款3万元。\n",
            "部分公开",
            ["第十五条", "第十九条", "第二十条", "第三十七条"],
            False,
        ),
    ],
)
def test_rules(text: str, attribute: str, basis: list[str], escalate: bool) -> None:
    suggestion, redactions = _suggest(text)
    assert suggestion.attribute == attribute, suggestion.reasons
    assert suggestion.legal_basis == basis
    assert suggestion.needs_escalation is escalate
    assert suggestion.reasons and 0.0 < suggestion.confidence <= 1.0
    if attribute == "不予公开":
        assert redactions == []  # withheld whole: nothing to black out


LIST = (
    "曲江区农业农村局关于2024年耕地地力保护补贴发放对象的公示\n"
    "　　现将补贴发放对象名单予以公示。\n"
    "序号　姓名　性别　身份证号码　金额（元）\n"
    "1　吴建英　女　330411197203154421　1200\n"
    "2　黄德军　男　440205196504123419　860\n"
    "曲江区农业农村局\n2024年5月6日\n"
)


def test_public_list_keeps_names_and_redacts_ids() -> None:
    suggestion, redactions = _suggest(LIST)
    assert suggestion.attribute == "部分公开"
    assert "第三十七条" in suggestion.legal_basis and "第二十一条" in suggestion.legal_basis
    labels = {r.label for r in redactions}
    assert labels == {"ID_CARD"}
    assert any("名单" in reason for reason in suggestion.reasons)


def test_public_list_with_names_only_is_published() -> None:
    text = "\n".join(
        line.rsplit("　", 2)[0] if line[:1].isdigit() else line for line in LIST.split("\n")
    )
    suggestion, redactions = _suggest(text.replace("　身份证号码", ""))
    assert suggestion.attribute == "主动公开" and redactions == []


def test_drafters_marking_disagreement_is_stated() -> None:
    suggestion, _ = _suggest("机密★5年\n" + POLICY + "（此件公开发布）\n")
    assert suggestion.attribute == "不予公开"
    assert any("此件公开发布" in r and "不一致" in r for r in suggestion.reasons)
    agreeing, _ = _suggest(POLICY + "（此件公开发布）\n")
    assert any("一致" in r and "不一致" not in r for r in agreeing.reasons)


MARKS = st.sampled_from(["绝密", "机密", "秘密", "机 密", "秘　密", "绝 密"])
PERIODS = st.sampled_from(["", "★", "★5年", "★10年", "★启用前", "★长期", "☆1年", " ★ 3年", "★一年"])
FILLER = st.text(
    alphabet="关于做好工作的通知各单位要落实责任现将有关事项如下一二三，。\n", max_size=60
)


@settings(max_examples=60, deadline=None)
@given(
    mark=MARKS,
    period=PERIODS,
    before=st.sampled_from(["", "000123\n", "份号：0012\n"]),
    body=FILLER,
)
def test_no_marked_secret_is_ever_suggested_for_publication(
    mark: str, period: str, before: str, body: str
) -> None:
    text = f"{before}{mark}{period}\n{POLICY}{body}"
    suggestion, _ = _suggest(text)
    assert suggestion.attribute not in ("主动公开", "部分公开"), (text[:40], suggestion.reasons)


CASES = [
    json.loads(line)
    for line in (ROOT / "data" / "attribute_cases" / "cases.jsonl")
    .read_text(encoding="utf-8")
    .splitlines()
    if line
]


@pytest.mark.parametrize("case", CASES, ids=[c["note"][:12] for c in CASES])
def test_hand_written_cases(case: dict[str, str]) -> None:
    suggestion, _ = _suggest(case["text"])
    assert suggestion.attribute == case["attribute"], (case["note"], suggestion.reasons)
