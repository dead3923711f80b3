"""Table tests for :mod:`pipeline.detect.secret_affairs` (issue 19, thirteenth pass): the state
secrets a provincial 厅/局 or a 县 office states in its 专报, 会商纪要, 电话记录, 便函 and
汇报提纲 — a 警卫 visit's hour and route, our limit in a foreign talk, a site before its
approval, a system's open hole, a guarded place's gap, squads posted and persons watched, a
crowd's intent and the threshold of the response, outbreak figures before release, a paper's
question before the exam — and the published wording on the same subjects, which must stay
quiet. Sentences are written for this project; names and figures are invented.
"""

from __future__ import annotations

import pytest

from pipeline.detect.clauses import ClauseRecognizer

SECRET = [
    ("贵宾一行预计10月3日9时20分到达东站，随后车队沿建设大道、人民路驶往会议中心", "visit-route"),
    ("警卫对象入住滨湖饭店3号楼，次日7时30分出发赴开发区视察", "visit-lodging"),
    ("车队经过前5分钟封控沿线路口，备用路线为北环路", "visit-control"),
    ("参观点停留约25分钟，警戒由治安大队负责", "visit-stop"),
    ("对方若要求降价，我方最低可接受每吨310美元，超出此幅度须报省政府", "talks-limit"),
    ("外方坚持独资时，我们的对案是以技术入股方式保留30%股份", "talks-fallback"),
    ("获悉对方谈判代表的授权上限为2亿欧元", "talks-their-limit"),
    ("新机场场址初定于柳河乡东侧，需占用耕地约1800亩，方案尚未上报国务院审批", "site-pending"),
    ("垃圾焚烧厂选址在项目核准前一律不得对外公开，目前倾向于北山沟方案", "site-quiet"),
    ("省社保系统外网地址10.21.3.17开放了1433端口，口令为默认口令", "hole-port"),
    (
        "调度主站使用的中间件存在反序列化漏洞，截至目前仍未修复，可直接获取数据库权限",
        "hole-unfixed",
    ),
    ("车站广场等6处重点部位监控存在14个盲区，凌晨3时至5时巡逻力量最为薄弱", "gap"),
    ("突击队2组共24人在体育馆地下车库定点备勤，接令后3分钟出动", "squads"),
    ("全县列管的涉恐人员17名中，有2名近期频繁出入边境口岸，已由技侦部门实施通讯管控", "watched"),
    ("西村清真寺周边近日聚集群众约300人，其中骨干9人，正酝酿串联赴省城上访", "crowd"),
    ("若现场人数超过200人，立即启动一级响应，并请求武警中队增援", "threshold"),
    (
        "截至今日18时，该县新增阳性感染者46例，其中重症3例，发布口径尚未确定，各地不得自行通报",
        "outbreak",
    ),
    ("据内部预测，下周确诊病例可能增至2000例以上", "outbreak-forecast"),
    ("本届中考语文作文题目为“一封家书”，要求写成记叙文", "exam-question"),
    ("反劫持方案明确，狙击手2组分别占据银行对面楼顶和北侧天桥", "snipers"),
    ("处置时排爆组在北门外停车场待命，突击组由西侧消防通道进入", "teams"),
]
QUIET = [
    ("国家领导人一行在我省考察期间，走访了企业和社区，看望了困难群众", "visit-news"),
    ("马拉松比赛期间，建设大道7时至12时实行交通管制，请市民提前绕行", "race"),
    ("领导干部的出行安排属于保密内容，请勿在网上发布", "outreach"),
    ("经过多轮友好磋商，双方就合作条件达成一致，中方持股55%", "talks-news"),
    ("经省人民政府批准，北山沟片区征收集体土地320亩，补偿标准每亩6万元", "land-notice"),
    ("厂商已发布安全补丁修复该漏洞，请用户及时升级，并关闭不必要的端口", "patch-notice"),
    ("演练定于5月8日9时在汽车站举行，届时将有警车鸣笛通行，请群众不要惊慌", "drill"),
    ("今年以来全县共化解矛盾纠纷300余件，信访总量下降12%", "work-report"),
    ("截至昨日24时，全省累计报告确诊病例87例，以上数据已在新闻发布会上发布", "outbreak-out"),
    ("去年中考语文作文题为“一封家书”，试题及答案已在网上公开", "exam-past"),
    ("我省投放储备猪肉3000吨，保障节日市场供应", "reserve-release"),
    ("演练科目包括反劫持、排爆、人员疏散等，参演单位12家", "drill-items"),
]
RECOGNIZER = ClauseRecognizer()


def _labels(sentence: str) -> set[str]:
    text = f"情况专报\n\n关于有关情况的报告\n\u3000\u3000{sentence}。\n"
    return {f.label for f in RECOGNIZER.analyze(text)}


@pytest.mark.parametrize(("sentence", "case"), SECRET, ids=[c for _s, c in SECRET])
def test_secret_affairs_are_state_secrets(sentence: str, case: str) -> None:
    assert "STATE_SECRET" in _labels(sentence), case


@pytest.mark.parametrize(("sentence", "case"), QUIET, ids=[c for _s, c in QUIET])
def test_published_wording_stays_quiet(sentence: str, case: str) -> None:
    assert not _labels(sentence) & {"STATE_SECRET", "INTERNAL", "TRADE_SECRET"}, case


# A bulletin of first-estimate figures to the leaders (its title: 初步核算 … 情况): its
# indicator sentences and rows are figures before release; a released 发布稿 is not.
STATISTICS_PAPERS = [
    (
        "经济运行专报\n第3期\n\n上半年全市主要指标初步核算情况\n\u3000\u3000本期供领导参阅。\n"
        "\u3000\u3000有4个县区增速低于零，其中南部某县回落2.6%。\n",
        True,
    ),
    (
        "经济运行专报\n第3期\n\n上半年全市主要指标初步核算情况\n\u3000\u3000本期供领导参阅。\n"
        "指标\t总量（亿元）\t增速（%）\n工业增加值\t812\t3.4\n",
        True,
    ),
    (
        "上半年全市经济运行情况新闻发布稿\n\n\u3000\u3000本期供媒体使用。\n"
        "\u3000\u3000全市工业增加值812亿元，增长3.4%。\n",
        False,
    ),
]


@pytest.mark.parametrize(("text", "secret"), STATISTICS_PAPERS, ids=["prose", "row", "release"])
def test_first_estimate_bulletin(text: str, secret: bool) -> None:
    labels = {f.label for f in RECOGNIZER.analyze(text)}
    assert ("STATE_SECRET" in labels) is secret


# A table's own caption line names what the table holds; the values are in its rows.
@pytest.mark.parametrize(
    ("line", "empty"),
    [
        ("应急物资库存明细表（截至5月31日）", True),
        ("各乡镇任务分配汇总表", True),
        ("成品油储备分布表", True),
        ("该库库存3.2万吨，详见明细表", False),
        ("三号库储备粮2.6万吨统计表", False),
        ("约谈组内部认为该机构问题比报表", False),
    ],
)
def test_table_caption_has_no_content(line: str, empty: bool) -> None:
    from pipeline.detect.clause_paper import no_content

    assert no_content(line) is empty


# A table of where dangerous goods are kept and how much (储存点⇥位置⇥存量): the rows are the
# stock and its place, as a 储备 table's are; a published 名单 公示 is quiet.
STORE_TABLES = [
    (
        "关于督办件的回复\n\n省安委办：\n\u3000\u3000现将核查情况回复如下。\n民爆物品储存点情况表\n"
        "储存点\t位置\t存量\t看守\n2号点\t青石镇后沟村\t12吨\t2\n",
        True,
    ),
    (
        "危险化学品企业名单公示\n\n\u3000\u3000现予公示。\n企业\t位置\t存量\n"
        "某化工公司\t工业园区\t大\n",
        False,
    ),
]


@pytest.mark.parametrize(("text", "secret"), STORE_TABLES, ids=["store-rows", "list-notice"])
def test_store_table_rows(text: str, secret: bool) -> None:
    labels = {f.label for f in RECOGNIZER.analyze(text)}
    assert ("STATE_SECRET" in labels) is secret
