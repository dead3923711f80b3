"""Bounds on what a PDF's streams may inflate to while pdfminer reads them.

pdfminer decodes a stream in one call (``zlib.decompress``, LZW and RunLength into one
buffer) when it needs its data: the cross-reference and object streams as it opens the
file, then page contents and fonts. A 1 MB Flate stream of zeros inflates to 1 GB that way,
an LZW or RunLength one further. Its stream objects are parsed before any of them can be
looked at (the object table itself is a stream), so the bound is put where the inflating
happens: :func:`install` replaces the three decoders pdfminer's ``pdftypes`` module calls
with ones that inflate a megabyte at a time and stop with :class:`StreamTooLarge` when

- the streams decoded for one document exceed ``Settings.max_inflated_bytes`` together, or
- a stream of more than 1 MB inflates more than ``Settings.max_ratio`` times its size.

The limits are those of the :func:`bounded` block the reading runs in (per thread, the
streams of one document counted together), and the defaults of
:class:`~pipeline.config.Settings` for each stream alone outside one, so any other reader
(redaction, copies) is bounded too. The decoders give the same bytes as pdfminer's own.
"""

from __future__ import annotations

import io
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from types import SimpleNamespace
from typing import Any

from pdfminer import pdftypes
from pdfminer.lzw import LZWDecoder

from pipeline.config import Settings

CHUNK = 1 << 20
RATIO_FLOOR = 1 << 20


class StreamTooLarge(Exception):
    """A stream inflated past the limits; the file is recorded as ``too_large``."""


class _Budget(threading.local):
    def __init__(self) -> None:
        self.settings = Settings()
        self.used = 0
        self.counting = False  # inside bounded(): streams add up; outside, each alone


_budget = _Budget()


@contextmanager
def bounded(settings: Settings) -> Iterator[None]:
    """Read a PDF within ``settings``' limits (the streams it decodes counted afresh)."""
    install()
    before = (_budget.settings, _budget.used, _budget.counting)
    _budget.settings, _budget.used, _budget.counting = settings, 0, True
    try:
        yield
    finally:
        _budget.settings, _budget.used, _budget.counting = before


def _grow(size: int, consumed: int, *, final: bool = False) -> None:
    """Check a stream that has inflated ``size`` bytes out of ``consumed`` input bytes."""
    settings = _budget.settings
    if size > RATIO_FLOOR and size > settings.max_ratio * max(1, consumed):
        raise StreamTooLarge(
            f"a stream inflates more than {settings.max_ratio} times its size "
            f"(TRIAGE_MAX_RATIO): a compression bomb, not a document"
        )
    if _budget.used + size > settings.max_inflated_bytes:
        raise StreamTooLarge(
            f"its streams inflate to more than {settings.max_inflated_bytes / 1048576:.0f} MB "
            "(TRIAGE_MAX_INFLATED_BYTES)"
        )
    if final and _budget.counting:
        _budget.used += size


def _inflate(data: bytes) -> bytes:
    """``zlib.decompress(data)``, a megabyte at a time and checked as it grows."""
    inflater = zlib.decompressobj()
    out: list[bytes] = []
    size = 0
    pending = data
    while pending and not inflater.eof:
        chunk = inflater.decompress(pending, CHUNK)
        pending = inflater.unconsumed_tail
        size += len(chunk)
        _grow(size, len(data) - len(pending))
        out.append(chunk)
    if not inflater.eof:
        raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
    _grow(size, len(data), final=True)
    return b"".join(out)


class _CountingInflater:
    """``zlib.decompressobj()`` for pdfminer's byte-by-byte repair of damaged streams."""

    def __init__(self) -> None:
        self._inflater = zlib.decompressobj()
        self._size = 0
        self._consumed = 0

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        self._consumed += len(data)
        parts: list[bytes] = []
        pending = data
        while True:  # one input byte may inflate to more than a chunk: take it in turns
            chunk = self._inflater.decompress(pending, CHUNK)
            self._size += len(chunk)
            _grow(self._size, self._consumed)
            parts.append(chunk)
            pending = self._inflater.unconsumed_tail
            if not pending:
                return b"".join(parts)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inflater, name)


def _lzw(data: bytes) -> bytes:
    out: list[bytes] = []
    size = 0
    for piece in LZWDecoder(io.BytesIO(data)).run():
        size += len(piece)
        _grow(size, len(data))
        out.append(piece)
    _grow(size, len(data), final=True)
    return b"".join(out)


def _run_length(data: bytes) -> bytes:
    """pdfminer's RunLength decoder (PDF 1.7 §7.4.5) into a bytearray, bounded as it goes."""
    out = bytearray()
    i = 0
    while i < len(data):
        length = data[i]
        if length == 128:
            break
        if length < 128:
            out += data[i + 1 : i + 2 + length]
            i += 2 + length
        else:
            out += data[i + 1 : i + 2] * (257 - length)
            i += 2
        _grow(len(out), i)
    _grow(len(out), len(data), final=True)
    return bytes(out)


_ZLIB = SimpleNamespace(decompress=_inflate, decompressobj=_CountingInflater, error=zlib.error)


def install() -> None:
    """Put the bounded decoders where pdfminer's stream decoding calls them (idempotent)."""
    module: Any = pdftypes
    module.zlib = _ZLIB
    module.lzwdecode = _lzw
    module.rldecode = _run_length
