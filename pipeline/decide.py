"""The disclosure attribute of a document, its legal basis, and what to redact.

The clerk's question is "can this go out, and in what form?". The answer follows the
条例 in a fixed order, safest first, so no model can talk a secret into the open:

1. a 密级 marking → 不予公开, 第十四条; an unmarked state secret → 不予公开 and escalation
   to the 保密 office (报保密工作部门确定), never a guess;
2. 内部资料/工作秘密 markings, process and internal information (请示, 会议纪要, 讨论稿,
   internal personnel evaluation, 舆情专报 …) → 不予公开, 第十六条;
3. documents that concern only one person or company (an 答复书, a 许可决定书 to one party,
   a penalty on an individual, a 工伤认定) → 依申请公开, 第十五条;
4. otherwise the document is of the proactive kind (第十九条, plus 第二十条/第二十一条 by
   topic): with separable personal data or trade secrets → 部分公开 (第十五条, 第三十七条),
   else 主动公开. Names on a list the rules require to publish (拟录用人员, 补贴对象,
   中标项目负责人) stay; their IDs, phones and cards go.

The attribute model (:mod:`pipeline.classify.attribute_model`) weighs in on step 3 and 4
and gives the confidence; the drafter's 附注 marking is compared and any disagreement is
said in ``reasons``.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from pipeline.decide_confidence import confidence_and_reasons
from pipeline.decide_confidence import marking_agreement as marking_agreement
from pipeline.doc_audit import workpaper_reason
from pipeline.doc_defence import state_secret_reason
from pipeline.doc_institutions import public_institution
from pipeline.doc_kinds import (
    case_file_reason,
    enforcement_reason,
    exam_reason,
    head_match,
    head_titles,
    list_private_detail,
    review_reason,
)
from pipeline.doc_marks import marking_in_any_form
from pipeline.doc_oversight import internal_affairs_reason, public_call_reason
from pipeline.doc_parties import one_party_reason, permit_reason
from pipeline.doc_process import (
    announced_decision_reason,
    proposal_reply_reason,
    public_minutes_reason,
    report_up_reason,
    routing_reason,
)
from pipeline.doc_sent import (
    bid_evaluation_reason,
    complaint_reply_reason,
    consultation_reason,
    huibao_reason,
    meeting_record_reason,
    request_reply_reason,
)
from pipeline.finding import Finding
from pipeline.gongwen import compact, parse_doc_number
from pipeline.labels import REDACTABLE, reason_word
from pipeline.lexicons import load_table
from pipeline.metadata import Metadata

PUBLIC = "主动公开"
PARTIAL = "部分公开"
ON_REQUEST = "依申请公开"
WITHHELD = "不予公开"
ATTRIBUTES = (PUBLIC, PARTIAL, ON_REQUEST, WITHHELD)
PUBLISHED = (PUBLIC, PARTIAL)  # released actively: the 20-working-day deadline applies
ARTICLE_ORDER: tuple[str, ...] = ("第十四条", "第十五条", "第十六条", "第十九条", "第二十条")
ARTICLE_ORDER += (
    "第二十一条",
    "第三十七条",
    "第五十五条",
)  # 第五十五条: a 公共企事业单位's own paper
STATE_LEVEL = re.compile(r"绝\s*密|机\s*密|秘\s*密")
# Process information by the kind of document (第十六条).
PROCESS_TYPES = ("请示", "纪要", "专报", "简报")
PROCESS_TITLE = re.compile(
    r"请示|会议纪要|讨论稿|征求意见稿[）)]?.{0,6}意见的函|考核等次拟定|考核情况|舆情|内部|审查意见|案卷|"
    r"交办单|转办单|督办单|呈批件|签报|办文单|阅办单"
)
# Documents that concern one applicant, one licensee, one injured worker …
SINGLE_PARTY_TITLE = re.compile(
    r"答复书|答复意见书|告知书|处理意见书|复查意见书|认定决定书|工伤.{0,4}决定书|认定工伤|"
    r"工伤认定|许可决定书|不予许可|准予.{0,10}许可|送达回证|笔录|受理通知书|补正通知书|"
    r"复议决定书|登记决定书|变更决定书|注销决定书|撤销.{0,6}决定书|确认书|指令书|整改通知书|通知书$|"
    r"调解书|调解协议书|和解协议|和解书|法律援助|不予确认|不予登记|不予受理|登记回执|回执$|延期答复|决定书$|"
    r"信访.{0,10}(?:处理|答复|复查|复核)意见|"
    # the reply to one 公开申请, however titled (信息公开申请答复, 关于某某申请公开…的答复),
    # and to one person's 信访 (关于某某反映问题的答复, 对某某来信的回复): the whole title,
    # from its start, so a wrapped sentence (申请人不服…作出的政府信息公开申请答复) is not one
    r"^(?:关于[^，。]{1,16})?(?:政府)?(?:信息)?(?:公开申请|申请公开|依申请公开)[^，。]{0,12}"
    r"(?:答复|回复)(?:告知书|书)?$|"
    r"^(?:关于|对)[^，。]{1,16}(?:反映[^，。]{0,12}的|来(?:信|访|电)的?)(?:答复|回复)$"
)
# The 统一编号 a 行政规范性文件 carries (…政规〔2025〕3号, …规字〔2024〕1号): 第二十条（二）.
NORMATIVE_NUMBER = re.compile(
    r"规(?:字)?\s*[〔［\[（(]\s*[12][0-9]{3}\s*[〕］\]）)]\s*(?:第)?\s*[0-9]+\s*号"
)
# The label of a 规范性文件's registration line (统一编号：某政规〔2024〕1号).
_REGISTRATION_LABEL = re.compile(r"^(?:统一编号|统一登记号|登记编号|登记号)\s*[：:]\s*")
# A province's registration code after that label (HNPR-2024-01001, CDSR-2024-005).
REGISTRATION_CODE = re.compile(r"[：:]\s*[A-Z]{2,6}[-－—]?[12][0-9]{3}[-－—]?[0-9]{2,6}\s*$")
# A list the rules require to publish with its names (公示 of 拟录用人员, 补贴对象 …).
PUBLIC_LIST_TITLE = re.compile(
    r"公示|名单|中标|成交|表彰|拟录用|拟聘用|录用人员|聘用人员|发放对象|救助对象|补贴对象|"
    r"任免|任命|免职"  # 第二十条（一）: who holds the office is published
)

# A 公示 of penalties or sanctions publishes the decisions, not the natural persons' names
# (双公示: a person's name is masked); only lists that confer something publish names.
SANCTION_TITLE = re.compile(r"处罚|处理决定|违法|违规|责令")


@dataclass(frozen=True)
class Suggestion:
    attribute: str
    legal_basis: list[str]
    confidence: float
    needs_escalation: bool
    reasons: list[str]
    keep_names: bool = False  # PERSON names stay published (a public list)
    rule: str = ""  # which step decided: the calibration's input (classify/calibration.py)
    inputs: tuple[float, ...] = ()  # the calibration's inputs (calibrate.py fits on them)

    def to_dict(self) -> dict[str, object]:
        return {
            "attribute": self.attribute,
            "legal_basis": self.legal_basis,
            "confidence": round(self.confidence, 3),
            "needs_escalation": self.needs_escalation,
            "reasons": self.reasons,
        }


def _articles(*groups: Sequence[str]) -> list[str]:
    found = {a for group in groups for a in group}
    return [a for a in ARTICLE_ORDER if a in found]


def carries_normative_number(text: str, doc_number: str | None) -> bool:
    """Whether the document's own number is a 规范性文件 number: the 发文字号 metadata read,
    or a line of the opening that is only a number (as a 统一编号 printed under the title).
    A number cited inside a sentence (根据《…办法》（某政规〔2023〕5号）) is another
    document's: the citing 通知 is no 规范性文件 for it."""
    if doc_number and NORMATIVE_NUMBER.search(doc_number):
        return True
    for line in text[:400].splitlines():
        if _REGISTRATION_LABEL.match(line.strip()) and REGISTRATION_CODE.search(line):
            return True  # 统一编号 is printed on 规范性文件 only, in each province's own code
        number = parse_doc_number(_REGISTRATION_LABEL.sub("", line.strip()))
        if number is not None and NORMATIVE_NUMBER.search(number.text):
            return True
    return False


# The rest of a title a PDF wrapped: a short line of words only (no number, no clause).
_TITLE_REST = re.compile(r"^[\u4e00-\u9fff（）()]{1,12}$")


def _topic_head(title: str, text: str) -> str:
    """Where a topic is read: the title, spaces out ("部门决 算公开说明"), with the line a
    PDF wrapped it onto ("…批准和⏎实施情况"); without a title, the opening, lines joined."""
    if not title:
        return compact(text[:200].replace("\n", ""))
    lines = [compact(line) for line in text.split("\n")[:8]]
    for line, rest in itertools.pairwise(lines):
        if line and compact(title).endswith(line) and _TITLE_REST.match(rest):
            return compact(title) + rest
    return compact(title)


def topic_articles(
    title: str, text: str, doc_number: str | None = None
) -> tuple[list[str], list[str]]:
    """第二十条/第二十一条 when the title (or, failing that, the opening) is on their lists;
    returns (articles, the items matched, for the reasons); 第五十五条 when a 公共企事业单位
    wrote it."""
    head = _topic_head(title, text)
    articles: list[str] = []
    items: list[str] = []
    if carries_normative_number(text, doc_number):
        articles.append("第二十条")
        items.append("第二十条（二）规范性文件")
    for term, article, item in load_table("disclosure_topics"):
        if term in head and article not in articles:
            articles.append(article)
            items.append(f"{article}{item}")
    if unit := public_institution(text):
        articles.append("第五十五条")
        items.append(f"第五十五条公共企事业单位（{unit}）提供服务中的信息")
    return articles, items


def private_counts(findings: Sequence[Finding]) -> Counter[str]:
    return Counter(f.label for f in findings if f.role != "official")


def ruled(findings: Sequence[Finding], label: str) -> list[Finding]:
    """The findings of ``label`` a rule stands behind. The clause classifier's own reading
    of a sentence (recognizer ``clause_model``, "请核对") is a hint for the reviewer: it is
    shown, but withholding a whole document needs a rule's evidence, since withholding
    loses everything the document would have published."""
    return [
        f
        for f in findings
        if f.label == label and f.role != "official" and f.recognizer != "clause_model"
    ]


def _describe(counts: Counter[str], labels: Sequence[str]) -> str:
    return "、".join(f"{reason_word(label)}×{counts[label]}" for label in labels if counts[label])


def single_party_reason(text: str, metadata: Metadata) -> str | None:
    """Why the document concerns one person or company only, or None (penalties, orders
    and 复议决定 are told apart before, by :mod:`pipeline.doc_kinds`)."""
    word = head_match(SINGLE_PARTY_TITLE, text, metadata)
    if word:
        return f"“{word}”类文书，只涉及特定申请人或当事人"
    if metadata.doc_type in ("答复书", "意见书", "告知书"):
        return f"{metadata.doc_type}只涉及特定申请人"
    return None


def process_reason(metadata: Metadata, findings: Sequence[Finding], text: str = "") -> str | None:
    """Why the document is process or internal information (第十六条), or None."""
    title = metadata.title or ""
    if metadata.doc_type in PROCESS_TYPES:
        return f"文种为“{metadata.doc_type}”，属过程性信息"
    # a 纪要 numbered in its own series (常务会议纪要〔2024〕5号) names its kind there
    numbered = re.search("|".join(PROCESS_TYPES), metadata.doc_number or "")
    if numbered and not title:
        return f"文号为“{metadata.doc_number}”，文种属“{numbered.group(0)}”，属过程性信息"
    m = PROCESS_TITLE.search(title)
    if m:
        return f"标题含“{m.group(0)}”，属过程性或内部管理信息"
    if not title:  # the title unread (under a 版头, with its 期号): the head's short lines
        for line in head_titles(text, metadata):
            if m := PROCESS_TITLE.search(line):
                return f"文首标题含“{m.group(0)}”，属过程性或内部管理信息"
    internal = ruled(findings, "INTERNAL")
    if internal:
        return f"含过程性或内部管理信息 {len(internal)} 处（{internal[0].text[:24]}…）"
    return None


def suggest(text: str, metadata: Metadata, findings: Sequence[Finding]) -> Suggestion:
    """:func:`decide` with the attribute model's probabilities when a model is present."""
    from pipeline.classify.attribute_model import probabilities

    return decide(text, metadata, findings, probabilities(text, metadata, findings))


def decide(
    text: str,
    metadata: Metadata,
    findings: Sequence[Finding],
    model_probabilities: dict[str, float] | None = None,
) -> Suggestion:
    """The suggestion for one document; ``model_probabilities`` (attribute → probability)
    from the attribute model, when one is loaded."""
    counts = private_counts(findings)
    reasons: list[str] = []
    title = metadata.title or ""
    marks = [f for f in findings if f.label == "SECRET_MARK"]
    state_marks = [f for f in marks if STATE_LEVEL.search(f.text)]
    suggestion: Suggestion
    if state_marks or metadata.secret_level or (written := marking_in_any_form(text)):
        level = metadata.secret_level or (state_marks[0].text if state_marks else written)
        suggestion = _withheld(
            ["第十四条"], [f"标有密级“{level}”，属国家秘密，不得公开（第十四条）"], 0.99, counts
        )
        suggestion = replace(suggestion, rule="secret_mark")
    elif (
        (state := len(ruled(findings, "STATE_SECRET")))
        or (exam := exam_reason(text, metadata, findings))
        or (secret := state_secret_reason(text, metadata))
    ):
        ground = (
            f"未标密级，但含可能属于国家秘密的内容 {state} 处"
            if state
            else f"未标密级，但{exam or secret}"
        )
        suggestion = _withheld(
            ["第十四条"],
            [ground + "，应报保密工作部门确定（第十四条）"],
            0.9,
            counts,
            escalate=True,
        )
        suggestion = replace(suggestion, rule="state_secret")
    elif marks:
        suggestion = _withheld(
            ["第十六条"], [f"标有“{marks[0].text}”，属内部事务信息（第十六条）"], 0.95, counts
        )
        suggestion = replace(suggestion, rule="work_secret")
    elif (
        why := case_file_reason(metadata, text) or internal_affairs_reason(metadata, text)
    ) is not None:
        suggestion = _withheld(["第十六条"], [why + "，可不予公开（第十六条）"], 0.85, counts)
        suggestion = replace(suggestion, rule="case_or_internal")
    elif (
        why := public_minutes_reason(metadata, text, findings) or public_call_reason(title, text)
    ) is not None:
        suggestion = _proactive(text, metadata, findings, counts, why)
    elif (
        why := process_reason(metadata, findings, text)
        or report_up_reason(metadata, text)
        or routing_reason(metadata, text)
        or huibao_reason(title, text)
        or consultation_reason(title, text)
        or meeting_record_reason(title, text)
        or bid_evaluation_reason(title, text)
        or workpaper_reason(title, text)
    ) is not None:
        suggestion = _withheld(["第十六条"], [why + "，可不予公开（第十六条）"], 0.85, counts)
        suggestion = replace(suggestion, rule="process")
    elif (
        why := announced_decision_reason(metadata, text) or proposal_reply_reason(metadata, text)
    ) is not None:
        suggestion = _proactive(text, metadata, findings, counts, why)
    elif (
        decision := enforcement_reason(text, metadata)
        or review_reason(text, metadata)
        or permit_reason(text, metadata)
    ) is not None:
        published, ground = decision
        if published:
            suggestion = _proactive(text, metadata, findings, counts, ground)
        else:
            reasons.append(ground + "，依申请公开（第十五条）")
            suggestion = Suggestion(
                ON_REQUEST, ["第十五条"], 0.85, False, reasons, rule="one_party"
            )
    elif (why := single_party_reason(text, metadata)) is not None:
        reasons.append(why + "，依申请公开（第十五条）")
        suggestion = Suggestion(ON_REQUEST, ["第十五条"], 0.85, False, reasons, rule="one_party")
    elif (served := one_party_reason(text, metadata)) is not None:
        published, ground = served
        if published:
            suggestion = _proactive(text, metadata, findings, counts, ground)
        else:
            reasons.append(ground + "，依申请公开（第十五条）")
            suggestion = Suggestion(
                ON_REQUEST, ["第十五条"], 0.85, False, reasons, rule="served_on_party"
            )
    elif (
        why := complaint_reply_reason(title, text) or request_reply_reason(title, text)
    ) is not None:
        reasons.append(why + "，依申请公开（第十五条）")
        suggestion = Suggestion(ON_REQUEST, ["第十五条"], 0.85, False, reasons, rule="one_party")
    else:
        suggestion = _proactive(text, metadata, findings, counts)
    confidence, reasons, x = confidence_and_reasons(
        suggestion.attribute,
        suggestion.rule,
        suggestion.confidence,
        suggestion.reasons,
        text,
        metadata,
        findings,
        model_probabilities,
    )
    return replace(suggestion, confidence=confidence, reasons=reasons, inputs=tuple(x))


def _withheld(
    basis: list[str],
    reasons: list[str],
    confidence: float,
    counts: Counter[str],
    escalate: bool = False,
) -> Suggestion:
    if counts["TRADE_SECRET"]:
        basis = [*basis, "第十五条"]
        reasons = [*reasons, "另含企业商业秘密（第十五条）"]
    return Suggestion(WITHHELD, _articles(basis), confidence, escalate, reasons)


def _proactive(
    text: str,
    metadata: Metadata,
    findings: Sequence[Finding],
    counts: Counter[str],
    why: str = "",
) -> Suggestion:
    title = metadata.title or ""
    topic, items = topic_articles(title, text, metadata.doc_number)
    if "第二十条" in why and "第二十条" not in topic:
        topic.append("第二十条")  # a penalty or order on an enterprise: 第二十条（六）
    keep_names = (
        bool(PUBLIC_LIST_TITLE.search(title))
        and not SANCTION_TITLE.search(title)
        and counts["PERSON"] > 0
    )
    redactable = [label for label in sorted(REDACTABLE) if counts[label]]
    if keep_names:
        redactable = [label for label in redactable if label != "PERSON"]
    topic_reason = (
        f"内容属{'、'.join(items)}，应主动公开" if items else "涉及公众利益、需要社会公众广泛知晓"
    )
    reasons = [f"{topic_reason}（{'、'.join(_articles(['第十九条'], topic))}）"]
    if why:
        reasons.insert(0, why)
    if keep_names:
        reasons.append("名单类公示，依规定公开人员姓名，其他个人信息删除后公开")
    is_list = bool(PUBLIC_LIST_TITLE.search(title)) or metadata.doc_type in ("公示", "名单")
    detail = list_private_detail(text) if is_list else None
    if detail and not [label for label in redactable if label != "PERSON"]:
        # Hard rule: a public list that also holds addresses, IDs or accounts is never
        # published whole, even when no detector found the values.
        reasons.append(
            f"名单中含住址、证件号码或账号等个人信息（文中“{detail.strip()[:12]}”），"
            "须删除后公开，请审核人员标出（第十五条、第三十七条）"
        )
        return Suggestion(
            PARTIAL,
            _articles(["第十五条", "第十九条", "第三十七条"], topic),
            0.85,
            False,
            reasons,
            keep_names,
            rule="list_private",
        )
    if redactable:
        reasons.append(
            f"含可区分处理的个人信息或商业秘密（{_describe(counts, redactable)}），"
            "删除后公开（第十五条、第三十七条）"
        )
        return Suggestion(
            PARTIAL,
            _articles(["第十五条", "第十九条", "第三十七条"], topic),
            0.85,
            False,
            reasons,
            keep_names,
            rule="partial",
        )
    return Suggestion(
        PUBLIC, _articles(["第十九条"], topic), 0.85, False, reasons, keep_names, rule="public"
    )
