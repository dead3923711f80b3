"""Old Word (.doc) and WPS (.wps) files: converted by LibreOffice and read as .docx, the
record saying so; their copies are .docx; bad ones end in clear errors, and a LibreOffice
that hangs is killed, its whole process group."""

from __future__ import annotations

import json
import os
import shutil
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import Settings
from pipeline.document import Document
from pipeline.evaluate import evaluate
from pipeline.ingest import ingest_file
from pipeline.ingest.errors import IngestError
from pipeline.ingest.old_word import SOFFICE_ENV, convert_to_docx
from pipeline.metadata import extract_metadata
from pipeline.scan import scan_file
from tests.conftest import DEVSET, SAMPLES, need
from tests.fixtures.libreoffice import convert_with_libreoffice
from tests.fixtures.samples import OLE_HEADER
from tests.redact.test_pdf import _decisions, _gold_values

# every devset .docx (d001 a 通知, d002 a 公示 with IDs, phones and bank accounts, …);
# devset2's are measured by benchmarks/old_word.py
DOC_IDS = sorted(p.stem for p in (DEVSET / "docs").glob("*.docx")) or ["d001", "d002"]
needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice is absent (make install apt-installs it)"
)


@pytest.fixture(scope="module")
def old_docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Devset .docx files saved as Word 97 .doc by LibreOffice (one run for all)."""
    sources = [need(DEVSET / "docs" / f"{i}.docx") for i in DOC_IDS]
    try:
        made = convert_with_libreoffice(sources, tmp_path_factory.mktemp("doc"), "doc:MS Word 97")
    except FileNotFoundError:
        pytest.skip("LibreOffice is absent (make install apt-installs libreoffice-writer-nogui)")
    return {p.stem: p for p in made}


def _read(path: Path) -> Document:
    document, _data, error = ingest_file(path, Settings())
    assert document is not None, error
    return document


@needs_libreoffice
def test_doc_text_and_metadata_equal_the_text_versions(
    old_docs: dict[str, Path], devset_records: dict[str, dict[str, Any]]
) -> None:
    for doc_id, path in old_docs.items():
        assert path.read_bytes().startswith(b"\xd0\xcf\x11\xe0")  # a real binary Word file
        document = _read(path)
        assert document.text == devset_records[doc_id]["text"]
        txt = _read(DEVSET / "texts" / f"{doc_id}.txt")
        assert extract_metadata(document).to_dict() == extract_metadata(txt).to_dict()


@needs_libreoffice
def test_doc_recall_equals_the_text_versions(
    old_docs: dict[str, Path], devset_records: dict[str, dict[str, Any]]
) -> None:
    gold = [devset_records[i] for i in DOC_IDS]

    def recall(paths: list[Path]) -> float:
        report = evaluate(gold, [scan_file(p, Settings()) for p in paths])
        return sum(s.tp_gold for s in report.labels.values()) / sum(
            s.gold for s in report.labels.values()
        )

    doc = recall([old_docs[i] for i in DOC_IDS])
    txt = recall([DEVSET / "texts" / f"{i}.txt" for i in DOC_IDS])
    assert abs(doc - txt) <= 0.02


@needs_libreoffice
def test_the_record_keeps_the_original_and_says_it_was_converted(
    old_docs: dict[str, Path], tmp_path: Path
) -> None:
    wps = tmp_path / "政府工作报告（征求意见稿）.wps"  # Kingsoft WPS writes the same format
    wps.write_bytes(old_docs["d001"].read_bytes())
    for path, fmt in ((old_docs["d001"], "doc"), (wps, "wps")):
        record = scan_file(path, Settings())
        assert record["status"] == "ok" and record["source"] == str(path)
        assert record["format"] == fmt
        assert record["converted"]["from"] == fmt and record["converted"]["to"] == "docx"
        assert record["converted"]["by"].startswith("LibreOffice")
        assert "converted" in {w["code"] for w in record["warnings"]}


@needs_libreoffice
def test_the_redacted_copy_of_a_doc_is_a_docx(
    old_docs: dict[str, Path], devset_records: dict[str, dict[str, Any]], tmp_path: Path
) -> None:
    source = old_docs["d002"]
    document = _read(source)
    spans = _decisions(document, devset_records["d002"])
    decisions = tmp_path / "spans.json"
    decisions.write_text(json.dumps([s.to_dict() for s in spans]), encoding="utf-8")
    asked = tmp_path / "out" / "d002.doc"
    result = CliRunner().invoke(
        app, ["redact", str(source), "--out", str(asked), "--decisions", str(decisions)]
    )
    assert result.exit_code == 0, result.output
    written = asked.with_suffix(".docx")
    assert written.exists() and not asked.exists() and ".docx" in result.output
    with zipfile.ZipFile(written) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert all(value not in body for value in _gold_values(devset_records["d002"]))
    assert _read(written).format == "docx"


@needs_libreoffice
def test_the_demo_reads_its_old_doc() -> None:
    record = scan_file(SAMPLES / "旧版Word文档.doc", Settings())
    assert record["status"] == "ok" and record["format"] == "doc"
    assert record["metadata"]["doc_number"] == "浈教函〔2023〕27号"


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (OLE_HEADER, "corrupt"),  # an OLE container without a Word document in it
        (OLE_HEADER + "Workbook".encode("utf-16-le") * 4, "format_mismatch"),  # an .xls
        (b"PK\x03\x04" + bytes(60), "format_mismatch"),
    ],
)
def test_bad_old_word_files_end_in_clear_errors(body: bytes, code: str, tmp_path: Path) -> None:
    path = tmp_path / "旧文档.doc"
    path.write_bytes(body)
    _document, _data, error = ingest_file(path, Settings())
    assert error is not None and error.code == code and path.name in error.message


def test_a_hanging_libreoffice_is_killed_with_its_children(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "soffice"
    fake.write_text('#!/bin/sh\nsleep 300 &\necho $! > "$CHILD_PID"\nsleep 300\n')
    fake.chmod(0o755)
    child_pid = tmp_path / "child.pid"
    monkeypatch.setenv(SOFFICE_ENV, str(fake))
    monkeypatch.setenv("CHILD_PID", str(child_pid))
    started = time.monotonic()
    with pytest.raises(IngestError) as caught:
        convert_to_docx(OLE_HEADER + b"hang", "挂起.doc", ".doc", timeout=1.5)
    assert time.monotonic() - started < 15
    assert caught.value.code == "conversion_failed" and "挂起.doc" in caught.value.message
    pid = int(child_pid.read_text())
    deadline = time.monotonic() + 5
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(pid), "LibreOffice's child survived the timeout"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "\nState:\tZ" in status.read_text())  # a zombie is dead


def test_no_libreoffice_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SOFFICE_ENV, str(tmp_path / "no-such-soffice"))
    with pytest.raises(IngestError) as caught:
        convert_to_docx(OLE_HEADER + b"missing", "旧文档.doc", ".doc", timeout=5)
    assert caught.value.code == "conversion_failed"
