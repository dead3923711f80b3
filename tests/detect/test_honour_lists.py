"""An honour decision (表彰/命名/授予 …称号) lists the persons it honours: its names are
persons (published by the decision), though no 公示 or 名单 heads it (issue 19)."""

from __future__ import annotations

import pytest

from pipeline.detect.judge_structure import honour_decision
from pipeline.detect.registry import detect


@pytest.mark.parametrize(
    ("text", "honours"),
    [
        ("平江县人民政府\n关于表彰2024年度优秀教师的决定\n\n    经研究，决定：", True),
        ("某市总工会\n关于命名某市五一劳动奖章获得者的通报\n", True),
        ("某县妇联\n关于授予赵春兰等同志“三八红旗手”称号的决定\n", True),
        ("某县人民政府\n关于印发春耕生产工作方案的通知\n\n    各乡镇：表彰先进", False),
        ("某市商务局\n关于认定老字号的通知\n", False),
    ],
)
def test_honour_decision(text: str, honours: bool) -> None:
    assert honour_decision(text) is honours


def test_honoured_names_found() -> None:
    text = (
        "平江县总工会\n关于表彰平江县劳动模范的决定\n\n    决定授予以下同志荣誉称号：\n\n"
        "一、劳动模范\n蒋德华  平江县人民医院护士长\n覃秋菊  三墩乡卫生院医生\n"
        "二、先进工作者\n邝永福、鲁桂香、聂长生\n\n平江县总工会\n2025年5月1日\n"
    )
    found = {f.text for f in detect(text) if f.label == "PERSON" and f.role != "official"}
    assert {"蒋德华", "覃秋菊", "邝永福", "鲁桂香", "聂长生"} <= found, found
