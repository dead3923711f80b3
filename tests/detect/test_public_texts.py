"""Public documents hold almost no personal data: flagging words as names trains reviewers
to click "accept all". ~950 k characters of real gov.cn and PBC texts (../shared/data),
none of which we tuned on."""

from __future__ import annotations

from pipeline.detect.registry import detect
from pipeline.labels import CLAUSE_LABELS as CLAUSES
from tests.conftest import SHARED, need


def test_few_private_findings_in_public_texts() -> None:
    policy = need(SHARED / "data" / "govcn_policy_texts_50" / "result.txt")
    texts = [policy.read_text(encoding="utf-8")]
    texts += [
        p.read_text(encoding="utf-8")
        for p in sorted((SHARED / "data" / "pbc_official_docs_md").rglob("*.md"))
    ]
    chars = sum(len(t) for t in texts)
    findings = [f for t in texts for f in detect(t)]
    private = [
        (f.label, f.text) for f in findings if f.role != "official" and f.label not in CLAUSES
    ]
    withheld = [(f.label, f.text) for f in findings if f.label in CLAUSES]
    assert chars > 500_000
    # Issue 19's bound, with both NER models on every line and the judge deciding
    # (measured 7, all PERSON: words wrapped over a line end, a brand, legal phrases).
    assert len(private) <= 20, private
    # Published reports give sector figures, plans and policy, no one firm's secret and no
    # unmarked state secret (measured 0; pipeline/detect/sector_figures.py).
    assert len(withheld) <= 2, withheld
