"""E-mail addresses; agency mailboxes (…gov.cn, published for the public) are official."""

from __future__ import annotations

import re

from pipeline.detect.base import Candidate, Pattern, PatternRecognizer
from pipeline.finding import Role

EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]{1,64}[@＠][A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,10}(?![A-Za-z0-9])"
)
OFFICIAL_DOMAINS = (".gov.cn", ".gov", ".org.cn", ".edu.cn")
CONTEXT = ("邮箱", "电子邮箱", "电子邮件", "E-mail", "Email", "email", "邮件")


class EmailRecognizer(PatternRecognizer):
    name = "email"
    label = "EMAIL"
    patterns = (Pattern("email", EMAIL, 0.9),)
    context = CONTEXT
    context_before = 10

    def validate(self, candidate: Candidate, text: str) -> bool | None:
        local, _, domain = candidate.text.replace("＠", "@").partition("@")
        return bool(local) and ".." not in candidate.text and not domain.startswith("-")

    def score(self, candidate: Candidate, valid: bool | None, word: str | None) -> float:
        return 0.99 if word else 0.95

    def role(self, candidate: Candidate, text: str) -> Role | None:
        domain = candidate.text.lower().rsplit("@", 1)[-1]
        return "official" if domain.endswith(OFFICIAL_DOMAINS) else "private"

    def explain(self, candidate: Candidate, text: str, valid: bool | None, word: str | None) -> str:
        if self.role(candidate, text) == "official":
            return "电子邮箱地址，属机关/公共机构邮箱，应予公开"
        return "电子邮箱地址" + (f"，前文有“{word}”" if word else "") + "，属个人信息"
