"""Names in prose's slots (pipeline/detect/name_slots.py): coordinated names, names before
夫妇/等人, a clause's subject; look-alikes that start with a surname stay quiet."""

from __future__ import annotations

import pytest

from pipeline.detect.name_slots import name_score, slot_names
from pipeline.detect.proposals import person_proposals


def _found(text: str, anchors: tuple[str, ...] = ()) -> dict[str, str]:
    spans = [(text.index(a), text.index(a) + len(a)) for a in anchors]
    return {text[a:b]: source for (a, b), source in slot_names(text, spans).items()}


@pytest.mark.parametrize(
    ("text", "anchors", "names"),
    [
        # coordinated names, one side anchored by a slot of its own
        ("经查，张建军与李秀梅于3月2日签订协议。", (), {"张建军", "李秀梅"}),
        ("王建国和刘秀英夫妇反映，其房屋漏水。", (), {"王建国", "刘秀英"}),
        (
            "村民马德福称，陈秀兰、周桂英和郑春生三人均未领取。",
            (),
            {"马德福", "陈秀兰", "周桂英", "郑春生"},
        ),
        ("其中，赵建国及孙丽娟母女居住在东坪村。", (), {"赵建国", "孙丽娟"}),
        ("欧阳明轩跟黄德军驾驶车辆途经此处。", (), {"欧阳明轩", "黄德军"}),
        # a clause's subject before the verb of an act
        ("刘海波反映其承包地被占。", (), {"刘海波"}),
        ("另查明，孙立新持有该地块的承包经营权证。", (), {"孙立新"}),
        # beside a name another source proposed: a minority name, a padded name
        ("买买提·吐尔逊与王　东一同前往。", ("买买提·吐尔逊",), {"王\u3000东"}),
        ("王　东与李秀梅一同前往。", (), {"王\u3000东", "李秀梅"}),
        ("陈嘉豪和路军然于当日到场。", ("陈嘉豪",), {"陈嘉豪", "路军然"}),
        # look-alikes that start with a surname: places, words
        ("游客在王府井与张家口之间往返。", (), set()),
        ("高新区和平路与会人员听取了汇报。", (), set()),
        ("李子园村民小组召开了会议。", (), set()),
        ("和平与发展是时代主题。", (), set()),
        ("周一与周末均可办理。", (), set()),
        ("张某某与李某某于3月协商未果。", (), set()),  # anonymised: no name
        ("高新区管委会于3月2日反映情况。", (), set()),
        # who applied after 经, and a 收养人 couple before 夫妇
        ("经周军申请，对坐落于中山路58号的房屋办理登记。", (), {"周军"}),
        ("经王秀兰、周军申请，办理注销登记。", (), {"王秀兰", "周军"}),
        ("收养人王秀兰、呼延华夫妇收养一名女孩。", (), {"王秀兰", "呼延华"}),
        ("经本局申请，予以登记。", (), set()),
        ("经查明申请人未到场。", (), set()),
    ],
)
def test_slot_names(text: str, anchors: tuple[str, ...], names: set[str]) -> None:
    assert set(_found(text, anchors)) == names


@pytest.mark.parametrize(
    ("text", "name", "source"),
    [
        ("王建国和刘秀英夫妇反映问题。", "刘秀英", "rule:slot_private_act"),
        ("李明等人到场。", "李明", "rule:slot_group"),
        ("经查，孙立新于3月2日到场。", "孙立新", "rule:slot_subject"),
        ("经查，李秀梅与孙立新于3月2日到场。", "李秀梅", "rule:slot_coordinated"),
    ],
)
def test_the_slot_is_the_source(text: str, name: str, source: str) -> None:
    assert _found(text)[name] == source


@pytest.mark.parametrize(
    ("name", "not_name"),
    [("王建国", "王府井"), ("刘秀英", "张家口"), ("李明", "高新区"), ("陈嘉豪", "和平")],
)
def test_names_score_above_look_alikes(name: str, not_name: str) -> None:
    assert (name_score(name) or 0.0) > (name_score(not_name) or 0.0)


def test_no_surname_no_score() -> None:
    assert name_score("阿依古丽") is None
    assert name_score("王") is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("经查，张建军与李秀梅于3月2日签订协议。", "张建军"),
        ("王建国和刘秀英夫妇反映，其房屋漏水。", "王建国"),
    ],
)
def test_the_proposals_carry_the_slot(text: str, name: str) -> None:
    proposals = {p.text: p.sources for p in person_proposals(text)}
    assert any(s.startswith("rule:slot_") for s in proposals[name])


def test_a_coordinator_read_into_a_name_is_left_out() -> None:
    """A model's 李妍同 (李妍|同|揭林秋) goes when 李妍 is proposed too."""
    text = "现场核查发现，李妍同揭林秋及孙家明父子向村委会提出书面申请。"
    texts = {p.text for p in person_proposals(text)}
    assert "李妍同" not in texts
    assert {"李妍", "揭林秋", "孙家明"} <= texts


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "信访事项处理意见书\n经查，张建军与李秀梅于3月2日签订了房屋租赁合同，"
            "王建国和刘秀英夫妇反映其房屋漏水。\n",
            {"张建军", "李秀梅", "王建国", "刘秀英"},
        ),
        ("游客在王府井与张家口之间往返，高新区和平路与会人员听取了汇报。\n", set()),
    ],
)
def test_the_judge_keeps_names_in_slots(text: str, names: set[str]) -> None:
    from pipeline.detect.judge import JudgedPersonRecognizer

    found = {f.text for f in JudgedPersonRecognizer().analyze(text) if f.role == "private"}
    assert found == names


def test_without_a_slot_model_names_only_slots_proposed_are_dropped() -> None:
    from pipeline.detect.judge_slots import slot_only, with_slots

    text = "村民路军然与陈嘉豪于当日到场。"
    proposals = person_proposals(text)
    probabilities = with_slots(None, proposals, text, [0.9] * len(proposals))
    for p, prob in zip(proposals, probabilities, strict=True):
        assert prob == (0.0 if slot_only(p) else 0.9)
    assert any(slot_only(p) for p in proposals)
