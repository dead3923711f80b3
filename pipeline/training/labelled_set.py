"""Labelled sets in the corpus schema (../shared/devset/README.md): the devset, a set
exported by ``triage export-labels``, or any ``corpus.jsonl`` an analyst writes.

Checked on load, with the file and line named: a span whose offsets do not give its text
would silently turn into a false positive and a miss in every table after it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pipeline.config import DATA_DIR, DEVSET, SHARED_DIR

DEVSET2 = SHARED_DIR / "devset2"
SPLIT_FILE = DATA_DIR / "devset_split.json"
SETS = {"devset": DEVSET, "devset2": DEVSET2}


class LabelledSetError(ValueError):
    """A record that does not follow the corpus schema."""


def corpus_file(path: Path) -> Path:
    """``path`` itself for a .jsonl file; ``path/corpus.jsonl`` for a corpus folder."""
    path = Path(path)
    return path / "corpus.jsonl" if path.is_dir() else path


def load_labelled(path: Path = DEVSET) -> list[dict[str, Any]]:
    """The records of a labelled set, each checked: id, text, spans whose offsets give
    their text (LabelledSetError otherwise)."""
    file = corpus_file(path)
    if not file.is_file():
        raise LabelledSetError(f"{file}: no such file (a corpus folder holds corpus.jsonl)")
    records = []
    seen: set[str] = set()
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{file}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise LabelledSetError(f"{where}: not JSON ({exc.msg})") from exc
        if (
            not isinstance(record, dict)
            or "id" not in record
            or not isinstance(record.get("text"), str)
        ):
            raise LabelledSetError(f"{where}: a record needs an id and a text")
        doc = str(record["id"])
        if doc in seen:
            raise LabelledSetError(f"{where}: id {doc} appears twice")
        seen.add(doc)
        for span in record.get("spans", []):
            try:
                start, end, label = int(span["start"]), int(span["end"]), str(span["label"])
            except (KeyError, TypeError, ValueError) as exc:
                raise LabelledSetError(f"{where}: a span needs start, end and label") from exc
            if not 0 <= start < end <= len(record["text"]):
                raise LabelledSetError(f"{where}: span {label} {start}–{end} outside the text")
            if "text" in span and record["text"][start:end] != span["text"]:
                raise LabelledSetError(
                    f"{where}: span {label} {start}–{end} is {record['text'][start:end]!r} in "
                    f"the text, not {span['text']!r}"
                )
        records.append(record)
    return records


def split_ids(part: str, split_file: Path = SPLIT_FILE) -> dict[str, list[str]]:
    """The ids of ``part`` ("tuned_on" or "not_tuned_on") by set name, from the committed
    split (``scripts/devset_split.py`` made it; rules and models are tuned on
    "tuned_on" only, and figures on "not_tuned_on" are the evidence)."""
    split = json.loads(split_file.read_text(encoding="utf-8"))
    if part not in ("tuned_on", "not_tuned_on"):
        raise ValueError(f"part must be tuned_on or not_tuned_on, not {part!r}")
    return {name: list(ids) for name, ids in split[part].items()}


def load_part(part: str, split_file: Path = SPLIT_FILE) -> list[dict[str, Any]]:
    """The labelled records of one part of the split, each with ``set`` (devset/devset2)
    added; LabelledSetError when a set named by the split is missing."""
    records: list[dict[str, Any]] = []
    for name, ids in split_ids(part, split_file).items():
        wanted = set(ids)
        found = [dict(r, set=name) for r in load_labelled(SETS[name]) if r["id"] in wanted]
        if len(found) != len(wanted):
            missing = sorted(wanted - {r["id"] for r in found})
            raise LabelledSetError(f"{SETS[name]}: the split names ids it lacks: {missing}")
        records += found
    return records


def gold_spans(records: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    return {str(r["id"]): list(r.get("spans", [])) for r in records}
