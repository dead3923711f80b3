"""Titles read right on real titles (the fourteenth generator): the kinds offices issue
rules under (条例, 指引, 指南, 措施, 规范), and the organ's name set on lines of its own
above the 关于 line — at the top of a paper without a 版头, or joint organs over two
lines. Each rule pinned by a small table; the generator read back as text on a seed the
benchmark does not use."""

from __future__ import annotations

import pytest

from pipeline.gongwen import doc_type_of
from pipeline.metadata import extract_metadata
from tests.fixtures.metadata_fourteenth import generate_fourteenth
from tests.fixtures.metadata_scoring import field_misses

S = "\u3000"
BODY = f"{S * 2}一、提高思想认识。各单位要切实加强组织领导，认真抓好落实。"
SIGN = f"{S * 12}某某县司法局\n{S * 13}2025年3月6日"

KIND_CASES = [
    ("某某省排污许可管理条例", "条例"),
    ("中华人民共和国消费者权益保护法实施条例", "条例"),
    ("支付清算行业反电信网络诈骗工作指引", "指引"),
    ("某某县行政处罚裁量指引（试行）", "指引"),
    ("某某区企业合规经营指南", "指南"),
    ("关于促进民营经济高质量发展的若干措施", "措施"),
    ("条码支付业务规范", "规范"),
]


@pytest.mark.parametrize(("title", "kind"), KIND_CASES)
def test_the_kinds_rules_are_issued_under(title: str, kind: str) -> None:
    """A 条例, an 指引, a 指南, a 措施 or a 规范 is a paper of its own kind (issued by a 令
    or a 印发 通知, and often printed alone): its title names it."""
    assert doc_type_of(title) == kind
    meta = extract_metadata("\n".join([S * 6 + title, BODY, SIGN]))
    assert (meta.title, meta.doc_type) == (title, kind)


STATUS_CASES = [
    (["某某县行政处罚裁量指引", "（试行）"], "某某县行政处罚裁量指引（试行）"),
    (["某某市排污许可管理条例", "（草案）"], "某某市排污许可管理条例（草案）"),
    (["某某区招商引资工作指南", "（征求意见稿）"], "某某区招商引资工作指南（征求意见稿）"),
]


@pytest.mark.parametrize(("printed", "title"), STATUS_CASES)
def test_a_status_under_a_rule_of_these_kinds_is_its_title(printed: list[str], title: str) -> None:
    """The status on a line under a 指引's or a 条例's title belongs to it, as under a 办法's."""
    meta = extract_metadata("\n".join([*printed, BODY, SIGN]))
    assert meta.title == title


ORGAN_CASES = [
    # the organ's name on a line of its own under the 发文字号, the 关于 line under it
    (
        [
            "某交发〔2025〕3号",
            "某某市某某区交通运输局",
            "关于做好农村公路养护工作",
            f"{S * 9}的通知",
        ],
        "某某市某某区交通运输局关于做好农村公路养护工作的通知",
    ),
    # joint organs over two lines under the 发文字号
    (
        [
            "某银发〔2024〕12号",
            "某某银行 某某监管总局 某某发展改革委 某某部",
            "某某医保局 某某统计局",
            "关于金融支持养老服务业发展的指导意见",
        ],
        "某某银行 某某监管总局 某某发展改革委 某某部某某医保局 某某统计局"
        "关于金融支持养老服务业发展的指导意见",
    ),
    # under a joint 标志 stacked one organ a line, the title's last organ line runs on into 关于
    (
        [
            "中国某某银行",
            "某某发展改革委",
            "某某外汇局文件",
            "某银发〔2025〕7号",
            "中国某某银行 某某发展改革委 工业和信息化部",
            "公安部 市场监管总局 金融监管总局 中国证监会",
            "某某外汇局关于进一步防范和处置虚拟货币交易风险的通知",
        ],
        "中国某某银行 某某发展改革委 工业和信息化部公安部 市场监管总局 金融监管总局 中国证监会"
        "某某外汇局关于进一步防范和处置虚拟货币交易风险的通知",
    ),
]


@pytest.mark.parametrize(("printed", "title"), ORGAN_CASES)
def test_the_organ_on_lines_of_its_own_above_about(printed: list[str], title: str) -> None:
    """GB/T 9704 names the 发文机关 first in a title; a long name, or joint organs' names,
    take lines of their own above 关于…, at the top of a paper with no 版头 too."""
    meta = extract_metadata("\n".join([*printed, BODY, SIGN]))
    assert meta.title == title


APART_CASES = [
    # an organ's line at the very top, nothing above it: the paper's 标志
    (
        ["某某县统计局", f"{S * 6}关于李某某等5名同志任职前的公示"],
        "关于李某某等5名同志任职前的公示",
    ),
    # a 标志 without 文件 with a blank line under it
    (["某某县人民政府", "", "关于加强冬春火灾防控工作的通知"], "关于加强冬春火灾防控工作的通知"),
    # a 文书's template: the organ over the paper's name, its number under it
    (
        ["某某县人民政府", "关于某某某信访事项的复查意见书", "某政信复〔2024〕7号"],
        "关于某某某信访事项的复查意见书",
    ),
    # the 标志 with 文件 right above
    (["某某县人民政府文件", "关于加强冬春火灾防控工作的通知"], "关于加强冬春火灾防控工作的通知"),
]


@pytest.mark.parametrize(("printed", "title"), APART_CASES)
def test_a_mark_above_the_title_stays_apart(printed: list[str], title: str) -> None:
    """The 版头's 标志 is no part of the title: with 文件, apart by a blank line, or over a
    文书 whose number follows its name."""
    meta = extract_metadata("\n".join([*printed, BODY, SIGN]))
    assert meta.title == title


def test_fourteenth_drafts_read_as_text() -> None:
    """The fourteenth generator on a seed of its own (real titles when ../shared holds
    them): every pinned field read right in at least 97 of 100 drafts."""
    drafts = generate_fourteenth(120, seed=1_414)
    misses = field_misses([(d.gold, extract_metadata(d.text).to_dict()) for d in drafts])
    assert max(misses.values()) <= 0.03, misses


DATE_ONLY = f"{S * 13}2025年3月6日"
BLANK_NUMBER_CASES = [
    ["某某县司法局文件", f"{S * 20}某司发〔2025〕{S * 2}号", "关于加强冬春火灾防控工作的通知"],
    ["某某县司法局文件", "某司发〔2025〕号", "", "关于加强冬春火灾防控工作的通知"],
    [
        "某某县司法局",
        f"{S}某司报〔2025〕  号{S * 6}签发人：周立新",
        "关于加强冬春火灾防控工作的通知",
    ],
    # a PDF wraps the right-aligned number at the margin
    ["某某县司法局文件", f"{S * 20}某司发", "〔2025〕号", "关于加强冬春火灾防控工作的通知"],
]


@pytest.mark.parametrize("printed", BLANK_NUMBER_CASES)
def test_a_drafts_blank_number_holds_the_numbers_place(printed: list[str]) -> None:
    """A draft's 发文字号 with its serial not filled in yet (某司发〔2025〕　号) is the
    number's line, no part of the title and no number; the 标志 above it names the issuer
    when the 落款 gives only the date."""
    meta = extract_metadata("\n".join([*printed, "各单位：", BODY, DATE_ONLY]))
    assert meta.title == "关于加强冬春火灾防控工作的通知"
    assert (meta.doc_number, meta.issuer) == (None, "某某县司法局")


DEPARTMENT_CASES = [
    "中国人民银行支付结算司",
    "某某部基础教育司",
]


@pytest.mark.parametrize("organ", DEPARTMENT_CASES)
def test_a_ministrys_department_is_an_organ(organ: str) -> None:
    """A 司 of a ministry issues papers of its own: named in the title, it is the issuer
    of a paper whose 落款 gives only the date."""
    title = f"{organ}关于加强支付机构监管工作的通知"
    meta = extract_metadata("\n".join([title, "各有关单位：", BODY, DATE_ONLY]))
    assert (meta.title, meta.issuer) == (title, organ)


LONG_TITLES = [
    "某某县交通运输局关于调整城乡居民最低生活保障和特困人员救助供养标准进一步完善工作机制、"
    "压实各方责任、强化督促检查、确保各项任务按期完成的通知",
    "关于转发市人民政府办公室关于转发省人民政府办公厅关于切实做好2025年度防汛抗旱、防台风和"
    "地质灾害防治工作的通知的通知的通知",
]


@pytest.mark.parametrize("title", LONG_TITLES)
@pytest.mark.parametrize("kind_apart", [False, True])
def test_a_long_title_typed_as_one_paragraph(title: str, kind_apart: bool) -> None:
    """A title of many clauses typed as one paragraph runs past 60 characters, as a body
    paragraph does, but holds 关于 and no sentence punctuation; its 的+kind may be set on a
    line of its own under it."""
    assert len(title) > 60
    printed = [title[:-3], S * 12 + title[-3:]] if kind_apart else [title]
    meta = extract_metadata("\n".join([*printed, "各有关单位：", BODY, SIGN]))
    assert meta.title == title


SHORT_CUT_CASES = [
    (["银行保险机构信息", "科技外包风险管理办法"], "银行保险机构信息科技外包风险管理办法"),
    (["某某区政务信息", "资源共享管理办法（试行）"], "某某区政务信息资源共享管理办法（试行）"),
]


@pytest.mark.parametrize(("printed", "title"), SHORT_CUT_CASES)
def test_a_short_first_line_ending_in_a_word_of_the_subject(printed: list[str], title: str) -> None:
    """A title's first line may end in a word that names a kind elsewhere (信息) only
    because it was cut there; the next line naming another kind goes on with it."""
    meta = extract_metadata("\n".join([*printed, BODY, SIGN]))
    assert meta.title == title
