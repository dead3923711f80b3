"""An inbox of generated 公文 drafts in every input format, for the flow tests and benchmarks.

The drafts come from :func:`pipeline.training.documents.generate` (every kind of document
the attribute model knows, with private data, markings and secrets); each is written as
UTF-8 text, GB18030 text, a Word document or a PDF with a text layer, in turn. Bad files
of five kinds come beside them, each ending as an error record with its own code.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pipeline.fonts import find_cjk_font
from pipeline.samples import (
    build_plain_docx,
    build_scanned_pdf,
    truncated_docx_bytes,
    wrap_cell,
)
from pipeline.training.documents import generate

FORMATS = ("txt", "docx", "pdf", "gb18030.txt")
# The bad files of :func:`write_bad_files` and the error code each one must end with.
BAD_FILES = {
    "空文件.txt": "empty",
    "损坏的文件.docx": "corrupt",
    "扫描件.pdf": "no_text_layer",
    "二进制内容.txt": "binary_content",
    "扫描照片.png": "unsupported_format",
}


def build_text_pdf(path: Path, lines: Sequence[str], font_path: str | None = None) -> Path:
    """A PDF with a text layer: the lines in a CJK font, wrapped to the A4 text width,
    on as many pages as they need."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font_path = font_path or find_cjk_font()
    if font_path is None:
        raise RuntimeError("no CJK TrueType font found; install Debian's fonts-wqy-zenhei")
    if "CJK" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("CJK", font_path, subfontIndex=0))
    c = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    left, size, leading = 79.0, 14.0, 24.0
    limit = width - 2 * left
    y = height - 90
    c.setFont("CJK", size)
    for line in lines:
        for part in wrap_cell(line, limit, size):
            if y < 80:
                c.showPage()
                c.setFont("CJK", size)
                y = height - 90
            c.drawString(left, y, part)
            y -= leading
    c.showPage()
    c.save()
    return path


def write_inbox(
    folder: Path, count: int, seed: int = 11, formats: Sequence[str] = FORMATS
) -> list[Path]:
    """``count`` distinct generated drafts, the formats taken in turn; returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for i, draft in enumerate(generate(count, seed=seed)):
        fmt = formats[i % len(formats)]
        # A serial in the text makes every file distinct even if two drafts coincide.
        text = f"{draft.text}\n（稿件编号 {seed}-{i:05d}）"
        path = folder / f"{i:05d}-{draft.kind}.{fmt}"
        if fmt == "txt":
            path.write_text(text, encoding="utf-8")
        elif fmt == "gb18030.txt":
            path.write_bytes(text.encode("gb18030"))
        elif fmt == "docx":
            build_plain_docx(path, text.split("\n"))
        elif fmt == "pdf":
            build_text_pdf(path, text.split("\n"))
        else:
            raise ValueError(f"unknown format {fmt!r}: choose from {', '.join(FORMATS)}")
        written.append(path)
    return written


def write_bad_files(folder: Path) -> list[Path]:
    """One file of each kind in :data:`BAD_FILES`."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {name: folder / name for name in BAD_FILES}
    paths["空文件.txt"].write_bytes(b"")
    good = build_plain_docx(folder / ".whole.docx", ["关于做好防汛工作的通知", "各镇街：" * 200])
    paths["损坏的文件.docx"].write_bytes(truncated_docx_bytes(good))
    good.unlink()
    build_scanned_pdf(paths["扫描件.pdf"])
    paths["二进制内容.txt"].write_bytes(bytes(range(256)) * 8)
    paths["扫描照片.png"].write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    return list(paths.values())
