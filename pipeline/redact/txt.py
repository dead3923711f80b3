"""Redacted copies of plain-text files: the redacted characters are gone from the bytes.

Two styles: ``block`` puts one ■ per redacted character, so the copy keeps the layout
and every offset; ``label`` puts one bracketed label per span (【身份证号】), which reads
better in a published notice. The copy keeps the source's encoding (GB18030 stays
GB18030, a UTF-8 byte-order mark stays) and its line ends.
"""

from __future__ import annotations

import codecs
from collections.abc import Sequence
from dataclasses import replace
from typing import Literal

from pipeline.document import Document
from pipeline.labels import placeholder
from pipeline.redact.spans import Redaction

Style = Literal["block", "label"]
MASK = "■"
BOMS = {
    "utf-8-sig": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
}


def redact_string(text: str, spans: Sequence[Redaction], style: Style = "block") -> str:
    """``text`` with every span replaced; spans are merged first, so overlaps are safe."""
    merged: list[Redaction] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if not 0 <= span.start < span.end <= len(text):
            raise ValueError(f"span {span.start}-{span.end} lies outside the text (0-{len(text)})")
        if merged and span.start <= merged[-1].end:
            merged[-1] = replace(merged[-1], end=max(merged[-1].end, span.end))
        else:
            merged.append(span)
    out: list[str] = []
    pos = 0
    for span in merged:
        out.append(text[pos : span.start])
        if style == "block":
            # Line ends inside a span stay, so the copy keeps its lines.
            out.append("".join(ch if ch == "\n" else MASK for ch in text[span.start : span.end]))
        else:
            out.append(placeholder(span.label))
        pos = span.end
    out.append(text[pos:])
    return "".join(out)


def redact_txt(
    document: Document, data: bytes, spans: Sequence[Redaction], style: Style = "block"
) -> bytes:
    """The bytes of the redacted copy, in the source's encoding and line ends."""
    return encode_like_source(document, data, redact_string(document.text, spans, style))


def encode_like_source(document: Document, data: bytes, text: str) -> bytes:
    """``text`` (with ``\n`` line ends) as bytes in the encoding, byte-order mark and line
    ends of the file ``data`` that ``document`` was read from."""
    encoding = document.encoding or "utf-8"
    bom = BOMS.get(encoding, b"")
    codec = encoding.replace("-sig", "")
    original = data[len(bom) :].decode(codec)
    newline = "\r\n" if "\r\n" in original else "\r" if "\r" in original else "\n"
    return bom + text.replace("\n", newline).encode(codec)
