"""Every analysts' notebook runs headless, top to bottom (nbclient, the project's own
kernel), against the devset and a small review database built here; and the committed
notebooks carry no outputs. A notebook that raises fails the test with the cell's error.

Nothing shipped is touched: lexicons go to a copy (TRIAGE_LEXICONS), the retrained model
to a scratch folder; both are checked afterwards.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from pipeline.analysis.label_export import export_labels
from tests.analysis.review_db import build_review_db
from tests.conftest import DEVSET, ROOT, need

NOTEBOOKS = ROOT / "notebooks"
LEXICONS = ROOT / "lexicons"
MODEL = ROOT / "models" / "attribute"
SCRIPT = ROOT / "scripts" / "notebooks.py"


def _digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def run(name: str, env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> nbformat.NotebookNode:
    """Execute ``notebooks/<name>`` in a fresh kernel (which inherits ``env``)."""
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=900,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()
    return notebook


def text_of(notebook: nbformat.NotebookNode) -> str:
    """Everything the notebook printed or displayed as text."""
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            parts.append(output.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


def images(notebook: nbformat.NotebookNode) -> int:
    return sum(
        "image/png" in output.get("data", {})
        for cell in notebook.cells
        for output in cell.get("outputs", [])
    )


@pytest.fixture(scope="module")
def review_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = f"sqlite:///{tmp_path_factory.mktemp('review') / 'triage.db'}"
    build_review_db(url)
    yield url


def test_committed_without_outputs(tmp_path: Path) -> None:
    notebooks = sorted(NOTEBOOKS.glob("*.ipynb"))
    assert [p.name for p in notebooks] == [
        "1.0-lexicon-tuning.ipynb",
        "2.0-attribute-model.ipynb",
        "3.0-review-statistics.ipynb",
    ]
    checked = subprocess.run([sys.executable, SCRIPT, "check"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    # The check does catch outputs.
    notebook = nbformat.read(notebooks[0], as_version=4)
    cell = next(c for c in notebook.cells if c.cell_type == "code")
    cell.outputs = [nbformat.v4.new_output("stream", text="data\n")]
    nbformat.write(notebook, tmp_path / "dirty.ipynb")
    dirty = subprocess.run(
        [sys.executable, SCRIPT, "check", tmp_path], capture_output=True, text=True
    )
    assert dirty.returncode == 1
    assert "dirty.ipynb: outputs in cell(s)" in dirty.stderr
    subprocess.run([sys.executable, SCRIPT, "strip", tmp_path], check=True, capture_output=True)
    again = subprocess.run([sys.executable, SCRIPT, "check", tmp_path], capture_output=True)
    assert again.returncode == 0


@pytest.mark.parametrize("labelled", ["devset", "reviewer labels"])
def test_lexicon_tuning(
    labelled: str, review_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if labelled == "devset":
        labelled_set = need(DEVSET)
        documents = 30
    else:  # our own: the test database's decisions, as triage export-labels writes them
        labelled_set = tmp_path / "exported"
        documents = len(export_labels(labelled_set, review_db).records)
    copy = tmp_path / "lexicons"
    shutil.copytree(LEXICONS, copy)
    shipped = _digest(LEXICONS)
    notebook = run(
        "1.0-lexicon-tuning.ipynb",
        {
            "TRIAGE_LEXICONS": str(copy),
            "TRIAGE_LABELLED_SET": str(labelled_set),
            "TRIAGE_NB_SAVE": "1",
            "TRIAGE_ANALYST": "测试分析员",
            "TRIAGE_TUNING_REASON": "notebook test",
            "TRIAGE_RETRAIN_JUDGE": "1" if labelled == "reviewer labels" else "0",
        },
        monkeypatch,
    )
    output = text_of(notebook)
    assert f"{documents} documents" in output
    if labelled == "reviewer labels":  # the judge retrained with the export, then scored
        assert "PERSON: " in output and "to keep" in output
    assert "check: ok" in output
    assert f"saved to {copy}" in output
    saved = (copy / "private_person_roles.txt").read_text(encoding="utf-8")
    assert "\n陈述人\n" in saved
    assert "by 测试分析员 (+陈述人): notebook test" in saved
    assert "min_score.PERSON 0→0.5" in (copy / "thresholds.txt").read_text(encoding="utf-8")
    assert _digest(LEXICONS) == shipped


def test_attribute_model(review_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = _digest(MODEL)
    notebook = run(
        "2.0-attribute-model.ipynb",
        {
            "TRIAGE_DB": review_db,
            "TRIAGE_NB_COUNT": "40",
            "TRIAGE_NB_HELD_OUT": "40",
            "TRIAGE_NB_WORK": str(tmp_path),
        },
        monkeypatch,
    )
    output = text_of(notebook)
    assert "reviewer-labelled documents from" in output
    assert "not promoted" in output
    assert images(notebook) == 2  # confusion matrices, calibration
    metrics = json.loads((tmp_path / "model" / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["data"]["reviewer_labelled"][0]["documents"] > 0
    current = json.loads((MODEL / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["data"]["hash"] != current["data"]["hash"]
    assert metrics["data"]["hash"] in (tmp_path / "model" / "MODEL_CARD.md").read_text(
        encoding="utf-8"
    )
    assert _digest(MODEL) == shipped


def test_review_statistics(review_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    notebook = run("3.0-review-statistics.ipynb", {"TRIAGE_DB": review_db}, monkeypatch)
    assert images(notebook) >= 4
