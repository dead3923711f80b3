"""Is the document a decision or letter served on one party? Read from its structure.

A title can say anything ("关于张某某反映问题的处理意见", "事项告知", a 决定书 whose title
line was lost): how an office *addresses* a document is steadier than what it calls it.
A document served on one natural person or one company has:

- a **主送 line naming that party** — a person ("陈嘉豪：", "王某某同志："), or one company
  ("湖北三峡清源食品有限公司：") — or a **party line** ("当事人：…", "申请人：…") with one
  party, where a document for the public is addressed to "各镇人民政府：" or nobody;
- the **second person** of a letter to that party ("你（单位）", "你于…提出的申请",
  "您的申请", "你公司");
- the **救济途径 sentence** that the law requires on a decision served on a party
  ("如不服本决定，可在收到本决定书之日起六十日内申请行政复议"), or **送达** language.

Such a document concerns its party only (第十五条: 依申请公开) — unless the rules publish
it: a penalty or an order on an enterprise is published (第二十条（六）), told apart by the
party being an organisation and the body imposing a sanction. Proactive kinds (公告, 通告,
公示, 名单, 公报, 通报, 批复, 规范性文件 …) are never read as one-party here: a 征收决定
公告 also carries a 救济 sentence, an 环评 批复 is addressed to the company and published.
A 批复 is one-party only when addressed to one villager or resident (a 建房用地 批复), or to
one company on its own 担保, 融资 or 股权 (what its 国资 owner approves for it alone).
"""

from __future__ import annotations

import itertools
import re

from pipeline.gongwen import compact
from pipeline.lexicons import load_terms
from pipeline.metadata import Metadata

HEAD_LINES = 14  # the 主送 line sits under the title, number and 版头

# Kinds the 条例 has offices publish, whoever they are addressed to.
PROACTIVE_TITLE = re.compile(
    r"公告|通告|公示|名单|公报|通报|批复|办法|规定|细则|方案|规划|计划|预案|报告|纪要|简报|"
    r"说明|(?<!处理)(?<!答复)(?<!复查)(?<!复核)意见(?!书|告知)|指南|须知|目录|清单|的通知$"
)
PROACTIVE_TYPES = {
    "公告",
    "通告",
    "公示",
    "名单",
    "公报",
    "通报",
    "批复",
    "办法",
    "规定",
    "方案",
    "规划",
    "报告",
    "纪要",
    "请示",
    "意见",
    "说明",
}
# Words of a 主送 line or party line that name a body, a role or a field, not a party.
NOT_A_PARTY = re.compile(
    r"^各|人民政府|政府|办公室|办事处|委员会|局|厅|署|委|办|部门|单位|机关|中心$|街道|乡|镇|"
    r"^(?:申请人|当事人|被申请人|第三人|投诉人|举报人|附件|抄送|主送|联系人|签发人|备注|事由|"
    r"地址|电话|日期|时间|编号|说明|答复如下|现答复如下|决定如下|告知如下|通知如下)"
)
PERSON_LINE = re.compile(
    r"^(?P<name>[\u4e00-\u9fff]{2,4}?|[\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff·]{1,12})"
    r"(?:同志|先生|女士|老师)?[：:]$"
)
NOT_A_NAME = re.compile(
    r"如下|事项|附件|领导|们|各位|负责人|全体|市民|群众|居民|朋友|用户|考生|家长"
)
COMPANY = r"[\u4e00-\u9fff（）()0-9A-Za-z·]{3,40}?(?:有限责任公司|股份有限公司|有限公司|公司|厂|商行|超市|酒店|饭店|宾馆|诊所|门诊部|药店|药房|经营部|合作社|工作室|加油站|幼儿园|培训学校|培训中心|个体工商户)"
COMPANY_LINE = re.compile(rf"^(?P<name>{COMPANY})[：:]$")
PARTY_FIELD = re.compile(
    r"^[\s　]*(?:当事人|被处罚人|被处罚单位|违法行为人|申请人|复议申请人|投诉人|举报人|"
    r"行政相对人|相对人|被检查人|被检查单位|被责令单位|被告知人|受送达人)(?:姓名|名称|信息)?"
    r"[\s　]*[：:][\s　]*(?P<party>[^\s　，,；;（(]{2,40})",
    re.M,
)
SECOND_PERSON = re.compile(
    r"你（单位）|你\(单位\)|你单位|你公司|你（公司）|你厂|你店|你社|你方|你院|你校|贵公司|"
    r"你于|你在|你的|你提出|你提交|你申请|你反映|你所|你已|你们|你（身份证|你（公民|请你|限你|你户|"
    r"您于|您在|您的|您提出|您提交|您申请|您反映|您所|"
    r"您通过|你通过|您来信|你来信|您来电|你来电|您投诉|你投诉|您举报|你举报|您咨询|感谢您|请您"
)
REMEDY = re.compile(
    r"(?:不服本|对本.{0,10}不服|不服的?[，,]?可以?(?:自|在|于)收到).{0,40}?"
    r"(?:申请行政复议|提起行政诉讼|申请复核|申请复查|申请仲裁)"
)
SERVICE = re.compile(r"送达地址|送达回证|现予送达|予以送达|特此告知|特此通知你|受送达人|签收")
# The body decides on the party's application or case.
DECISION = re.compile(
    r"决定(?:予以|准予|不予|如下)|准予.{0,12}(?:许可|登记|备案)|不予(?:许可|受理|登记|认定|确认)|"
    r"予以(?:登记|认定|确认|受理)"
)
# A sanction imposed by the body: a penalty or an order (第二十条（六） publishes those on
# enterprises).
SANCTION = re.compile(
    r"(?:决定|给予|作出|处以|予以).{0,24}(?:罚款|警告|通报批评|没收|吊销|暂扣|降低资质|责令停产|"
    r"责令停业|限制开展|行政拘留)|责令.{0,12}(?:改正|整改|停止|限期)|罚款人民币|"
    r"处罚决定|查封|扣押"
)
ORGANISATION_PARTY = re.compile(
    rf"{COMPANY}|统一社会信用代码|法定代表人|营业执照|被处罚单位|被检查单位|你单位|你公司|"
    r"你（单位）|你厂|你店|你社|贵公司"
)


# What an office adds in brackets after the party's name on the 主送 line: an ID number,
# a 统一社会信用代码 ("伍航（身份证号码：520302…）：").
PARTY_NOTE = re.compile(r"[（(][^（）()]{2,40}[）)](?=[：:，,])")
# A villager or resident addressed with where they live ("谢胜永（身份证号：…），杨柳村10组村民："),
# the line often wrapped inside the ID.
RESIDENT_LINE = re.compile(
    r"^(?P<name>[\u4e00-\u9fff]{2,4}?)[，,][\u4e00-\u9fff0-9０-９]{2,16}(?:村民|居民|户主)[：:]$"
)
# What a company decides for itself and its owner approves (国资 批复 on 担保, 融资, 增资 …):
# the firm's own business, not a public project.
FIRM_OWN_MATTER = re.compile(
    r"担保|融资|贷款|借款|增资|减资|股权|产权转让|资产处置|工资总额|薪酬|利润分配|发行债券"
)
# The request a 批复 answers, named in its body (你公司《关于为子公司融资提供担保的请示》收悉):
# with the title, what is approved. Not the body's other words — a project's 核准 批复 tells
# its 银行贷款 among the funds and is published all the same.
REQUEST_NAME = re.compile(r"《[^《》]{2,60}?(?:请示|报告|申请|函)》")


def addressee(text: str) -> tuple[str, str] | None:
    """("person" | "company", name) when a 主送 line in the head names one party (its
    bracketed ID or code set aside)."""
    lines = [compact(raw) for raw in text.split("\n")[:HEAD_LINES]]
    for line in [*lines, *(a + b for a, b in itertools.pairwise(lines) if not a.endswith("："))]:
        m = RESIDENT_LINE.match(PARTY_NOTE.sub("", line))
        if m and _person_name(m.group("name")):
            return "person", m.group("name")
    for raw in lines:
        line = PARTY_NOTE.sub("", raw)
        if not line or len(line) > 44 or "、" in line or "，" in line:
            continue
        m = COMPANY_LINE.match(line)
        if m and not line.startswith("各"):
            return "company", m.group("name")
        m = PERSON_LINE.match(line)
        if m and _person_name(m.group("name")):
            return "person", m.group("name")
    return None


def _person_name(name: str) -> bool:
    """A natural person's name (or 张某某): a known surname first, no body or role word."""
    if NOT_A_PARTY.search(name) or NOT_A_NAME.search(name):
        return False
    return "·" in name or any(
        name.startswith(s) and len(name) > len(s) for s in load_terms("surnames")
    )


def party_fields(text: str) -> list[str]:
    """The parties named on 当事人/申请人 … lines of the head (distinct)."""
    head = "\n".join(text.split("\n")[: HEAD_LINES + 10])
    found: list[str] = []
    for m in PARTY_FIELD.finditer(head):
        party = m.group("party")
        if not NOT_A_PARTY.search(party) and party not in found:
            found.append(party)
    return found


def proactive_kind(metadata: Metadata) -> str | None:
    """The proactive kind the title or type names, or None."""
    title = compact(metadata.title or "")
    m = PROACTIVE_TITLE.search(title)
    if m:
        return m.group(0)
    if metadata.doc_type in PROACTIVE_TYPES:
        return metadata.doc_type
    return None


def one_party_reason(text: str, metadata: Metadata) -> tuple[bool, str] | None:
    """(published, why) for a document served on one party, read from its structure;
    None when the structure does not show one party (or the kind is a proactive one)."""
    to = addressee(text)
    if (kind := proactive_kind(metadata)) and not (kind == "批复" and to is not None):
        return None
    if kind and to is not None and to[0] == "company":
        asked = "".join(REQUEST_NAME.findall(text[:400]))
        if not FIRM_OWN_MATTER.search(compact(metadata.title or "") + asked):
            return None  # an 环评 or project 批复 to a company is published
        return False, f"批复主送单位“{to[1]}”，所批为该企业自身的经营、财务事项，只涉及该企业"
    fields = party_fields(text)
    second = len(SECOND_PERSON.findall(text))
    remedy = REMEDY.search(text)
    served = SERVICE.search(text)
    if to is None and len(fields) != 1 and not (second >= 2 and (remedy or served)):
        return None
    decided = DECISION.search(text)
    sanction = SANCTION.search(text)
    if not (remedy or served or second or (len(fields) == 1 and sanction)):
        return None
    if to is not None and to[0] == "company" and not (remedy or served or decided):
        return None  # a 批复 or 征求意见函 to a company also says 你公司
    head = "\n".join(text.split("\n")[: HEAD_LINES + 10])
    organisation = (to is not None and to[0] == "company") or (
        to is None and bool(ORGANISATION_PARTY.search(head))
    )
    if to is not None:
        party = f"主送{'单位' if to[0] == 'company' else '个人'}“{to[1]}”"
    elif fields:
        party = f"当事人“{fields[0]}”"
    else:
        party = "以“你（您）”称呼的特定当事人"
    evidence = (
        "并告知救济途径"
        if remedy
        else "并载有送达事项"
        if served
        else "以第二人称向其作出"
        if second
        else "并对其作出处理决定"
    )
    if organisation and sanction:
        return True, (
            f"文书送达{party}{evidence}，系对企业等单位的行政处罚或责令改正，"
            "依第二十条（六）公开行政处罚、行政强制结果"
        )
    return False, f"文书送达{party}{evidence}，只涉及该当事人"


# A 行政许可 decision: the title names it, or the body grants a permit to its party.
PERMIT_TITLE = re.compile(
    r"(?<!不予)(?:行政)?许可(?:决定书?|准予决定书?|通知书?)|准予.{0,14}许可|许可准予"
)
# The holder is a body: so addressed, or its code or representative given (a trade named
# in the permit, 个体工商户经营场所, is not the holder).
PERMIT_HOLDER = re.compile(r"你公司|你单位|你（单位）|贵公司|你厂|你社|统一社会信用代码|法定代表人")
# An opinion that decides one party's application (渔业捕捞审批意见), not a policy 意见.
DECISION_OPINION = re.compile(r"(?:审批|审核|审查)意见$")
PERMIT_GRANTED = re.compile(r"(?:决定|予以|同意)?准予(?:行政)?许可|决定准予")


def permit_reason(text: str, metadata: Metadata) -> tuple[bool, str] | None:
    """(False, why) for a decision granting a 行政许可 to one party; None otherwise.
    The 决定书 is served on its party and concerns that party (第十五条:
    依申请公开) — a firm's too: what 第二十条（五） publishes is the 办理结果, as a 公示
    entry, not the document served (the devset's 取水许可 to a company, marked 此件依申请
    公开 by its drafter). Read here because permits come in wordings the single-party
    rules miss: an 审批意见, a 许可通知, the 主送 line carrying the person's ID, the title
    lost and the grant wrapped over a line."""
    title = compact(metadata.title or "")
    heads = [title, *(compact(line) for line in text.split("\n")[:HEAD_LINES])]
    flat = compact(text.replace("\n", ""))  # a PDF wraps "准⏎予许可" and the 主送 line
    named = any(PERMIT_TITLE.search(h) for h in heads if len(h) <= 40)
    if not named and not PERMIT_GRANTED.search(flat):
        return None
    if any(re.search(r"不予(?:行政)?许可", h) for h in heads):
        return None
    kind = proactive_kind(metadata)
    if kind and not (kind.startswith("意见") and DECISION_OPINION.search(title)):
        return None
    to = addressee(text)
    if (to is not None and to[0] == "company") or (to is None and PERMIT_HOLDER.search(flat)):
        if one_party_reason(text, metadata) is not None:
            return None  # read from its structure already (served on the company)
        return False, (
            "准予行政许可决定书送达申请单位，只涉及该单位（许可办理结果另以公示发布，第二十条（五））"
        )
    if to is not None or SECOND_PERSON.search(flat):
        return False, "对自然人作出的行政许可决定，只涉及申请人个人"
    return None
