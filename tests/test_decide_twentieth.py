"""Rules fixed against a twentieth hand (tests/fixtures/attribute_twentieth*.py: a 地级市's
教育局, 人武部, 粮储局, 公安局 and 统计局), each pinned by small papers written here in other
words, read through the scan path:

- a 密级 on a line of its own inside round brackets, or a 此件/本件 phrase that sets a star
  where the verb would be (pipeline/doc_enclosed.py) → 第十四条;
- the filled 密级 field of a 呈批件 or 发文稿纸 (pipeline/doc_enclosed.py) → 第十四条, the
  sheet's own 第十六条 besides;
- a 内部 mark with a star or in brackets (内部★, 【内部】) on a line of its own
  (pipeline/detect/secret_marking.py) → 第十六条: a work secret, not a 密级;
- an exam's 样卷 sealed and opened only at the sitting (密封, 分装, 拆封) is the paper before
  use, not a published sample (pipeline/doc_exam_sealed.py) → 第十四条;
- a level whose period a scan read with 〇 for 0 (pipeline/doc_kinds.PERIOD) → 第十四条;
- a table of stores with a column of their actual stock, the unit in the head
  (pipeline/doc_sites.py) → 第十四条;
- a table of defence works with their coordinates in degrees (E…/N…) (pipeline/doc_sites.py)
  → 第十四条;
- a 征兵 task table with more than one number to each place (pipeline/doc_defence.py)
  → 第十四条.

The published look-alikes stay published: an auction of reserve lots, a 保密 week report
that names the levels, a 人防 drill notice.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.decide_support import scanned_suggestion

ROUND_MARK = (
    "某县水利局\n\n关于汛前水库巡查情况的报告\n\n"
    "　　按照防汛工作要求，我局组织对全县中小型水库进行了巡查，发现隐患三处，已督促整改。\n\n"
    "某县水利局\n2025年4月2日\n（☆机密）\n"
)
STAR_PHRASE = (
    "关于近期社会面情况的通报\n\n"
    "　　各乡镇：近期全县社会面总体平稳，个别村组存在矛盾纠纷，请各地做好排查化解。\n\n"
    "某县综治中心\n2024年9月1日\n本件☆秘密\n"
)
ZERO_PERIOD = (
    "关于印发工作细则的通知\n\n　　现将细则印发给你们，请遵照执行。\n\n某县某局\n2024年3月1日\n\n"
    "附件\n\n工作细则\n秘密★2〇年\n一、工作内容\n　　各单位按要求落实。\n"
)
STOCK_TABLE = (
    "全县救灾物资存储情况\n\n　　现将各仓储点物资存储情况列示如下：\n"
    "仓储点｜所在地｜物资名称｜库存数量（顶/床）\n"
    "城南应急仓库｜城南工业园｜折叠床｜1200\n"
    "北山救灾仓库｜北山镇｜救灾帐篷｜860\n"
    "县物资站｜县城东郊｜棉大衣｜2300\n\n某县应急管理局\n2025年5月6日\n"
)
STOCK_SPACED = (
    "县级储备油存放情况\n\n　　全县县级储备食用油存放情况如下：\n"
    "存 放 单 位     品 种     库 存 量 （ 吨 ）\n"
    "县粮油公司   菜籽油   320\n"
    "城东粮站   大豆油   180\n"
    "河西粮站   菜籽油   95\n\n某县发展和改革局\n2025年3月3日\n"
)
SITE_DEGREES = (
    "防空地下室统计\n\n　　全县已建成防空地下室情况如下：\n"
    "名称　　建筑面积　　经纬度\n"
    "县医院地下室　　3200　　E112.3311, N28.1044\n"
    "县体育中心地下室　　5100　　E112.3527, N28.1190\n\n某县人民防空办公室\n2025年2月1日\n"
)
QUOTA_TABLE = (
    "秋季入伍新兵交接安排\n\n　　现将各镇应征任务分配如下：\n"
    "镇名｜任务数｜其中高校生\n"
    "青山镇｜18｜6\n"
    "柳河镇｜12｜4\n"
    "石桥镇｜15｜5\n"
    "　　请各镇按时完成。\n\n某县人民武装部\n2025年8月1日\n"
)
FORM_CELL = (
    "某县公安局呈批件\n\n"
    "│事　　由│关于节日期间重点部位巡逻安排的请示│\n"
    "│密　　级│机密│\n"
    "│承办单位│治安大队│\n"
    "│领导批示│同意。│\n"
)
SHEET_FIELD = (
    "某县退役军人事务局发文笺\n"
    "签发人：周某　　　密级：秘密★3年　　　印数：10份\n"
    "拟稿：优抚股　吴某\n\n"
    "关于优抚对象信访情况的汇报\n\n"
    "　　今年以来，我局共接待优抚对象来访四十余批次，均已妥善处理。\n"
)
FIELD_SPACED = (
    "审　批　单\n\n"
    "事　由　　关于春节期间值班备勤安排的请示\n"
    "密  级  　  　  绝  密\n"
    "承办科室　　指挥中心\n"
    "　　春节期间全局实行二级勤务，各单位按要求落实值班备勤。\n"
)
BLANK_FIELD = (
    "某县教育局发文稿纸\n签发：　　　密级：　　　缓急：平件\n\n"
    "关于做好暑期学生安全教育的通知\n\n"
    "　　各学校：暑假将至，请各校做好防溺水等安全教育。\n\n某县教育局\n2025年7月1日\n"
)
AUCTION = (
    "县级储备粮拍卖公告\n\n　　定于2025年6月10日在省粮食交易中心举行县级储备粮拍卖会，标的如下：\n"
    "标的｜仓储点｜品种｜库存数量（吨）\n"
    "001｜城南粮站｜小麦｜2000\n"
    "002｜北山粮库｜玉米｜1500\n"
    "竞买人须提前交纳保证金。\n\n某县粮食和物资储备局\n2025年5月20日\n"
)
SECRECY_TALK = (
    "我县举办保密知识讲座\n\n"
    "　　讲座指出，国家秘密分为绝密、机密、秘密三个等级，文件标注密级应当规范，"
    "如“秘密★1年”表示保密期限为一年。\n\n某县保密局\n2025年5月8日\n"
)
DRILL = (
    "关于人防警报试鸣的通告\n\n　　定于9月18日上午10时在城区试鸣防空警报，届时请市民保持正常秩序。\n"
    "试鸣点位：县政府楼顶、县一中、东城社区。\n\n某县人民防空办公室\n2025年9月10日\n"
)

INNER_STAR = (
    "内部 ☆\n某县卫生健康局\n\n关于部分医疗机构院感检查情况的通报\n\n"
    "　　近期我局对全县医疗机构开展了院感专项检查，发现问题十二个，已责令整改。\n\n"
    "某县卫生健康局\n2025年6月3日\n"
)
INNER_BRACKET = (
    "关于乡镇干部作风情况的调研报告\n\n　　调研组走访了六个乡镇，发现部分干部存在推诿现象。\n\n"
    "某县委组织部\n2025年3月9日\n【内部】\n"
)
PROOF_SHEET = (
    "化学评分细则\n\n"
    "　　2025年全县八年级化学期末统考样卷，已密封分装，开考当日由主考拆封。\n"
    "　　一、选择题　1．B　2．C　3．A\n"
    "　　二、填空题　每空1分。\n\n某县教育局教研室\n2025年1月5日\n"
)
SAMPLE_PAPER = (
    "2025年全县中考化学样卷\n\n"
    "　　为帮助考生熟悉题型，现公布化学样卷及参考答案，供师生复习参考。\n"
    "　　一、选择题　1．下列变化属于化学变化的是（　）\n\n某县教育局教研室\n2025年3月5日\n"
)
PARKING = (
    "城区平战结合人防工程开放名录\n\n　　以下人防工程平时作为地下停车场向社会开放：\n"
    "名称　　车位　　位置\n"
    "中心广场地下停车场　　300　　E113.2011 N28.2310\n"
    "人民医院地下停车场　　180　　E113.2150 N28.2275\n\n某市人民防空办公室\n2025年4月1日\n"
)


@pytest.mark.parametrize(
    ("text", "attribute", "article"),
    [
        (ROUND_MARK, "不予公开", "第十四条"),
        (STAR_PHRASE, "不予公开", "第十四条"),
        (ZERO_PERIOD, "不予公开", "第十四条"),
        (STOCK_TABLE, "不予公开", "第十四条"),
        (STOCK_SPACED, "不予公开", "第十四条"),  # its head letter-spaced
        (SITE_DEGREES, "不予公开", "第十四条"),
        (QUOTA_TABLE, "不予公开", "第十四条"),
        (FORM_CELL, "不予公开", "第十四条"),
        (SHEET_FIELD, "不予公开", "第十四条"),
        (FIELD_SPACED, "不予公开", "第十四条"),  # the row letter-spaced, closed up by the scan
        (BLANK_FIELD, "主动公开", "第十九条"),  # the 密级 field left blank is no mark
        (AUCTION, "主动公开", "第十九条"),
        (SECRECY_TALK, "主动公开", "第十九条"),
        (DRILL, "主动公开", "第十九条"),
        (PARKING, "主动公开", "第十九条"),
        (INNER_STAR, "不予公开", "第十六条"),  # 内部 is a work secret, not a 密级
        (INNER_BRACKET, "不予公开", "第十六条"),
        (PROOF_SHEET, "不予公开", "第十四条"),
        (SAMPLE_PAPER, "主动公开", "第十九条"),
    ],
)
def test_twentieth_kinds(tmp_path: Path, text: str, attribute: str, article: str) -> None:
    suggestion = scanned_suggestion(tmp_path, text)
    assert suggestion["attribute"] == attribute, suggestion["reasons"]
    assert article in suggestion["legal_basis"], suggestion["legal_basis"]
