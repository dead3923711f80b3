"""The package's layers point one way: an import may only point down the list below.

Every module's imports are read with ``ast`` — those inside functions too, since a lazy
import is still a dependency — and each one that reaches a higher layer fails the test
with its file and line. The list is the README's "Architecture" section; change both
together. Two rules ride along: only ``flows.py`` imports Prefect, only ``review/app.py``
imports FastAPI, and no module (tests, benchmarks and scripts too) is longer than 450 lines.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"

# Lowest first. A key is a module (``decide``) or a package (``detect/``); command modules
# (``<package>/commands.py`` or a ``<package>/commands/`` package, ``cli_options.py``)
# sit with the CLI at the top.
LAYERS: tuple[tuple[str, ...], ...] = (
    (
        "__init__",
        "document",
        "fonts",
        "discover",
        "finding",
        "labels",
        "reasons",
        "config",
        "gongwen",
        "gongwen_kinds",
        "deadlines",
        "fold",
    ),
    ("ingest/", "lexicons", "thresholds", "nlp"),
    (
        "metadata",
        "metadata_fallbacks",
        "metadata_head",
        "metadata_head_tidy",
        "metadata_layout",
        "metadata_model",
        "metadata_news",
        "metadata_reprint",
        "metadata_scan",
        "metadata_signature",
        "metadata_title",
        "metadata_web",
        "metadata_title_lines",
        "metadata_speaker",
        "metadata_minutes",
        "metadata_forms",
    ),
    ("classify/",),
    ("detect/",),
    (
        "decide",
        "decide_confidence",
        "doc_inside",
        "doc_institutions",
        "doc_kinds",
        "doc_parties",
        "doc_process",
        "doc_sent",
        "doc_spacing",
        "doc_defence",
        "doc_marks",
        "doc_oversight",
        "doc_secrecy",
        "doc_exam_sealed",
        "doc_enclosed",
        "doc_sites",
        "doc_audit",
        "doc_casework",
        "doc_results",
        "doc_review",
    ),
    ("redact/",),
    ("store/",),
    ("catalog/", "requests/"),
    ("review/",),
    ("analysis/", "training/"),
    (
        "scan",
        "batch",
        "nightly",
        "nightly_files",
        "nightly_summary",
        "stall",
        "evaluate",
        "report",
        "supervise",
        "file_budget",
    ),
    ("flows", "cli", "cli_options", "commands"),
)
LAYER_OF = {key: index for index, keys in enumerate(LAYERS) for key in keys}
TOP = len(LAYERS) - 1
MAX_LINES = 450


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> int:
    """The layer of ``pipeline.x.y``: command modules at the top, else by package or module."""
    parts = module.split(".")[1:]
    if not parts:
        return 0
    if "commands" in parts or parts[0] in ("cli", "cli_options", "flows"):
        return TOP
    if f"{parts[0]}/" in LAYER_OF and (len(parts) > 1 or (PACKAGE / parts[0]).is_dir()):
        return LAYER_OF[f"{parts[0]}/"]
    if parts[0] in LAYER_OF:
        return LAYER_OF[parts[0]]
    raise AssertionError(f"{module} is in no layer: add it to LAYERS and to the README")


def imports(path: Path, module: str | None = None) -> list[tuple[str, int]]:
    """(imported module, line) for every import in the file, relative ones resolved
    against ``module`` (by default the file's own module name)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = (module or module_name(path)).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.append((target, node.lineno))
            # ``from pipeline import nightly`` imports the module pipeline.nightly
            found += [
                (f"{target}.{alias.name}", node.lineno)
                for alias in node.names
                if (PACKAGE.parent / f"{target}.{alias.name}".replace(".", "/"))
                .with_suffix(".py")
                .exists()
                or (PACKAGE.parent / f"{target}.{alias.name}".replace(".", "/")).is_dir()
            ]
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)


def test_every_module_has_a_layer() -> None:
    for path in MODULES:
        layer(module_name(path))


def test_imports_point_down() -> None:
    wrong = []
    for path in MODULES:
        mine = layer(module_name(path))
        for target, line in imports(path):
            if target != "pipeline" and target.startswith("pipeline."):
                theirs = layer(target)
                if theirs > mine:
                    rel = path.relative_to(PACKAGE.parent)
                    wrong.append(f"{rel}:{line} imports {target} (layer {theirs + 1} > {mine + 1})")
    assert not wrong, "imports pointing up the layers:\n" + "\n".join(wrong)


@pytest.mark.parametrize(
    ("library", "allowed"),
    [("prefect", {"pipeline.flows"}), ("fastapi", {"pipeline.review.app"})],
)
def test_framework_imports_stay_in_their_module(library: str, allowed: set[str]) -> None:
    wrong = [
        f"{path.relative_to(PACKAGE.parent)}:{line} imports {target}"
        for path in MODULES
        if module_name(path) not in allowed
        for target, line in imports(path)
        if target == library or target.startswith(f"{library}.")
    ]
    assert not wrong, f"only {sorted(allowed)} may import {library}:\n" + "\n".join(wrong)


def test_starlette_stays_in_the_web_package() -> None:
    """Route modules under review/ take starlette's Request (FastAPI injects by it); no
    other package touches the web framework."""
    wrong = [
        f"{path.relative_to(PACKAGE.parent)}:{line} imports {target}"
        for path in MODULES
        if not module_name(path).startswith("pipeline.review.")
        for target, line in imports(path)
        if target == "starlette" or target.startswith("starlette.")
    ]
    assert not wrong, "only pipeline/review may import starlette:\n" + "\n".join(wrong)


# The limit holds for every module we write, not only the package: benchmarks, scripts,
# the training data scripts and the tests are read and changed as often.
ALL_MODULES = sorted(
    p
    for folder in ("pipeline", "benchmarks", "scripts", "data", "tests")
    for p in (PACKAGE.parent / folder).rglob("*.py")
    if "migrations" not in p.parts
)


def test_no_module_over_the_limit() -> None:
    long = [
        f"{path.relative_to(PACKAGE.parent)}: {n} lines"
        for path in ALL_MODULES
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    ]
    assert not long, f"modules over {MAX_LINES} lines:\n" + "\n".join(long)


def test_the_checker_sees_an_upward_import(tmp_path: Path) -> None:
    """The walk finds imports inside functions and resolves relative ones."""
    source = tmp_path / "x.py"
    source.write_text(
        "def f():\n    from pipeline.review import app\n\nfrom ..store import audit\n",
        encoding="utf-8",
    )
    found = imports(source, "pipeline.detect.x")
    assert ("pipeline.review", 2) in found and ("pipeline.review.app", 2) in found
    assert ("pipeline.store", 4) in found and ("pipeline.store.audit", 4) in found
    assert layer("pipeline.review.app") > layer("pipeline.detect.x")
    assert layer("pipeline.catalog.commands") == TOP
