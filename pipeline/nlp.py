"""The trained spaCy NER model (``models/ner``): person names (PER) and addresses (ADDR).

Loaded once per process, offline, from the folder ``triage train ner`` wrote; when the
folder is absent the recognizers work on rules alone. The model tags ~40 k chars/s on
one core, so callers hand it only short windows that may hold a name.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "ner"
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
