"""主题分类: clear cases, the weighting rules (title over body, body damped by length, longest
term first), the fallback for no match and ties, a taxonomy file of one's own, accuracy on
our labelled cases, and a sensible topic for every devset document."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pipeline.catalog.topics import (
    DEFAULT_TAXONOMY,
    classify,
    load_taxonomy,
    parse_taxonomy,
    title_terms,
)

CASES = Path(__file__).with_name("topic_cases.tsv")


def _cases() -> list[tuple[str, str, str]]:
    rows = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            title, first, topic = line.split("\t")
            rows.append((title, first, topic.strip()))
    return rows


@pytest.mark.parametrize(
    ("title", "text", "topic"),
    [
        ("曲江区马坝镇2024年耕地地力保护补贴发放对象公示（第一批）", "", "农业农村"),
        ("关于印发内涝防治方案的通知", "", "城乡建设"),  # drainage works
        ("宜昌市西陵区人民政府办公室关于印发西陵区城市内涝灾害应急预案的通知", "", "应急管理"),
        ("关于切实做好2024年春季森林防灭火工作的通知", "", "应急管理"),
        ("政府信息公开申请答复书", "", "综合政务"),
        ("关于第二轮省级环境保护督察反馈问题整改情况的报告", "", "生态环境"),
        ("关于调整城乡居民医保缴费标准的通知", "", "社会保障"),  # insurance, not 卫生健康
        ("关于开展医疗机构依法执业专项检查的通知", "", "卫生健康"),
        ("嘉兴市公安局关于马拉松比赛期间对部分道路实施交通管制的通告", "", "公安司法"),
        (
            "行政处罚决定书",
            "你单位未按规定设置粉尘防爆安全警示标志，违反了安全生产法。",
            "应急管理",
        ),
        ("关于沈建明等同志职务任免的通知", "", "人事"),
        ("关于2025年度兵役登记和征兵工作的通告", "", "其他"),
    ],
)
def test_clear_cases(title: str, text: str, topic: str) -> None:
    result = classify(title, text)
    assert result.topic == topic, result.explanation
    assert result.score > 0.5


def test_accuracy_on_our_labelled_cases() -> None:
    """Own cases (tests/catalog/topic_cases.tsv, written for this project): >= 85 %."""
    rows = _cases()
    assert len(rows) >= 40
    misses = [
        (t, want, classify(t, f).topic) for t, f, want in rows if classify(t, f).topic != want
    ]
    accuracy = 1 - len(misses) / len(rows)
    assert accuracy >= 0.85, misses
    assert {topic for _, _, topic in rows} == set(load_taxonomy().topics)  # every topic tried


def test_explanation_names_the_terms_where_they_were_found() -> None:
    result = classify(
        "马坝镇耕地地力保护补贴发放对象公示", "经农户申报、村委会审核，按实际种粮面积发放补贴。"
    )
    assert result.topic == "农业农村"
    assert result.explanation.startswith("标题含“耕地地力保护补贴”，正文含")
    assert "“农户”" in result.explanation and "“种粮”" in result.explanation
    assert result.matched_terms[0] == "耕地地力保护补贴"
    assert {"农户", "种粮"} <= set(result.matched_terms)


def test_the_longest_term_wins_where_terms_overlap() -> None:
    result = classify("耕地地力保护补贴发放公示", "")
    assert "自然资源" not in result.scores  # its 耕地 is inside the longer term
    assert title_terms("关于春季森林防灭火工作的通知") == ["森林防灭火"]


def test_a_weight_zero_term_hides_the_shorter_one_inside_it() -> None:
    # 民政 is inside every 人民政府; the lexicon lists 人民政府 with weight 0
    result = classify("关于某某事项的函", "经区人民政府同意，请各镇人民政府于月底前回复。")
    assert "民政" not in result.scores and result.topic == "综合政务"


def test_no_term_falls_back_to_the_first_topic_with_score_zero() -> None:
    result = classify("关于某某事项的函", "请于本月底前回复。")
    assert (result.topic, result.score, result.runner_up) == ("综合政务", 0.0, None)
    assert "未见主题词" in result.explanation


# --- the weighting, on a taxonomy of our own ---------------------------------------------

TOY = """# a toy taxonomy
[综合政务]
公开	1
[甲]
苹果	1
香蕉	2
[乙]
橘子	2
柚子	2
"""


@pytest.fixture
def toy(tmp_path: Path) -> Path:
    path = tmp_path / "toy.txt"
    path.write_text(TOY, encoding="utf-8")
    return path


def test_a_taxonomy_file_can_be_passed(toy: Path) -> None:
    taxonomy = load_taxonomy(toy)
    assert taxonomy.topics == ("综合政务", "甲", "乙") and taxonomy.fallback == "综合政务"
    assert classify("香蕉的通知", taxonomy=toy).topic == "甲"
    assert classify("香蕉的通知", taxonomy=taxonomy).topic == "甲"
    assert load_taxonomy() is load_taxonomy(DEFAULT_TAXONOMY)  # read once


def test_title_weighs_more_than_body(toy: Path) -> None:
    # 香蕉 once in the title beats 橘子, of the same weight, three times in the body
    result = classify("香蕉", "橘子和橘子，还有橘子。", taxonomy=toy)
    assert (result.topic, result.runner_up) == ("甲", "乙")


def test_body_hits_are_damped_by_length(toy: Path) -> None:
    short = classify("通知", "柚子。", taxonomy=toy).scores["乙"]
    long = classify("通知", "柚子。" + "无关的话。" * 400, taxonomy=toy).scores["乙"]
    assert long < short / 2


def test_a_tie_falls_back_to_the_first_topic(toy: Path) -> None:
    result = classify("香蕉与橘子", "", taxonomy=toy)
    assert (result.topic, result.score, result.runner_up) == ("综合政务", 0.0, "甲")
    assert "得分相同" in result.explanation


def test_the_issuer_counts_between_title_and_body(toy: Path) -> None:
    assert classify("决定书", "", issuer="柚子局", taxonomy=toy).topic == "乙"
    assert classify("苹果局关于柚子的通知", "", taxonomy=toy).topic == "乙"  # 苹果局 issues


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("苹果\t1\n", "before the first"),
        ("[甲]\n苹果\tx\n", "not a number"),
        ("[甲]\n苹果\t-1\n", "must not be negative"),
        ("[甲]\n苹果\n[乙]\n苹果\n", "already listed under 甲"),
        ("[甲]\n[甲]\n", "repeated topic"),
        ("# only a header\n", r"no \[主题\]"),
    ],
)
def test_a_bad_taxonomy_file_is_refused_with_its_line(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        parse_taxonomy(path)


# --- the devset ---------------------------------------------------------------------------

# Each devset document's topic as we file it; a set where two are defensible.
DEVSET_TOPICS: dict[str, set[str]] = {
    "d001": {"应急管理"},
    "d002": {"农业农村"},
    "d003": {"综合政务", "城乡建设"},
    "d004": {"公安司法"},
    "d005": {"应急管理"},
    "d006": {"国民经济管理"},
    "d007": {"民政"},
    "d008": {"城乡建设", "科技教育"},
    "d009": {"人事"},
    "d010": {"自然资源"},
    "d011": {"生态环境"},
    "d012": {"财政金融", "科技教育"},
    "d013": {"公安司法"},
    "d014": {"城乡建设"},
    "d015": {"综合政务", "社会保障"},
    "d016": {"应急管理"},
    "d017": {"城乡建设", "交通运输"},
    "d018": {"民政"},
    "d019": {"人事"},
    "d020": {"人事"},
    "d021": {"工业信息化"},
    "d022": {"社会保障"},
    "d023": {"自然资源"},
    "d024": {"民政"},
    "d025": {"人事", "卫生健康"},
    "d026": {"综合政务"},
    "d027": {"生态环境"},
    "d028": {"交通运输"},
    "d029": {"市场监管"},
    "d030": {"国民经济管理"},
}


def test_every_devset_document_gets_a_sensible_topic(
    devset_records: dict[str, dict[str, Any]],
) -> None:
    """Printed as a table (pytest -s): id, topic, score, runner-up, why."""
    assert set(devset_records) == set(DEVSET_TOPICS)
    wrong = []
    for doc_id, record in sorted(devset_records.items()):
        meta = record["metadata"]
        result = classify(meta["title"], record["text"], issuer=meta.get("issuer"))
        print(
            f"{doc_id}\t{result.topic}\t{result.score:.2f}\t{result.runner_up}\t{result.explanation}"
        )
        if result.topic not in DEVSET_TOPICS[doc_id]:
            wrong.append((doc_id, result.topic, result.explanation))
    assert not wrong
