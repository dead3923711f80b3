"""The checks every private-data hand's own test makes of its drafts (the nineteenth and
twentieth hands' tests shared them line for line): every kind is written, a published
list and only it is marked ``public_persons``, each gold span is the text it marks, IDs
and cards pass their check digits, look-alikes hold no span."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from stdnum import luhn
from stdnum.cn import ric


def checked_labels(
    drafts: list[dict[str, Any]],
    kinds: Collection[str],
    list_kinds: Collection[str],
    public_kinds: Collection[str],
) -> dict[str, set[str]]:
    """The labels each kind's gold holds, after asserting the hand's drafts are sound."""
    assert {d["kind"] for d in drafts} == set(kinds)
    labels: dict[str, set[str]] = {}
    for d in drafts:
        assert d.get("public_persons", False) is (d["kind"] in list_kinds)
        for s in d["spans"]:
            assert d["text"][s["start"] : s["end"]] == s["text"]
            value = s["text"].replace("\n", "")
            if s["label"] == "ID_CARD":
                assert ric.calc_check_digit(value) == value[-1].upper()
            if s["label"] == "BANK_CARD":
                assert luhn.is_valid(value)
        labels.setdefault(d["kind"], set()).update(s["label"] for s in d["spans"])
    for kind in public_kinds:
        assert labels[kind] == set()
    return labels
