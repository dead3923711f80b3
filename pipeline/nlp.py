"""The trained spaCy NER model (``models/ner``): person names (PER) and addresses (ADDR),
and jieba's part-of-speech tagger, each loaded once per process.

The NER model is loaded offline from the folder ``triage train ner`` wrote; when the
folder is absent the recognizers work on rules alone. The model tags ~40 k chars/s on
one core, so callers hand it only short windows that may hold a name.
"""

from __future__ import annotations

import marshal
import os
import tempfile
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.config import MODELS_DIR

MODEL_DIR = MODELS_DIR / "ner"
Entity = tuple[int, int, str]  # start, end (exclusive), label


@lru_cache(maxsize=2)
def load_ner(path: Path = MODEL_DIR) -> Any | None:
    """The spaCy pipeline, or None when no trained model is present."""
    if not (path / "meta.json").is_file():
        return None
    import spacy

    return spacy.load(path)


def entities(texts: Sequence[str], nlp: Any | None = None) -> list[list[Entity]]:
    """The entities of each text (empty lists when no model is available)."""
    nlp = nlp if nlp is not None else load_ner()
    if nlp is None:
        return [[] for _ in texts]
    return [
        [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        for doc in nlp.pipe(texts, batch_size=64)
    ]


@lru_cache(maxsize=1)
def jieba_posseg() -> Any:
    """``jieba.posseg``, quiet, with jieba's prefix dictionary loaded."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    _load_jieba_dictionary(jieba.dt)
    import jieba.posseg

    jieba.dt.check_initialized()  # whatever the fast path left undone
    return jieba.posseg


def _load_jieba_dictionary(tokenizer: Any) -> None:
    """What ``Tokenizer.initialize`` does for the default dictionary when its cache file
    exists, ~3x faster: jieba reads the 9 MB cache with ``marshal.load(file)``, a few
    bytes per call (1.2 s); ``marshal.loads`` of the whole file gives the same dictionary
    in 0.4 s. Anything else (a custom dictionary, no or a broken cache) is left to jieba."""
    import jieba

    with tokenizer.lock:
        if tokenizer.initialized or tokenizer.dictionary != jieba.DEFAULT_DICT:
            return
        name = tokenizer.cache_file or "jieba.cache"
        cache = os.path.join(tokenizer.tmp_dir or tempfile.gettempdir(), name)
        try:
            with open(cache, "rb") as file:
                freq, total = marshal.loads(file.read())
        except Exception:  # jieba's own rule: any failure → rebuild the cache
            return
        tokenizer.FREQ, tokenizer.total = freq, total
        tokenizer.initialized = True
