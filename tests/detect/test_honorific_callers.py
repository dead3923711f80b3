"""A caller named by surname and honorific after a private role word, and the caller's
later mentions across a PDF's wrap."""

from __future__ import annotations

import pytest

from pipeline.detect.honorific_callers import honorific_caller
from pipeline.detect.proposals import Proposal
from pipeline.detect.registry import detect

TICKET = "来电人：{who}\n来电号码：13812345678\n来电内容：反映噪声扰民。\n办理结果：已回访{again}，对办理结果表示满意。\n"


@pytest.mark.parametrize(
    ("who", "again", "names"),
    [
        ("牟女士", "牟女士", ["牟女士", "牟女士"]),
        ("牟女士", "牟女士\n", ["牟女士", "牟女士"]),  # a wrap right after
        ("牟女\n士", "牟\n女士", ["牟女\n士", "牟\n女士"]),  # a wrap inside
        ("巩女士", "巩\n女士", ["巩女士", "巩\n女士"]),
        ("邝德胜", "邝德\n胜", ["邝德胜", "邝德\n胜"]),
    ],
)
def test_caller_kept(who: str, again: str, names: list[str]) -> None:
    text = TICKET.format(who=who, again=again)
    found = [f.text for f in detect(text) if f.label == "PERSON" and f.role == "private"]
    assert found == names


@pytest.mark.parametrize(
    ("text", "sources", "role", "caller"),
    [
        ("牟女士", {"lexicon:private_person_roles": 0.9}, "private", True),
        ("欧阳先生", {"lexicon:private_person_roles": 0.9}, "private", True),
        # no role word named the field, or the name is a full name
        ("牟女士", {"model:lac": 0.6}, None, False),
        ("牟红霞", {"lexicon:private_person_roles": 0.9}, "private", False),
        ("女士们先生", {"lexicon:private_person_roles": 0.9}, "private", False),
    ],
)
def test_honorific_caller(
    text: str, sources: dict[str, float], role: str | None, caller: bool
) -> None:
    proposal = Proposal("PERSON", 0, len(text), text, dict(sources), role)  # type: ignore[arg-type]
    assert honorific_caller(proposal) is caller
