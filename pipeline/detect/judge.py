"""The judge: a trained classifier keeps or drops each PERSON / ADDRESS proposal.

Proposals come from every source (:mod:`pipeline.detect.proposals`); the judge
(``models/judge/model.joblib``, trained by ``triage train judge``, card beside it) gives
each the probability that it is personal data that must be redacted. A proposal at or
above its label's ``judge.<LABEL>`` threshold (``lexicons/thresholds.txt``) becomes a
private finding; overlaps go to the more probable. A dropped name the rules read as an
official's (局长王东) is still reported, with role "official" (第二十条: published), so the
reviewer sees what stays. Every other mention of a kept name is kept too. A name the
layout proposed (a list's member, a numbered item, a column of names:
:mod:`pipeline.detect.person_layout`) is kept at ``judge.PERSON.layout``, the model's
features leaving those sources out, so a name the judge kept before is still kept.

Each finding's explanation names the sources that proposed it and the features that
weighed most for keeping it. Without a trained judge the rules alone decide, as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from pipeline.config import MODELS_DIR
from pipeline.detect.address import AddressRecognizer
from pipeline.detect.chinese_name import NAME_DOTS, inside_word
from pipeline.detect.estate_door import home_keep_cut
from pipeline.detect.honorific_callers import WHY as CALLER_WHY
from pipeline.detect.honorific_callers import honorific_caller
from pipeline.detect.judge_address import above_door, rank, seat_of
from pipeline.detect.judge_features import address_features, names_ruled_private, person_features
from pipeline.detect.judge_pieces import whole_before_pieces
from pipeline.detect.judge_slots import SLOT_MODEL, with_slots
from pipeline.detect.judge_structure import counted_households, honour_decision, roster_document
from pipeline.detect.name_lookalikes import in_register, not_a_name
from pipeline.detect.name_offices import official_near, posted_after
from pipeline.detect.person_name import (
    PersonRecognizer,
)
from pipeline.detect.proposals import (
    LAYOUT_SOURCES,
    Proposal,
    address_proposals,
    person_proposals,
    speaks_of_private_persons,
)
from pipeline.detect.secret_rows import SECRET_TABLE_SOURCES
from pipeline.finding import Explanation, Finding
from pipeline.thresholds import thresholds

MODEL_DIR = MODELS_DIR / "judge"
# What a repeated name may look like: Chinese characters, a padding space, a middle dot.
NAME_TEXT = re.compile(rf"[\u4e00-\u9fff][\u4e00-\u9fff\u3000{NAME_DOTS}]{{1,10}}")
DEFAULT_THRESHOLD = 0.5
SOURCE_NAMES = {
    "model:ner": "本项目的人名地址识别模型",
    "model:lac": "百度词法分析模型",
    "lexicon:private_person_roles": "私人身份词",
    "lexicon:official_person_roles": "职务词",
    "lexicon:address_cues": "住址提示词",
    "rule:addressee_line": "主送对象行",
    "rule:table_column": "表格栏目",
    "rule:list_item": "名单条目",
    "rule:list_item_any": "编号条目",
    "rule:padded_name": "补空格的姓名",
    "rule:dotted_name": "带间隔号（或以空格分隔）的姓名",
    "rule:transliterated_name": "称谓前后的外国译名",
    "rule:name_list": "顿号并列的姓名",
    "rule:between_delimiters": "标点之间的短词",
    "rule:row_with_number": "含号码的表格行",
    "rule:address_grammar": "地址语法（行政区划+门牌）",
    "rule:repeated_mention": "同一文件中已认定的姓名",
    "rule:across_wrap": "跨行的姓名",
    "rule:wrapped_name": "被换行拆开、接续两行读出的姓名",
    "rule:draft_table": "测算稿、未定稿表格中的数值",
    "rule:assessment_column": "表格中的考核、考察意见栏",
    "rule:recipe": "企业成分配比及制法的表述",
    "rule:price_table": "价格、议价表格中企业所在行",
    "rule:stock_table": "储备库点及数量表格",
    **SECRET_TABLE_SOURCES,  # 征兵、答案、命题人员、密码设备 tables (secret_rows)
    "model:jieba": "结巴分词的人名标注",
    "rule:own_line": "单独成行的姓名",
    "rule:table_row": "表格行中的短词",
    "rule:people_list": "名单或编号列表中的成员",
    "rule:name_column": "表格中的姓名栏",
    "rule:slot_group": "“夫妇/等人”等之前的姓名",
    "rule:slot_subject": "句首作主语的姓名",
    "rule:slot_coordinated": "与已提出的姓名并列（与/和/及/、）",
    "rule:slot_private_act": "“夫妇/反映/居住”等私人行为的主语",
    "rule:identified": "紧随其公民身份号码的姓名",
    "rule:kin_run": "亲属称谓（配偶、儿子等）之后的姓名",
    "rule:four_sides": "四至中作为相邻户的姓名",
}
FEATURE_WORDS = {
    "both_models": "两个模型都识别出",
    "line_number": "所在行有证件或电话号码",
    "line_tab": "位于表格行",
    "line_list_item": "位于编号条目",
    "doc_list": "文件为公示/名单",
    "padded": "姓名中补有空格",
    "dotted": "带间隔号的少数民族姓名",
    "surname1": "以常见姓氏开头",
    "surname2": "以复姓开头",
    "rule_private_elsewhere": "同名在别处已按私人姓名认定",
    "pre:private_person_roles": "前文有私人身份词",
    "pre_adjacent:private_person_roles": "紧跟私人身份词",
    "part:door": "具体到门牌",
    "part:room": "具体到楼栋/单元/室",
    "part:division": "含行政区划",
    "part:locality": "含街道/乡镇/村",
    "part:estate": "含小区/楼盘",
    "line_private_role": "同行有私人身份词",
    "doc_roster": "文件标题为名单/花名册/发放明细等",
    "number_next_line": "相邻行有证件或电话号码",
    "column_names": "同一栏中上下行也是姓名",
    "row_other_name": "同一行另有姓名",
    "beside_name": "与相邻的姓名以顿号或逗号并列",
    "count_after:户": "其后以“等N户”计数",
    "count_after:人": "其后以“等N人”计数",
}


@lru_cache(maxsize=2)
def load_judge(path: str | None = None) -> dict[str, Any] | None:
    """{"PERSON": pipeline, "ADDRESS": pipeline} from ``path``, else ``TRIAGE_JUDGE_MODEL``,
    else ``models/judge/model.joblib``; None when there is no trained judge (an analyst
    compares a retrained judge by pointing the variable at it and clearing this cache)."""
    import os
    from pathlib import Path

    file = Path(path or os.environ.get("TRIAGE_JUDGE_MODEL") or MODEL_DIR / "model.joblib")
    if not file.is_file():
        return None
    import joblib

    models: dict[str, Any] = joblib.load(file)
    return models


def threshold(label: str) -> float:
    return thresholds().get(f"judge.{label}", DEFAULT_THRESHOLD)


def describe(feature: str) -> str:
    """A feature as a clerk reads it (empty for internal ones: counts, buckets)."""
    if feature in FEATURE_WORDS:
        return FEATURE_WORDS[feature]
    kind, _, value = feature.partition(":")
    if kind == "src":
        return f"由{SOURCE_NAMES.get(value, value)}提出"
    if kind in ("cue", "nearest_cue"):
        return f"前文有“{value}”"
    if kind == "after":
        return f"后接“{value}”"
    if kind in ("freq", "pair_freq") and value == "<1":
        return "不是常用词"
    if kind == "doc_private" and value != "no_roles+no_numbers":
        return "文件中有私人身份词或证件、手机号码"
    if kind == "p1" and value:
        return f"前一字为“{value}”"
    if kind == "n1" and value:
        return f"后一字为“{value}”"
    return ""  # an internal feature (counts, buckets): not something a clerk reads


def _reasons(model: Any, features: list[str], top: int = 3) -> list[str]:
    """The features that weighed most for keeping (largest positive weight × 1)."""
    vectorizer, classifier = model.steps[0][1], model.steps[-1][1]
    vocabulary = vectorizer.vocabulary_
    weights = classifier.coef_[0]
    scored = sorted(
        ((weights[vocabulary[f]], f) for f in set(features) if f in vocabulary),
        reverse=True,
    )
    words = [describe(f) for w, f in scored if w > 0]
    return [w for w in words if w][:top]


# After a name: the official's badge (执法人员 listed with their 执法证号).
# Sources that alone do not make a name private in a text about no private person.
WEAK_SOURCES = frozenset(
    {
        "model:ner",
        "model:lac",
        "model:jieba",
        "rule:between_delimiters",
        "rule:name_list",
        "rule:padded_name",
        "rule:own_line",
        "rule:table_row",
        # any numbered item's first words: in policy texts a task (（二）摸底排查（…）)
        "rule:list_item_any",
        # names in prose's slots (pipeline/detect/name_slots.py): officials' and public
        # figures' names stand there too
        "rule:slot_group",
        "rule:slot_subject",
        "rule:slot_coordinated",
    }
)
SLOT_PRIVATE_ACT = "rule:slot_private_act"
# Rule sources that show by themselves that a document is about private persons.
STRONG_PRIVATE = frozenset(
    {
        "lexicon:private_person_roles",
        "rule:addressee_line",
        "rule:table_column",
        "rule:list_item",
        "rule:identified",
    }
)


# The layout's sources (LAYOUT_SOURCES: a list's member, a numbered item's name, a cell of
# a column of names): a name they proposed is kept at judge.PERSON.layout and goes before
# the pieces of it a model read (边巴次仁, not 巴次仁).


def _layout_rank(proposals: list[Proposal], probabilities: Any, i: int) -> float:
    """Above every proposal overlapping it: the layout read the whole name."""
    p = proposals[i]
    overlapping = [
        float(probabilities[j])
        for j, q in enumerate(proposals)
        if q.start < p.end and p.start < q.end
    ]
    return max(overlapping) + 1e-3 * float(probabilities[i])


def featurise(label: str, proposals: list[Proposal], text: str) -> list[list[str]]:
    if label == "PERSON":
        rule_private = names_ruled_private(proposals)
        return [person_features(p, text, rule_private) for p in proposals]
    return [address_features(p, text) for p in proposals]


PROPOSERS: dict[str, Callable[[str], list[Proposal]]] = {
    "PERSON": person_proposals,
    "ADDRESS": address_proposals,
}
KIND_WORDS = {"PERSON": "私人姓名", "ADDRESS": "个人住址"}


def judged(label: str, recognizer: str, text: str) -> list[Finding] | None:
    """The judge's findings of ``label`` over ``text``; None when no judge is trained."""
    models = load_judge()
    if models is None or label not in models:
        return None
    model = models[label]
    proposals = PROPOSERS[label](text)
    if not proposals:
        return []
    features = featurise(label, proposals, text)
    probabilities = model.predict_proba([dict.fromkeys(f, 1) for f in features])[:, 1]
    if label == "PERSON":
        probabilities = with_slots(models.get(SLOT_MODEL), proposals, text, probabilities)
    cut = threshold(label)
    # Policy texts and news name public figures; a name no rule read, in a document with no
    # sign of private persons (no 申请人：, no ID or mobile number, no role word a rule read
    # a name after, not a 公示/名单), needs more.
    plain = (
        label == "PERSON"
        and not speaks_of_private_persons(text)
        and not any(p.rule_role == "private" and STRONG_PRIVATE & set(p.sources) for p in proposals)
        and "公示" not in text[:300]
        and "名单" not in text[:300]
        # a roster's heading (花名册, 发放明细) or names counted in households (等2户)
        and not (roster_document(text) or honour_decision(text))
        and not counted_households(text)
        # a name the judge keeps before 夫妇 / 反映 / 居住 …: the text is about private persons
        and not any(
            SLOT_PRIVATE_ACT in p.sources and prob >= cut
            for p, prob in zip(proposals, probabilities, strict=True)
        )
    )
    plain_cut = thresholds().get("judge.PERSON.plain_text", cut)
    named_private = {
        p.text for p in proposals if p.rule_role == "private" and STRONG_PRIVATE & set(p.sources)
    }
    # A name an official title or 执法证号 stands beside somewhere is that official everywhere
    # (询问人：崔卫东（执法证号…） … 询问人（签名）：崔卫东).
    in_office = {
        p.text: title
        for p in proposals
        if label == "PERSON"
        and (title := official_near(text, p.start, p.end)) != "同志"
        and title is not None
    }
    layout_cut = thresholds().get("judge.PERSON.layout", cut)
    layout = [label == "PERSON" and bool(LAYOUT_SOURCES & set(p.sources)) for p in proposals]
    caller = [label == "PERSON" and honorific_caller(p) for p in proposals]  # 来电人：牟女士
    # A dotted name kept whole (哈力木·买买提) goes before the pieces of it a model read.
    pieces = whole_before_pieces(proposals, probabilities, cut, text)
    whole = [
        (layout[i] and probabilities[i] >= layout_cut)
        or (label == "PERSON" and "rule:dotted_name" in p.sources and probabilities[i] >= cut)
        or pieces[i]  # 田明珠，辅警 goes before the model's 田明
        for i, p in enumerate(proposals)
    ]
    order = sorted(
        range(len(proposals)),
        key=lambda i: (
            -(
                _layout_rank(proposals, probabilities, i)
                if whole[i]
                else rank(label, proposals, probabilities, i, cut)
            )
        ),
    )
    taken: list[tuple[int, int]] = []
    findings: list[Finding] = []
    for i in order:
        p, prob = proposals[i], float(probabilities[i])
        if any(a < p.end and p.start < b for a, b in taken):
            continue
        if label == "ADDRESS" and p.rule_role != "official" and above_door(p.text):
            continue  # 户籍所在地：某村3组 — a group of households, not one home
        if not_a_name(text, p.start, p.end) if label == "PERSON" else in_register(text, p):
            continue  # 承包方聂某, 双溪中心小学, 其孙, 越南籍; a 古树名木名录's rows
        sources = "、".join(SOURCE_NAMES.get(s, s) for s in sorted(p.sources))
        original = max(p.sources.values())
        title = official_near(text, p.start, p.end) if label == "PERSON" else None
        title = title or in_office.get(p.text)
        if title == "同志" and p.text in named_private:
            title = None  # 曾国平同志受到的事故伤害: the worker a role word named
        seat = seat_of(p, text) if label == "ADDRESS" else None
        keep_cut = home_keep_cut(p, text, cut) if label == "ADDRESS" else cut
        keep_cut = min(keep_cut, layout_cut) if layout[i] or caller[i] else keep_cut
        weak = plain and not (set(p.sources) - WEAK_SOURCES)
        strong = bool(STRONG_PRIVATE & set(p.sources))
        if weak and cut <= prob < plain_cut:
            prob_cut_note = f"（文件中未见私人身份词或证件、手机号码，须达 {plain_cut:.2f}）"
            if p.rule_role != "official":
                continue
            why = f"{sources}提出，概率 {prob:.2f}{prob_cut_note}，未认定为私人姓名"
            role = "official"
        elif seat is not None:
            if prob < keep_cut and p.rule_role != "official":
                continue
            why = (
                f"{seat}，地址属机关、单位、项目或场所，应予公开（{sources}提出，概率 {prob:.2f}）"
            )
            role = "official"
        elif (
            prob >= keep_cut
            and title
            and (not (p.rule_role == "private" and strong) or posted_after(text, p.end))
        ):
            why = f"旁有“{title}”，为履行职务的公职人员，按条例第二十条应公开（{sources}提出）"
            role = "official"
        elif prob >= keep_cut and caller[i] and prob < cut:
            why = f"{sources}提出；{CALLER_WHY}（判别模型概率 {prob:.2f}），请核对"
            role = "private"
        elif prob >= keep_cut and layout[i] and prob < cut:
            why = (
                f"{sources}提出；位于名单或表格的姓名栏中，按版式认定为{KIND_WORDS[label]}"
                f"（判别模型概率 {prob:.2f}，版式门槛 {layout_cut:.2f}），请核对"
            )
            role = "private"
        elif prob >= keep_cut:
            reasons = "；".join(_reasons(model, features[i]))
            why = (
                f"{sources}提出；判别模型认定为{KIND_WORDS[label]}（概率 {prob:.2f}）"
                + (f"，依据：{reasons}" if reasons else "")
                + (f"。规则：{p.rule_reason}" if p.rule_reason and p.rule_role == "private" else "")
            )
            role = "private"
        elif p.rule_role == "official":
            why = f"{p.rule_reason}（判别模型未认定为私人信息，概率 {prob:.2f}）"
            role = "official"
        else:
            continue
        detail = Explanation(
            recognizer, "+".join(sorted(p.sources)), original, prob, None, p.context_words, why
        )
        findings.append(Finding(label, p.start, p.end, p.text, prob, recognizer, why, role, detail))  # type: ignore[arg-type]
        taken.append((p.start, p.end))
    if label == "PERSON":
        findings += _repeated(text, findings, taken, recognizer, frozenset(in_office))
    return sorted(findings, key=lambda f: f.start)


def _repeated(
    text: str,
    kept: list[Finding],
    taken: list[tuple[int, int]],
    recognizer: str,
    in_office: frozenset[str] = frozenset(),
) -> list[Finding]:
    """Every other mention of a name kept as private (not of an official's name). A
    mention that holds a shorter kept piece of it (明轩 of 端木明轩) replaces that piece."""
    out: list[Finding] = []
    for finding in sorted(kept, key=lambda f: len(f.text), reverse=True):
        if (
            finding.role != "private"
            or not NAME_TEXT.fullmatch(finding.text.replace("\n", ""))
            or finding.text in in_office
            or finding not in kept  # replaced by a longer mention
        ):
            continue
        flat = finding.text.replace("\n", "")  # across a wrap (牟\n女士) when 3+ long
        wrap = "\n?" if len(flat) >= 3 else ""  # 续\n保 of a 续保 is a wrapped word
        for m in re.finditer(wrap.join(map(re.escape, flat)), text):
            start, end = m.start(), m.end()
            inside = [(a, b) for a, b in taken if a < end and start < b]
            if not all(start <= a and b <= end and b - a < end - start for a, b in inside):
                continue
            if inside_word(text, start, end) or (start, end) in taken:
                continue
            for piece in inside:
                taken.remove(piece)
                kept[:] = [f for f in kept if (f.start, f.end) != piece]
                out[:] = [f for f in out if (f.start, f.end) != piece]
            if start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff" and len(finding.text) < 3:
                continue
            score = round(finding.score * 0.95, 3)
            why = f"与本文件中已认定的私人姓名“{finding.text}”相同"
            detail = Explanation(
                recognizer, "rule:repeated_mention", score, score, None, (finding.text,), why
            )
            out.append(
                Finding("PERSON", start, end, m.group(0), score, recognizer, why, "private", detail)
            )
            taken.append((start, end))
    return out


class JudgedPersonRecognizer:
    """PERSON: proposals from every source, kept by the judge (the rules alone when no
    judge is trained)."""

    name = "person_name"
    label = "PERSON"

    def analyze(self, text: str) -> list[Finding]:
        found = judged(self.label, self.name, text)
        return PersonRecognizer().analyze(text) if found is None else found


class JudgedAddressRecognizer:
    """ADDRESS: cue rules, the address grammar and the NER model, kept by the judge."""

    name = "cn_address"
    label = "ADDRESS"

    def analyze(self, text: str) -> list[Finding]:
        found = judged(self.label, self.name, text)
        return AddressRecognizer().analyze(text) if found is None else found
