"""Bad input is data: one record per file with a stable code and a message naming the
file; the other files are processed and ``triage scan`` exits 0."""

from __future__ import annotations

import builtins
import errno
import io
import json
import os
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import SAMPLES
from tests.fixtures.samples import (
    OLE_HEADER,
    build_notice_docx,
    build_scanned_pdf,
    truncated_docx_bytes,
    zip_not_docx_bytes,
)

GOOD_PDF = SAMPLES / "大塘镇耕地地力保护补贴公示（第二批）.pdf"
GBK_TEXT = "嘉兴市公安局\n嘉公通〔2024〕5号\n关于道路交通管制的通告\n　　特此通告。\n嘉兴市公安局\n2024年3月20日\n"


def _write(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


def _truncated_docx(folder: Path) -> Path:
    full = build_notice_docx(folder / "full.tmp.docx")
    path = folder / "截断的文件.docx"
    path.write_bytes(truncated_docx_bytes(full))
    full.unlink()
    return path


def _encrypted_pdf(folder: Path) -> Path:
    path = folder / "加密.pdf"
    with pikepdf.open(GOOD_PDF) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(user="123456", owner="654321"))
    return path


def _truncated_pdf(folder: Path) -> Path:
    data = GOOD_PDF.read_bytes()
    return _write("截断.pdf", data[: len(data) * 2 // 3])(folder)


def _symlink_loop(folder: Path) -> Path:
    path = folder / "loop.txt"
    os.symlink(path.name, path)
    return path


def _dangling(folder: Path) -> Path:
    path = folder / "gone.docx"
    os.symlink(folder / "does-not-exist.docx", path)
    return path


def _too_large(folder: Path) -> Path:
    return _write("超大文件.txt", ("大" * 700_000).encode("utf-8"))(folder)  # 2.1 MB > 2 MB


def _unreadable(folder: Path) -> Path:
    path = _write("无权限.txt", GBK_TEXT.encode("utf-8"))(folder)
    path.chmod(0)
    return path


def _encrypted_docx(folder: Path) -> Path:
    body = OLE_HEADER + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 256
    return _write("加密文档.docx", body)(folder)


def _huge_png(folder: Path) -> Path:
    from PIL import Image

    path = folder / "超大扫描.png"
    Image.new("1", (8000, 7700), 1).save(path)  # 61.6 megapixels, a few kB
    return path


# (maker, expected status, expected code or None for ok)
CASES: dict[str, tuple[Callable[[Path], Path], str, str | None]] = {
    "empty file": (_write("空文件.txt", b""), "error", "empty"),
    "truncated docx": (_truncated_docx, "error", "corrupt"),
    "zip that is not a docx": (
        _write("压缩包.docx", zip_not_docx_bytes()),
        "error",
        "format_mismatch",
    ),
    "encrypted pdf": (_encrypted_pdf, "error", "encrypted"),
    "pdf without text layer": (lambda f: build_scanned_pdf(f / "扫描件.pdf"), "ok", None),
    "GBK text with .txt": (_write("GBK通告.txt", GBK_TEXT.encode("gbk")), "ok", None),
    "binary junk named .txt": (
        _write("junk.txt", bytes(range(256)) * 16),
        "error",
        "binary_content",
    ),
    "0-byte pdf": (_write("empty.pdf", b""), "error", "empty"),
    "file over the limit": (_too_large, "error", "too_large"),
    "unreadable file": (_unreadable, "error", "unreadable"),
    "symlink loop": (_symlink_loop, "error", "unreadable"),
    "dangling symlink": (_dangling, "error", "unreadable"),
    "name with spaces and Chinese": (
        _write("韶府办 〔2024〕 3号 通知 final v2.txt", GBK_TEXT.encode("utf-8")),
        "ok",
        None,
    ),
    "old binary .doc without a Word document in it": (
        _write("旧文档.doc", OLE_HEADER),
        "error",
        "corrupt",
    ),
    "pdf named .docx": (
        _write("其实是PDF.docx", GOOD_PDF.read_bytes()),
        "error",
        "format_mismatch",
    ),
    "truncated pdf": (_truncated_pdf, "error", "corrupt"),
    "encrypted docx": (_encrypted_docx, "error", "encrypted"),
    "damaged .png": (_write("照片.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64), "error", "corrupt"),
    "0-byte .jpg": (_write("空扫描.jpg", b""), "error", "empty"),
    "image over 60 megapixels": (_huge_png, "error", "too_large"),
    ".bmp image": (_write("照片.bmp", b"BM" + b"\x00" * 64), "error", "unsupported_format"),
    "zip named .ofd": (_write("版式文件.ofd", zip_not_docx_bytes()), "error", "format_mismatch"),
}


@pytest.fixture(scope="module")
def scanned(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[dict[str, dict], int, dict[str, Path]]:  # type: ignore[type-arg]
    folder = tmp_path_factory.mktemp("inbox")
    paths = {kind: maker(folder) for kind, (maker, _, _) in CASES.items()}
    good = folder / "good.pdf"
    good.write_bytes(GOOD_PDF.read_bytes())
    out = folder.parent / "out.jsonl"
    real_open = builtins.open
    unreadable = paths["unreadable file"]

    def guarded_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        # root ignores file modes: make the permission error happen for this one file.
        if not isinstance(file, int) and os.fspath(file) == os.fspath(unreadable):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(file))
        return real_open(file, *args, **kwargs)

    mp = pytest.MonkeyPatch()
    if os.geteuid() == 0:
        mp.setattr(builtins, "open", guarded_open)
        mp.setattr(io, "open", guarded_open)
    try:
        result = CliRunner().invoke(
            app, ["scan", str(folder), "--jsonl", "--out", str(out), "--max-size", "2"]
        )
    finally:
        mp.undo()
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    by_source = {r["source"]: r for r in records}
    return by_source, result.exit_code, {**paths, "good": good}


@pytest.mark.parametrize("kind", list(CASES))
def test_each_bad_input_is_one_record_with_code_and_message(kind: str, scanned) -> None:  # type: ignore[no-untyped-def]
    by_source, _, paths = scanned
    _, status, code = CASES[kind]
    record = by_source[os.fspath(paths[kind])]
    assert record["status"] == status
    if code is None:
        assert record["error"] is None
        assert record["metadata"]["title"]
    else:
        assert record["error"]["code"] == code
        assert paths[kind].name in record["error"]["message"]
        assert record["findings"] == [] and record["redactions"] == []


def test_batch_goes_on_and_exits_zero(scanned) -> None:  # type: ignore[no-untyped-def]
    by_source, exit_code, paths = scanned
    assert exit_code == 0
    assert len(by_source) == len(CASES) + 1  # exactly one record per input
    good = by_source[os.fspath(paths["good"])]
    assert good["status"] == "ok" and good["metadata"]["issuer"] == "韶关市曲江区大塘镇人民政府"
