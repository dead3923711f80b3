"""A sector's figures are statistics, not one firm's trade secret (第十五条 protects a
third party's own business information). Published financial and economic reports — a
central bank's 金融稳定报告, a 统计公报, a regional 运行报告 — give 商业银行 资本充足率,
不良贷款余额 and 拨备覆盖率 for the whole industry or for named provinces, and name a
company or a product only elsewhere in the text ("个别风险信托公司", "工业生产者出厂价格"
are not companies). Each row here is written in its own words, not taken from a corpus;
the last rows keep one bank's own figures, in a supervisor's letter, a trade secret."""

from __future__ import annotations

import pytest

from pipeline.detect.clause_spans import named_company
from pipeline.detect.registry import detect

REPORT_HEAD = (
    "2025年某省金融运行情况报告\n\n"
    "　　一、总体情况\n"
    "　　全年工业生产者出厂价格同比下降1.8%，个别高风险村镇银行和个别风险信托公司风险处置稳步推进。\n"
)


def _trade(text: str) -> list[str]:
    return [f.text for f in detect(text) if f.label == "TRADE_SECRET"]


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param(
            "　　2025年末，商业银行资本充足率为14.82%，拨备覆盖率为198.36%，风险抵补能力较强。\n",
            id="commercial-banks-ratios",
        ),
        pytest.param(
            "　　2025年末，全省商业银行不良贷款余额为812.4亿元，不良贷款率为1.47%，较上年末下降0.06个百分点。\n",
            id="province-npl",
        ),
        pytest.param(
            "　　关注类贷款余额为1,263亿元，占全部贷款的2.11%，银行业机构经营总体稳健。\n",
            id="special-mention-share",
        ),
        pytest.param(
            "　　多数地市不良贷款率呈下降态势，南阳、信阳实现不良贷款余额和不良贷款率“双降”。\n",
            id="cities-double-fall",
        ),
        pytest.param(
            "　　2025年末，商业银行不良贷款余额为812.4亿元，不良贷款率为1.47%。"
            "关注类贷款余额为1,263亿元，占全部贷款的2.11%。\n",
            id="subject-carried-over",
        ),
        pytest.param(
            "　　农村商业银行资产利润率为0.52%，净息差为1.73%，盈利能力有所减弱。\n",
            id="rural-banks-margin",
        ),
        pytest.param(
            "　　辖内保险公司赔付支出286亿元，综合成本率为98.7%，偿付能力充足率为186%。\n",
            id="insurers-solvency",
        ),
    ],
)
def test_sector_figures_are_no_trade_secret(sentence: str) -> None:
    text = REPORT_HEAD + sentence + "\n某省金融运行分析小组\n2026年3月1日\n"
    assert _trade(text) == []


@pytest.mark.parametrize(
    ("phrase", "company"),
    [
        ("全年工业生产者出厂价格同比下降1.8%", None),
        ("个别风险信托公司风险处置稳步推进", None),
        ("部分中小保险公司偿付能力不足", None),
        ("某某县红星农机修造厂年产值3,200万元", "某某县红星农机修造厂"),
        ("南阳宛城农村商业银行股份有限公司", "南阳宛城农村商业银行股份有限公司"),
    ],
)
def test_named_company_is_a_name_not_a_class_or_a_verb(phrase: str, company: str | None) -> None:
    assert named_company(phrase) == company


def test_one_banks_own_figures_stay_a_trade_secret() -> None:
    text = (
        "关于南阳宛城农村商业银行股份有限公司监管评级情况的通报\n\n"
        "南阳宛城农村商业银行股份有限公司：\n"
        "　　经现场检查，你行2025年末不良贷款率为4.86%，拨备覆盖率为103.2%，"
        "资本充足率为10.9%，低于监管要求。\n\n"
        "某银保监分局\n2026年2月10日\n"
    )
    assert _trade(text), "one named bank's non-public ratios must stay flagged"


def test_one_banks_figures_beside_the_sector_average_stay_a_trade_secret() -> None:
    text = (
        "关于南阳宛城农村商业银行股份有限公司监管评级情况的通报\n\n"
        "南阳宛城农村商业银行股份有限公司：\n"
        "　　经现场检查，你行2025年末不良贷款率为4.86%，高于全省农村商业银行平均水平。"
        "拨备覆盖率为103.2%，资本充足率为10.9%，低于监管要求。\n\n"
        "某银保监分局\n2026年2月10日\n"
    )
    assert any("拨备覆盖率" in t for t in _trade(text)), _trade(text)
