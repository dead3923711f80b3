"""Every finding label, its Chinese wordings and the groups it belongs to: the only place.

A label is read in four places of a clerk's day, and each needs its own words: the name in
lists, reports and the review app (个人姓名); the word in a suggestion's reasons (含个人电话
×2: "personal", since official phones are never counted there); the placeholder left in a
redacted copy's ``label`` style (【电话】); and, for clause labels, the kind of information
with its 条例 article, as the clause classifier's explanation says it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Label:
    code: str
    name: str
    in_reasons: str
    placeholder: str = "【个人信息】"
    clause_kind: str = ""


LABELS: dict[str, Label] = {
    label.code: label
    for label in (
        Label("PERSON", "个人姓名", "个人姓名", "【姓名】"),
        Label("ID_CARD", "身份证号", "身份证号", "【身份证号】"),
        Label("PHONE", "电话", "个人电话", "【电话】"),
        Label("EMAIL", "电子邮箱", "个人邮箱", "【邮箱】"),
        Label("BANK_CARD", "银行账号", "银行账号", "【账号】"),
        Label("ADDRESS", "住址", "住址", "【住址】"),
        Label("PASSPORT", "护照号", "护照号", "【护照号】"),
        Label("LICENSE_PLATE", "车牌号", "车牌号", "【车牌号】"),
        Label(
            "TRADE_SECRET",
            "商业秘密",
            "商业秘密",
            "【商业秘密】",
            "企业商业秘密（第十五条）",
        ),
        Label("SECRET_MARK", "密级标志", "密级标志"),
        Label(
            "STATE_SECRET",
            "疑似国家秘密",
            "国家秘密事项",
            clause_kind="可能涉及国家秘密的事项（第十四条，应报保密工作部门确定）",
        ),
        Label(
            "INTERNAL",
            "内部过程信息",
            "过程性信息",
            clause_kind="过程性或内部管理信息（第十六条）",
        ),
    )
}
LABEL_NAMES = {code: label.name for code, label in LABELS.items()}

# Personal data and trade secrets are redacted (第十五条); a secret marking or state-secret
# content withholds the whole document instead, and internal information is 第十六条's.
REDACTABLE = frozenset(
    {
        "PERSON",
        "ID_CARD",
        "PHONE",
        "EMAIL",
        "BANK_CARD",
        "ADDRESS",
        "PASSPORT",
        "LICENSE_PLATE",
        "TRADE_SECRET",
    }
)
# A leak of one of these is a critical error in evaluation: an identifier that opens
# accounts and records, never a judgement call.
CRITICAL = frozenset({"ID_CARD", "BANK_CARD", "PASSPORT"})
# Labels the clause recognizers give to whole sentences.
CLAUSE_LABELS = ("TRADE_SECRET", "INTERNAL", "STATE_SECRET")


def label_name(label: str) -> str:
    """The label as a clerk reads it in lists and reports (the code when unknown)."""
    known = LABELS.get(label)
    return known.name if known else label


def reason_word(label: str) -> str:
    """The label in a suggestion's reasons (含个人电话×2)."""
    known = LABELS.get(label)
    return known.in_reasons if known else label


def placeholder(label: str) -> str:
    """What stands in for a redacted span in the ``label`` style of a copy."""
    known = LABELS.get(label)
    return known.placeholder if known else "【个人信息】"


def clause_kind(label: str) -> str:
    """The kind of information a clause label means, with its article."""
    return LABELS[label].clause_kind
