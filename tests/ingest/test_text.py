"""The .txt reader decodes every encoding agencies use, faithfully, or refuses."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from pipeline.ingest.errors import ErrorCode, IngestError
from pipeline.ingest.text import decode_text, read_text

SAMPLE = "韶关市人民政府办公室关于印发《实施方案》的通知\n各县（市、区）：２０２４年３月５日，电话0751-8123456。\n"


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("gbk"), "gbk"),
        (SAMPLE.encode("gb18030") + "㐀𠀀".encode("gb18030"), "gb18030"),  # beyond GBK
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),  # Notepad without BOM
    ],
)
def test_decodes_without_mojibake(raw: bytes, encoding: str) -> None:
    text, found = decode_text(raw, "x.txt")
    assert found == encoding
    assert text.startswith(SAMPLE)


def test_crlf_becomes_lf_and_nothing_else_changes(tmp_path: Path) -> None:
    raw = "第一行\r\n　　第二行 \r\n\r\n第三行\t尾".encode("gb18030")
    doc = read_text(tmp_path / "a.txt", raw, "a.txt")
    assert doc.text == "第一行\n　　第二行 \n\n第三行\t尾"
    assert [doc.text[b.start : b.end] for b in doc.blocks] == [
        "第一行",
        "　　第二行 ",
        "",
        "第三行\t尾",
    ]


def test_utf8_offsets_point_into_the_file(tmp_path: Path) -> None:
    raw = SAMPLE.encode("utf-8")
    doc = read_text(tmp_path / "a.txt", raw, "a.txt")
    assert doc.text == raw.decode("utf-8")
    assert doc.body_end == len(doc.text)


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (bytes(range(256)) * 8, ErrorCode.BINARY_CONTENT),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(1, 255)) * 4, ErrorCode.BINARY_CONTENT),
        (b"\x81\x30\xff\xfe\x80\x80" * 50, ErrorCode.BINARY_CONTENT),
    ],
)
def test_refuses_binary_junk(raw: bytes, code: ErrorCode) -> None:
    with pytest.raises(IngestError) as info:
        decode_text(raw, "junk.txt")
    assert info.value.code == code
    assert "junk.txt" in info.value.message


def test_whitespace_only_is_empty(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as info:
        read_text(tmp_path / "a.txt", "\u3000 \r\n\t".encode(), "a.txt")
    assert info.value.code == ErrorCode.EMPTY
