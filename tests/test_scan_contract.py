"""``triage scan --jsonl`` follows ../shared/spec/scan-output.md."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import ROOT, SAMPLES
from tests.fixtures.scans import untimed

CONTRACT_KEYS = {
    "source",
    "doc_id",
    "status",
    "error",
    "text_length",
    "metadata",
    "findings",
    "suggestion",
    "redactions",
}
METADATA_KEYS = {
    "title",
    "doc_number",
    "issuer",
    "date",
    "doc_type",
    "secret_level",
    "secret_period",
    "urgency",
    "disclosure_marking",
    "addressees",
}


def _scan(*args: str) -> list[dict]:  # type: ignore[type-arg]
    result = CliRunner().invoke(app, ["scan", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_every_record_has_the_contract_fields() -> None:
    records = _scan(str(SAMPLES), "--jsonl")
    assert len(records) == len([p for p in SAMPLES.iterdir() if not p.name.startswith(".")])
    for record in records:
        assert set(record) >= CONTRACT_KEYS
        assert set(record["metadata"]) >= METADATA_KEYS
        assert record["status"] in ("ok", "error")
        if record["status"] == "error":
            assert set(record["error"]) == {"code", "message"}
        else:
            assert record["error"] is None and len(record["doc_id"]) == 64
            suggestion = record["suggestion"]
            assert set(suggestion) == {
                "attribute",
                "legal_basis",
                "confidence",
                "needs_escalation",
                "reasons",
            }
            assert suggestion["attribute"] in ("主动公开", "部分公开", "依申请公开", "不予公开")
            assert suggestion["legal_basis"] and suggestion["reasons"]
            assert 0.0 < suggestion["confidence"] <= 1.0
            for redaction in record["redactions"]:
                assert set(redaction) == {"start", "end", "label", "legal_basis"}
            for finding in record["findings"]:
                assert_explained(finding)
        if record["status"] == "error":
            assert record["suggestion"] is None and record["redactions"] == []


DETAIL_KEYS = {
    "recognizer",
    "source",
    "original_score",
    "score",
    "score_context_improvement",
    "validation_result",
    "context_words",
    "sentence",
}


def assert_explained(finding: dict) -> None:  # type: ignore[type-arg]
    """The sentence for the clerk and the structured record agree; the record names
    what proposed the span."""
    detail = finding["explanation_detail"]
    assert set(detail) == DETAIL_KEYS
    assert detail["recognizer"] == finding["recognizer"]
    assert detail["sentence"] == finding["explanation"]
    assert detail["score"] == finding["score"]
    # Several sources may have proposed a span (the judge's findings): joined by "+".
    for source in detail["source"].split("+"):
        assert source.split(":")[0] in {"pattern", "lexicon", "model", "rule"}, detail
    assert detail["validation_result"] in (True, None)


def test_explanation_detail_names_pattern_validation_and_context() -> None:
    """An ID after 身份证号 with a valid check digit: the pattern, the validation and the
    context word are all in the record, and context raised the score."""
    from datetime import date

    from pipeline.detect import detect
    from pipeline.document import Document
    from pipeline.training.fake import resident_id

    number = resident_id("110105", date(1949, 12, 31), 2)
    text = f"申请人：陈嘉豪，身份证号：{number}，联系电话：13912345678。"
    findings = detect(Document(source="x.txt", sha256="0" * 64, format="txt", text=text))
    ids = [f for f in findings if f.label == "ID_CARD"]
    assert len(ids) == 1
    detail = ids[0].to_dict()["explanation_detail"]
    assert detail["source"].startswith("pattern:")
    assert detail["validation_result"] is True
    assert detail["context_words"] == ["身份证号"]
    assert detail["score_context_improvement"] > 0
    names = [f for f in findings if f.label == "PERSON"]
    assert names
    sources = names[0].to_dict()["explanation_detail"]["source"].split("+")
    assert "lexicon:private_person_roles" in sources


def test_utf8_text_offsets_point_into_the_file(tmp_path: Path) -> None:
    content = "某某局关于某事项的通知\n各单位：\n　　正文，电话0751-8123456。\n某某局\n2024年1月2日"
    path = tmp_path / "a.txt"
    path.write_text(content, encoding="utf-8")
    (record,) = _scan(str(path), "--jsonl", "--with-text")
    assert record["text"] == content
    assert record["text_length"] == len(content)


def test_out_file_and_workers_give_the_same_records(tmp_path: Path) -> None:
    one = _scan(str(SAMPLES), "--jsonl")
    out = tmp_path / "sub" / "scan.jsonl"
    result = CliRunner().invoke(app, ["scan", str(SAMPLES), "--out", str(out), "--workers", "2"])
    assert result.exit_code == 0
    two = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert untimed(one) == untimed(two)


def test_json_is_utf8_not_escaped() -> None:
    result = CliRunner().invoke(app, ["scan", str(SAMPLES), "--jsonl"])
    assert "韶府办〔2024〕3号" in result.stdout
    assert "\\u" not in result.stdout


def test_bad_usage_exits_2() -> None:
    assert CliRunner().invoke(app, ["scan", "--workers", "0", "x"]).exit_code == 2
    assert CliRunner().invoke(app, ["scan", "--no-such-option"]).exit_code == 2


def test_clerk_report_names_files_and_reasons() -> None:
    result = CliRunner().invoke(app, ["scan", str(SAMPLES)])
    assert result.exit_code == 0
    assert "损坏的文件.docx" in result.stdout and "文件损坏或不完整" in result.stdout
    assert "共 7 个文件" in result.stdout
    assert "发现：个人姓名 ×3、身份证号 ×3、电话 ×3" in result.stdout  # the 公示 PDF's table
    assert "保留公开（机关/公职信息）：电话 ×1" in result.stdout  # its 监督电话 stays
    assert "建议：不予公开（第十四条）" in result.stdout  # the 机密 notice
    assert "拟删除 6 处" in result.stdout  # the 公示: IDs and phones go, the names stay


def test_console_script_is_installed() -> None:
    triage = Path(sys.executable).parent / "triage"
    env = {**os.environ, "COLUMNS": "120"}
    proc = subprocess.run(
        [str(triage), "scan", str(SAMPLES / "嘉公发〔2024〕41号 机密通知.txt"), "--jsonl"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=True,
    )
    record = json.loads(proc.stdout)
    assert record["metadata"]["secret_level"] == "机密"
    assert record["encoding"] == "utf-8-sig"
