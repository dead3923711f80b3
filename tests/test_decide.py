"""The decision rules, one small document each, and the safety property: nothing that
carries a 密级 marking, in any of its written forms, is ever suggested for publication."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from tests.decide_support import POLICY, suggest_and_redact


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
    suggestion, redactions = suggest_and_redact(text)
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
    suggestion, redactions = suggest_and_redact(LIST)
    assert suggestion.attribute == "部分公开"
    assert "第三十七条" in suggestion.legal_basis and "第二十一条" in suggestion.legal_basis
    labels = {r.label for r in redactions}
    assert labels == {"ID_CARD"}
    assert any("名单" in reason for reason in suggestion.reasons)


def test_public_list_with_names_only_is_published() -> None:
    text = "\n".join(
        line.rsplit("　", 2)[0] if line[:1].isdigit() else line for line in LIST.split("\n")
    )
    suggestion, redactions = suggest_and_redact(text.replace("　身份证号码", ""))
    assert suggestion.attribute == "主动公开" and redactions == []


def test_drafters_marking_disagreement_is_stated() -> None:
    suggestion, _ = suggest_and_redact("机密★5年\n" + POLICY + "（此件公开发布）\n")
    assert suggestion.attribute == "不予公开"
    assert any("此件公开发布" in r and "不一致" in r for r in suggestion.reasons)
    agreeing, _ = suggest_and_redact(POLICY + "（此件公开发布）\n")
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
    suggestion, _ = suggest_and_redact(text)
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
    suggestion, _ = suggest_and_redact(case["text"])
    assert suggestion.attribute == case["attribute"], (case["note"], suggestion.reasons)


# --- issue 20: unmarked state secrets, internal affairs, case files, one party or published

EXAM_NOTICE = (
    "某某县教育局关于做好2024年中考试卷交接工作的通知\n各考点：\n"
    "　　本次考试试卷共36箱，参考答案及评分标准4份，已于6月1日送印完毕，启用前存放于县教育局保密室。\n"
    "某某县教育局\n2024年6月3日\n"
)
NEW_RULES = [
    (EXAM_NOTICE, "不予公开", "第十四条", True),
    (
        "2024年事业单位公开招聘笔试题本\n一、单项选择题（每题1分）\n1．下列说法正确的是（　）\n"
        "A．甲　B．乙　C．丙　D．丁\n参考答案：1．B\n",
        "不予公开",
        "第十四条",
        True,
    ),
    (
        "某某县人民政府征兵办公室关于下达2024年下半年征兵任务的通知\n各乡镇人民武装部：\n"
        "　　城关镇征集任务23名，东风镇征集任务17名。\n"
        "　　新兵于9月10日8时在县人武部集结，乘K315次专列起运。\n某某县人民政府征兵办公室\n2024年8月1日\n",
        "不予公开",
        "第十四条",
        True,
    ),
    (
        "某某市人民防空办公室关于重点人防工程维护管理情况的报告\n市人民政府：\n"
        "　　城区人防指挥所位于青龙湾地下二层，东经113°20′、北纬23°08′。\n某某市人民防空办公室\n2024年5月6日\n",
        "不予公开",
        "第十四条",
        True,
    ),
    (
        "关于2024年防汛救灾物资储备情况的报告\n县防汛抗旱指挥部：\n"
        "　　县救灾物资储备库现存帐篷420顶、棉被3600床，储备点设于东风仓库。\n某某县应急管理局\n2024年5月6日\n",
        "不予公开",
        "第十四条",
        True,
    ),
    (
        "王建国同志考察材料\n　　王建国，男，现任某某县发展和改革局副局长。\n"
        "　　主要不足：工作方法有时简单，性格较急躁，有待改进。\n",
        "不予公开",
        "第十六条",
        False,
    ),
    (
        "某某县市场监督管理局\n询 问 笔 录\n询问时间：2024年3月26日9时10分\n"
        "被询问人：贾二锁　性别：男\n问：你是否申请回避？\n答：不申请。\n",
        "不予公开",
        "第十六条",
        False,
    ),
    (
        "某某县综合行政执法局\n案件集体讨论记录\n　　讨论意见：拟对当事人处以罚款5000元。\n",
        "不予公开",
        "第十六条",
        False,
    ),
    (
        "某某区综合行政执法局\n行政处罚决定书\n综执罚决字(2024)第0003562号\n"
        "当事人姓名：刘国华，男，1975年3月出生，住某某区东风村3组12号。\n"
        "　　当事人擅自占道经营，本机关决定处以罚款500元。\n某某区综合行政执法局\n2024年5月6日\n",
        "依申请公开",
        "第十五条",
        False,
    ),
    (
        "某某市生态环境局\n责令改正通知书\n环责改字(2024)第0000231号\n某某焦化有限公司：\n"
        "　　统一社会信用代码：91140121MA0GT5W93C\n　　法定代表人：皇甫志成　联系电话：13903517426\n"
        "　　经查，你公司违法排放大气污染物，现责令你公司立即改正。\n某某市生态环境局\n2024年6月27日\n",
        "部分公开",
        "第二十条",
        False,
    ),
    (
        "某某区人民政府行政复议决定书\n某政复〔2025〕第047号\n"
        "申请人：欧阳晓岚，女，住某某区大儒巷56号3幢201室，联系电话13962117058。\n"
        "被申请人：某某区市场监督管理局。\n　　本机关决定撤销被申请人作出的政府信息公开申请答复，责令重新答复。\n",
        "部分公开",
        "第三十七条",
        False,
    ),
    (
        "某某区人民政府行政复议决定书\n某政复〔2025〕第048号\n"
        "申请人：李桂兰，女，1962年出生，住某某区东风村3组5号。\n被申请人：某某区人力资源和社会保障局。\n"
        "　　申请人不服工伤认定。本机关认为，被申请人认定事实清楚，决定维持该行政行为。\n",
        "依申请公开",
        "第十五条",
        False,
    ),
    (
        "某某县司法局\n给予法律援助决定书\n援决〔2024〕12号\n申请人：张秀英，女。\n"
        "　　经审查，你的申请符合法律援助条件，决定给予法律援助。\n",
        "依申请公开",
        "第十五条",
        False,
    ),
]


def test_public_list_with_addresses_in_prose_is_never_published_whole() -> None:
    """Hard rule: the names stay, the addresses must go, even if no detector read them."""
    text = (
        "2024年第二季度临时救助对象名单公示\n"
        "　　经审核，现将救助对象公示如下：张某（住东风村3组12号），补助800元；"
        "李某（住红星村5组7号），补助600元。\n某某县民政局\n2024年6月3日\n"
    )
    suggestion, _ = suggest_and_redact(text)
    assert suggestion.attribute == "部分公开", suggestion.reasons
    assert any("住址" in reason for reason in suggestion.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "某某县人力资源和社会保障局关于2024年公开招聘事业单位工作人员的公告\n"
        "　　笔试科目为《综合应用能力》。命题、审题人员严禁泄露试题，违者依法追究责任。\n"
        "某某县人力资源和社会保障局\n2024年5月6日\n",
        "某某县人民政府2024年征兵工作通告\n　　年满18至22周岁的男性青年均可报名应征。\n"
        "某某县人民政府\n2024年5月6日\n",
        "干部任前公示\n　　经民主推荐、组织考察、讨论决定，现将拟任职人选公示如下：\n"
        "　　王建国，现任某某县发展和改革局副局长，拟任局长。\n中共某某县委组织部\n2024年5月6日\n",
    ],
)
def test_public_near_misses_stay_public(text: str) -> None:
    suggestion, _ = suggest_and_redact(text)
    assert suggestion.attribute == "主动公开", suggestion.reasons


def test_a_critical_rule_signal_caps_the_confidence_and_says_why() -> None:
    text = (
        "某某县人力资源和社会保障局关于2024年公开招聘事业单位工作人员的公告\n"
        "　　命题、审题人员严禁泄露试题，违者依法追究责任。\n某某县人力资源和社会保障局\n2024年5月6日\n"
    )
    suggestion, _ = suggest_and_redact(text)
    assert suggestion.confidence <= 0.5
    assert any("关键规则" in reason for reason in suggestion.reasons)


EXAM_NOUNS = st.sampled_from(["试题", "试卷", "参考答案", "评分标准", "题本", "A卷和B卷试卷"])
BEFORE = st.sampled_from(
    ["启用前存放于县教育局保密室", "已于6月1日送印", "考试前由专人押运交接", "封存于县招生考试中心"]
)
WRITTEN_MARKS = st.sampled_from(
    [
        "秘密★1年",
        "机密（★5年）",
        "密级：秘密",
        "密级：机密　保密期限：10年",
        "秘密 · 启用前",
        "绝密 ★ 长期",
        "机 密★5年",
        "秘密＊启用前",
    ]
)


@settings(max_examples=40, deadline=None)
@given(
    noun=EXAM_NOUNS,
    before=BEFORE,
    count=st.integers(min_value=2, max_value=90),
    where=st.sampled_from(["head", "body", "tail"]),
    body=FILLER,
)
def test_no_exam_content_before_use_is_ever_suggested_for_publication(
    noun: str, before: str, count: int, where: str, body: str
) -> None:
    sentence = f"　　本次考试{noun}共{count}份，{before}。"
    lines = POLICY.rstrip("\n").split("\n")
    position = {"head": 2, "body": 4, "tail": len(lines) - 2}[where]
    text = "\n".join([*lines[:position], sentence, *lines[position:]]) + "\n" + body
    suggestion, _ = suggest_and_redact(text)
    assert suggestion.attribute not in ("主动公开", "部分公开"), (sentence, suggestion.reasons)


@settings(max_examples=30, deadline=None)
@given(mark=WRITTEN_MARKS, where=st.sampled_from(["first", "after_title", "last"]), body=FILLER)
def test_no_marking_in_any_written_form_is_ever_suggested_for_publication(
    mark: str, where: str, body: str
) -> None:
    lines = POLICY.rstrip("\n").split("\n")
    at = {"first": 0, "after_title": 1, "last": len(lines)}[where]
    text = "\n".join([*lines[:at], mark, *lines[at:]]) + "\n" + body
    suggestion, _ = suggest_and_redact(text)
    assert suggestion.attribute not in ("主动公开", "部分公开"), (mark, suggestion.reasons)


@pytest.mark.parametrize(("text", "attribute", "article", "escalate"), NEW_RULES)
def test_issue_20_rules(text: str, attribute: str, article: str, escalate: bool) -> None:
    suggestion, _ = suggest_and_redact(text)
    assert suggestion.attribute == attribute, suggestion.reasons
    assert article in suggestion.legal_basis, suggestion.legal_basis
    assert suggestion.needs_escalation is escalate
