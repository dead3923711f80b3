"""The 删除理由 list (pipeline/reasons.py): every category with its 条例 article, the
defaults a finding's label gives, 其他个人信息 with a free label, masking."""

from __future__ import annotations

import pytest

from pipeline.labels import LABELS, REDACTABLE
from pipeline.reasons import (
    CATEGORIES,
    CHOICES,
    OTHER_PERSONAL,
    as_choice,
    default_choice,
    mask,
    presumed,
    reason_of,
    stored_reason,
)


def test_each_category_cites_its_article() -> None:
    cited = {c.name: f"{c.article}{c.paragraph}" for c in CATEGORIES.values()}
    assert cited == {
        "国家秘密": "第十四条",
        "个人隐私": "第十五条",
        "商业秘密": "第十五条",
        "其他个人信息": "第十五条",
        "内部事务信息": "第十六条第一款",
        "过程性信息": "第十六条第二款",
        "行政执法案卷信息": "第十六条第二款",
    }
    # the page's list offers every category, each option naming its article
    offered = {reason_of(choice, "准考证号").category for choice, _text in CHOICES}
    assert offered == set(CATEGORIES)
    assert all("第十" in text for _choice, text in CHOICES)


def test_every_label_defaults_to_a_reason_without_a_note() -> None:
    for label in LABELS:
        reason = presumed(label)
        assert reason.category != "other_personal", label
    assert reason_of(default_choice("ID_CARD")).text == "个人隐私（身份证号）"
    assert reason_of(default_choice("TRADE_SECRET")).text == "商业秘密"
    assert reason_of(default_choice("INTERNAL")).cited == "第十六条第二款"
    assert all(reason_of(default_choice(label)).label == label for label in REDACTABLE)


def test_other_personal_needs_a_short_label_of_its_own() -> None:
    reason = reason_of("other_personal", " 准考证号 ")
    assert (reason.label, reason.detail, reason.text) == (
        OTHER_PERSONAL,
        "准考证号",
        "其他个人信息（准考证号）",
    )
    with pytest.raises(ValueError, match="须注明"):
        reason_of("other_personal", "  ")
    with pytest.raises(ValueError, match="不能超过"):
        reason_of("other_personal", "很" * 21)
    with pytest.raises(ValueError, match="无效的删除类别"):
        reason_of("NOPE")
    # a label means its default (older forms and decisions files send labels)
    assert as_choice("PHONE") == "privacy:PHONE" and as_choice("NOPE") == "NOPE"
    # a note given with another reason is not kept
    assert reason_of("privacy:PERSON", "准考证号").detail == "个人姓名"


def test_a_stored_reason_keeps_the_words_it_was_stored_with() -> None:
    row = reason_of("other_personal", "健康状况").to_dict()
    again = stored_reason({**row, "category": "旧的类别名"})
    assert again is not None and again.text == "旧的类别名（健康状况）"
    assert stored_reason({"label": "PERSON"}) is None


def test_masks_reveal_neither_the_rest_nor_the_length() -> None:
    assert mask("王小明") == "王＊＊"
    assert mask("440101199001011234") == mask("4") == "4＊＊"
    assert "小明" not in mask("王小明")
