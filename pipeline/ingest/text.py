"""Plain-text reader: decode UTF-8 / GB18030 / UTF-16 faithfully, never as mojibake.

Agencies still save ``.txt`` in GBK (Windows' default for Chinese) while newer tools
write UTF-8, sometimes with a BOM, and Notepad's "Unicode" is UTF-16. We detect the
encoding from BOMs, strict decoding and a plausibility check of the decoded characters,
and refuse (``unknown_encoding`` / ``binary_content``) rather than guess badly: a
reviewer must see exactly what the agency drafted. Line ends CRLF (and lone CR) become
LF; nothing else is changed, so for a UTF-8 file with LF ends offsets point into it.
"""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

from pipeline.document import Block, Document
from pipeline.ingest.errors import ErrorCode, IngestError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Decoded text must be at least this share of ordinary characters to be accepted.
MIN_PLAUSIBLE = 0.97


def read_text(path: Path, data: bytes, source: str) -> Document:
    """Decode ``data`` (the bytes of ``path``) into a Document with one block per line."""
    text, encoding = decode_text(data, source)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestError(ErrorCode.EMPTY, f"{source}: the file holds only whitespace, no text")
    blocks: list[Block] = []
    pos = 0
    for index, line in enumerate(text.split("\n")):
        blocks.append(Block(pos, pos + len(line), "paragraph", index=index))
        pos += len(line) + 1
    return Document(
        source=source,
        sha256=hashlib.sha256(data).hexdigest(),
        format="txt",
        text=text,
        blocks=blocks,
        body_end=len(text),
        encoding=encoding,
    )


def decode_text(data: bytes, source: str) -> tuple[str, str]:
    """Return ``(text, encoding name)`` or raise IngestError with the reason."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                raise IngestError(
                    ErrorCode.UNKNOWN_ENCODING,
                    f"{source}: starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding} at byte {exc.start + len(bom)}",
                ) from exc
            return text, encoding
    if b"\x00" in data:
        guess = _utf16_without_bom(data)
        if guess is not None:
            return guess
        raise IngestError(
            ErrorCode.BINARY_CONTENT,
            f"{source}: contains NUL bytes and is not UTF-16 text; this is binary data, "
            "not a text document (export it as .txt, .docx or .pdf)",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if plausibility(text) >= MIN_PLAUSIBLE:
            return text, "utf-8"
        raise _junk(source)
    # GB18030 first (a superset of GBK/GB2312, what mainland agencies use); Big5 only for
    # bytes that are not GB18030 at all, since Big5 text often also decodes as GBK.
    best: tuple[str, str] | None = None
    for encoding in ("gb18030", "big5"):
        try:
            best = (data.decode(encoding), encoding)
        except UnicodeDecodeError:
            continue
        break
    if best is not None and plausibility(best[0]) >= MIN_PLAUSIBLE:
        text, encoding = best
        if encoding == "gb18030" and _is_gbk(data):
            encoding = "gbk"
        return text, encoding
    if best is None or _control_ratio(data) > 0.01:
        raise _junk(source)
    raise IngestError(
        ErrorCode.UNKNOWN_ENCODING,
        f"{source}: not valid UTF-8, GB18030/GBK, Big5 or UTF-16 text; save it as UTF-8 "
        "and submit it again",
    )


def _junk(source: str) -> IngestError:
    return IngestError(
        ErrorCode.BINARY_CONTENT,
        f"{source}: the content is binary data, not text in any encoding we read "
        "(UTF-8, GB18030/GBK, Big5, UTF-16)",
    )


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if plausibility(text) >= MIN_PLAUSIBLE:
            return text, encoding
    return None


def _is_gbk(data: bytes) -> bool:
    try:
        data.decode("gbk")
    except UnicodeDecodeError:
        return False
    return True


def _ordinary(ch: str) -> bool:
    cp = ord(ch)
    if cp < 0x20:
        return ch in "\t\n\r\f"
    return (
        cp < 0x7F
        or 0xA0 <= cp <= 0x24F  # Latin-1, Latin Extended
        or 0x2000 <= cp <= 0x2BFF  # punctuation, symbols, arrows, enclosed numbers, boxes
        or 0x3000 <= cp <= 0x303F  # CJK punctuation (　、。〔〕《》…)
        or 0x3040 <= cp <= 0x30FF  # kana (in names of Japanese companies)
        or 0x3200 <= cp <= 0x33FF  # enclosed CJK, compatibility (㈠ ㎡)
        or 0x3400 <= cp <= 0x4DBF  # CJK extension A (rare characters in personal names)
        or 0x4E00 <= cp <= 0x9FFF  # CJK unified ideographs
        or 0xF900 <= cp <= 0xFAFF  # CJK compatibility ideographs
        or 0x20000 <= cp <= 0x3134F  # CJK extensions B–G (生僻字 of GB18030-2022)
        or 0xFF00 <= cp <= 0xFFEF  # full-width forms
        or 0xFE30 <= cp <= 0xFE4F  # CJK compatibility forms
        or cp == 0xFEFF
    )


def plausibility(text: str) -> float:
    """Share of characters that occur in ordinary Chinese or Western documents."""
    if not text:
        return 1.0
    return sum(1 for ch in text if _ordinary(ch)) / len(text)


def _control_ratio(data: bytes) -> float:
    if not data:
        return 0.0
    bad = sum(1 for b in data if b < 0x20 and b not in (9, 10, 12, 13))
    return bad / len(data)
