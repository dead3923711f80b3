"""The analysts' tables in Chinese: column headers, outcomes, labels and recognizers.

The analysis functions keep English column names (code selects and sorts by them, and the
tests read them); a notebook shows a table through :func:`zh` just before it is displayed,
so every header an analyst reads is Chinese. Label codes and recognizer ids stay beside
their Chinese names ("个人姓名（PERSON）"), since the analyst types them in code
(``ws.set_threshold("min_score.PERSON", …)``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from pipeline.labels import label_name

OUTCOME_NAMES = {"TP": "正确", "FP": "误报", "FN": "漏报"}
CHANGE_NAMES = {"new": "新增", "gone": "消失"}
ROLE_NAMES = {"private": "个人", "official": "公务"}
RECOGNIZER_NAMES = {
    "person_name": "姓名识别",
    "cn_address": "住址识别",
    "cn_phone": "电话识别",
    "cn_resident_id": "身份证号识别",
    "bank_card": "银行卡号识别",
    "email": "邮箱识别",
    "cn_passport": "护照号识别",
    "cn_license_plate": "车牌号识别",
    "secret_marking": "密级标志识别",
    "clause_lexicon": "条款词表",
    "clause_model": "条款模型",
}

# Every column the analysis tables have, English (code) → Chinese (screen).
COLUMNS = {
    # detector_scores, tuning
    "doc": "文档",
    "label": "类别",
    "start": "起",
    "end": "止",
    "text": "文字",
    "outcome": "结果",
    "recognizer": "识别器",
    "score": "分数",
    "explanation": "依据",
    "gold": "标注数",
    "found": "发现数",
    "tp": "正确",
    "fp": "误报",
    "fn": "漏报",
    "precision": "精确率",
    "recall": "召回率",
    "f1": "F1",
    "labels": "类别",
    "mean_score": "平均分数",
    "change": "变化",
    "against_review": "对照审核决定",
    "agrees": "与审核一致",
    "reviewer_rejected": "审核人曾不同意",
    "note": "审核意见",
    # lexicon terms
    "term": "词",
    "occurrences": "出现次数",
    "documents": "文档数",
    "fired": "触发发现",
    "fired_tp": "触发正确",
    "fired_fp": "触发误报",
    "gold_near": "旁有标注",
    "gold_missed": "旁有漏报",
    # review statistics
    "ingested": "入库",
    "unreadable": "无法读取",
    "decided": "已决定",
    "approved": "审批通过",
    "withheld": "不予公开",
    "published": "已发布",
    "returned": "退回",
    "hours_to_decision": "入库至决定（小时）",
    "hours_to_approval": "决定至审批（小时）",
    "backlog": "期末待办",
    "judged": "已判定",
    "accepted": "同意",
    "rejected": "不同意",
    "modified": "已修改",
    "acceptance": "采纳率",
    "low": "区间下限",
    "high": "区间上限",
    "role": "角色",
    "score_band": "分数段",
    "spans": "片段数",
    "document_id": "文档编号",
    "title": "标题",
    "suggested": "机器建议",
    "final": "审核决定",
    "confidence": "置信度",
    "reviewer": "审核人",
    "comment": "审核意见",
    "decided_at": "决定时间",
    "suggestions": "建议数",
    "mean_confidence": "平均置信度",
    "findings_per_document": "每件发现数",
    "disagreement": "不一致率",
    "period": "时期",
    # attribute model
    "attribute": "公开属性",
    "kind": "文种",
    "predicted": "模型预测",
    "rules": "规则结论",
    "opening": "开头",
    "set": "数据集",
    "brier": "Brier 分数",
    "ece": "期望校准误差",
    "bin": "概率区间",
    "mean_probability": "平均预测概率",
    "observed": "实际比例",
    "drafts": "文稿数",
    "model_accuracy": "模型准确率",
    "model_macro_f1": "模型宏平均 F1",
    "rules_accuracy": "规则准确率",
    "rules_macro_f1": "规则宏平均 F1",
}
SUFFIXES = {"_before": "（修改前）", "_after": "（修改后）", "_change": "（变化）"}


def label_zh(code: object) -> str:
    """ "个人姓名（PERSON）"; a code without a Chinese name stays as it is."""
    name = label_name(str(code))
    return f"{name}（{code}）" if name != str(code) else str(code)


def recognizer_zh(name: object) -> str:
    """ "姓名识别（person_name）"; an id without a Chinese name stays as it is."""
    if name is None or (isinstance(name, float) and pd.isna(name)):
        return "—"
    zh_name = RECOGNIZER_NAMES.get(str(name))
    return f"{zh_name}（{name}）" if zh_name else str(name)


def column_zh(column: object) -> str:
    """One header in Chinese: known names, and ``x_before``/``x_after``/``x_change``."""
    text = str(column)
    if text in COLUMNS:
        return COLUMNS[text]
    for suffix, word in SUFFIXES.items():
        if text.endswith(suffix) and text[: -len(suffix)] in COLUMNS:
            return COLUMNS[text[: -len(suffix)]] + word
    return text


def _values(series: pd.Series) -> pd.Series:
    name = str(series.name)
    if name in ("label", "labels"):
        return series.map(
            lambda v: "、".join(label_zh(x.strip()) for x in str(v).split(",")) if v else v
        )
    if name == "recognizer":
        return series.map(recognizer_zh)
    if name == "outcome":
        return series.map(lambda v: OUTCOME_NAMES.get(str(v), v))
    if name == "change":
        return series.map(lambda v: CHANGE_NAMES.get(str(v), v))
    if name == "role":
        return series.map(lambda v: ROLE_NAMES.get(str(v), "—"))
    if series.dtype == bool:
        return series.map({True: "是", False: "否"})
    return series


def zh(
    frame: pd.DataFrame, drop: Iterable[str] = (), names: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """``frame`` for display: labels, recognizers and outcomes named in Chinese (in the
    index too), every header Chinese; ``drop`` leaves columns out; ``names`` overrides
    headers whose word differs in this table ("gold" is a count of gold spans in the
    detectors' tables, the gold attribute in the attribute model's)."""
    shown = frame.drop(columns=[c for c in drop if c in frame.columns]).copy()
    for column in shown.columns:
        shown[column] = _values(shown[column])
    if shown.index.name in ("label", "recognizer"):
        shown.index = _values(pd.Series(shown.index, name=shown.index.name)).to_numpy()
        shown.index.name = COLUMNS[str(frame.index.name)]
    elif shown.index.name is not None:
        shown.index.name = column_zh(shown.index.name)
    columns_name = frame.columns.name
    own = dict(names or {})
    shown.columns = pd.Index([own.get(str(c)) or column_zh(c) for c in shown.columns])
    if columns_name:
        shown.columns.name = column_zh(columns_name)
    return shown
