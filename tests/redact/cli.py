"""Run ``triage redact`` the way a user does, with reviewers' decisions in a JSON file."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.redact.spans import Redaction


def cli_redact(source: Path, spans: Sequence[Redaction], out: Path) -> None:
    decisions = out.with_suffix(".decisions.json")
    decisions.write_text(json.dumps([s.to_dict() for s in spans]), encoding="utf-8")
    result = CliRunner().invoke(
        app, ["redact", str(source), "--out", str(out), "--decisions", str(decisions)]
    )
    assert result.exit_code == 0, result.output
