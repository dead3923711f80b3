"""A finding — one span of a document a reviewer must see — and why it was raised.

Every layer above detection (decide, redact, store, review, catalog, analysis) speaks of
findings, so the type lives here, below all of them, rather than in ``detect/``.

The explanation has two faces, as Presidio's ``AnalysisExplanation`` has one: the
sentence a clerk reads (``Finding.explanation``, Chinese) and the structured record an
analyst tunes with (``Explanation``): which recognizer, which pattern or model proposed
the span, what validation said, which context words were found, and the score before and
after context. The scan contract carries the record as ``explanation_detail``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Role = Literal["private", "official"]


@dataclass(frozen=True, slots=True)
class Explanation:
    """How a recognizer arrived at a finding.

    ``source`` names what proposed the span: a pattern (``pattern:身份证18位``), a lexicon
    (``lexicon:private_person_roles``), a trained model (``model:ner``) or a rule
    (``rule:addressee_line``). ``validation`` is the checksum/plausibility verdict
    (True: certainly this kind, None: undecided; False never reaches a finding).
    ``original_score`` is the score before context, ``score`` the final one.
    """

    recognizer: str
    source: str
    original_score: float
    score: float
    validation: bool | None = None
    context_words: tuple[str, ...] = ()
    sentence: str = ""

    @property
    def context_improvement(self) -> float:
        return round(self.score - self.original_score, 3)

    def to_dict(self) -> dict[str, object]:
        return {
            "recognizer": self.recognizer,
            "source": self.source,
            "original_score": round(self.original_score, 3),
            "score": round(self.score, 3),
            "score_context_improvement": self.context_improvement,
            "validation_result": self.validation,
            "context_words": list(self.context_words),
            "sentence": self.sentence,
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """One span of a document a reviewer must see, and why.

    ``detail`` is the structured explanation; a finding built without one (read back from
    the review database, or by a test) gets a plain record saying only what it holds.
    """

    label: str
    start: int
    end: int
    text: str
    score: float
    recognizer: str
    explanation: str
    role: Role | None = None
    detail: Explanation | None = field(default=None, compare=False)

    @property
    def explanation_detail(self) -> Explanation:
        if self.detail is not None:
            return self.detail
        return Explanation(
            self.recognizer, "stored", self.score, self.score, sentence=self.explanation
        )

    def to_dict(self) -> dict[str, object]:
        """The scan contract's finding object (``../shared/spec/scan-output.md``)."""
        return {
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "score": round(self.score, 3),
            "recognizer": self.recognizer,
            "explanation": self.explanation,
            "role": self.role,
            "explanation_detail": self.explanation_detail.to_dict(),
        }
