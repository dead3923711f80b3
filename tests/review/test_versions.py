"""Carrying an earlier file version's decision over to the new version (issue 21, item 7):
what is carried where the text around it is unchanged, what is left for a new look, and
the text diff a clerk reads (pipeline/review/versions.py, text_diff.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from pipeline.redact.occurrences import ValueGroup, value_groups
from pipeline.review.text_diff import text_diff, text_map
from pipeline.review.versions import EarlierDecision, carry

V1 = "\n".join(
    [
        "关于2024年临时救助发放情况的公示",
        "一、救助对象张三，身份证号110101199003077777，发放金额800元。",
        "二、救助对象李四，联系电话13800138000，发放金额600元。",
        "三、救助对象王五，住址幸福路8号，发放金额500元。",
        "公示期为5个工作日。",
    ]
)
VALUES = ["张三", "110101199003077777", "李四", "13800138000", "王五", "幸福路8号", "赵六"]
LABELS = {"110101199003077777": "ID_NUMBER", "13800138000": "PHONE", "幸福路8号": "ADDRESS"}


@dataclass(frozen=True)
class Found:
    id: int
    label: str
    start: int
    end: int


def groups(text: str, first_id: int, unproposed: tuple[str, ...] = ()) -> list[ValueGroup]:
    """Findings at every place each known value occurs; every one proposed for removal
    except the ``unproposed`` values."""
    found, proposals, n = [], [], first_id
    for value in VALUES:
        at = text.find(value)
        while at >= 0:
            found.append(Found(n, LABELS.get(value, "PERSON"), at, at + len(value)))
            if value not in unproposed:
                proposals.append({"start": at, "end": at + len(value), "label": "PERSON"})
            n += 1
            at = text.find(value, at + len(value))
    return value_groups(text, found, proposals)


def earlier(text: str = V1, **changes: Any) -> EarlierDecision:
    """V1 decided: 李四 kept (不同意), the rest removed; 幸福路8号 was not proposed, the
    reviewer added it by hand; one box drawn on page 1."""
    old = groups(text, 1, unproposed=("幸福路8号",))
    verdicts = {g.key: ("reject" if g.value == "李四" else "accept") for g in old}
    at = text.find("幸福路8号")
    added = [{"start": at, "end": at + 5, "label": "ADDRESS", "text": "幸福路8号"}]
    area = {"page": 1, "box": [10.0, 10.0, 50.0, 30.0], "label": "PERSON"}
    values = {"text": text, "groups": old, "verdicts": verdicts, "added": added}
    values |= {"areas": [area], "attribute": "部分公开"}
    return EarlierDecision(**(values | changes))


def by_value(new_groups: list[ValueGroup], keys: dict[str, str] | frozenset[str]) -> set[str]:
    return {g.value for g in new_groups if g.key in keys}


LINE = V1.split("\n")
EDITED = "\n".join([*LINE[:2], "二、救助对象李四，联系电话13900139000，发放金额650元。", *LINE[3:]])
MOVED = "\n".join([LINE[0], LINE[3], LINE[1], LINE[2], LINE[4]])
ADDED = "\n".join([*LINE[:4], "四、救助对象赵六，发放金额300元。", LINE[4]])
HAND_EDITED = "\n".join([*LINE[:3], "三、救助对象王五，发放金额500元。", LINE[4]])


@pytest.mark.parametrize(
    ("new", "carried", "fresh", "added", "dropped"),
    [
        pytest.param(
            V1,
            {"张三", "110101199003077777", "李四", "13800138000", "王五"},
            set(),
            ["幸福路8号"],
            [],
            id="unchanged-text-keeps-every-decision",
        ),
        pytest.param(
            EDITED,
            {"张三", "110101199003077777", "王五"},
            {"李四"},
            ["幸福路8号"],
            [],
            id="edited-paragraph-drops-only-its-own",
        ),
        pytest.param(
            MOVED,
            {"张三", "110101199003077777", "李四", "13800138000", "王五"},
            set(),
            ["幸福路8号"],
            [],
            id="moved-paragraph-keeps-its-decisions",
        ),
        pytest.param(
            ADDED,
            {"张三", "110101199003077777", "李四", "13800138000", "王五"},
            {"赵六"},
            ["幸福路8号"],
            [],
            id="new-paragraph-is-a-new-look",
        ),
        pytest.param(
            HAND_EDITED,
            {"张三", "110101199003077777", "李四", "13800138000"},
            {"王五"},
            [],
            ["幸福路8号"],
            id="hand-added-span-in-an-edited-paragraph-is-listed-not-carried",
        ),
    ],
)
def test_carry_over(
    new: str, carried: set[str], fresh: set[str], added: list[str], dropped: list[str]
) -> None:
    new_groups = groups(new, 100)
    plan = carry(earlier(), new, new_groups)
    assert by_value(new_groups, plan.verdicts) == carried
    # what is not carried is a new look, and nothing is both
    assert by_value(new_groups, plan.fresh) == {g.value for g in new_groups} - carried
    assert fresh <= by_value(new_groups, plan.fresh)
    assert [a["text"] for a in plan.added] == added
    assert [a["text"] for a in plan.dropped] == dropped
    for span in plan.added:  # at its place in the new text, marked as carried
        assert new[span["start"] : span["end"]] == span["text"] and span["carried"]
    verdict = {g.value: plan.verdicts[g.key] for g in new_groups if g.key in plan.verdicts}
    assert verdict.get("李四", "reject") == "reject"  # the kept name stays kept
    assert all(v == "accept" for k, v in verdict.items() if k != "李四")
    assert plan.attribute == "部分公开"
    # boxes have no text to follow: carried only when the whole text is unchanged
    assert (len(plan.areas), plan.dropped_areas) == ((1, 0) if new == V1 else (0, 1))


def test_the_edited_paragraph_is_the_only_new_look() -> None:
    """Editing 李四's line (a new phone number): 李四 and the other lines keep their
    verdicts; the new number is a new finding to decide."""
    new = EDITED.replace("13900139000", "13800138000")  # the same number, another amount
    new_groups = groups(new, 100, unproposed=("幸福路8号",))  # proposed as before
    plan = carry(earlier(), new, new_groups)
    assert by_value(new_groups, plan.fresh) == {"李四", "13800138000"}
    assert by_value(new_groups, plan.verdicts) == {
        "张三",
        "110101199003077777",
        "王五",
        "幸福路8号",
    }


def test_a_value_also_in_changed_text_is_a_new_look() -> None:
    """张三 now appears in an edited paragraph too: decided anew (the copy removes or
    keeps it everywhere, so its new context counts)."""
    new = V1.replace("公示期为5个工作日。", "公示期为5个工作日，联系人张三。")
    new_groups = groups(new, 100)
    plan = carry(earlier(), new, new_groups)
    assert "张三" in by_value(new_groups, plan.fresh)
    assert "李四" in by_value(new_groups, plan.verdicts)


def test_a_value_proposed_differently_is_a_new_look() -> None:
    """The machine now proposes 王五's address where it did not before: the earlier
    outcome (removed by hand) is no verdict on the new proposal."""
    new_groups = groups(V1, 100)
    old = earlier(groups=groups(V1, 1, unproposed=("王五",)))
    plan = carry(old, V1, new_groups)
    assert "王五" in by_value(new_groups, plan.fresh)


def test_text_map_follows_unchanged_and_moved_paragraphs_only() -> None:
    mapping = text_map(V1, MOVED)
    at = V1.find("王五")
    start, end = mapping.to_new(at, at + 2) or (0, 0)
    assert MOVED[start:end] == "王五" and start != at
    at = EDITED.find("李四")
    assert text_map(V1, EDITED).to_old(at, at + 2) is None  # its paragraph changed


def test_the_diff_a_clerk_reads() -> None:
    diff = text_diff(V1, EDITED)
    assert diff.summary == "修改 1 段；未改动 4 段"
    (row,) = [r for r in diff.rows if r.kind != "same"]
    assert (row.label, row.old_number, row.new_number) == ("修改", 3, 3)
    pieces = [(p.kind, p.text) for p in row.pieces]
    # numbers change as a whole, as a clerk reads them; Chinese text by character
    assert ("del", "13800138000") in pieces and ("ins", "13900139000") in pieces
    assert ("del", "600") in pieces and ("ins", "650") in pieces
    assert "".join(p.text for p in row.pieces if p.kind != "ins") == LINE[2]
    assert "".join(p.text for p in row.pieces if p.kind != "del") == EDITED.split("\n")[2]
    moved = text_diff(V1, MOVED)
    assert [r.label for r in moved.rows if r.kind != "same"] == ["移动"]
    added = text_diff(V1, ADDED)
    assert added.summary == "新增 1 段；未改动 5 段"
    assert text_diff(V1, V1).summary == "文字与上一版相同" and not text_diff(V1, V1).any
    removed = text_diff(ADDED, V1)
    assert [(r.label, r.old_number) for r in removed.rows if r.kind != "same"] == [("删除", 5)]
    rewritten = text_diff(V1, V1.replace(LINE[4], "本公示自即日起在镇政府公告栏张贴。"))
    assert [r.label for r in rewritten.rows if r.kind != "same"] == ["删除", "新增"]
