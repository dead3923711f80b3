"""密级和保密期限 markings (GB/T 9704: 绝密/机密/秘密, ★N年, ★启用前, ★长期) and work-secret
markings (内部资料 注意保存, 工作秘密). Only as markings: in the 版头 (first lines), in
the 附注 area (last lines), or on a line of their own. "严禁泄露秘密" in a sentence is
not a marking. The whole document is withheld (第十四条), so nothing is redacted."""

from __future__ import annotations

import re

from pipeline.finding import Explanation, Finding

SECRET = re.compile(
    r"(?<!工作)(?<!商业)(?<!国家)(?<!涉)(?:绝\s*密|机\s*密|秘\s*密)(?:\s*[★☆＊*✩✭]\s*(?:长期|启用前|[0-9０-９一二三四五六七八九十]+\s*(?:年|个月|月)))?"
)
# (内部 with a star, as a 密级 is starred, or set in brackets — 内部★, 内部☆1年, 【内部】 — is
# the same work-secret mark in the drafter's hand: alone on its line, as every mark here)
WORK_SECRET = re.compile(
    r"(?:内部资料|内部文件|内部刊物)(?:[\s\u3000]*(?:注意保存|注意保管|请勿外传))?|工作秘密|"
    r"内部\s*[★☆](?:\s*(?:长期|[0-9０-９一二三四五六七八九十]+\s*(?:年|个月|月)))?|[【\[［]内部[】\]］]"
)

# The source a 密级 marking's explanation names (a work-secret one: pattern:work_marking).
STATE_MARKING_SOURCE = "pattern:secret_marking"


def is_state_marking(finding: Finding) -> bool:
    """Whether ``finding`` is a 密级 marking (绝密/机密/秘密), not a work-secret one."""
    detail = finding.detail
    return (
        finding.label == "SECRET_MARK"
        and detail is not None
        and detail.source == STATE_MARKING_SOURCE
    )


class SecretMarkingRecognizer:
    name = "secret_marking"
    label = "SECRET_MARK"
    head_lines = 8
    tail_lines = 6

    def analyze(self, text: str) -> list[Finding]:
        lines = text.split("\n")
        findings: list[Finding] = []
        offset = 0
        nonblank = [i for i, line in enumerate(lines) if line.strip()]
        head = set(nonblank[: self.head_lines])
        tail = set(nonblank[-self.tail_lines :])
        for i, line in enumerate(lines):
            for regex, kind in ((SECRET, "secret"), (WORK_SECRET, "work")):
                matches = list(regex.finditer(line))
                if len(matches) > 1:
                    # Each match is the others' "rest", which is never empty: none of them
                    # stands alone. Skipping here keeps a long line linear in its length.
                    continue
                for m in matches:
                    # A marking stands alone on its line, beside at most the 份号 and
                    # the 紧急程度 (GB/T 9704 版头), never inside a sentence.
                    rest = re.sub(
                        r"[0-9０-９]{1,6}|特\s*急|加\s*急|平\s*急|特\s*提|[\s\u3000（）()]",
                        "",
                        line[: m.start()] + line[m.end() :],
                    )
                    if rest:
                        continue
                    where = "版头" if i in head else ("文末附注处" if i in tail else "单独成行")
                    explanation = (
                        f"密级标志“{m.group(0)}”（{where}），属国家秘密，全文不予公开（第十四条）"
                        if kind == "secret"
                        else f"工作秘密标志“{m.group(0)}”（{where}），属内部信息"
                    )
                    score = 0.99 if kind == "secret" else 0.9
                    findings.append(
                        Finding(
                            self.label,
                            offset + m.start(),
                            offset + m.end(),
                            m.group(0),
                            score,
                            self.name,
                            explanation,
                            None,
                            Explanation(
                                self.name,
                                STATE_MARKING_SOURCE
                                if kind == "secret"
                                else "pattern:work_marking",
                                score,
                                score,
                                True,
                                (where,),
                                explanation,
                            ),
                        )
                    )
            offset += len(line) + 1
        return findings
