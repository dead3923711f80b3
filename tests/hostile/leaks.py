"""Is a value recoverable from a file, in any written form? The hostile suite's oracle.

Written independently of the redactor's own leak check (``pipeline.fold``,
``pipeline.redact.docx_check``, ``pipeline.redact.pdf_text``), so the two do not share
a blind spot:

- values and texts are normalised with NFKC (full-width digits become ASCII), white
  space, control and format characters (soft hyphen, zero-width space), combining marks
  and every hyphen or dash removed, case folded;
- a .docx (any zip) is unzipped recursively; every entry is read as UTF-8, UTF-16 (both
  byte orders) and GB18030, raw, with tags stripped, with ``w:sym`` characters put back,
  HTML entities and percent-escapes decoded;
- a PDF's non-image streams are decompressed by qpdf (through pikepdf) and read as
  Latin-1, UTF-8 and UTF-16BE, and as the string operands of their operators (literal,
  octal-escaped or hex); every string object is read; and every page, Form XObject
  and annotation appearance stream is interpreted by pdfminer, the text of each
  text-showing operator decoded through its font.

Shared by the hostile suite's files; ``assert_no_value(path, values)`` is the check.
"""

from __future__ import annotations

import html
import io
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

HYPHENS = set("-‐‑‒–—―−﹘﹣－")
_DROP = re.compile(
    "[\\s\\x00-\\x1f\\x7f-\\x9f\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f"
    "\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u206f\\u3164\\ufe00-\\ufe0f\\ufeff\\uffa0"
    "\\u0300-\\u036f" + "".join(re.escape(h) for h in sorted(HYPHENS)) + "]+"
)


def normalise(text: str) -> str:
    """NFKC, without white space, controls, invisible format characters, combining
    marks or hyphens, case folded."""
    return _DROP.sub("", unicodedata.normalize("NFKC", text)).casefold()


def _decodings(blob: bytes) -> Iterator[str]:
    """UTF-8 text as such; anything else (UTF-16 XML, GB18030, binary) every way."""
    try:
        yield blob.decode("utf-8")
        return
    except UnicodeDecodeError:
        pass
    for encoding in ("utf-8", "utf-16-le", "utf-16-be", "gb18030"):
        yield blob.decode(encoding, errors="ignore")


def _views(text: str) -> Iterator[str]:
    yield text
    with_symbols = re.sub(
        r"<w:sym\b[^>]*w:char=\"([0-9A-Fa-f]{1,6})\"[^>]*/>",
        lambda m: chr(int(m.group(1), 16)),
        text,
    )
    stripped = re.sub(r"<[^>]*>", "", with_symbols)
    yield stripped
    yield html.unescape(stripped)
    yield unquote(html.unescape(text))


def zip_texts(data: bytes, where: str = "") -> Iterator[tuple[str, str]]:
    """(where, text) for every way of reading every entry of a zip, recursively."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        yield f"{where}(names)", "\n".join(i.filename for i in package.infolist())
        for info in package.infolist():
            blob = package.read(info)
            name = where + info.filename
            if blob.startswith(b"PK\x03\x04"):
                yield from zip_texts(blob, name + "!/")
                continue
            for text in _decodings(blob):
                for view in _views(text):
                    yield name, view


def _string_views(blob: bytes) -> str:
    return blob.decode("latin-1") + "\n" + blob.decode("utf-16-be", "ignore")


def _strings(obj: Any, seen: set[tuple[int, int]]) -> Iterator[str]:
    """Every string object under ``obj``, as text and as its raw bytes."""
    import pikepdf

    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, pikepdf.Object) and item.is_indirect:
            if item.objgen in seen:
                continue
            seen.add(item.objgen)
        if isinstance(item, pikepdf.String):
            yield str(item) + "\n" + unquote(str(item)) + "\n" + _string_views(bytes(item))
        elif isinstance(item, pikepdf.Array):
            stack.extend(item)
        elif isinstance(item, pikepdf.Dictionary | pikepdf.Stream):
            stack.extend(item.values())


def pdf_texts(data: bytes) -> Iterator[tuple[str, str]]:
    """(where, text) for every way of reading a PDF: every non-image stream decompressed
    by qpdf (pikepdf) as bytes and as the string operands of its operators (literal,
    octal-escaped or hex), every string object, and every text-showing operator decoded
    through its font by pdfminer."""
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        seen: set[tuple[int, int]] = set()
        yield "string objects", "\n".join(_strings(pdf.trailer, seen))
        for obj in pdf.objects:
            if not isinstance(obj, pikepdf.Stream) or obj.get("/Subtype") == "/Image":
                continue
            where = f"stream {obj.objgen}"
            blob = obj.read_bytes()
            for encoding in ("latin-1", "utf-8", "utf-16-be"):
                yield where, blob.decode(encoding, errors="ignore")
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    operations = pikepdf.parse_content_stream(obj)
            except Exception:  # not a content stream (a font, a CMap)
                continue
            operands = [
                _string_views(bytes(o))
                for operation in operations
                for o in operation.operands
                if isinstance(o, pikepdf.String)
            ]
            yield f"{where} string operands", "\n".join(operands)
    yield from _font_decoded(data)


def _font_decoded(data: bytes) -> Iterator[tuple[str, str]]:
    from pdfminer.pdfdevice import PDFDevice
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdffont import PDFUnicodeNotDefined
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import PDFStream, resolve1

    class Device(PDFDevice):
        def __init__(self, manager: PDFResourceManager) -> None:
            super().__init__(manager)
            self.text: list[str] = []

        def render_string(self, textstate: Any, seq: Any, ncs: Any, gs: Any) -> None:
            for item in seq:
                if isinstance(item, bytes):
                    for cid in textstate.font.decode(item):
                        try:
                            self.text.append(textstate.font.to_unichr(cid))
                        except PDFUnicodeNotDefined:
                            self.text.append("?")

    document = PDFDocument(PDFParser(io.BytesIO(data)))
    manager = PDFResourceManager()
    for number, page in enumerate(PDFPage.create_pages(document), 1):
        device = Device(manager)
        PDFPageInterpreter(manager, device).process_page(page)
        yield f"page {number} (through fonts)", "".join(device.text)
    for xref in document.xrefs:  # every stream that could be drawn: XObjects, appearances
        for objid in xref.get_objids():
            try:
                obj = resolve1(document.getobj(objid))
            except Exception:
                continue
            if isinstance(obj, PDFStream) and getattr(obj.get("Subtype"), "name", "") == "Form":
                device = Device(manager)
                resources = resolve1(obj.get("Resources")) or {}
                PDFPageInterpreter(manager, device).render_contents(resources, [obj])
                yield f"form XObject {objid} (through fonts)", "".join(device.text)


def found(path: Path, values: Iterable[str]) -> list[str]:
    """``where: value`` for every value recoverable from the file at ``path``."""
    data = path.read_bytes()
    texts = pdf_texts(data) if data.startswith(b"%PDF") else zip_texts(data)
    wanted = {v: normalise(v) for v in values}
    hits: list[str] = []
    for where, text in texts:
        flat = normalise(text)
        hits.extend(f"{where}: {v}" for v, key in wanted.items() if key and key in flat)
    return sorted(set(hits))


def assert_no_value(path: Path, values: Iterable[str]) -> None:
    leaks = found(path, values)
    assert not leaks, f"{path.name}: values recoverable: {leaks}"


def ocr_pages(path: Path, dpi: int = 200) -> list[str]:
    """Each page of a PDF as a reader sees it — rendered with its annotations, then read
    by the project's OCR (a rasterised page has no text left to search otherwise)."""
    import pypdfium2 as pdfium

    from pipeline.ingest.ocr import recognise

    document = pdfium.PdfDocument(str(path))
    try:
        return [
            recognise(page.render(scale=dpi / 72, draw_annots=True).to_pil()).text
            for page in document
        ]
    finally:
        document.close()


def ocr_found(path: Path, values: Iterable[str]) -> list[str]:
    """``page N: value`` for every value OCR reads on a rendered page, normalised."""
    pages = [normalise(text) for text in ocr_pages(path)]
    return [
        f"page {n}: {value}"
        for value in values
        for n, text in enumerate(pages, 1)
        if normalise(value) in text
    ]
