"""The extent of a clause finding, settled after the rules have placed it.

A clause span counts as found when its IoU with gold is at least 0.5, and the redaction
of a clause is exactly its span; so a finding cut in two, cut short or run over a whole
row is a miss (and a false finding, and characters redacted that need not be) although
it stands in the right place. The convention, read from the labelled drafts we tuned on
and from every generated wording (``benchmarks/clause_extent.py``):

- **INTERNAL and STATE_SECRET**: the sentence (to 。！？ or ；, the end mark left out, as
  reviewers mark it); consecutive opinions parted by a ；are one span, and so is a note
  that goes on about the opinion (…倾向于…。上述倾向性意见尚未经党组研究). A later
  sentence that restates a figure (上述3000万元只是匡算的数…) is a sentence of its own.
- **TRADE_SECRET**: the company's clause, from after its name and label to the ；or 。 that
  ends it, all its comma pieces included (报价…元，其中主材按…计取，管理费率为…); only
  a tail that is about disclosure or the published result (…，请予保密 / …，得分…) is
  left out (:func:`pipeline.detect.clause_spans.trade_cells`).
- **a sentence wrapped across lines** (a PDF's text layer, a narrow draft) is still one
  sentence. A line break falls mid-sentence when the line before stops with no mark that
  ends a sentence, a lead or a bracket (。；：）…) and the next line opens with no
  indentation, item number or tab. A finding that stops at such a break goes on to its
  sentence's end; one that starts after such a break mid-clause (no comma before it)
  goes back to its sentence's start (a trade secret: then after its company's name, as
  the rules cut it); findings of one label parted by such a break, or by a lead's colon
  at a line's end (对某同志：⏎…), are one.
- **a table row**: the cells that hold the secret, not the row's first cell when it only
  names the row (乡镇, 库点, 工程名称, 品种: 河口镇⇥12名⇥5名 → 12名⇥5名), as the company's
  name is left out of a trade-secret sentence.

:func:`settle` applies these to the findings of one text, in document order.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.detect.clause_spans import named_company, trim_subject
from pipeline.finding import Finding

SENTENCE_END = "。！？!?；;"
# A line that ends with one of these ends its sentence, lead or bracket.
LINE_CLOSE = SENTENCE_END + "：:）)】」”』"
CLAUSE_MARKS = "，,、"
# A line's first characters that open something new, not a wrapped sentence's rest
# (9.8万元 at a line's start is a figure going on, not item 9).
NEW_ITEM = re.compile(
    r"[ \u3000\t]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]|[0-9０-９]+(?:[．、]|\.(?![0-9]))"
)
# A later sentence that goes on about the opinion before it (上述倾向性意见尚未…).
ABOUT_OPINION = re.compile(r"上述[^。；，]{0,8}(?:意见|倾向|建议|观点|看法|分歧|方案)")
# A trade-secret tail that is no content of the company's: disclosure, the published
# result, an instruction.
NOT_CONTENT = re.compile(
    r"公开|保密|商业秘密|请|建议|同意|意见|要求|得分|排名|名次|评分|第[一二三四五六七八九十]名|"
    r"资格|符合|响应|中标|成交|合格|有效"
)
CJK = re.compile(r"[\u4e00-\u9fff]")
WRAPS = 3  # lines a sentence is followed over, each way


def _line(text: str, at: int) -> tuple[int, int]:
    """(start, end) of the line holding position ``at``."""
    end = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, len(text) if end < 0 else end


def mid_sentence(text: str, at: int) -> bool:
    """Whether the line break at ``at`` falls inside a sentence (a PDF's text layer, a
    narrow draft): the line before stops with no mark that ends a sentence, a lead or a
    bracket, and the next line opens with no indentation, item number or tab."""
    if text[at : at + 1] != "\n" or at == 0:
        return False
    before = text[text.rfind("\n", 0, at) + 1 : at]
    after = text[at + 1 : _line(text, at + 1)[1]]
    return bool(
        before.strip(" \u3000")
        and after
        and before[-1] not in LINE_CLOSE + " \u3000"
        and "\t" not in before
        and "\t" not in after
        and not NEW_ITEM.match(after)
    )


def sentence_end(text: str, at: int) -> int | None:
    """Where the sentence going on at ``at`` ends (before its mark), over wrapped lines;
    None when it runs into a colon or a line that is not wrapped (a title, an address)."""
    wraps = 0
    for i in range(at, len(text)):
        ch = text[i]
        if ch in SENTENCE_END:
            return i
        if ch in "：:":
            return None
        if ch == "\n":
            if wraps == WRAPS or not mid_sentence(text, i):
                return None
            wraps += 1
    return None


def sentence_start(text: str, at: int) -> int:
    """Where the sentence going on at ``at`` starts, over wrapped lines (after the mark
    before it or its line's indentation)."""
    wraps, i = 0, at
    while i > 0:
        ch = text[i - 1]
        if ch in SENTENCE_END or (ch == "\n" and (wraps == WRAPS or not mid_sentence(text, i - 1))):
            break
        wraps += ch == "\n"
        i -= 1
    while i < at and text[i] in " \u3000\t\n":
        i += 1
    return i


def _span(finding: Finding, text: str, start: int, end: int) -> Finding:
    return replace(finding, start=start, end=end, text=text[start:end])


def across_wraps(text: str, finding: Finding) -> Finding:
    """A finding that stops where a wrapped line stops goes on to its sentence's end
    (唐副县长插话说，⏎这个口子一开，…要慎重); one that starts where a line starts that
    wraps the clause before it (…采用自行改造⏎的真空浸渍设备…) starts where its
    sentence does (a trade secret after its company, as the rules cut it)."""
    start, end = finding.start, finding.end
    at = end
    while at < len(text) and text[at] in " \u3000":
        at += 1
    if mid_sentence(text, at):
        end = sentence_end(text, at + 1) or end
    at = start
    while at > 0 and text[at - 1] in " \u3000":
        at -= 1
    # (a trade or state secret may start after a comma on purpose: the clause that holds
    # it; an INTERNAL finding is its whole sentence)
    if mid_sentence(text, at - 1) and (
        finding.label == "INTERNAL" or text[at - 2] not in CLAUSE_MARKS
    ):
        start = sentence_start(text, at - 1)
        if finding.label == "TRADE_SECRET":
            start = max(start, min(trim_subject(text, start, end), finding.start))
    if (start, end) == (finding.start, finding.end):
        return finding
    return _span(finding, text, start, end)


def join_wrapped(text: str, findings: list[Finding]) -> list[Finding]:
    """Findings of one label parted only by a line break that falls mid-sentence (the
    first does not end at a sentence mark; a lead's colon, 对王某同志：⏎抓落实…, opens
    what follows), or grown over each other by
    :func:`across_wraps`, are one sentence wrapped across lines."""
    out: list[Finding] = []
    for f in findings:
        last = out[-1] if out else None
        if last is not None and last.label == f.label and f.start < last.end:
            out[-1] = _span(last, text, min(last.start, f.start), max(last.end, f.end))
            continue
        if (
            last is not None
            and last.label == f.label
            and last.end <= f.start
            and text[last.end : f.start].strip(" \u3000") == "\n"
            and text[last.end - 1 : last.end] not in SENTENCE_END
            and "\t" not in text[last.start : f.end]
        ):
            out[-1] = _span(last, text, last.start, f.end)
            continue
        out.append(f)
    return out


def split_restated(text: str, finding: Finding) -> Finding | list[Finding]:
    """An INTERNAL finding joined over a 。 to a 上述 sentence that does not go on about
    the opinion (上述3000万元只是按去年单价匡算的数…) is two sentences, two findings."""
    if finding.label != "INTERNAL":
        return finding
    cut = text.find("。上述", finding.start, finding.end)
    if cut < 0 or ABOUT_OPINION.match(text, cut + 1):
        return finding
    return [_span(finding, text, finding.start, cut), _span(finding, text, cut + 1, finding.end)]


def trade_tail(text: str, finding: Finding) -> Finding:
    """A TRADE_SECRET finding that stops at a comma goes on to its sentence's end when
    the rest is more of the company's own content (…额定效率为97.7%，控制系统采用其自研
    的第三代算法), not another company's clause nor a remark on disclosure or the
    published result."""
    if finding.label != "TRADE_SECRET" or text[finding.end : finding.end + 1] not in ("，", ","):
        return finding
    if "\t" in finding.text:
        return finding
    end = sentence_end(text, finding.end)
    if end is None:
        return finding
    tail = text[finding.end + 1 : end]
    # (a tail naming a company is that company's clause: per_company split it off)
    if len(CJK.findall(tail)) < 4 or NOT_CONTENT.search(tail) or named_company(tail):
        return finding
    return _span(finding, text, finding.start, end)


def row_values(text: str, finding: Finding) -> Finding:
    """A STATE_SECRET or INTERNAL finding over a whole table row of three or more cells
    leaves out the first cell, which names the row (河口镇⇥12名⇥5名 → 12名⇥5名)."""
    if finding.label not in ("STATE_SECRET", "INTERNAL"):
        return finding
    line_start = text.rfind("\n", 0, finding.start) + 1
    line_end = text.find("\n", finding.end)
    line_end = len(text) if line_end < 0 else line_end
    row = text[line_start:line_end]
    if row.count("\t") < 2 or text[line_start : finding.start].strip(" \u3000"):
        return finding
    first = text.find("\t", finding.start, finding.end)
    if first < 0 or finding.end - (first + 1) < 2:
        return finding
    return _span(finding, text, first + 1, finding.end)


def settle(text: str, findings: list[Finding]) -> list[Finding]:
    """The clause findings of ``text`` with their extent settled by the convention above
    (findings in document order; other labels pass through)."""
    settled = [across_wraps(text, trade_tail(text, f)) for f in findings]
    out: list[Finding] = []
    for f in join_wrapped(text, settled):
        f = row_values(text, f)
        parts = split_restated(text, f)
        out.extend(parts if isinstance(parts, list) else [parts])
    return out
