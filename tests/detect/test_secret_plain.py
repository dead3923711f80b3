"""Unmarked state secrets written plainly (pipeline.detect.secret_plain, 第十四条): the
sentence, the table row under a paper's title and the title line itself, each beside the
published wording that shares its words. Every flagged row gives no STATE_SECRET finding
before the secret16 pass; every quiet row stays quiet after it."""

from __future__ import annotations

import pytest

from pipeline.detect.registry import CLAUSES
from pipeline.detect.secret_plain import plain_secret, secret_in_paper, secret_title, secret_topic
from pipeline.thresholds import min_score


def _draft(title: str, body: str, issuer: str = "安平县人民政府办公室") -> str:
    return f"{issuer}\n安办〔2025〕12号\n\n{title}\n\n各乡镇人民政府：\n{body}\n"


def _state(text: str) -> list[str]:
    return [
        f.text
        for f in CLAUSES.analyze(text)
        if f.label == "STATE_SECRET" and f.score >= min_score(f.label)
    ]


# Sentences of a working paper that state the secret without the lexicon's words.
PLAIN = [
    ("第三批新兵共42人，定于9月14日凌晨乘T226次列车离开县城。", "兵员输送安排"),
    ("接兵干部介绍，今年我县新兵去向主要是北部战区某旅。", "兵员输送安排"),
    ("县人防指挥所建在老城区电影院地下，距地面约18米。", "军事人防设施位置"),
    ("驻军某部弹药库在白沙镇以北约4公里，道路拓宽须避开。", "军事人防设施位置"),
    ("装订好的卷袋先放在教研室里间的铁柜，钥匙由两位副局长分别保管。", "启用前试卷的保管与内容"),
    ("数学卷共命制三套，由分管局长考试当天早上抽定启用。", "启用前试卷的保管与内容"),
    ("机要局现有密码机四台，放在二楼东侧机房。", "涉密事项的具体情况"),
    ("省里下达的涉密项目共两个，合同额合计860万元。", "涉密事项的具体情况"),
    ("救灾帐篷600顶已前置到青石镇和柳林乡。", "储备数量及存放地点"),
    ("按现有库存，全县成品粮可供城区居民食用15天。", "储备数量及存放地点"),
    ("县人防办地下指挥中心位于县政府大楼负二层，设有独立通风系统。", "军事人防设施位置"),
    ("首批新兵于9月10日6时在县人武部集合，统一乘坐大巴前往火车站。", "兵员输送安排"),
    (
        "在火车站广场布设便衣警力12人，设3个临时盘查点，重点人员由专班盯防。",
        "安保警力部署及稳控安排",
    ),
]


@pytest.mark.parametrize(("sentence", "cue"), PLAIN)
def test_plain_secret_names_the_matter(sentence: str, cue: str) -> None:
    assert plain_secret(sentence) == cue
    assert _state(_draft("关于近期重点工作的情况报告", f"　　{sentence}"))


# The same words in what a published paper says: how to apply, what was done, publicity.
QUIET = [
    "欢送新兵仪式上，124名新兵乘大客车前往市征兵站。",
    "新兵起运的时间另行通知，请家长关注县人武部公众号。",
    "全市建成人防工程12处，平时用作地下停车场，位于各大商场地下。",
    "新时代文明实践阵地设在各村综合文化站，共建成86个。",
    "严禁将试卷带出保密室，违者追究责任。",
    "笔试已于6月20日结束，试卷由省考试院统一命制，参考答案已公布。",
    "全县共检查涉密计算机136台，未发现违规外联。",
    "应急物资储备坚持政府储备与社会储备相结合。",
    "为确保新兵起运工作万无一失，各单位要加强协调。",
    "征集到的群众意见已分配到各部门办理，共涉及入伍优待等事项12项。",
    # a holiday notice telling people what is laid on for them
    "县公安局实行24小时值班，每天安排民警20名在岗备勤，群众遇到困难可拨打110求助。",
    "商圈实行全天候巡逻，共投入警力200名，保障群众安全出行。",
    "节日期间每个景区部署民警6名巡逻，游客如遇紧急情况请拨打110。",
]


@pytest.mark.parametrize("sentence", QUIET)
def test_published_wording_stays_quiet(sentence: str) -> None:
    assert plain_secret(sentence) is None
    assert not _state(_draft("关于近期重点工作的情况报告", f"　　{sentence}"))


# Rows of a table: the title's matter supplies what the row does not say.
ROWS = [
    ("关于下达2025年度兵员征集计划的通知", "乡镇\t任务数\n东关镇\t18名\t其中女兵2名", "18名"),
    ("中考试卷印制运送工作安排", "环节\t时间\t地点\n印制\t6月2日\t县第二印刷厂", "6月2日"),
    ("县级储备粮库存情况报告", "库点\t品种\t数量\n北关库\t小麦\t12800吨", "12800吨"),
    ("人防工程维护情况报告", "工程\t位置\n5号工程\t新华小学操场下方", "操场下方"),
]


@pytest.mark.parametrize(("title", "table", "secret"), ROWS)
def test_rows_under_a_secret_title(title: str, table: str, secret: str) -> None:
    found = _state(_draft(title, table))
    assert any(secret in f for f in found)


@pytest.mark.parametrize(
    ("title", "row"),
    [
        ("2025年度征兵公告", "报名\t1月1日至6月30日\t全国征兵网"),
        ("中考考试须知", "语文\t6月20日\t9:00-11:30"),
        ("关于做好秋粮收购工作的通知", "收购点\t小麦\t12800吨"),
        ("关于开展商用密码应用安全性评估的通知", "1\t5月10日\t县政务服务中心"),
        ("关于征集2025年民生实事项目的通知", "城关镇\t建议12条\t参与群众300人"),
        ("人防工程维护管理情况报告", "3号工程\t人民广场地下\t平时用作停车场"),
    ],
)
def test_rows_of_published_or_other_papers_stay_quiet(title: str, row: str) -> None:
    assert secret_in_paper(row, secret_topic(title)) is None


# A title that names the secret matter itself is escalated; a topic title is not.
@pytest.mark.parametrize(
    ("title", "secret"),
    [
        ("关于2025年征兵任务数分配的通知", True),
        ("关于下达下半年兵员征集指标的通知", True),
        ("关于中考命题教师5月8日入闱的通知", True),
        ("关于城关镇3号库稻谷2.4万吨轮换出库的请示", True),
        ("关于做好2025年征兵工作的通知", False),
        ("2025年度征兵任务数完成情况的公示", False),
        ("关于做好中考考务工作的通知", False),
        ("关于下达2025年社会意见征集名额的通知", False),
    ],
)
def test_title_naming_the_matter(title: str, secret: bool) -> None:
    assert secret_title(title) is secret
    found = _state(_draft(title, "　　现将有关事项通知如下。"))
    assert (title in found) is secret


# A numbered heading holding the figure is content; a heading naming a section is not.
@pytest.mark.parametrize(
    ("line", "secret"),
    [
        ("　　三、新兵起运时间：9月12日凌晨", True),
        ("　　（二）5号库存稻谷3.1万吨", True),
        ("　　二、应急调运路线", False),
        ("　　四、储备规模", False),
    ],
)
def test_heading_with_its_figure(line: str, secret: bool) -> None:
    found = _state(_draft("关于做好新兵起运和粮食储备工作的通知", line))
    assert bool(found) is secret


# A cue now stands beside a lexicon term; published wording with a term stays quiet.
@pytest.mark.parametrize(
    ("title", "sentence"),
    [
        ("关于中考成绩公布的通知", "今年中考数学试卷难度适中，重点考查学生的核心素养。"),
        (
            "关于人防工程开放的公告",
            "位于人民广场地下的人防工程平时作为地下商场使用，现面向社会开放。",
        ),
    ],
)
def test_published_wording_with_a_term(title: str, sentence: str) -> None:
    assert not _state(_draft(title, f"　　{sentence}"))
