"""Every `triage` command documents itself: `--help` is the CLI's documentation (as
sqlite-utils' tests/test_docs.py insists for its own), so a command or an option added
without help text fails here, lazy command groups included."""

from __future__ import annotations

from typing import Any

import typer

from pipeline.cli import app


# typer carries its own copy of click: commands are duck-typed here.
def walk(command: Any, path: tuple[str, ...] = ()) -> list[tuple[str, Any]]:
    found = [(" ".join(("triage", *path)), command)]
    if hasattr(command, "list_commands"):
        ctx = command.context_class(command)
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            assert sub is not None, f"triage {' '.join(path)} lists {name} but cannot build it"
            found += walk(sub, (*path, name))
    return found


COMMANDS = walk(typer.main.get_command(app))


def test_every_command_is_reached() -> None:
    names = {name for name, _ in COMMANDS}
    for expected in (
        "triage scan",
        "triage train attribute",
        "triage review decide",
        "triage catalog publish",
        "triage lexicon check",
        "triage nightly",
    ):
        assert expected in names


def test_every_command_has_help() -> None:
    missing = [name for name, command in COMMANDS[1:] if not (command.help or "").strip()]
    assert not missing, "commands without help text: " + ", ".join(missing)


def test_every_option_has_help() -> None:
    missing = [
        f"{name} {param.opts[0]}"
        for name, command in COMMANDS
        for param in command.params
        if param.param_type_name == "option"
        and param.opts[0] != "--help"
        and not (param.help or "").strip()
    ]
    assert not missing, "options without help text: " + ", ".join(missing)
