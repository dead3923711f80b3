"""Open matters said in the sentence (pending_matter), tables read by their header and
caption (table_header) and plainly stated stores, posts and arms keys (secret_plain), the
eighteenth clause pass.

Rows are worded apart from tests/fixtures/clause_fourteenth_eighth*.py, which the pass
was measured on. Each positive row fails without its rule; each quiet row is what the
rules must leave (published rules, notices, result tables).
"""

from __future__ import annotations

import pytest

from pipeline.detect.clauses import ClauseRecognizer
from pipeline.detect.pending_matter import pending_matter
from pipeline.detect.secret_plain import plain_secret


@pytest.mark.parametrize(
    ("sentence", "open_"),
    [
        ("城区公交线路拟由12条并为9条，此方案尚待县政府常务会审定", True),
        ("养老服务补贴标准初步定为每人每月80元，该数字尚未与财政局对接", True),
        ("两家医院合并后的床位设置仍未形成一致意见，拟再请专家论证", True),
        ("垃圾处理费上调幅度为15%，目前只在办公会内部讨论过", True),
        ("建议出让底价定为每亩210万元", True),
        ("若流拍，标底下调5%", True),
        ("对尚未完成整改的企业，应当依法予以处罚", False),
        ("本次出让设有底价，竞买人报价不低于底价者方可成交", False),
        ("具体报名时间另行通知", False),
        ("公司称其上年净利润为1.2亿元，该数据尚未对外披露", False),
        ("未经批准擅自占用耕地的，依法处理", False),
        ("全县今年新建公厕42座，均已投入使用", False),
    ],
)
def test_pending_matter(sentence: str, open_: bool) -> None:
    assert (pending_matter(sentence) is not None) is open_


@pytest.mark.parametrize(
    ("sentence", "secret"),
    [
        ("抢险用沙袋3000条暂放在镇农技站后院，险情时经X105运往大堤", True),
        ("物资经沿江路调往二号闸，车程二十分钟", True),
        ("救灾物资仓库设在开发区7号厂房", True),
        ("节日期间民兵8人在武装部营区大门轮流值守", True),
        ("应急分队15人于人武部院内集结待命", True),
        ("枪弹库钥匙由政委和保管员分别保管", True),
        ("全县累计出动民兵300人次参加防汛巡查", False),
        ("请各单位做好防汛物资的日常维护", False),
    ],
)
def test_plain_secret_eighteenth(sentence: str, secret: bool) -> None:
    assert (plain_secret(sentence) is not None) is secret


def labels_on(text: str, cell: str) -> set[str]:
    start = text.index(cell)
    return {
        f.label
        for f in ClauseRecognizer().analyze(text)
        if f.start < start + len(cell) and start < f.end
    }


DRAFT = "白水县财政局\n\n关于学校运转经费的情况汇报\n\n附表：生均公用经费初步测算\n学段\t人数\t测算经费（万元）\n小学\t8120\t632\n"
ASSESS = "白水县卫生健康局\n\n乡镇卫生院院长年度考核情况\n\n单位\t院长\t考察组评价\n马场镇卫生院\t周晓燕\t管理松散，群众投诉多，拟调整岗位\n"
PRICES = "白水县中医院\n\n设备维保谈判情况\n\n厂商\t原报价（万元）\t谈判后单价（万元）\n恒昌机电设备有限公司\t48\t41\n"
STOCK = "白水县民政局\n\n救灾物资情况\n\n存放地点\t品名\t库存数量\n马场镇敬老院东楼\t棉衣\t600\n"
PUBLIC = (
    "白水县财政局\n\n政府采购中标结果公告\n\n供应商\t中标单价（元）\n恒昌机电设备有限公司\t41000\n"
)


@pytest.mark.parametrize(
    ("text", "cell", "label"),
    [
        (DRAFT, "8120\t632", "INTERNAL"),
        (ASSESS, "管理松散，群众投诉多，拟调整岗位", "INTERNAL"),
        (PRICES, "48\t41", "TRADE_SECRET"),
        (STOCK, "棉衣\t600", "STATE_SECRET"),
        (PUBLIC, "41000", None),
    ],
)
def test_rows_by_header(text: str, cell: str, label: str | None) -> None:
    found = labels_on(text, cell)
    assert (label in found) if label else not found


@pytest.mark.parametrize(
    ("line", "empty"),
    [
        ("松阳县防汛抗旱指挥部：", True),
        ("拟稿：王建华　　核稿：李丽萍", True),
        ("出席：张志强、刘晓燕", True),
        ("县应急管理局：原则同意，但需再测算。", False),
    ],
)
def test_no_content_lines(line: str, empty: bool) -> None:
    from pipeline.detect.clause_paper import no_content

    assert no_content(line) is empty


@pytest.mark.parametrize(
    ("text", "sentence", "label"),
    [
        (
            "松阳县人民武装部\n\n节日战备值班安排\n\n\u3000\u3000枪弹库钥匙由政委和保管员分别保管，夜间交值班员。\n",
            "枪弹库钥匙由政委和保管员分别保管",
            "STATE_SECRET",
        ),
        (
            "松阳县卫生健康局党委会议纪要\n\n\u3000\u3000对药品配送企业的遴选，少数委员觉得应当扩大范围，会上未作结论。\n",
            "少数委员觉得应当扩大范围",
            "INTERNAL",
        ),
    ],
)
def test_keys_and_views(text: str, sentence: str, label: str) -> None:
    assert label in labels_on(text, sentence)


RISK = "松阳县地方金融监管局\n\n辖内机构风险监测情况\n\n\u3000\u3000{}\n"


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("松阳丰源农村商业银行股份有限公司报送，拨备覆盖率为112%，较上季下降9个百分点。", True),
        ("全县银行业金融机构不良贷款率1.6%，同比下降0.2个百分点。", False),
    ],
)
def test_institution_risk_figures(sentence: str, found: bool) -> None:
    assert ("TRADE_SECRET" in labels_on(RISK.format(sentence), sentence[-12:])) is found


@pytest.mark.parametrize(
    "term", ["不良贷款率", "拨备覆盖率", "资本充足率", "关注类贷款", "贷款集中度"]
)
def test_risk_terms_in_lexicon(term: str) -> None:
    from pipeline.lexicons import matcher

    assert term in {t for _s, _e, t in matcher("trade_secret_terms").find(f"该行{term}为9%")}
