"""Names and addresses the old cue-gated rules missed, found by proposals from every
source and the trained judge (models/judge): one table for PERSON, one for the address
grammar, one for ADDRESS findings; the explanation names the sources; without a judge the
rules alone decide. Every text is written here."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.detect import judge
from pipeline.detect.address_grammar import parse
from pipeline.detect.judge import JudgedAddressRecognizer, JudgedPersonRecognizer
from pipeline.detect.proposals import address_proposals, person_proposals
from pipeline.training.fake import resident_id

ID1 = resident_id("440205", date(1979, 3, 8), 123)
ID2 = resident_id("540102", date(1965, 1, 2), 45)
ID3 = resident_id("653101", date(1988, 6, 30), 7)


def private_names(text: str) -> list[str]:
    return [f.text for f in JudgedPersonRecognizer().analyze(text) if f.role == "private"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # cue-less names in prose (in a 工伤认定: a 受伤害职工 line above; 班组长 is no
        # official's title)
        (
            "受伤害职工：包宏\n同班组工友阿西木呷立即切断电源，并与班组长令狐建军一同将其送往医院。",
            ["阿西木呷", "令狐建军"],
        ),
        # (in a document about private persons: a 投诉人 line above)
        (
            "投诉人：王小红\n经查，拖欠你和董立群、鲍春生三人2021年9月工资共计三万元。",
            ["董立群", "鲍春生"],
        ),
        # minority names with a middle dot, in a table row without a header
        (
            f"1\t阿依古丽·吐尔逊\t{ID3}\t13899112233\n2\t王东\t{ID1}\t13800138000\n",
            ["阿依古丽·吐尔逊", "王东"],
        ),
        # a name padded with a full-width space, in a numbered list
        (
            f"名单如下：\n（一）边巴次仁，男，身份证号{ID2}。\n（二）普\u3000布，男，身份证号{ID1}。",
            ["边巴次仁", "普\u3000布"],
        ),
        # space-separated rows without a header: a column of IDs makes its neighbour names
        (f"1 龙琴 {ID1} 18676329015\n2 吴光亮 {ID3} 13724980615\n", ["龙琴", "吴光亮"]),
    ],
)
def test_private_names(text: str, names: list[str]) -> None:
    found = private_names(text)
    for name in names:
        assert name in found, (name, found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("会议由李卫东副区长主持，区财政局邹美华参加。", "李卫东"),
        ("执法人员：苏晓琳（执法证号：44180221003）", "苏晓琳"),
    ],
)
def test_officials_are_not_private(text: str, name: str) -> None:
    assert name not in private_names(text)


@pytest.mark.parametrize(
    "head",
    [
        "韶关市交通运输局\n韶交执罚〔2024〕0218号\n当事人：谭永辉\n",
        "石门县人民政府\n石政函〔2025〕第12号　　签发人：刘建\n申请人：周立\n",
        "洪泽区农业农村局\n洪农许［2023］7号\n",
    ],
)
def test_a_doc_number_is_never_a_name(head: str) -> None:
    """The 发文字号's 机关代字 (韶交, 石政函) is the office's code (GB/T 9704 版头)."""
    line = next(x for x in head.split("\n") if "号" in x)
    start = head.index(line)
    number_end = start + line.index("号") + 1
    spans = [(p.start, p.end) for p in person_proposals(head)]
    assert not [s for s in spans if s[0] < number_end and start < s[1]], spans


def test_anonymised_and_amounts_are_never_proposed() -> None:
    text = "法定代表人：韩某某\n罚款人民币伍仟元整（¥5,000）。"
    assert [p.text for p in person_proposals(text)] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("申请人：<b>张三</b>，电话：13800138000", "张三"),  # markup is never part of a name
        ("申请人：李四，联系电话：13902345678。", "李四"),
    ],
)
def test_a_name_holds_no_markup_or_punctuation(text: str, name: str) -> None:
    proposed = {p.text for p in person_proposals(text)}
    assert name in proposed
    assert not any(set(t) & set("<>/=&，：") for t in proposed), proposed


@pytest.mark.parametrize(
    ("text", "office"),
    [
        ("公示期为5个工作日，如有异议，请向大塘镇民政办反映。", "大塘镇民政办"),
        ("申请人：王五，家住城关镇幸福村，已向城关派出所报案。", "城关派出所"),
        ("举报人：赵六，请径向芙蓉区城管执法局反映。", "芙蓉区城管执法局"),
    ],
)
def test_an_office_is_never_proposed_as_an_address(text: str, office: str) -> None:
    assert office not in {p.text for p in address_proposals(text)}


def test_a_home_in_an_office_compound_is_still_proposed() -> None:
    text = "申请人：王五，住址：城关镇民政所宿舍3栋201室。"
    assert any("201室" in p.text for p in address_proposals(text))


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("反映其居住的敦化路街道敦化路138号3单元\n502户楼下", "敦化路街道敦化路138号3单元\n502户"),
        ("住东嘎街道桑木社区四组12号。", "东嘎街道桑木社区四组12号"),
        ("配租房源：将石安居苑2栋1806", "将石安居苑2栋1806"),
        (
            "送达地址：开封市顺河回族区宋门街道曹门关街46号院2号楼\n1单元301室",
            "开封市顺河回族区宋门街道曹门关街46号院2号楼\n1单元301室",
        ),
        ("住所地：石家庄市藁城区岗上镇北楼村民主街21号。", "石家庄市藁城区岗上镇北楼村民主街21号"),
        # a wrap after the province and one inside a word: one span, breaks inside
        (
            "住湖南省长沙市\n岳麓区望月湖街道望月湖小区12栋3单元\n502室，联系电话",
            "湖南省长沙市\n岳麓区望月湖街道望月湖小区12栋3单元\n502室",
        ),
        (
            "住址：长沙市岳麓区望月\n湖街道望月湖小区12栋502室。",
            "长沙市岳麓区望月\n湖街道望月湖小区12栋502室",
        ),
        # a 甲 sub-number and a 楼-单元-室 triple
        (
            "家庭住址：沈阳市铁西区兴华街道北二中路27甲2号1-5-3\n",
            "沈阳市铁西区兴华街道北二中路27甲2号1-5-3",
        ),
        # the words leading into it are not the address
        ("兹有我市青云街道青云社区12组村民", "青云街道青云社区12组"),
    ],
)
def test_address_grammar(text: str, address: str) -> None:
    assert address in [text[a.start : a.end] for a in parse(text)]


@pytest.mark.parametrize(
    ("text", "address", "private"),
    [
        (
            "申请人鲍玉琴选择产权调换，安置房源为临平区南苑街道星光安置小区11幢2单元701室。",
            "临平区南苑街道星光安置小区11幢2单元701室",
            True,
        ),
        (
            "信访人马秀兰，住西宁市城东区八一路街道康乐小区3栋2单元501室。",
            "西宁市城东区八一路街道康乐小区3栋2单元501室",
            True,
        ),
        (
            "本机关地址：石家庄市桥西区中华南大街215号市行政审批局。",
            "石家庄市桥西区中华南大街215号",
            False,
        ),
    ],
)
def test_addresses(text: str, address: str, private: bool) -> None:
    found = [f.text for f in JudgedAddressRecognizer().analyze(text) if f.role == "private"]
    assert (address in found) is private, found


def test_explanation_names_the_sources_and_the_judge() -> None:
    text = f"1\t阿依古丽·吐尔逊\t{ID3}\t13899112233\n2\t王东\t{ID1}\t13800138000\n"
    finding = next(f for f in JudgedPersonRecognizer().analyze(text) if f.text == "王东")
    detail = finding.explanation_detail
    assert "rule:row_with_number" in detail.source.split("+")
    assert "判别模型" in finding.explanation and "含号码的表格行" in finding.explanation
    assert 0 < detail.score <= 1 and detail.score == finding.score


def test_without_a_judge_the_rules_decide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(judge, "load_judge", lambda *a: None)
    found = JudgedPersonRecognizer().analyze("申请人：陈嘉豪，男。")
    assert [(f.text, f.explanation_detail.source) for f in found] == [
        ("陈嘉豪", "lexicon:private_person_roles")
    ]


def test_every_proposal_source_has_a_chinese_name() -> None:
    """A clerk reads "由…提出" on the document page: a source written in a detector of
    names or addresses without its Chinese name shows the code word (rule:identified) to
    the clerk. The clause findings name their sources apart (model:clauses, rule:status_mark)."""
    import re
    from pathlib import Path

    from pipeline.detect.judge import SOURCE_NAMES

    detect_dir = Path(__file__).resolve().parents[2] / "pipeline" / "detect"
    used: set[str] = set()
    for module in detect_dir.glob("*.py"):
        if module.name.startswith("clause"):
            continue
        used |= set(re.findall(r'"((?:rule|model|lexicon):[a-z_]+)"', module.read_text("utf-8")))
    assert used - {"rule:status_mark", "model:clauses"} <= set(SOURCE_NAMES), sorted(
        used - set(SOURCE_NAMES)
    )
