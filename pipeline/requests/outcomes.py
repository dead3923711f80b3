"""The answers an application can get (条例 第三十六条 (一)–(七), 第三十七条–第三十九条,
第三十五条), the closures without an answer, and where each is counted in table 三 of the
政府信息公开工作年度报告 (the format of 国办公开办函〔2021〕30号).

One table drives the CLI's choices, the web form, the letters (which articles they cite)
and the annual report, so a new outcome is added in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

# Applicant kinds: the columns of table 三 (自然人; 法人或其他组织 by kind).
NATURAL = "自然人"
ORGANISATION_KINDS = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
APPLICANT_KINDS = (NATURAL, *ORGANISATION_KINDS)
CHANNELS = ("当面", "邮寄", "网络", "传真")
# 第三十一条: what the date of receipt means for each channel.
RECEIPT_MEANING = {
    "当面": "当面提交之日",
    "邮寄": "本机关签收之日（平常信函：与申请人确认之日）",
    "网络": "双方确认之日",
    "传真": "双方确认之日",
}


@dataclass(frozen=True)
class Withholding:
    """A reason to withhold (不予公开) and the article it rests on."""

    key: str
    row: str  # the sub-row of table 三 (三)
    article: str
    wording: str  # for the letter: why the information is not disclosed


WITHHOLDINGS = (
    Withholding("国家秘密", "1.属于国家秘密", "第十四条", "属于国家秘密"),
    Withholding(
        "法律法规禁止", "2.其他法律行政法规禁止公开", "第十四条", "属于法律、行政法规禁止公开的信息"
    ),
    Withholding(
        "三安全一稳定",
        "3.危及“三安全一稳定”",
        "第十四条",
        "公开后可能危及国家安全、公共安全、经济安全、社会稳定",
    ),
    Withholding(
        "第三方合法权益",
        "4.保护第三方合法权益",
        "第十五条",
        "涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害",
    ),
    Withholding(
        "内部事务", "5.属于三类内部事务信息", "第十六条第一款", "属于行政机关的内部事务信息"
    ),
    Withholding(
        "过程性信息",
        "6.属于四类过程性信息",
        "第十六条第二款",
        "属于行政机关在履行行政管理职能过程中形成的过程性信息",
    ),
    Withholding("执法案卷", "7.属于行政执法案卷", "第十六条第二款", "属于行政执法案卷信息"),
    Withholding(
        "行政查询",
        "8.属于行政查询事项",
        "第三十六条第（七）项",
        "属于有关法律、行政法规对信息的获取有特别规定的查询事项，请依照有关规定办理",
    ),
)
WITHHOLDING = {w.key: w for w in WITHHOLDINGS}


@dataclass(frozen=True)
class Outcome:
    """One kind of answer: its 第三十六条 item and articles, what the letter says, what
    the clerk must give with it, and where table 三 counts it."""

    key: str
    group: str  # (一)…(六) of table 三's 办理结果
    row: str  # the sub-row ("" where the group has none)
    articles: tuple[str, ...]
    needs_reason: bool = False  # a Withholding key (不予公开, and the withheld part of 部分公开)
    needs_where: bool = False  # where to get it (已主动公开, 公开出版物)
    needs_documents: bool = False  # linked documents are provided (copies attached)
    needs_redactions: bool = False  # the copies are redacted (区分处理)
    names_agency: bool = False  # 非本机关掌握: the agency that holds it, when known


OUTCOMES = (
    Outcome("已主动公开", "（一）予以公开", "", ("第三十六条第（一）项",), needs_where=True),
    Outcome("予以公开", "（一）予以公开", "", ("第三十六条第（二）项",), needs_documents=True),
    Outcome(
        "部分公开",
        "（二）部分公开",
        "",
        ("第三十六条第（二）项", "第三十六条第（三）项", "第三十七条"),
        needs_reason=True,
        needs_documents=True,
        needs_redactions=True,
    ),
    Outcome("不予公开", "（三）不予公开", "", ("第三十六条第（三）项",), needs_reason=True),
    Outcome(
        "信息不存在", "（四）无法提供", "1.本机关不掌握相关政府信息", ("第三十六条第（四）项",)
    ),
    Outcome(
        "非本机关掌握",
        "（四）无法提供",
        "1.本机关不掌握相关政府信息",
        ("第三十六条第（五）项",),
        names_agency=True,
    ),
    Outcome("需另行制作", "（四）无法提供", "2.没有现成信息需要另行制作", ("第三十八条",)),
    Outcome("补正后仍不明确", "（四）无法提供", "3.补正后申请内容仍不明确", ("第三十条",)),
    Outcome("信访举报投诉类", "（五）不予处理", "1.信访举报投诉类申请", ("第三十九条第一款",)),
    Outcome("重复申请", "（五）不予处理", "2.重复申请", ("第三十六条第（六）项",)),
    Outcome(
        "公开出版物",
        "（五）不予处理",
        "3.要求提供公开出版物",
        ("第三十九条第二款",),
        needs_where=True,
    ),
    Outcome("大量反复申请", "（五）不予处理", "4.无正当理由大量反复申请", ("第三十五条",)),
    Outcome(
        "要求确认或重新出具",
        "（五）不予处理",
        "5.要求行政机关确认或重新出具已获取信息",
        ("第三十八条",),
    ),
)
OUTCOME = {o.key: o for o in OUTCOMES}

# Closing a case without an answer (其他处理 of table 三).
CLOSURES = {
    "逾期不补正": (
        "（六）其他处理",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ),
    "逾期未缴费": (
        "（六）其他处理",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    "其他": ("（六）其他处理", "3.其他"),
}


def report_row(outcome: str | None, reason: str | None, closure: str | None) -> tuple[str, str]:
    """(group, sub-row) of table 三 where a concluded case is counted."""
    if outcome is not None:
        found = OUTCOME[outcome]
        if found.key == "不予公开" and reason:
            return found.group, WITHHOLDING[reason].row
        return found.group, found.row
    if closure is not None:
        return CLOSURES[closure]
    raise ValueError("a case counted in the report has an outcome or a closure")


def articles_for(outcome: str, reason: str | None) -> list[str]:
    """The 条例 articles a letter cites: the outcome's, then the withholding reason's."""
    cited = list(OUTCOME[outcome].articles)
    if reason:
        article = WITHHOLDING[reason].article
        if article not in cited:
            cited.append(article)
    return cited
