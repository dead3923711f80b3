"""The attribute model (``models/attribute``): P(主动公开 / 部分公开 / 依申请公开 / 不予公开).

A scikit-learn pipeline over one feature dict per document (:func:`features`): the
character n-grams of the title and opening, the document type, the drafter's marking,
counts of findings by label and role, and structural cues (an addressee that is a person,
a 当事人 line, a list layout). The rules in :mod:`pipeline.decide` stay in charge; the
model's probabilities give the confidence and flag documents where it disagrees.
They are computed by :mod:`pipeline.classify.fast_linear` (the same floats as
``predict_proba``, without scikit-learn's per-call validation: ~0.3 ms instead of ~15 ms)
from arrays :mod:`pipeline.classify.model_file` keeps compiled.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.config import MODELS_DIR
from pipeline.finding import Finding
from pipeline.metadata import Metadata

if TYPE_CHECKING:
    from pipeline.classify.fast_linear import AttributeModel
    from pipeline.classify.model_file import ModelFile

MODEL_PATH = MODELS_DIR / "attribute" / "model.joblib"
# Another model file for this process and the scan workers it starts (they inherit the
# environment): a retrained model is tried with `triage scan`/`triage eval` before it
# replaces models/attribute.
MODEL_ENV = "TRIAGE_ATTRIBUTE_MODEL"
PARTY_LINE = re.compile(r"(?:当事人|申请人|被处罚人|信访人|被处罚单位|取水权人)[：:]")
LIST_ROW = re.compile(r"^\s*(?:[0-9]+|[一二三四五六七八九十]+)[　\s、.．]", re.M)


def head_text(text: str, metadata: Metadata, limit: int = 300) -> str:
    """What the model reads as text: the title and the opening of the body."""
    return f"{metadata.title or ''}\n{text[:limit]}"


def features(text: str, metadata: Metadata, findings: Sequence[Finding]) -> dict[str, Any]:
    """Structured features of one document (the text part is added by the pipeline)."""
    counts = Counter(
        f"{f.label}:{'official' if f.role == 'official' else 'private'}" for f in findings
    )
    out: dict[str, Any] = {f"n_{key}": min(count, 10) for key, count in counts.items()}
    out[f"type={metadata.doc_type or 'none'}"] = 1
    out[f"marking={metadata.disclosure_marking or 'none'}"] = 1
    if metadata.secret_level:
        out["secret_level"] = 1
    if metadata.doc_number:
        out["has_doc_number"] = 1
    out["addressees"] = min(len(metadata.addressees), 5)
    head = "\n".join(text.split("\n")[:14])
    if PARTY_LINE.search(head):
        out["party_line"] = 1
    out["list_rows"] = min(len(LIST_ROW.findall(text)), 20) / 20
    return out


class ModelNotFound(RuntimeError):
    """TRIAGE_ATTRIBUTE_MODEL names no file: the run asked for a model it would not get.
    Not an OSError: retrying (the nightly retries I/O errors) cannot make the file appear."""


def model_path() -> Path:
    """The model file this process uses: TRIAGE_ATTRIBUTE_MODEL when set (it must exist:
    else :class:`ModelNotFound`), else MODEL_PATH."""
    chosen = os.environ.get(MODEL_ENV, "").strip()
    if not chosen:
        return MODEL_PATH
    if not Path(chosen).is_file():
        raise ModelNotFound(
            f"{MODEL_ENV}={chosen}: no such model file (unset it to use {MODEL_PATH})"
        )
    return Path(chosen)


def load_model(path: Path | None = None) -> ModelFile | None:
    """The trained model at ``path`` (default :func:`model_path`, read at every call so
    a changed environment takes effect), or None when the default file is absent (the
    rules decide alone). A file named by TRIAGE_ATTRIBUTE_MODEL that is missing raises
    :class:`ModelNotFound`: scanning without the model asked for would look like a
    result of it."""
    return _load(model_path() if path is None else path)


@lru_cache(maxsize=4)
def _load(path: Path) -> ModelFile | None:
    """One :class:`ModelFile` per path and process. Scanning uses its compiled form
    (``.fast``, cached: no scikit-learn import); the estimator loads on first use."""
    if not path.is_file():
        return None
    from pipeline.classify.fast_linear import compile_attribute_model
    from pipeline.classify.model_file import ModelFile

    return ModelFile(path, compile_attribute_model)


def compiled(model: Any) -> AttributeModel | None:
    """The model's compiled form for :mod:`pipeline.classify.fast_linear`, or None."""
    from pipeline.classify.fast_linear import compile_attribute_model
    from pipeline.classify.model_file import compiled

    return compiled(model, compile_attribute_model)


def probabilities(
    text: str, metadata: Metadata, findings: Sequence[Finding], model: Any | None = None
) -> dict[str, float] | None:
    """Attribute → probability, or None when no model is present."""
    model = model if model is not None else load_model()
    if model is None:
        return None
    row = {"text": head_text(text, metadata), "features": features(text, metadata, findings)}
    fast = compiled(model)
    probs = fast.predict_proba(row) if fast is not None else None
    if fast is None or probs is None:  # a model or a row fast_linear does not repeat
        probs, classes = model.predict_proba([row])[0], model.classes_
    else:
        classes = fast.classes
    return {str(c): float(p) for c, p in zip(classes, probs, strict=True)}
