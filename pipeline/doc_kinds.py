"""Kinds of document the 条例 treats apart, read from the title and the text's own layout.

:mod:`pipeline.decide` asks these questions in its fixed order; each answer is a reason a
clerk reads, or None:

- **examination content before use** (第十四条): a 试卷/题本/试题 itself, or a document
  that carries the questions and answers of an exam not yet held — an unmarked state
  secret, escalated to the 保密 office, whatever else the document is;
- **a 密级 marking in any written form** the marking recognizer may not read as a line of
  its own ("密级：秘密", "机密（★5年）", "秘密 · 启用前"), as the last safety net;
- **行政执法案卷 material** (第十六条): 询问笔录, 调查笔录, 现场检查笔录, 案件审批表,
  集体讨论记录 …: the process of a case, not its decision;
- **internal affairs** (第十六条, 内部事务信息): 干部考察材料, 考核/测评 remarks, 人事
  deliberations (酝酿, 动议, 拟任人选 研究);
- **decisions the rules publish** against those that concern one party only: a penalty or
  an order (责令改正, 查封扣押) on an enterprise is published (第二十条（六）), on a natural
  person it is 依申请公开; a 行政复议决定书 that corrects an administrative act or is on a
  matter of public concern is published, one that only upholds a personal matter is not;
- **public lists with private details**: a 公示 whose names the rules publish but which
  also holds addresses, IDs or accounts is 部分公开 — never 主动公开, even when the
  detectors found none of the values (the reviewer then marks them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.detect.state_secret import AFTER_USE, BEFORE_USE, EXAM_NOUN, exam_secret
from pipeline.finding import Finding
from pipeline.gongwen import compact
from pipeline.metadata import Metadata

# --- examination content -------------------------------------------------------------------

EXAM_TITLE = re.compile(
    r"(?:试卷|题本|试题|考题|题库|参考答案|标准答案|评分标准|评分细则)(?:[（(][^（）()]{0,8}[）)])*$"
)
# The questions themselves: question-type headings with options or answer lines ("申论"
# or "选择题" named in a 招考公告 are subjects, not questions).
QUESTION_TYPES = re.compile(
    r"单项选择题|多项选择题|不定项选择题|判断题|简答题|论述题|案例分析题|填空题|材料分析题|"
    r"计算题|名词解释|结构化面试题"
)
ANSWER = re.compile(
    r"^[\s　]*(?:[（(]?[0-9０-９一二三四五六七八九十]+[）)．.、]?\s*)?(?:参考答案|标准答案|【答案】|"
    r"答案|正确答案|评分要点|评分标准|答题要点)\s*[：:]",
    re.M,
)
OPTION = re.compile(r"(?:^|[\s　])[ABCD][．.、]\s*\S", re.M)
SENTENCE = re.compile(r"[^。；;！？!?\n]+")


def exam_reason(text: str, metadata: Metadata, findings: Sequence[Finding]) -> str | None:
    """Why the document holds examination content before use, or None."""
    title = compact(metadata.title or "")
    if AFTER_USE.search(title) or AFTER_USE.search(text[:200]):
        return None
    if EXAM_TITLE.search(title):
        return f"标题为“{metadata.title}”，属考试启用前的试题、答案或评分标准"
    questions = len(QUESTION_TYPES.findall(text))
    if questions and (ANSWER.search(text) or len(OPTION.findall(text)) >= 4):
        return "正文载有考试试题及答案（题型、选项或参考答案），考试启用前属国家秘密"
    for m in SENTENCE.finditer(text):
        if exam_secret(m.group(0)):
            return f"含考试启用前的试题、试卷或答案的具体情况（“{m.group(0).strip()[:30]}…”）"
    return None


# --- 密级 markings in any written form -----------------------------------------------------

LEVEL = r"(?:绝\s*密|机\s*密|秘\s*密)"
PERIOD = r"(?:长\s*期|启\s*用\s*前|[0-9０-９一二三四五六七八九十]+\s*(?:年|个\s*月|月))"
ANY_MARK = re.compile(
    rf"^[\s　]*(?:(?:密\s*级|保\s*密\s*等\s*级)\s*[：:]\s*(?P<a>{LEVEL})|(?P<b>{LEVEL})\s*"
    rf"(?:[（(]?\s*[★☆＊*✩✭·•▲△]?\s*{PERIOD}?\s*[）)]?)?)(?:[\s　]*(?:保\s*密\s*期\s*限\s*[：:]\s*{PERIOD}))?"
    r"[\s　]*$",
    re.M,
)


def marking_in_any_form(text: str) -> str | None:
    """A 密级 marking on a line of its own, however it is written, or None."""
    m = ANY_MARK.search(text)
    return compact(m.group(0)) if m else None


# --- 行政执法案卷 and internal affairs ------------------------------------------------------

CASE_FILE_TITLE = re.compile(
    r"询问笔录|讯问笔录|调查笔录|检查笔录|勘验笔录|勘察笔录|现场笔录|听证笔录|陈述申辩笔录|笔录$|"
    r"案件审批表|处理审批表|立案审批表|结案审批表|审批表$|集体讨论记录|案件讨论记录|讨论记录$|"
    r"调查终结报告|案件调查报告|案件移送审批"
)
INTERNAL_AFFAIRS_TITLE = re.compile(
    r"考察材料|考察报告|考察情况|考察意见|测评情况|测评结果|民主推荐情况|谈话推荐情况|考核情况|"
    r"考核等次拟定|酝酿|动议|拟任人选|人选的请示|干部任免审批|干部调整|人事安排"
)
CONSULTATION_TITLE = re.compile(r"第三方意见|征求.{0,6}第三方|意见征询函|征询意见函")


def case_file_reason(metadata: Metadata) -> str | None:
    title = compact(metadata.title or "")
    m = CASE_FILE_TITLE.search(title)
    if m:
        return f"“{m.group(0)}”属行政执法案卷材料，记录案件办理过程"
    return None


def internal_affairs_reason(metadata: Metadata) -> str | None:
    title = compact(metadata.title or "")
    m = INTERNAL_AFFAIRS_TITLE.search(title)
    if m:
        return f"标题含“{m.group(0)}”，属人事管理等内部事务信息"
    m = CONSULTATION_TITLE.search(title)
    if m:
        return f"“{m.group(0)}”属行政机关与第三方的磋商信函，为过程性信息"
    return None


# --- decisions: one party or published ----------------------------------------------------

PARTY_BLOCK_LINES = 25
NATURAL_PERSON = re.compile(
    r"(?:当事人|被处罚人|违法行为人|被检查人|被责令人|申请人|复议申请人|被申请人)(?:姓名)?[：:]\s*"
    r"[\u4e00-\u9fff·]{2,6}[\s\u3000，,（(]*(?:性别|男|女|年龄|[0-9０-９]{2,4}\s*岁|身份证|公民身份号码|"
    r"出生|民族|住址|住|户籍)"
)
ORGANISATION = re.compile(
    r"被处罚单位|统一社会信用代码|营业执照|法定代表人|经营者[：:]|"
    r"(?:当事人|被处罚人|申请人|被检查单位)(?:名称)?[：:][^\n]{2,30}(?:公司|厂|店|合作社|中心|商行|超市|医院|学校|酒店|饭店|馆)"
)
ENFORCEMENT_TITLE = re.compile(r"处罚决定书|责令.{0,8}(?:通知书|决定书)|查封|扣押|强制执行决定书")
REVIEW_TITLE = re.compile(r"复议决定书")
CORRECTS = re.compile(r"撤销|确认.{0,12}违法|变更.{0,6}(?:决定|行为)|责令.{0,12}重新|予以纠正")
PUBLIC_MATTER = re.compile(
    r"征收|拆迁|规划|环境|污染|食品安全|药品|安全生产|政府信息公开|信息公开申请|价格|公共|学校|医院|"
    r"物业|住房保障|水资源|土地"
)


def party_head(text: str) -> str:
    return "\n".join(text.split("\n")[:PARTY_BLOCK_LINES])


def natural_person_party(text: str) -> bool:
    """The decision is addressed to a natural person, not an enterprise or body."""
    head = party_head(text)
    return bool(NATURAL_PERSON.search(head)) and not ORGANISATION.search(head)


def enforcement_reason(text: str, metadata: Metadata) -> tuple[bool, str] | None:
    """(published, why) for a penalty or order; None when the title is neither."""
    title = compact(metadata.title or "")
    m = ENFORCEMENT_TITLE.search(title)
    if m is None:
        return None
    if natural_person_party(text):
        return False, f"对自然人作出的“{m.group(0)}”，只涉及当事人个人"
    return True, f"对企业等单位作出的“{m.group(0)}”，依第二十条（六）公开行政处罚、行政强制结果"


def review_reason(text: str, metadata: Metadata) -> tuple[bool, str] | None:
    """(published, why) for a 行政复议决定书; None for other documents."""
    title = compact(metadata.title or "")
    if not REVIEW_TITLE.search(title):
        return None
    body = text[:3000]
    if CORRECTS.search(body):
        return True, "行政复议决定纠正了行政行为，涉及行政机关依法履职，属应当公开的复议决定"
    m = PUBLIC_MATTER.search(body)
    if m and not natural_person_party(text):
        return True, f"行政复议事项涉及“{m.group(0)}”等公共事务，属应当公开的复议决定"
    if not natural_person_party(text):
        return True, "行政复议申请人为企业等单位，复议决定依规定公开"
    return False, "维持或驳回的行政复议决定只涉及申请人个人事项"


# --- public lists with private details -----------------------------------------------------

# A value, not a column heading or a masked number (5401**********0027 stays published).
PRIVATE_DETAIL = re.compile(
    r"(?:身份证号码?|公民身份号码|证件号码|银行账号|银行卡号|发放账号|收款账号|卡号|账号)[：:\s]*"
    r"[0-9０-９][0-9０-９ ]{5}|(?:家庭住址|现住址|住址|居住地|户籍地)[：:]\s*[\u4e00-\u9fff]|"
    r"家住[\u4e00-\u9fff]|[，,（(、]\s*住[\u4e00-\u9fff0-9０-９]{2,24}(?:村|组|号|室|幢|栋|社区|小区)"
)


def list_private_detail(text: str) -> str | None:
    """A private detail a public list should not publish, named by its cue, or None."""
    m = PRIVATE_DETAIL.search(text)
    return m.group(0) if m else None


# --- signals of a critical rule that did not fire -------------------------------------------

CRITICAL_CAP = 0.5
SECRET_WORD = re.compile(
    r"(?:绝\s*密|机\s*密|秘\s*密)\s*[★☆＊*✩✭]|^.{0,6}(?:绝密|机密)(?!.{8})", re.M
)


def critical_signal(text: str) -> str | None:
    """A trace of a 密级 marking, state-secret content or exam material that fell short
    of the rule (a 密级 word beside a star inside a line, an exam paper named with a
    before-use word in an instruction): a suggestion to publish such a document is not
    one a reviewer may trust blindly."""
    m = SECRET_WORD.search(text)
    if m:
        return f"文中出现密级字样“{m.group(0).strip()[:10]}”"
    for sentence in SENTENCE.finditer(text):
        s = sentence.group(0)
        if EXAM_NOUN.search(s) and BEFORE_USE.search(s) and not AFTER_USE.search(s):
            return f"文中提及启用前的试题或试卷（“{s.strip()[:20]}…”）"
    return None
