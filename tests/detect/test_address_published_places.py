"""Places published as places, not homes: a shop's door, a run of buildings or groups,
everybody in a 组, an event's venue, a 公示 row of an asset or a works item — and the
same shapes kept where they are a person's home (a 户主's row, 其住所位于, 家住…)."""

from __future__ import annotations

import pytest

from pipeline.detect.registry import detect


def _private(text: str) -> list[str]:
    return [f.text for f in detect(text) if f.label == "ADDRESS" and f.role == "private"]


@pytest.mark.parametrize(
    "text",
    [
        "经审核，清水湾老年食堂位于清水湾25栋2单元103，符合设置条件，准予备案。",
        "经审核，锦绣华庭便民药店（锦绣华庭14-2-1203）符合设置条件，准予备案。",
        "停水通知\n\n\u3000\u3000因电梯年检，天骄首府11栋、12栋将于2025年3月2日停水一天，请各位业主提前储水。\n",
        "请居住在锦绣华庭8栋至20栋的住户于3月5日到社区接种。",
        "居住在松埠社区二组的群众到村部领取。",
        "2024年8月1日，青年社区在锦绣华庭15号楼前开展新冠疫苗接种，服务居民80人次。",
        "柳冲村集体资产出租情况公示\n1.路灯安装\t十组9号\t2900\n2.便民桥\t七组37号\t1100\n",
        "槐屯社区以工代赈项目公示\n1.老年活动室\t七组21号\t1200\n2.村部旧址\t十组5号\t7800\n",
    ],
)
def test_places_a_notice_publishes_are_no_home(text: str) -> None:
    assert _private(text) == []


@pytest.mark.parametrize(
    ("text", "home"),
    [
        ("申请人马建国，其住所位于梧桐郡3栋2单元501室。", "梧桐郡3栋2单元501室"),
        (
            "危房改造补助发放公示\n户主\t住址\t金额\n田爱民\t桃冲村九组81号\t5000\n",
            "桃冲村九组81号",
        ),
        ("信访人王建平，家住柏坝镇桃岭村3组12号，反映路灯不亮。", "柏坝镇桃岭村3组12号"),
    ],
)
def test_the_same_shapes_kept_as_homes(text: str, home: str) -> None:
    assert home in _private(text)
