"""Redactions proposed from findings and the suggestion: merged, non-overlapping, role-aware.

Only personal data and trade secrets are redacted (第十五条); a secret marking or state
secret content withholds the whole document instead (decide.py says so, and nothing is
proposed), and findings with role "official" (an agency hotline, the agency's receiving
account) stay published.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pipeline.decide import WITHHELD, Suggestion
from pipeline.finding import Finding
from pipeline.labels import REDACTABLE
from pipeline.redact.spans import Redaction


def propose(
    findings: Iterable[Finding], keep_labels: frozenset[str] = frozenset()
) -> list[Redaction]:
    """Merge the redactable private findings into non-overlapping spans.

    ``keep_labels`` are labels not to redact in this document (PERSON in a 公示名单 that
    the rules require to publish). Overlapping or touching spans merge; the merged span
    keeps the label of its first part.
    """
    spans = sorted(
        (
            f
            for f in findings
            if f.label in REDACTABLE and f.role != "official" and f.label not in keep_labels
        ),
        key=lambda f: (f.start, f.end),
    )
    merged: list[Redaction] = []
    for f in spans:
        if merged and f.start <= merged[-1].end:
            last = merged[-1]
            merged[-1] = Redaction(last.start, max(last.end, f.end), last.label, last.legal_basis)
        else:
            merged.append(Redaction(f.start, f.end, f.label))
    return merged


def proposed_redactions(suggestion: Suggestion, findings: Sequence[Finding]) -> list[Redaction]:
    """Spans to black out if the document is released: none when it is withheld whole,
    public-list names kept. A document released on request is redacted like a published
    one (the reviewer may lift the redaction of the applicant's own data)."""
    if suggestion.attribute == WITHHELD:
        return []
    keep = frozenset({"PERSON"}) if suggestion.keep_names else frozenset()
    return propose(findings, keep_labels=keep)
