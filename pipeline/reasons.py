"""Why a piece of a document is removed from its published copy: the categories the
政府信息公开条例 allows, each with its article, and the reviewer's choice among them.

The one home of the 删除理由: the review page offers :data:`CHOICES`, a decision stores a
:class:`Reason` on each span and value it removes, the 删除台账 and the 区分处理说明 print
its words, and ``triage export-labels`` exports its label, so retraining learns the
reviewer's category, not the detector's. A finding's label gives the default
(:func:`default_choice`); the reviewer may change it.

- 第十四条: 国家秘密 (and what laws forbid publishing, or what endangers security);
- 第十五条: 个人隐私 (one choice per kind of personal data the detectors know) and 商业秘密,
  and 其他个人信息 with a label the reviewer writes (准考证号, 健康状况 …): personal data no
  detector knows, exported under its own label so that it is not learned as a name;
- 第十六条: 内部事务信息 (第一款), 过程性信息 and 行政执法案卷信息 (第二款).

The article and words are stored with each reason as they were when the reviewer chose
them: a 台账 is a record, and it must still say what was cited if this list changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pipeline.labels import LABELS, REDACTABLE, label_name

OTHER_PERSONAL = "OTHER_PERSONAL"  # a reviewer's label, never a detector's
# The kinds of personal data the detectors know, each its own 个人隐私 choice.
PERSONAL = tuple(code for code in LABELS if code in REDACTABLE and code != "TRADE_SECRET")
NOTE_LIMIT = 20  # characters of a free label (准考证号, 健康状况, 宗教信仰)


@dataclass(frozen=True, slots=True)
class Category:
    key: str
    name: str
    article: str  # as the suggestion's legal_basis names it (第十六条)
    paragraph: str  # 第一款 / 第二款, or ""
    label: str  # the label a span of this category is exported as ("" for 个人隐私: per kind)
    clause: str  # what the 条例 says, in the 区分处理说明

    @property
    def basis(self) -> str:
        return f"《中华人民共和国政府信息公开条例》{self.article}{self.paragraph}"


CATEGORIES: dict[str, Category] = {
    c.key: c
    for c in (
        Category(
            "state_secret",
            "国家秘密",
            "第十四条",
            "",
            "STATE_SECRET",
            "依法确定为国家秘密的政府信息，法律、行政法规禁止公开的政府信息，以及公开后可能危及"
            "国家安全、公共安全、经济安全、社会稳定的政府信息，不予公开。",
        ),
        Category(
            "privacy",
            "个人隐私",
            "第十五条",
            "",
            "",
            "涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，行政机关不得公开。",
        ),
        Category(
            "trade_secret",
            "商业秘密",
            "第十五条",
            "",
            "TRADE_SECRET",
            "涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，行政机关不得公开。",
        ),
        Category(
            "other_personal",
            "其他个人信息",
            "第十五条",
            "",
            OTHER_PERSONAL,
            "涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，行政机关不得公开。",
        ),
        Category(
            "internal_affairs",
            "内部事务信息",
            "第十六条",
            "第一款",
            "INTERNAL",
            "行政机关的内部事务信息，包括人事管理、后勤管理、内部工作流程等方面的信息，可以不予公开。",
        ),
        Category(
            "process",
            "过程性信息",
            "第十六条",
            "第二款",
            "INTERNAL",
            "行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性"
            "信息以及行政执法案卷信息，可以不予公开。",
        ),
        Category(
            "enforcement",
            "行政执法案卷信息",
            "第十六条",
            "第二款",
            "INTERNAL",
            "行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性"
            "信息以及行政执法案卷信息，可以不予公开。",
        ),
    )
}


@dataclass(frozen=True, slots=True)
class Reason:
    """One removal's reason: its category, the label it is exported and redacted as, and
    the words a reader sees (个人隐私（身份证号）, 其他个人信息（准考证号）)."""

    choice: str  # the form's value: privacy:ID_CARD, trade_secret, other_personal …
    category: str  # the category's key
    name: str  # 个人隐私
    basis: str  # 第十五条 (the article, as legal_basis lists name it)
    label: str  # ID_CARD, TRADE_SECRET, OTHER_PERSONAL …
    detail: str  # 身份证号, 准考证号 …; the category's name when it has no kinds
    paragraph: str = ""

    @property
    def text(self) -> str:
        return self.name if self.detail == self.name else f"{self.name}（{self.detail}）"

    @property
    def cited(self) -> str:
        """The article with its paragraph, as the 台账 cites it (第十六条第二款)."""
        return f"{self.basis}{self.paragraph}"

    def to_dict(self) -> dict[str, str]:
        return {
            "reason": self.choice,
            "category": self.name,
            "legal_basis": self.basis,
            "paragraph": self.paragraph,
            "label": self.label,
            "detail": self.detail,
        }


def _choice_text(choice: str) -> str:
    if choice.startswith("privacy:"):
        label = choice.split(":", 1)[1]
        return f"个人隐私·{label_name(label)}（第十五条）"
    category = CATEGORIES[choice]
    suffix = "，请注明" if choice == "other_personal" else ""
    return f"{category.name}（{category.article}{category.paragraph}{suffix}）"


# The review page's list, in this order: personal data first (most removals are).
CHOICES: tuple[tuple[str, str], ...] = tuple(
    (choice, _choice_text(choice))
    for choice in (
        *(f"privacy:{label}" for label in PERSONAL),
        "other_personal",
        "trade_secret",
        "state_secret",
        "internal_affairs",
        "process",
        "enforcement",
    )
)
_KNOWN = {choice for choice, _text in CHOICES}


def is_choice(value: str) -> bool:
    return value in _KNOWN


def default_choice(label: str) -> str:
    """The reason a finding (or a span) of ``label`` gets unless the reviewer changes it."""
    if label in PERSONAL:
        return f"privacy:{label}"
    return {
        "TRADE_SECRET": "trade_secret",
        "STATE_SECRET": "state_secret",
        "SECRET_MARK": "state_secret",
        "INTERNAL": "process",
    }.get(label, "other_personal")


def as_choice(value: str) -> str:
    """A form's or a file's value as a choice: a choice itself, or a label (PERSON …)
    meaning its default (the older forms and decisions files send labels)."""
    value = value.strip()
    return default_choice(value) if value in LABELS else value


def reason_of(choice: str, note: str = "") -> Reason:
    """The reason of a choice; ``note`` is the free label 其他个人信息 needs. Raises
    ValueError in Chinese (the reviewer reads it)."""
    choice = as_choice(choice)
    note = " ".join(note.split())
    if choice not in _KNOWN:
        raise ValueError(f"无效的删除类别（删除理由）：{choice!r}")
    if choice.startswith("privacy:"):
        label = choice.split(":", 1)[1]
        return Reason(choice, "privacy", "个人隐私", "第十五条", label, label_name(label))
    category = CATEGORIES[choice]
    if choice == "other_personal":
        if not note:
            raise ValueError(
                "删除理由为“其他个人信息”时，须注明是什么信息（如：准考证号、健康状况）"
            )
        if len(note) > NOTE_LIMIT:
            raise ValueError(f"“其他个人信息”的注明不能超过 {NOTE_LIMIT} 个字：{note[:30]}")
        detail = note
    else:
        detail = category.name
    return Reason(
        choice,
        category.key,
        category.name,
        category.article,
        category.label,
        detail,
        category.paragraph,
    )


def presumed(label: str) -> Reason:
    """The reason a span of ``label`` is taken to have when none was chosen (a decision
    made before reasons existed, a proposal's default): its label's default, and a label
    no category knows as 其他个人信息 under its own name."""
    choice = default_choice(label)
    if choice == "other_personal":
        return reason_of(choice, label_name(label) if label in LABELS else "个人信息")
    return reason_of(choice)


def stored_reason(row: Mapping[str, Any]) -> Reason | None:
    """The reason a stored span, area or ledger row carries, as it was stored (its
    words then, even if the list changed since); None when it carries none (decisions
    made before reasons existed)."""
    choice = str(row.get("reason") or "")
    if not choice:
        return None
    key = "privacy" if choice.startswith("privacy:") else choice
    return Reason(
        choice,
        key,
        str(row.get("category") or ""),
        str(row.get("legal_basis") or ""),
        str(row.get("label") or ""),
        str(row.get("detail") or row.get("category") or ""),
        str(row.get("paragraph") or ""),
    )


def clause_of(reason: Reason) -> str:
    """The 条例's words behind a reason (empty for a category no longer listed)."""
    category = CATEGORIES.get(reason.category)
    return category.clause if category is not None else ""


MASK = "＊＊"


def mask(value: str) -> str:
    """A removed value as the 台账 shows it: its first character and a fixed ＊＊, so
    neither the rest nor its length is revealed (王小明 → 王＊＊, an ID → 4＊＊)."""
    value = value.strip()
    return f"{value[:1]}{MASK}" if value else MASK
