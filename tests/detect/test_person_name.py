"""Names of private persons vs officials in office; anonymised forms are not names."""

from __future__ import annotations

import pytest

from pipeline.detect import person_name
from pipeline.detect.chinese_name import read_name
from pipeline.detect.person_name import PersonRecognizer
from tests.detect.helpers import found

R = PersonRecognizer()


def _names(text: str, role: str = "private") -> list[str]:
    return [f.text for f in found(R, text) if f.role == role]


@pytest.mark.parametrize(
    ("text", "private"),
    [
        ("申请人：陈嘉豪\n", ["陈嘉豪"]),
        ("当事人：谭永辉　性别：男", ["谭永辉"]),
        ("建设单位联系人：于海涛（公司环保负责人）", ["于海涛"]),  # 于 is also a preposition
        ("拦截冷藏车一辆，车主黄德军（联系电话：略）", ["黄德军"]),
        ("2024年6月21日，曾国平驾驶车辆……受伤害职工：曾国平　性别：男", ["曾国平", "曾国平"]),
        ("约2.3亩为村民潘德胜承包经营的菜地", ["潘德胜"]),
        ("个体经营者李红霞销售添加非食用物质的食品", ["李红霞"]),
        ("　　一、吴建英，女，身份证号码略，家住某地。", ["吴建英"]),
        (
            "序号　户主姓名　补贴金额\n1　张国华　582.40\n2　欧阳振华　332.80",
            ["张国华", "欧阳振华"],
        ),
        ("清城住建依复〔2024〕27号\n陈嘉豪：\n　　本机关于……", ["陈嘉豪"]),
        ("法定代表人：钟永康　身份证号码：略", ["钟永康"]),
        ("申请人王某某、李某对处理意见不服", []),  # anonymised
        ("经农户申报、村民委员会审核", []),  # 申报 is a verb
        ("申请人于2024年5月28日提交申请", []),
        ("当事人应自收到本决定书之日起十五日内缴纳罚款", []),
    ],
)
def test_private_names(text: str, private: list[str]) -> None:
    assert _names(text) == private


@pytest.mark.parametrize(
    ("text", "official"),
    [
        ("2024年5月20日下午，副区长李卫东主持召开专题会议", ["李卫东"]),
        ("浈民〔2024〕31号　　签发人：罗建平", ["罗建平"]),
        ("执法人员：何健文（执法证号：44180221003）", ["何健文"]),
    ],
)
def test_officials_are_reported_as_official(text: str, official: list[str]) -> None:
    assert _names(text, "official") == official
    assert _names(text) == []


def test_private_and_official_side_by_side() -> None:
    text = "申请人：陈嘉豪\n　　经办人：周建华，电话略。"
    roles = {f.text: f.role for f in found(R, text)}
    assert roles == {"陈嘉豪": "private", "周建华": "official"}


def test_street_named_like_a_person_is_not_a_mention() -> None:
    text = "申请人：张国华\n　　地址：某市张国华路8号"
    assert [f.start for f in found(R, text)] == [4]


@pytest.mark.parametrize(
    ("text", "name"), [("欧阳振华　男", "欧阳振华"), ("梁伟　男", "梁伟"), ("某某局", None)]
)
def test_read_name(text: str, name: str | None) -> None:
    assert read_name(text, 0) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("申请人：王　东，男，汉族", "王　东"),  # padded to align with three-character names
        ("申请人：陈嘉\n豪（身份证号码略）", "陈嘉\n豪"),  # broken by the typist's line wrap
        ("　　一、王　东，男，身份证号码略", "王　东"),
        ("当事人：欧阳\n振华，男", "欧阳\n振华"),
    ],
)
def test_padded_or_broken_name_is_one_span(text: str, name: str) -> None:
    assert [f.text for f in found(R, text) if f.role == "private"] == [name]


@pytest.mark.parametrize(
    ("text", "private"),
    [
        # No role word before these names: the NER model finds them in sentences about people.
        ("经查，张伟于2023年5月在本市经营餐馆，未办理食品经营许可证。", ["张伟"]),
        ("群众王秀兰来电反映，其家住东风路附近，噪音扰民。", ["王秀兰"]),
        ("信访人称，其父亲陈国栋于去年去世。", ["陈国栋"]),
        # Pieces of words the model may tag are not names (监管|平台, 严格|依法).
        ("加强监管平台建设，严格依法办事，群众反映强烈。", []),
        ("以习近平同志为核心的党中央高度重视。", []),
    ],
)
def test_names_from_the_ner_model(text: str, private: list[str]) -> None:
    assert _names(text) == private


def test_model_names_carry_the_models_reason() -> None:
    (finding,) = PersonRecognizer().analyze("经查，张伟于2023年5月在本市经营餐馆。")
    assert finding.score < 0.8 and "模型" in finding.explanation and "请核对" in finding.explanation


def test_rules_work_without_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(person_name, "entities", lambda texts: [[] for _ in texts])
    assert _names("经查，张伟于2023年5月在本市经营餐馆。") == []
    assert _names("申请人：陈嘉豪，男。") == ["陈嘉豪"]
