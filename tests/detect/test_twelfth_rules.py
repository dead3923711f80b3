"""Issue 19, twelfth pass: the rules written from how 复议/处罚 papers, 送达回证, household
reports and replies are drafted (tests/fixtures/private_twelfth.py measures them on
generated drafts). One table per rule; every text is written here."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.detect.cn_phone import PhoneRecognizer
from pipeline.detect.context import contact_role
from pipeline.detect.judge import JudgedAddressRecognizer, JudgedPersonRecognizer
from pipeline.detect.name_offices import official_near, posted_after, title_before_run
from pipeline.detect.proposals import (
    doc_private_evidence,
    person_proposals,
    speaks_of_private_persons,
)
from pipeline.detect.registry import detect
from pipeline.training.fake import resident_id
from tests.detect.helpers import texts

ID1 = resident_id("430104", date(1975, 3, 12), 21)


def roles(text: str) -> dict[str, str]:
    return {f.text: f.role or "" for f in JudgedPersonRecognizer().analyze(text)}


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        ("被申请人：某区市场监督管理局。\n法定代表人：陶文斌，局长。\n", "陶文斌", "局长"),
        ("被申请人：某县人民政府，法定代表人：严立群，县长。", "严立群", "县长"),
        ("法定代表人：苗永平，区自然资源局副局长。", "苗永平", "区自然资源局副局长"),
        ("法定代表人：苗永平，总经理。", "苗永平", None),  # a company's head
        ("申请人：苗永平，男，1970年生。", "苗永平", None),
    ],
)
def test_posted_after(text: str, name: str, post: str | None) -> None:
    assert posted_after(text, text.index(name) + len(name)) == post


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("被申请人执法人员赵文亮、钱卫华到现场检查。", "钱卫华", "执法人员"),
        ("被申请人执法人\n员赵文亮、钱卫华到现场检查。", "钱卫华", "执法人员"),
        ("送达人：孙建林、周　红\n", "周　红", "送达人"),
        ("执法人员赵文亮、钱卫华、李小芳到场。", "李小芳", "执法人员"),
        ("受送达人：赵文亮、钱卫华\n", "钱卫华", None),  # 受送达人 receives
        ("申请人赵文亮、钱卫华共同申请。", "钱卫华", None),
        ("局长要求，钱卫华须到场。", "钱卫华", None),
    ],
)
def test_title_before_run(text: str, name: str, title: str | None) -> None:
    assert title_before_run(text, text.index(name)) == title


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (  # the respondent agency's head, though 法定代表人 reads as a private role
            f"申请人：龚秀英，女，身份证号：{ID1}。\n被申请人：某区城市管理局。\n"
            "法定代表人：陶文斌，局长。\n",
            "陶文斌",
            "official",
        ),
        (
            f"当事人：龚秀英，身份证号：{ID1}。\n执法人员褚立新、卫国强到现场检查。",
            "卫国强",
            "official",
        ),
        (f"受送达人：龚秀英\n身份证号：{ID1}\n送达人：褚立新、卫国强\n", "卫国强", "official"),
        (f"受送达人：龚秀英\n身份证号：{ID1}\n送达人：褚立新、卫国强\n", "龚秀英", "private"),
        (f"当事人：龚秀英，身份证号：{ID1}。执法人\n员褚立新到场。", "褚立新", "official"),
        (  # a dotted name after a role word run into it, with the katakana dot
            f"身份证号：{ID1}\n经查，当事人哈力木・阿不都热合曼（女，1990年生）擅自建房。",
            "哈力木・阿不都热合曼",
            "private",
        ),
        (f"户主：龚秀英，身份证号：{ID1}。其妻严桂兰，患尿毒症。", "严桂兰", "private"),
        (f"送达回证\n受送达人（单位）：龚秀英\n身份证号：{ID1}\n", "龚秀英", "private"),
        (f"身份证号：{ID1}\n签收人：严桂兰（代收，系受送达人之母）\n", "严桂兰", "private"),
        (
            "公安局\n处理意见书\n\n龚秀英女士：\n\u3000\u3000您反映的问题已受理。\n",
            "龚秀英",
            "private",
        ),
        (  # the office's contact, its landline broken by a wrap
            f"户主：龚秀英，身份证号：{ID1}。\n\u3000\u3000联系人：褚立新\u3000联系电话：0738-334308\n6\n",
            "褚立新",
            "official",
        ),
    ],
)
def test_roles_of_names(text: str, name: str, role: str) -> None:
    """An official's name is reported "official" or not at all: never private."""
    assert (roles(text).get(name) == "private") == (role == "private"), roles(text)


@pytest.mark.parametrize(
    ("text", "private"),
    [
        ("龚秀英女士：\n您反映的问题已受理。", True),
        ("经查，贾华（男，1985年生）在楼顶搭建。", True),
        ("任命褚立新同志（男，1975年生）为副局长。", False),
        ("联系电话：139 9336 8883", True),
        ("身份证号：430104 19750312 0213", True),
        ("全年新增就业 1200 人，投资 3000 万元。", False),
    ],
)
def test_speaks_of_private_persons(text: str, private: bool) -> None:
    assert speaks_of_private_persons(text) is private
    # the judge's feature stays as it was trained: no role word, no plain number here
    assert doc_private_evidence(text) == "no_roles+no_numbers"


def test_dotted_name_starts_after_the_role_word() -> None:
    text = "经查，当事人依明・努尔古丽（男，1980年生）未经批准建房。"
    dotted = [p.text for p in person_proposals(text) if "rule:dotted_name" in p.sources]
    assert dotted == ["依明・努尔古丽"]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("户主本人联系电话：133 5717 \n7165。", "133 5717 \n7165"),
        ("见证人电话：191 5096\n 9704）", "191 5096\n 9704"),
        ("手机：139-\n9336-8883", "139-\n9336-8883"),
    ],
)
def test_spaced_numbers_across_a_wrap(text: str, number: str) -> None:
    assert texts(PhoneRecognizer(), text) == [number]


@pytest.mark.parametrize(
    ("text", "number", "role"),
    [
        (  # a household's number after its bank branch, the sentence broken by a wrap
            "　　二、户主丁庆，77岁，家庭人口2人。拟给予补贴1800元\n，打入户主本人账户（开户行："
            "某县农村信用合作联社桃湾镇支行，账号：6230 5927 7416 729\n3 050），联系电话：0838-3389058。",
            "0838-3389058",
            "private",
        ),
        (
            "经常居住地：长沙市岳麓区桂花大道1\n23号院7号楼6门404号\n联系电话：0870-8336708\n",
            "0870-8336708",
            "private",
        ),
        (  # the office's staff close the reply: published
            "　　申请人联系人：龚秀英（申请人之女），手机：13912345678\n"
            "　　承办人：褚立新，联系电话：0821-4924371\n",
            "0821-4924371",
            "official",
        ),
        ("　　当事人可向本局法制科咨询，联系电话：0731-8456123。", "0731-8456123", "official"),
    ],
)
def test_landline_roles(text: str, number: str, role: str) -> None:
    start = text.index(number)
    assert contact_role(text, start, start + len(number), landline=True)[0] == role


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "送达回证\n受送达人（单位）：热孜万古丽·吐送江\n送达地点：迎宾街31巷36号\n",
            "迎宾街31巷36号",
        ),
        (
            "送达回证\n受送达人：龚秀英\n送达地点：宁乡市榆埠镇枣垭村8组32号\n",
            "宁乡市榆埠镇枣垭村8组32号",
        ),
    ],
)
def test_delivery_places(text: str, address: str) -> None:
    found = [f for f in JudgedAddressRecognizer().analyze(text) if f.role != "official"]
    assert [f.text for f in found] == [address]


def test_official_near_still_reads_titles() -> None:
    text = "执法人员：褚立新（执法证号：12345678）"
    assert official_near(text, 5, 8) == "执法人员"
    assert all(f.role == "official" for f in detect(text) if f.label == "PERSON")
