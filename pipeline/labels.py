"""The Chinese names of finding labels, as clerks and reviewers read them."""

from __future__ import annotations

LABEL_NAMES = {
    "PERSON": "个人姓名",
    "ID_CARD": "身份证号",
    "PHONE": "电话",
    "EMAIL": "电子邮箱",
    "BANK_CARD": "银行账号",
    "ADDRESS": "住址",
    "PASSPORT": "护照号",
    "LICENSE_PLATE": "车牌号",
    "TRADE_SECRET": "商业秘密",
    "SECRET_MARK": "密级标志",
    "STATE_SECRET": "疑似国家秘密",
    "INTERNAL": "内部过程信息",
}


def label_name(label: str) -> str:
    return LABEL_NAMES.get(label, label)
