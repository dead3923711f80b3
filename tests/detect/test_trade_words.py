"""Brands, lineages, regional groupings, thing columns and legal phrases name nobody
(issue 19, twenty-first pass); the private persons beside them are still names."""

from __future__ import annotations

import pytest

from pipeline.detect.name_lookalikes import not_a_name

ROWS = [
    # a legal phrase: the party's statement, the party's own word after 的
    ("证据有：（三）申请人的陈述；（四）书证", "陈述", True),
    ("被申请人的意见与举证", "意见", True),
    ("申请人的配偶方秀英到场", "方秀英", False),
    # a brand or a 老字号 before what the business is
    ("本市恒顺酱园于1890年开业", "恒顺", True),
    ("县城胡庆余堂药号新开分店", "胡庆余", True),
    ("展销会上稻香斋专柜人气最旺", "稻香斋", True),
    ("游客涌入六必居老字号门店", "六必居", True),
    ("批准宋大妈馄饨馆开业", "宋大妈", True),
    ("经营者宋红梅，身份证号码", "宋红梅", False),
    # a brand among brands, a 、 list ending in 等…品牌 or entering as chains
    ("货架上摆着娃哈哈、康师傅等知名品牌饮料", "康师傅", True),
    ("今年百果园、钱大妈入驻便民生活圈示范连锁店", "钱大妈", True),
    ("检查了刘建军、唐秀云等经营户的台账", "唐秀云", False),
    ("刘建军、唐秀云销售无品牌散装酒", "唐秀云", False),
    # a lineage or a troupe, not a person
    ("申报项目为罗氏针灸疗法", "罗氏", True),
    ("赵家班木偶戏入选名录", "赵家班木偶戏", True),
    ("传承人赵家豪，男", "赵家豪", False),
    # a regional grouping of cities
    ("推动京津冀、成渝地区协同发展", "成渝", True),
    ("支持呼包鄂榆城市群建设", "呼包鄂榆", True),
    # a cell of a column that names projects or units, not people
    ("项目名称\t承担单位\n神农架林下中药材种植\t林业科学研究所\n", "神农架", True),
    ("姓名\t承担单位\n韦德明\t林业科学研究所\n", "韦德明", False),
    # a word read across a tab is two cells
    ("甲\t乙\n重点示范\t朝阳县农技站\n", "范\t朝", True),
    # a division's name without its suffix, four characters long
    ("认定第二批“乌鲁木齐老字号”", "乌鲁木齐", True),
    ("申报地区：桐梓\n县", "桐梓", True),
    # a proposal that runs into the trade's kind or the list's close
    ("县城恒顺酱园开业", "恒顺酱", True),
    ("货架上摆着娃哈哈、康师傅等知名品牌饮料", "康师傅等", True),
    ("项目名称\t承担单位\n", "项目名称", True),
    # a verb after an adverb: the party states, it is no 陈 named 述
    ("当事人蒋德华如实陈述了违法事实", "陈述", True),
    ("被检查人拒不配合检查", "配合", True),
    ("证人陈述华到庭作证", "陈述华", False),
    # a three-character everyday word read as a name
    ("销售假冒铁观音一批", "铁观音", True),
    ("经营者铁观华，男", "铁观华", False),
    ("申请人张国庆，男", "张国庆", False),  # a name jieba knows is still a name
]


@pytest.mark.parametrize(("text", "word", "nobody"), ROWS)
def test_not_a_name(text: str, word: str, nobody: bool) -> None:
    start = text.index(word)
    assert bool(not_a_name(text, start, start + len(word))) is nobody


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("经查，该店经营场所位于平江县人民路18号门面。", "平江县人民路18号"),
        ("办公地点设在平江县人民路18号。", "平江县人民路18号"),
    ],
)
def test_premises_published(text: str, place: str) -> None:
    from pipeline.detect.address import published_address

    start = text.index(place)
    assert published_address(text, start, start + len(place))


def test_home_after_living_is_not_premises() -> None:
    from pipeline.detect.address import published_address

    text = "经营者蒋德华，住平江县人民路18号。"
    start = text.index("平江县")
    assert published_address(text, start, start + 9) is None
