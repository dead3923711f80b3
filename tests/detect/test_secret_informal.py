"""Rows for :mod:`pipeline.detect.secret_informal` and :mod:`pipeline.detect.provisional_scores`:
a 街道/区 office's working notes (工作群, 台账, 交接班, 备忘录) tell 第十四条 details and
unsettled 考核 marks without the words of a 通知; what it publishes on the same subjects stays
quiet. Written in other words than the fourteenth wording's generator."""

from __future__ import annotations

import pytest

from pipeline.detect.provisional_scores import provisional_score
from pipeline.detect.secret_informal import informal_secret
from pipeline.detect.state_secret import state_cue

SECRET = [
    "上午体检到站三十五人，通过十九人，两人需复检。",
    "政审结束，合格十一人，一人暂缓。",
    "新兵明天凌晨6点在人武部门口上车，两辆客车送到高铁站。",
    "分到海军的三人，部队代号为71234。",
    "接命令后四十分钟内到中心小学操场集合，共三个班三十六人。",
    "备用集合点放在粮站院子，另调五台货车。",
    "担负燃气站的警戒任务，行进路线走建设路。",
    "水库大坝设两个岗哨，每班三人，早八点和晚八点换岗。",
    "夜巡每小时一趟，西侧围墙摄像头是死角。",
    "这周值班口令不换，库房钥匙由刘海平一人拿着。",
    "外围管控圈延伸五百米，设六个卡点。",
    "人民路口设二号卡点，7:00开始查验证件，配十五人。",
    "警卫车队经解放大道进场，提前十分钟封闭道路。",
    "昨天取回秘密级文件五份，锁在机要室二号柜。",
    "三个涉密移动硬盘已收回，由专人保管，月底送销毁。",
    "老张家门口安排两人，每两小时报一次位置。",
    "包保组两人轮班看着，夜里十点交接。",
    "开考前一小时从保密室领取，两台押运车，民警随车。",
]
PUBLISHED = [
    "武装部在广场设征兵咨询点，发放宣传资料五百份。",
    "今年共有二十名青年光荣入伍，街道举行了欢送仪式。",
    "民兵整组大会上，八十名基干民兵接受点验。",
    "考生须在开考前十五分钟进入考场。",
    "马拉松当天7:00至12:00，中山路禁止机动车通行。",
    "培训讲解了涉密载体管理规定，大家表示不用涉密U盘连外网。",
    "实行包案化解，化解信访积案五件。",
    "应急避难集合点设在文化广场，可容纳两千人。",
    "试卷实行全程保密管理，考生不必担心。",
    "体检合格的青年将在网上公示，公示期五天。",
    "各社区安排两名网格员每天入户走访，宣传防诈知识。",
]


@pytest.mark.parametrize("sentence", SECRET)
def test_working_note_detail_is_a_state_secret(sentence: str) -> None:
    assert informal_secret(sentence) is not None
    assert state_cue(sentence) is not None


@pytest.mark.parametrize("sentence", PUBLISHED)
def test_published_sentence_on_the_subject_stays_quiet(sentence: str) -> None:
    assert informal_secret(sentence) is None


PROVISIONAL = [
    "河西社区先给八十六分，主要扣在档案不齐，名次暂列第四。",
    "两个镇只差零点五分，先进名额暂时空着，等主任拍板。",
    "老周的等次先按称职报，领导说再议。",
]
SETTLED = [
    "年度考核结果已经区委研究确定，现予公布。",
    "考核实行百分制，满分一百分，其中台账占二十分。",
    "评优名额按参评单位数的百分之二十确定。",
]


@pytest.mark.parametrize("sentence", PROVISIONAL)
def test_unsettled_mark_is_internal(sentence: str) -> None:
    assert provisional_score(sentence) is not None


@pytest.mark.parametrize("sentence", SETTLED)
def test_settled_or_rule_mark_is_not(sentence: str) -> None:
    assert provisional_score(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "各镇要对辖区重点人员逐一落实稳控责任人，会期实行每日见面。",
        "节日期间实行每日报告制度，包保责任人每日17时前报送稳控情况。",
    ],
)
def test_a_watch_rule_for_all_is_no_watch_under_way(sentence: str) -> None:
    assert informal_secret(sentence) is None


@pytest.mark.parametrize(
    "sentence", ["关于年度考核等次拟定情况的说明", "依照国家有关标准等规定，制定本细则"]
)
def test_grade_words_in_a_title_or_rule_are_no_open_mark(sentence: str) -> None:
    assert provisional_score(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    ["警卫车队走南二环，抵达前五分钟管控路口。", "车队经东三环进场，到达前十分钟封路。"],
)
def test_a_motorcade_road_named_by_its_ring_road(sentence: str) -> None:
    assert informal_secret(sentence) is not None


@pytest.mark.parametrize(
    ("sentence", "published"),
    [
        ("该公司今年报价拟降至每吨3900元。", False),
        ("企业说下半年报价要下调百分之十。", False),
        ("据该公司2024年半年报，营业收入同比增长。", True),
        ("公司已在年报中披露主要客户。", True),
    ],
)
def test_a_season_before_a_quotation_is_no_published_report(sentence: str, published: bool) -> None:
    from pipeline.detect.published_facts import PUBLISHED_FACTS

    assert bool(PUBLISHED_FACTS.search(sentence)) is published


@pytest.mark.parametrize(
    "sentence", ["全年全区共有三百名青年上站体检，合格一百二十人。", "本年度共有85人通过政审。"]
)
def test_a_year_total_of_recruits_is_published(sentence: str) -> None:
    assert informal_secret(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "网格员每天沿主干道巡逻一趟，发现问题及时上报。",
        "志愿者集合点设在体育馆北门，共四十人。",
        "运动会当天学生在操场集合，八个班依次入场。",
    ],
)
def test_a_daily_round_or_a_crowd_gathering_is_no_post_or_muster(sentence: str) -> None:
    assert informal_secret(sentence) is None
