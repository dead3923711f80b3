"""A speech's speaker line named by posts alone (pipeline/metadata_speaker.py) and a 纪要's
标志 that names its organ (pipeline/metadata_minutes.py), pinned by small documents as
county offices, schools, hospitals, firms and 党群 bodies print them (the kinds of
tests/fixtures/metadata_eighteenth.py)."""

from __future__ import annotations

import pytest

from pipeline.metadata import extract_metadata
from pipeline.metadata_minutes import minutes_mark
from pipeline.metadata_speaker import speaker_line

S = "\u3000"
BODY = "　　为认真贯彻落实上级有关部署要求，结合我单位实际，现就有关事项明确如下。"


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ("县委副书记、县长　王建国", True),
        ("党委书记　李卫东", True),
        ("院长　陈晓红", True),
        ("总经理　赵志明", True),
        ("县委常委、常务副县长　刘海燕", True),
        ("主席  孙立新", True),
        ("校党委书记、校长　周国强", True),
        ("党委书记李卫东", False),  # no blank between post and name: a run of words
        ("院长办公会", False),
        ("主任　　", False),
        ("各科室主任　请于3月5日前报送", False),
        ("关于调整院长办公会议事规则的通知", False),
    ],
)
def test_speaker_line(line: str, speaker: bool) -> None:
    assert speaker_line(line) is speaker


@pytest.mark.parametrize(
    ("line", "mark"),
    [
        ("江西师范大学会议纪要", True),
        ("昌黎县人民政府办公室会议纪要", True),
        ("安吉水务集团有限公司会议纪要", True),
        ("共青团婺源县委员会纪要", True),
        ("会议纪要", False),  # a bare banner: banner() reads it
        ("桐庐县人民政府第19次常务会议纪要", False),  # the title itself
        ("关于西河片区停车场建设有关问题的会议纪要", False),
        ("桐庐县人民医院", False),
    ],
)
def test_minutes_mark(line: str, mark: bool) -> None:
    assert minutes_mark(line) is mark


@pytest.mark.parametrize("post", ["县委副书记、县长", "党委书记", "院长", "总经理"])
@pytest.mark.parametrize("pad", ["", S * 4])
def test_speech_titled_by_its_occasion(post: str, pad: str) -> None:
    """在…上的讲话 alone, the speaker by post and name, the date in brackets."""
    text = "\n".join(
        [
            pad + "在全校妇女工作推进会上的讲话",
            S * 8 + f"{post}{S}王建国",
            S * 9 + "（二〇二四年三月二十日）",
            "同志们：",
            BODY,
        ]
    )
    meta = extract_metadata(text)
    assert (meta.title, meta.date, meta.doc_number) == (
        "在全校妇女工作推进会上的讲话",
        "2024-03-20",
        None,
    )


def test_speech_title_over_two_lines() -> None:
    text = "\n".join(
        [
            S * 4 + "在集团党风廉政建设",
            S * 4 + "工作会议上的讲话",
            S * 8 + "总经理　赵志明",
            S * 9 + "（2025年9月23日）",
            "同志们：",
            BODY,
        ]
    )
    assert extract_metadata(text).title == "在集团党风廉政建设工作会议上的讲话"


@pytest.mark.parametrize(
    "organ", ["江西师范大学", "昌黎县人民政府办公室", "安吉县人民医院", "婺源县总工会"]
)
@pytest.mark.parametrize("serial", ["第25期", "昌政纪〔2025〕25号"])
def test_minutes_under_a_mark_naming_the_organ(organ: str, serial: str) -> None:
    """GB/T 9704 10.3: a 纪要's 标志 is "…纪要"; the meeting's title comes under the
    office and date line."""
    text = "\n".join(
        [
            f"{organ}会议纪要",
            serial,
            f"{organ}{S * 6}2025年4月28日",
            S * 4 + "第25次党委会会议纪要",
            "　　时间：2025年4月28日上午9:00",
            "　　主持：李卫东",
            "　　会议研究了有关事项，现纪要如下：",
            BODY,
        ]
    )
    meta = extract_metadata(text)
    assert (meta.title, meta.issuer, meta.date, meta.doc_type) == (
        "第25次党委会会议纪要",
        organ,
        "2025-04-28",
        "纪要",
    )


def test_minutes_mark_alone_is_the_title() -> None:
    """With no meeting's title under it, the mark is all the paper has for one."""
    text = "\n".join(
        ["安吉县人民医院会议纪要", "第3期", "　　会议研究了有关事项，现纪要如下：", BODY]
    )
    assert extract_metadata(text).title == "安吉县人民医院会议纪要"
