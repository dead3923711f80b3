"""Papers offices file that are not 文件-style 公文 (tests/fixtures/metadata_fifteenth.py):
the rules its drafts showed missing, each pinned by a table that fails without it."""

from __future__ import annotations

import pytest

from pipeline.metadata import extract_metadata
from pipeline.metadata_signature import run_together

S = "\u3000"


@pytest.mark.parametrize(
    ("unit", "issuer"),
    [
        ("岳阳市岳阳楼区卫生健康局编", "岳阳市岳阳楼区卫生健康局"),
        ("编印单位：泸州市江阳区农业农村局", "泸州市江阳区农业农村局"),
        ("编印：湛江市赤坎区应急管理局", "湛江市赤坎区应急管理局"),
        ("宝鸡市渭滨区人民政府办公室编印", "宝鸡市渭滨区人民政府办公室"),
        ("宝鸡市渭滨区人民政府办公室", "宝鸡市渭滨区人民政府办公室"),  # as before
    ],
)
def test_a_briefing_is_issued_by_the_unit_that_edits_it(unit: str, issuer: str) -> None:
    """A 简报 or 信息 prints no 落款: the 编印 unit beside the date under its 期号 is its
    issuer, with 编 (编印, 编印单位：) around the name."""
    text = "\n".join(
        [
            "政务信息",
            "第5期",
            f"{unit}{S * 6}2024年9月23日",
            "岳阳楼区推进营商环境工作",
            "　　正文。",
        ]
    )
    meta = extract_metadata(text)
    assert (meta.title, meta.issuer, meta.date) == ("政务信息", issuer, "2024-09-23")


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("邯郸市丛台区城市管理综合行政执法局", ["邯郸市丛台区城市管理综合行政执法局"]),
        ("烟台市莱山区市场监督管理局", ["烟台市莱山区市场监督管理局"]),
        (
            "宜宾市翠屏区人民政府泸州市江阳区人民政府",
            ["宜宾市翠屏区人民政府", "泸州市江阳区人民政府"],
        ),
    ],
)
def test_a_place_ending_in_a_suffix_word_is_no_second_organ(name: str, parts: list[str]) -> None:
    """丛台 ends in 台 (an organ's suffix, 电视台): "邯郸市丛台" + "区城市管理…局" is one
    name, as no organ's name opens with its level word (区, 县 …)."""
    assert run_together(name) == parts


@pytest.mark.parametrize(
    "row",
    [
        "送达文书名称及文号\t行政处罚决定书（丛环罚〔2025〕8号）",
        "文书名称\t责令改正通知书（江市监责改〔2024〕3号）",
    ],
)
def test_a_table_row_is_no_tail_of_a_forms_name(row: str) -> None:
    """A 送达回证's first cell row names the paper it serves, with that paper's number: no
    part of the form's title, and no 发文字号 of the form."""
    text = "\n".join(
        [S * 4 + "送达回证", row, "受送达人\t泸州市恒达建材有限公司", "送达方式\t直接送达"]
    )
    meta = extract_metadata(text)
    assert (meta.title, meta.doc_number) == ("送达回证", None)


ORGANS = [
    "中国人民银行",
    "国家发展改革委",
    "工业和信息化部",
    "公安部",
    "市场监管总局",
    "中国证监会",
]


@pytest.mark.parametrize("count", [3, 6])
def test_stacked_joint_organs_that_the_title_names_again_stay_in_the_mark(count: int) -> None:
    """A joint 标志 stacked one organ a line, over the 发文字号, whose title names the same
    organs ("甲 乙…关于…"): every name is the 标志's, not only the one beside 文件."""
    names = ORGANS[:count]
    lines = [*names[:-1], names[-1] + "文件", "银发〔2024〕12号", ""]
    lines += [" ".join(names) + "关于防范有关风险的通知", "各有关单位：", "　　正文。"]
    meta = extract_metadata("\n".join(lines))
    assert meta.issuer_mark == "、".join(names) + "文件"


@pytest.mark.parametrize(
    ("lines", "title", "kind"),
    [
        (
            [
                "送　达　回　证",
                "送达文书名称及文号 行政处罚决定书（渭罚〔2025〕3号）受送达人 某公司",
            ],
            "送达回证",
            "送达回证",
        ),
        (
            ["某某区应急管理局安全生产工作", "情况汇报", "　　现将有关情况汇报如下。"],
            "某某区应急管理局安全生产工作情况汇报",
            "报告",
        ),
        (
            ["关于2024年防汛工作的工作汇报", "　　现将有关情况汇报如下。"],
            "关于2024年防汛工作的工作汇报",
            "报告",
        ),
    ],
)
def test_a_receipt_and_a_report_to_a_superior_are_named_kinds(
    lines: list[str], title: str, kind: str
) -> None:
    """A 送达回证 (its cells run together by a PDF reader) and a 情况汇报 name what they
    are: the heading is the title, not the row or the body under it."""
    meta = extract_metadata("\n".join(lines))
    assert (meta.title, meta.doc_type) == (title, kind)


@pytest.mark.parametrize(
    "unit",
    ["编印单位：岳阳市岳阳楼区人力资源和社会保障局", "岳阳市岳阳楼区人力资源和社会保障局编"],
)
def test_a_briefings_unit_over_a_date_a_pdf_wrapped_off_it(unit: str) -> None:
    """A 编印 line whose date a PDF put on the next line: the unit still signs it."""
    text = "\n".join(["政务信息", "2025年第12期", unit + S * 3, "2025年11月01日", "　　正文。"])
    meta = extract_metadata(text)
    assert (meta.issuer, meta.date) == ("岳阳市岳阳楼区人力资源和社会保障局", "2025-11-01")


@pytest.mark.parametrize(
    ("head", "title", "kind"),
    [
        (["行　政　处　罚　决　定", "书"], "行政处罚决定书", "决定书"),
        (["不予行政许可决定", "书"], "不予行政许可决定书", "决定书"),
        (["责令改正通知", "书"], "责令改正通知书", "通知书"),
        (["关于表彰先进的决定"], "关于表彰先进的决定", "决定"),  # nothing wrapped
    ],
)
def test_a_kinds_last_character_wrapped_alone(head: list[str], title: str, kind: str) -> None:
    """A title set wide (letter-spaced, or with blanks before it) whose last character a
    PDF wrapped onto a line of its own: 决定 + 书 is a 决定书."""
    lines = ["襄阳市樊城区应急管理局", *head, "编号：樊应急罚〔2024〕68号", "当事人：某公司"]
    meta = extract_metadata("\n".join([*lines, "　　经调查，当事人存在违法行为。"]))
    assert (meta.title, meta.doc_type) == (title, kind)
