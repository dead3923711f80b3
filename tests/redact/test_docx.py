"""Redacted .docx copies: no redacted value can be recovered from any part of the file,
and the document keeps its shape (paragraphs, tables, styles)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest

from pipeline.config import Settings
from pipeline.detect import detect
from pipeline.ingest import ingest_file
from pipeline.labels import REDACTABLE
from pipeline.redact.docx import RedactionLeak, Value, redact_docx, redact_docx_file, values_of
from pipeline.redact.spans import Redaction
from pipeline.scan import analyse
from tests.conftest import DEVSET, SAMPLES, need
from tests.redact.cli import cli_redact

SAMPLE = next(p for p in SAMPLES.glob("*.docx") if "损坏" not in p.name)


def _xml_text(data: bytes) -> str:
    """Every XML part of the package, with and without markup, for grepping."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = [
            package.read(n).decode("utf-8", errors="replace")
            for n in package.namelist()
            if n.endswith((".xml", ".rels"))
        ]
    raw = "\n".join(parts)
    return raw + "\n" + re.sub(r"<[^>]+>", "", raw)


def _shape(path: Path) -> tuple[Any, ...]:
    d = docx.Document(str(path))
    return (
        len(d.paragraphs),
        [p.style.name if p.style is not None else None for p in d.paragraphs],
        [(len(t.rows), len(t.columns)) for t in d.tables],
        len(d.sections),
    )


def _proposals(path: Path) -> tuple[str, list[Redaction]]:
    document, _data, error = ingest_file(path, Settings())
    assert document is not None, error
    return document.text, analyse(document).redactions


def test_sample_copy_holds_no_value_no_comment_no_deletion(tmp_path: Path) -> None:
    text, spans = _proposals(SAMPLE)
    assert spans
    out = tmp_path / "r.docx"
    redact_docx_file(SAMPLE, text, spans, out)
    everything = _xml_text(out.read_bytes())
    for value in values_of(text, spans):
        assert value.text not in everything
    original = docx.Document(str(SAMPLE))
    assert original.core_properties.author  # the sample has an author …
    copy = docx.Document(str(out))
    assert copy.core_properties.author == "" and copy.core_properties.last_modified_by == ""
    assert "w:del " not in everything and "w:del>" not in everything
    assert "<w:comment " not in everything and "commentReference" not in everything
    assert _shape(out) == _shape(SAMPLE)
    reread, _data, error = ingest_file(out, Settings())
    assert reread is not None, error  # still a valid Word file


def test_value_split_across_runs_keeps_each_runs_formatting(tmp_path: Path) -> None:
    d = docx.Document()
    p = d.add_paragraph("申请人：")
    p.add_run("陈嘉").bold = True
    p.add_run("豪").italic = True
    p.add_run("，住址不详。")
    source = tmp_path / "split.docx"
    d.save(str(source))
    out = redact_docx(source.read_bytes(), [Value("陈嘉豪", "PERSON")])
    copy = docx.Document(io.BytesIO(out))
    runs = copy.paragraphs[0].runs
    assert copy.paragraphs[0].text == "申请人：■■■，住址不详。"
    assert runs[1].text == "■■" and runs[1].bold and runs[2].text == "■" and runs[2].italic


def test_label_style_puts_one_label_per_value(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("身份证号：440203198506120228。")
    source = tmp_path / "id.docx"
    d.save(str(source))
    out = redact_docx(source.read_bytes(), [Value("440203198506120228", "ID_CARD")], "label")
    assert docx.Document(io.BytesIO(out)).paragraphs[0].text == "身份证号：【身份证号】。"


def test_values_in_properties_and_link_targets_are_removed(tmp_path: Path) -> None:
    d = docx.Document()
    d.core_properties.title = "关于陈嘉豪的答复"
    d.add_paragraph("见附件。")
    source = tmp_path / "props.docx"
    d.save(str(source))
    out = redact_docx(source.read_bytes(), [Value("陈嘉豪", "PERSON")])
    assert "陈嘉豪" not in _xml_text(out)


def test_a_leak_fails_closed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from pipeline.redact import docx as module

    monkeypatch.setattr(module, "_redact_tree", lambda content_type, root, values, style: False)
    with pytest.raises(RedactionLeak):
        redact_docx(SAMPLE.read_bytes(), [Value("440203198506120228", "ID_CARD")])


def _devset_docx() -> list[Path]:
    folder = DEVSET / "docs"
    return sorted(folder.glob("*.docx")) if folder.is_dir() else []


@pytest.mark.parametrize("path", _devset_docx(), ids=lambda p: p.stem)
def test_devset_docx_redacted_values_cannot_be_recovered(
    path: Path, tmp_path: Path, devset_records: dict[str, dict[str, Any]]
) -> None:
    need(path)
    text, spans = _proposals(path)
    gold = devset_records[path.stem]
    public = bool(gold.get("public_persons"))
    # Everything gold marks as personal data or trade secret goes too (also in withheld
    # documents, to exercise the copy): a redaction is judged on what the file holds
    # afterwards, not on what we proposed.
    spans += [
        Redaction(s["start"], s["end"], s["label"])
        for s in gold["spans"]
        if s["label"] in REDACTABLE and not (public and s["label"] == "PERSON")
    ]
    if not spans:
        pytest.skip(f"{path.name}: holds no personal data or trade secret to redact")
    out = tmp_path / path.name
    cli_redact(path, spans, out)
    everything = _xml_text(out.read_bytes())
    for value in values_of(text, spans):
        assert value.text not in everything, value
    props = docx.Document(str(out)).core_properties
    assert props.author == "" and props.last_modified_by == ""
    assert _shape(out) == _shape(path)
    with zipfile.ZipFile(out) as package:  # the thumbnail pictures the original page 1
        names = package.namelist()
        assert not [n for n in names if n.lower().startswith("docprops/thumbnail")]
        assert "thumbnail" not in package.read("_rels/.rels").decode()


def test_cli_writes_a_redacted_docx_that_scans_clean(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pipeline.cli import app

    out = tmp_path / "copy.docx"
    result = CliRunner().invoke(app, ["redact", str(SAMPLE), "--out", str(out)])
    assert result.exit_code == 0, result.output
    document, _data, error = ingest_file(out, Settings())
    assert document is not None, error
    private = [f for f in detect(document) if f.role != "official" and f.label in REDACTABLE]
    assert private == []
