"""GB/T 9704 layouts read right: joint 发文机关标志, 版头 markings, tables before the title,
titles wrapped inside the organ's name, multi-column 落款, PDF run-ons. Each rule is pinned
by a small draft; the generated layouts (tests/fixtures/metadata_layouts.py) are read as
texts in tests/test_metadata_title_breaks.py and as PDFs in tests/test_metadata_pdf.py."""

from __future__ import annotations

import pytest

from pipeline.gongwen import parse_doc_number
from pipeline.metadata import extract_metadata
from pipeline.metadata_layout import split_run_on_title, tidy_signature_zone
from pipeline.metadata_signature import run_together
from tests.fixtures.metadata_heads import BODY, A, B, S, doc_of, head_only, signed


@pytest.mark.parametrize(
    "mark",
    [
        (A, B, "文件"),  # stacked, 文件 on a line of its own
        (A, B + "文件"),  # stacked, 文件 beside the last
        (A + S * 2 + B + "文件",),  # side by side
        (A + S * 2 + B,),  # side by side without 文件
        (A + " " + B + "文件",),  # a PDF kept one space between them
    ],
)
def test_joint_issuer_mark_without_signature(mark: tuple[str, ...]) -> None:
    meta = extract_metadata(head_only(*mark))
    assert meta.issuer == f"{A}、{B}"
    assert meta.title == "关于加强汛期地质灾害防治工作的意见"
    assert meta.doc_number == "浔财发〔2024〕9号"


def test_a_single_mark_stays_one_issuer() -> None:
    assert extract_metadata(head_only(A + "文件")).issuer == A


def test_secret_and_spaced_urgency_on_one_line() -> None:
    meta = extract_metadata(head_only("000128", "秘密★1年" + S * 2 + "特　急", A + "文件"))
    assert (meta.secret_level, meta.secret_period, meta.urgency) == ("秘密", "1年", "特急")
    assert meta.copy_number == "000128"
    assert meta.title == "关于加强汛期地质灾害防治工作的意见"


def test_an_index_table_before_the_title_is_no_part_of_it() -> None:
    text = signed(
        "索引号\t11410303123/2024-00486",
        f"发布机构\t{A}\t生成日期\t2024年2月18日",
        "浔阳区2024年第二批困难群众临时救助对象公示",
        BODY,
    )
    meta = extract_metadata(text)
    assert (meta.title, meta.doc_type) == ("浔阳区2024年第二批困难群众临时救助对象公示", "公示")
    assert meta.issuer == A


@pytest.mark.parametrize(
    ("printed", "title"),
    [
        (  # wrapped inside the organ's name: 委 / 员会
            ("洛阳市西工区卫生健康委", "员会2024年度法治政府建设情况报告"),
            "洛阳市西工区卫生健康委员会2024年度法治政府建设情况报告",
        ),
        (  # the name's last word on the next line: 和社会 / 保障局
            ("兰州市城关区人力资源和社会", "保障局2024年度法治政府建设情况报告"),
            "兰州市城关区人力资源和社会保障局2024年度法治政府建设情况报告",
        ),
        (  # the organ on its own line, the heading going on with a year
            ("兰州市城关区农业农村局", "2025年度法治政府建设情况报告"),
            "兰州市城关区农业农村局2025年度法治政府建设情况报告",
        ),
        (  # … or with 第N次
            ("城关区人民政府", "第10次常务会议纪要"),
            "城关区人民政府第10次常务会议纪要",
        ),
        (  # cut inside 会议: "…常务会" is no organ
            ("邗江区人民政府第10次常务会", "议纪要"),
            "邗江区人民政府第10次常务会议纪要",
        ),
    ],
)
def test_headings_wrapped_at_the_organ(printed: tuple[str, ...], title: str) -> None:
    text = doc_of(*printed, BODY, S * 16 + "兰州市城关区农业农村局", S * 17 + "2025年5月26日")
    assert extract_metadata(text).title == title


@pytest.mark.parametrize(
    "printed",
    [
        (
            "岳阳市岳阳楼区自然资源和规划",
            "局关于做好2024年度城乡居",
            "民基本医疗保险参保缴费工作的决定",
        ),
        (
            "岳阳市岳阳楼区自然资源",
            "和规划局关于做好2024年度城乡居",
            "民基本医疗保险参保缴费工作的决定",
        ),
    ],
)
def test_about_title_wrapped_inside_the_organ(printed: tuple[str, ...]) -> None:
    text = doc_of(
        "岳自然资规函[2025]20号",
        *printed,
        "区人民政府：",
        BODY,
        S * 10 + "岳阳市岳阳楼区自然资源和规划局",
        S * 12 + "2025年3月1日",
    )
    meta = extract_metadata(text)
    assert meta.title == "".join(printed)
    assert meta.issuer == "岳阳市岳阳楼区自然资源和规划局"


def test_three_issuers_side_by_side() -> None:
    names = ["扬州市邗江区卫生健康委员会", "扬州市邗江区应急管理局", "扬州市邗江区退役军人事务局"]
    text = doc_of(
        "关于加强汛期地质灾害防治工作的通知",
        "各有关单位：",
        BODY,
        S * 4 + (S * 6).join(names),
        S * 30 + "2024年10月25日",
    )
    assert extract_metadata(text).issuer == "、".join(names)


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        (
            "洛阳市西工区城市管理综合行政执法局包头市昆都仑区医疗保障局",
            ["洛阳市西工区城市管理综合行政执法局", "包头市昆都仑区医疗保障局"],
        ),
        ("宜昌市夷陵区统计局国家统计局夷陵调查队", ["宜昌市夷陵区统计局", "国家统计局夷陵调查队"]),
        (
            "中共清远市委组织部清远市人力资源和社会保障局",
            ["中共清远市委组织部", "清远市人力资源和社会保障局"],
        ),
        ("宜昌市生态环境局夷陵区分局", ["宜昌市生态环境局夷陵区分局"]),  # one organ
        ("深圳市公安局南山分局", ["深圳市公安局南山分局"]),
        (f"{B}{S}九江市浔阳区民政局", [B, "九江市浔阳区民政局"]),  # the gap shrank to one space
        ("武汉市江汉区人民政府办公室", ["武汉市江汉区人民政府办公室"]),
    ],
)
def test_joint_names_whose_gap_a_pdf_dropped(name: str, parts: list[str]) -> None:
    assert run_together(name) == parts


def test_joint_signature_run_together_in_a_pdf() -> None:
    text = doc_of(
        "关于推进老旧小区加装电梯试点工作的通报",
        "区人民政府：",
        BODY,
        S * 10 + "洛阳市西工区城市管理综合行政执法局包头市昆都仑区医疗保障局",
        "2025年1月14日",
    )
    assert (
        extract_metadata(text).issuer
        == "洛阳市西工区城市管理综合行政执法局、包头市昆都仑区医疗保障局"
    )


@pytest.mark.parametrize(
    ("line", "split"),
    [
        (f"{A}{S * 2}{B}文件浔财函[2024]12号", [f"{A}{S * 2}{B}文件", "浔财函[2024]12号"]),
        ("朝阳区发展和改革局朝发改函[2024]12号", ["朝阳区发展和改革局", "朝发改函[2024]12号"]),
        ("岳人社办发〔2023〕44号", ["岳人社办发〔2023〕44号"]),  # the number alone stays
        (  # the code starts with the place's character, not inside 和社会保障局
            "洛阳市西工区人力资源和社会保障局西人社办发〔2024〕3号",
            ["洛阳市西工区人力资源和社会保障局", "西人社办发〔2024〕3号"],
        ),
        (f"{A}{S * 2}{B}文件浔财函（2023年）50号", [f"{A}{S * 2}{B}文件", "浔财函（2023年）50号"]),
        (  # the 标志, then 份号 and the number (信函格式) on one line
            f"{A}{S * 2}{B}000242{S * 7}浔财发(2025)第43号",
            [f"{A}{S * 2}{B}", f"000242{S * 7}浔财发(2025)第43号"],
        ),
        (f"{A}文件特急{S * 9}浔财字〔2025〕54号", [f"{A}文件", f"特急{S * 9}浔财字〔2025〕54号"]),
        (  # 签发人 beside the number
            f"{A}{S * 2}{B}浔财发[2025]91号{S * 6}签发人：张建国",
            [f"{A}{S * 2}{B}", f"浔财发[2025]91号{S * 6}签发人：张建国"],
        ),
    ],
)
def test_mark_run_on_to_the_number(line: str, split: list[str]) -> None:
    assert split_run_on_title([line]) == split


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("浔政发﹝2024﹞12号", "浔政发﹝2024﹞12号"),
        ("浔政发〈2024〉12号", "浔政发〈2024〉12号"),
        ("浔政发（2024年）12号", "浔政发（2024年）12号"),
    ],
)
def test_doc_number_brackets(line: str, text: str) -> None:
    number = parse_doc_number(line)
    assert number is not None and (number.text, number.year, number.number) == (text, 2024, 12)


@pytest.mark.parametrize("page", ["—" + S + "2" + S + "—", "- 2 -", "第2页" + S + "共3页", "－2－"])
def test_page_number_run_on_to_the_signature(page: str) -> None:
    lines = [
        "标题",
        BODY,
        S * 16 + "扬州市邗江区医疗保障局（盖章）" + page,
        S * 17 + "2025年4月30日",
    ]
    assert tidy_signature_zone(lines)[2] == S * 16 + "扬州市邗江区医疗保障局"


def test_joint_columns_wrapped_inside_a_name() -> None:
    text = doc_of(
        "关于下达补助资金（第二批）的请示",
        "各有关单位：",
        BODY,
        S * 2 + "扬州市邗江区人民政府办公室" + S * 6 + "扬州市邗江区",
        "应急管理局" + S * 6 + "扬州市邗江区农业农村局",
        S * 10 + "２０２３年３月２３日",
    )
    assert extract_metadata(text).issuer == (
        "扬州市邗江区人民政府办公室、扬州市邗江区应急管理局、扬州市邗江区农业农村局"
    )


def test_a_space_a_pdf_put_inside_a_number_of_the_title() -> None:
    text = doc_of(
        "平农发〔2024〕3号",
        "大同市平城区农业农村局关于做好20 24年度征兵工作的通报",
        "各有关单位：",
        BODY,
        S * 10 + "大同市平城区农业农村局",
        S * 11 + "2024年4月10日",
    )
    assert extract_metadata(text).title == "大同市平城区农业农村局关于做好2024年度征兵工作的通报"


@pytest.mark.parametrize("marks", ["特急", "000123", "秘密★1年" + S * 2 + "特急"])
def test_number_at_the_right_of_the_marks(marks: str) -> None:
    text = doc_of(
        marks + S * 12 + "西民函〔2024〕12号",
        "关于做好救助工作的函",
        "各有关单位：",
        BODY,
        S * 10 + "洛阳市西工区民政局",
        S * 11 + "2024年3月5日",
    )
    meta = extract_metadata(text)
    assert (meta.title, meta.doc_number) == ("关于做好救助工作的函", "西民函〔2024〕12号")
    assert meta.urgency == ("特急" if "急" in marks else None)


@pytest.mark.parametrize(
    ("wrapped", "number"),
    [
        (("000071" + S * 12 + "邗退役办发（2025", "年）46号"), "邗退役办发（2025年）46号"),
        (
            ("机密★5年" + S * 2 + "特急" + S * 12 + "平市监发", "（2024年）61号"),
            "平市监发（2024年）61号",
        ),
    ],
)
def test_number_wrapped_at_the_right_of_the_marks(wrapped: tuple[str, str], number: str) -> None:
    text = doc_of(
        A + "文件",
        *wrapped,
        "关于做好救助工作的通知",
        "各有关单位：",
        BODY,
        S * 10 + A,
        S * 11 + "2024年3月5日",
    )
    meta = extract_metadata(text)
    assert (meta.title, meta.doc_number) == ("关于做好救助工作的通知", number)


def test_marks_and_number_then_a_short_title_line_stay_apart() -> None:
    text = signed(
        A + "文件",
        "特　急" + S * 10 + "竞财办发(2024)第90号",
        "关于",
        "开展2024年度“双随机、一公开”抽查的报告",
        "区人民政府：",
        BODY,
    )
    meta = extract_metadata(text)
    assert (meta.doc_number, meta.urgency) == ("竞财办发(2024)第90号", "特急")
    assert meta.title == "关于开展2024年度“双随机、一公开”抽查的报告"


@pytest.mark.parametrize("above", ["附件2", "附件：", "附 件 1", "（此件公开发布）", "（送审稿）"])
def test_a_label_above_the_title_is_no_part_of_it(above: str) -> None:
    text = doc_of(
        above, "西工区2024年度临时救助对象名单", BODY, S * 10 + A, S * 11 + "2024年3月5日"
    )
    meta = extract_metadata(text)
    assert (meta.title, meta.doc_type) == ("西工区2024年度临时救助对象名单", "名单")


def test_secret_marking_run_on_to_the_issuer_mark() -> None:
    text = head_only(A + S * 2 + B + "文件机密★1年")
    meta = extract_metadata(text)
    assert (meta.secret_level, meta.issuer) == ("机密", f"{A}、{B}")


@pytest.mark.parametrize(
    "zone",
    [
        (S * 10 + A, S * 12 + "★", S * 11 + "2024年3月5日"),  # the seal's star
        (S * 12 + A, S * 12 + "★", S * 10 + A, S * 11 + "2024年3月5日"),  # its text, its star
        (S * 10 + A, S * 10 + "政府信息公开专用章", S * 11 + "2024年3月5日"),
        (A + "文件", S * 10 + A, S * 11 + "2024年3月5日"),  # a letterhead repeated above
        (S * 10 + A, S * 11 + "2024年3月5日（星期二）"),
    ],
)
def test_seal_text_and_artefacts_in_the_signature(zone: tuple[str, ...]) -> None:
    meta = extract_metadata(
        doc_of("浔财发〔2024〕3号", "关于做好救助工作的通知", "各有关单位：", BODY, *zone)
    )
    assert (meta.issuer, meta.date) == (A, "2024-03-05")


@pytest.mark.parametrize(
    "zone",
    [
        (S * 3 + A + S * 6 + "2024年3月5日（此件公开发布）",),  # the 附注 run on to the date
        (S * 12 + A + "（章）", S * 12 + "２０２４年３月５日（章）（此件公开发布）"),
        (S * 26 + "九", "江市浔阳区财政局", "2024年3月5日"),  # wrapped after the first character
    ],
)
def test_pdf_run_ons_in_the_signature_zone(zone: tuple[str, ...]) -> None:
    meta = extract_metadata(doc_of("关于做好救助工作的通知", "各有关单位：", BODY, *zone))
    assert (meta.issuer, meta.date) == (A, "2024-03-05")
    if "此件" in zone[-1]:
        assert meta.disclosure_marking == "此件公开发布"
