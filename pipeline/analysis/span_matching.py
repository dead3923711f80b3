"""How a predicted span is matched to a gold span: the one rule `triage eval`, the
benchmarks and the analysts' notebooks share, so their figures agree."""

from __future__ import annotations


def iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def match_spans(
    gold: list[tuple[int, int]], predicted: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs of one label's spans: each prediction, in
    order, takes the unused gold span it overlaps most, if their IoU is at least 0.5."""
    used: set[int] = set()
    pairs = []
    for j, ps in enumerate(predicted):
        best = max(
            ((i, iou(ps, gs)) for i, gs in enumerate(gold) if i not in used),
            key=lambda x: x[1],
            default=None,
        )
        if best and best[1] >= 0.5:
            used.add(best[0])
            pairs.append((best[0], j))
    return pairs
