"""The re-check of a released file: no decided value may be recoverable from it.

``catalog publish`` releases the redacted copy to the public site. The redactor already
refuses to write a copy holding a value, but publishing does not take that on trust:
the bytes it is about to store and copy are searched again, with the same folded
comparison (any written form) and, for each format, the full leak check — every entry
of a .docx with nested packages unzipped; every page's text, every text-showing
operator decoded through its font and every string of a PDF; the decoded text of a
.txt. A file whose re-check finds anything, or that cannot be checked, is not released.

The findings name where and which kind of value (身份证号 in word/document.xml), never
the value itself: they are printed and logged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from pipeline.fold import folded_hits
from pipeline.ingest.errors import IngestError
from pipeline.ingest.text import decode_text
from pipeline.labels import label_name
from pipeline.redact.docx import value_pieces
from pipeline.redact.docx_check import find_values as docx_values
from pipeline.redact.pdf import find_values as pdf_values


def decided_values(text: str, redactions: Iterable[Mapping[str, object]]) -> dict[str, str]:
    """Each redacted value (cut at line ends and tabs, as the redactor cuts them) and its
    label, from a decision's spans over the document's text."""
    values: dict[str, str] = {}
    for span in redactions:
        start, end = int(str(span["start"])), int(str(span["end"]))
        for piece in value_pieces(text, start, end):
            values.setdefault(piece, str(span.get("label") or ""))
    return values


def leaks(fmt: str, data: bytes, values: Mapping[str, str]) -> list[str]:
    """Where a value of ``values`` (value → label) is still in ``data``, a file of format
    ``fmt``, as "where: kind of value"; empty when the file is clean."""
    if not values:
        return []
    keys = list(values)
    if fmt == "docx":
        found = docx_values(data, keys)
    elif fmt == "pdf":
        try:
            found = pdf_values(data, keys)
        except Exception as exc:  # a copy we cannot open is not released
            return [f"无法复核（{type(exc).__name__}）"]
    else:
        try:
            text, _encoding = decode_text(data, "公开稿")
        except IngestError:
            return ["无法复核（文本编码无法识别）"]
        found = [f"text: {v}" for v in folded_hits(text, keys)]
    return _named(found, values)


def _named(found: Sequence[str], values: Mapping[str, str]) -> list[str]:
    """ "where: value" → "where: 身份证号" (the longest value a finding ends with)."""
    out = []
    for item in found:
        where, value = item, ""
        for candidate in sorted(values, key=len, reverse=True):
            if item.endswith(": " + candidate):
                where, value = item[: -len(candidate) - 2], candidate
                break
        kind = label_name(values[value]) if value else "无法复核"
        place = re.sub(r"\s+", " ", where)
        out.append(f"{place}：{kind}")
    return list(dict.fromkeys(out))
