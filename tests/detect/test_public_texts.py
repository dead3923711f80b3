"""Public documents hold almost no personal data: flagging words as names trains reviewers
to click "accept all". ~950 k characters of real gov.cn and PBC texts (../shared/data),
none of which we tuned on."""

from __future__ import annotations

from pipeline.detect.registry import detect
from tests.conftest import SHARED, need


def test_few_private_findings_in_public_texts() -> None:
    policy = need(SHARED / "data" / "govcn_policy_texts_50" / "result.txt")
    texts = [policy.read_text(encoding="utf-8")]
    texts += [
        p.read_text(encoding="utf-8")
        for p in sorted((SHARED / "data" / "pbc_official_docs_md").rglob("*.md"))
    ]
    chars = sum(len(t) for t in texts)
    private = [(f.label, f.text) for t in texts for f in detect(t) if f.role != "official"]
    assert chars > 500_000
    # Issue 19's bound, with both NER models on every line and the judge deciding; the
    # names left are public figures quoted in PBC news (measured: see the README).
    assert len(private) <= 20, private
