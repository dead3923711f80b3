"""A website's furniture around an item or a paper (pipeline/metadata_web.py) and the
headline wrapped over two lines (pipeline/metadata_news.py), pinned by small documents
written as offices' sites print them (tests/fixtures/metadata_seventeenth.py's kinds)."""

from __future__ import annotations

import pytest

from pipeline.metadata import extract_metadata
from pipeline.metadata_web import catalogue_table, crumb_line, page_furniture, tool_line


@pytest.mark.parametrize(
    ("line", "tool"),
    [
        ("【字体：大 中 小】", True),
        ("【字体：大　中　小】\u3000打印本页", True),
        ("打印本页　关闭窗口", True),
        ("分享到：微信 微博 QQ空间", True),
        ("【我要分享】", True),
        ("【打印】【关闭】", True),
        ("关于做好打印耗材采购工作的通知", False),
        ("通知", False),
        ("", False),
    ],
)
def test_tool_line(line: str, tool: bool) -> None:
    assert tool_line(line) is tool


@pytest.mark.parametrize(
    ("line", "crumb"),
    [
        ("当前位置：首页 > 新闻中心 > 工作动态", True),
        ("首页 >> 政策解读", True),
        ("您现在的位置: 首页 › 通知公告", True),
        ("首页（第1页）", False),
        ("关于调整首页显示内容的通知", False),
    ],
)
def test_crumb_line(line: str, crumb: bool) -> None:
    assert crumb_line(line) is crumb


@pytest.mark.parametrize(
    ("lines", "values", "used"),
    [
        (  # label and value a line apart
            [
                "索引号",
                "1151/2025-00506",
                "发布机构",
                "某市某区民政局",
                "发文字号",
                "某民发〔2025〕3号",
                "",
                "标题",
            ],
            {
                "索引号": "1151/2025-00506",
                "发布机构": "某市某区民政局",
                "发文字号": "某民发〔2025〕3号",
            },
            {0, 1, 2, 3, 4, 5},
        ),
        (  # two cells a row, a colon each
            [
                "索引号：1151/2025-1　　主题分类：综合政务",
                "成文日期：2025-01-17　　发文字号：某府〔2025〕9号",
                "关于…的通知",
            ],
            {
                "索引号": "1151/2025-1",
                "主题分类": "综合政务",
                "成文日期": "2025-01-17",
                "发文字号": "某府〔2025〕9号",
            },
            {0, 1},
        ),
        (  # a PDF's wraps: a value on the next line, a number cut before its year
            [
                "索引号：1151/1　　成文日期：",
                "2024年1月24日",
                "发文字号：某住建规",
                "〔2024〕79号",
                "标题",
            ],
            {"索引号": "1151/1", "成文日期": "2024年1月24日", "发文字号": "某住建规〔2024〕79号"},
            {0, 1, 2, 3},
        ),
        (  # a label glued to the end of the value above it
            [
                "索引号",
                "1151/2",
                "名称",
                "关于某事的通知有效性",
                "有效",
                "发布日期",
                "2024-01-23",
                "标题",
            ],
            {
                "索引号": "1151/2",
                "名称": "关于某事的通知",
                "有效性": "有效",
                "发布日期": "2024-01-23",
            },
            {0, 1, 2, 3, 4, 5, 6},
        ),
        (  # a 体裁分类 cell's value is a kind's bare name, not a title
            ["索引号", "1151/3", "体裁分类", "通知", "发布机构", "某区民政局", "标题"],
            {"索引号": "1151/3", "体裁分类": "通知", "发布机构": "某区民政局"},
            {0, 1, 2, 3, 4, 5},
        ),
        (
            ["标题：关于某事的通知", "文号：某发〔2025〕1号", "正文"],
            {},
            set(),
        ),  # two labels: no table
    ],
)
def test_catalogue_table(lines: list[str], values: dict[str, str], used: set[int]) -> None:
    assert catalogue_table(lines) == (values, used)


def test_the_furniture_lines_are_taken_out() -> None:
    """The table's and the chrome's lines go (the head readers count lines from the top)."""
    lines = ["首页 >> 工作动态", "索引号：1", "发布机构：某局", "成文日期：2025-01-02", "", "标题"]
    assert page_furniture(lines) == (
        ["", "标题"],
        {"索引号": "1", "发布机构": "某局", "成文日期": "2025-01-02"},
    )


@pytest.mark.parametrize(
    "issue",
    ["第3期", "2024年第5期", "（2024年第5期）", "2024年 第 5 期", "第5期（总第123期）"],
)
def test_a_briefs_name_over_its_issue_stays(issue: str) -> None:
    """工作动态 over 第3期 is a 简报's name, not the site's column (an issue numbered in its
    year, 2024年第5期, as often as alone)."""
    lines = ["工作动态", issue, "某区人民政府办公室编"]
    assert page_furniture(lines)[0] == lines


@pytest.mark.parametrize("label", ["主题词：", "主题词", "有效性："])
def test_an_empty_last_cell_leaves_the_title(label: str) -> None:
    """A table's last cell left empty (主题词：) takes no title line under it as its value:
    the paper's title is the paper's, only 名称/标题 hold one."""
    lines = [
        "索引号：1151/2024-00123",
        "发布机构：某区人民政府",
        "发文字号：某政〔2024〕3号",
        label,
        "某区人民政府关于印发2024年重点工作的通知",
        "各街道、各部门：",
    ]
    assert page_furniture(lines)[0] == lines[4:]


NEWS = """当前位置：首页 > 新闻中心 > 工作动态
某某区召开2025年安全生产
工作推进会
发布时间：2025-03-05 10:21　来源：某某区应急管理局　浏览次数：321
【字体：大 中 小】　打印本页
　　本网讯（通讯员 张某）3月5日，某某区召开会议，研究部署有关工作。
（责任编辑：李某）"""

READING = """政策解读
　　《某某市某某区政府投资项目管
理办法》政策解读
来源：某某市某某区发展和改革局 | 发布时间：2024-07-13 16:05
　　一、制定背景"""

CONSULT = """意见征集
关于《某某市某某区住宅专项维修资金管理办法
（征求意见稿）》公开征求意见的公告
　　为规范管理，某某市某某区住房和城乡建设局起草了征求意见稿，现向社会公开征求意见。

　　　　　　　　　某某市某某区住房和城乡建设局
　　　　　　　　　　　2025年3月5日"""

CATALOGUE = """索引号
11510703MB1234567X/2025-00123
发布机构
某某市某某区民政局
成文日期
2025-01-17
发文字号
某民发〔2025〕12号
名称
关于做好防汛抗旱工作的通知

某某市某某区民政局关于做好
防汛抗旱工作的通知
各街道办事处，区级各部门：
　　现将有关事项通知如下。

　　　　　　　　　某某市某某区民政局
　　　　　　　　　　2025年1月17日"""


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        (NEWS, {"title": "某某区召开2025年安全生产工作推进会", "doc_number": None}),
        (READING, {"title": "《某某市某某区政府投资项目管理办法》政策解读", "doc_number": None}),
        (
            CONSULT,
            {
                "title": "关于《某某市某某区住宅专项维修资金管理办法（征求意见稿）》公开征求意见的公告",
                "doc_type": "公告",
                "date": "2025-03-05",
            },
        ),
        (
            CATALOGUE,
            {
                "title": "某某市某某区民政局关于做好防汛抗旱工作的通知",
                "doc_number": "某民发〔2025〕12号",
                "issuer": "某某市某某区民政局",
                "date": "2025-01-17",
                "doc_type": "通知",
            },
        ),
    ],
    ids=["news-wrapped", "reading-indented", "consult-column", "catalogue-cells"],
)
def test_web_page_fields(text: str, fields: dict[str, str | None]) -> None:
    meta = extract_metadata(text).to_dict()
    assert {k: meta[k] for k in fields} == fields


@pytest.mark.parametrize(
    "tail",
    ["（征求意见稿\n）", "（\n征求意见稿）", "（征求意\n见稿）"],
    ids=["bracket-alone", "word-and-bracket", "cut-in-word"],
)
def test_a_wrapped_attachment_line_is_no_signer(tail: str) -> None:
    """A PDF wraps the 附件 line of a 征求意见 notice above the 落款: its tail, which
    closes a bracket it did not open, is no organ's name."""
    text = (
        "关于《某某区政府投资项目管理办法（征求意见稿）》公开征求意见的通知\n"
        "　　现向社会公开征求意见。\n"
        f"附件：某某区政府投资项目管理办法{tail}\n"
        "某某市某某区卫生健康局\n２０２４年２月６日"
    )
    meta = extract_metadata(text)
    assert (meta.issuer, meta.date) == ("某某市某某区卫生健康局", "2024-02-06")


@pytest.mark.parametrize(
    "lines",
    [
        ["关于某某区〔2025〕8号文件", "执行情况的报告"],
        ["关于某某区〔2024〕1号文", "件执行情况的报告"],
        ["关于某某区", "〔2024〕1号文件执行情况的报告"],
    ],
)
def test_a_title_citing_a_number_is_read_whole(lines: list[str]) -> None:
    """A title naming another paper by its number (关于某区〔2025〕8号文件执行情况的报告):
    the line holding the number after 关于 is the title's, not a 发文字号 line."""
    text = "\n".join(
        [
            "某某市某某区民政局文件",
            "",
            "某民发〔2025〕3号",
            "",
            *lines,
            "区人民政府：",
            "　　现将有关情况报告如下。",
        ]
    )
    meta = extract_metadata(text)
    assert (meta.title, meta.doc_number) == ("".join(lines), "某民发〔2025〕3号")


@pytest.mark.parametrize("column", ["工作信息", "领导活动", "媒体关注", "热点关注", "部门信息"])
def test_a_column_over_a_wrapped_headline_is_no_part_of_it(column: str) -> None:
    """A site's column (工作信息, 领导活动 …) over a headline a page wrapped is the page's,
    not the headline's first words (review21: main read 工作信息某区召开…推进会)."""
    text = "\n".join(
        [
            column,
            "某区召开2025年安全生产",
            "工作推进会",
            "发布时间：2025-03-05 10:21　来源：某区应急管理局",
            "3月5日，某区召开会议。",
        ]
    )
    assert extract_metadata(text).title == "某区召开2025年安全生产工作推进会"
