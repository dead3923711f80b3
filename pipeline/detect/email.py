"""E-mail addresses; agency mailboxes are official: a …gov.cn domain, or any mailbox a notice
gives the public to send its views to ("意见建议请发送至 fzk123@126.com"): a district's
office often takes its 征求意见 by a 126/163 mailbox, and that address is the office's — also
when the notice calling for views gives it on a contact line of its own ("电子邮箱：…"),
away from the sentence that asks for views."""

from __future__ import annotations

import re

from pipeline.detect.base import Candidate, Pattern, PatternRecognizer
from pipeline.finding import Role

EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]{1,64}[@＠][A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,10}(?![A-Za-z0-9])"
)
OFFICIAL_DOMAINS = (".gov.cn", ".gov", ".org.cn", ".edu.cn")
# The public is told to send its views here; a person's own mailbox is not introduced so.
FOR_VIEWS = re.compile(
    r"(?:(?:意见|建议)[^。；]{0,24}(?:发送至|发至|反馈至|发到|电子邮件|电子邮箱|邮箱)|"
    r"(?:意见反馈|意见征集|征求意见)邮箱)[：:\s]*[A-Za-z0-9._\-]*\s*$"  # a page cut in the address
)
# (a 信访 reply names the citizen's: 发送至您的邮箱, 来信人…的意见, 反馈至其邮箱)
OWN = re.compile(
    r"我的|您的|你的|其(?:邮箱|电子)|本人|申请人|投诉人|联系人|来信人|信访人|反映人|举报人|当事人"
)
# A notice that asks the public for its views, and a mailbox on a bare contact line of it.
CALL = re.compile(r"公开征求|征求[^。；\n]{0,12}意见|意见征集|征集[^。；\n]{0,8}(?:意见|建议)")
CONTACT_LINE = re.compile(r"(?:^|\n)[\s　]*(?:电子邮箱|电子邮件|邮箱|E-?mail)[：:\s]*$", re.I)
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
        before = text[max(0, candidate.start - 40) : candidate.start]
        for_views = (
            FOR_VIEWS.search(before) or (CONTACT_LINE.search(before) and CALL.search(text[:2000]))
        ) and not OWN.search(before)
        return "official" if domain.endswith(OFFICIAL_DOMAINS) or for_views else "private"

    def explain(self, candidate: Candidate, text: str, valid: bool | None, word: str | None) -> str:
        if self.role(candidate, text) == "official":
            return "电子邮箱地址，属机关/公共机构邮箱，应予公开"
        return "电子邮箱地址" + (f"，前文有“{word}”" if word else "") + "，属个人信息"
