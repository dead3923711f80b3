"""What a sentence does in its paper (pipeline/detect/clause_function.py and the fifteenth
clause pass's changes to clause_context.py and clause_spans.py).

Rows are whole drafts read by the clause detector, written from how 联席会议 records,
民主生活会 批评意见, 处置单, company files and 保障 plans are drafted — other words than the
fourth wording of tests/fixtures/clause_fourteenth_fourth.py, which the pass was tuned on.
Each positive row fails without its rule; each negative row is what the rule must leave.
"""

from __future__ import annotations

import pytest

from pipeline.detect.clause_context import document_context
from pipeline.detect.clause_function import party_position, remark_on_person, secret_content
from pipeline.detect.clause_spans import heading
from pipeline.detect.clauses import ClauseRecognizer

LEAD = "为认真贯彻落实上级有关部署要求，结合我县实际，现将有关情况报告如下。"


def draft(title: str, sentence: str, to: str = "") -> str:
    head = f"安丰县人民政府办公室\n安丰办〔2025〕12号\n\n{title}\n\n"
    return head + (f"{to}：\n" if to else "") + f"\u3000\u3000{LEAD}{sentence}\n"


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
        # a record of several parties: a party's own position, a matter left open
        (
            "老旧小区改造协调会议记录",
            "交通局的想法是先修主干道，社区则希望先解决停车。",
            "INTERNAL",
        ),
        ("河道保洁经费联席会议记录", "水利局表态经费缺口要等追加预算下来再答复。", "INTERNAL"),
        ("校车运营补贴问题会议记录", "几个科室争了半天，整改时限这次没有定下来。", "INTERNAL"),
        (
            "城区供暖价格协调会议记录",
            "陈主任插话说，去年的调价就引起过上访，这次要留余地。",
            "INTERNAL",
        ),
        # a 民主生活会's criticism: remarks to a member, and what someone said openly
        (
            "县水利局党组民主生活会批评意见",
            "对周建华同志：下基层少，调研报告多是秘书代笔。",
            "INTERNAL",
        ),
        ("领导班子组织生活会相互批评意见", "有人直言，机关食堂账目多年没有公开过。", "INTERNAL"),
        # a 处置单: what someone said off the record about a household
        ("刘某某户矛盾纠纷处置单", "调解员私下说，这户人家不好打交道，要多留心。", "INTERNAL"),
        # the content of a paper before use; a recruitment quota given to a place
        (
            "关于中考组织工作的汇报",
            "今年物理卷的实验题已经定稿，考查电路连接与故障判断。",
            "STATE_SECRET",
        ),
        (
            "关于冬季征兵工作的汇报",
            "市里下达给我区的大学生士兵名额为46名，比去年多6名。",
            "STATE_SECRET",
        ),
    ],
)
def test_the_sentence_function_in_its_paper(title: str, sentence: str, label: str) -> None:
    assert label in labels_on(draft(title, sentence), sentence)


@pytest.mark.parametrize(
    ("title", "sentence"),
    [
        # the meeting's decision and a published result stay published
        ("老旧小区改造协调会议记录", "会议明确，改造方案形成后将在社区公示，接受群众监督。"),
        ("关于征兵工作的通告", "符合条件的适龄青年可登录全国征兵网报名，报名时间截至6月30日。"),
        ("关于中考成绩公布的通知", "中考已于6月结束，试卷评析将在教研网发布。"),
        # the petition a handling form is about is the citizen's, not an off-record word
        ("信访事项处理意见", "有职工反映单位拖欠工资三个月，要求依法处理。"),
    ],
)
def test_what_stays_published(title: str, sentence: str) -> None:
    text = draft(title, sentence)
    assert not labels_on(text, sentence) & {"INTERNAL", "STATE_SECRET"}


@pytest.mark.parametrize(
    ("title", "evaluation", "approval"),
    [
        ("县水利局党组民主生活会批评意见", True, False),
        ("班子成员相互批评意见汇总", True, False),
        ("刘某某户矛盾纠纷排查处置单", False, True),
        ("关于召开民主生活会的通知公告", False, False),
    ],
)
def test_the_paper_kinds(title: str, evaluation: bool, approval: bool) -> None:
    context = document_context(draft(title, "此处是正文。"))
    assert (context.evaluation, context.approval) == (evaluation, approval)


@pytest.mark.parametrize(
    "title",
    ["班子成员相互批评意见汇总", "安置房分配问题联席会议议定事项清单", "干部谈心谈话情况汇总"],
)
def test_the_title_line_is_no_finding(title: str) -> None:
    """A head's title names the paper; the model read 班子成员相互批评意见汇总 as INTERNAL."""
    text = draft(title, "对周建华同志：下基层少，调研报告多是秘书代笔。")
    start = text.index(title)
    assert not [f for f in ClauseRecognizer().analyze(text) if f.start < start + len(title)]


def test_a_field_line_in_a_headless_form_is_read() -> None:
    """A form without an indented body: its 处室意见 line is not the head's title."""
    text = "某某局\n某发〔2025〕8号\n\n呈批件\n\n情况\t办公室意见：拟请分管副县长召集有关部门会商后再定。\n"
    assert document_context(text).in_head(text.index("情况"), "情况\t办公室意见：拟请") is False


@pytest.mark.parametrize(
    ("sentence", "is_heading"),
    [
        ("关于是否减免滞纳金，税务局表态要先报市局再答复", False),
        ("关于印发《安丰县停车管理办法》，请遵照执行的通知", True),
        ("关于对王建国同志投诉事项的回复", True),
    ],
)
def test_a_matter_lead_is_no_title(sentence: str, is_heading: bool) -> None:
    assert heading(sentence) is is_heading


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("财政局的态度是先审计后拨付。", "财政局的态度是"),
        ("会议明确由住建局牵头，各方没有异议。", None),
        ("两个方案各说各的，最终未能达成一致。", "各说各的"),
    ],
)
def test_party_position(sentence: str, expected: str | None) -> None:
    assert party_position(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "found"),
    [("对李某同志：工作有冲劲，但听不进不同意见。", True), ("李某同志任副局长。", False)],
)
def test_remark_on_person(sentence: str, found: bool) -> None:
    assert (remark_on_person(sentence) is not None) is found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("英语卷的作文题已确定为书信写作。", True),
        ("今年分配给本市的女兵名额只有5个。", True),
        ("女兵报名时间为6月1日至30日，可登录全国征兵网报名。", False),
        ("考试结束后，试卷评析由教研室发布。", False),
    ],
)
def test_secret_content(sentence: str, found: bool) -> None:
    assert (secret_content(sentence) is not None) is found


COMPANY_FILE = (
    "安丰县工业和信息化局文件\n安丰发〔2025〕3号\n\n关于华鼎机电设备有限公司申报专项资金的核查报告\n\n"
    "安丰县人民政府：\n\u3000\u3000{LEAD}{sentence}\n"
)


@pytest.mark.parametrize(
    ("sentence", "covers"),
    [
        # customers named after a selling word are the secret itself, not its subject
        (
            "企业提供的发货记录显示，产品主要卖给博远食品有限公司和新禾化工有限公司两家，合同价格保密。",
            "博远食品有限公司",
        ),
        # the company's own word passed on, in a paper about that company
        ("据企业生产负责人介绍，其每吨产品的能耗成本已降到420元以下，靠的是余热回收。", "420元"),
    ],
)
def test_a_company_file(sentence: str, covers: str) -> None:
    text = COMPANY_FILE.format(LEAD=LEAD, sentence=sentence)
    at = text.index(covers)
    assert any(
        f.label == "TRADE_SECRET" and f.start <= at and at + len(covers) <= f.end
        for f in ClauseRecognizer().analyze(text)
    )
