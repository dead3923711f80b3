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
from dataclasses import replace

from pipeline.detect.clause_context import (
    DocumentContext,
    about_company,
    addressed_company,
    document_context,
    formula_or_title,
    internal_in_context,
    internal_prior,
    published_bid,
    state_in_context,
)
from pipeline.detect.clause_model import ClauseVerdict, classify
from pipeline.detect.clause_spans import (
    annotation,
    figure_after,
    heading,
    join_across_semicolons,
    named_company,
    opinion_before,
    per_company,
    sentences,
    trade_cells,
    trim_subject,
)
from pipeline.detect.internal_rules import (
    GENERAL,
    continues_opinion,
    instruction,
    internal_cue,
    restricted,
)
from pipeline.detect.pending_matter import pending_matter
from pipeline.detect.published_facts import PUBLISHED_FACTS
from pipeline.detect.secret_affairs import label_order
from pipeline.detect.secret_orders import order_content
from pipeline.detect.sector_figures import sector_sentence
from pipeline.detect.state_secret import (
    public_compound,
    public_notice,
    published_plan,
    secret_clauses,
    secret_detail,
    state_cue,
    stock_and_place,
)
from pipeline.finding import Explanation, Finding
from pipeline.labels import clause_kind
from pipeline.lexicons import matcher
from pipeline.thresholds import threshold

CJK = re.compile(r"[\u4e00-\u9fff]")
DIGIT = re.compile(r"[0-9０-９]")
# Facts that must be published: results, penalties, and the public money a project gets.
WINNING = re.compile(
    r"中标(?:价|金额|费率|单价|总价|下浮率)|成交(?:价|金额|总价|单价)|合同(?:金额|总价|价款)|"
    r"违法所得|罚款|(?<!交)货值|(?:支持|补助|奖励|扶持|补贴)资金|"
    # the first candidate's price is the result; a rejected bid's reason is the review's
    r"第一(?:中标|成交)候选人|排名第一|否决投标|无效投标|废标"
)
# A sentence that names kinds of information to say how a request is handled (你申请公开
# 的…投标报价、成本构成等信息，涉及商业秘密) discloses no value: without a figure it is
# about the secret, not the secret.
ABOUT_DISCLOSURE = re.compile(
    r"商业秘密|申请公开|不予公开|不同意公开|区分处理|遮盖|等信息|等内容|核心技术|书面(?:答复|回复)"
)
# Terms that are words of every project description (工艺, 成本, 温度, 报价): alone they
# are a secret only outside what a 批复, a 资金公示 or a price review publishes about a
# project — its construction, capacity, investment and benefits, a regulated cost.
WEAK_TERMS = frozenset({"工艺", "成本", "温度", "费率", "报价", "技术方案", "毛利", "亏损"})
PROJECT_FACTS = re.compile(
    r"总投资|设计产能|设计规模|建成后|新增产值|(?:项目|工程)(?:主要)?建设|建设内容|成本监审|定价成本|"
    r"代理(?:服务)?费|国家规定|收费标准|参与报价|非物质文化遗产|老字号|"
    r"由[^，。；]{2,30}?(?:建设|实施|承建)[，,]"
)
# What the office requires of a company (排放, 焚烧温度不低于850℃) and what a penalty
# decision finds (当事人购进…) are published: conditions and facts, not the company's secret.
IMPOSED = re.compile(
    r"应当|必须|不得|严格(?:执行|落实)|确保|排放|污染|废气|废水|废渣|固废|危废|噪声|除尘|脱硫|脱硝|"
    r"防渗|焚烧|炉膛|当事人|违法|涉案|查获|扣押|赃款|赃物|被告人|犯罪|盗窃|诈骗"
)
# Someone inside the administration taking a position (区财政局提出…, 有同志担心…): with
# it the model's reading of a sentence as internal affairs needs less confidence.
SPOKEN_POSITION = re.compile(
    # (处 of 处理, 办 of 办理 name no office: "对处理结果表示满意" is a complainant's word)
    r"(?:[局委科室股队组]|处(?![理置罚])|办(?!理)|同志|委员|领导|专家|成员|单位|部门|对方)[^，。；]{0,4}?"
    r"(?:提出|主张|坚持|认为|表示|反对|不同意|倾向|质疑|担心|顾虑|异议|建议)"
)
# A decision announced (决定对…予以表扬, 现予公布): what the discussion produced, published.
DECIDED = re.compile(
    r"决定(?:对|给予|予以|授予|任命|免去|成立)|会议议定|现予|特此|予以(?:表扬|表彰|通报表扬|嘉奖)|"
    # a 批复's answer (经研究，同意你单位提出的延期申请)
    r"同意(?:你|贵)(?:单位|公司|局|委|们|厂|校|院|部门)"
)
# A published rule's procedure in general (…的，应当…; 调查终结后，…报负责人决定): the steps
# every case takes, not one case's opinions.
PROCEDURE_RULE = re.compile(
    r"的[，,](?:应当|可以|由)|(?:终结|提出[^，。；]{0,8}意见)后[，,]?(?:应当)?(?:报|由|经)"
    r"[^，。；]{0,16}(?:审批|批准|决定|审定|备案)|应当提出[^，。；]{0,8}(?:意见|建议)"
)
# What a rule says of a kind of matter (对存在不同意见的事项，应当…由…决定).
GENERAL_DUTY = re.compile(r"应当|可以|由[^，。；]{1,12}(?:决定|裁决|研究)")
# A person's address line (住址：…村3组12号楼, （住…）): personal data, never a depot.
ADDRESS_LINE = re.compile(
    r"(?:住址|住所|地址|户籍地|户籍所在地|居住地|现住|家住)[：:]|[（(](?:现)?住[\u4e00-\u9fff]"
)
STATUS_MARK = re.compile(
    r"[（(](?:讨论稿|内部讨论稿|送审稿|初稿|草稿|修改稿|代拟稿)[）)](?=[ \u3000]*$)", re.M
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


def _secret_over_note(finding: Finding, sentence: str, verdict: ClauseVerdict) -> Finding:
    """Figures the classifier is sure are a state secret (统计 before release, stock, tasks)
    keep that label when the only internal evidence is a note on who may read them or that
    they are not yet released (…仅供市领导参阅, 该数据尚未正式发布, 名单暂不公布): 第十四条 is
    the stronger ground. Below ``clause.alone`` a rule must name the figure too."""
    if (
        finding.label != "INTERNAL"
        or verdict.label != "STATE_SECRET"
        or (verdict.probability < threshold("clause.alone") and state_cue(sentence) is None)
        or not (restricted(sentence) or pending_matter(sentence))
        or not DIGIT.search(sentence)
    ):
        return finding
    why = (
        f"分类模型判断该句属{clause_kind('STATE_SECRET')}（概率{verdict.probability:.2f}，"
        f"依据：{'、'.join(verdict.cues)}），句中限定阅读范围的说明表明尚未公开，请核对"
    )
    detail = replace(finding.explanation_detail, sentence=why)
    return replace(finding, label="STATE_SECRET", explanation=why, detail=detail)


def _has_state_term(part: str) -> bool:
    return any(True for _ in matcher("state_secret_terms").find(part))


def _words(text: str, start: int, end: int) -> int:
    return len(CJK.findall(text, start, end))


def _only_a_name(sentence: str) -> bool:
    """A line that is a company's name and a colon (the 主送 line) says nothing."""
    name = named_company(sentence)
    return name is not None and _words(sentence.replace(name, ""), 0, len(sentence)) < 4


def _after_internal(text: str, findings: list[Finding], start: int) -> bool:
    """Whether the sentence at ``start`` follows an INTERNAL finding across a semicolon."""
    last = findings[-1] if findings else None
    return (
        last is not None
        and last.label == "INTERNAL"
        and text[last.end : start].strip(" \u3000") in ("；", ";")
    )


class ClauseRecognizer:
    name = "clause_lexicon"
    label = "CLAUSE"

    def analyze(self, text: str) -> list[Finding]:
        spans = list(sentences(text))
        starts = [start for start, _end in spans]
        context = document_context(text)
        # Lexicon terms by label and by the sentence they fall in.
        terms: dict[str, dict[int, list[str]]] = {}
        for label, lexicon in TERM_LEXICONS.items():
            by_sentence: dict[int, list[str]] = {}
            for s, e, term in matcher(lexicon).find(text):
                if label == "STATE_SECRET" and public_compound(text, s, e):
                    continue
                index = bisect.bisect_right(starts, s) - 1
                if index >= 0 and s < spans[index][1]:
                    by_sentence.setdefault(index, []).append(term)
            terms[label] = by_sentence
        findings: list[Finding] = []
        # The classifier reads only sentences with enough words to judge (a table row or a
        # contact line has none of the meaning it looks for).
        wordy = [i for i, (start, end) in enumerate(spans) if _words(text, start, end) >= 10]
        verdicts = dict(
            zip(
                wordy,
                # a sentence wrapped across lines is read as one line
                classify([text[spans[i][0] : spans[i][1]].replace("\n", "") for i in wordy]),
                strict=False,
            )
        )
        for index, (start, end) in enumerate(spans):
            sentence = text[start:end]
            if index not in terms["INTERNAL"]:
                cue = internal_cue(sentence) or internal_in_context(sentence, context)
                if cue is None and _after_internal(text, findings, start):
                    cue = "继续发表意见" if continues_opinion(sentence) else None
                if cue is not None:
                    terms["INTERNAL"][index] = [cue]
            state = state_cue(sentence) or state_in_context(sentence, context)
            if state is not None:  # (beside any term: the cue names what the term lacks)
                terms["STATE_SECRET"].setdefault(index, []).append(state)
            verdict = verdicts.get(index)
            finding = None
            for label in label_order(state):  # (a 第十四条 detail of secret_affairs first)
                if inside := terms[label].get(index):
                    finding = self._judge(label, text, start, end, sentence, inside, context)
                    if finding:
                        break
            if finding is not None and verdict is not None:
                finding = _with_model(_secret_over_note(finding, sentence, verdict), verdict)
            elif finding is None and verdict is not None:
                finding = self._model_alone(text, start, end, sentence, verdict, context)
            finding = context.paper_finding(finding, text, start, end)
            if finding is not None:
                findings.append(finding)
        findings = [
            annotation(text, opinion_before(text, f))
            for f in join_across_semicolons(text, findings)
        ]
        findings = [trade_cells(text, part) for f in findings for part in per_company(text, f)]
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
        self,
        text: str,
        start: int,
        end: int,
        sentence: str,
        verdict: ClauseVerdict,
        context: DocumentContext,
    ) -> Finding | None:
        """A sentence no lexicon rule caught, flagged by a confident classifier. A trade
        secret is a company's: the model alone flags one only about a named company, and
        with a figure in the sentence a lower probability (``clause.trade_company``) is
        enough, since the company and the figure are the rule's own evidence."""
        if verdict.label == "NONE":
            return None
        cut = threshold("clause.alone")
        if verdict.label == "TRADE_SECRET":
            named = about_company(text, start, sentence)
            # In a letter to a company its body speaks of it, but a 批复 also restates the
            # published project: without the company in view the model must be sure.
            if not (named or context.title_company) and addressed_company(text) is None:
                return None
            if named and DIGIT.search(sentence):
                cut = threshold("clause.trade_company")
        elif verdict.label == "INTERNAL" and (
            DECIDED.search(sentence) or PROCEDURE_RULE.search(sentence) or context.provisions
        ):
            return None  # 决定对该同志予以表扬: the outcome; 第五十条…: a provision, published
        elif verdict.label == "INTERNAL" and SPOKEN_POSITION.search(sentence):
            cut = threshold("clause.internal_position")
        elif verdict.label == "STATE_SECRET" and stock_and_place(sentence):
            cut = threshold("clause.state_detail")
        if verdict.label == "INTERNAL" and internal_prior(sentence, context):
            cut = min(cut, threshold("clause.internal_context"))
        if verdict.probability < cut:
            return None
        # Numbers alone are not a secret: the words around them must carry the meaning.
        if len(verdict.cues) < 2:
            return None
        if instruction(sentence) or heading(sentence) or _only_a_name(sentence):
            return None
        if (
            formula_or_title(sentence)
            or context.in_head(start, sentence)
            or (verdict.label == "TRADE_SECRET" and published_bid(sentence, context))
        ):
            return None  # 妥否，请批示; a title line; a price a result 公告 lists
        if verdict.label == "STATE_SECRET" and (
            public_notice(sentence)
            or ADDRESS_LINE.search(sentence)
            or (published_plan(text) and not stock_and_place(sentence))
        ):
            return None
        if verdict.label == "TRADE_SECRET" and (
            sector_sentence(sentence, text[:start])
            or WINNING.search(sentence)
            or IMPOSED.search(sentence)
            or PROJECT_FACTS.search(sentence)
            or PUBLISHED_FACTS.search(sentence)
            or (not DIGIT.search(sentence) and ABOUT_DISCLOSURE.search(sentence))
        ):
            return None
        span_start = trim_subject(text, start, end) if verdict.label == "TRADE_SECRET" else start
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
        self,
        label: str,
        text: str,
        start: int,
        end: int,
        sentence: str,
        terms: list[str],
        context: DocumentContext,
    ) -> Finding | None:
        # "不得向外泄露" in a draft's own note restricting its readers is the note (INTERNAL).
        if instruction(sentence) and not order_content(label, sentence):
            return None
        if heading(sentence) and not context.secret_heading(label, sentence):
            return None  # "三、应急调运路线", "二、存在不同意见的人选", "关于…的回复" name a section or the paper
        found = tuple(dict.fromkeys(terms))
        terms_text = "、".join(found)
        source = f"lexicon:{TERM_LEXICONS[label]}"
        if label == "TRADE_SECRET":
            of_company = about_company(text, start, sentence)
            # A 批复 to one company talks about "the project" without naming it again; so
            # does every sentence of a letter addressed to a company, when a term that is
            # not a word of every project description (工艺, 温度) says what it discloses.
            if not of_company and len(set(terms)) >= 2:
                of_company = named_company(text) is not None
            if not of_company and not set(terms) <= WEAK_TERMS:
                # a 主送 line or the title names the one company the paper is about
                of_company = addressed_company(text) is not None or bool(context.title_company)
            if (
                WINNING.search(sentence)
                or published_bid(sentence, context)
                or sector_sentence(sentence, text[:start])
                or IMPOSED.search(sentence)
                or not of_company
                or PUBLISHED_FACTS.search(sentence)
                or (not DIGIT.search(sentence) and ABOUT_DISCLOSURE.search(sentence))
                or (set(found) <= WEAK_TERMS and PROJECT_FACTS.search(sentence))
            ):
                return None
            # A figure right after a term (报价3,560,000元, 温度2,850℃) is the secret;
            # "金融科技的温度" is a word. Without one, two different terms must agree.
            if not figure_after(sentence, found) and len(found) < 2:
                return None
            span_start = trim_subject(text, start, end)
            why = f"涉及企业的非公开经营信息（{terms_text}），属商业秘密，公开时应删除（第十五条）"
            detail = Explanation(self.name, source, 0.75, 0.75, None, found, why)
            return Finding(
                label, span_start, end, text[span_start:end], 0.75, self.name, why, None, detail
            )
        if label == "STATE_SECRET":
            what = secret_detail(sentence, terms, published_plan(text))
            if what is None:
                return None
            why = f"未标密级但涉及国家秘密事项（{terms_text}及{what}），应报保密工作部门确定（第十四条）"
            detail = Explanation(self.name, source, 0.7, 0.7, None, found, why)
            a, b = secret_clauses(sentence, _has_state_term)
            a, b = start + a, start + b
            return Finding(label, a, b, text[a:b], 0.7, self.name, why, None, detail)
        if GENERAL.search(sentence) and GENERAL_DUTY.search(sentence):
            return None  # 对存在不同意见的事项，应当…: a rule for disagreements, none recorded
        why = f"过程性或内部管理信息（{terms_text}），可不予公开（第十六条）"
        detail = Explanation(self.name, source, 0.7, 0.7, None, found, why)
        return Finding(label, start, end, sentence, 0.7, self.name, why, None, detail)
