"""The nineteenth clause pass (第十四条 unmarked): rows a 征兵 or 考务 paper's table header
makes secret (pipeline.detect.secret_rows), a figure before release read over a draft word,
sites, forces and papers' content said plainly (pipeline.detect.secret_plain), a task named
as a topic (no route), and a sentence broken at a line opening with a comma
(pipeline.detect.clause_spans), and a published paper (公报) where the model alone is not enough —
each beside published wording that must stay quiet.
Sentences are written for these tests, not taken from the evaluation wordings."""

from __future__ import annotations

import pytest

from pipeline.detect.clause_spans import sentences
from pipeline.detect.registry import CLAUSES
from pipeline.detect.secret_plain import plain_secret
from pipeline.detect.state_secret import ROUTE, state_cue
from pipeline.thresholds import min_score


def _draft(title: str, body: str, issuer: str = "平原县人民政府办公室") -> str:
    return f"{issuer}\n平办〔2025〕7号\n\n{title}\n\n各有关单位：\n{body}\n"


def _found(text: str, label: str = "STATE_SECRET") -> list[str]:
    return [
        f.text for f in CLAUSES.analyze(text) if f.label == label and f.score >= min_score(f.label)
    ]


# (title, table lines, the value cells a reviewer withholds)
ROWS = [
    (
        "关于分配下半年征兵任务的通知",
        "序号\t街道\t征集任务数\n1\t城东街道\t16\n",
        "城东街道\t16",
    ),
    (
        "新兵征集工作安排",
        "单位\t男兵名额\t女兵名额\n柳河镇\t9\t1\n",
        "9\t1",
    ),
    (
        "阅卷工作方案",
        "题号\t评分要点\n7\t答出供求关系影响价格即给分\n",
        "答出供求关系影响价格即给分",
    ),
    (
        "命题工作安排",
        "题目\t分值\t答案\n第12题\t3\t光合作用\n",
        "3\t光合作用",
    ),
    (
        "关于下达今年征兵任务的通知",
        "序号\t乡镇\t计划人数\n1\t柳河镇\t14\n",
        "柳河镇\t14",
    ),
]


@pytest.mark.parametrize(("title", "table", "span"), ROWS)
def test_a_row_under_a_secret_header_is_its_values(title: str, table: str, span: str) -> None:
    found = _found(_draft(title, "　　现将有关安排印发如下。\n" + table))
    assert any(span in f for f in found), found


# The same headers in published papers: a 公告 lists results, a table of question types
# lists marks only.
QUIET_ROWS = [
    ("征兵工作结果公告", "序号\t乡镇\t入伍人数\n1\t柳河镇\t12\n"),
    ("关于今年中考有关事项的公告", "科目\t题型\t分值\n语文\t选择题\t30\n"),
    ("关于开展安全检查的通知", "序号\t单位\t任务\n1\t柳河镇\t排查隐患\n"),
    # a 征兵 paper's schedule column: 计划 alone is no count
    ("关于做好征兵体检工作的通知", "序号\t乡镇\t体检计划时间\n1\t柳河镇\t8月3日\n"),
]


@pytest.mark.parametrize(("title", "table"), QUIET_ROWS)
def test_published_tables_stay_quiet(title: str, table: str) -> None:
    assert not _found(_draft(title, "　　现将有关情况公布如下。\n" + table))


# Sentences that state the secret plainly, with the matter plain_secret names.
PLAIN = [
    ("两处战时医疗救护工程分别位于老城区和高新区，可容纳伤员三百人。", "军事人防设施位置"),
    ("新建管线北侧150米有军用光缆，开挖时须由部队派人现场指认。", "军事人防设施位置"),
    ("处突分队30人在市民中心地下车库待命，十分钟内可到场。", "安保警力部署及稳控安排"),
    ("三号水厂取水口由4名民兵轮值看守。", "安保警力部署及稳控安排"),
    ("英语试卷第4大题为完形填空，短文选自一篇环保题材的报道，每空1分。", "启用前试卷的保管与内容"),
]


@pytest.mark.parametrize(("sentence", "cue"), PLAIN)
def test_plain_secret_names_the_matter(sentence: str, cue: str) -> None:
    assert plain_secret(sentence) == cue
    assert _found(_draft("关于近期重点工作的情况报告", f"　　{sentence}"))


QUIET = [
    "城区已有8处人防工程平时用作停车场，战时用作人员掩蔽。",
    "今年共组织民兵训练3期，参训民兵260人次，圆满完成任务。",
    "考试满分120分，题型与去年保持一致。",
    "救灾物资的调运由应急管理部门统一指挥。",
    "各乡镇要做好新兵起运交接工作。",
]


@pytest.mark.parametrize("sentence", QUIET)
def test_published_wording_stays_quiet(sentence: str) -> None:
    assert not _found(_draft("关于近期重点工作的情况报告", f"　　{sentence}"))


@pytest.mark.parametrize(
    "sentence",
    [
        "录取分数线拟定为512分，尚未对外公布。",
        "事业单位招聘笔试的合格线暂定58分，公布前请勿外传。",
    ],
)
def test_a_cut_off_before_release_is_a_state_secret(sentence: str) -> None:
    assert state_cue(sentence) == "尚未公布的考试分数线"
    text = _draft("考试情况汇报", f"　　{sentence}")
    assert _found(text) and not _found(text, "INTERNAL")


def test_a_published_cut_off_stays_quiet() -> None:
    assert state_cue("合格分数线已于7月2日公布，为60分。") is None


@pytest.mark.parametrize(
    ("words", "route"),
    [
        ("应急物资调运方案", False),
        ("新兵起运交接", False),
        ("物资调运由应急局统一指挥", False),
        ("经滨河路运抵仓库", True),
        ("经城东大道送达各考点", True),
        ("险情时经X105运往大堤", True),
        # a step of procedure, no road
        ("申请材料经窗口受理后送至审批科", False),
        ("决定书经审核后送达当事人", False),
        ("粮食调运至城南中转库", True),
    ],
)
def test_a_task_named_as_a_topic_is_no_route(words: str, route: bool) -> None:
    assert bool(ROUTE.search(words)) is route


def test_a_line_opening_with_a_comma_goes_on_the_line_above() -> None:
    text = "　　考试当天7时15分\n，试卷由两名民警押运到各考点。\n"
    assert [text[a:b] for a, b in sentences(text)] == [
        "考试当天7时15分\n，试卷由两名民警押运到各考点"
    ]


@pytest.mark.parametrize(
    ("title", "sentence", "label"),
    [
        # a 公报's note on its own data: the model's INTERNAL reading alone is not enough
        (
            "2024年国民经济和社会发展统计公报",
            "本公报数据均为初步统计数，部分数据因四舍五入存在分项合计与总计不等的情况。",
            None,
        ),
        # a figure left to be settled, in the lexicon's words, is still read
        (
            "2024年国民经济和社会发展统计公报",
            "全年粮食产量暂按初步统计数计算，待国家统计局核定后另行公布。",
            "INTERNAL",
        ),
    ],
)
def test_a_published_paper_needs_more_than_the_model(
    title: str, sentence: str, label: str | None
) -> None:
    text = _draft(title, f"　　{sentence}", issuer="平原县统计局")
    found = {f.label for f in CLAUSES.analyze(text) if f.score >= min_score(f.label)}
    assert found == ({label} if label else set())


def test_a_marking_threshold_in_a_marking_plan_is_a_state_secret() -> None:
    sentence = "主观题两评分差在4分以内的取平均分，超出的交题组长裁定。"
    assert _found(_draft("阅卷工作实施细则", f"　　{sentence}", issuer="平原县教育局"))
    published = "阅卷实行双评，两评分差超过规定分值的由题组长仲裁。"
    assert not _found(_draft("关于做好中考考务工作的公告", f"　　{published}"))


def test_a_meetings_decision_is_no_internal_reading_of_the_model() -> None:
    head = "平原县人民政府常务会议纪要\n第3期\n平原县人民政府办公室　　　2025年3月1日\n\n"
    text = (
        head
        + "关于某项目有关问题的讨论情况\n\n　　会议听取了汇报。会议议定，原则同意该项目实施方案，由财政局按程序拨付资金。\n"
    )
    assert not _found(text, "INTERNAL")
