"""Issue 20's new families, one small written document each (pipeline/doc_sent.py): a 汇报
sent up, a 征求意见函 to agencies against a public call, a reply to one complainant, a
meeting record, and wording wrapped across the lines of a PDF's text layer. Each pins the
attribute and the article the suggestion's basis must name."""

from __future__ import annotations

import pytest

from pipeline.decide import carries_normative_number, suggest
from pipeline.detect import detect
from pipeline.doc_sent import complaint_reply_reason
from pipeline.metadata import extract_metadata

HUIBAO_UP = (
    "南宁市青秀区城市管理局\n青城管报〔2025〕9号\n关于背街小巷环境整治进展情况的汇报\n"
    "青秀区人民政府：\n"
    "　　按照区政府第三次专题会议部署，现将我局背街小巷整治推进情况汇报如下：\n"
    "　　一、已完成整治巷道41条，剩余12条因管线迁改滞后未能按期完工。\n"
    "　　二、建议区政府协调供电部门加快迁改。\n"
    "南宁市青秀区城市管理局\n2025年4月8日\n"
)
# The same account of work, written for the citizens: published.
HUIBAO_PUBLIC = (
    "关于2025年背街小巷环境整治工作情况的通报\n"
    "　　为接受社会监督，现将2025年背街小巷整治情况向社会公开如下：\n"
    "　　全年完成整治巷道53条，投入资金1860万元。市民如有意见，可拨打12345反映。\n"
    "南宁市青秀区城市管理局\n2025年12月20日\n"
)
# Title lost, the 主送 line and the "汇报如下" wrapped as a PDF gives them.
HUIBAO_WRAPPED = (
    "青城管报〔2025〕11号\n青秀区人民政府：\n　　根据区政府督查通知要求，现将我局占道经营治\n"
    "理自查情况汇报如下：\n　　一、共清理占道摊点230处。\n　　二、个别路段反弹明显。\n"
    "　　特此报告。\n南宁市青秀区城市管理局\n2025年6月2日\n"
)
CONSULT_AGENCY = (
    "青秀区司法局关于征求《青秀区行政规范性文件管理办法（修改稿）》意见的函\n"
    "区直各有关单位：\n"
    "　　我局对《青秀区行政规范性文件管理办法》进行了修改，现送你们征求意见。请于5月10日前将"
    "书面意见反馈我局法制股，逾期视为无意见。\n"
    "青秀区司法局\n2025年4月28日\n"
)
CONSULT_PUBLIC = (
    "青秀区司法局关于征求《青秀区行政规范性文件管理办法（征求意见稿）》意见的函\n"
    "　　为提高制度质量，现将征求意见稿向社会公开征求意见。社会公众可通过电子邮件向我局反馈意见，"
    "截止日期为2025年6月30日。\n"
    "青秀区司法局\n2025年5月30日\n"
)
COMPLAINT_REPLY = (
    "青秀区市场监督管理局\n关于对黄某某投诉预付卡退费问题的答复\n黄某某：\n"
    "　　您于2025年3月2日通过12315平台投诉某健身馆拒绝退还预付卡余额一事，我局已调查核实，"
    "该健身馆已同意退费。\n　　感谢您对市场监管工作的支持。\n"
    "青秀区市场监督管理局\n2025年3月20日\n"
)
MEETING_RECORD = (
    "局务会议记录\n时间：2025年2月11日下午3时\n地点：局三楼会议室\n主持人：蒙志刚\n"
    "出席：韦丽华、农海燕及各股室负责人\n记录人：覃小燕\n议题：研究2025年执法车辆购置事项\n"
    "韦丽华：现有车辆老化严重，建议购置四台。\n"
    "农海燕：预算偏紧，建议先购置两台。\n"
    "蒙志刚：请财务股再测算，下次局务会研究。\n"
)
# A government's 常务会议纪要 of decisions, its 常务会议 wrapped over two lines: published.
MINUTES_WRAPPED = (
    "青秀区人民政府常务会议纪要\n青府纪〔2025〕6号\n"
    "　　2025年3月5日，区长主持召开区人民政府常务\n会议，现纪要如下：\n"
    "　　一、会议审议通过了《青秀区老旧小区改造三年行动方案》，由区住房和城乡建设局组织实施。\n"
    "　　二、会议要求各部门按职责分工抓好落实。\n"
)
# A 转办 letter whose "转交你单位" and deadline are cut by the line breaks.
ROUTING_WRAPPED = (
    "青秀区信访局\n青访函〔2025〕31号\n青秀区住房和城乡建设局：\n"
    "　　现将群众来信反映小区外墙脱落问题一件转交你\n单位，请依法处理，并于15个工作日内将办理\n"
    "结果报送我局。\n　　联系人：韦强，电话：0771-5550123。\n抄送：青秀区人民政府办公室。\n"
    "青秀区信访局\n2025年5月6日\n"
)


def _suggest(text: str):  # type: ignore[no-untyped-def]
    return suggest(text, extract_metadata(text), detect(text))


@pytest.mark.parametrize(
    ("text", "attribute", "article"),
    [
        (HUIBAO_UP, "不予公开", "第十六条"),
        (HUIBAO_PUBLIC, "主动公开", "第十九条"),
        (HUIBAO_WRAPPED, "不予公开", "第十六条"),
        (CONSULT_AGENCY, "不予公开", "第十六条"),
        (CONSULT_PUBLIC, "主动公开", "第十九条"),
        (COMPLAINT_REPLY, "依申请公开", "第十五条"),
        (MEETING_RECORD, "不予公开", "第十六条"),
        (MINUTES_WRAPPED, "主动公开", "第十九条"),
        (ROUTING_WRAPPED, "不予公开", "第十六条"),
    ],
    ids=[
        "huibao_up",
        "huibao_public",
        "huibao_wrapped",
        "consult_agency",
        "consult_public",
        "complaint_reply",
        "meeting_record",
        "minutes_wrapped",
        "routing_wrapped",
    ],
)
def test_new_family(text: str, attribute: str, article: str) -> None:
    s = _suggest(text)
    assert s.attribute == attribute, s.reasons
    assert article in s.legal_basis, s.legal_basis
    assert any(article in r for r in s.reasons), s.reasons  # the reason cites it too
    # Rule-decided: the calibration's known steps give the confidence (decide_confidence)
    assert s.rule in ("process", "one_party", "served_on_party", "public", "partial"), s.rule
    assert 0.0 < s.confidence <= 1.0


def test_reply_to_a_deputy_or_to_every_street_is_not_a_complaint_reply() -> None:
    """A 人大代表's 建议 answered, or one complaint's handling sent to 各街道, is not
    kept to one party."""
    deputy = (
        "关于对市人大代表黄某某反映公交线路问题建议的答复\n黄某某代表：\n　　您反映的问题已办理。\n"
    )
    bulletin = (
        "关于群众投诉噪音扰民问题处理情况的通报\n各街道办事处：\n"
        "　　您反映的问题……经核查，现将处理情况通报如下。\n"
    )
    assert complaint_reply_reason("", deputy) is None
    assert complaint_reply_reason("关于群众投诉噪音扰民问题处理情况的通报", bulletin) is None


def test_an_emergency_release_names_article_twenty() -> None:
    """第二十条（十二）: the 应对情况 of a 突发公共事件 is published under the list."""
    text = (
        "关于樊城区“8·14”安全事故处置情况的通报\n"
        "　　8月14日15时许，樊城区一处仓库发生火灾事故，区政府立即启动应急预案。\n"
        "　　目前火情已扑灭，无人员伤亡，事故原因正在调查。\n"
        "襄阳市樊城区应急管理局\n2025年8月15日\n"
    )
    s = _suggest(text)
    assert s.attribute == "主动公开", s.reasons
    assert "第二十条" in s.legal_basis, s.legal_basis


# Issue 20, the thirteenth hand: wording the 条例's kinds take in other offices' drafts.
THIRTEENTH = [
    (  # an interview's questions with their 评分参考, unmarked, before the interview
        "2025年遴选公务员面试题目及评分参考\n第一题　群众反映窗口排长队，你如何改进？\n"
        "评分参考：提出预约、错峰等措施的，给10-15分。\n第二题　谈谈你对担当作为的理解。\n"
        "评分参考：观点明确的，给15-20分。\n襄阳市樊城区委组织部\n2025年3月1日\n",
        "不予公开",
        "第十四条",
    ),
    (  # conscription numbers written as 名额/指标, with the transport
        "关于2025年新兵名额分配的通知\n各乡镇人民武装部：\n"
        "　　根据上级下达的兵员征集指标，今年我区征集义务兵86名，其中太平店镇12名。\n"
        "　　新兵于9月5日在区人武部集中交接，乘专列起运。\n樊城区人民武装部\n2025年7月1日\n",
        "不予公开",
        "第十四条",
    ),
    (  # a 密级 in brackets with a star before it
        "【★机密】\n樊城区2025年重点项目资金调度方案\n　　一、资金来源。二、调度安排。\n"
        "襄阳市樊城区财政局\n2025年2月1日\n",
        "不予公开",
        "第十四条",
    ),
    (  # the 密级 with 级 after it, on its own line
        "秘密级\n关于2025年度财政资金使用的情况说明\n　　一、收支情况。\n"
        "襄阳市樊城区财政局\n2025年2月1日\n",
        "不予公开",
        "第十四条",
    ),
    (  # a case's 询问记录 (the process of a case, not its decision)
        "樊城区城市管理执法局\n调查询问记录\n时间：2025年5月2日　地点：执法中队\n"
        "　　执法人员向当事人了解占道经营的经过，当事人称系临时摆放。\n记录人：王红\n",
        "不予公开",
        "第十六条",
    ),
    (  # a case committee's record of who argued what
        "案件审理委员会会议记录\n案件：樊城某商行销售假冒商品案\n"
        "　　甲委员：证据充分，建议顶格处罚。乙委员：初次违法，建议从轻。\n"
        "　　结论：按中档处罚，报局长签批。\n2025年5月9日\n",
        "不予公开",
        "第十六条",
    ),
    (  # a 和解协议 between a worker and a company: the parties' own
        "劳动争议和解协议书\n申请人：周文华\n被申请人：襄阳汉江粮油贸易有限公司\n"
        "　　双方自愿和解：被申请人于2025年6月30日前支付申请人工资差额8000元。\n"
        "樊城区劳动人事争议仲裁委员会\n2025年6月10日\n",
        "依申请公开",
        "第十五条",
    ),
    (  # an 实施意见 with the 规范性文件 number names 第二十条（二）
        "樊城区人民政府关于加强城镇燃气安全管理的实施意见\n樊政规〔2025〕2号\n"
        "各镇人民政府、街道办事处，区政府各部门：\n　　为加强燃气安全管理，现提出如下意见。\n"
        "　　本意见自印发之日起施行，有效期五年。\n樊城区人民政府\n2025年4月1日\n",
        "主动公开",
        "第二十条",
    ),
]


@pytest.mark.parametrize(("text", "attribute", "article"), THIRTEENTH)
def test_thirteenth_hand_wording(text: str, attribute: str, article: str) -> None:
    s = _suggest(text)
    assert s.attribute == attribute, s.reasons
    assert article in s.legal_basis, s.legal_basis


def test_an_exam_held_and_a_numbered_notice_are_not_touched() -> None:
    """The published 真题 after the exam stays public; a 题 number in a notice with no
    answer lines is no exam; a 公文 number with 规划 in it is no 规范性文件 number."""
    after = (
        "2024年遴选面试题目及评分参考（考后公布）\n第一题　谈谈你对担当作为的理解。\n"
        "评分参考：观点明确的，给15-20分。\n"
    )
    assert _suggest(after).attribute != "不予公开"
    notice = (
        "关于举办樊城区青少年科普知识竞赛的通知\n樊规划〔2025〕3号\n各学校：\n"
        "　　第一题由主持人宣读，各队抢答。\n樊城区科学技术协会\n2025年4月1日\n"
    )
    s = _suggest(notice)
    assert s.attribute == "主动公开", s.reasons
    assert "第二十条" not in s.legal_basis, s.legal_basis


@pytest.mark.parametrize(
    ("text", "doc_number", "normative"),
    [
        ("关于加强燃气安全管理的实施意见\n樊政规〔2025〕2号\n各镇：\n", None, True),
        ("实施意见\n各镇：\n　　现提出如下意见。\n", "樊政规〔2025〕2号", True),
        ("办法\n统一编号：鄂政规字〔2024〕1号\n", None, True),
        (  # another document's number cited in the opening sentence
            "关于开展燃气安全检查的通知\n各镇：\n　　根据《樊城区燃气安全管理办法》"
            "（樊政规〔2023〕5号）规定，现开展检查。\n",
            None,
            False,
        ),
        (
            "关于开展检查的通知\n各镇：\n　　根据樊政规〔2023〕5号文件精神。\n",
            "樊政发〔2025〕1号",
            False,
        ),
    ],
)
def test_only_the_documents_own_number_makes_it_normative(
    text: str, doc_number: str | None, normative: bool
) -> None:
    """第二十条（二） names a 规范性文件 by its own number (read as the 发文字号, or a line
    under the title holding only it), never by one it cites."""
    assert carries_normative_number(text, doc_number) is normative
