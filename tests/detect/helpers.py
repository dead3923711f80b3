"""Run one recognizer over a text and say what it found, for table-driven tests."""

from __future__ import annotations

from pipeline.finding import Finding


def found(recognizer: object, text: str) -> list[Finding]:
    return recognizer.analyze(text)  # type: ignore[attr-defined,no-any-return]


def texts(recognizer: object, text: str) -> list[str]:
    return [f.text for f in found(recognizer, text)]
