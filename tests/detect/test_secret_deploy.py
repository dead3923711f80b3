"""Table tests for :mod:`pipeline.detect.secret_deploy`, :mod:`pipeline.detect.secret_release`
and :mod:`pipeline.detect.secret_orders` (issue 19, twelfth pass): the state secrets a 地级市
office states in its orders and 情况报告 — a force at a square, a convoy's road and hour, a
patrol's gap, a key room's floor, a 密码 device's keys, an exam's setters, a danger or a
bank's plan before release — and the published wording on the same topics that must stay
quiet. Sentences are written for this project; names and figures are invented.
"""

from __future__ import annotations

import pytest

from pipeline.detect.clause_paper import header_row
from pipeline.detect.clauses import ClauseRecognizer
from pipeline.detect.secret_deploy import deployed_secret
from pipeline.detect.secret_orders import order_content
from pipeline.detect.secret_release import released_later

DEPLOYED = [
    ("春节前后，市公安局要在汽车客运站设便衣民警20名，18时至次日6时由王某带班", "force"),
    ("特警支队2个中队在市会展中心集中待命，接令后15分钟内到达处置现场", "standby"),
    ("对列入重点管控的12名涉稳人员落实一人一专班，严禁其进京到省", "watched"),
    ("网信办要对8个重点群组和30个网络账号实施技术监控", "net-watch"),
    ("某部运输分队60台车辆拟于5月3日2时经G60沪昆高速进入我市", "convoy"),
    ("保障期间S20高速K30至K52段实行临时交通管制，严禁对外透露车队编成", "convoy-control"),
    ("交通运输局要在北互通预置加油车3台，保障过境车队油料20吨", "convoy-supply"),
    ("五号界碑至老渡口一线每日巡逻2次，分别于6时、14时出发，每班4人", "patrol"),
    ("2时至5时石滩段暂无固定值守力量，由护边员加密巡查", "patrol-gap"),
    ("东湾附近3处视频监控点位夜间失效，维修完成前严禁减少人防力量", "camera-gap"),
    ("市委机要室设在市委2号楼4楼西侧412室，门禁由专人负责", "key-room"),
    ("全市保密要害部位共15个，其中3个的报警系统尚未联网", "key-parts"),
    ("此次配发SJJ-12型密码机3台，安装于县委值班室", "cipher"),
    ("密钥每10天更换一次，由张某、李某两人分持保管，严禁一人掌握两份", "cipher-keys"),
    ("数学学科命题组由王某（市一中）、李某（市教科院）组成，赵某任组长", "setters"),
    ("命题人员于6月1日入闱市教育培训中心，封闭12天", "setters-in"),
]
QUIET = [
    ("马拉松赛事期间，对世纪大道实施全封闭交通管制，请驾驶人提前绕行", "race-control"),
    ("进入边境管理区的人员，应当按规定办理边境通行证", "border-rule"),
    ("边防巡逻执勤人员依法执行任务时，有关单位和个人应当予以配合", "patrol-law"),
    ("国庆期间全市共出动警力3000人次，圆满完成安保任务", "after-event"),
    ("扎实做好维稳工作，群众安全感满意度达到98.2%", "work-report"),
    ("政务服务大厅设在1号楼一层，办公时间为工作日9:00—17:00", "office-move"),
    ("商用密码产品检测认证目录可登录国家密码管理局网站查询", "cipher-outreach"),
    ("各学科试题由省教育考试院统一命题，命题工作严格执行保密规定", "exam-notice"),
    ("请服从现场民警指挥", "traffic-police"),
    ("消防救援分队出动车辆6台，经迎宾大道赶赴现场", "fire-news"),
    ("交警将于7时起在人民路路段加强巡逻，每班4人", "street-patrol"),
    ("为各乡镇配发X-200型无人机5台，由乡镇应急办保管", "drone"),
    ("在重点路段预置抢修车10台、发电车3台", "flood-supply"),
]
RELEASED = [
    ("病例与某冷库12名职工存在关联，该结论尚未经专家组审定，不得向媒体透露", "link"),
    ("河口镇堤防出现4处管涌险情，下游3千人尚未转移", "danger"),
    ("拟于6月14日（周五）17时营业终了后宣布对某农商行实施接管", "takeover"),
    ("该行不良贷款实际为32.5亿元，资本缺口约11亿元，拟由市财政注资8亿元", "hole"),
    ("接管消息公布前，要对5名原高管实施出境边控", "bosses"),
]
RELEASE_QUIET = [
    ("经批准，自6月17日起对某农商行实施接管，接管期限为一年", "takeover-notice"),
    ("接管期间，该行照常经营，存款人的合法权益依法受到保护", "takeover-deposits"),
    ("坚决守住不发生系统性金融风险的底线", "report-risk"),
    ("全市新增报告本土确诊病例3例，均在集中隔离点中发现", "bulletin"),
    ("经测算，全年困难群众救助资金缺口约为500万元，拟由市财政统筹解决", "budget-gap"),
    ("拟于3月底撤销该议事协调机构，相关职责并入市发展改革委", "plan-abolish"),
]


@pytest.mark.parametrize(("sentence", "case"), DEPLOYED, ids=[c for _, c in DEPLOYED])
def test_deployment_found(sentence: str, case: str) -> None:
    assert deployed_secret(sentence) is not None, case


@pytest.mark.parametrize(
    ("sentence", "case"), QUIET + RELEASE_QUIET, ids=[c for _, c in QUIET + RELEASE_QUIET]
)
def test_published_wording_quiet(sentence: str, case: str) -> None:
    assert deployed_secret(sentence) is None, case
    assert released_later(sentence) is None, case


@pytest.mark.parametrize(("sentence", "case"), RELEASED, ids=[c for _, c in RELEASED])
def test_before_release_found(sentence: str, case: str) -> None:
    assert released_later(sentence) is not None, case


@pytest.mark.parametrize(
    ("label", "sentence", "content"),
    [
        ("STATE_SECRET", "密钥由张某、李某两人分持保管，严禁一人同时掌握两份密钥", True),
        ("STATE_SECRET", "死亡3例，上述数据在省卫生健康委统一发布前严禁外传", True),
        ("STATE_SECRET", "严禁泄露试题", False),
        ("STATE_SECRET", "严禁对外透露有关情况", False),
        ("TRADE_SECRET", "严禁一人同时掌握两份密钥，由张某、李某两人分持保管", False),
    ],
)
def test_order_content(label: str, sentence: str, content: bool) -> None:
    assert order_content(label, sentence) is content


def _secret(text: str) -> list[str]:
    return [f.text for f in ClauseRecognizer().analyze(text) if f.label == "STATE_SECRET"]


@pytest.mark.parametrize(
    ("sentence", "case"), DEPLOYED + RELEASED, ids=[c for _, c in DEPLOYED + RELEASED]
)
def test_clause_path_flags_it(sentence: str, case: str) -> None:
    """The 严禁/必须 of a city order does not make it an instruction: the finding stands."""
    text = f"关于有关工作情况的报告\n\n市委：\n\u3000\u3000{sentence}。\n"
    assert _secret(text), case


TABLE_HEAD = "\n\n市委：\n\u3000\u3000现将有关情况报告如下。\n附件\n"


@pytest.mark.parametrize(
    ("title", "header", "row", "found"),
    [
        (
            "关于国庆期间维护稳定工作部署的报告",
            "部位\t警力配置\t\t值守时段\n\t民警（名）\t便衣（名）\t",
            "火车站\t12\t6\t8:00—22:00",
            True,
        ),
        (
            "关于做好部队过境交通保障工作的请示",
            "路段\t保障时段\t\t管制措施\n\t起\t止\t",
            "G60高速\t5月3日2时\t6时\t封闭半幅",
            True,
        ),
        (
            "关于中考命题工作安排的请示",
            "学科\t命题人员\t\t审题人员\n\t姓名\t工作单位\t",
            "数学\t王某某\t市一中\t李某某",
            True,
        ),
        (
            "关于配发密码设备有关事项的通知",
            "接收单位\t设备\t\t责任人\n\t型号\t数量（台）\t",
            "县委办公室\tSJJ-12\t2\t张某",
            True,
        ),
        (
            "关于上半年主要经济指标初步核算情况的报告",
            "指标\t绝对值\t增速（%）\t\n\t（亿元）\t本市\t全省",
            "地区生产总值\t1234.5\t5.1\t5.6",
            True,
        ),
        (
            "关于中考报名工作的公告",
            "学科\t命题人员\t\t审题人员\n\t姓名\t工作单位\t",
            "数学\t省考试院\t统一命题\t省考试院",
            False,
        ),
    ],
)
def test_rows_under_a_secret_title(title: str, header: str, row: str, found: bool) -> None:
    text = f"{title}{TABLE_HEAD}{header}\n{row}\n{row}\n"
    assert bool(_secret(text)) is found
    sub = text.index(header.split("\n")[1])
    assert not [f for f in ClauseRecognizer().analyze(text) if f.start <= sub < f.end]


@pytest.mark.parametrize(
    ("table", "line", "is_header"),
    [
        ("部位\t警力配置\t\t时段\n\t民警（名）\t便衣（名）\t\n广场\t12\t6\t8:00\n", 1, True),
        ("部位\t警力配置\t\t时段\n\t民警（名）\t便衣（名）\t\n广场\t12\t6\t8:00\n", 0, True),
        ("部位\t警力配置\t\t时段\n\t民警（名）\t便衣（名）\t\n广场\t12\t6\t8:00\n", 2, False),
        ("姓名\t职务\t意见\n张某\t科长\t建议提拔\n李某\t科员\t建议留任\n", 1, False),
    ],
)
def test_two_line_header(table: str, line: int, is_header: bool) -> None:
    text = "附表\n" + table
    start = sum(len(x) + 1 for x in text.split("\n")[: line + 1])
    assert header_row(text, start) is is_header


@pytest.mark.parametrize(("mark", "internal"), [("（代拟稿）", True), ("（内部）", False)])
def test_title_status_marks(mark: str, internal: bool) -> None:
    """（代拟稿） is a 文稿状态 (INTERNAL); （内部） a 内部资料-type marking (SECRET_MARK)."""
    text = f"某市人民政府办公室\n\n关于某事项的请示{mark}\n\n市人民政府：\n\u3000\u3000现就有关事项请示如下。\n"
    found = [f.text for f in ClauseRecognizer().analyze(text) if f.label == "INTERNAL"]
    assert (mark in found) is internal
