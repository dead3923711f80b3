"""Clause-level TRADE_SECRET, INTERNAL, STATE_SECRET: content, not instructions or statistics."""

from __future__ import annotations

import pytest

from pipeline.detect.clauses import ClauseRecognizer

R = ClauseRecognizer()


def _labels(text: str) -> list[tuple[str, str]]:
    return [(f.label, f.text) for f in R.analyze(text)]


@pytest.mark.parametrize(
    ("text", "label", "span"),
    [
        (
            "第二中标候选人：韶关市恒达建筑工程有限公司，投标报价4,912,800.00元，综合管理费率为4.2%；",
            "TRADE_SECRET",
            "投标报价4,912,800.00元，综合管理费率为4.2%",
        ),
        (
            "其中，宜昌长江精密机械有限公司2023年实现营业收入3.46亿元、净利润2,870万元。",
            "TRADE_SECRET",
            "2023年实现营业收入3.46亿元、净利润2,870万元",
        ),
        (
            "　　局党组会议讨论时，有意见认为可先调剂使用福彩公益金，最终未予采纳。",
            "INTERNAL",
            "局党组会议讨论时，有意见认为可先调剂使用福彩公益金，最终未予采纳",
        ),
        (
            "　　规划期内拟新增区级财政投入约3.2亿元（此数据待区财政局确认）。",
            "INTERNAL",
            "规划期内拟新增区级财政投入约3.2亿元（此数据待区财政局确认）",
        ),
        (
            "　　（一）关于王某同志。该同志全年无正当理由旷工累计4天。",
            "INTERNAL",
            "该同志全年无正当理由旷工累计4天",
        ),
        ("附件\n西河片区停车场建设方案（讨论稿）\n", "INTERNAL", "（讨论稿）"),
        (
            "　　截至5月31日，市级储备粮实际库存小麦3.82万吨、稻谷5.16万吨。",
            "STATE_SECRET",
            "截至5月31日，市级储备粮实际库存小麦3.82万吨、稻谷5.16万吨",
        ),
    ],
)
def test_flagged(text: str, label: str, span: str) -> None:
    assert (label, span) in _labels(text)


@pytest.mark.parametrize(
    "text",
    [
        "中标人：广东粤北建设集团有限公司，中标价：人民币4,865,320.00元。",  # must be published
        "2024年，证券公司实现营业收入4967亿元，同比增长3.2%。",  # industry statistic
        "本通知涉及的库存数量、库点分布等信息，不得通过互联网传播。",  # an instruction
        "附件：西河片区停车场建设方案（讨论稿）",  # the 附件说明 line
        "作为申请人的公民死亡，其近亲属尚未确定是否参加行政复议。",  # statute language
        "当事人违法所得2,000元，货值金额5,000元。",  # penalty facts
    ],
)
def test_not_flagged(text: str) -> None:
    assert _labels(text) == []
