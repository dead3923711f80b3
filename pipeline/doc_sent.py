"""Process information and one-party replies read from whom a document is written for, with
its wording read across the line breaks a PDF's text layer puts anywhere.

第十六条 第二款 names the 讨论记录、过程稿、磋商信函、请示报告 an office makes while it works.
Offices do not always call them so:

- a **工作汇报 / 情况报告 sent up** ("关于…情况的汇报", "现将…汇报如下", addressed to the
  government or the bureau above) is the 请示报告 the article names, unless it is written
  for the public (向社会公开, 接受社会监督, 向市民汇报): then it is published (第十九条);
- a **征求意见函 sent to other agencies** on a 征求意见稿/修改稿/初稿/送审稿 is a 磋商信函 on a
  过程稿; the same call made to the public (向社会公开征求意见, 公众可通过…反馈) is how the
  law has drafts published, so it is 主动公开;
- a **会议记录** (time, place, 主持人, 记录人 and who said what) is a 讨论记录; only a 纪要 in
  the published form of a government's 常务会议 goes out (:mod:`pipeline.doc_process`).

And a **reply to one complainant or petitioner** (关于对某某投诉/信访/来信反映…的答复, "您…
反映的…问题") concerns that party: 依申请公开 (第十五条, 第三十六条 answers the applicant),
not a document for the public.
"""

from __future__ import annotations

import re

from pipeline.doc_process import department_addressee, joined, superior_addressee
from pipeline.gongwen import compact

HEAD_LINES = 8
BODY_CHARS = 1500


def body_text(text: str) -> str:
    """The body's opening, read across line breaks."""
    return joined(text, chars=BODY_CHARS)


def head_text(metadata_title: str, text: str) -> str:
    """The title the metadata read and the head's lines, joined: a title split over two
    lines or lost still shows its words."""
    return compact(metadata_title) + "|" + joined(text, HEAD_LINES, 300)


# --- 汇报 sent up -------------------------------------------------------------------------

HUIBAO_TITLE = re.compile(r"汇报|情况报告|工作报告|自查报告|进展报告")
HUIBAO_BODY = re.compile(
    r"现将[^。]{0,40}(?:汇报|报告)如下|特此报告|专此(?:汇报|报告)|以上汇报|妥否"
)
# Written for the public: an account given to the citizens, not to a superior.
FOR_PUBLIC = re.compile(
    r"向社会(?:公开|公布|公众|各界)|社会公众|接受社会监督|向(?:广大)?(?:市民|群众|公众)|公开如下|"
    r"特此公告|公告如下|公众可|政府工作报告|人民代表大会|人大常委会"
)
PUBLISHED_KIND = re.compile(
    r"年度报告|法治政府建设|审计工作报告|决算|预算|统计公报|事故调查|环境质量|白皮书|公报|述职"
)


def huibao_reason(title: str, text: str) -> str | None:
    """Why a 汇报/情况报告 is one sent up to a superior (请示报告), or None."""
    head = head_text(title, text)
    kind = HUIBAO_TITLE.search(head)
    body = body_text(text)
    if kind is None or PUBLISHED_KIND.search(head) or FOR_PUBLIC.search(body):
        return None
    to = superior_addressee(text)
    if to is None and not department_addressee(text):
        return None
    close = HUIBAO_BODY.search(body)
    if close is None and "汇报" not in head:
        return None
    whom = f"向“{to}”" if to else "向上级机关"
    return f"{whom}报送的“{kind.group(0)}”，属请示报告类过程性信息"


# --- 征求意见函 -----------------------------------------------------------------------------

DRAFT_STAGE = r"(?:征求意见稿|修改稿|初稿|送审稿|讨论稿|草案|草稿|代拟稿)"
CONSULT_HEAD = re.compile(
    rf"征求[^|]{{0,40}}{DRAFT_STAGE}[^|]{{0,12}}意见的函|{DRAFT_STAGE}[^|]{{0,12}}征求意见的函|"
    r"征求[^|]{0,40}(?:修改)?意见的函"
)
CONSULT_BODY = re.compile(
    r"(?:送|发)(?:给)?(?:你们|你单位|贵单位|各单位)征求意见|征求(?:你们|你单位|贵单位|贵局|你局|各单位)[^。]{0,6}意见|"
    r"请[^。]{0,30}(?:将|提出)[^。]{0,16}(?:书面|修改)?意见[^。]{0,20}(?:反馈|报送|函复)"
)
PUBLIC_CALL = re.compile(
    r"向社会(?:公开)?征求|公开征求[^。]{0,6}意见|征求社会(?:各界|公众)|社会公众可|公众可(?:通过|以)|"
    r"社会各界[^。]{0,10}(?:意见|参与)"
)


def public_call(body: str) -> bool:
    """The body invites the public's comments (向社会公开征求意见, 公众可通过…)."""
    return bool(PUBLIC_CALL.search(body))


def consultation_reason(title: str, text: str) -> str | None:
    """Why a letter asking agencies' views on a draft is a 磋商信函, or None (a call to
    the public is published: :func:`public_consultation_reason`)."""
    body = body_text(text)
    if public_call(body):
        return None
    m = CONSULT_HEAD.search(head_text(title, text))
    asked = CONSULT_BODY.search(body)
    if m is None and not (asked and re.search(DRAFT_STAGE, body)):
        return None
    word = m.group(0) if m else asked.group(0) if asked else ""
    return f"就草稿征求其他机关意见的函（“{word[:16]}”），属磋商信函、过程稿"


def public_consultation_reason(title: str, text: str) -> str | None:
    """Why a 征求意见 document is the public call the law has published, or None."""
    body = body_text(text)
    if "征求" in head_text(title, text) + body[:400] and public_call(body):
        return "向社会公开征求意见，草案及征求意见的方式需要社会公众知晓"
    return None


# --- replies to one complainant ------------------------------------------------------------

COMPLAINT_TITLE = re.compile(
    r"(?:投诉|信访|来信|来电|来访|反映|举报|诉求)[^|]{0,30}(?:答复|回复|复函|处理意见|办理意见)"
)
YOU_COMPLAINED = re.compile(
    r"[您你](?:于[^。]{0,30})?(?:通过[^。]{0,16})?(?:来信|来电|来访)?(?:反映|投诉|举报|信访|提出的诉求)"
)
FOR_MANY = re.compile(r"^各|通报|公告|通告|代表|委员|建议|提案")


def complaint_reply_reason(title: str, text: str) -> str | None:
    """Why a document is a reply to one complainant or petitioner, or None: a reply to
    all 街道 (a 通报) or to a 人大代表/政协委员 (published) is not one."""
    head = head_text(title, text)
    m = COMPLAINT_TITLE.search(head)
    body = body_text(text)
    you = YOU_COMPLAINED.search(body)
    if FOR_MANY.search(compact(title)) or re.search(r"代表|委员|建议|提案", head):
        return None
    if any(compact(line).startswith("各") for line in text.split("\n")[: HEAD_LINES + 4]):
        return None
    if m and (you or "答复" in m.group(0) or "回复" in m.group(0)):
        return f"对特定投诉人、信访人的答复（“{m.group(0)[:14]}”），只涉及该当事人"
    if you and re.search(r"答复|回复|收悉|经[^。]{0,8}核", body):
        return f"以“{you.group(0)[:8]}”答复特定投诉人、信访人，只涉及该当事人"
    return None


# --- meeting records -------------------------------------------------------------------------

RECORD_TITLE = re.compile(r"会议记录|会记录|座谈记录|办公会记录")
RECORD_FIELD = re.compile(
    r"^[\s　]*(时间|地点|主持人?|参会人员|出席人员|出席|列席|记录人?|议题)[：:]", re.M
)
SPEAKER = re.compile(r"^[\s　]*[\u4e00-\u9fff]{2,4}[：:][^\n]{4,}", re.M)


def meeting_record_reason(title: str, text: str) -> str | None:
    """Why a document is a record of a meeting's discussion (讨论记录), or None: its title
    says 会议记录, or its layout is one (time, place, chair, recorder, speakers) without
    the 纪要 form."""
    head = head_text(title, text)
    if "纪要" in head:
        return None
    m = RECORD_TITLE.search(head)
    if m:
        return f"“{m.group(0)}”记录会议讨论过程，属讨论记录"
    fields = {f.group(1)[:2] for f in RECORD_FIELD.finditer(text)}
    speakers = [s for s in SPEAKER.findall(text) if not RECORD_FIELD.match(s)]
    if len(fields) >= 3 and ("记录" in fields or "主持" in fields) and len(speakers) >= 2:
        return "按时间、地点、主持人、记录人及发言人记录会议讨论过程，属讨论记录"
    return None


# --- a reply to one 公开申请, however little its head says -----------------------------------

# 第三十六条 answers the applicant who asked, in each of its forms (提供, 已主动公开, 不予公开,
# 不存在, 非本机关负责, 不属于政府信息, 重复申请): the body opens by naming that request
# (本机关于…收到您（单位）…提交的政府信息公开申请), whoever the applicant, person or firm.
REQUEST_RECEIVED = re.compile(
    r"收到(?:了)?[您你贵](?:（单位）|\(单位\)|单位|公司)?[^。]{0,40}?(?:政府)?信息公开申请|"
    r"[您你贵](?:（单位）|\(单位\)|单位|公司)?(?:于[^。]{0,24})?(?:通过[^。]{0,16})?(?:提交|提出)的"
    r"[^。]{0,12}(?:政府)?信息公开申请"
)


def request_reply_reason(title: str, text: str) -> str | None:
    """Why a document answers one 政府信息公开 applicant (第三十六条), or None: a document
    to all (各…, 通报, 公告) that tells how requests were answered is not one."""
    body = body_text(text)
    m = REQUEST_RECEIVED.search(body[:600])
    if m is None or FOR_MANY.search(compact(title)):
        return None
    if any(compact(line).startswith("各") for line in text.split("\n")[: HEAD_LINES + 4]):
        return None
    return f"答复特定申请人的政府信息公开申请（“{m.group(0)[:16]}…”），只涉及该申请人"


# --- the 评标委员会's own papers -------------------------------------------------------------

# 招标投标法实施条例 第五十三条: the 评标报告 goes to the 招标人, signed by each member; the
# scores, the members' views and who was ruled out are the committee's deliberation (第十六条
# 第二款 过程性信息). What is published is the 中标候选人公示 and the 中标结果.
BID_EVALUATION_HEAD = re.compile(
    r"评标(?:委员会)?(?:的)?(?:评审)?(?:报告|记录|纪要|过程)|评审(?:过程)?记录|"
    r"(?:专家)?(?:评分|打分)(?:汇总)?表|评委(?:打分|评分)"
)
BID_RESULT = re.compile(r"中标(?:结果|候选人)|成交结果|公示|公告")
# the committee recommending its 候选人 is not the 候选人 being announced
RECOMMENDED = re.compile(r"推荐[^。；|]{0,30}为第[一二三]中标候选人")
# Two of these in the body: members sign it, argue in it, are listed by it.
BID_EVALUATION_BODY = tuple(
    re.compile(p)
    for p in (
        r"评委签字",
        r"评委[^。；]{0,12}(?:认为|主张|意见)",
        r"评标委员会成员[：:]",
        r"(?:综合|技术|商务|价格)得分",  # each bid's score: the committee's working
        RECOMMENDED.pattern,  # its recommendation, before any 公示
    )
)


def bid_evaluation_reason(title: str, text: str) -> str | None:
    """Why a document is the 评标委员会's own record (scores, members' views), or None: a
    中标候选人公示 or 中标结果公告 publishes the result."""
    head = head_text(title, text)
    if BID_RESULT.search(RECOMMENDED.sub("", head)):
        return None
    m = BID_EVALUATION_HEAD.search(head)
    body = body_text(text)
    signs = [s.group(0) for p in BID_EVALUATION_BODY if (s := p.search(body))]
    if m is None and len(signs) < 2:
        return None
    word = m.group(0) if m else "、".join(signs)[:16]
    return f"评标委员会的评审记录（“{word}”），属评标过程中的过程性信息"
