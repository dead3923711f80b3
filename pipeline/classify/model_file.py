"""A trained scikit-learn model file that scanning can use without scikit-learn.

Scanning needs only the fitted arrays of our linear models, in the form
:mod:`pipeline.classify.fast_linear` computes with. Importing scikit-learn and unpickling
an estimator takes ~1.8 s, in every worker process of every scan; so the compiled arrays
of the models in ``models/`` are kept in a cache file, keyed by the model file's
SHA-256, the scikit-learn version and the source of ``fast_linear.py``; a worker reads
them in ~0.1 s. The estimator itself is loaded on first use of anything else: a
:class:`ModelFile` answers every other attribute (``named_steps``, ``classes_``,
``predict_proba`` …) with the estimator's.

The cache holds pickles, like the model files: it lives in the user's cache directory
(``TRIAGE_CACHE_DIR``, else ``$XDG_CACHE_HOME/gongkai-triage``, else
``~/.cache/gongkai-triage``), one file per model (older versions are removed), and a
cache that cannot be read or written only costs the time it was meant to save.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from functools import cached_property, lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from pipeline.classify import fast_linear
from pipeline.config import MODELS_DIR

MODELS = MODELS_DIR


class ModelFile:
    """The estimator in ``path`` (joblib), and its compiled form (``fast``, or None for
    a model shape the compiler does not support)."""

    def __init__(self, path: Path, compile: Callable[[Any], Any | None]) -> None:
        self.path = path
        self._compile = compile

    @cached_property
    def estimator(self) -> Any:
        import joblib

        return joblib.load(self.path)

    @cached_property
    def fast(self) -> Any | None:
        cache = _cache_file(self.path)
        if cache is not None:
            cached = _read(cache)
            if cached is not None:
                return cached
        compiled = self._compile(self.estimator)
        if cache is not None and compiled is not None:
            _write(cache, compiled)
        return compiled

    def __getattr__(self, name: str) -> Any:
        """Everything but the compiled form is the estimator's."""
        if name.startswith("__") or name in ("path", "_compile", "estimator", "fast"):
            raise AttributeError(name)
        return getattr(self.estimator, name)

    def __repr__(self) -> str:
        return f"ModelFile({str(self.path)!r})"


def compiled(model: Any, compile: Callable[[Any], Any | None]) -> Any | None:
    """The compiled form of ``model``: a :class:`ModelFile`'s own, or that of an
    estimator compiled once (estimators hash by identity); None for a shape the compiler
    does not support, which callers then run through scikit-learn."""
    if isinstance(model, ModelFile):
        return model.fast
    return _compiled_estimator(model, compile)


@lru_cache(maxsize=4)
def _compiled_estimator(model: Any, compile: Callable[[Any], Any | None]) -> Any | None:
    return compile(model)


def cache_dir() -> Path:
    """Where compiled models are kept (see the module's docstring)."""
    if os.environ.get("TRIAGE_CACHE_DIR"):
        return Path(os.environ["TRIAGE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "gongkai-triage"


def _cache_file(path: Path) -> Path | None:
    """The cache file of a model in ``models/``; None for any other model file (those of
    tests and experiments are compiled in memory rather than left in the cache)."""
    resolved = path.resolve()
    if not resolved.is_relative_to(MODELS):
        return None
    try:
        digest = hashlib.sha256(resolved.read_bytes())
        digest.update(f"|scikit-learn {version('scikit-learn')}|".encode())
        digest.update(Path(fast_linear.__file__).read_bytes())
    except (OSError, PackageNotFoundError):
        return None
    name = "-".join(resolved.relative_to(MODELS).with_suffix("").parts)
    return cache_dir() / f"{name}-{digest.hexdigest()[:32]}.pickle"


def _read(cache: Path) -> Any | None:
    try:
        with cache.open("rb") as file:
            return pickle.load(file)
    except Exception:  # absent, unreadable or stale: compile again
        return None


def _write(cache: Path, compiled: Any) -> None:
    """Write atomically (workers may race), then drop older versions of the model."""
    prefix = cache.name.rsplit("-", 1)[0]
    temporary: str | None = None
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=cache.parent, prefix=".compiling-")
        with os.fdopen(fd, "wb") as file:
            pickle.dump(compiled, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, cache)
        temporary = None
        for old in cache.parent.glob(f"{prefix}-*.pickle"):
            if old != cache and old.name.rsplit("-", 1)[0] == prefix:
                old.unlink(missing_ok=True)
    except Exception:  # a cache that cannot be written only costs time
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
