"""Clause-level findings: TRADE_SECRET, INTERNAL, STATE_SECRET.

These are not patterns but meanings, so the unit is the sentence (split at 。；！？ and
line ends): a sentence is flagged when it holds a term of the label's lexicon *and* what
makes the term matter here — a named company for a trade secret, a quantity or place for
reserve stocks. The span drops a leading label ("第二中标候选人：") and the company's
name, so the redaction removes the figures, not who is being talked about. Sentences
that only tell readers to keep information confidential are instructions, not content.

Beside the rules, the clause classifier (:mod:`pipeline.detect.clause_model`) reads every
sentence: it confirms rule findings, and flags on its own what the lexicons miss when it
is confident.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import replace

from pipeline.detect.clause_model import (
    ClauseVerdict,
    classify,
)
from pipeline.detect.internal_rules import continues_opinion, internal_cue
from pipeline.detect.state_secret import secret_detail
from pipeline.finding import Explanation, Finding
from pipeline.labels import clause_kind
from pipeline.lexicons import matcher
from pipeline.thresholds import threshold

CJK = re.compile(r"[\u4e00-\u9fff]")
SENTENCE = re.compile(r"[^。；;！？!?\n]+")
COMPANY = re.compile(
    r"[\u4e00-\u9fff（）()]{2,30}?(?:股份有限公司|有限责任公司|有限公司|集团|公司|厂|合作社)"
)
# Categories, not named companies: "证券公司实现营业收入4967亿元" is an industry statistic.
GENERIC_COMPANY = re.compile(
    r"^(?:证券|期货|保险|基金|信托|银行|支付|财务|上市|国有|民营|外资|各|全部|相关|有关|该|本|其他)+公司$"
)
AGGREGATE = re.compile(r"同比|环比|全国|全省|全市|全区|全行业|行业|平均|合计|总计|规模以上")
NOT_CONTENT = re.compile(r"不得(?:通过|在|向|擅自)|严禁|禁止|注意保密|保密纪律")
# Facts that must be published: results, penalties, and the public money a project gets.
WINNING = re.compile(
    r"中标(?:价|金额|费率|单价|总价|下浮率)|成交(?:价|金额|总价|单价)|合同(?:金额|总价|价款)|货值|"
    r"违法所得|罚款|(?:支持|补助|奖励|扶持|补贴)资金"
)
# What the office requires of a company (排放, 焚烧温度不低于850℃) and what a penalty
# decision finds (当事人购进…) are published: conditions and facts, not the company's secret.
IMPOSED = re.compile(
    r"应当|应按|须|必须|不得|严格|确保|要求|限值|标准|达标|排放|污染|废气|废水|废渣|固废|危废|噪声|"
    r"除尘|脱硫|脱硝|焚烧|防渗|监测|当事人|违法|涉案|查获|扣押"
)
UNSETTLED = re.compile(
    r"待[^，。；,]{0,12}(?:确认|核实|审定|会商|研究确定)|尚未(?:最终)?确定|暂定数"
)
EVALUATION = re.compile(r"该同志|该员|考核等次|测评|考察中|考察组|群众反映")
EVALUATION_WEAK = re.compile(
    r"旷工|延误|投诉|谈话|处分|不称职|基本称职|能力(?:较强|一般|不足)|表现|不足|缺点|欠缺|"
    r"急躁|有待|优秀率|得票"
)
# Departments' own opinions on a matter still being decided (第十六条 过程性信息): 预算处意见：
# 建议下调…; 区科技创新局认为…，不同意认定; a draft's 修改说明 that says what is unsettled.
OPINION = re.compile(r"(?:[处科局委办室]|工作组|小组)(?:意见[：:]|认为|倾向于)")
DRAFT_NOTE = re.compile(r"修改说明|起草说明|本稿")
STANCE = re.compile(
    r"不同意|同意认定|建议(?:下调|上调|暂缓|调整|删除|修改)|倾向|暂缓|维持|分歧|尚未|待[^，。；]{0,10}研究"
)
STATUS_MARK = re.compile(
    r"[（(](?:讨论稿|内部讨论稿|送审稿|初稿|草稿|修改稿)[）)](?=[ \u3000]*$)", re.M
)

# The lexicon of terms that makes a sentence a candidate, per label.
TERM_LEXICONS = {
    "TRADE_SECRET": "trade_secret_terms",
    "INTERNAL": "internal_terms",
    "STATE_SECRET": "state_secret_terms",
}


def _with_model(finding: Finding, verdict: ClauseVerdict) -> Finding:
    """A rule finding the classifier agrees with is surer; the reason says so."""
    if verdict.label != finding.label or verdict.probability < threshold("clause.agree"):
        return finding
    sentence = f"{finding.explanation}；分类模型判断相同（概率{verdict.probability:.2f}）"
    score = max(finding.score, 0.9)
    detail = finding.explanation_detail
    return replace(
        finding,
        score=score,
        explanation=sentence,
        detail=replace(
            detail,
            source=f"{detail.source}+model:clauses",
            score=score,
            context_words=(*detail.context_words, *verdict.cues),
            sentence=sentence,
        ),
    )


def _words(text: str, start: int, end: int) -> int:
    return len(CJK.findall(text, start, end))


HEADING = re.compile(r"[一二三四五六七八九十]+、[^，,。；]{0,30}$")
OPENING, CLOSING = "（(【[", "）)】]"


def _spans(text: str) -> Iterator[tuple[int, int]]:
    """Sentences split at 。；！？ and line ends, but not at a semicolon inside brackets:
    a draft's 【预算处意见：…；资产处意见：…】 is one remark."""
    start, depth = 0, 0
    for i, ch in enumerate(text):
        if ch in OPENING:
            depth += 1
        elif ch in CLOSING:
            depth = max(0, depth - 1)
        elif ch in "\n。！？!?" or (ch in "；;" and depth == 0):
            yield start, i
            start, depth = i + 1, 0
    yield start, len(text)


def sentences(text: str) -> Iterator[tuple[int, int]]:
    for start, end in _spans(text):
        while start < end and text[start] in " \u3000\t":
            start += 1
        if end - start >= 6:
            yield start, end


BRACKETED = re.compile(r"【[^【】\n]{6,}】|（[^（）\n]{8,}）")


def _annotation(text: str, finding: Finding) -> Finding:
    """An internal remark bracketed into a provision (…30%【预算处意见：…】，且不得…) is
    the remark, not the provision: when the only internal wording is inside a bracket
    that the provision goes on after (or a 【】 editor's note), the span is the bracket."""
    if finding.label != "INTERNAL":
        return finding
    for m in BRACKETED.finditer(text, finding.start, finding.end):
        inner = m.group(0)
        outside = text[finding.start : m.start()] + text[m.end() : finding.end]
        goes_on = bool(CJK.search(text, m.end(), finding.end))
        if (
            (inner.startswith("【") or goes_on)
            and _is_internal(inner)
            and not _is_internal(outside)
        ):
            return replace(finding, start=m.start(), end=m.end(), text=inner)
    return finding


def _is_internal(part: str) -> bool:
    return bool(
        any(True for _ in matcher("internal_terms").find(part))
        or UNSETTLED.search(part)
        or internal_cue(part)
        or (OPINION.search(part) and STANCE.search(part))
        or re.search(r"尚未|达成一致|待[^，。；]{0,10}(?:确认|研究|确定)", part)
    )


SAYS = re.compile(r"^[^。；]{0,36}?(?:载明|记载|写明|注明|显示)[：:，,]?")
# A company the letter speaks to or of without naming it in the sentence.
COMPANY_REFERENCE = re.compile(r"[贵你该本][公司单位企业]{2}|申请人公司|你厂|该厂")


def _join_across_semicolons(text: str, findings: list[Finding]) -> list[Finding]:
    """INTERNAL (or STATE_SECRET) findings of consecutive sentences parted only by a
    semicolon are one opinion (…同意认定；…不同意认定) or one depot's particulars: one
    span, as a reviewer withholds it."""
    out: list[Finding] = []
    for f in findings:
        last = out[-1] if out else None
        if (
            last is not None
            and last.label == f.label
            and f.label in ("INTERNAL", "STATE_SECRET")
            and (
                text[last.end : f.start].strip(" \u3000") in ("；", ";")
                # …倾向于：…。上述倾向性意见尚未经党组会议研究: the note is the opinion's.
                or (text[last.end : f.start] == "。" and text.startswith("上述", f.start))
            )
        ):
            out[-1] = replace(last, end=f.end, text=text[last.start : f.end])
            continue
        out.append(f)
    return out


FIGURE = re.compile(r"[0-9０-９一二三四五六七八九十百千万]")


def _figure_after(sentence: str, terms: tuple[str, ...]) -> bool:
    """Whether a figure follows one of ``terms`` within 20 characters."""
    for term in terms:
        at = sentence.find(term)
        while at >= 0:
            if FIGURE.search(sentence, at + len(term), at + len(term) + 20):
                return True
            at = sentence.find(term, at + 1)
    return False


def _after_internal(text: str, findings: list[Finding], start: int) -> bool:
    """Whether the sentence at ``start`` follows an INTERNAL finding across a semicolon."""
    last = findings[-1] if findings else None
    return (
        last is not None
        and last.label == "INTERNAL"
        and text[last.end : start].strip(" \u3000") in ("；", ";")
    )


def _trim_subject(text: str, start: int, end: int) -> int:
    """Start after "标签：" and a leading company name ("…有限公司，" or "…有限公司")."""
    sentence = text[start:end]
    colon = re.match(r"[^：:，,]{1,12}[：:]", sentence)
    pos = colon.end() if colon else 0
    lead = re.match(r"(?:其中[，,])?", sentence[pos:])
    pos += lead.end() if lead else 0
    company = COMPANY.match(sentence, pos)
    if company:
        pos = company.end()
        if sentence[pos : pos + 1] in "，,的":
            pos += 1
    # 《工艺流程说明》载明…: what the document says is the secret, not its title.
    said = SAYS.search(sentence, pos, pos + 40)
    if said and end - (start + said.end()) >= 12:
        pos = said.end()
    return start + pos if end - (start + pos) >= 6 else start


def _named_company(text: str) -> str | None:
    """A company named by its own name (宜昌长江精密机械有限公司), not a category."""
    for m in COMPANY.finditer(text):
        name = re.sub(r"^.*?[，,、：:（(]", "", m.group(0))
        if len(name) >= 6 and not GENERIC_COMPANY.match(name):
            return name
    return None


PIECE_EDGE = " \u3000，,、；;：:的和及与另其中"


def _per_company(text: str, finding: Finding) -> list[Finding]:
    """A trade-secret sentence that lists several companies' figures (…A公司报价…元，
    B公司报价…元) is one secret per company: split it after each company's name, so
    each redaction is that company's clause and the names between stay readable."""
    if finding.label != "TRADE_SECRET":
        return [finding]
    cuts = []
    for m in COMPANY.finditer(text, finding.start, finding.end):
        name = _named_company(m.group(0))
        at = m.end() - len(name) if name else 0
        # A company after 供应/客户/与 is a customer or supplier inside the clause.
        if name and (at == finding.start or text[at - 1] in "，,；;：:"):
            cuts.append((at, m.end()))
    if not cuts:
        return [finding]
    edges = [(finding.start, finding.start), *cuts, (finding.end, finding.end)]
    pieces = []
    for (_s, after), (before, _e) in zip(edges, edges[1:], strict=False):
        start, end = after, before
        while start < end and text[start] in PIECE_EDGE:
            start += 1
        while end > start and text[end - 1] in PIECE_EDGE:
            end -= 1
        piece = text[start:end]
        terms = tuple(t for _a, _b, t in matcher("trade_secret_terms").find(piece))
        if end - start >= 6 and terms and _figure_after(piece, terms):
            pieces.append((start, end))
    if len(pieces) < 2:
        return [finding]
    return [replace(finding, start=a, end=b, text=text[a:b]) for a, b in pieces]


class ClauseRecognizer:
    name = "clause_lexicon"
    label = "CLAUSE"

    def analyze(self, text: str) -> list[Finding]:
        spans = list(sentences(text))
        starts = [start for start, _end in spans]
        # Lexicon terms by label and by the sentence they fall in.
        terms: dict[str, dict[int, list[str]]] = {}
        for label, lexicon in TERM_LEXICONS.items():
            by_sentence: dict[int, list[str]] = {}
            for s, _e, term in matcher(lexicon).find(text):
                index = bisect.bisect_right(starts, s) - 1
                if index >= 0 and s < spans[index][1]:
                    by_sentence.setdefault(index, []).append(term)
            terms[label] = by_sentence
        findings: list[Finding] = []
        # The classifier reads only sentences with enough words to judge (a table row or a
        # contact line has none of the meaning it looks for).
        wordy = [i for i, (start, end) in enumerate(spans) if _words(text, start, end) >= 10]
        verdicts = dict(
            zip(wordy, classify([text[spans[i][0] : spans[i][1]] for i in wordy]), strict=False)
        )
        for index, (start, end) in enumerate(spans):
            sentence = text[start:end]
            if index not in terms["INTERNAL"]:
                m = UNSETTLED.search(sentence) if re.search(r"[0-9０-９]", sentence) else None
                if m is None and EVALUATION.search(sentence):
                    m = EVALUATION_WEAK.search(sentence)
                if m is None and (OPINION.search(sentence) or DRAFT_NOTE.search(sentence)):
                    m = STANCE.search(sentence)
                cue = m.group(0) if m is not None else internal_cue(sentence)
                if cue is None and _after_internal(text, findings, start):
                    cue = "继续发表意见" if continues_opinion(sentence) else None
                if cue is not None:
                    terms["INTERNAL"][index] = [cue]
            verdict = verdicts.get(index)
            finding = None
            for label, by_sentence in terms.items():
                inside = by_sentence.get(index)
                if inside:
                    finding = self._judge(label, text, start, end, sentence, inside)
                    if finding:
                        break
            if finding is not None and verdict is not None:
                finding = _with_model(finding, verdict)
            elif finding is None and verdict is not None:
                finding = self._model_alone(text, start, end, sentence, verdict)
            if finding is not None:
                findings.append(finding)
        findings = [_annotation(text, f) for f in _join_across_semicolons(text, findings)]
        findings = [part for f in findings for part in _per_company(text, f)]
        for m in STATUS_MARK.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            if re.match(r"[ \u3000]*附\s*件\s*[：:0-9]", text[line_start : m.start()]):
                continue  # the 附件说明 names the attachment; its own heading carries the mark
            findings.append(
                Finding(
                    "INTERNAL",
                    m.start(),
                    m.end(),
                    m.group(0),
                    0.8,
                    self.name,
                    f"标题中的文稿状态“{m.group(0)}”，属内部讨论稿（第十六条）",
                    None,
                    Explanation(
                        self.name,
                        "rule:status_mark",
                        0.8,
                        0.8,
                        context_words=(m.group(0),),
                        sentence=f"标题中的文稿状态“{m.group(0)}”，属内部讨论稿（第十六条）",
                    ),
                )
            )
        return findings

    def _model_alone(
        self, text: str, start: int, end: int, sentence: str, verdict: ClauseVerdict
    ) -> Finding | None:
        """A sentence no lexicon rule caught, flagged by a confident classifier."""
        if verdict.label == "NONE" or verdict.probability < threshold("clause.alone"):
            return None
        # Numbers alone are not a secret: the words around them must carry the meaning.
        if len(verdict.cues) < 2:
            return None
        if NOT_CONTENT.search(sentence) or HEADING.match(sentence):
            return None
        if verdict.label == "TRADE_SECRET" and (
            AGGREGATE.search(sentence) or WINNING.search(sentence) or IMPOSED.search(sentence)
        ):
            return None
        span_start = _trim_subject(text, start, end) if verdict.label == "TRADE_SECRET" else start
        cues = "、".join(verdict.cues)
        why = (
            f"分类模型判断该句属{clause_kind(verdict.label)}（概率{verdict.probability:.2f}，"
            f"依据：{cues}），请核对"
        )
        score = round(0.5 + 0.3 * verdict.probability, 2)
        detail = Explanation("clause_model", "model:clauses", score, score, None, verdict.cues, why)
        return Finding(
            verdict.label,
            span_start,
            end,
            text[span_start:end],
            score,
            "clause_model",
            why,
            None,
            detail,
        )

    def _judge(
        self, label: str, text: str, start: int, end: int, sentence: str, terms: list[str]
    ) -> Finding | None:
        if NOT_CONTENT.search(sentence):
            return None
        if label == "INTERNAL" and HEADING.match(sentence):
            return None  # "二、存在不同意见、提请会议研究的人选（3人）" names a section
        found = tuple(dict.fromkeys(terms))
        terms_text = "、".join(found)
        source = f"lexicon:{TERM_LEXICONS[label]}"
        if label == "TRADE_SECRET":
            before = text[max(0, start - 40) : start]
            about_company = (
                _named_company(sentence)
                or _named_company(before)
                or (COMPANY_REFERENCE.search(before + sentence) and _named_company(text))
            )
            # A 批复 to one company talks about "the project" without naming it again.
            if not about_company and len(set(terms)) >= 2:
                about_company = _named_company(text)
            if (
                WINNING.search(sentence)
                or AGGREGATE.search(sentence)
                or IMPOSED.search(sentence)
                or not about_company
            ):
                return None
            # A figure right after a term (报价3,560,000元, 温度2,850℃) is the secret;
            # "金融科技的温度" is a word. Without one, two different terms must agree.
            if not _figure_after(sentence, found) and len(found) < 2:
                return None
            span_start = _trim_subject(text, start, end)
            why = f"涉及企业的非公开经营信息（{terms_text}），属商业秘密，公开时应删除（第十五条）"
            detail = Explanation(self.name, source, 0.75, 0.75, None, found, why)
            return Finding(
                label, span_start, end, text[span_start:end], 0.75, self.name, why, None, detail
            )
        if label == "STATE_SECRET":
            what = secret_detail(sentence, terms)
            if what is None:
                return None
            why = f"未标密级但涉及国家秘密事项（{terms_text}及{what}），应报保密工作部门确定（第十四条）"
            detail = Explanation(self.name, source, 0.7, 0.7, None, found, why)
            return Finding(label, start, end, sentence, 0.7, self.name, why, None, detail)
        why = f"过程性或内部管理信息（{terms_text}），可不予公开（第十六条）"
        detail = Explanation(self.name, source, 0.7, 0.7, None, found, why)
        return Finding(label, start, end, sentence, 0.7, self.name, why, None, detail)
