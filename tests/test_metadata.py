"""GB/T 9704 elements: the variants real drafts use, and null when a thing is absent."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.gongwen import doc_type_of, parse_date, parse_doc_number
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
