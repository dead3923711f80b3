"""Rules fixed against a fourteenth hand (tests/fixtures/attribute_fourteenth*.py), one
small written document each: a 行政许可 granted to a firm is published (第二十条（五）)
and one granted to a person is not; the 考官 arrangement of an exam not yet held is kept
as an exam secret (第十四条). Each pins the attribute and the article."""

from __future__ import annotations

import pytest

from tests.decide_support import suggest_and_redact

PERMIT_FIRM = (
    "准予取水行政许可决定书\n遵水许〔2025〕14号\n遵义广源水务有限公司：\n"
    "　　你公司于2025年3月2日提交的取水许可申请，本机关已依法受理。经审查，符合法定条件，"
    "决定准予行政许可。\n　　许可有效期至2030年3月1日。\n遵义市红花岗区水利局\n2025年3月20日\n"
)
# Title lost in the wrapping; the firm addressed as 你单位, the grant wrapped over a line.
PERMIT_FIRM_WRAPPED = (
    "德城交许〔2024〕7号\n德州同创路桥有限公司：\n　　你单位申请的道路运输经营许可，经审查，决定准\n"
    "予许可，许可证编号：371402000123。\n德州市德城区交通运输局\n2024年5月6日\n"
)
PERMIT_PERSON = (
    "准予出租汽车驾驶员从业资格许可通知\n薛晓东（身份证号码：430621198601018832）：\n"
    "　　你于2024年5月9日申请出租汽车驾驶员从业资格，经审查，符合规定条件，准予许可。\n"
    "　　请于10日内凭本决定到政务服务中心窗口领取证件。\n平江县交通运输局\n2024年5月20日\n"
)
# The holder runs a 个体工商户 shop: the trade named is not a body holding the permit.
PERMIT_SHOP_KEEPER = (
    "个体工商户经营场所卫生许可决定书\n戴红斌（身份证号码：43062119591\n2104324）：\n"
    "　　你于2026年6月15日申请个体工商户经营场所卫生许可，经审查，符合规定条件，准予许\n可。\n"
    "麦积区卫生健康局\n2026年6月30日\n"
)
EXAMINERS = (
    "2025年度公开招录公务员面试考官安排\n"
    "　　面试定于2025年8月16日举行，考官于当日7:00到人事考试中心集中，抽签确定考场后入场。\n"
    "第1考场：主考官汤霞慧，考官岑航、戴国、柏桂德\n"
    "　　考官名单在面试结束前不得泄露。\n仁怀市人力资源和社会保障局\n2025年7月7日\n"
)
EXAMINERS_TABLE = (
    "面试考官抽调及分组安排表\n"
    "第1组：主考官邵宇航，考官施丽娟、贺德明\n第2组：主考官葛海燕，考官鲍文斌、符素芬\n"
    "甘谷县人力资源和社会保障局\n2024年6月1日\n"
)


@pytest.mark.parametrize(
    ("text", "attribute", "article"),
    [
        (PERMIT_FIRM, "主动公开", "第二十条"),
        (PERMIT_FIRM_WRAPPED, "主动公开", "第二十条"),
        (PERMIT_PERSON, "依申请公开", "第十五条"),
        (PERMIT_SHOP_KEEPER, "依申请公开", "第十五条"),
    ],
)
def test_permit_published_for_a_firm_not_for_a_person(
    text: str, attribute: str, article: str
) -> None:
    suggestion, _ = suggest_and_redact(text)
    assert suggestion.attribute == attribute
    assert article in suggestion.legal_basis


@pytest.mark.parametrize("text", [EXAMINERS, EXAMINERS_TABLE])
def test_examiner_arrangement_is_an_exam_secret(text: str) -> None:
    suggestion, _ = suggest_and_redact(text)
    assert suggestion.attribute == "不予公开"
    assert suggestion.legal_basis[0] == "第十四条"
    assert suggestion.needs_escalation
