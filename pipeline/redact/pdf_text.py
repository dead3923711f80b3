"""What a PDF's content streams say, decoded through their fonts, for the leak check.

Searching a PDF's bytes for a value finds ``(110105194912310021) Tj`` but not the same
number written as a hex string ``<313130…> Tj``, nor glyph codes that a font's encoding
(``/Differences``, a ToUnicode map, a CID font) turns into those digits. So every
text-showing operator is decoded the way a viewer decodes it (pdfminer's fonts:
ToUnicode, predefined CMaps, simple encodings and glyph names), in:

- each page's content, with every Form XObject it paints,
- every Form XObject in the page's resources even if the page never paints it,
- every appearance stream of every annotation (normal, rollover, down);

and the strings of marked-content properties (``/ActualText``, ``/Alt``) are read too.
Each string is also read as its raw bytes (Latin-1 and UTF-16BE), whatever the font.

A glyph that no mapping turns into a character, or a stream that cannot be
interpreted, makes the page *unsure*: nothing proves it does not show a value, so the
redactor rasterises it, and the last check before writing refuses the copy.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from pdfminer.pdfdevice import PDFDevice
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFObjRef, PDFStream, resolve1
from pdfminer.psparser import PSLiteral
from pdfminer.utils import decode_text

from pipeline.fold import fold

# pdfminer logs every oddity of hostile files at WARNING; the outcome is what counts here.
logging.getLogger("pdfminer").setLevel(logging.ERROR)


@dataclass
class PageText:
    """Everything a page's streams say, and whether some of it could not be decoded."""

    number: int
    strings: list[str] = field(default_factory=list)
    unsure: list[str] = field(default_factory=list)

    def hits(self, values: Iterable[str]) -> list[str]:
        folded = fold("".join(self.strings))
        return [v for v in values if fold(v) and fold(v) in folded]


class _Collector(PDFDevice):
    """A device that keeps the text of every text-showing operator, decoded."""

    def __init__(self, rsrcmgr: PDFResourceManager, page: PageText) -> None:
        super().__init__(rsrcmgr)
        self.page = page
        self.where = "page content"

    def render_string(self, textstate: Any, seq: Any, ncs: Any, graphicstate: Any) -> None:
        font = textstate.font
        decoded: list[str] = []
        raw: list[bytes] = []
        for item in seq:
            if not isinstance(item, bytes):
                continue
            raw.append(item)
            for cid in font.decode(item) if font is not None else ():
                try:
                    decoded.append(font.to_unichr(cid))
                except (PDFUnicodeNotDefined, KeyError, IndexError, ValueError):
                    decoded.append("\ufffd")
        text = "".join(decoded)
        if font is None or "\ufffd" in text:
            self.page.unsure.append(f"{self.where}: glyphs without a known character")
        self.page.strings.append(text)
        data = b"".join(raw)
        self.page.strings.append(data.decode("latin-1"))
        self.page.strings.append(data.decode("utf-16-be", errors="ignore"))

    def begin_tag(self, tag: PSLiteral, props: Any = None) -> None:
        self.page.strings.extend(_dict_strings(props))

    def do_tag(self, tag: PSLiteral, props: Any = None) -> None:
        self.page.strings.extend(_dict_strings(props))


def _dict_strings(props: Any) -> Iterator[str]:
    props = resolve1(props)
    if isinstance(props, dict):
        for value in props.values():
            value = resolve1(value)
            if isinstance(value, bytes):
                yield decode_text(value)


def page_texts(
    data: bytes, pages: Iterable[int] | None = None, *, annotations: bool = True
) -> list[PageText]:
    """The decoded text of the given 1-based pages (all by default), with or without
    the annotations' appearance streams."""
    wanted = set(pages) if pages is not None else None
    parser = PDFParser(io.BytesIO(data))
    document = PDFDocument(parser)
    manager = PDFResourceManager(caching=True)
    out: list[PageText] = []
    for number, page in enumerate(PDFPage.create_pages(document), 1):
        if wanted is not None and number not in wanted:
            continue
        result = PageText(number)
        out.append(result)
        device = _Collector(manager, result)
        try:
            _read_page(page, device, manager, annotations)
        except Exception as exc:  # a stream we cannot interpret proves nothing clean
            result.unsure.append(f"{device.where}: cannot be interpreted ({type(exc).__name__})")
    return out


def _read_page(
    page: PDFPage, device: _Collector, manager: PDFResourceManager, annotations: bool
) -> None:
    interpreter = PDFPageInterpreter(manager, device)
    device.where = "page content"
    interpreter.process_page(page)
    resources = page.resources or {}
    for name, form in _forms(resources):
        device.where = f"form XObject {name}"
        form_resources = resolve1(form.get("Resources")) or resources
        PDFPageInterpreter(manager, device).render_contents(form_resources, [form])
    for index, stream, resources_of in _appearances(page) if annotations else ():
        device.where = f"annotation {index} appearance"
        PDFPageInterpreter(manager, device).render_contents(resources_of, [stream])


def _forms(resources: dict[Any, Any]) -> Iterator[tuple[str, PDFStream]]:
    """Every Form XObject reachable from ``resources``, each once."""
    seen: set[int] = set()
    stack = [resources]
    while stack:
        xobjects = resolve1(resolve1(stack.pop()).get("XObject")) or {}
        if not isinstance(xobjects, dict):
            continue
        for name, ref in xobjects.items():
            key = ref.objid if isinstance(ref, PDFObjRef) else id(ref)
            form = resolve1(ref)
            if key in seen or not isinstance(form, PDFStream):
                continue
            seen.add(key)
            subtype = form.get("Subtype")
            if isinstance(subtype, PSLiteral) and subtype.name == "Form":
                yield str(name), form
                inner = resolve1(form.get("Resources"))
                if isinstance(inner, dict):
                    stack.append(inner)


def _appearances(page: PDFPage) -> Iterator[tuple[int, PDFStream, dict[Any, Any]]]:
    """Every appearance stream of every annotation of ``page``, with its resources."""
    for index, ref in enumerate(resolve1(page.annots) or [], 1):
        annot = resolve1(ref)
        if not isinstance(annot, dict):
            continue
        ap = resolve1(annot.get("AP"))
        if not isinstance(ap, dict):
            continue
        for key in ("N", "R", "D"):
            entry = resolve1(ap.get(key))
            streams = [entry] if isinstance(entry, PDFStream) else []
            if isinstance(entry, dict):
                streams = [
                    s for s in (resolve1(v) for v in entry.values()) if isinstance(s, PDFStream)
                ]
            for stream in streams:
                resources = resolve1(stream.get("Resources"))
                yield index, stream, resources if isinstance(resources, dict) else {}
