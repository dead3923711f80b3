"""The twentieth clause pass: a record's frame against its content, a speaker's turn in a
record, a leader's deferral and a vote still in rounds (第十六条); a firm's recipe in prose,
its own books and a row per firm (第十五条); the grade a 考核结果 notice publishes.

Rows were written from how 乡镇 党政联席会议 records, 考察材料, 办文单, 评审 records, 海关 and
税务 papers and 考核结果公示 are drafted (benchmarks/clause_fourteenth.py --wording tenth
measures the rules on drafts of another generator).
"""

from __future__ import annotations

import pytest

from pipeline.detect.clauses import ClauseRecognizer
from pipeline.detect.internal_rules import internal_cue
from pipeline.detect.record_frame import frame_line, speaker_turn
from pipeline.detect.trade_prose import recipe

HEAD = "安丰县某某局文件\n安丰发〔2025〕12号\n\n{title}\n\n"


def found(text: str, piece: str) -> list[tuple[str, str]]:
    """(label, text) of the findings overlapping ``piece`` in ``text``."""
    start = text.index(piece)
    return [
        (f.label, f.text)
        for f in ClauseRecognizer().analyze(text)
        if f.start < start + len(piece) and start < f.end
    ]


def in_report(sentence: str, lead: str) -> set[str]:
    """The labels on ``sentence`` after ``lead`` in a 核查 report to the county."""
    text = HEAD.format(title="企业核查情况报告") + f"县人民政府：\n\u3000\u3000{lead}{sentence}\n"
    return {lab for lab, _ in found(text, sentence)}


@pytest.mark.parametrize(
    ("sentence", "frame"),
    [
        ("考察组对该同志进行了考察。", True),
        ("根据工作安排，考察组对该同志进行了考察。", True),
        ("分管领导汇报了有关情况。", True),
        ("承办人汇报了案件调查情况。", True),
        ("会议听取了县财政局关于资金安排的汇报。", True),
        ("主持：王建国　记录：李丽", True),
        ("议题二：研究低保对象调整", True),
        ("事由：对外投资事项请示", True),
        # the content after the frame
        ("该同志的不足是抓落实的韧劲还不够。", False),
        ("考察组认为，该同志任现职时间较短，建议暂缓使用。", False),
        ("考察组对该同志进行了考察，个别同志反映其脾气急。", False),
        ("分管领导汇报了有关情况，但财政局认为资金难以落实。", False),
    ],
)
def test_frame_line(sentence: str, frame: bool) -> None:
    assert frame_line(sentence) is frame


@pytest.mark.parametrize(
    ("sentence", "lead"),
    [
        ("朱纪委书记：“低保名单里有两户条件明显不符合，要退回村里重新评议。", "朱纪委书记："),
        ("陈人大主席：合作社去年账目就不清楚，再给钱我不同意。", "陈人大主席："),
        ("梁副镇长：项目放在河口镇不合适，交通太差，我保留意见。", "梁副镇长："),
        ("郭组织委员：“这事要先请示县里，我们镇里拍板风险太大。", "郭组织委员："),
        # a field, a name, a short answer: no speech
        ("主持人意见：会后再作研究。", None),
        ("王主任：张三", None),
        ("联系人：李科长", None),
    ],
)
def test_speaker_turn(sentence: str, lead: str | None) -> None:
    assert speaker_turn(sentence) == lead


@pytest.mark.parametrize(
    ("sentence", "internal"),
    [
        ("孙主任批示：此事缓办。", True),
        ("李局长批示：先不上会，请财务监督处再核一下。", True),
        ("第一轮投票刘建华得8票、肖长青得5票，均未过三分之二，经再次讨论后进行第二轮投票。", True),
        ("两名候选人得票均未超过半数，需再次投票。", True),
        # a decision and a rule
        ("县长批示：同意。", False),
        ("选举采用无记名投票方式，获得赞成票超过全体代表半数的当选。", False),
        # an election law's rule for every vote: published, whatever its words
        ("第三十条　获得赞成票未超过半数的候选人不得当选。", False),
        ("当选代表不足应选名额时，应当就差额部分另行选举，再次投票时以得票多的当选。", False),
        ("根据《村民委员会组织法》，候选人获得的选票未过半数的，不能当选。", False),
    ],
)
def test_deferral_and_vote_rounds(sentence: str, internal: bool) -> None:
    assert (internal_cue(sentence) is not None) is internal


@pytest.mark.parametrize(
    ("sentence", "hit"),
    [
        ("该公司申报的商品由聚丙烯64%、玻璃纤维26%及少量助剂混合，经188℃熔融挤出制成。", True),
        ("产品以乳清蛋白70%和麦芽糊精20%配制而成。", True),
        # a standard's composition, a plain share
        ("产品中乳清蛋白含量不得低于30%、脂肪不高于10%，按国家标准配制。", False),
        ("全县一产占比12%、二产占比40%。", False),
    ],
)
def test_recipe(sentence: str, hit: bool) -> None:
    assert (recipe(sentence) is not None) is hit


def test_speaker_turns_in_a_record_are_internal() -> None:
    line = "朱纪委书记：“低保名单里有两户条件明显不符合，要退回村里重新评议。”"
    text = (
        "新华街道党政联席会议记录\n第12期\n\n党政联席会议记录\n\n"
        "主持：徐卫东　记录：宋亚楠\n议题一：研究低保对象调整\n"
        f"{line}\n主持人意见：会后再作研究。\n"
    )
    assert [lab for lab, _ in found(text, line)] == ["INTERNAL"]
    assert not found(text, "主持：徐卫东")
    assert not found(text, "议题一：研究低保对象调整")


def test_an_inspection_step_is_no_remark() -> None:
    text = HEAD.format(title="关于某同志的考察材料") + (
        "\u3000\u3000根据工作安排，考察组对该同志进行了考察。\n"
        "\u3000\u3000该同志的不足是抓落实的韧劲还不够，个别同志反映其脾气急。\n"
    )
    assert not found(text, "考察组对该同志进行了考察")
    assert [lab for lab, _ in found(text, "该同志的不足是")] == ["INTERNAL"]


def test_an_assessment_row_keeps_its_remark_cell() -> None:
    text = HEAD.format(title="乡镇领导班子考察情况汇总表") + (
        "序号\t姓名\t现任职务\t考察意见\n1\t梁少华\t河口镇人大副主席\t谈话中4人反映其作风霸道\n"
    )
    assert found(text, "梁少华") == []
    assert found(text, "谈话中4人") == [("INTERNAL", "谈话中4人反映其作风霸道")]


def test_a_row_per_firm_under_an_accounts_header() -> None:
    row = "1\t广润环保科技有限公司\t9,735,943元\t25%\t华鼎食品有限公司"
    text = HEAD.format(title="企业核查情况报告") + (
        "县人民政府：\n\u3000\u3000现将核查情况报告如下。\n"
        f"序号\t企业名称\t主营业务成本\t毛利率\t主要客户\n{row}\n"
    )
    assert found(text, row) == [("TRADE_SECRET", "9,735,943元\t25%\t华鼎食品有限公司")]


@pytest.mark.parametrize(
    "sentence",
    [
        "纳税人未公开的2023年度利润表显示，营业收入89,954,947元，营业成本58,825,027元，毛利率仅10%。",
        "据企业提交的技术资料，其发酵罐关键参数为线速度96米/分钟、固含量51%，良品率91%。",
    ],
)
def test_a_firms_own_books_without_its_name(sentence: str) -> None:
    assert "TRADE_SECRET" in in_report(sentence, "现将核查情况报告如下。\n\u3000\u3000")


def test_the_grade_a_result_notice_publishes() -> None:
    sentence = "城关镇考核等次为“一般”，由县委组织部对其主要负责人进行提醒谈话。"
    text = HEAD.format(title="2025年度乡镇（街道）综合考核结果公示") + (
        f"各有关单位：\n\u3000\u3000{sentence}\n"
    )
    assert not found(text, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "赵主任批示：\n此事缓办。",
        "产权处审核意见：评估基准日距今已超一年\n，不宜批准，建议退回企业补正。",
        "公平竞争审查认为，限定本地企业参与的表述可能排除竞争，送审稿须修改。",
        "合法性审核提出，第五条设定的许可缺乏上位法依据。",
    ],
)
def test_wrapped_and_review_lines_are_internal(sentence: str) -> None:
    assert internal_cue(sentence) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "蓝海新材\n料有限公司联网直报数据显示，其单位产品能耗148千克标准煤/吨，研发费用124.20万元。",
        "正源化工有限\n公司向我局提供的资产负债表（未经公开）载明，负债总额3572.86万元，其中短期借款2,320,356元。",
        "据申报材料，其核心配方中增稠剂占比20%，反应温度控制在123℃，收率可达90%。",
    ],
)
def test_a_firm_named_across_a_wrap_or_by_its_file(sentence: str) -> None:
    """(The wrap comes after the paragraph's first sentence, on its first line.)"""
    assert "TRADE_SECRET" in in_report(sentence, "现将我局对有关企业的核查情况报告如下。")
