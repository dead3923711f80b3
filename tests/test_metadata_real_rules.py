"""Rules read from published 公文 filed as printed or reprinted (benchmarks/metadata_real.py):
a browser's print header and footer, page numbers glued before a line, a title with its own
发文字号 in brackets after it, a heading printed twice, a 令's number under its 标志 and the
rule a 令 公布s; a news item's head (byline, time stamp, dateline) and a law's 题注 (the
benchmark's headlines). Small invented strings, one row per habit; each row fails without
its rule."""

from __future__ import annotations

import pytest

from pipeline.metadata import extract_metadata
from pipeline.metadata_news import byline, title_note

BODY = "各有关单位：\n　　为做好有关工作，现就有关事项通知如下。\n　　一、加强组织领导。"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a browser's print header above the page, its address and page count under it
        (
            "05/11/2023, 09:30 某某市养犬管理条例 _ 法规 _ 某某市人民政府网\n"
            "https://www.example.gov.cn/zc/content_1.htm 1/9\n"
            "某某市养犬管理条例\n第一章　总则\n第一条　为了规范养犬行为，制定本条例。",
            "某某市养犬管理条例",
        ),
        (
            "2024/6/3 14:05 关于做好防汛工作的通知 - 某县政府\n"
            "某县人民政府关于做好防汛工作的通知\n" + BODY,
            "某县人民政府关于做好防汛工作的通知",
        ),
        # a page number the text layer glued before the first line
        ("-1-某市财政局关于下达补助资金的通知\n" + BODY, "某市财政局关于下达补助资金的通知"),
        ("— 2 —某区教育局关于开展安全检查的通知\n" + BODY, "某区教育局关于开展安全检查的通知"),
        # a web page's heading printed twice on one line
        (
            "某省消防条例实施办法 某省消防条例实施办法\n第一条　为了实施条例，制定本办法。",
            "某省消防条例实施办法",
        ),
    ],
)
def test_print_marks_are_not_the_title(text: str, title: str) -> None:
    assert extract_metadata(text).title == title


@pytest.mark.parametrize(
    ("line", "title", "number"),
    [
        (
            "某市人民政府关于加强供水管理的通知（某政发〔 2021〕59号）",
            "某市人民政府关于加强供水管理的通知",
            "某政发〔2021〕59号",
        ),
        (
            "某市交通运输局关于规范客运管理的意见（某交发〔2019〕 7 号）",
            "某市交通运输局关于规范客运管理的意见",
            "某交发〔2019〕7号",
        ),
        # an order's number printed after the rule it issued: […]N号令
        (
            "某市网约车管理办法 （某市政府 [2020]5号令）",
            "某市网约车管理办法",
            "某市政府令〔2020〕5号",
        ),
    ],
)
def test_title_with_its_number_in_brackets(line: str, title: str, number: str) -> None:
    meta = extract_metadata(line + "\n" + BODY)
    assert (meta.title, meta.doc_number) == (title, number)


@pytest.mark.parametrize(
    ("line", "title", "addressees"),
    [
        (
            "某市人民政府关于加强供水管理的通知（某政发〔 2021〕59号） 各区人民政府，市政府各部门：",
            "某市人民政府关于加强供水管理的通知",
            ["各区人民政府", "市政府各部门"],
        ),
        (
            "某省教育厅关于做好招生工作的意见（某教发〔2022〕8号）各市教育局：",
            "某省教育厅关于做好招生工作的意见",
            ["各市教育局"],
        ),
    ],
)
def test_addressees_run_on_after_a_numbered_title(
    line: str, title: str, addressees: list[str]
) -> None:
    meta = extract_metadata(line + "\n　　为做好有关工作，现就有关事项通知如下。")
    assert (meta.title, meta.addressees) == (title, addressees)


@pytest.mark.parametrize(
    ("head", "number", "issuer"),
    [
        (["某省人民政府令", "第12号"], "某省人民政府令第12号", "某省人民政府"),
        (["某市人民政府令", "（〔2019〕第 3 号）"], "某市人民政府令〔2019〕第3号", "某市人民政府"),
        (["-1-某某部令", "第9号"], "某某部令第9号", "某某部"),
    ],
)
def test_order_number_under_its_mark(head: list[str], number: str, issuer: str) -> None:
    text = "\n".join([*head, "　　《某某管理办法》已经审议通过，现予公布，自公布之日起施行。"])
    meta = extract_metadata(text)
    assert (meta.doc_number, meta.issuer) == (number, issuer)


@pytest.mark.parametrize(
    ("head", "number", "issuer"),
    [
        # the 令's 标志 and its number on one line, a PDF's blank inside the brackets
        (["某某银行令〔 2016〕第3号"], "某某银行令〔2016〕第3号", "某某银行"),
        (["某某市人民政府令〔2019〕第 12 号"], "某某市人民政府令〔2019〕第12号", "某某市人民政府"),
        # a 文件's number with a typist's blanks: no blank inside a 发文字号
        (["某某市人民政府文件", "某政发〔2021〕 59 号"], "某政发〔2021〕59号", "某某市人民政府"),
    ],
)
def test_order_on_one_line_and_blanks_in_a_number(
    head: list[str], number: str, issuer: str | None
) -> None:
    text = "\n".join([*head, "　　《某某管理办法》已经审议通过，现予公布，自公布之日起施行。"])
    meta = extract_metadata(text)
    assert (meta.doc_number, meta.issuer) == (number, issuer)


PUBLISH = "《某某市停车场管理办法》已经市政府常务会议通过，现予公布，自2024年5月1日起施行。"
# the same sentence as a PDF wraps it, the rule cited in the middle of it
WRAPPED = [
    "根据《某某市道路交通安全条例》等规定，某某市人民政府对《某某市停车场管理办法》",
    "（某某市人民政府令〔2019〕第2号公布）进行了修订，现予公布，自2024年5月1日起施行。",
]


@pytest.mark.parametrize(
    ("head", "rule_follows", "title", "kind"),
    [
        (["某某市人民政府令", "第5号", PUBLISH], True, "某某市停车场管理办法", "办法"),
        (["某某市人民政府令〔2024〕第5号", *WRAPPED], True, "某某市停车场管理办法", "办法"),
        # a 令 alone keeps its 标志 as its title
        (["某某市人民政府令", "第5号", PUBLISH], False, "某某市人民政府令", "命令"),
    ],
)
def test_order_publishing_a_rule_is_titled_by_it(
    head: list[str], rule_follows: bool, title: str, kind: str
) -> None:
    lines = [*head, "市长　王某某", "2024年3月1日"]
    if rule_follows:
        lines += ["某某市停车场管理办法", "第一条　为了规范停车场管理，制定本办法。"]
    meta = extract_metadata("\n".join(lines))
    assert (meta.title, meta.doc_type) == (title, kind)


NEWS_BODY = "　　2月11日下午，某某推进会在京召开。某某副行长出席会议并致辞。"


@pytest.mark.parametrize(
    ("head", "title"),
    [
        # a time stamp under the headline: no title's piece, and no title alone
        (["某某金融开放门户推进会召开", "2026-02-13 19:21:52"], "某某金融开放门户推进会召开"),
        # a headline with a colon and a comma, over its byline and time stamp
        (
            [
                "卡组织争相布局新兴市场：银联携新模式出海，某卡瞄准亚太",
                "来源：某某经济新闻作者：某某",
                "2025-12-05 08:51",
            ],
            "卡组织争相布局新兴市场：银联携新模式出海，某卡瞄准亚太",
        ),
        (["网络支付新图景", "2025/12/25"], "网络支付新图景"),
        # a law reprinted by a news agency: its dateline, the title again, its 题注
        (
            [
                "中华人民共和国某某法",
                "新华社北京9月1日电",
                "中华人民共和国某某法",
                "（1999年4月29日第九届全国人民代表大会常务委员会第九次会议通过 根据",
                "2009年8月27日第十一届全国人民代表大会常务委员会第十次会议《关于修改部分",
                "法律的决定》第一次修正）",
            ],
            "中华人民共和国某某法",
        ),
        # the 题注 straight under a law's title (no kind named): no part of it
        (
            [
                "中华人民共和国某某法",
                "（2010年5月28日某某省第十一届人民代表大会常务委员会第十七次会议通过",
                "2021年9月29日修正）",
            ],
            "中华人民共和国某某法",
        ),
    ],
)
def test_news_heads_and_title_notes(head: list[str], title: str) -> None:
    assert extract_metadata("\n".join([*head, NEWS_BODY])).title == title


@pytest.mark.parametrize(
    ("line", "is_byline", "is_note"),
    [
        ("来源：金融时报 作者：本报记者 某某", True, False),
        ("发布时间：2025-12-25", True, False),
        ("2026-02-13 19:21:52", True, False),
        ("2025.12.05", True, False),
        ("新华社北京9月1日电", True, False),
        ("本报讯", True, False),
        ("（2010年5月28日某省人民代表大会常务委员会第十七次会议通过）", False, True),
        ("（2023年9月1日第十四届全国人民代表大会常务委员会第五次会议修订）", False, True),
        # titles, statuses and periods are neither
        ("某某社区居委会关于开展2025年度消防检查的通知", False, False),
        ("某某报社2024年工作总结", False, False),
        ("（2024年修订）", False, False),
        ("（2021—2035年）", False, False),
        ("（征求意见稿）", False, False),
    ],
)
def test_byline_and_title_note_lines(line: str, is_byline: bool, is_note: bool) -> None:
    assert (byline(line), title_note(line)) == (is_byline, is_note)
