"""The clause classifier beside the lexicon rules: it catches clauses worded in ways no
lexicon term covers, confirms rule findings, and stays quiet on ordinary 公文 sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.detect import clause_model
from pipeline.detect.clause_model import classify, load_model, normalise
from pipeline.detect.clauses import ClauseRecognizer
from pipeline.training.clauses import train


def test_committed_model_loads() -> None:
    load_model.cache_clear()
    model = load_model()
    assert model is not None, "models/clauses/model.joblib is missing"
    assert list(model.named_steps["clf"].classes_) == sorted(
        ["NONE", "TRADE_SECRET", "INTERNAL", "STATE_SECRET"]
    )


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        # No term of lexicons/*_terms.txt in these: only the model can flag them.
        (  # other offices' wording: the model learned it from clause_corpus_more.py
            "宜昌长江精密机械有限公司采用低温烧结法，助剂与粉料的投加比为1:20，产出达到96%。",
            "TRADE_SECRET",
        ),
        (  # a process worded as no fragment words it (clause.trade_company: company + figure)
            "贵州省黔味源食品有限公司的腌制工序采用自行选育的乳酸菌，接菌量8%，腌制周期96小时。",
            "TRADE_SECRET",
        ),
        ("对该方案，有同志建议暂缓实施，分管领导表示再研究，暂不作结论。", "INTERNAL"),
        ("目前全县救灾帐篷1200顶、棉被3500床，集中存放于城关镇仓库。", "STATE_SECRET"),
    ],
)
def test_model_flags_clauses_the_lexicons_miss(sentence: str, label: str) -> None:
    findings = ClauseRecognizer().analyze(sentence)
    assert [f.label for f in findings] == [label]
    finding = findings[0]
    assert finding.recognizer == "clause_model"
    assert "分类模型" in finding.explanation and "依据" in finding.explanation


@pytest.mark.parametrize(
    "sentence",
    [
        "全市一般公共预算收入同比增长5.2%，完成年度预算的78%。",
        "申请人对本决定不服的，可以依法申请行政复议。",
        "宜昌长江精密机械有限公司中标，中标金额3,280,000.00元。",
        "各单位要严格遵守保密纪律，不得通过互联网传递涉密信息。",
        "贷款余额12.6亿元，比年初增加1.8亿元，占全部贷款的比重为23.5%。",
        # a figure about a company that is no secret of it (issue 19 near misses)
        "佛山市顺德区美宜佳电器有限公司拖欠12名工人工资共计26.94万元。",
        "公务用车购置及运行维护费15.20万元，其中公务用车运行维护费15.20万元。",
        # the model alone never flags a trade secret without a company
        "腌制工序采用自行选育的乳酸菌，接菌量8%，腌制周期96小时。",
    ],
)
def test_ordinary_sentences_stay_unflagged(sentence: str) -> None:
    assert ClauseRecognizer().analyze(sentence) == []


def test_rule_finding_confirmed_by_model_gets_higher_score() -> None:
    text = "宜昌长江精密机械有限公司投标报价4,912,800.00元，其中钢筋主材按每吨3,680元计取，综合管理费率为4.2%。"
    (finding,) = ClauseRecognizer().analyze(text)
    assert finding.label == "TRADE_SECRET" and finding.recognizer == "clause_lexicon"
    assert finding.score >= 0.9
    assert "分类模型判断相同" in finding.explanation


def test_without_a_model_the_rules_still_work(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clause_model, "load_model", lambda path=None: None)
    assert classify(["会上有的同志建议暂缓实施该方案。"]) == []
    text = "会议讨论时，有意见认为可先调剂使用福彩公益金，最终未予采纳。"
    assert [f.label for f in ClauseRecognizer().analyze(text)] == ["INTERNAL"]


def test_normalise_folds_width_and_digits() -> None:
    assert normalise("每吨３６８０元，费率4.2％") == "每吨0000元,费率0.0%"


def test_training_writes_model_and_card(tmp_path: Path) -> None:
    metrics = train(None, tmp_path, per_label=60, per_family=20)
    assert (tmp_path / "model.joblib").is_file()
    card = (tmp_path / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert metrics["data"]["hash"] in card and "held-out facts" in card
    assert "held-out families" in card
    assert set(metrics["held_out_families"]["scores"]) == set(metrics["held_out_facts"])
    assert set(metrics["held_out_facts"]) == {"NONE", "TRADE_SECRET", "INTERNAL", "STATE_SECRET"}
    model = load_model.__wrapped__(tmp_path / "model.joblib")
    (verdict,) = classify(["会议讨论时有意见认为该方案不够成熟，会上未形成一致意见"], model)
    assert verdict.label == "INTERNAL"
