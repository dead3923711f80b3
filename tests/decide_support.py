"""What the decision tests share: a published policy notice, a suggestion with its
redactions read through the real detect → metadata → suggest path, and a suggestion read
as a file is scanned (ingest, letter-spacing and all)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.config import Settings
from pipeline.decide import suggest
from pipeline.detect import detect
from pipeline.metadata import extract_metadata
from pipeline.redact.proposals import proposed_redactions
from pipeline.scan import scan_file

POLICY = (
    "韶关市武江区人民政府办公室关于切实做好2024年春季森林防灭火工作的通知\n"
    "各镇人民政府，区直有关单位：\n"
    "　　为切实做好森林防灭火工作，现就有关事项通知如下。\n"
    "　　一、各镇要落实森林防灭火责任制，加强巡山护林。\n"
    "韶关市武江区人民政府办公室\n2024年2月20日\n"
)


def suggest_and_redact(text: str):  # type: ignore[no-untyped-def]
    findings = detect(text)
    suggestion = suggest(text, extract_metadata(text), findings)
    return suggestion, proposed_redactions(suggestion, findings)


def scanned_suggestion(folder: Path, text: str) -> dict[str, Any]:
    """The suggestion ``triage scan`` records for ``text`` saved as a .txt in ``folder``."""
    path = folder / "paper.txt"
    path.write_text(text, encoding="utf-8")
    suggestion: dict[str, Any] = scan_file(path, Settings())["suggestion"]
    return suggestion
