"""Issue 19, fourteenth pass: the rules written from how 不动产登记, 投诉调解, 12345 工单,
公证/户籍证明, 会议纪要 and 宅基地 papers are drafted (tests/fixtures/private_fourteenth.py
measures them on generated drafts). One table per rule; every text is written here."""

from __future__ import annotations

import pytest

from pipeline.detect.cn_phone import PhoneRecognizer
from pipeline.detect.four_sides import four_sides_names
from pipeline.detect.identified_names import identified_names
from pipeline.detect.proposals import NOT_A_NAME, heads_organisation
from pipeline.detect.registry import detect


def roles(text: str) -> dict[str, str]:
    """Every PERSON the whole registry finds (NER models and judge included), by role."""
    return {f.text: f.role or "" for f in detect(text) if f.label == "PERSON"}


REGISTER = "权利人姓名：姜丽娟　身份证号：130533201801182233\n共有人：袁娜、孙国强\n"
CARD = "持证人：付梦瑶　身份证号：430424200501132052\n"
CALL = "来电人：董云　来电号码：15768654907\n"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the office's staff who take, check and approve a 登记 sign in office
        (REGISTER + "受理人：闫永红　初审人：付桂兰　核定人：周国强\n", "闫永红"),
        (REGISTER + "受理人：闫永红　初审人：付桂兰　核定人：周国强\n", "付桂兰"),
        (REGISTER + "复审人：庞立新\n", "庞立新"),
        (CARD + "经办人：卢振华　审核：余敏娟\n", "余敏娟"),
        ("列席：村民代表付梦瑶\n　　记录：汪锦程\n", "汪锦程"),
        (
            "投诉人：沈超（手机13448974948）\n本所受理后，由调解员廖学军主持调解，双方达成协议。",
            "廖学军",
        ),
        (CALL + "办理情况：经社区网格员唐继红上门核实，并电话回复来电人董云。", "唐继红"),
        (CALL + "（本证明有效期三个月，民警庞立新，联系电话0477-4120168）", "庞立新"),
        ("申请人：彭继红，公民身份号码：130533198007285943。\n公证员　高国强\n", "高国强"),
    ],
)
def test_office_staff_sign_in_office(text: str, name: str) -> None:
    assert roles(text).get(name) in (None, "official")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "权利人：欧阳丽娟　电话：13912345678\n初审意见：经审核，欧阳丽娟提交的材料齐全。",
            "欧阳丽娟",
        ),
        (
            "申请人：郝文君，男，住某县某镇红旗村三组12号。\n经办人：卢振华　审核：余敏娟\n",
            "郝文君",
        ),
    ],
)
def test_staff_titles_leave_the_parties_private(text: str, name: str) -> None:
    assert roles(text).get(name) == "private"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a kin word or a function character run into the first part of a dotted name
        ("乙方家庭在册人口3人，分别为：配偶秦爱民（61岁）；母亲索菲・马丁（61岁）。", "索菲・马丁"),
        (
            "红星镇人民政府：\n\u3000\u3000你镇上报的米日班•阿不都拉（男，1945年8月出生，"
            "公民身份号码130533196909234003）的材料收悉。",
            "米日班•阿不都拉",
        ),
        # a line end before the dot, the role word longer than the six characters read
        ("经调解，肖锦程同意赔偿投诉人阿依努尔\n・托合提8700元。", "阿依努尔\n・托合提"),
        # a list of names whose dots differ: each whole
        ("共有情况：按份共有\n共有人：努尔兰・哈山、古丽米拉•艾买提\n", "努尔兰・哈山"),
        ("共有情况：按份共有\n共有人：努尔兰・哈山、古丽米拉•艾买提\n", "古丽米拉•艾买提"),
    ],
)
def test_dotted_names_whole_whatever_the_dot(text: str, name: str) -> None:
    assert roles(text).get(name) == "private"


MINUTES = "专题会议纪要\n\u3000\u3000镇长崔桂兰主持召开专题会议。\n"


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # 出席/参会人员: a list of officials, split by ，or spaces, posts in brackets
        (MINUTES + "\u3000\u3000参会人员：董宁　胡强　邓晓东　袁军\n", "邓晓东", "official"),
        (MINUTES + "\u3000\u3000出席：吴敏，周伟，谢紫涵，高文彬\n", "谢紫涵", "official"),
        (
            MINUTES + "\u3000\u3000出席：卢文彬（副主任）、孟静（科长）、杨丽（科员）\n",
            "杨丽",
            "official",
        ),
        # 列席 citizens named by what they are: private
        (MINUTES + "\u3000\u3000列席：村民代表付梦瑶、村民代表上官德福\n", "付梦瑶", "private"),
        (MINUTES + "\u3000\u3000列席人员：群众代表付锦程、付静、群众代表袁强\n", "袁强", "private"),
        # the list ends with its line: the next line's first words are no members
        (
            MINUTES + "\u3000\u3000列席群众：张志晨 胡欣\n\u3000\u3000记录人：雷丽\n"
            "\u3000\u3000会上，张志晨陈述了工资拖欠问题，副局长田丽作了解释。\n",
            "张志晨",
            "private",
        ),
    ],
)
def test_minutes_list_officials_and_citizens(text: str, name: str, role: str) -> None:
    found = roles(text).get(name)
    assert found == role or (role == "official" and found is None)


@pytest.mark.parametrize(
    "text",
    [
        "经村民代表大会讨论，同意该项目实施。",
        "会议听取了群众代表意见，并作出说明。",
    ],
)
def test_representative_words_alone_name_nobody(text: str) -> None:
    assert roles(text) == {}


@pytest.mark.parametrize(
    ("word", "refused"),
    [
        ("证件号码", True),
        ("身份证号", True),
        ("银行卡", True),
        ("证件号", True),
        ("孤儿", True),
        ("月生", True),
        ("来信请寄", True),
        # names that look like them are still names
        ("张月生", False),
        ("来福", False),
        ("孙号", False),
        ("欧阳证", False),
    ],
)
def test_form_words_are_no_names(word: str, refused: bool) -> None:
    assert bool(NOT_A_NAME.search(word)) is refused


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # 百家姓's 复姓 still in use
        ("申请人：呼延继红　公民身份号码：360721201704272665\n", "呼延继红"),
        ("户主姓名  独孤建华　公民身份号码：360721201704272665\n", "独孤建华"),
        ("来电人：南宫宏伟　来电号码：15768654907\n", "南宫宏伟"),
        # the role words of a 登记, a 证 办理 and a 户籍证明
        ("共有情况：按份共有\n共有人：林玲\n不动产坐落：嘉禾苑40#楼925\n", "林玲"),
        ("兹有秦宏伟（公民身份号码130533198007285943）前来办理。", "秦宏伟"),
        ("该人与吕玲系母女关系。曾用名：冯永红。\n", "冯永红"),
    ],
)
def test_compound_surnames_and_register_roles(text: str, name: str) -> None:
    assert roles(text).get(name) == "private"


@pytest.mark.parametrize(
    "text",
    [
        "\u3000\u3000兹有关事项函告如下：请各单位按时申报。",
        "南宫市人民政府关于做好春耕工作的通知",
    ],
)
def test_register_words_alone_name_nobody(text: str) -> None:
    assert roles(text) == {}


HOUSEHOLD = (
    "被征收人（乙方）：杜振华\n身份证号码：654023201012232109\n"
    "\u3000\u3000乙方家庭在册人口3人，分别为：儿子韦宏伟（66岁）；配偶赵宏伟（36岁）。"
)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (HOUSEHOLD, "赵宏伟"),
        (HOUSEHOLD, "韦宏伟"),
        ("该同志1972年入伍，参战负伤，与妻子范爱民、儿子廖丽娟共同生活。", "范爱民"),
    ],
)
def test_household_named_after_plain_kin_words(text: str, name: str) -> None:
    assert roles(text).get(name) == "private"


@pytest.mark.parametrize(
    "text",
    ["\u3000\u3000保护母亲河，共建美丽家园。", "\u3000\u3000父亲节当天，社区组织了志愿活动。"],
)
def test_kin_words_alone_name_nobody(text: str) -> None:
    assert roles(text) == {}


VETERAN = (
    "关于潘海波同志申请带病回乡退伍军人生活补助的审批意见\n\n红星镇人民政府：\n"
    "\u3000\u3000你镇上报的潘海波（男，1945年8月出生，公民身份号码130533196909234003，"
    "住赣州市章贡区嘉禾苑11#楼834）的材料收悉。\n"
)


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # introduced with the ID: private, the title's 同志 notwithstanding
        (VETERAN, "潘海波", "private"),
        ("兹有欧阳丽娟（身份证号：130533198007285943）系我村村民。", "欧阳丽娟", "private"),
        # an appointee is never introduced with an ID
        ("\u3000\u3000任命潘海波同志为县财政局副局长（试用期一年）。", "潘海波", "official"),
    ],
)
def test_a_name_before_its_own_id_is_private(text: str, name: str, role: str) -> None:
    found = {f.role for f in detect(text) if f.label == "PERSON" and f.text == name}
    assert found == {role} or (role == "official" and not found)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("你镇上报的潘海波（男，公民身份号码130533196909234003）", ["潘海波"]),
        ("据镇长王芳（身份证号130533196909234003）", ["王芳"]),
        ("共有人欧阳丽娟（身份证130533196909234003）", ["欧阳丽娟"]),
        ("潘海波（男，1945年8月出生）", []),  # no ID: left to the other rules
    ],
)
def test_names_read_back_from_the_id_note(text: str, names: list[str]) -> None:
    assert [name for _s, name in identified_names(text)] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("四至：东至林红房屋，西至村道，南至陆浩然户自留地，北至山脚。", ["林红", "陆浩然"]),
        ("四至：东至欧阳晓东家，西至河沟，南至石淑珍家承包地，北至公路。", ["欧阳晓东", "石淑珍"]),
        ("四至：东至村道，西至水渠，南至山脚，北至集体林地。", []),
        ("该路段东至人民路，西至解放路。", []),
    ],
)
def test_four_sides_name_the_neighbours(text: str, names: list[str]) -> None:
    assert [name for _s, name in four_sides_names(text)] == names


@pytest.mark.parametrize(
    ("word", "refused"),
    [
        ("老王", True),
        ("小刘", True),
        ("章贡恒达健身会所", True),
        ("王小燕", False),
        ("老舍之", False),
    ],
)
def test_nicknames_and_shops_are_no_names(word: str, refused: bool) -> None:
    assert bool(NOT_A_NAME.search(word)) is refused


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("被投诉人：章贡恒达健身会所\n", "章贡恒"),
        ("被投诉人：伊宁鑫信手机维修店\n", "伊宁鑫"),
        ("开户银行：中国农业银行雁峰支行，户名：杜振华", "雁峰"),
    ],
)
def test_a_shop_or_branch_is_headed_by_no_person(text: str, head: str) -> None:
    start = text.index(head)
    assert heads_organisation(text, start, start + len(head))


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("联系电话：147-5187\n-3943\n经办人：胡静", "147-5187\n-3943"),
        ("联系电话：+86 1\n4752518498\n", "+86 1\n4752518498"),
        ("2\t张　芳\t女\t350628196707240291\t1\n6687277379\t符合", "1\n6687277379"),
        ("联系电话：13912345678\n", "13912345678"),
    ],
)
def test_a_wrap_beside_a_dash_or_after_the_first_digit(text: str, phone: str) -> None:
    assert phone in [f.text for f in PhoneRecognizer().analyze(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "伊宁市卫生健康局\n生育登记服务单\n\n女方姓名：闫紫涵\u3000身份证号：34122119\n"
            "9310229808\n男方姓名：任志远\u3000身份证号：43042419\n7611235074\n"
            "现居住地：湄潭县延安乡下坪村1组73号\n经办人：刘文彬\u3000审核：冯勇\n",
            "任志远",
        ),
        (
            "农村宅基地和建房（规划许可）审批表\n\n申请户主\t吕学军\u3000公民身份号码："
            "130533195606245528\t手机\t16690961664\n户内人口：吕紫涵 梁爱民\n"
            "户籍所在地：长征镇岭脚村9组\n",
            "梁爱民",
        ),
    ],
)
def test_a_couples_form_and_a_households_members(text: str, name: str) -> None:
    assert roles(text).get(name) == "private"
