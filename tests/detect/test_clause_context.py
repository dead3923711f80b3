"""The document's kind as context for its sentences (pipeline/detect/clause_context.py), and
the sentence rules the fourteenth clause pass added (internal_rules.py, state_secret.py).

Each row is a sentence in a draft whose head says what paper it is; the rows were written
from how 考察材料, 纪要, 案审 records, 命题 reports, reserve reports, permit files and result
公告 are drafted (benchmarks/clause_fourteenth.py measures the rules on drafts of another
generator). Each fails without its rule.
"""

from __future__ import annotations

import pytest

from pipeline.detect.clause_context import document_context, formula_or_title
from pipeline.detect.clauses import ClauseRecognizer
from pipeline.detect.internal_rules import internal_cue
from pipeline.detect.state_secret import state_cue

LEAD = "为认真贯彻落实上级有关部署要求，结合我县实际，现将有关情况报告如下。"


def draft(title: str, sentence: str, to: str = "县人民政府") -> str:
    """A GB/T 9704-like head with ``title``, an opening paragraph (the title is out of the
    sentence's sight), then ``sentence``."""
    return (
        f"安丰县某某局文件\n安丰发〔2025〕12号\n\n{title}\n\n{to}：\n"
        f"\u3000\u3000{LEAD}\n\u3000\u3000{sentence}\n"
    )


def labels_on(text: str, sentence: str) -> set[str]:
    start = text.index(sentence)
    return {
        f.label
        for f in ClauseRecognizer().analyze(text)
        if f.start < start + len(sentence) and start < f.end
    }


@pytest.mark.parametrize(
    ("title", "sentence", "label"),
    [
        # a 考察材料: a remark on the person with no frame in the sentence
        ("关于张某同志的考察材料", "同时，性子偏急，批评干部时方式方法欠妥。", "INTERNAL"),
        ("关于李某同志的考察材料", "另外，对下属要求偏宽，存在老好人思想。", "INTERNAL"),
        ("关于王某同志的考察材料", "总体评价\t23\t4\t1\t0", "INTERNAL"),
        # a 纪要 or 讨论记录: a member or department taking a position
        (
            "某某局党组会议纪要",
            "财政局的同志担心，若按第一种办法测算，明年需新增支出约1394万元。",
            "INTERNAL",
        ),
        ("某某局党组会议纪要", "李主任主张先在两个小区试点，等经验成熟后再推开。", "INTERNAL"),
        (
            "某建材厂案件集体讨论记录",
            "刘委员表示，同类案件去年都是减半处罚的，这次不宜从严。",
            "INTERNAL",
        ),
        # a 命题 report: the marking scheme before use
        (
            "关于做好公开遴选笔试命题工作的报告",
            "评分时，观点明确、论证充分的给30分以上，偏离主题的不超过15分。",
            "STATE_SECRET",
        ),
        # a report on reserves: a quantity beside a depot, as a table row
        ("关于地方储备管理情况的汇报", "小麦\t7801吨\t城关镇中心库", "STATE_SECRET"),
        # a file about one company (named in the title): its process, no name in the sentence
        (
            "关于宏泰新材料有限公司年产8万吨新材料项目的审查意见",
            "产品配方中，主料占比61%，复配的两种助剂合计约6%，其余为填料。",
            "TRADE_SECRET",
        ),
        (
            "关于宏泰新材料有限公司年产8万吨新材料项目的审查意见",
            "企业申报材料显示，其主反应釜在93℃、5.2兆帕条件下运行，物料停留时间约81分钟。",
            "TRADE_SECRET",
        ),
    ],
)
def test_the_paper_frames_the_sentence(title: str, sentence: str, label: str) -> None:
    text = draft(title, sentence)
    assert label in labels_on(text, sentence)


@pytest.mark.parametrize(
    ("title", "sentence"),
    [
        # the same words in published papers, or in a paper of another kind
        ("关于2024年度考核优秀等次人员的公示", "另外，对下属要求偏宽的，年度考核不得评为优秀。"),
        ("关于地方储备管理情况的通告", "小麦\t7801吨\t城关镇中心库"),
        (
            "关于3起食品安全违法典型案例的通报",
            "执法人员发现后厨冷库存放超过保质期的牛肉卷12.5千克。",
        ),
        ("某某局党组会议纪要", "会议认为，张副局长提出的补助方案切实可行，同意实施。"),
        ("关于2025年事业单位公开招聘考试的公告", "笔试满分100分，60分以上进入面试。"),
        # a result 公示 lists the candidates' scores
        (
            "道路照明节能改造项目中标结果公示",
            "第二中标候选人长风机电设备有限公司，综合得分88.5分。",
        ),
    ],
)
def test_published_papers_stay_quiet(title: str, sentence: str) -> None:
    text = draft(title, sentence, to="各有关单位")
    assert not labels_on(text, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "第二中标候选人长风机电设备有限公司，投标报价4,359,829元，综合得分88.5分。",
        "第二中标候选人：绍兴嘉禾机械股份有限公司，投标报价4,144,028.20元。",
    ],
)
def test_a_named_bidders_price_in_a_result_notice_is_the_bidders(sentence: str) -> None:
    """labels.md: a named bidder's 投标报价 is a trade secret, in a result 公示 too (the
    held-out drafts' 中标结果公示 is 部分公开 for it)."""
    text = draft("道路照明节能改造项目中标结果公示", sentence, to="各投标人")
    assert "TRADE_SECRET" in labels_on(text, sentence)


def test_a_cost_split_in_a_result_notice_is_still_the_bidders() -> None:
    """A drafter's slip: the notice lists the price, and the cost split with it (tuned-on d008's shape)."""
    sentence = "第二中标候选人：恒达建筑工程有限公司，投标报价4,912,800.00元，其中钢筋主材按每吨3,680元计取，综合管理费率为4.2%。"
    text = draft("教学楼加固工程中标结果公示", sentence, to="各投标人")
    assert "TRADE_SECRET" in labels_on(text, sentence)


@pytest.mark.parametrize(
    ("head", "kinds"),
    [
        ("某某局文件\n\n关于张某同志的考察材料\n\n", {"evaluation"}),
        (
            "关于做好初中学业水平考试命题工作的报告\n\n县政府：\n\u3000\u3000考试结束后按规定公布成绩。",
            {"exam"},
        ),
        ("关于3起食品安全违法典型案例的通报\n各局：\n\u3000\u3000冷库存放的牛肉卷。", set()),
        ("某某局党组会议纪要\n第3期\n", {"deliberation"}),
        ("某项目中标结果公告\n", {"result_notice"}),
        # no head: sentences from the first line on name no kind
        ("会议纪要的主要内容已按程序报批。\n有同志认为应当暂缓。\n", set()),
    ],
)
def test_the_head_names_the_kind(head: str, kinds: set[str]) -> None:
    context = document_context(head)
    flags = {
        k
        for k in ("evaluation", "deliberation", "exam", "reserve", "result_notice")
        if getattr(context, k)
    }
    assert flags == kinds


@pytest.mark.parametrize(
    "sentence",
    [
        "也有委员持不同看法，认为其情节较重，应当按照上限处罚。",
        "与会同志看法不尽相同，有的主张试点，有的担心攀比。",
        "法制审核提出，现有证据中缺少当事人签字，建议补正后再作决定。",
        "经办人分析，该信访人所提诉求已依法处理到位，拟不再受理。",
        "上述5067万元只是按去年单价匡算的数，最终金额要等评审结果出来才能确定。",
        "许副局长对资金来源提出疑问，认为土地出让收入今年能否到位还很难说。",
        "罗委员发言说，同类案件去年都是减半处罚的，这次不宜从严。",
        "财政部门的同志提醒，若按第一种办法测算，明年需新增支出约2707万元。",
        "我们内部研判，此事若处理不当容易引发群体性事件。",
        "该户情绪比较偏激，近期有赴省上访的苗头。",
        "据初步了解，反映的问题部分属实，打算约谈村干部后再答复，目前尚未报批。",
        "测评结果显示，“优秀”率为62%，略低于本单位班子成员平均水平。",
    ],
)
def test_new_internal_wording(sentence: str) -> None:
    assert internal_cue(sentence) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "年度考核结果分为优秀、称职、基本称职和不称职四个等次，作为调整职级的依据。",
        "测评项目\t优秀\t称职\t基本称职\t不称职",
        "考察组按照规定程序开展了民主推荐、个别谈话和实地走访。",
    ],
)
def test_evaluation_words_that_judge_nobody(sentence: str) -> None:
    assert internal_cue(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "战时疏散基地选定在西岭镇中学及周边四个村，可容纳约7024人。",
        "河口镇一处早期人防坑道有4个出入口，其中一个隐蔽在供销社仓库后侧。",
    ],
)
def test_shelter_places(sentence: str) -> None:
    text = draft("关于人防工程建设管理情况的报告", sentence)
    assert "STATE_SECRET" in labels_on(text, sentence)
    assert state_cue(sentence) is None  # the lexicon term and the place make it, not a cue


@pytest.mark.parametrize(
    ("sentence", "quiet"),
    [
        ("以上意见当否，请领导审定。", True),
        ("妥否，请批示。", True),
        ("某建材厂案件集体讨论记录", True),
        ("桐城区委组织部考察组", True),
        ("主持人：陈建华\u3000\u3000记录人：黄长青", True),
        ("马长青来访情况登记及处理意见", True),
        ("承办人员建议罚款九万元，科室负责人建议降至2万元。", False),
    ],
)
def test_closing_formulas_and_title_lines(sentence: str, quiet: bool) -> None:
    assert formula_or_title(sentence) is quiet


@pytest.mark.parametrize(
    ("title", "sentence", "label"),
    [
        # the paper is the corroboration: the model's INTERNAL reading at 0.6–0.85 stands
        ("关于张某同志任职前考察情况的报告", "该同志平时话不多，和同事交往较少。", "INTERNAL"),
        (
            "关于张某同志任职前考察情况的报告",
            "据说他在原单位时和主要领导关系处得不太好。",
            "INTERNAL",
        ),
        (
            "马某来访情况登记及处理意见",
            "据村里反映，该人与村干部素有矛盾，所述情况可能有夸大成分。",
            "INTERNAL",
        ),
        # the citizen's request in a handling paper is the petition, not the office's step
        ("马某来访情况登记及处理意见", "马某反映其承包地被占用后未获补偿，要求依法处理。", None),
        # a published paper gets no prior
        ("关于张某同志的任前公示", "该同志平时话不多，和同事交往较少。", None),
    ],
)
def test_an_internal_paper_lowers_the_models_cut(
    title: str, sentence: str, label: str | None
) -> None:
    found = labels_on(draft(title, sentence), sentence)
    assert found == ({label} if label else set())


def test_a_provision_of_a_rules_text_is_nobodys_position() -> None:
    """A PBC 指引's definition read as INTERNAL by the model (p 0.88) before this rule."""
    text = (
        "第四十九条 发卡银行应当提供多种交易验证方式。\n"
        "第五十条 发卡银行应建立人性化和多样化的息费计收容错机制。\n"
        "(一) 部分计息。即仅对到期还款日未偿还部分款项计息。\n"
        "第五十一条 发卡银行应当按约定计收利息。\n"
    )
    assert document_context(text).provisions
    assert not [f for f in ClauseRecognizer().analyze(text) if f.label == "INTERNAL"]


def test_a_statistic_held_until_confirmed_is_unreleased() -> None:
    """统计 held until the statistics office answers (反馈前): not yet released (第十四条)."""
    sentence = "三季度全市生产总值初步核算增长4.1%，国家统计局反馈前仅供市领导参阅"
    assert state_cue(sentence) == "尚未发布的统计数据"
