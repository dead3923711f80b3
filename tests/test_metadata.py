"""GB/T 9704 elements: the variants real drafts use, and null when a thing is absent."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.config import Settings
from pipeline.gongwen import doc_type_of, parse_date, parse_doc_number
from pipeline.ingest import ingest_file
from pipeline.metadata import extract_metadata


def _doc(*lines: str) -> str:
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024年3月5日", date(2024, 3, 5)),
        ("2024年03月05日", date(2024, 3, 5)),
        ("２０２４年３月５日", date(2024, 3, 5)),
        ("二〇二四年三月五日", date(2024, 3, 5)),
        ("二○二四年十二月三十一日", date(2024, 12, 31)),
        ("二〇二三年十月二十日", date(2023, 10, 20)),
        ("2024 年 3 月 15 日", date(2024, 3, 15)),
        ("2024年2月30日", None),  # not a date
        ("2024年3月", None),  # no full date: null, never guessed
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    found = parse_date(text)
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize(
    ("line", "text", "code", "year", "number"),
    [
        ("韶府办〔2024〕3号", "韶府办〔2024〕3号", "韶府办", 2024, 3),
        ("粤府函[2023]112号", "粤府函[2023]112号", "粤府函", 2023, 112),
        ("嘉公发［2024］41号", "嘉公发［2024］41号", "嘉公发", 2024, 41),
        ("京政办发（2022）7号", "京政办发（2022）7号", "京政办发", 2022, 7),
        ("国发(2019)5号", "国发(2019)5号", "国发", 2019, 5),
        ("宜水许可〔2024〕第019号", "宜水许可〔2024〕第019号", "宜水许可", 2024, 19),
        ("（清城）应急罚〔2024〕08号", "（清城）应急罚〔2024〕08号", "（清城）应急罚", 2024, 8),
        ("浈民〔２０２４〕３１号", "浈民〔２０２４〕３１号", "浈民", 2024, 31),
        ("浈民〔2024〕31号　　　　签发人：罗建平", "浈民〔2024〕31号", "浈民", 2024, 31),
        ("  发改办财金规〔2019〕860号 ", "发改办财金规〔2019〕860号", "发改办财金规", 2019, 860),
    ],
)
def test_parse_doc_number(line: str, text: str, code: str, year: int, number: int) -> None:
    found = parse_doc_number(line)
    assert found is not None
    assert (found.text, found.agency_code, found.year, found.number) == (text, code, year, number)


@pytest.mark.parametrize(
    "line",
    [
        "　　根据《国务院关于印发个人所得税专项附加扣除暂行办法的通知》（国发〔2018〕41号），现通知如下。",
        "案号：（2024）粤0203行初15号的判决已生效",
    ],
)
def test_references_in_sentences_are_not_the_doc_number(line: str) -> None:
    assert parse_doc_number(line) is None


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("韶关市人民政府关于印发《实施方案》的通知", "通知"),
        ("行政处罚决定书", "决定书"),
        ("关于研究停车场建设有关问题的会议纪要", "纪要"),
        ("清远市2024年拟录用人员名单公示（第一批）", "公示"),
        ("关于拟征收土地的预公告", "公告"),
        ("关于同意设立某某中心的批复", "批复"),
        ("关于商请支持某某工作的函", "函"),
        ("关于某某问题的复函", "函"),
        ("关于追加救助资金的请示", "请示"),
        ("信访事项处理意见书", "意见书"),
        ("政府信息公开申请答复书", "答复书"),
        ("关于进一步加强安全生产工作的意见", "意见"),
        ("2023年国民经济和社会发展统计公报", "公报"),
        ("询问笔录", "笔录"),
        ("韶关市人民政府办公室", None),
    ],
)
def test_doc_type_from_title(title: str, kind: str | None) -> None:
    assert doc_type_of(title) == kind


FULL_NOTICE = _doc(
    "000126",
    "机密★5年",
    "特急",
    "韶关市人民政府办公室文件",
    "韶府办〔2024〕3号　　　　签发人：张建国　李明华",
    "韶关市人民政府办公室关于印发《韶关市城市内涝",
    "防治工作实施方案》的通知",
    "各县（市、区）人民政府，市政府各部门、各直属机构：",
    "　　现将《韶关市城市内涝防治工作实施方案》印发给你们，请认真贯彻执行。",
    "　　附件：1．韶关市城市内涝防治工作实施方案",
    "　　　　　2．任务分工表",
    "韶关市人民政府办公室",
    "二〇二四年一月三日",
    "（此件不公开）",
    "抄送：市委办公室，市人大常委会办公室，市政协办公室。",
    "韶关市人民政府办公室　　　　　2024年1月4日印发",
)


def test_full_layout() -> None:
    meta = extract_metadata(FULL_NOTICE)
    assert meta.copy_number == "000126"
    assert (meta.secret_level, meta.secret_period, meta.urgency) == ("机密", "5年", "特急")
    assert meta.issuer_mark == "韶关市人民政府办公室文件"
    assert meta.doc_number == "韶府办〔2024〕3号"
    assert meta.signers == ["张建国", "李明华"]
    assert meta.title == "韶关市人民政府办公室关于印发《韶关市城市内涝防治工作实施方案》的通知"
    assert meta.doc_type == "通知"
    assert meta.addressees == ["各县（市、区）人民政府", "市政府各部门、各直属机构"]
    assert (meta.issuer, meta.date) == ("韶关市人民政府办公室", "2024-01-03")
    assert meta.disclosure_marking == "此件不公开"
    assert meta.cc == ["市委办公室", "市人大常委会办公室", "市政协办公室"]
    assert (meta.printed_by, meta.printed_date) == ("韶关市人民政府办公室", "2024-01-04")


@pytest.mark.parametrize(
    ("marking", "level", "period"),
    [
        ("绝密", "绝密", None),
        ("秘密★1年", "秘密", "1年"),
        ("机密★启用前", "机密", "启用前"),
        ("秘密★长期", "秘密", "长期"),
        ("机密 ★ 10年", "机密", "10年"),
        ("000087　秘密★6个月　特急", "秘密", "6个月"),
    ],
)
def test_secret_markings(marking: str, level: str, period: str | None) -> None:
    meta = extract_metadata(
        _doc(
            marking,
            "某某局文件",
            "某发〔2024〕1号",
            "关于某事项的通知",
            "各单位：",
            "　　正文。",
            "某某局",
            "2024年1月2日",
        )
    )
    assert (meta.secret_level, meta.secret_period) == (level, period)


def test_work_secret_marking_does_not_set_secret_level() -> None:
    meta = extract_metadata(
        _doc(
            "内部资料　注意保存",
            "西陵区网络舆情分析研判专报",
            "2024年第6期（总第38期）",
            "中共宜昌市西陵区委网络安全和信息化委员会办公室　　　　2024年6月14日",
            "　　正文。",
        )
    )
    assert meta.secret_level is None
    assert meta.internal_marking == "内部资料　注意保存"
    assert meta.title == "西陵区网络舆情分析研判专报"
    assert meta.doc_type == "专报"
    assert (meta.issuer, meta.date) == (
        "中共宜昌市西陵区委网络安全和信息化委员会办公室",
        "2024-06-14",
    )


def test_secret_words_in_the_body_are_not_markings() -> None:
    meta = extract_metadata(
        _doc(
            "某某局关于加强保密工作的通知",
            "各科室：",
            "　　严禁在非涉密计算机处理秘密★1年级别文件。",
            "某某局",
            "2024年1月2日",
        )
    )
    assert meta.secret_level is None


@pytest.mark.parametrize(
    ("line", "marking"),
    [
        ("（此件公开发布）", "此件公开发布"),
        ("(此件公开发布)", "此件公开发布"),
        ("（此件依申请公开）", "此件依申请公开"),
        ("（此件不予公开）", "此件不公开"),
        ("（此件主动公开）", "此件公开发布"),
        ("　（此件不公开）　", "此件不公开"),
    ],
)
def test_disclosure_marking_variants(line: str, marking: str) -> None:
    meta = extract_metadata(
        _doc("某某局关于某事项的通知", "各单位：", "　　正文。", "某某局", "2024年1月2日", line)
    )
    assert meta.disclosure_marking == marking


def test_absent_fields_are_null_never_guessed() -> None:
    meta = extract_metadata(
        _doc("会议记录", "　　今天讨论了三件事，大家发表了意见。", "　　散会。")
    )
    assert meta.doc_number is None
    assert meta.date is None
    assert meta.issuer is None
    assert meta.secret_level is None
    assert meta.disclosure_marking is None


def test_joint_issuers_signed_on_one_line_or_several() -> None:
    lines = ["关于做好2024年防汛工作的联合通知", "各县区：", "　　正文。"]
    stacked = extract_metadata(
        _doc(*lines, "宜昌市水利和湖泊局", "宜昌市应急管理局", "2024年4月1日")
    )
    one_line = extract_metadata(
        _doc(*lines, "宜昌市水利和湖泊局　　宜昌市应急管理局", "2024年4月1日")
    )
    assert stacked.issuer == one_line.issuer == "宜昌市水利和湖泊局、宜昌市应急管理局"


def test_bulletin_with_date_under_title() -> None:
    meta = extract_metadata(
        _doc(
            "2023年宜昌市夷陵区国民经济和社会发展统计公报",
            "宜昌市夷陵区统计局",
            "国家统计局夷陵调查队",
            "（2024年4月10日）",
            "　　2023年，全区经济运行回升向好。",
        )
    )
    assert meta.title == "2023年宜昌市夷陵区国民经济和社会发展统计公报"
    assert meta.issuer == "宜昌市夷陵区统计局、国家统计局夷陵调查队"
    assert meta.date == "2024-04-10"


def test_type_line_above_doc_number_is_the_title_when_nothing_follows() -> None:
    meta = extract_metadata(
        _doc(
            "清远市清城区应急管理局",
            "行政处罚决定书",
            "（清城）应急罚〔2024〕08号",
            "被处罚单位：清远市鑫源五金制品有限公司",
            "　　经查，你单位……",
            "清远市清城区应急管理局",
            "2024年4月25日",
        )
    )
    assert (meta.title, meta.doc_type) == ("行政处罚决定书", "决定书")
    assert meta.issuer_mark == "清远市清城区应急管理局"


def test_spaced_type_banner_is_not_the_title() -> None:
    meta = extract_metadata(
        _doc(
            "嘉兴市公安局",
            "通　　告",
            "嘉公通〔2024〕5号",
            "嘉兴市公安局关于2024嘉兴马拉松比赛期间",
            "对部分道路实施交通管制的通告",
            "　　为保障比赛顺利进行……",
            "嘉兴市公安局",
            "2024年3月20日",
        )
    )
    assert meta.title == "嘉兴市公安局关于2024嘉兴马拉松比赛期间对部分道路实施交通管制的通告"
    assert meta.doc_type == "通告"


def test_printing_date_is_not_the_date_of_the_document() -> None:
    meta = extract_metadata(
        _doc(
            "某某局关于某事项的通知",
            "各单位：",
            "　　正文。",
            "某某局",
            "2024年2月27日",
            "抄送：区委组织部。",
            "某某局办公室　　　　　2024年2月28日印发",
        )
    )
    assert meta.date == "2024-02-27"
    assert meta.printed_date == "2024-02-28"


def test_signature_with_seal_note() -> None:
    meta = extract_metadata(
        _doc("某某镇关于某事项的公示", "　　正文。", "某某镇人民政府（盖章）", "2024年5月6日")
    )
    assert meta.issuer == "某某镇人民政府"


def test_signatory_of_an_order_is_not_the_issuer() -> None:
    meta = extract_metadata(
        _doc(
            "中华人民共和国国务院令",
            "第778号",
            "　　《条例》已经国务院常务会议通过，现予公布。",
            "总理　李强",
            "2024年3月15日",
        )
    )
    assert meta.issuer is None or "李强" not in meta.issuer
    assert meta.date == "2024-03-15"


def test_doc_number_printed_after_a_reprinted_title() -> None:
    meta = extract_metadata(
        _doc(
            "中国人民银行关于规范代收业务的通知（银发〔2024〕248号）", "各分支机构：", "　　正文。"
        )
    )
    assert meta.doc_number == "银发〔2024〕248号"
    assert meta.doc_type == "通知"


def test_never_raises_on_random_text() -> None:
    import random

    rng = random.Random(9704)
    alphabet = "关于通知〔〕[]（）2024年月日号局政府：:\n　 秘密★（此件公开发布）抄送印发0123456789二〇一十附件签发人"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 200)))
        extract_metadata(text)


# --- layouts of issue 20: titles over lines, no 关于, dates from other lines ------------

LAYOUTS = [
    (  # the issuer's name on one line, 关于… on the next, under the 版头 and 发文字号
        _doc(
            "成都市成华区人民政府办公室文件",
            "成华府办发〔2024〕11号",
            "成都市成华区人民政府办公室",
            "关于印发《成华区城镇老旧小区改造工作实施方案》的通知",
            "各街道办事处：",
            "　　现印发给你们，请认真贯彻落实。",
            "　　　　　　　　　　　　成都市成华区人民政府办公室",
            "　　　　　　　　　　　　　　　2024年4月3日",
        ),
        {
            "title": "成都市成华区人民政府办公室关于印发《成华区城镇老旧小区改造工作实施方案》的通知",
            "doc_type": "通知",
            "date": "2024-04-03",
            "date_source": "成文日期",
        },
    ),
    (  # broken inside 《…（征求意见稿）》, after the type word 办法
        _doc(
            "青岛市财政局",
            "青财函〔2024〕31号",
            "关于征求《青岛市市级政府投资引导基金管理办法",
            "（征求意见稿）》意见的函",
            "各有关单位：",
            "　　现将征求意见稿印送你们，请于9月30日前反馈。",
            "青岛市财政局",
            "2024年9月12日",
        ),
        {
            "title": "关于征求《青岛市市级政府投资引导基金管理办法（征求意见稿）》意见的函",
            "doc_type": "函",
            "issuer": "青岛市财政局",
        },
    ),
    (  # letter-spaced title; the date only in the 询问时间 line
        _doc(
            "某某县市场监督管理局",
            "询 问 笔 录",
            "询问时间：2024年3月26日9时10分至10时02分",
            "询问地点：县市场监督管理局询问室",
            "被询问人：张某某　性别：男",
            "问：你是否申请执法人员回避？",
            "答：不申请。",
        ),
        {
            "title": "询问笔录",  # the words, without the printer's spacing
            "doc_type": "笔录",
            "date": "2024-03-26",
            "date_source": "询问时间",
        },
    ),
    (  # no 关于: a 考察材料 and its 考察组 line
        _doc(
            "王建国同志考察材料",
            "　　王建国，男，1978年5月生，现任某某县发展和改革局副局长。",
            "　　考察组认为，该同志政治素质好，工作能力较强，群众测评优秀率86%。",
            "考察组：中共某某县委组织部（2024年7月2日）",
        ),
        {
            "title": "王建国同志考察材料",
            "doc_type": "材料",
            "date": "2024-07-02",
            "date_source": "起草日期",
            "issuer": "中共某某县委组织部",
        },
    ),
    (  # a 题本 heading, and a 发文字号 with 第…号 in half-width brackets
        _doc(
            "某某市人力资源和社会保障局",
            "某人社决字(2024)第0003562号",
            "2024年度事业单位公开招聘笔试题本",
            "　　一、单项选择题（每题1分）",
            "某某市人力资源和社会保障局",
            "2024年6月1日",
        ),
        {
            "title": "2024年度事业单位公开招聘笔试题本",
            "doc_type": "题本",
            "doc_number": "某人社决字(2024)第0003562号",
        },
    ),
    (  # a 督查通报 with no 成文日期 line: the 印发 date, and the 印发机关 as issuer
        _doc(
            "武政办督(2024)3号",
            "关于第二季度12345热线重点交办事项督查情况的通报",
            "各区人民政府，市人民政府各部门：",
            "　　现将督查情况通报如下。",
            "抄送：市委办公厅。",
            "武汉市人民政府办公室　　　　　　2024年7月9日印发",
        ),
        {"date": "2024-07-09", "date_source": "印发日期", "issuer": "武汉市人民政府办公室"},
    ),
    (  # joint issuers side by side above one date
        _doc(
            "关于开展2024年安全生产大检查的通知",
            "各乡镇：",
            "　　现就有关事项通知如下。",
            "某某县应急管理局　　　某某县市场监督管理局",
            "2024年5月6日",
        ),
        {"issuer": "某某县应急管理局、某某县市场监督管理局", "date": "2024-05-06"},
    ),
    (  # a PDF's narrow signature block wraps the organ's name and the date
        _doc(
            "关于2024年第二批公共租赁住房配租结果的公示",
            "　　现将配租结果公示如下。",
            "　　公示期为2024年11月8日至11月14日。",
            "　　咨询电话：0755-88211834",
            "　　　　　　　　　　　　　　　　　　深圳市光明区住",
            "房和建设局",
            "　　　　　　　　　　　　　　　　　　　　　2024年",
            "11月8日",
        ),
        {"issuer": "深圳市光明区住房和建设局", "date": "2024-11-08"},
    ),
    (  # a report read to the 人大常委会: date and organ in the head
        _doc(
            "关于江汉区2023年度区级预算执行和其他财政收支的",
            "审计工作报告",
            "——2024年8月27日在武汉市江汉区第十七届人民代表大会常务委员会",
            "第二十一次会议上",
            "武汉市江汉区审计局局长　万立群",
            "主任、各位副主任、各位委员：",
            "　　我受区人民政府委托，报告审计情况。",
        ),
        {
            "title": "关于江汉区2023年度区级预算执行和其他财政收支的审计工作报告",
            "issuer": "武汉市江汉区审计局",
            "date": "2024-08-27",
            "date_source": "讲话日期",
        },
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), LAYOUTS, ids=[e.get("title", "x")[:10] for _t, e in LAYOUTS]
)
def test_layouts_of_new_offices(text: str, expected: dict[str, str]) -> None:
    meta = extract_metadata(text).to_dict()
    assert {key: meta[key] for key in expected} == expected


def test_doc_number_with_long_serial() -> None:
    number = parse_doc_number("某某决字(2024)第0003562号")
    assert number is not None and number.number == 3562 and number.brackets == "()"


# --- PDF signature zones (pipeline/metadata_layout.py) ---------------------------------------

_PDF_HEAD = (
    "深光住建〔2024〕12号\n关于2024年第二批公共租赁住房配租结果的公示\n"
    "　　根据有关规定，现将配租结果予以公示。\n　　咨询电话：0755-88211834\n"
)
_R = "　" * 16


@pytest.mark.parametrize(
    "tail",
    [
        _R + "深圳市光明区\n住房和建设\n局\n" + _R + "2024年\n11月\n8日\n",
        "深圳市光明区住\n房和建设局\n2024年11月\n8日\n",
        _R + "深圳市光明区住房和建设局\n" + _R + "（盖章）\n" + _R + "2024年11月8日\n",
        _R + "深圳市光明区住房和建设局\n" + _R + "2024年11月8日（章）\n",
        _R + "深圳市光明区住房和建设局\n— 3 —\n" + _R + "2024年11月8日\n",
        _R + "深 圳 市 光 明 区 住 房 和 建 设 局\n" + _R + "2024年11月8日\n",
        _R + "深圳市光明区住房和建设局\n" + _R + "2024.11.8\n第 2 页 共 2 页\n",
    ],
    ids=["wrap3", "unindented", "seal_line", "seal_by_date", "page_number", "spaced", "dotted"],
)
def test_pdf_signature_zones(tail: str) -> None:
    meta = extract_metadata(_PDF_HEAD + tail)
    assert (meta.issuer, meta.date) == ("深圳市光明区住房和建设局", "2024-11-08")
    assert meta.title == "关于2024年第二批公共租赁住房配租结果的公示"


def test_two_issuers_signing_apart_stay_apart() -> None:
    tail = _R + "深圳市光明区住房和建设局\n" + _R + "深圳市光明区财政局\n" + _R + "2024年11月8日\n"
    assert (
        extract_metadata(_PDF_HEAD + tail).issuer == "深圳市光明区住房和建设局、深圳市光明区财政局"
    )


# --- the new office's layouts (pipeline/training/new_office.py), one small document each ---

NEW_OFFICE = [
    (  # a body heading right under a title without 关于 is not part of the title
        _doc(
            "2024年期末统一考试语文参考答案及评分标准",
            "一、积累与运用（共20分）",
            "1．（2分）A　2．（2分）C。",
        ),
        {"title": "2024年期末统一考试语文参考答案及评分标准"},
    ),
    (  # a body line wrapped by a PDF above the 落款 is no issuer
        _doc(
            "关于征求意见的公告",
            "　　意见请发送至电子邮箱：zqyj12@fz.g",
            "ov.cn",
            "泉州市晋江市商务局",
            "2024年6月3日",
        ),
        {"issuer": "泉州市晋江市商务局", "date": "2024-06-03"},
    ),
    (  # a record's bare 时间 line, with 地点 under it, dates it
        _doc(
            "某某县林业局",
            "调查询问笔录",
            "时间：2025年1月14日9时00分至16时",
            "地点：某某县林业局执法室",
            "问：林木是谁砍伐的？",
        ),
        {"title": "调查询问笔录", "date": "2025-01-14", "date_source": "询问时间"},
    ),
    (  # a Chinese-numeral date cut inside the day by a narrow 落款 column
        _doc(
            "关于拨付专项工作经费的请示",
            "县人民政府：",
            "　　恳请拨付工作经费20万元。妥否，请批示。",
            "　　　　　　　　　　赣州市瑞金市审计局",
            "二〇二六年七月二十",
            "三日",
        ),
        {"issuer": "赣州市瑞金市审计局", "date": "2026-07-23"},
    ),
    (  # the addressee run on to a full-width title by the PDF reader
        _doc(
            "浏政函〔2022〕62号",
            "长沙市浏阳市人民政府关于青石镇村庄规划（2022—2037年）的批复青石镇人民政府：",
            "　　你镇关于审批村庄规划的请示收悉。经研究，同意该规划。",
        ),
        {
            "title": "长沙市浏阳市人民政府关于青石镇村庄规划（2022—2037年）的批复",
            "addressees": ["青石镇人民政府"],
        },
    ),
    (  # the 发文字号 run on to a title; 方案 inside the title, 函 inside the 机关代字
        _doc(
            "赛罕区人民政府办公室龙潭乡土地整治项目实施方案批复赛政办函字(2022)第0073号",
            "龙潭乡人民政府：",
            "　　你乡报送的实施方案收悉，原则同意。",
        ),
        {
            "title": "赛罕区人民政府办公室龙潭乡土地整治项目实施方案批复",
            "doc_number": "赛政办函字(2022)第0073号",
        },
    ),
    (  # the same after a 《》 that itself ends in a type word (规划)
        _doc(
            "南岗区人民政府印发《南岗区养老服务体系建设规划》通知南政发字(2024)第0012号",
            "　　现将规划印发给你们，请认真抓好落实。",
        ),
        {"title": "南岗区人民政府印发《南岗区养老服务体系建设规划》通知"},
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), NEW_OFFICE, ids=[t.split("\n")[1][:8] for t, _e in NEW_OFFICE]
)
def test_new_office_layouts(text: str, expected: dict[str, object]) -> None:
    meta = extract_metadata(text).to_dict()
    assert {key: meta[key] for key in expected} == expected


def test_body_line_ending_in_如下_is_not_cut() -> None:
    """现将有关事项通知如下： under a title is a sentence, not a run-on addressee."""
    text = _doc("关于做好防汛工作的通知", "现将有关事项通知如下：", "　　一、落实责任。")
    assert extract_metadata(text).title == "关于做好防汛工作的通知"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("苏州市吴江区政务服务管理局", "苏州市吴江区政务服务管理局"),  # a letterhead
        ("韶关市教育局文件", "韶关市教育局文件"),
        ("第 1 页", None),  # a page number is no 发文机关标志
        ("关于做好防汛工作的通知", None),  # a running title is no organ
    ],
)
def test_an_issuer_mark_typeset_in_the_page_header(
    header: str, expected: str | None, tmp_path: Path
) -> None:
    """Word puts a letterhead in the header part, which the reader lays out after the
    body: the 发文机关标志 is still the header's organ line."""
    from docx import Document as Docx

    word = Docx()
    word.sections[0].header.paragraphs[0].text = header
    for line in ("政府信息公开申请补正通知书", "吴政服公补［2025］3号", "申请人：", "　　正文。"):
        word.add_paragraph(line)
    path = tmp_path / "补正通知书.docx"
    word.save(str(path))
    document, _data, error = ingest_file(path, Settings())
    assert document is not None, error
    assert extract_metadata(document).issuer_mark == expected


# --- issue 20, round two: titles cut where a type word or an organ suffix seems to end them --

TITLE_BREAKS = [
    (  # 《…办法》 ends in a type word, the 的通知 on the next line is the title's own
        (
            "邗民〔2023〕第101号",
            "扬州市邗江区民政局关于印发《扬州市邗江区应急物资储备管理办法》",
            "的通知",
        ),
        "扬州市邗江区民政局关于印发《扬州市邗江区应急物资储备管理办法》的通知",
        "通知",
    ),
    (  # a 关于-subject ending in 规划, the years and 的批复 under it
        ("长沙市人民政府关于岳麓区国土空间分区规划", "（2021—2035年）的批复"),
        "长沙市人民政府关于岳麓区国土空间分区规划（2021—2035年）的批复",
        "批复",
    ),
    (  # 关于转发…的意见 / 的通知: a line starting with 的 is always the title's rest
        (
            "岳政办发〔2024〕3号",
            "长沙市岳麓区人民政府办公室关于转发市发展改革委关于加快推进数字经济发展的意见",
            "的通知",
        ),
        "长沙市岳麓区人民政府办公室关于转发市发展改革委关于加快推进数字经济发展的意见的通知",
        "通知",
    ),
    (  # a bare type word with its batch under a list's name
        ("岳麓区2024年考试录用公务员拟录用人员名单", "公示（第一批）"),
        "岳麓区2024年考试录用公务员拟录用人员名单公示（第一批）",
        "公示",
    ),
    (  # the title's rest typed with a centring indent
        ("岳水发〔2024〕3号", "长沙市岳麓区水利局关于做好2024年度", "　　防汛抗旱工作的通知"),
        "长沙市岳麓区水利局关于做好2024年度防汛抗旱工作的通知",
        "通知",
    ),
    (  # a whole title typed with a paragraph's indent
        ("岳水发〔2024〕3号", "　　关于做好2024年度防汛抗旱工作的通知"),
        "关于做好2024年度防汛抗旱工作的通知",
        "通知",
    ),
    (  # a long line that ends in 意见 only where it was cut: 意见汇总
        ("龙岗区2024年第三批区级高层次人才认定联审意见", "汇总（讨论稿）"),
        "龙岗区2024年第三批区级高层次人才认定联审意见汇总（讨论稿）",
        "意见汇总",
    ),
    (  # …行政处罚决定 / 信息公示: the 公示 is the type, 决定 part of the subject
        ("桥西区城市管理综合行政执法局2024年8月行政处罚决定", "信息公示"),
        "桥西区城市管理综合行政执法局2024年8月行政处罚决定信息公示",
        "公示",
    ),
    (  # cut after 处: a line holding a year is no organ's name, so the title starts there
        ("桥西区城市管理综合行政执法局2024年8月行政处", "罚决定信息公示"),
        "桥西区城市管理综合行政执法局2024年8月行政处罚决定信息公示",
        "公示",
    ),
]


@pytest.mark.parametrize(
    ("head", "title", "kind"), TITLE_BREAKS, ids=[t[-4:] for _h, t, _k in TITLE_BREAKS]
)
def test_titles_cut_over_lines(head: tuple[str, ...], title: str, kind: str) -> None:
    text = _doc(
        *head, "各有关单位：", "　　现将有关事项通知如下。", "长沙市岳麓区水利局", "2024年5月6日"
    )
    meta = extract_metadata(text)
    assert (meta.title, meta.doc_type) == (title, kind)


@pytest.mark.parametrize(
    "extra", ["（节选）", "一、基本情况", "长沙市岳麓区统计局"], ids=["excerpt", "heading", "organ"]
)
def test_a_complete_title_does_not_swallow_the_next_line(extra: str) -> None:
    text = _doc(
        "长沙市岳麓区2024年政府信息公开工作年度报告",
        extra,
        "　　本报告依据有关规定编制。",
        "长沙市岳麓区人民政府办公室",
        "2025年1月20日",
    )
    assert extract_metadata(text).title == "长沙市岳麓区2024年政府信息公开工作年度报告"


def test_bulletin_title_over_two_lines_is_no_signatory() -> None:
    """A 公报's date under its title: the organ above the date signs, the title lines not."""
    text = _doc(
        "长沙市岳麓区2023年国民经济和",
        "社会发展统计公报",
        "长沙市岳麓区统计局",
        "（2024年3月20日）",
        "　　2023年，全区经济运行稳中有进。",
    )
    meta = extract_metadata(text)
    assert (meta.title, meta.issuer, meta.date) == (
        "长沙市岳麓区2023年国民经济和社会发展统计公报",
        "长沙市岳麓区统计局",
        "2024-03-20",
    )


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("文号：岳应急罚〔2024〕12号", "岳应急罚〔2024〕12号"),
        ("发文字号：岳应急罚(2024)第0012号", "岳应急罚(2024)第0012号"),
        ("案号：岳应急罚〔2024〕12号", None),  # a case number is no 发文字号
        ("受理编号：岳应急罚〔2024〕12号", None),
    ],
)
def test_labelled_doc_number(line: str, number: str | None) -> None:
    text = _doc("长沙市岳麓区应急管理局", "行政处罚决定书", line, "当事人：某公司", "　　经查。")
    assert extract_metadata(text).doc_number == number


@pytest.mark.parametrize(
    ("line", "agency"),
    [
        ("桥西区城市管理综合行政执法局", True),
        ("桥西区城市管理综合行政执法局2024年8月行政处", False),
        ("2023年宜昌市夷陵区国民经济和社", False),
    ],
)
def test_a_line_with_a_year_is_no_organ(line: str, agency: bool) -> None:
    from pipeline.gongwen import looks_like_agency

    assert looks_like_agency(line) is agency


def test_generated_layouts_read_right_as_text() -> None:
    """Every generated layout (tests/fixtures/metadata_drafts.py, and the wider ones of
    tests/fixtures/metadata_layouts.py) as plain text."""
    from tests.fixtures.metadata_drafts import generate
    from tests.fixtures.metadata_layouts import generate_layouts

    wrong = []
    for draft in generate(400, seed=20) + generate_layouts(600, seed=31):
        meta = extract_metadata(draft.text).to_dict()
        wrong += [(draft.variant, k, v, meta[k]) for k, v in draft.gold.items() if meta[k] != v]
    assert not wrong, wrong[:5]


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        (  # letter-spaced with its year: read as its words, however long
            ("哈尔滨市南岗区民政局", "2 0 2 4 年 临 时 救 助 发 放 名 单 公 示"),
            "2024年临时救助发放名单公示",
        ),
        (  # letter-spaced with its bracketed procedure
            (
                "长沙市望城区交通运输局",
                "行 政 处 罚 决 定 书 （ 简 易 程 序 ）",
                "望交罚〔2022〕118号",
            ),
            "行政处罚决定书（简易程序）",
        ),
        (  # a sentence under a heading without 关于 is a note, not the title's second line
            ("五常市2026年国防动员工作计划", "本计划属涉密事项，按涉密文件管理。"),
            "五常市2026年国防动员工作计划",
        ),
        (  # so is a bracketed remark with a comma
            ("南岗区2024年战备物资工作计划", "（涉密文件，注意保管）"),
            "南岗区2024年战备物资工作计划",
        ),
        (  # while a status line under the title still belongs to it
            ("关于加强涉密文件管理的通知", "（征求意见稿）"),
            "关于加强涉密文件管理的通知（征求意见稿）",
        ),
    ],
)
def test_spaced_headings_and_notes_under_a_heading(lines: tuple[str, ...], title: str) -> None:
    text = _doc(
        *lines, "　　重要目标5处，民兵分队393人，具体部署如下。", "某某县人民政府", "2024年3月1日"
    )
    assert extract_metadata(text).title == title
