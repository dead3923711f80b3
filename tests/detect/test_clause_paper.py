"""Working papers read by their form (pipeline/detect/clause_paper.py) and security posts
said plainly (secret_plain.guard_posts), the seventeenth clause pass.

Rows are small drafts worded apart from the seventh wording of
tests/fixtures/clause_fourteenth_seventh*.py, which the pass was measured on: a 督办单's
notes, a 约谈记录, a 请示 weighing options, a 收文处理笺's lines, a 洽谈记录 with an
investor, tables read by their header, an 审计 check of one firm's books, a 安保 plan.
Each positive row fails without its rule; each quiet row is what the rules must leave.
"""

from __future__ import annotations

import pytest

from pipeline.detect.clause_paper import header_row, no_content, paper_kind
from pipeline.detect.clauses import ClauseRecognizer
from pipeline.detect.secret_plain import guard_posts


def paper(head: str, body: list[str]) -> str:
    return head + "\n\n" + "".join(f"\u3000\u3000{line}\n" for line in body)


def labels_on(text: str, sentence: str) -> set[str]:
    start = text.index(sentence)
    return {
        f.label
        for f in ClauseRecognizer().analyze(text)
        if f.start < start + len(sentence) and start < f.end
    }


HEADS = {
    "督办": "松阳县人民政府督查室\n重点事项督办单（2025年第7号）",
    "约谈": "松阳县应急管理局\n约谈记录",
    "请示": "松阳县交通运输局文件\n松交〔2025〕9号\n\n关于调整城乡客运线路的请示（送审稿）\n\n县人民政府：",
    "处理笺": "松阳县人民政府办公室收文处理笺",
    "洽谈": "松阳县投资促进中心\n与博远机电设备有限公司合作项目商谈记录",
    "核查": "松阳县财政局文件\n松财〔2025〕3号\n\n关于新禾食品有限公司项目资金的核查报告\n\n县人民政府：",
}


@pytest.mark.parametrize(
    ("kind", "sentence", "label"),
    [
        ("督办", "6月3日再次催办，对方仍称资金未落实，未给出完成时间。", "INTERNAL"),
        ("督办", "第二次到现场核查发现，台账中有3户实际未入住。", "INTERNAL"),
        ("约谈", "企业负责人称设备检修期间无法停产，请求宽限至下月。", "INTERNAL"),
        ("请示", "我们倾向于保留原线路的早晚班次，高峰时段加密。", "INTERNAL"),
        ("请示", "按第二种方案经测算每年需补贴约410万元。", "INTERNAL"),
        ("处理笺", "财政局：今年盘子已定，列入明年预算为宜，现在不宜表态。", "INTERNAL"),
        ("处理笺", "我看场地问题是关键，请自然资源局拿出两个选址，周五前报我。", "INTERNAL"),
        ("洽谈", "对方财务负责人介绍，项目拟向银行申请贷款3亿元，年利率4.1%。", "TRADE_SECRET"),
        ("核查", "抽查企业明细账发现，2024年销售费用共计612万元。", "TRADE_SECRET"),
    ],
)
def test_working_paper_lines(kind: str, sentence: str, label: str) -> None:
    text = paper(HEADS[kind], ["现将有关情况记录如下。", sentence])
    assert label in labels_on(text, sentence)


@pytest.mark.parametrize(
    ("head", "sentence"),
    [
        # published: a 通报 of supervision results, a policy 解读 of a decision
        (
            "松阳县人民政府办公室\n关于一季度督查情况的通报",
            "对进度滞后的两个乡镇已责令整改，结果将在门户网站公开。",
        ),
        ("松阳县发展和改革局\n关于客运票价的政策解读", "常务会议决定，城乡客运票价维持不变。"),
        # a 请示's sum worked out is what it asks for, no weighing of options
        (
            "松阳县民政局文件\n松民〔2025〕4号\n\n关于追加救助资金的请示\n\n县人民政府：",
            "经测算，全年临时救助资金缺口约为280万元。",
        ),
        # a 招商 signing news item: the investment is published
        (
            "松阳县人民政府网站\n我县举行重点项目集中签约仪式",
            "博远机电设备有限公司介绍，项目总投资5亿元，建成后年产值可达8亿元。",
        ),
    ],
)
def test_published_papers_stay_quiet(head: str, sentence: str) -> None:
    text = paper(head, ["现将有关情况说明如下。", sentence])
    assert labels_on(text, sentence) == set()


def test_rows_read_by_header() -> None:
    grading = "松阳县教育局2025年度股室考评得分汇总\n股室\t负责人\t得分\t扣分说明\n计财股\t李某\t81\t报表多次出错\n"
    assert "INTERNAL" in labels_on(grading, "81\t报表多次出错")
    assert labels_on(grading, "股室\t负责人\t得分\t扣分说明") == set()
    # a header of a company's figures names the columns, not the figures
    header = "年度\t营业收入（万元）\t净利润（万元）"
    figures = (
        "松阳县科学技术局\n关于天衡新材料有限公司申报的审核意见\n\n\u3000\u3000经审核，摘录如下。\n"
        f"{header}\n2024\t8120\t655\n"
    )
    assert labels_on(figures, header) == set()
    form = "松阳县人民政府办公室收文处理笺\n\n承办科室：综合二科\u3000\u3000经办人：张立新\n"
    assert labels_on(form, "承办科室：综合二科\u3000\u3000经办人：张立新") == set()
    accounts = (
        "松阳县科学技术局\n关于天衡新材料有限公司申报的审核意见\n\n\u3000\u3000经审核，摘录如下。\n"
        "年度\t销售收入（万元）\t利润总额（万元）\n2024\t8120\t655\n"
    )
    assert "TRADE_SECRET" in labels_on(accounts, "8120\t655")
    revision = (
        "松阳县民政局\n关于养老服务补贴办法的请示\n\n\u3000\u3000现将修改情况报告如下。\n"
        "条目\t原稿\t修改稿\t修改说明\n第四条\t按年发放\t按季发放\t减轻资金压力\n"
    )
    assert "INTERNAL" in labels_on(revision, "按年发放\t按季发放\t减轻资金压力")


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("标题\n科室\t负责人\t得分\n办公室\t王某\t90\n", 3, True),
        ("标题\n科室\t负责人\t得分\n办公室\t王某\t90\n", 13, False),
        # a row of words below a header is a row, not a second header
        ("标题\n项目\t原稿\t修改稿\n第二条\t全域\t试点\n", 13, False),
        # a lone row of words is no header: nothing stands below it
        ("说明如下。\n王某\t不称职\t建议调整岗位\n其余情况正常。\n", 6, False),
    ],
)
def test_header_row(text: str, start: int, expected: bool) -> None:
    assert header_row(text, start) is expected


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("关于调整线路的请示（讨论稿）", "request"),
        ("重点事项督办单", "supervision"),
        ("约谈记录", "interview"),
        ("与某公司项目洽谈纪要", "talks"),
        ("2025年度绩效考核评分汇总表", "grading"),
        ("关于一季度督查情况的通报", None),
        ("关于企业约谈结果的公告", None),
    ],
)
def test_paper_kind(title: str, kind: str | None) -> None:
    assert paper_kind(title) == kind


@pytest.mark.parametrize(
    ("line", "empty"),
    [
        ("承办科室：综合二科\u3000\u3000经办人：张某", True),
        ("附：修改前后条文对照", True),
        ("主持人：意见分歧较大，本次不作结论。", False),
    ],
)
def test_no_content(line: str, empty: bool) -> None:
    assert no_content(line) is empty


@pytest.mark.parametrize(
    ("sentence", "secret"),
    [
        ("会议期间在客运站进站口布设民警8人，另设2个临时卡点。", True),
        ("机动力量40人在消防站集结，接令后15分钟内到场。", True),
        ("节日期间全县累计出动警力1200人次，未发生重大案事件。", False),
        ("公安机关将加强巡逻防控，请广大群众支持配合。", False),
        # a 看守所 is an office, its 看守管理 the office's work: no post
        ("县看守所现有民警12人，负责在押人员的看守管理工作。", False),
        ("试卷运抵后由2名民警24小时看守。", True),
    ],
)
def test_guard_posts(sentence: str, secret: bool) -> None:
    assert guard_posts(sentence) is secret
