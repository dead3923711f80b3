"""The twentieth pass, by kind (issue 19): what a 村务公开栏, a 婚姻登记/司法鉴定/政务大厅
paper, a 12345 工单, a 法院 公告, a 表彰 决定 and a 低保 复核 write, read as their drafters
mean it. Each row: a text, a value in it, its label, and the role a finding covering it
must have ("private", "official") or None (no finding, or only an official one for None
rows of names that are no person at all)."""

from __future__ import annotations

import pytest

from pipeline.detect.registry import RECOGNIZERS, detect

ID = "511621198803124417"  # a valid 18-digit ID


def _role(text: str, value: str, label: str) -> str | None:
    start = text.index(value)
    end = start + len(value)
    for f in detect(text, tuple(RECOGNIZERS)):
        overlap = min(end, f.end) - max(start, f.start)
        if (
            f.label == label
            and overlap > 0
            and overlap * 2 >= max(end, f.end) - min(start, f.start)
        ):
            return f.role or "private"
    return None


BOARD = (
    "石桥镇柳塘村村务公开栏（2025年第2季度）\n\n二、高龄津贴发放名单\n户主\t组别\t证件号（脱敏）\t"
    "金额（元）\n陈立春\t三组\t511621********4417\t860.00\n何美兰\t十一组\t511621********1234\t"
    "420.00\n刘大成\t七队\t511621********2234\t420.00\n"
)
NOTICE = (
    "县人民法院\n公告\n（2025）川1621民初88号\n\n吴晓梅、蔡国华、刘东：\n    本院受理原告张小泉刀剪"
    "专卖店诉你们买卖合同纠纷一案，因你们下落不明，依照规定公告送达。\n    本院地址：北门街12号"
    "  联系人：王芳（审判员）\n"
)
BIRTH = (
    "出生医学证明补发申请审核表\n\n新生儿姓名 刘小宝  性别 男\n母亲 陈小英  有效身份证件号码 "
    + ID
    + "\n家庭住址 城北巷14号\n补发原因：原证遗失。\n签发机构：县妇幼保健院（北门街12号）"
    "  签发人：王芳\n"
)
CADRES = (
    "石桥镇柳塘村村务公开栏\n\n一、村两委成员及分工\n村支书：刘德富，负责全面工作\n村会计：陈小英，"
    "负责财务\n二、高龄津贴发放名单\n户主\t组别\t金额（元）\n王国平\t三组\t860.00\n"
)
HONOUR = (
    "县人民政府\n关于表彰2025年度优秀志愿者的决定\n\n    经基层推荐、审核公示，决定授予以下同志“优秀志愿者”"
    "称号：\n\n刘德富（周大福珠宝（成都）店）\n陈向阳（县供电公司）\n梁金花（石桥镇柳塘村村民）\n"
    "何美兰（县人民医院）\n\n    希望受表彰的同志珍惜荣誉。\n2025年3月2日\n"
)
ROWS = [
    # a 村民小组's number in a 组别 column is no name, nor a header's note (证件号（脱敏）)
    (BOARD, "三组", "PERSON", None),
    (BOARD, "十一组", "PERSON", None),
    (BOARD, "七队", "PERSON", None),
    (BOARD, "脱敏", "PERSON", None),
    (BOARD, "陈立春", "PERSON", "private"),
    # a brand that is a person's name, opening a shop's name with its goods
    (NOTICE, "张小泉", "PERSON", None),
    (
        "项目公示\n施工单位：某某建设公司  材料供应：周大福\n珠宝商行\n联系电话：12345\n",
        "周大福",
        "PERSON",
        None,
    ),
    # a 婚姻登记员 and a 司法鉴定人 sign in office; the 被鉴定人 is private
    (
        "补领结婚证审查处理表\n男方：刘德富  身份证件号："
        + ID
        + "\n经查档案，情况属实，准予补发。\n\n"
        "登记员：黄丽萍\n办公地址：政务中心二楼\n",
        "黄丽萍",
        "PERSON",
        "official",
    ),
    (
        "司法鉴定告知书\n\n刘德富：\n    你申请对其父刘大成的伤残等级进行鉴定。送达地址：城北巷14号。\n\n"
        "鉴定人：孙建平  李小红\n2025年3月2日\n",
        "李小红",
        "PERSON",
        None,  # the second expert: never private
    ),
    ("被鉴定人：孙建平，男，身份证号" + ID + "。\n", "孙建平", "PERSON", "private"),
    # a 政务服务 window's 首席代表 column names the office's staff
    (
        "窗口\t事项\t首席代表\t咨询电话\nA02\t社保办理\t刘德明\t0817-2233445\n",
        "刘德明",
        "PERSON",
        "official",
    ),
    # an institution, then its address in brackets: published; the home above stays private
    (BIRTH, "北门街12号", "ADDRESS", None),
    (BIRTH, "城北巷14号", "ADDRESS", "private"),
    # a home cue wrapped inside its word (送⏎达地址)
    (
        "申请人应如实提供材料。送\n达地址：西充县河口镇柳塘村三组12号。\n",
        "西充县河口镇柳塘村三组12号",
        "ADDRESS",
        "private",
    ),
    # a 公告 addressed to several parties at once
    (NOTICE, "蔡国华", "PERSON", "private"),
    (NOTICE, "刘东", "PERSON", "private"),
    # a 同志 whose own ID the sentence gives is the person the notice is about
    (
        "县退役军人事务局\n关于退役士兵安置的通知\n\n刘德富同志，2012年12月由岳池县入伍，2025年退出现役，"
        "公民身份号码" + ID + "，家住城北巷14号。经研究，安排至县供排水公司工作。\n经办人：王芳\n",
        "刘德富",
        "PERSON",
        "private",
    ),
    # an institution named after a word, then what it is: 某某司法鉴定所 names no person
    (
        "蓬安县明鉴司法鉴定所\n司法鉴定告知书\n\n刘德富：\n    你申请对其父的伤残等级进行鉴定。\n",
        "明鉴",
        "PERSON",
        None,
    ),
    # a 12345 工单's 诉求地址 down to the door is a home; a road crossing is no address
    (
        "12345政务服务便民热线工单\n来电人：冯先生  来电号码：13042175146\n诉求地址：西充县永安巷59号\n"
        "诉求内容：来电人反映楼上住户夜间噪音扰民，请求处理。\n承办单位：三溪镇人民政府  承办人：陈秀兰\n",
        "西充县永安巷59号",
        "ADDRESS",
        "private",
    ),
    (
        "12345政务服务便民热线工单\n来电人：冯先生  来电号码：13042175146\n诉求地址：长乐路与学府路交叉口"
        "（农贸市场门口）\n诉求内容：占道经营严重。\n承办人：陈秀兰\n",
        "长乐路与学府路交叉口",
        "ADDRESS",
        None,
    ),
    # a village cadre named with the duties the board gives them holds the post in public
    (CADRES, "刘德富", "PERSON", "official"),
    (CADRES, "陈小英", "PERSON", "official"),
    # names one to a line, each with its unit in brackets: a 表彰 list (a unit may be a
    # shop with its branch in brackets, its brand no name)
    (HONOUR, "陈向阳", "PERSON", "private"),
    (HONOUR, "梁金花", "PERSON", "private"),
    (HONOUR, "周大福", "PERSON", None),
    # the same, a wrap inside the sentence and the ID
    (
        "关于退役士兵安置的通知\n\n刘德富同志，2012年12月由岳池县入伍，2025年退\n出现役，公民身份号码"
        + ID[:9]
        + "\n"
        + ID[9:]
        + "，家住城北巷14号。\n经办人：王芳\n",
        "刘德富",
        "PERSON",
        "private",
    ),
    # a 公开栏's field before the household it adds
    (
        CADRES + "三、新增对象：林国庆（住柳塘村六组12号，电话13812345678）\n",
        "林国庆",
        "PERSON",
        "private",
    ),
]


@pytest.mark.parametrize(("text", "value", "label", "role"), ROWS)
def test_twentieth_rows(text: str, value: str, label: str, role: str | None) -> None:
    got = _role(text, value, label)
    if role is None:
        assert got in (None, "official"), got
    else:
        assert got == role
