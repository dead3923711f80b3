"""What a PDF carries besides its pages: attached files and JavaScript.

Neither is on a page, so neither is in the text a PDF reader extracts, yet a reader of
the file gets both: an attached spreadsheet of applicants, a script run on opening.
The clerk is told (a warning per kind), the redacted copy removes both
(``pipeline.redact.pdf``), and an attachment that is text (UTF-8, GB18030, UTF-16) is
read into the document after the pages, in a block of kind ``attachment`` named after
the file, so the detector finds the personal data it holds. Other attachments (Office
files, PDFs, images, archives) are not read: the warning says which.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import pikepdf

from pipeline.document import Block, Document
from pipeline.ingest.errors import IngestError
from pipeline.ingest.text import decode_text

MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024  # larger attachments are not read (the warning says so)
MAX_OBJECTS = 200_000  # the JavaScript search stops here (a PDF with more is reported unsure)


def add_pdf_extras(document: Document, data: bytes) -> None:
    """Append readable attachments to ``document`` and warn about scripts and the rest."""
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PdfError:
        return  # pdfplumber read it; qpdf cannot, so neither attachments nor scripts exist for it
    with pdf:
        attachments = list(_attachments(pdf))
        script = _has_javascript(pdf)
    unread: list[str] = []
    read: list[str] = []
    for name, blob in attachments:
        text = _as_text(name, blob)
        if text is None:
            unread.append(name)
            continue
        read.append(name)
        _append(document, name, text)
    if attachments:
        names = "、".join(n for n, _ in attachments[:5]) + ("等" if len(attachments) > 5 else "")
        detail = f"其中文本附件 {len(read)} 个已读取并检查" if read else "均未读取"
        if read and unread:
            detail += f"，其余 {len(unread)} 个（{'、'.join(unread[:5])}）未能读取、未经检查"
        document.warnings.append(
            {
                "code": "pdf_attachments",
                "attachments": [n for n, _ in attachments],
                "unread": unread,
                "message": f"PDF 含附件 {len(attachments)} 个（{names}），{detail}；"
                "公开稿中删除全部附件，请在原文件中人工核对附件内容",
            }
        )
    if script is not None:
        document.warnings.append(
            {
                "code": "pdf_javascript",
                "message": f"PDF 含 JavaScript 脚本（{script}），打开或点击时会运行；"
                "公开稿中已删除，请确认原文件来源可靠",
            }
        )


def _attachments(pdf: pikepdf.Pdf) -> Iterator[tuple[str, bytes]]:
    """Every embedded file: the document's list, file-attachment annotations and
    associated files (/AF), each once."""
    seen: set[tuple[int, int]] = set()
    specs: list[tuple[str, pikepdf.Object]] = []
    for name, attached in pdf.attachments.items():
        specs.append((name, attached.obj))
    for page in pdf.pages:
        for annot in page.obj.get("/Annots", pikepdf.Array()):
            if annot.get("/Subtype") == "/FileAttachment" and "/FS" in annot:
                specs.append(("", annot.FS))
        specs.extend(("", spec) for spec in page.obj.get("/AF", pikepdf.Array()))
    specs.extend(("", spec) for spec in pdf.Root.get("/AF", pikepdf.Array()))
    for name, spec in specs:
        if not isinstance(spec, pikepdf.Dictionary) or "/EF" not in spec:
            continue
        stream = spec.EF.get("/UF") or spec.EF.get("/F")
        if not isinstance(stream, pikepdf.Stream) or stream.objgen in seen:
            continue
        seen.add(stream.objgen)
        label = name or str(spec.get("/UF") or spec.get("/F") or "附件")
        params = stream.get("/Params")
        declared = params.get("/Size") if isinstance(params, pikepdf.Dictionary) else None
        length = int(declared or stream.get("/Length") or 0)
        if length > MAX_ATTACHMENT_BYTES:
            yield label, b""
            continue
        try:
            yield label, stream.read_bytes()
        except pikepdf.PdfError:
            yield label, b""


def _as_text(name: str, blob: bytes) -> str | None:
    if not blob or len(blob) > MAX_ATTACHMENT_BYTES or blob.startswith((b"%PDF", b"PK\x03\x04")):
        return None
    try:
        text, _encoding = decode_text(blob, name)
    except IngestError:
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return text or None


def _append(document: Document, name: str, text: str) -> None:
    """``text`` after everything else, one block per line, characters without boxes."""
    for index, line in enumerate(text.split("\n")):
        document.text += "\n"
        start = len(document.text)
        document.text += line
        if document.char_boxes is not None:
            document.char_boxes.extend([None] * (len(line) + 1))
        if line:
            document.blocks.append(
                Block(start, start + len(line), "attachment", part=name, index=index)
            )


def _has_javascript(pdf: pikepdf.Pdf) -> str | None:
    """Where the first script is (a named script, an action), or None."""
    names = pdf.Root.get("/Names")
    if isinstance(names, pikepdf.Dictionary) and "/JavaScript" in names:
        return "文档级脚本"
    for count, obj in enumerate(pdf.objects):
        if count > MAX_OBJECTS:
            return "对象过多，未能全部检查"
        if _script_in(obj):
            return "动作脚本"
    return None


def _script_in(obj: pikepdf.Object, depth: int = 0) -> bool:
    """A /JS entry or a JavaScript action in ``obj`` or its direct (not indirect) parts."""
    if depth > 32:
        return False
    if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
        if "/JS" in obj or obj.get("/S") == "/JavaScript":
            return True
        items = list(obj.values())
    elif isinstance(obj, pikepdf.Array):
        items = list(obj)
    else:
        return False
    return any(
        isinstance(item, pikepdf.Object) and not item.is_indirect and _script_in(item, depth + 1)
        for item in items
    )
