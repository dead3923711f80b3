"""GB/T 9704 elements as new offices lay them out (issue 20): one small draft per layout,
PDF signature zones, the new office's layouts and an issuer mark in the page header."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import Settings
from pipeline.gongwen import parse_doc_number
from pipeline.ingest import ingest_file
from pipeline.metadata import extract_metadata


def _doc(*lines: str) -> str:
    return "\n".join(lines)


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
