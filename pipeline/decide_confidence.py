"""The confidence of a suggestion: P(right) on a new office's documents, capped when the
document's own signals contradict the suggestion, each cap saying why.

The calibration (:mod:`pipeline.classify.calibration`) maps the deciding step, the
attribute model's view, the drafter's marking and the conflicts below to a probability.
It is fitted on generated families the rules were not written on, so it knows how often a
rule is wrong when, for instance, the model disagrees. A fitted average can still be
generous to one document, so a suggestion that conflicts with what the document shows is
also capped, whatever the calibration says:

- **the model disagrees**, with probability ≥ 0.70 for another attribute, with a rule that
  is not a 第十四条 safety rule (cap 0.80): two readings of the same document differ, one
  of them is wrong (a weaker disagreement is left to the calibration: on the calibration's
  drafts — four generators' and the thirteenth hand's, their held-out families — and the
  tuned-on documents, a rule the model opposed at 0.60–0.70 was right 63 times of 63; a
  主动公开 rule it opposed at 0.70–0.80, 55 of 64; above 0.80, 7 of 20);
- **a one-party document suggested for publication** or **a proactive kind kept to its
  party** (cap 0.80): the 依申请公开 ↔ 部分公开 border is where rules err most;
- **a 第十六条 cue** (讨论稿, 仅供…参考, 请勿外传, 未经审定 …) in a document suggested for
  release (cap 0.70);
- **a private detail in a 主动公开 suggestion** (a home address or an ID number the
  detectors did not read as a finding; an account number is a payee's, published) (cap 0.70);
- **a 部分公开 resting on the clause model alone** (cap 0.80): every finding to remove is
  the clause classifier's reading of a sentence (a 国企负责人 薪酬 line read as a 商业秘密),
  a hint for the reviewer that no rule confirms — withholding already ignores such hints;
- the drafter's 附注 marking disagrees (cap 0.60); a trace of a critical rule in a document
  suggested for release (cap 0.50, :data:`pipeline.doc_kinds.CRITICAL_CAP`).

The last three are applied after the calibration and are not its inputs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.doc_kinds import (
    CRITICAL_CAP,
    critical_signal,
    list_private_detail,
    natural_person_party,
)
from pipeline.doc_parties import addressee, proactive_kind
from pipeline.finding import Finding
from pipeline.gongwen import compact
from pipeline.labels import CRITICAL, REDACTABLE
from pipeline.metadata import Metadata

PUBLISHED = ("主动公开", "部分公开")
MARKING_ATTRIBUTES = {
    "此件公开发布": PUBLISHED,
    "此件依申请公开": ("依申请公开",),
    "此件不公开": ("不予公开",),
}
# Rules a model may never overrule (第十四条): their confidence is not capped by it.
SAFETY_RULES = ("secret_mark", "state_secret")
MODEL_CAP = 0.80
MODEL_SURE = 0.70  # a model torn between two answers is a calibration input, not a cap
PARTY_CAP = 0.80
PROCESS_CAP = 0.70
PRIVATE_CAP = 0.70
MARKING_CAP = 0.60
HINT_CAP = 0.80
LOW = 0.60
PROCESS_CUE = re.compile(
    r"讨论稿|送审稿|修改稿|草稿|未定稿|仅供.{0,12}(?:参考|使用|讨论|研究)|请勿(?:外传|转发|引用|扩散)|"
    r"未经审定|内部(?:资料|材料|参考|掌握)|不对外|不宜公开"
)
PUBLIC_CONSULTATION = re.compile(r"公开征求|征求社会|征求公众|向社会公开")


@dataclass(frozen=True)
class Conflict:
    """A signal of the document that contradicts the suggestion."""

    name: str  # the calibration input (classify/calibration.py CONFLICTS)
    reason: str  # what the clerk reads
    cap: float


def marking_agreement(attribute: str, metadata: Metadata) -> int:
    """+1 when the drafter's 附注 marking agrees with ``attribute``, -1 when it does not,
    0 when there is no marking."""
    marking = metadata.disclosure_marking
    if marking not in MARKING_ATTRIBUTES:
        return 0
    return 1 if attribute in MARKING_ATTRIBUTES[marking] else -1


def conflicts(
    attribute: str,
    rule: str,
    text: str,
    metadata: Metadata,
    findings: Sequence[Finding],
    probabilities: dict[str, float] | None,
) -> list[Conflict]:
    """The document's signals that contradict ``attribute`` (decided by ``rule``)."""
    found: list[Conflict] = []
    if probabilities and rule not in SAFETY_RULES:
        best = max(probabilities, key=lambda a: probabilities[a])
        if best != attribute and probabilities[best] >= MODEL_SURE:
            found.append(
                Conflict(
                    "model",
                    f"模型倾向“{best}”（概率{probabilities[best]:.2f}），与规则结论不同",
                    MODEL_CAP,
                )
            )
    head = "\n".join(text.split("\n")[:14])
    if attribute in PUBLISHED:
        to = addressee(text)
        if (to is not None and to[0] == "person") or natural_person_party(text):
            who = f"主送个人“{to[1]}”" if to is not None else "当事人为自然人"
            found.append(Conflict("party", f"文书{who}，却建议主动发布", PARTY_CAP))
    elif attribute == "依申请公开" and (kind := proactive_kind(metadata)) is not None:
        found.append(
            Conflict("party", f"“{kind}”通常属主动公开的文种，却建议依申请公开", PARTY_CAP)
        )
    if attribute != "不予公开" and not PUBLIC_CONSULTATION.search(compact(head)):
        m = PROCESS_CUE.search(compact(head))
        if m:
            found.append(
                Conflict(
                    "process",
                    f"文首有“{m.group(0)}”字样，可能属过程性信息（第十六条）",
                    PROCESS_CAP,
                )
            )
    if attribute == "主动公开":
        detail = list_private_detail(text)
        if detail and re.search(r"账号|卡号", detail):
            detail = None  # an office's or a company's account for payments is published
        if detail or any(f.label in CRITICAL and f.role != "official" for f in findings):
            cue = detail.strip()[:12] if detail else "证件号码或账号"
            found.append(
                Conflict("private", f"文中有个人信息（“{cue}”），却建议全文主动公开", PRIVATE_CAP)
            )
    return found


def hint_only(attribute: str, findings: Sequence[Finding]) -> str | None:
    """The first of the findings a 部分公开 would remove when all of them are the clause
    model's readings (no rule behind any), else None."""
    if attribute != "部分公开":
        return None
    private = [f for f in findings if f.label in REDACTABLE and f.role != "official"]
    if private and all(f.recognizer == "clause_model" for f in private):
        return private[0].text
    return None


def confidence_and_reasons(
    attribute: str,
    rule: str,
    base: float,
    reasons: Sequence[str],
    text: str,
    metadata: Metadata,
    findings: Sequence[Finding],
    probabilities: dict[str, float] | None,
) -> tuple[float, list[str], list[float]]:
    """(confidence, reasons, the calibration inputs) of one suggestion: calibrated when a
    calibration is present, else the rule's ``base`` averaged with the model's probability;
    then each conflict's cap, with its reason."""
    from pipeline.classify.calibration import features, load_calibrator

    out = list(reasons)
    safety = rule in SAFETY_RULES or (attribute == "不予公开" and not rule)
    confidence = base
    if probabilities:
        p = probabilities.get(attribute, 0.0)
        confidence = max(base, p) if safety else 0.5 * base + 0.5 * p
    agreement = marking_agreement(attribute, metadata)
    if agreement > 0:
        confidence = min(0.99, confidence + 0.05)
    found = conflicts(attribute, rule, text, metadata, findings, probabilities)
    x = features(rule, attribute, probabilities, agreement, [c.name for c in found])
    calibrator = load_calibrator()
    if calibrator is not None and rule:
        confidence = calibrator.probability(x)
    marking = metadata.disclosure_marking
    if agreement > 0:
        out.append(f"与拟稿人标注“{marking}”一致")
    elif agreement < 0:
        out.append(f"拟稿人标注为“{marking}”，与本建议不一致，请核对")
        confidence = min(confidence, MARKING_CAP)
    if probabilities and rule not in SAFETY_RULES and not any(c.name == "model" for c in found):
        best = max(probabilities, key=lambda a: probabilities[a])
        if best != attribute:  # the model leans the other way, unsure: said, not capped
            out.append(
                f"模型倾向“{best}”（概率{probabilities[best]:.2f}），与规则结论不同，请重点审核"
            )
    for c in found:
        if confidence > c.cap:
            confidence = c.cap
            out.append(f"{c.reason}，置信度限为{c.cap:.2f}，请重点审核")
        else:
            out.append(f"{c.reason}，请重点审核")
    if (hint := hint_only(attribute, findings)) is not None and confidence > HINT_CAP:
        confidence = HINT_CAP
        out.append(
            f"删除内容仅出自条款模型的判断（“{compact(hint)[:16]}”），未经规则确认，"
            f"置信度限为{HINT_CAP:.2f}，请核对"
        )
    if attribute != "不予公开" and (signal := critical_signal(text)) is not None:
        confidence = min(confidence, CRITICAL_CAP)
        out.append(
            f"{signal}，与密级、国家秘密或考试内容的关键规则相关但未达认定条件，"
            f"置信度限为{CRITICAL_CAP:.2f}，请核对"
        )
    if confidence < LOW:
        out.append(f"置信度较低（{confidence:.2f}），请优先人工审核")
    return confidence, out, x
