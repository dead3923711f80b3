"""Old Word (.doc) and WPS (.wps) files: converted to .docx by LibreOffice, then read as
.docx.

Many drafts still arrive in the binary Word 97–2003 format, and Kingsoft WPS writes its
.wps as that format plus extensions; LibreOffice headless reads both (and RTF saved as
.doc) and writes .docx, which ``pipeline.ingest.docx`` reads exactly. So we convert
rather than parse the binary format ourselves:

- each process has its own LibreOffice profile directory (two LibreOffice instances on
  one profile block each other), and within a process conversions take turns;
- a conversion gets ``timeout`` seconds; LibreOffice runs in its own process group, and
  the whole group is killed when the time is up (soffice leaves soffice.bin behind
  otherwise), so a file that makes it hang costs the batch one timeout, not the night;
- before LibreOffice is started the container is checked: a password-protected file is
  ``encrypted``, an OLE container without a Word document in it (a spreadsheet or slides
  named .doc) is ``format_mismatch``, an empty or damaged one ``corrupt``.

The Document keeps the original's format (``doc``/``wps``), name and hash; ``converted``
holds the .docx the text was read from, which is what copies are made from: the
redacted copy of a .doc is a .docx.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import io
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import zipfile
from collections import OrderedDict
from pathlib import Path
from typing import Literal

from pipeline.document import Conversion, Document
from pipeline.ingest.docx import read_docx
from pipeline.ingest.errors import ErrorCode, IngestError

DEFAULT_TIMEOUT = 60.0
SOFFICE_ENV = "TRIAGE_SOFFICE"  # another soffice executable (tests use a stand-in)
_LOCK = threading.Lock()  # the cache; and one LibreOffice at a time per process (_RUN)
_RUN = threading.Lock()
CACHE_SIZE = 16
_CACHE: OrderedDict[str, tuple[bytes, str]] = OrderedDict()
_PROFILES: dict[int, Path] = {}
_WORD = "WordDocument".encode("utf-16-le")
_OTHER_OFFICE = {
    "Workbook".encode("utf-16-le"): "an Excel spreadsheet",
    "PowerPoint Document".encode("utf-16-le"): "a PowerPoint presentation",
}


def read_old_word(
    path: Path,
    data: bytes,
    source: str,
    fmt: Literal["doc", "wps"],
    kind: str,
    timeout: float = DEFAULT_TIMEOUT,
) -> Document:
    """Read a .doc or .wps file (sniffed ``kind``: ``ole`` or ``rtf``) through LibreOffice."""
    _check_container(data, source, fmt, kind)
    docx, by = convert_to_docx(data, source, ".rtf" if kind == "rtf" else ".doc", timeout)
    with tempfile.TemporaryDirectory(prefix="triage-docx-") as folder:
        converted = Path(folder) / "converted.docx"
        converted.write_bytes(docx)
        document = read_docx(converted, docx, source)
    document.format = fmt
    document.sha256 = hashlib.sha256(data).hexdigest()
    document.converted = Conversion(fmt, "docx", by, docx)
    document.warnings.append(
        {
            "code": "converted",
            "message": f"由 {by} 将 .{fmt} 转换为 .docx 后读取；公开稿和审核稿是 .docx 文件",
        }
    )
    return document


def _check_container(data: bytes, source: str, fmt: str, kind: str) -> None:
    if kind == "ole_encrypted":
        raise IngestError(ErrorCode.ENCRYPTED, f"{source}：文件设有密码；请索取未加密的文件")
    if kind == "rtf":
        return
    if kind in ("docx", "pdf", "ofd"):
        raise IngestError(
            ErrorCode.FORMAT_MISMATCH,
            f"{source}：扩展名是 .{fmt}，内容却是 .{kind} 文件；请将扩展名改为 .{kind} 后重新提交",
        )
    if kind != "ole":
        raise IngestError(
            ErrorCode.FORMAT_MISMATCH,
            f"{source}：扩展名是 .{fmt}，但内容不是 Word/WPS 文档；请核对是否提交错了文件",
        )
    if _WORD in data:
        return
    for marker, what in _OTHER_OFFICE.items():
        if marker in data:
            raise IngestError(
                ErrorCode.FORMAT_MISMATCH,
                f"{source}：扩展名是 .{fmt}，内容却是 {what}；请核对是否提交错了文件",
            )
    raise IngestError(
        ErrorCode.CORRUPT,
        f"{source}：旧版 Word/WPS 文件已损坏（其中没有 Word 文档内容）；请向拟稿人索取原始文件",
    )


def convert_to_docx(data: bytes, source: str, suffix: str, timeout: float) -> tuple[bytes, str]:
    """The .docx LibreOffice makes of ``data`` and the converter's name and version. The
    last few conversions are remembered: a file read again (the reviewers' downloads
    re-read the stored original) is not converted again."""
    key = hashlib.sha256(data).hexdigest() + suffix
    with _LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    converted = _convert(data, source, suffix, timeout)
    with _LOCK:
        _CACHE[key] = converted
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    return converted


def _convert(data: bytes, source: str, suffix: str, timeout: float) -> tuple[bytes, str]:
    soffice = os.environ.get(SOFFICE_ENV) or shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise IngestError(
            ErrorCode.CONVERSION_FAILED,
            f"{source}：本机未安装 LibreOffice（libreoffice-writer-nogui），无法读取 {suffix} 文件；"
            "请系统维护人员安装，或将文件另存为 .docx 后重新提交",
        )
    with _RUN, tempfile.TemporaryDirectory(prefix="triage-convert-") as folder:
        work = Path(folder)
        original = work / f"input{suffix}"
        original.write_bytes(data)
        command = [
            soffice,
            f"-env:UserInstallation={_profile().as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(work / "out"),
            str(original),
        ]
        try:
            process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                start_new_session=True,  # its own process group: killed as a whole on a hang
                cwd=folder,
            )
        except OSError as exc:
            raise IngestError(
                ErrorCode.CONVERSION_FAILED,
                f"{source}：无法启动 LibreOffice（{soffice}：{exc.strerror or exc}）；"
                "请系统维护人员检查安装，或将文件另存为 .docx 后重新提交",
            ) from exc
        try:
            _, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(process)
            raise IngestError(
                ErrorCode.CONVERSION_FAILED,
                f"{source}：LibreOffice 转换超过 {timeout:.0f} 秒仍未完成，已终止转换进程"
                "（文件可能已损坏）；请将文件另存为 .docx 后重新提交",
            ) from None
        result = work / "out" / "input.docx"
        if not result.is_file():
            detail = stderr.decode("utf-8", "replace").strip().splitlines()
            raise IngestError(
                ErrorCode.CORRUPT,
                f"{source}：LibreOffice 无法打开此文件（已损坏或不是 Word/WPS 文档"
                f"{'：' + detail[-1][:200] if detail else ''}）；请向拟稿人索取原始文件",
            )
        docx = result.read_bytes()
    return docx, _producer(docx)


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """Kill the process group LibreOffice was started in (ours alone: start_new_session;
    its leader is not reaped yet, so the group id cannot have been reused)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)


def _profile() -> Path:
    """This process's own LibreOffice profile directory, removed when the process ends."""
    pid = os.getpid()
    if pid not in _PROFILES:
        _PROFILES[pid] = Path(tempfile.mkdtemp(prefix=f"triage-libreoffice-{pid}-"))
        atexit.register(shutil.rmtree, _PROFILES[pid], True)
    return _PROFILES[pid]


def _producer(docx: bytes) -> str:
    """ "LibreOffice 7.4.7.2", from the converted file's docProps/app.xml."""
    try:
        with zipfile.ZipFile(io.BytesIO(docx)) as package:
            app = package.read("docProps/app.xml").decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile):
        return "LibreOffice"
    found = re.search(r"<Application>LibreOffice/([0-9.]+)", app)
    return f"LibreOffice {found.group(1)}" if found else "LibreOffice"
