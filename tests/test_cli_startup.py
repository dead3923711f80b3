"""`triage` imports what a command needs when it runs: scanning never loads the review
app, the database or Prefect, while `--help` still lists every command."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from pipeline.cli import COMMAND_ORDER, LAZY_COMMANDS, app
from tests.conftest import ROOT, SAMPLES

HEAVY = ("sqlalchemy", "fastapi", "prefect", "sklearn", "pipeline.review.commands")


def _imported_after(code: str) -> list[str]:
    """The heavy modules a fresh interpreter has imported after running ``code``."""
    probe = (
        f"{code}\nimport json, sys\nprint(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


def test_importing_the_cli_loads_nothing_heavy() -> None:
    assert _imported_after("import pipeline.cli") == []


def test_scanning_loads_nothing_heavy() -> None:
    code = (
        "from typer.testing import CliRunner\nfrom pipeline.cli import app\n"
        f"result = CliRunner().invoke(app, ['scan', '--jsonl', {str(SAMPLES)!r}])\n"
        "assert result.exit_code == 0, result.output"
    )
    assert _imported_after(code) == []


def test_help_lists_every_command_in_order() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    listed = [
        line.split()[0]
        for line in result.output.split("Commands:")[1].splitlines()
        if line.startswith("  ") and not line.startswith("   ")
    ]
    assert listed == [name for name in COMMAND_ORDER if name in listed]
    assert set(listed) == set(COMMAND_ORDER) | set(LAZY_COMMANDS)


def test_lazy_commands_run_and_typos_are_suggested() -> None:
    assert CliRunner().invoke(app, ["catalog", "--help"]).exit_code == 0
    assert CliRunner().invoke(app, ["users", "--help"]).exit_code == 0
    result = CliRunner().invoke(app, ["catalgo"])
    assert result.exit_code == 2 and "Did you mean 'catalog'?" in result.output
