"""The ninth pass's clause kinds (issue 19): sentences of the kinds of
``pipeline/training/clause_families_ninth.py``, each worded otherwise than the families'
templates — 兵役 tasks and transport, 人防 sites, 测绘 results,
reserve stock, 考察 remarks, personnel deliberations, 领导批示, 会商 and 内部通报 — and
the published wording that shares their words and must stay quiet. All sentences are
written for this project; names and figures are invented.
"""

from __future__ import annotations

import pytest

from pipeline.detect.clauses import ClauseRecognizer
from pipeline.detect.state_secret import public_notice
from tests.detect.test_clause_kinds import _hit

R = ClauseRecognizer()

SECRET = [
    ("今年我县承担新兵征集任务65名，其中城关镇12名、河口乡9名", "S9-recruit-task"),
    ("新兵于9月15日凌晨5时乘大巴沿京港澳高速赴长沙南站，再转乘专列", "S9-transport"),
    ("城南人防指挥所位于体育中心地下二层，坐标东经113°12′、北纬28°11′", "S9-air-defence"),
    ("三号控制点高程为126.48米，平面坐标X=3127845.21，Y=512846.33，成果不得对外提供", "S9-survey"),
    ("县储备库现存柴油1,850吨，可供全县应急使用12天，库址在青山工业园北侧", "S9-depot"),
]
INTERNAL = [
    ("个别谈话中，有3名同志反映该同志作风较为霸道，听不进不同意见", "I9-remarks"),
    (
        "局党组讨论办公室主任人选时，张伟主张内部提拔，李强主张外部选调，未形成一致意见",
        "I9-weighing",
    ),
    ("王局长批示：此件暂不对外，请法规科研究提出意见后再报", "I9-instruction"),
    ("两部门会商中，住建局认为应由街道负责，城管局认为应由住建局牵头，分歧较大", "I9-consultation"),
    ("经查，陈明同志上班期间多次擅自离岗，给予机关内部通报批评，扣发当月绩效奖金", "I9-discipline"),
]
PUBLISHED = [
    ("涉及国家秘密的政府信息，行政机关不予公开，并书面告知申请人。", "N9-secrecy-law"),
    ("考生应于开考前30分钟凭准考证和身份证进入考场，迟到15分钟不得入场。", "N9-exam-notice"),
    ("欢迎广大适龄青年积极报名应征，报名截止时间为6月30日。", "N9-conscription"),
    ("建立政府储备与企业社会责任储备相结合的粮食储备体系，储备粮轮换实行公开竞价。", "N9-reserve"),
    (
        "经县政府研究决定：任命李华为县发展和改革局局长，免去张强的县发展和改革局局长职务。",
        "N9-appointment",
    ),
    ("考试结束后，试题及参考答案将在省人事考试网公布。", "N9-answers-after"),
]


@pytest.mark.parametrize("span", [pytest.param(s, id=i) for s, i in SECRET])
def test_state_secrets_of_the_ninth_kinds(span: str) -> None:
    _hit("　　" + span + "。\n", "STATE_SECRET", span)


@pytest.mark.parametrize("span", [pytest.param(s, id=i) for s, i in INTERNAL])
def test_internal_matters_of_the_ninth_kinds(span: str) -> None:
    _hit("　　" + span + "。\n", "INTERNAL", span)


@pytest.mark.parametrize("sentence", [pytest.param(s, id=i) for s, i in PUBLISHED])
def test_published_wording_of_the_ninth_kinds_stays_quiet(sentence: str) -> None:
    assert [(f.label, f.text) for f in R.analyze("　　" + sentence + "\n")] == []


@pytest.mark.parametrize(
    ("sentence", "public"),
    [
        ("一季度全市地区生产总值增长5.2%，数据已于4月20日发布", True),
        ("上半年居民消费价格指数已正式公布，同比上涨0.8%", True),
        ("前三季度全市生产总值增长5.3%，该数据将于10月20日正式发布", False),
        ("本月物价指数快报为同比上涨1.2%，发布前仅限本报告使用", False),
    ],
)
def test_figures_already_released_are_public(sentence: str, public: bool) -> None:
    assert public_notice(sentence) == public
