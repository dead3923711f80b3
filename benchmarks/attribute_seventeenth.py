"""The attribute suggestion on drafts written by a seventeenth hand (issue 20).

    .venv/bin/python benchmarks/attribute_seventeenth.py [--seed 1717] [--count 550] [--errors]

tests/fixtures/attribute_seventeenth.py (with attribute_seventeenth_kept.py and its pen,
attribute_seventeenth_pen.py) writes whole drafts by a district's writers — 区政府 and its
办公室, 街道/乡镇, 区 bureaus, a school, a hospital, a 区属国企 — of kinds the earlier hands
lack or write otherwise: 行政复议决定 on a public matter or on one party's own, 行政处罚决定 on
an enterprise or a natural person, 公开申请 答复, 不予许可/不予登记, 询问/调查/勘验笔录, 案件集体
讨论记录 and 审批表, 征求意见稿 notices, 政策解读, 统计公报, 督查通报 and 问责 deliberation, 任前
公示 and 考察材料, 补贴/救助 公示 with IDs or accounts, unmarked 征兵/考试/储备/人防 papers and
密级 marks in odd forms; 22 kinds, 25 each at the default count; body lines OCR-spaced, a
third cut as a PDF's text with a page-number line left between. Scoring is
attribute_thirteenth.py's; a critical error is the sixteenth hand's (a 不予公开 draft
suggested 主动公开 or 部分公开, a 部分公开 one suggested 主动公开).

``--errors`` lists wrong suggestions: only for the seed being worked on, never for the
fresh seed kept for the final figure.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fixtures.attribute_seventeenth import critical, generate  # noqa: E402
from tests.fixtures.benchmark_module import load_benchmark  # noqa: E402

thirteenth = load_benchmark("attribute_thirteenth")


def main() -> int:
    return thirteenth.run_hand(__doc__ or "", generate, 1717, 550, critical)


if __name__ == "__main__":
    raise SystemExit(main())
