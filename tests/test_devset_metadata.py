"""Metadata accuracy on the devset stays at or above the 0.95 target per field.

benchmarks/metadata.py prints the figures; this pins them against regressions.
"""

from __future__ import annotations

from pipeline.metadata import extract_metadata

FIELDS = ("title", "doc_number", "issuer", "date", "doc_type", "secret_level", "disclosure_marking")


def test_devset_metadata_accuracy(devset_records: dict) -> None:  # type: ignore[type-arg]
    hits = dict.fromkeys(FIELDS, 0)
    for record in devset_records.values():
        meta = extract_metadata(record["text"]).to_dict()
        for field in FIELDS:
            hits[field] += meta[field] == record["metadata"][field]
    accuracy = {f: hits[f] / len(devset_records) for f in FIELDS}
    assert all(v >= 0.95 for v in accuracy.values()), accuracy
