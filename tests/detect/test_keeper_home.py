"""A 个体工商户's 住所 under its keeper's line (经营者：name, ID) is the keeper's home, not the
business's seat; a company's 住所 stays its seat (issue 19, twenty-first pass)."""

from __future__ import annotations

import pytest

from pipeline.detect.registry import detect

KEEPER = (
    "平江县市场监督管理局\n行政处罚决定书\n平市监罚〔2025〕18号\n\n"
    "当事人：平江县汪记米粉店（个体工商户）\n经营者：汪德胜  公民身份号码：430626197803150039\n"
    "住所：{home}\n联系电话：13907301234\n经营场所：平江县天岳大道9号门面\n"
)
FIRM = (
    "平江县市场监督管理局\n行政处罚决定书\n\n当事人：平江县天岳米业有限公司\n"
    "法定代表人：汪德胜\n住所：{home}\n"
)


@pytest.mark.parametrize(
    ("template", "home", "private"),
    [
        (KEEPER, "平江县三市镇石牛村5组12号", True),
        (KEEPER, "平江县城关镇建设路88号3栋2单元401室", True),
        (FIRM, "平江县工业园天岳路6号", False),
    ],
)
def test_keeper_home(template: str, home: str, private: bool) -> None:
    text = template.format(home=home)
    start = text.index(home)
    found = [
        f
        for f in detect(text)
        if f.label == "ADDRESS" and f.role != "official" and f.start <= start < f.end
    ]
    assert bool(found) is private, found
