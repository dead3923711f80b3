"""Redacted .txt copies: the values are gone from the bytes, encoding and line ends kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import Settings
from pipeline.ingest import ingest_file
from pipeline.redact.spans import Redaction, load_decisions
from pipeline.redact.txt import redact_string, redact_txt

ID = "44022119821108455X"
TEXT = f"当事人：谭永辉\n身份证号码：{ID}\n联系电话：135 3696 8204\n"


@pytest.mark.parametrize(
    ("spans", "style", "expected"),
    [
        ([Redaction(4, 7, "PERSON")], "block", "当事人：■■■\n"),
        ([Redaction(4, 7, "PERSON")], "label", "当事人：【姓名】\n"),
        ([Redaction(4, 6, "PERSON"), Redaction(5, 7, "PERSON")], "block", "当事人：■■■\n"),
        ([Redaction(2, 9, "ADDRESS")], "block", "当事■■■■■\n■"),
    ],
)
def test_redact_string(spans: list[Redaction], style: str, expected: str) -> None:
    text = "当事人：谭永辉\n当事人"
    assert redact_string(text, spans, style)[: len(expected)] == expected  # type: ignore[arg-type]


def test_block_style_keeps_every_offset() -> None:
    out = redact_string(TEXT, [Redaction(13, 31, "ID_CARD")])
    assert len(out) == len(TEXT) and ID not in out and out[13:31] == "■" * 18


def test_span_outside_the_text_is_refused() -> None:
    with pytest.raises(ValueError, match="outside"):
        redact_string("短", [Redaction(0, 5, "PERSON")])


@pytest.mark.parametrize(
    ("encoding", "newline"),
    [("gb18030", "\r\n"), ("utf-8", "\n"), ("utf-8-sig", "\r\n"), ("utf-16-le", "\n")],
)
def test_copy_keeps_encoding_and_line_ends(tmp_path: Path, encoding: str, newline: str) -> None:
    path = tmp_path / "d.txt"
    raw = TEXT.replace("\n", newline)
    data = raw.encode(encoding) if encoding != "utf-16-le" else b"\xff\xfe" + raw.encode(encoding)
    path.write_bytes(data)
    document, read, error = ingest_file(path, Settings())
    assert document is not None and read is not None, error
    start = document.text.index(ID)
    out = redact_txt(document, read, [Redaction(start, start + len(ID), "ID_CARD")])
    decoded = out.decode(encoding if encoding != "utf-16-le" else "utf-16")
    assert ID not in decoded and newline in decoded
    assert decoded.replace(newline, "\n").lstrip("\ufeff") == redact_string(
        document.text, [Redaction(start, start + len(ID), "ID_CARD")]
    )


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["redact", *args])
    return result.exit_code, result.output


def test_cli_redacts_proposals(tmp_path: Path) -> None:
    source = tmp_path / "决定书.txt"
    source.write_text(
        "韶关市交通运输局\n行政处罚决定书\n韶交执罚〔2024〕0218号\n" + TEXT + "　　罚款5000元。\n",
        encoding="utf-8",
    )
    out = tmp_path / "out" / "决定书.txt"
    code, output = _run(str(source), "--out", str(out), "--style", "label")
    assert code == 0, output
    copy = out.read_text(encoding="utf-8")
    for value in (ID, "谭永辉", "135 3696 8204"):
        assert value not in copy
    assert "【身份证号】" in copy and "韶交执罚〔2024〕0218号" in copy


def test_cli_uses_reviewers_decisions(tmp_path: Path) -> None:
    source = tmp_path / "d.txt"
    source.write_text(TEXT, encoding="utf-8")
    decisions = tmp_path / "decisions.json"
    decisions.write_text(json.dumps([{"start": 4, "end": 7, "label": "PERSON"}]), encoding="utf-8")
    out = tmp_path / "r.txt"
    code, _ = _run(str(source), "--out", str(out), "--decisions", str(decisions))
    copy = out.read_text(encoding="utf-8")
    assert code == 0 and "谭永辉" not in copy and ID in copy  # only what reviewers chose


def test_cli_refuses_a_withheld_document(tmp_path: Path) -> None:
    source = tmp_path / "机密.txt"
    source.write_text(
        "机密★5年\n关于专项行动的通知\n各分局：\n　　定于近期开展专项行动。\n", encoding="utf-8"
    )
    code, output = _run(str(source), "--out", str(tmp_path / "r.txt"))
    assert code == 1 and "不予公开" in output and not (tmp_path / "r.txt").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not a readable JSON file"),
        ('{"start": 1}', "expected a JSON list"),
        ('[{"start": 3, "end": 1, "label": "PERSON"}]', "start 3 and end 1"),
        ('[{"end": 1, "label": "PERSON"}]', "entry 0 needs integer start/end"),
    ],
)
def test_bad_decisions_name_the_file_and_reason(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "decisions.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message) as info:
        load_decisions(path)
    assert str(path) in str(info.value)
