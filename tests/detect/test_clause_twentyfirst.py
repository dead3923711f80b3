"""The twenty-first clause pass: a form field's label over its content and a short line
wrapped onto an unindented one (sentence bounds); a 征兵 office's 定兵 ratio (第十四条), a
class condition (…的暂不批准) that is a rule and no pending matter; an armed force's
strength and muster point in a published 应急预案; a 国企 负责人 薪酬 公告's pay lines,
published by rule and no trade secret (第十五条).

Rows were written from how 办文单/批办单, 征兵 通知, 应急预案 and the 国资 offices' 薪酬信息
公告 are drafted (benchmarks/clause_fourteenth.py --wording ninth/tenth and
benchmarks/attribute_sixteenth.py measure the rules on drafts of other generators).
"""

from __future__ import annotations

import pytest

from pipeline.detect.clause_spans import sentences
from pipeline.detect.clauses import ClauseRecognizer
from pipeline.detect.pay_disclosure import pay_disclosure
from pipeline.detect.pending_matter import pending_matter
from pipeline.detect.state_secret import stock_and_place


def pieces(text: str) -> list[str]:
    return [text[s:e] for s, e in sentences(text)]


@pytest.mark.parametrize(
    ("text", "one"),
    [
        # a field label alone on its line, its content under it
        ("　　领导批示：\n同意，请按程序办理。", "领导批示：\n同意，请按程序办理"),
        (
            "拟办意见：\n　　建议请财务科提出意见后再报。",
            "拟办意见：\n　　建议请财务科提出意见后再报",
        ),
        (
            "产权处审核意见：\n评估基准日已超一年，不宜批准。",
            "产权处审核意见：\n评估基准日已超一年，不宜批准",
        ),
        # a short indented line going on unindented to the sentence's end
        (
            "　　初稿曾考虑将灵活就业人员纳入\n范围，因测算未完成暂未写入。",
            "初稿曾考虑将灵活就业人员纳入\n范围，因测算未完成暂未写入",
        ),
        ("　　王局长批示：此\n事暂缓。", "王局长批示：此\n事暂缓"),
        ("　　今年定兵比例按2∶1\n.5掌握。", "今年定兵比例按2∶1\n.5掌握"),
    ],
)
def test_wrapped_into_one(text: str, one: str) -> None:
    assert one in pieces(text)


@pytest.mark.parametrize(
    "text",
    [
        "审核意见：\n拟办意见：同意。",  # the next line is another field
        "　　审核意见：\n（一）材料齐全。",  # an item of its own
        "　　一、总体要求\n　　各单位要高度重视。",  # the next paragraph is indented
        "　　特此通知\n2025年3月10日",  # a date closes no sentence
        "　　　　　　　　临河区征兵办公室\n　　　　　　　　2025年3月10日",
        "关于做好新兵输送工作的通知\n各基层武装部：",
    ],
)
def test_lines_of_their_own(text: str) -> None:
    assert not any("\n" in piece for piece in pieces(text))


HEAD = "安丰县某某局文件\n安丰发〔2025〕12号\n\n{title}\n\n"


def labels_on(title: str, body: str, piece: str) -> set[str]:
    """The labels of the findings overlapping ``piece`` of ``body`` under ``title``."""
    text = HEAD.format(title=title) + body
    start = text.index(piece)
    return {
        f.label
        for f in ClauseRecognizer().analyze(text)
        if f.start < start + len(piece) and start < f.end
    }


@pytest.mark.parametrize(
    ("title", "body", "piece", "labels"),
    [
        # 办文单 fields over two lines: the leader's word is the form's (第十六条)
        (
            "收文处理单",
            "来文单位：县城投公司\n　　钱主任批示：\n此事暂缓办理。\n",
            "此事暂缓办理",
            {"INTERNAL"},
        ),
        (
            "签报",
            "　　拟办意见：\n建议退回企业补充材料后再报委领导。\n",
            "建议退回企业",
            {"INTERNAL"},
        ),
        (
            "关于某补贴政策的意见（代拟稿）",
            "　　初稿曾考虑将农家乐经营户纳入\n补贴范围，因资金测算未完成暂未写入。\n",
            "补贴范围",
            {"INTERNAL"},
        ),
        # the 定兵 ratio is the 征兵 task's detail (第十四条), not a pending matter
        (
            "关于做好新兵征集工作的通知",
            "各乡镇武装部：\n　　今年定兵比例按2∶1.4掌握，体检合格后政审未完成的暂不批准入伍。\n",
            "定兵比例",
            {"STATE_SECRET"},
        ),
        (
            "征兵工作安排",
            "各乡镇：\n　　体检上站比例按3:1掌握，女青年按5:1掌握。\n",
            "上站比例",
            {"STATE_SECRET"},
        ),
        # a published 征兵 通告's condition: no ratio, no finding
        (
            "2025年征兵通告",
            "　　体检、政审不合格的暂不批准入伍。\n",
            "暂不批准入伍",
            set(),
        ),
        # an armed force's strength and muster in a published plan: the force's deployment
        (
            "防汛应急预案",
            "二、处置力量\n　　（一）民兵应急分队编4个排共160人，武器存放于某营区，集结点设在城关中学操场。\n",
            "民兵应急分队",
            {"STATE_SECRET"},
        ),
        (
            "防汛应急预案",
            "二、处置力量\n　　（一）民兵应急分队负责协助转移群众，服从指挥部统一调度。\n",
            "民兵应急分队",
            set(),
        ),
        # the 国企 薪酬 公告's pay lines are what it publishes
        (
            "县属国有企业负责人2024年度薪酬信息公告",
            "　　现将2024年度薪酬情况公布如下：\n　　安丰县水务投资有限公司　董事长　应付年薪38.6万元\n",
            "应付年薪",
            set(),
        ),
        (
            "关于公布2024年度市属国有企业负责\n人薪酬的公告",
            "　　现将薪酬情况公布如下：\n　　安丰县公共交通有限公司　总经理　应付年薪41.2万元\n",
            "应付年薪",
            set(),
        ),
    ],
)
def test_kinds(title: str, body: str, piece: str, labels: set[str]) -> None:
    assert labels_on(title, body, piece) == labels


@pytest.mark.parametrize(
    ("sentence", "pending"),
    [
        ("体检合格后政审未完成的暂不批准入伍", False),
        ("申报材料不全的暂不受理", False),
        ("该调整方案暂不报批，待征求意见后再定", True),
        ("此预案暂未报批", True),
    ],
)
def test_class_condition_is_no_pending_matter(sentence: str, pending: bool) -> None:
    assert (pending_matter(sentence) is not None) is pending


@pytest.mark.parametrize(
    ("sentence", "detail"),
    [
        ("民兵应急分队编3个排共225人，枪弹存放于某营区，动员集结点设在中学操场", True),
        ("基干民兵连120人，集结地设在镇政府院内", True),
        ("储备帐篷2,350顶，存放于3号库", True),
        ("民兵应急分队120人参加防汛演练", False),
        ("全县共组建民兵应急分队12支，开展集中训练", False),
    ],
)
def test_force_and_muster(sentence: str, detail: bool) -> None:
    assert stock_and_place(sentence) is detail


@pytest.mark.parametrize(
    ("title", "disclosure"),
    [
        ("县属国有企业负责人2024年度薪酬信息公告", True),
        ("关于公布2024年度县属国有企业负责\n人薪酬的公告", True),
        ("县  属  国  有  企  业  负  责  人  2  0  2  5  年  度  薪  酬  信  息  公  告", True),
        ("市国资委监管企业负责人薪酬信息披露", True),
        ("关于调整企业职工最低工资标准的通知", False),
        ("某某科技有限公司高管薪酬情况说明", False),
        ("关于2024年度县属国有企业负责人薪酬审核的请示", False),
    ],
)
def test_pay_disclosure(title: str, disclosure: bool) -> None:
    assert pay_disclosure(title) is disclosure
