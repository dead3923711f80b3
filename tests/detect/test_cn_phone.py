"""Phone numbers in every formatting, with the role that decides whether they stay."""

from __future__ import annotations

import pytest

from pipeline.detect.cn_phone import PhoneRecognizer
from tests.detect.helpers import found

R = PhoneRecognizer()


@pytest.mark.parametrize(
    ("text", "value", "role"),
    [
        ("申请人联系电话：13692571408", "13692571408", "private"),
        ("手机：135 3696 8204", "135 3696 8204", "private"),
        ("联系电话：150-6567-1932", "150-6567-1932", "private"),
        ("手机号＋86 139 2654 1234", "＋86 139 2654 1234", "private"),
        ("手机：１３９２６５４１２３４", "１３９２６５４１２３４", "private"),
        ("监督电话：0751-6621234。", "0751-6621234", "official"),
        ("24小时值班电话：0751-8123119", "0751-8123119", "official"),
        (
            "交通管制咨询电话：0573-82051122（嘉兴市公安局交通警察支队指挥中心）",
            "0573-82051122",
            "official",
        ),
        ("（联系人：社会救助股　刘敏，电话：0751-8776203）", "0751-8776203", "official"),
        (
            "区森林防灭火指挥部办公室联系人：林志坚，联系电话：13926541234",
            "13926541234",
            "official",
        ),
        ("招标人：韶关市第十三中学，联系电话：0751-8901234", "0751-8901234", "official"),
        ("项目联系人：黄丽萍，联系电话：15971728830。", "15971728830", "private"),
        ("建设单位联系人：于海涛（公司环保负责人），电话：18653612097。", "18653612097", "private"),
        ("家住新城街道秀园新村7幢402室，联系电话0573-82291736。", "0573-82291736", "private"),
        (
            "4　何志坚　441803581130005　太和镇沿江路7号　156.00　0763-5812736",
            "0763-5812736",
            "private",
        ),
        ("办公电话：(0751)8123456转801", "(0751)8123456转801", "official"),
        ("客服热线：400-880-1234", "400-880-1234", "official"),
        # a local number without its area code, labelled by a phone word
        ("投诉人王某，联系电话：8812345，住本市。", "8812345", "private"),
        ("来访人陈某家庭电话 6234 5678。", "6234 5678", "private"),
        ("值班电话：8123119", "8123119", "official"),
        # an em dash between area code and number
        ("申请人赵某，电话：0571—87654321", "0571—87654321", "private"),
        # a landline with no unit named: the person's details before it make it theirs
        (
            "张三，男，汉族，1980年5月生，住城关镇文三路1号，电话0571-87654321。",
            "0571-87654321",
            "private",
        ),
        ("房东陈某（电话0571-87654321）", "0571-87654321", "private"),
        ("1　张三　城关镇文三路1号　0571-87654321", "0571-87654321", "private"),
        ("联系人：张三 电话：0571-87654321（本人）", "0571-87654321", "private"),
        # the issuing office's 联系人 line, a mobile too; a project's contact stays private
        ("\u3000\u3000联系人：王明，联系电话：13901233102。", "13901233102", "official"),
        ("\u3000\u3000项目联系人：王明，联系电话：13901233102。", "13901233102", "private"),
        # after a published address, in a list of places: the place's number
        ("单位地址：府前路777号2栋，联系电话：13901233102。", "13901233102", "official"),
        (
            "序号\t名称\t地址\t联系电话\n1\t和谐大药房\t金桂家园19栋\t13901233102\n",
            "13901233102",
            "official",
        ),
        (
            "序号\t姓名\t住址\t联系电话\n1\t王东\t金桂家园19栋301室\t13901233102\n",
            "13901233102",
            "private",
        ),
        # the next row's 序号 after a wrap is not the number's last digit
        ("1\t张三\t城关镇文三路1号\t0571-8765432\n2\t李四", "0571-8765432", "private"),
    ],
)
def test_table(text: str, value: str, role: str) -> None:
    (f,) = found(R, text)
    assert (f.text, f.role) == (value, role)
    assert f.explanation


@pytest.mark.parametrize(
    "text",
    [
        "身份证号码：440205196504121239",  # an 18-digit ID holds an 11-digit run
        "社会保障卡金融账号：6230582700123456780",
        "嘉兴市民服务热线：12345",
        "举报投诉电话：12315。",
        "罚款金额8812345元",  # a 7-digit run with no phone word before it
        "共计 23456789 元",
        "联系电话：12345",
        "2024年3月15日12时",
        "注册编号：粤144060812345",
        "金额：13502781264.00元",
        "手机：135****8204",  # masked
        "12345678901",  # starts with 12: not a mobile prefix
    ],
)
def test_look_alikes_do_not_fire(text: str) -> None:
    assert found(R, text) == []
