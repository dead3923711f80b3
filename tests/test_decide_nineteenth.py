"""Rules fixed against a nineteenth hand (tests/fixtures/attribute_nineteenth*.py: a 省直 厅
and a 开发区 管委会), each pinned by small papers written here in other words, read through
the scan path:

- a 公文's processing sheet (稿纸, 签发单: 拟稿/核稿/会签/签发 cells), the office's own
  答辩状 or 复议答复书, statistics before release → 不予公开, 第十六条
  (pipeline/doc_casework.py);
- a 密级 on the line of the page number or the 份号, at the foot → 第十四条
  (pipeline/doc_marks.page_line_level);
- a 复议决定 correcting a penalty on a natural person stays with him (pipeline/doc_review.py);
- a list of 许可/备案 outcomes on several firms is published (pipeline/doc_results.py,
  pipeline/detect/check_results.py);
- a call for views' mailbox on a contact line of its own is the office's
  (pipeline/detect/email.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.decide_support import scanned_suggestion

SHEET = (
    "某县教育局发文处理笺\n\n"
    "│标　　题│关于做好秋季学期校园食品安全工作的通知│\n"
    "│拟 稿 人│教育股　陈某某│\n"
    "│审 核 意 见│请办公室核稿│\n"
    "│核　　稿│办公室　刘某│\n"
    "│签　　发│同意印发。何某　2025.8.20│\n"
)
SHEET_SPACED = (
    "呈 批 件\n\n"
    "事由：拟向市财政局申请追加道路养护经费\n"
    "拟稿：养护科　张某　　核稿：综合科　李某\n"
    "会签：计财科　王某\n"
    "领导批示：同意，按程序报送。\n"
)
EVENT = (
    "关于举办2025年全市职工乒乓球比赛的通知\n\n各区总工会，市直各单位：\n"
    "　　为丰富职工文化生活，定于10月18日举办全市职工乒乓球比赛。\n"
    "主办单位：　市总工会\n承办单位：　市体育中心\n协办单位：　市乒乓球协会\n"
    "　　请各单位于10月10日前报名。\n\n市总工会\n2025年9月20日\n"
)
DEFENCE = (
    "行政应诉答辩状\n\n"
    "答辩人：某市自然资源和规划局，住所地某市人民路8号。\n"
    "法定代表人：周某，局长。\n"
    "被答辩人：何某，男，1971年生。\n"
    "　　被答辩人诉答辩人土地行政登记一案，答辩人现答辩如下：\n"
    "　　一、答辩人的登记行为有事实和法律依据。\n"
    "　　综上，请求某区人民法院驳回被答辩人的诉讼请求。\n\n某市自然资源和规划局\n2025年4月2日\n"
)
FIGURES = (
    "1—5月全县规模以上工业运行情况\n\n"
    "　　1—5月，全县规模以上工业增加值同比增长6.8%，其中制造业增加值同比增长7.1%。\n"
    "　　规模以上工业企业实现营业收入112.4亿元，同比增长4.2%。\n"
    "　　说明：本期数据为县统计局月度快报，未经市统计局审定，正式公布前不得对外引用。\n\n"
    "某县工业和信息化局\n2025年6月12日\n"
)
BULLETIN = (
    "某县2024年国民经济和社会发展统计公报\n\n"
    "　　经初步核算，全年全县地区生产总值312.5亿元，比上年增长5.6%。\n"
    "　　全年规模以上工业增加值比上年增长6.1%。社会消费品零售总额98.7亿元，同比增长4.9%。\n\n"
    "某县统计局\n2025年3月20日\n"
)
FOOT_MARK = (
    "关于近期重点企业安全风险排查情况的报告\n\n市应急管理局：\n"
    "　　现将我区重点企业安全风险排查情况报告如下。\n"
    "　　一、排查总体情况。共排查企业42家。\n\n某区应急管理局\n2025年5月6日\n\n"
    "－ 2 －　　机密（★5年）\n"
)
COPY_MARK = (
    "关于某型设备采购有关情况的说明\n\n"
    "　　根据工作安排，现将有关情况说明如下。\n\n某市发展和改革委员会\n2025年7月1日\n"
    "份号：000017　　机密★2年\n"
)
REVIEW = (
    "行政复议决定书\n\n"
    "申请人：林某某，男，1983年3月出生，住某市某区幸福路12号。\n"
    "被申请人：某市城市管理综合行政执法局\n"
    "　　申请人不服被申请人对其作出的罚款500元的行政处罚决定，向本机关申请行政复议。\n"
    "　　本机关认为，被申请人未告知申请人陈述申辩的权利，程序违法。\n"
    "　　本机关决定：撤销被申请人作出的行政处罚决定。\n"
    "　　申请人如不服本决定，可以自收到本决定书之日起十五日内向人民法院提起行政诉讼。\n\n"
    "某市人民政府\n2025年8月9日\n"
)
RESULTS = (
    "2025年第3批取水许可审批结果公告\n\n"
    "　　现将本厅近期办理的取水许可事项结果公告如下：\n"
    "编号  申请单位  办理结论\n"
    "1  某市清源水务有限公司  准予取水许可\n"
    "2  某县金穗米业有限公司  准予变更\n"
    "3  某市恒达热电有限公司  不予许可\n"
    "\n某省水利厅\n2025年9月1日\n"
)
CALL = (
    "关于就《某市城市道路挖掘管理办法（草案）》公开征求意见的公告\n\n"
    "　　为提高立法质量，现将草案全文公布，欢迎社会各界提出意见。\n"
    "　　意见提交截止日期：2025年11月30日。\n"
    "　　电子邮箱：csdlwj2025@126.com\n"
    "　　通讯地址：某市城市管理局法规科（信封注明“征求意见”）\n\n某市城市管理局\n2025年11月1日\n"
)


@pytest.mark.parametrize(
    ("text", "attribute", "article"),
    [
        (SHEET, "不予公开", "第十六条"),
        (SHEET_SPACED, "不予公开", "第十六条"),
        (EVENT, "主动公开", "第十九条"),  # 主办/承办 units are no processing sheet
        (DEFENCE, "不予公开", "第十六条"),
        (FIGURES, "不予公开", "第十六条"),
        (BULLETIN, "主动公开", "第二十条"),  # a published 统计公报, 初步核算 and all
        (FOOT_MARK, "不予公开", "第十四条"),
        (COPY_MARK, "不予公开", "第十四条"),
        (REVIEW, "依申请公开", "第十五条"),
        (RESULTS, "主动公开", "第二十条"),
        (CALL, "主动公开", "第十九条"),
    ],
)
def test_nineteenth_kinds(tmp_path: Path, text: str, attribute: str, article: str) -> None:
    suggestion = scanned_suggestion(tmp_path, text)
    assert suggestion["attribute"] == attribute, suggestion["reasons"]
    assert article in suggestion["legal_basis"], suggestion["legal_basis"]
