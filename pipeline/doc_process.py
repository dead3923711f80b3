"""Process information read from how a document is sent, and the decisions and minutes the
rules publish although their kind alone would keep them back.

第十六条 第二款 lets an office withhold the 讨论记录、过程稿、磋商信函、请示报告 it makes while
doing its work. A 请示 says so by its kind; a 报告 does not: an office publishes its 政府工作
报告, 审计工作报告, 年度报告, 法治政府建设情况报告, 决算 and 事故调查报告, while a 报告 sent up
to its superior ("区人民政府：" … "特此报告") on how a task stands is the 请示报告 the article
names. Letters that pass a case between offices (信访 转送函, 交办函, 督办函) are 磋商信函 too.

Two kinds go the other way:

- a government's **常务会议/全体会议 纪要** that records what the meeting decided (审议通过,
  会议决定 …) with no dissent, unsettled matter or restricted-circulation note: governments
  publish those (第十九条: 涉及公众利益调整、需要公众广泛知晓); a 纪要 that records who argued
  what, or a 局务会 or 专题会 纪要, stays process information;
- a **房屋征收补偿决定** addressed to one household: the 国有土地上房屋征收与补偿条例 (第二十六条)
  has it announced within the 征收 area (第二十一条: 房屋征收), so it is published with the
  household's private details taken out, not kept to its party.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.doc_results import results_list_reason
from pipeline.finding import Finding
from pipeline.gongwen import compact
from pipeline.metadata import Metadata


def joined(text: str, lines: int | None = None, chars: int | None = None) -> str:
    """The first ``lines`` lines (or all), then the first ``chars`` characters (or all), as
    one string: a PDF's wraps and spaces taken out (常务会议 wrapped over two lines is one
    word)."""
    picked = text.split("\n")[:lines] if lines else text.split("\n")
    return compact("".join(picked))[:chars]


HEAD_LINES = 14

# --- 请示报告 ---------------------------------------------------------------------------

REPORT_TITLE = re.compile(r"报告(?:[（(][^（）()]{0,8}[）)])*$")
# Reports offices publish: to the 人大, the yearly and statutory ones, accident findings.
PUBLISHED_REPORT = re.compile(
    r"政府工作报告|审计工作报告|审计结果|年度报告|工作年度报告|法治政府建设|决算|预算|执行情况|统计|公报|"
    r"事故调查|调查评估|环境影响|环境质量|评估报告|社会责任|白皮书|述职|人民代表大会|人大常委会|政协"
)
# A superior body as the 主送 line of a report: "区人民政府：", "市委、市政府：", "县委办公室：".
SUPERIOR = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,16}(?:人民政府|政府|党委|党工委|管委会|委员会|区委|县委|市委|省委|"
    r"领导小组|指挥部|办公室))(?:、[\u4e00-\u9fff]{1,16})*[：:]$"
)
REPORT_CLOSE = re.compile(
    r"特此报告|专此报告|以上报告|现将[^。]{0,40}报告如下|请审阅|请审示|请阅示|妥否|请批示|提请[^。]{0,20}(?:协调|研究|审定)"
)


def superior_addressee(text: str) -> str | None:
    """The 主送 line naming a superior body, or None."""
    for raw in text.split("\n")[:HEAD_LINES]:
        line = compact(raw)
        if 3 <= len(line) <= 40 and SUPERIOR.match(line) and not line.startswith("各"):
            return line.rstrip("：:")
    return None


def report_up_reason(metadata: Metadata, text: str) -> str | None:
    """Why the document is a 报告 sent up to a superior on how a task stands (请示报告,
    第十六条), or None: the title ends in 报告, the 主送 line is a superior body and the text
    closes as a report to it does; reports offices publish are never caught."""
    title = compact(metadata.title or "")
    if not (REPORT_TITLE.search(title) or metadata.doc_type == "报告"):
        return None
    if PUBLISHED_REPORT.search(title) or PUBLISHED_REPORT.search(text[:300]):
        return None
    to = superior_addressee(text)
    close = REPORT_CLOSE.search(text)
    if to is None or close is None:
        return None
    return f"向“{to}”报送的报告（“{close.group(0)[:10]}”），属请示报告类过程性信息"


# Letters passing a case between offices, and the offices' own routing slips.
ROUTING_TITLE = re.compile(
    r"转送函|转交函|交办函|转办函|督办函|督办通知|转送单|催办函|催办单|移送书|移送函|"
    r"(?:转办|转送|交办|督促办理|催办)[^。，]{0,16}的函"
)
# The body of such a letter: the case handed to "你单位", or a deadline to report back.
ROUTING_BODY = re.compile(
    r"(?:转送|转交|转办|交办)(?:给)?你(?:单位|局|委|办)|"
    r"请(?:于|在)?[^。]{0,12}(?:办理|办结|处理)[^。]{0,16}(?:反馈|报送|报我|回复我)|至今未办结"
)


def routing_reason(metadata: Metadata, text: str) -> str | None:
    """Why the document is a letter passing a case between offices (磋商信函), or None:
    its title says so, or a department is addressed and handed a case to handle and
    report back on."""
    title = compact(metadata.title or "") or joined(text, 3)
    m = ROUTING_TITLE.search(title)
    if m:
        return f"“{m.group(0)}”是机关之间转办、督办案件的信函，属过程性信息"
    body = ROUTING_BODY.search(joined(text, chars=1500))
    if body and department_addressee(text) and not REMEDY_OR_SERVICE.search(text):
        return f"向其他机关转办、督办案件（“{body.group(0)[:12]}”），属机关之间的过程性信函"
    return None


# A decision served on a party (救济途径, 送达) is not a letter between offices.
REMEDY_OR_SERVICE = re.compile(r"申请行政复议|提起行政诉讼|送达|特此告知")
DEPARTMENT = re.compile(
    r"^(?!各)[\u4e00-\u9fff]{0,20}(?:局|委|办|街道办事处|人民政府|办公室|派出所|大队|支队)[：:]$"
)


def department_addressee(text: str) -> bool:
    """The 主送 line names one office (not "各…", not a person or company)."""
    return any(
        DEPARTMENT.match(compact(raw)) for raw in text.split("\n")[:HEAD_LINES] if raw.strip()
    )


# A reply to a 人大代表's 建议 or a 政协委员's 提案: its 办理结果 is published (国务院办公厅
# 关于做好人大代表建议和政协提案办理结果公开工作的通知), though addressed to one person.
PROPOSAL_TITLE = re.compile(
    r"(?:建议|提案|议案)(?:的)?(?:答复|办理|复函)|(?:代表|委员)(?:建议|提案)"
)
PROPOSAL_ADDRESSEE = re.compile(r"(?:代表|委员)(?:同志)?[：:]")


def proposal_reply_reason(metadata: Metadata, text: str) -> str | None:
    """Why a reply to a 代表建议 or 委员提案 is published, or None."""
    title = compact(metadata.title or "") or joined(text, 4)
    head = "\n".join(text.split("\n")[:HEAD_LINES])
    if PROPOSAL_TITLE.search(title) or (
        PROPOSAL_ADDRESSEE.search(head) and re.search(r"建议|提案", text[:600])
    ):
        return "人大代表建议、政协委员提案的办理复文，办理结果依规定主动公开"
    return None


# --- minutes a government publishes ------------------------------------------------------

PUBLIC_MEETING = re.compile(r"(?:人民政府|政府)[^。\n]{0,12}(?:常务会议|全体会议)|常务会议纪要")
DECIDED = re.compile(
    r"审议通过|原则通过|会议决定|会议同意|原则同意|会议议定|会议研究决定|会议要求|会议强调|会议部署"
)
DISSENT = re.compile(
    r"不同意见|意见不一|未形成|再议|暂缓|争议|分歧|保留意见|仅供|内部|请勿|不得外传|不宜公开|"
    r"另行研究|待.{0,6}后再|反对|"
    # a matter left for more study or a higher body: not yet decided
    r"进一步(?:论证|研究|调研|征求)|再提交|再行研究|暂不"
)


def public_minutes_reason(metadata: Metadata, text: str, findings: Sequence[Finding]) -> str | None:
    """Why a 纪要 is one a government publishes (its 常务会议's decisions, nothing unsettled),
    or None: every other 纪要 stays process information."""
    title = compact(metadata.title or "") or joined(text, 3)
    if "纪要" not in title and metadata.doc_type != "纪要":
        return None
    flat = joined(text)
    if not PUBLIC_MEETING.search(title + "\n" + flat[:300]):
        return None
    if any(f.label == "INTERNAL" for f in findings) or DISSENT.search(flat):
        return None
    if not DECIDED.search(flat):
        return None
    return "政府常务会议纪要载明会议审议、决定事项，无未决或争议内容，涉及公众利益、需要公众知晓"


# --- decisions the rules have announced ---------------------------------------------------

COMPENSATION_TITLE = re.compile(r"征收补偿决定|补偿决定书|征收决定书|补偿安置决定")


def announced_decision_reason(metadata: Metadata, text: str) -> str | None:
    """Why a decision served on one party is nevertheless announced (a 房屋征收补偿决定, a
    list of 许可/备案 outcomes: :func:`doc_results.results_list_reason`), or None."""
    title = compact(metadata.title or "") or joined(text, 4)
    m = COMPENSATION_TITLE.search(title)
    if m and "征收" in (title + text[:600]):
        return (
            f"“{m.group(0)}”依《国有土地上房屋征收与补偿条例》第二十六条应在房屋征收范围内予以公告，"
            "属第二十一条房屋征收信息"
        )
    return results_list_reason(text)
